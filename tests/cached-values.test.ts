/**
 * Every formula the board pack writes carries its result, computed by the engine: on the sheets people read (the
 * Board Summary's totals, the KPI Register) and on the hidden calculation sheet's intermediate steps, so a reader that
 * does not calculate (Power BI, pandas, a file previewer) sees the figures. Read with SheetJS, which takes the stored
 * results as they are, and compared with LibreOffice's own recalculation of the file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { SEED_DIR } from '../scripts/seed-data';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { runCli } from './helpers/run-cli';
import { requireTool } from './helpers/tools';

const hasLibreOffice = requireTool('soffice');
/** Every sheet the pack writes formulas on. */
const READ_SHEETS = ['Board Summary', 'KPI Register', 'PlanAssure KPI Calc'];
let dir: string;
let pack: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cached-'));
  pack = path.join(dir, 'pack.xlsx');
  const run = await runCli(['run', path.join(SEED_DIR, 'example-canonical-plan.xlsx'), '--out', pack, '--today', '2026-01-31', '--period', 'Q3 2025/26']);
  expect(run.code).toBeLessThan(2);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each formula cell of a sheet with its stored result: address → value ("" for a formula that shows nothing). */
function formulaResults(file: string, sheet: string): Map<string, unknown> {
  // Stubs too: SheetJS leaves out a formula cell with no stored result unless asked for the empty cells.
  const ws = XLSX.readFile(file, { cellFormula: true, sheetStubs: true }).Sheets[sheet];
  expect(ws).toBeDefined();
  const results = new Map<string, unknown>();
  for (const [address, cell] of Object.entries(ws!)) {
    if (address.startsWith('!')) continue;
    const c = cell as XLSX.CellObject;
    if (c.f !== undefined) results.set(address, c.t === 'z' || c.v === undefined ? undefined : c.v);
  }
  return results;
}

test.each(READ_SHEETS)('%s: every formula has a stored result', (sheet) => {
  const results = formulaResults(pack, sheet);
  expect(results.size).toBeGreaterThan(0);
  const missing = [...results].filter(([, v]) => v === undefined).map(([a]) => a);
  expect(missing).toEqual([]);
});

(hasLibreOffice ? test : test.skip)('the stored results are what LibreOffice calculates from the same file', () => {
  const out = path.join(dir, 'recalculated');
  fs.mkdirSync(out);
  const [recalculated] = convertWithLibreOffice([pack], 'xlsx', out);
  const differ: string[] = [];
  let compared = 0;
  for (const sheet of READ_SHEETS) {
    const stored = formulaResults(pack, sheet);
    const calculated = formulaResults(recalculated, sheet);
    for (const [address, value] of stored) {
      const want = calculated.get(address) ?? '';
      const same = typeof value === 'number' && typeof want === 'number' ? Math.abs(value - want) <= 1e-9 * Math.max(1, Math.abs(want)) : value === want;
      if (!same) differ.push(`${sheet}!${address}: stored ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(want)}`);
      compared++;
    }
  }
  expect(differ).toEqual([]);
  expect(compared).toBeGreaterThan(100);
}, 240_000);
