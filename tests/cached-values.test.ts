/**
 * Every formula the board pack writes carries its result, computed by the engine: on the sheets people read (the
 * Board Summary's totals, the KPI Register) and on the hidden calculation sheet's intermediate steps, so a reader that
 * does not calculate (Power BI, pandas, a file previewer) sees the figures. Read with SheetJS, which takes the stored
 * results as they are, and compared with two formula engines' own calculation of the same file: LibreOffice's and
 * HyperFormula's. Besides the example plan, a copy of it holds the cells apps read in different ways (ids with
 * wildcards or non-ASCII letters, numbers written 1E+20, error cells: helpers/odd-kpi-cells.ts); with every result
 * stored, the file does not ask to be calculated on opening.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import * as XLSX from 'xlsx';
import { SEED_DIR } from '../scripts/seed-data';
import { WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { edit, hyperFormulaError, withOddKpiCells } from './helpers/odd-kpi-cells';
import { runCli } from './helpers/run-cli';
import { requireTool } from './helpers/tools';
import { writeModel } from './helpers/xlsx-files';

const hasLibreOffice = requireTool('soffice');
const EXAMPLE = path.join(SEED_DIR, 'example-canonical-plan.xlsx');
const RUN = ['--today', '2026-01-31', '--period', 'Q3 2025/26'];
/** The sheets the pack writes formulas on (in the odd copy, any sheet with a formula is checked too). */
const READ_SHEETS = ['Board Summary', 'KPI Register', 'PlanAssure KPI Calc'];

/** A stored result: a number or text ("" for a formula that shows nothing), an error as its text, or none. */
type Stored = number | string | boolean | { error: string } | undefined;

let dir: string;
/** The packs made: the example plan's, and that of its copy with the odd cells. */
const packs: Record<'example' | 'odd' | 'twins', string> = { example: '', odd: '', twins: '' };

/** Writes a plan changed from the example and runs the pack on it; returns the pack's path. */
async function packOf(name: string, change: (plan: WorkbookModel) => WorkbookModel): Promise<string> {
  const plan = path.join(dir, `${name}-plan.xlsx`);
  await writeModel(change(await readWorkbook(EXAMPLE)), plan);
  const pack = path.join(dir, `${name}.xlsx`);
  const run = await runCli(['run', plan, '--out', pack, ...RUN]);
  expect(run.code).toBeLessThan(2);
  return pack;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cached-'));
  packs.example = path.join(dir, 'example.xlsx');
  const run = await runCli(['run', EXAMPLE, '--out', packs.example, ...RUN]);
  expect(run.code).toBeLessThan(2);
  packs.odd = await packOf('odd', withOddKpiCells);
  packs.twins = await packOf('twins', withIdTwins);
}, 120_000);

/**
 * Ids that only a looser comparison than Excel's would match: "A1" beside "Å1" (and "å1" in the data), and data ids
 * with a no-break space where the register has a space. HyperFormula's MATCH ignores accents, so these are checked
 * with LibreOffice only.
 */
function withIdTwins(model: WorkbookModel): WorkbookModel {
  const id = (value: string) => ({ type: 'text' as const, value });
  let m = edit(edit(edit(model, 'KPIs', 'A2', id('A1')), 'KPIs', 'A3', id('Å1')), 'KPIs', 'A4', id('KPI 03'));
  for (let row = 2; row <= 7; row++) m = edit(m, 'KPI Data', `A${row}`, id('A1'));
  for (let row = 8; row <= 13; row++) m = edit(m, 'KPI Data', `A${row}`, id(row % 2 ? 'Å1' : 'å1'));
  for (let row = 14; row <= 19; row++) m = edit(m, 'KPI Data', `A${row}`, id('KPI\u00A003'));
  return m;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cellResult(c: XLSX.CellObject): Stored {
  if (c.t === 'z' || c.v === undefined) return undefined;
  return c.t === 'e' ? { error: c.w ?? '' } : (c.v as Stored);
}

/** Each formula cell of each sheet with its stored result: sheet → address → value. */
function formulaResults(file: string): Map<string, Map<string, Stored>> {
  // Stubs too: SheetJS leaves out a formula cell with no stored result unless asked for the empty cells.
  const book = XLSX.readFile(file, { cellFormula: true, sheetStubs: true });
  const sheets = new Map<string, Map<string, Stored>>();
  for (const name of book.SheetNames) {
    const results = new Map<string, Stored>();
    for (const [address, cell] of Object.entries(book.Sheets[name])) {
      if (!address.startsWith('!') && (cell as XLSX.CellObject).f !== undefined) results.set(address, cellResult(cell as XLSX.CellObject));
    }
    if (results.size) sheets.set(name, results);
  }
  return sheets;
}

function same(stored: Stored, calculated: Stored): boolean {
  const want = calculated ?? '';
  if (typeof stored === 'number' && typeof want === 'number') return Math.abs(stored - want) <= 1e-9 * Math.max(1, Math.abs(want));
  return JSON.stringify(stored) === JSON.stringify(want);
}

/** The cells whose stored result differs from the calculated one, and how many were compared. */
function differences(stored: Map<string, Map<string, Stored>>, calculated: (sheet: string, address: string) => Stored): { differ: string[]; compared: number } {
  const differ: string[] = [];
  let compared = 0;
  for (const [sheet, results] of stored) {
    for (const [address, value] of results) {
      const want = calculated(sheet, address);
      if (!same(value, want)) differ.push(`${sheet}!${address}: stored ${JSON.stringify(value)}, calculated ${JSON.stringify(want)}`);
      compared++;
    }
  }
  return { differ, compared };
}

/** The workbook loaded into HyperFormula as the file holds it: values, and formulas to be calculated. */
function hyperFormulaOf(file: string): HyperFormula {
  const book = XLSX.readFile(file, { cellFormula: true });
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const name of book.SheetNames) {
    const ws = book.Sheets[name];
    const grid: (string | number | boolean | null)[][] = [];
    for (const [address, cell] of Object.entries(ws)) {
      if (address.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      const { r, c: col } = XLSX.utils.decode_cell(address);
      while (grid.length <= r) grid.push([]);
      // Text is quoted with ' so that "2025" stays text; an error is typed in as a formula that gives it.
      grid[r][col] = c.f !== undefined ? `=${c.f}` : c.t === 's' ? `'${String(c.v)}` : c.t === 'e' ? hyperFormulaError(c.w ?? '') : c.t === 'z' ? null : (c.v as number | boolean);
    }
    sheets[name] = grid.map((row) => Array.from(row, (v) => v ?? null));
  }
  // Accents count, as in Excel's MATCH ("Å1" is not "A1"); HyperFormula ignores them unless told.
  return HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false, accentSensitive: true });
}

async function workbookXml(file: string): Promise<string> {
  return (await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string')) ?? '';
}

describe.each(['example', 'odd'] as const)('the %s plan', (which) => {
  test('every formula in every sheet has a stored result', () => {
    const results = formulaResults(packs[which]);
    for (const sheet of READ_SHEETS) expect(results.get(sheet)?.size ?? 0).toBeGreaterThan(0);
    const missing = [...results].flatMap(([sheet, cells]) => [...cells].filter(([, v]) => v === undefined).map(([a]) => `${sheet}!${a}`));
    expect(missing).toEqual([]);
  });

  test('nothing is left to calculate: the file does not ask to be calculated on opening', async () => {
    expect(await workbookXml(packs[which])).not.toMatch(/fullCalcOnLoad/);
  });

  test('the stored results are what HyperFormula calculates from the same file', () => {
    const hf = hyperFormulaOf(packs[which]);
    const { differ, compared } = differences(formulaResults(packs[which]), (sheet, address) => {
      const { r, c } = XLSX.utils.decode_cell(address);
      const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: r, col: c });
      return v instanceof DetailedCellError ? { error: v.value } : v === null ? '' : v;
    });
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});

test('the odd plan\'s pack holds the odd cases: each odd id finds its own data, and errors are stored as errors', () => {
  const book = XLSX.readFile(packs.odd, { cellFormula: true });
  const register = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['KPI Register']);
  const latest = Object.fromEntries(register.map((row) => [String(row['KPI ID']), row['Latest value']]));
  for (const id of ['AX1', 'A*1', 'KX2', 'K?2', '3', '~3', 'Å1', '100000000000000000000', '1e-7']) expect(typeof latest[id]).toBe('number');
  // A*1's data (a rate) is not AX1's: a lookup that read * as a wildcard would give both AX1's figures.
  expect(latest['A*1']).not.toBe(latest.AX1);
  const calc = formulaResults(packs.odd).get('PlanAssure KPI Calc')!;
  const errors = new Set([...calc.values()].flatMap((v) => (typeof v === 'object' ? [v.error] : [])));
  expect([...errors].sort()).toEqual(['#DIV/0!', '#N/A']);
});

test('the twins plan: every formula has a stored result; Å1 and A1 keep their own data, and KPI 03 finds none under a no-break space', async () => {
  const results = formulaResults(packs.twins);
  expect([...results.values()].flatMap((cells) => [...cells.values()]).filter((v) => v === undefined)).toEqual([]);
  expect(await workbookXml(packs.twins)).not.toMatch(/fullCalcOnLoad/);
  const register = XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.readFile(packs.twins).Sheets['KPI Register']);
  const latest = Object.fromEntries(register.map((row) => [String(row['KPI ID']), row['Latest value']]));
  expect(typeof latest.A1).toBe('number');
  expect(typeof latest['Å1']).toBe('number');
  expect(latest.A1).not.toBe(latest['Å1']);
  expect(Object.keys(latest)).toContain('KPI 03');
  expect(latest['KPI 03'] ?? '').toBe('');
});

test('a second run over the odd plan\'s pack, which reads its stored errors back, writes the same results', async () => {
  const again = path.join(dir, 'odd-again.xlsx');
  const run = await runCli(['run', packs.odd, '--out', again, ...RUN]);
  expect(run.code).toBeLessThan(2);
  const first = formulaResults(packs.odd);
  const second = formulaResults(again);
  for (const sheet of READ_SHEETS) expect(second.get(sheet)).toEqual(first.get(sheet));
}, 60_000);

(hasLibreOffice ? test : test.skip)('the stored results are what LibreOffice calculates from the same files (the twins plan too)', () => {
  const out = path.join(dir, 'recalculated');
  fs.mkdirSync(out);
  const all = [packs.example, packs.odd, packs.twins];
  const recalculated = convertWithLibreOffice(all, 'xlsx', out);
  all.forEach((pack, i) => {
    const calculated = formulaResults(recalculated[i]);
    const { differ, compared } = differences(formulaResults(pack), (sheet, address) => calculated.get(sheet)?.get(address));
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
}, 240_000);

test('an id apps could compare differently (Å written as A and a combining ring) gets no stored KPI number, and the file asks to be calculated on opening', async () => {
  const pack = await packOf('decomposed', (m) => edit(edit(m, 'KPIs', 'A8', { type: 'text', value: 'Å1' }), 'KPI Data', 'A38', { type: 'text', value: 'A\u030A1' }));
  const calc = formulaResults(pack).get('PlanAssure KPI Calc')!;
  const missing = [...calc].filter(([, v]) => v === undefined).map(([a]) => a);
  expect(missing.length).toBeGreaterThan(0);
  expect(await workbookXml(pack)).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
}, 60_000);
