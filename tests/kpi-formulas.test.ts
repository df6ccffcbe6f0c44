/**
 * The KPI register's live formulas agree with the engine, checked with a real formula engine (HyperFormula): the
 * officer's sheets and the tool's written sheets are loaded together, the formulas evaluated, and every register
 * cell compared with what the engine computes. Edits made in the "workbook" after writing (a numerator, a target,
 * a tolerance, a new row) must be followed by the formulas, without the add-in.
 */
import * as path from 'node:path';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import {
  expectedRegisterValues,
  KPI_REGISTER_HEADERS,
  keyFromMonthKind,
  periodKeyOfCell,
  periodLabel,
  readKpisForPlan,
  expectedEndOffset,
  keyEndOffset,
  keyKind,
  BASE_MONTH,
  MAX_OFFSET,
  PeriodKind,
} from '../src/engine/kpi';
import { keyFromMonthKindFormula, labelFormula, monthKindFormula, periodTextFormula, shapeFormula, staleFormula } from '../src/engine/kpi/formulas';
import { structureWorkbookPlan } from '../src/engine/sheet-plan/structure-plan';
import { PlanValue, SheetPlan } from '../src/engine/sheet-plan/types';
import { structureWorkbook, StructureResult } from '../src/engine/structure';
import { CellValue, parseA1, SheetModel, WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { sheet } from './helpers/model';
import { edit, hyperFormulaError, withOddKpiCells } from './helpers/odd-kpi-cells';

const EXAMPLE = path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx');
const OPTIONS = { today: '2026-01-31', planStart: '2025-04-01' };
const QUARTERS = ['Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26'];

type Raw = string | number | boolean | null;

function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A cell as HyperFormula should hold it: text is quoted with ' so that "2025" or "01/04/2025" stay text. */
function raw(value: CellValue): Raw {
  switch (value.type) {
    case 'text':
      return `'${value.value}`;
    case 'date':
      return serial(value.value);
    case 'error':
      return hyperFormulaError(value.value);
    default:
      return value.value;
  }
}


function modelGrid(s: SheetModel): Raw[][] {
  const grid: Raw[][] = [];
  for (const c of s.cells) {
    while (grid.length < c.row) grid.push([]);
    const row = grid[c.row - 1];
    while (row.length < c.col) row.push(null);
    row[c.col - 1] = raw(c.value);
  }
  return grid;
}

function planValue(v: PlanValue): Raw {
  if (v === null) return null;
  switch (v.kind) {
    case 'formula':
      return `=${v.formula}`;
    case 'text':
      return `'${v.text}`;
    case 'number':
      return v.value;
    case 'date':
      return serial(v.iso);
  }
}

function planGrid(p: SheetPlan): Raw[][] {
  return p.rows.map((row) => row.map(planValue));
}

function build(sheets: Record<string, Raw[][]>): HyperFormula {
  // Accents count, as in Excel's MATCH ("Å1" is not "A1"); HyperFormula ignores them unless told.
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false, accentSensitive: true });
}

interface Written {
  hf: HyperFormula;
  result: StructureResult;
  model: WorkbookModel;
  registerName: string;
}

/** Structures the model, writes the tool's sheets and loads everything into HyperFormula. */
function write(model: WorkbookModel): Written {
  const result = structureWorkbook(model, OPTIONS);
  const plan = structureWorkbookPlan(result, model);
  const sheets: Record<string, Raw[][]> = {};
  for (const s of model.sheets) sheets[s.name] = modelGrid(s);
  for (const s of plan.sheets) sheets[s.name] = planGrid(s);
  const registerName = plan.sheets.find((s) => s.rows[0]?.[0] && (s.rows[0][0] as { text?: string }).text === 'KPI ID' && s.rows[0].length === KPI_REGISTER_HEADERS.length)!.name;
  return { hf: build(sheets), result, model, registerName };
}

const same = (got: Raw, want: string | number | null): boolean => {
  const g = got === '' ? null : got;
  if (typeof want === 'number' && typeof g === 'number') return Math.abs(want - g) <= 1e-9 * Math.max(1, Math.abs(want));
  return g === want;
};

/** Compares every register cell with the engine (run on `engineModel`); returns how many KPIs were compared. */
function compare(w: Written, engineModel: WorkbookModel): number {
  const result = structureWorkbook(engineModel, OPTIONS);
  const expected = expectedRegisterValues(readKpisForPlan(engineModel, result.settings, result.sheets), result.settings);
  const values = w.hf.getSheetValues(w.hf.getSheetId(w.registerName)!);
  expect(values[0]).toEqual([...KPI_REGISTER_HEADERS]);
  const problems: string[] = [];
  expected.forEach((e, i) => {
    KPI_REGISTER_HEADERS.forEach((h, j) => {
      const got = values[i + 1]?.[j] as Raw;
      if (!same(got ?? null, e[h])) problems.push(`${e['KPI ID']} ${h}: formula ${JSON.stringify(got)}, engine ${JSON.stringify(e[h])}`);
    });
  });
  expect(problems).toEqual([]);
  expect(values.length - 1).toBe(expected.length);
  return expected.length;
}

function setCell(hf: HyperFormula, sheetName: string, address: string, value: CellValue | null): void {
  const { row, col } = parseA1(address);
  hf.setCellContents({ sheet: hf.getSheetId(sheetName)!, row: row - 1, col: col - 1 }, [[value ? raw(value) : null]]);
}

let example: WorkbookModel;
let written: Written;
let compared = 0;

beforeAll(async () => {
  example = await readWorkbook(EXAMPLE);
  written = write(example);
});

afterAll(() => {
  // The figure the report quotes: KPI-periods compared between the formulas and the engine.
  console.log(`kpi-formulas: ${compared} KPI-periods compared with HyperFormula`);
});

describe('the example: formulas and engine agree', () => {
  test.each(QUARTERS)('every KPI as at %s (reporting period set in Plan Settings, read live by the formulas)', (quarter) => {
    const text: CellValue = { type: 'text', value: quarter };
    setCell(written.hf, 'Plan Settings', 'B4', text);
    compared += compare(written, edit(example, 'Plan Settings', 'B4', text));
  });

  test('with no reporting period set, the latest period with any figure is used', () => {
    setCell(written.hf, 'Plan Settings', 'B4', null);
    compared += compare(written, edit(example, 'Plan Settings', 'B4', null));
    setCell(written.hf, 'Plan Settings', 'B4', { type: 'text', value: 'Q2 2025/26' });
  });
});

describe('edits made after writing are followed by the formulas', () => {
  const cases: [string, string, string, CellValue | null][] = [
    ['a numerator (KPI-01 Q2 2025/26: 415 → 460, now on target)', 'KPI Data', 'C7', { type: 'number', value: 460 }],
    ['a denominator set to zero (KPI-02 Q2 2025/26)', 'KPI Data', 'D13', { type: 'number', value: 0 }],
    ['a value (KPI-14 Q2 2025/26: 3.1 → 3.4)', 'KPI Data', 'E85', { type: 'number', value: 3.4 }],
    ['a target filled in (KPI-12)', 'KPIs', 'H13', { type: 'number', value: 60 }],
    ['a target changed (KPI-02: 75 → 50)', 'KPIs', 'H3', { type: 'number', value: 50 }],
    ['a tolerance changed (KPI-01: 0.1 → 0.05)', 'KPIs', 'I2', { type: 'number', value: 0.05 }],
    ['a tolerance added as a percentage (KPI-09: 6 = 6%)', 'KPIs', 'I10', { type: 'number', value: 6 }],
    ['the default tolerance changed in Plan Settings (5% → 2%)', 'Plan Settings', 'B5', { type: 'number', value: 0.02 }],
    ['a period retyped (KPI-03 Q2 2025/26 → Sep-25)', 'KPI Data', 'B19', { type: 'text', value: 'Sep-25' }],
    ['a duplicate row corrected (KPI-07 row 43 removed)', 'KPI Data', 'A43', null],
    ['an id retyped in lower case (kpi-01)', 'KPI Data', 'A7', { type: 'text', value: 'kpi-01' }],
  ];
  test.each(cases)('%s', (_label, sheetName, address, value) => {
    const w = written;
    setCell(w.hf, sheetName, address, value);
    compared += compare(w, edit(example, sheetName, address, value));
    w.hf.undo();
    compared += compare(w, example);
  });

  test('a new row added below the data (KPI-01 Q3 2025/26, reporting period moved on)', () => {
    const w = write(example);
    let model = example;
    const row: [string, CellValue][] = [
      ['A87', { type: 'text', value: 'KPI-01' }],
      ['B87', { type: 'text', value: 'Q3 2025/26' }],
      ['C87', { type: 'number', value: 430 }],
      ['D87', { type: 'number', value: 566 }],
    ];
    for (const [address, value] of row) {
      setCell(w.hf, 'KPI Data', address, value);
      model = edit(model, 'KPI Data', address, value);
    }
    const period: CellValue = { type: 'text', value: 'Q3 2025/26' };
    setCell(w.hf, 'Plan Settings', 'B4', period);
    model = edit(model, 'Plan Settings', 'B4', period);
    compared += compare(w, model);
    const values = w.hf.getSheetValues(w.hf.getSheetId(w.registerName)!);
    expect(values[1].slice(7, 10)).toEqual(['Q3 2025/26', (430 / 566) * 100, 'Q2 2025/26']);
    // Every other KPI has no Q3 figure yet: Grey.
    expect(values.slice(2).map((r) => r[14])).toEqual(Array(13).fill('Grey'));
  });
});

describe('wide scorecards: formulas and engine agree', () => {
  test('monthly and quarterly scorecards with fractions shown as percentages, targets per year and bare quarter headers', () => {
    const scorecard = sheet('Scorecard', [
      ['ASC scorecard 2025/26'],
      ['Ref', 'Indicator', 'Good is', 'Target 2024/25', 'Target 2025/26', 'Tolerance', '2024/25 outturn', 'Q1', 'Q2', 'Q3', 'Q4'],
      ['S1', 'Percentage of reviews completed on time', '↑', 0.7, 0.75, null, 0.68, 0.71, 0.74, null, null],
      ['S2', 'Average days waiting for an OT assessment', 'Smaller is better', 30, 28, '±3', 33, 31, 30.5, null, null],
      ['S3', 'Admissions of older people to care homes (ASCOF 2C)', null, 560, 540, null, 552, 548, 571, null, null],
      ['S4', 'Carers satisfied with social services (ASCOF 3B)', 'High', null, 40, null, 38.5, null, null, null, null],
      ['S5', 'Number of Direct Payments', 'Bigger is better', 800, 820, 0.02, 790, 805, 805, null, null],
    ]);
    for (const c of scorecard.cells) if (c.row === 3 && c.col >= 4) c.numFmt = '0%';
    const months = sheet('Monthly', [
      ['KPI', 'Good is', 'Target', 'Apr-25', 'May-25', 'Jun-25', 'Jul-25', 'Aug-25', 'Sep-25'],
      ['People waiting for a Care Act assessment', 'Low', 300, 412, 388, 371, 356, 349, 340],
    ]);
    const model: WorkbookModel = { sheets: [scorecard, months] };
    const w = write(model);
    compared += compare(w, model);
    const values = w.hf.getSheetValues(w.hf.getSheetId(w.registerName)!);
    expect(values.map((r) => [r[0], r[7], r[14]])).toEqual([
      ['KPI ID', 'Latest period', 'RAG'],
      ['S1', 'Q2 2025/26', 'Amber'],
      ['S2', 'Q2 2025/26', 'Amber'],
      ['S3', 'Q2 2025/26', 'Red'],
      ['S4', '2024/25', 'Amber'],
      ['S5', 'Q2 2025/26', 'Amber'], // 805 vs 820 with a 2% tolerance: short by 15 ≤ 16.4
      ['Monthly row 2', 'Sep 2025', 'Red'],
    ]);
    // Edit a figure in the scorecard: the register follows.
    setCell(w.hf, 'Scorecard', 'I5', { type: 'number', value: 530 });
    compared += compare(w, edit(model, 'Scorecard', 'I5', { type: 'number', value: 530 }));
  });
});

describe('an unconfirmed polarity: formulas and engine agree that the KPI is not rated', () => {
  // No polarity column and names that say nothing of which way is better: the reader can only guess.
  const scorecard = sheet('Scorecard', [
    ['Ref', 'Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
    ['K1', 'Proportion of people in scheme X', 28, 30, 31.2],
    ['K2', 'Number of carers assessed', 400, 380, null],
  ]);
  const settingsRows = [['Setting', 'Value'], ['Reporting period', 'Q2 2025/26']];
  const columns = (w: Written) => w.hf.getSheetValues(w.hf.getSheetId(w.registerName)!).map((r) => [r[0], r[4], r[12], r[14]]);

  test('unsure: "Good is" says Unconfirmed, and the Direction and RAG formulas give "Not rated" (Grey still shows a missing figure)', () => {
    const model: WorkbookModel = { sheets: [scorecard, sheet('Plan Settings', settingsRows)] };
    const w = write(model);
    compared += compare(w, model);
    expect(columns(w)).toEqual([
      ['KPI ID', 'Good is', 'Direction', 'RAG'],
      ['K1', 'Unconfirmed', 'Not rated', 'Not rated'],
      ['K2', 'Unconfirmed', '', 'Grey'],
    ]);
    // A figure edited after writing: still not rated, in the formulas as in the engine.
    setCell(w.hf, 'Scorecard', 'E2', { type: 'number', value: 25 });
    compared += compare(w, edit(model, 'Scorecard', 'E2', { type: 'number', value: 25 }));
  });

  test('confirmed in Plan Settings: the polarity is written and the formulas judge again', () => {
    const model: WorkbookModel = { sheets: [scorecard, sheet('Plan Settings', [...settingsRows, ['Polarity: K1', 'lower'], ['Polarity: K2', 'higher']])] };
    const w = write(model);
    compared += compare(w, model);
    expect(columns(w).slice(1)).toEqual([
      ['K1', 'lower', '↓ worsening', 'Red'],
      ['K2', 'higher', '', 'Grey'],
    ]);
  });
});

describe('edge cases: formulas and engine agree', () => {
  const register = sheet('KPIs', [
    ['KPI ID', 'Name', 'Unit', 'Good is', 'Target'],
    ['K1', 'Reviews on time', 'percentage', 'higher', 80],
    ['K2', 'Days waiting', 'days', 'lower', 20],
  ]);

  test('a register with no data sheet: every KPI Grey', () => {
    const model: WorkbookModel = { sheets: [register] };
    const w = write(model);
    compared += compare(w, model);
    expect(w.hf.getSheetValues(w.hf.getSheetId(w.registerName)!).slice(1).map((r) => r[14])).toEqual(['Grey', 'Grey']);
  });

  test('a reporting period the grammar cannot read falls back to the latest period with a figure; a date cell is its month', () => {
    const data = sheet('KPI Data', [
      ['KPI ID', 'Period', 'Value'],
      ['K1', 'Aug-25', 78],
      ['K1', 'Sep-25', 81],
      ['K2', 'Sep-25', 22],
      ['K2', 'Oct-25', 19],
    ]);
    for (const value of [{ type: 'text', value: 'Autumn' }, { type: 'date', value: '2025-09-30' }] as CellValue[]) {
      const settings = sheet('Plan Settings', [['Setting', 'Value'], ['Reporting period', value.type === 'date' ? { date: value.value as string } : (value.value as string)]]);
      const model: WorkbookModel = { sheets: [register, data, settings] };
      const w = write(model);
      compared += compare(w, model);
    }
  });
});

describe('the period grammar: formula and engine read every spelling alike', () => {
  const TEXTS = [
    'Q1 2025/26', 'Q2 25/26', 'q3 2024-25', 'Q4 2024/2025', 'Q1 2025', 'Q1-2025/26', ' Q2  2025/26 ', 'Q5 2025/26', 'Q0 2025/26', 'Q1 25', 'Q1',
    'Q12025/26', 'Q1 FY25', '2024/25', '2024-25', '2024/2025', '2024 / 25', '2025', '1989', '2074', '2025-04-01', '2025/2', '20245',
    'Apr-25', 'Apr 2025', 'April 2025', 'APRIL-25', 'Sept 25', 'sep-25', 'Jun25', 'Dec 2099', 'Jan-90', 'Mar-73', 'Apr-73', 'Maybe 25',
    'Apr', 'Apr-2', 'Jan 2025 (provisional)', 'Quarter 1 2025/26', 'Q1 actual', 'TBC', '', 'n/a', '01/04/2025', 'JanFeb 25', '?? 25', '~Apr 25',
  ];
  const NUMBERS = [2025, 2024.5, 1990, 45748, 45930.75, 3000, 2999, -5, 0];
  const DATES = ['2025-04-01', '2026-03-31', '1990-01-15', '2073-03-01'];

  test('period text, numbers and dates give the same key both ways', () => {
    const cells: CellValue[] = [
      ...TEXTS.map((t): CellValue => ({ type: 'text', value: t })),
      ...NUMBERS.map((n): CellValue => ({ type: 'number', value: n })),
      ...DATES.map((d): CellValue => ({ type: 'date', value: d })),
      { type: 'boolean', value: true },
    ];
    const rows: Raw[][] = cells.map((c, i) => {
      const r = i + 1;
      return [raw(c), `=${periodTextFormula(`A${r}`)}`, `=${shapeFormula(`B${r}`)}`, `=${monthKindFormula(`A${r}`, `B${r}`, `C${r}`)}`, `=${keyFromMonthKindFormula(`D${r}`)}`];
    });
    const hf = build({ P: rows });
    const values = hf.getSheetValues(0);
    const problems: string[] = [];
    cells.forEach((c, i) => {
      const got = values[i][4] === '' ? null : values[i][4];
      const want = periodKeyOfCell(c);
      if (got !== want) problems.push(`${JSON.stringify(c)}: formula ${JSON.stringify(got)}, engine ${want}`);
    });
    expect(problems).toEqual([]);
    expect(cells.filter((c) => periodKeyOfCell(c) !== null).length).toBeGreaterThan(25);
  });

  test('labels: every key from January 1990 to March 2073, of every kind', () => {
    const keys: number[] = [];
    for (let offset = 1; offset <= MAX_OFFSET; offset++) for (const kind of [1, 2, 3, 4]) keys.push(offset * 10 + kind);
    const hf = build({ L: keys.map((k, i) => [k, `=${labelFormula(`A${i + 1}`)}`]) });
    const values = hf.getSheetValues(0);
    const problems = keys.filter((k, i) => values[i][1] !== periodLabel(k)).map((k) => `${k}: ${periodLabel(k)}`);
    expect(problems).toEqual([]);
    expect(keyFromMonthKind((2025 * 12 + 6) * 10 + 2)).toBe((2025 * 12 + 6 - BASE_MONTH) * 10 + 2);
  });

  test('Grey: the most recent period of each kind by the reporting period, both ways', () => {
    const rows: Raw[][] = [];
    const want: number[] = [];
    // Two years of reporting months (every residue of a quarter and a year), latest periods up to 30 months back.
    for (let r = 400; r <= 424; r++) {
      for (const reportingKind of [1, 2, 3, 4]) {
        const reporting = r * 10 + reportingKind;
        for (let l = r - 30; l <= r; l += 1) {
          for (const kind of [1, 2, 3, 4] as PeriodKind[]) {
            const latest = l * 10 + kind;
            if (latest > reporting) continue;
            rows.push([latest, reporting, `=${staleFormula(`A${rows.length + 1}`, `B${rows.length + 1}`)}`]);
            want.push(keyEndOffset(latest) < expectedEndOffset(keyKind(latest), reporting) ? 1 : 0);
          }
        }
      }
    }
    const values = build({ G: rows }).getSheetValues(0);
    expect(values.map((v) => v[2])).toEqual(want);
  });
});

/** Each Calc formula's stored result against HyperFormula's, and the formulas written without one. */
function storedResults(model: WorkbookModel): { differ: string[]; stored: number; missing: string[]; w: Written } {
  const w = write(model);
  const plan = structureWorkbookPlan(w.result, model);
  const calc = plan.sheets.find((s) => s.name === 'PlanAssure KPI Calc')!;
  const values = w.hf.getSheetValues(w.hf.getSheetId(calc.name)!);
  const differ: string[] = [];
  const missing: string[] = [];
  let stored = 0;
  calc.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v?.kind !== 'formula') return;
      if (v.cached === undefined) return void missing.push(`${r + 1}:${c + 1}`);
      stored++;
      const calculated = values[r]?.[c] ?? '';
      // An error is compared by its text (#N/A), as the file stores it.
      const got = (calculated instanceof DetailedCellError ? calculated.value : calculated) as Raw;
      const want = typeof v.cached === 'object' ? v.cached.error : v.cached === '' ? null : (v.cached as string | number);
      if (!same(got, want)) differ.push(`${r + 1}:${c + 1} stored ${JSON.stringify(v.cached)}, calculated ${JSON.stringify(got)}`);
    }),
  );
  return { differ, stored, missing, w };
}

describe("the Calc sheet's stored results (for readers that do not calculate)", () => {
  test('each result the engine stores beside a Calc formula is what the formula calculates, odd cells among them', () => {
    const odd: [string, CellValue | null][] = [
      ['B7', { type: 'date', value: '2025-09-15' }],
      ['B13', { type: 'number', value: 2024 }],
      ['B19', { type: 'text', value: '  sep-25  ' }],
      ['B25', { type: 'boolean', value: true }],
      ['B31', { type: 'number', value: 2024.5 }],
      ['C7', { type: 'text', value: 'n/a' }],
      ['D13', { type: 'number', value: 0 }],
      ['E85', { type: 'number', value: 0.1 + 0.2 }],
      ['A43', { type: 'number', value: 42 }],
      ['A49', { type: 'text', value: '  KPI-05  extra  ' }],
      ['A55', null],
    ];
    let model = example;
    for (const [address, value] of odd) model = edit(model, 'KPI Data', address, value);
    const { differ, stored, missing } = storedResults(model);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
    expect(stored).toBeGreaterThan(1000);
  });

  test('a period written with a letter UPPER writes differently between apps (ß): only its text and shape are left to be calculated', () => {
    const { differ, missing } = storedResults(edit(example, 'KPI Data', 'B19', { type: 'text', value: 'Straße' }));
    expect(differ).toEqual([]);
    // Calc columns B and C (text, shape) of one row: the month-kind is known, "Straße" is no period either way.
    expect(missing).toHaveLength(2);
    expect(missing.map((at) => at.split(':')[1])).toEqual(['2', '3']);
    expect(new Set(missing.map((at) => at.split(':')[0])).size).toBe(1);
  });

  test('ids with wildcards (A*1, K?2, ~3) or non-ASCII letters (Å1, å1), numbers written 1E+20 or 1E-07, and error cells: every formula has its result, and it is what the formula calculates', () => {
    const model = withOddKpiCells(example);
    const { differ, stored, missing, w } = storedResults(model);
    expect(differ).toEqual([]);
    expect(missing).toEqual([]);
    expect(stored).toBeGreaterThan(1000);
    // And the register agrees with the engine: each odd id finds its own KPI, as the report does.
    compared += compare(w, model);
  });
});
