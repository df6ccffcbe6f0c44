/**
 * KPIs read from the layouts officers keep: the canonical register + long data sheet, and wide scorecards with one
 * column per period, found by their headers whatever the sheets are called. The wide scorecards here are built in
 * code from the example workbook's own data, so both layouts must give the same results.
 */
import * as path from 'node:path';
import { computeKpis, KpiComputed, kpiReports, parsePolarity, parseTolerance, parseUnit, periodKey, periodLabel, headerPeriod } from '../src/engine/kpi';
import { KpiReport } from '../src/engine/schema';
import { structureWorkbook, StructureResult } from '../src/engine/structure';
import { CellModel, SheetModel, WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { CellInput, sheet } from './helpers/model';

const EXAMPLE = path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx');
const TODAY = '2026-01-31';
const OPTIONS = { today: TODAY, planStart: '2025-04-01' };
const QUARTERS = ['Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26'];

let exampleModel: WorkbookModel;
let long: StructureResult;

interface KpiRow {
  id: string;
  name: string;
  code: string | null;
  unit: string;
  polarity: string;
  target: number | null;
  tolerance: number | null;
  /** Value per quarter, as the wide scorecard shows it (null: blank cell). */
  values: (number | null)[];
}

/** The example's KPIs and their quarterly values, as an officer would copy them into a scorecard. */
function exampleRows(): KpiRow[] {
  const register = exampleModel.sheets.find((s) => s.name === 'KPIs')!;
  const data = exampleModel.sheets.find((s) => s.name === 'KPI Data')!;
  const at = (s: SheetModel, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col)?.value.value ?? null;
  const rows: KpiRow[] = [];
  for (let r = 2; at(register, r, 1) !== null; r++) {
    rows.push({
      id: String(at(register, r, 1)),
      name: String(at(register, r, 2)),
      code: (at(register, r, 3) as string | null) ?? null,
      unit: String(at(register, r, 4)),
      polarity: String(at(register, r, 5)),
      target: (at(register, r, 8) as number | null) ?? null,
      tolerance: (at(register, r, 9) as number | null) ?? null,
      values: QUARTERS.map(() => null),
    });
  }
  for (let r = 2; at(data, r, 1) !== null; r++) {
    const row = rows.find((x) => x.id === at(data, r, 1));
    if (!row) continue;
    const q = QUARTERS.indexOf(String(at(data, r, 2)));
    const [n, d, v] = [at(data, r, 3), at(data, r, 4), at(data, r, 5)] as (number | null)[];
    const scale = row.unit === 'percentage' ? 100 : row.unit === 'rate per 100,000' ? 100000 : 1;
    row.values[q] = n !== null && d !== null && d !== 0 ? (n / d) * scale : v; // later rows win, as in the long layout
  }
  return rows;
}

const GOOD_IS: Record<string, string[]> = { higher: ['↑', 'High', 'Bigger is better'], lower: ['↓', 'Low', 'Smaller is better'] };

/** The name with the ASCOF code cited inside it, as scorecards do: "… (ASCOF 2A)" (local codes are left out). */
function nameWithCode(r: KpiRow): string {
  return r.code?.startsWith('ASCOF') ? `${r.name} (${r.code})` : r.name;
}

/** Scorecard A: title rows, "Ref | Performance indicator | Good is | Unit | Target 2025/26 | Tolerance | Q1 2024/25 …". */
function scorecardA(rows: KpiRow[]): SheetModel {
  const header = ['Ref', 'Performance indicator', 'Good is', 'Unit', 'Target 2024/25', 'Target 2025/26', 'Tolerance', ...QUARTERS, 'Q3 2025/26', 'Q4 2025/26'];
  const body: CellInput[][] = rows.map((r, i) => [
    r.id,
    nameWithCode(r),
    GOOD_IS[r.polarity][i % 3],
    r.unit === 'percentage' ? '%' : r.unit === 'rate per 100,000' ? 'Rate per 100,000' : r.unit === 'days' ? 'Days' : r.unit === 'score' ? 'Score' : 'Number',
    r.target === null ? null : r.target - 1, // last year's target: must not be used
    r.target,
    r.tolerance,
    ...r.values,
    null,
    null,
  ]);
  return sheet('Performance Scorecard', [['Adult Social Care performance scorecard'], ['OFFICIAL'], [], header, ['Working with people'], ...body]);
}

/**
 * Scorecard B: bare quarter headers for this year ("Q1 actual"), a year-end target, percentages kept as fractions
 * shown with a % format, no unit column (units come from the names and the ASCOF catalogue), "Polarity" in words.
 */
function scorecardB(rows: KpiRow[]): SheetModel {
  const header = ['KPI', 'KPI ref', 'Polarity', 'Year End target', 'Tolerance', ...QUARTERS.slice(0, 4), 'Q1 actual', 'Q2 actual', 'Q3 actual', 'Q4 actual'];
  const fraction = (r: KpiRow, v: number | null) => (v === null ? null : r.unit === 'percentage' ? v / 100 : v);
  const body: CellInput[][] = rows.map((r) => [
    nameWithCode(r),
    r.id,
    r.polarity === 'higher' ? 'Higher is better' : 'Lower is better',
    fraction(r, r.target),
    r.tolerance === null ? null : `${r.tolerance * 100}%`,
    ...r.values.map((v) => fraction(r, v)),
    null,
    null,
  ]);
  const s = sheet('Scorecard 25-26', [['ASC scorecard 2025/26'], header, ...body]);
  // Percentage KPIs' figures and targets are fractions formatted as percentages.
  for (const c of s.cells) {
    const r = rows[c.row - 3];
    if (r?.unit === 'percentage' && (c.col === 4 || c.col >= 6)) (c as CellModel).numFmt = '0.0%';
  }
  return s;
}

function compareLayouts(wide: KpiReport[], canonical: KpiReport[], options: { codes: boolean }): void {
  expect(wide.map((k) => k.id)).toEqual(canonical.map((k) => k.id));
  wide.forEach((w, i) => {
    const c = canonical[i];
    expect([w.id, w.name, w.unit, w.polarity, w.direction, w.rag, w.latest?.period, w.previous?.period]).toEqual([
      c.id,
      c.name,
      c.unit,
      c.polarity,
      c.direction,
      c.rag,
      c.latest?.period,
      c.previous?.period,
    ]);
    if (options.codes && c.code?.startsWith('ASCOF')) expect(w.code).toBe(c.code);
    if (c.target === null) expect(w.target).toBeNull();
    else expect(w.target!).toBeCloseTo(c.target, 9);
    expect(w.latest!.value!).toBeCloseTo(c.latest!.value!, 9);
    expect(w.previous!.value!).toBeCloseTo(c.previous!.value!, 9);
  });
}

beforeAll(async () => {
  exampleModel = await readWorkbook(EXAMPLE);
  long = structureWorkbook(exampleModel, OPTIONS);
});

describe('wide scorecards give the same results as the register + data layout', () => {
  const settingsSheet = () => exampleModel.sheets.find((s) => s.name === 'Plan Settings')!;

  test('scorecard A: one column per quarter, Good is as ↑/High/Bigger is better, Target 2025/26 picked over 2024/25', () => {
    const rows = exampleRows();
    const wide = structureWorkbook({ sheets: [exampleModel.sheets[0], scorecardA(rows), settingsSheet()] }, OPTIONS);
    expect(wide.sheets.map((s) => s.role)).toEqual(['plan', 'kpi-register', 'settings']);
    compareLayouts(kpiReports(wide), kpiReports(long), { codes: true });
    expect(wide.kpis[6]).toMatchObject({ id: 'KPI-07', code: 'ASCOF 2A', name: rows[6].name, source: { sheet: 'Performance Scorecard', row: 12 } });
  });

  test('scorecard B: "Q1 actual" headers placed in 2025/26 by the title, fractions shown as %, units from names and ASCOF', () => {
    const rows = exampleRows();
    const wide = structureWorkbook({ sheets: [scorecardB(rows), exampleModel.sheets[0]] }, OPTIONS);
    expect(wide.sheets.map((s) => s.role)).toEqual(['kpi-register', 'plan']);
    compareLayouts(kpiReports(wide), kpiReports(long), { codes: true });
    expect(wide.observations.filter((o) => o.kpiId === 'KPI-01').map((o) => o.period)).toEqual([...QUARTERS, 'Q3 2025/26', 'Q4 2025/26']);
  });

  test('every period agrees, not only the latest', () => {
    const rows = exampleRows();
    const wide = structureWorkbook({ sheets: [scorecardA(rows), exampleModel.sheets[0]] }, OPTIONS);
    for (const q of QUARTERS) {
      const a = computeKpis(wide.kpis, wide.observations, { ...wide.settings, reportingPeriod: q }).kpis;
      const b = computeKpis(long.kpis, long.observations, { ...long.settings, reportingPeriod: q }).kpis;
      const view = (k: KpiComputed) => [k.definition.id, k.latest?.period, k.latest?.value.toFixed(9), k.previous?.period, k.direction, k.rag];
      expect(a.map(view)).toEqual(b.map(view));
    }
  });

  test('the register and data sheets are found under any names, below title rows, in any column order', () => {
    const register = exampleModel.sheets.find((s) => s.name === 'KPIs')!;
    const data = exampleModel.sheets.find((s) => s.name === 'KPI Data')!;
    const shift = (s: SheetModel, name: string, down: number): SheetModel => ({
      ...s,
      name,
      cells: [{ row: 1, col: 1, value: { type: 'text', value: `${name} – OFFICIAL` } }, ...s.cells.map((c) => ({ ...c, row: c.row + down }))],
    });
    // Data columns reversed: Note | Value | Denominator | Numerator | Period | KPI ID.
    const reversed: SheetModel = { ...data, name: 'Indicator returns', cells: data.cells.map((c) => ({ ...c, col: 7 - c.col })) };
    const renamed = structureWorkbook({ sheets: [exampleModel.sheets[0], shift(register, 'Measures list', 2), reversed, settingsSheet()] }, OPTIONS);
    expect(renamed.sheets.map((s) => s.role)).toEqual(['plan', 'kpi-register', 'kpi-data', 'settings']);
    const a = kpiReports(renamed).map((k) => ({ ...k, source: null }));
    const b = kpiReports(long).map((k) => ({ ...k, source: null }));
    expect(a).toEqual(b);
  });
});

describe('periods ordered by real time', () => {
  test('monthly scorecard: "Apr-25", "May 2025", "June 2025", "Jul-25"; the latest month is July', () => {
    const s = sheet('Monthly', [
      ['Measure', 'Good is', 'Target', 'Apr-25', 'May 2025', 'June 2025', 'Jul-25'],
      ['Number of people waiting for an assessment', 'Low', 300, 412, 388, 371, 356],
    ]);
    const r = structureWorkbook({ sheets: [s] }, OPTIONS);
    const [k] = kpiReports(r);
    expect(k).toMatchObject({ unit: 'number', polarity: 'lower', latest: { period: 'Jul 2025', value: 356 }, previous: { period: 'Jun 2025', value: 371 }, direction: 'improving', rag: 'Red' });
    expect(r.kpis[0].frequency).toBe('monthly');
  });

  test('long data out of order, in several spellings, sorts by when each period ends', () => {
    const r = structureWorkbook(
      {
        sheets: [
          sheet('KPIs', [['KPI ID', 'Name', 'Unit', 'Good is', 'Target'], ['K1', 'Percentage of reviews on time', 'percentage', 'higher', 80]]),
          sheet('Data', [
            ['KPI ID', 'Period', 'Numerator', 'Denominator'],
            ['K1', 'Q2 25/26', 70, 100],
            ['K1', 'Q4 2024-25', 60, 100],
            ['K1', 'q1 2025/26', 65, 100],
            ['K1', 'Q3 2024/25', 55, 100],
          ]),
        ],
      },
      OPTIONS,
    );
    expect(kpiReports(r)[0]).toMatchObject({ latest: { period: 'Q2 2025/26', value: 70 }, previous: { period: 'Q1 2025/26', value: 65 }, rag: 'Red' });
  });

  test('an annual KPI reported at Q2 2025/26 is current with 2024/25 (not Grey), and Grey without it', () => {
    const model = (periods: string[]): WorkbookModel => ({
      sheets: [
        sheet('KPIs', [['KPI ID', 'Name', 'Unit', 'Good is', 'Target'], ['A1', 'Carers satisfied with social services', 'percentage', 'higher', 40]]),
        sheet('KPI Data', [['KPI ID', 'Period', 'Value'], ...periods.map((p, i) => ['A1', p, 38 + i])]),
        sheet('Plan Settings', [['Setting', 'Value'], ['Reporting period', 'Q2 2025/26']]),
      ],
    });
    expect(kpiReports(structureWorkbook(model(['2022/23', '2023/24', '2024/25']), OPTIONS))[0]).toMatchObject({ latest: { period: '2024/25', value: 40 }, rag: 'Green' });
    expect(kpiReports(structureWorkbook(model(['2022/23', '2023/24']), OPTIONS))[0]).toMatchObject({ latest: { period: '2023/24' }, rag: 'Grey' });
  });

  test('figures after the reporting period are not reported', () => {
    const r = structureWorkbook(
      {
        sheets: [
          sheet('KPIs', [['KPI ID', 'Name', 'Unit', 'Good is', 'Target'], ['K1', 'Delayed discharges', 'number', 'lower', 10]]),
          sheet('KPI Data', [['KPI ID', 'Period', 'Value'], ['K1', 'Q1 2025/26', 12], ['K1', 'Q2 2025/26', 9], ['K1', 'Q3 2025/26', 7]]),
          sheet('Plan Settings', [['Setting', 'Value'], ['Reporting period', 'Q2 2025/26']]),
        ],
      },
      OPTIONS,
    );
    expect(kpiReports(r)[0]).toMatchObject({ latest: { period: 'Q2 2025/26', value: 9 }, previous: { period: 'Q1 2025/26', value: 12 }, direction: 'improving', rag: 'Green' });
  });

  test('period keys: quarters, months, financial and calendar years sort by end date; labels are canonical', () => {
    const order = ['2024', 'Jan-25', 'Q4 2024/25', '2024/25', 'Apr 2025', 'Q1 2025/26', 'Sept 25', 'Q2 2025/26', '2025'];
    const keys = order.map((p) => periodKey(p)!);
    expect(keys.every((k) => k !== null)).toBe(true);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect(order.map((p) => periodLabel(periodKey(p)!))).toEqual(['2024', 'Jan 2025', 'Q4 2024/25', '2024/25', 'Apr 2025', 'Q1 2025/26', 'Sep 2025', 'Q2 2025/26', '2025']);
    for (const bad of ['Q5 2025/26', 'Quarter', 'TBC', '2025-04-01', 'Apr', '', 'Q1']) expect(periodKey(bad)).toBeNull();
    expect(headerPeriod('Q3 actual', 2025)?.label).toBe('Q3 2025/26');
    expect(headerPeriod('Quarter 2 outturn', 2025)?.label).toBe('Q2 2025/26');
    expect(headerPeriod('2024/25 Outturn', null)?.label).toBe('2024/25');
    expect(headerPeriod('Jan', 2025)?.label).toBe('Jan 2026');
    expect(headerPeriod('Target 2025/26', 2025)).toBeNull();
  });
});

describe('what officers write', () => {
  test('"Good is" in any of the usual forms', () => {
    expect(['High', '↑', 'Bigger is better', 'Higher is better', 'Up', 'Increase'].map(parsePolarity)).toEqual(Array(6).fill('higher'));
    expect(['Low', '↓', 'Smaller is better', 'Lower is better', 'Down', 'Reduce'].map(parsePolarity)).toEqual(Array(6).fill('lower'));
    expect(parsePolarity('')).toBeNull();
  });

  test('units', () => {
    expect(['%', 'Percentage', 'Rate per 100,000', 'per 100k', 'Days', 'Score', 'Number', 'Count'].map(parseUnit)).toEqual([
      'percentage',
      'percentage',
      'rate per 100,000',
      'rate per 100,000',
      'days',
      'score',
      'number',
      'number',
    ]);
  });

  test('tolerances: fractions, percentages, points', () => {
    expect(parseTolerance({ type: 'number', value: 0.1 }, false)).toEqual({ kind: 'relative', value: 0.1 });
    expect(parseTolerance({ type: 'number', value: 5 }, false)).toEqual({ kind: 'relative', value: 0.05 });
    expect(parseTolerance({ type: 'text', value: '10%' }, false)).toEqual({ kind: 'relative', value: 0.1 });
    expect(parseTolerance({ type: 'text', value: '±2' }, false)).toEqual({ kind: 'absolute', value: 2 });
    expect(parseTolerance({ type: 'text', value: '3 days' }, false)).toEqual({ kind: 'absolute', value: 3 });
    expect(parseTolerance({ type: 'number', value: 2 }, true)).toEqual({ kind: 'absolute', value: 2 });
    expect(parseTolerance({ type: 'number', value: -1 }, false)).toBeNull();
  });

  test('an absolute tolerance gives Amber within that many units of target', () => {
    const model = (value: number): WorkbookModel => ({
      sheets: [
        sheet('KPIs', [['KPI ID', 'Name', 'Unit', 'Good is', 'Target', 'Tolerance (points)'], ['K1', 'Reviews on time', 'percentage', 'higher', 80, 2]]),
        sheet('KPI Data', [['KPI ID', 'Period', 'Value'], ['K1', 'Q1 2025/26', value]]),
      ],
    });
    const rag = (v: number) => kpiReports(structureWorkbook(model(v), OPTIONS))[0].rag;
    expect([rag(80), rag(78), rag(77.9)]).toEqual(['Green', 'Amber', 'Red']);
  });

  test('the ASCOF catalogue suggests unit and polarity when a KPI cites a code but gives none', () => {
    const r = structureWorkbook(
      {
        sheets: [
          sheet('Scorecard', [
            ['Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
            ['Admissions of younger adults to care homes (ASCOF 2B)', 14, 16.8, 18.0],
          ]),
        ],
      },
      OPTIONS,
    );
    expect(r.kpis[0]).toMatchObject({ name: 'Admissions of younger adults to care homes', code: 'ASCOF 2B', unit: 'rate per 100,000', polarity: 'lower' });
    expect(kpiReports(r)[0]).toMatchObject({ direction: 'worsening', rag: 'Red' });
    const note = r.findings.find((f) => f.rule === 'kpi-unit-from-framework')!;
    expect(note).toMatchObject({ severity: 'info', sheet: 'Scorecard', cell: 'A2' });
    expect(note.message).toMatch(/was 2A\(1\) before 2023-24/);
  });
});
