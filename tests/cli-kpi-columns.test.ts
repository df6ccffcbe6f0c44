/**
 * `--columns` on a KPI sheet: a scorecard whose headers the tool cannot read on its own is mapped with KPI roles
 * (name, target, period …) on the real command line, on a real .xlsx file, and read as KPIs; bad mappings get exit 2
 * and one line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers/run-cli';

let dir: string;
let tracker: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-kpi-columns-'));
  tracker = path.join(dir, 'tracker.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tracker');
  // A council's own shorthand: nothing here says which column is what, and "Wk 12" is no period we can place.
  ws.getCell('A1').value = 'Weekly tracker';
  ws.getRow(3).values = ['Item', 'What we measure', 'Wk 12', 'Wk 13', 'Aspiration'];
  ws.getRow(4).values = ['T1', 'Care packages started on the agreed date (%)', 88, 91, 95];
  ws.getRow(5).values = ['T2', 'Hospital discharges delayed over 7 days', 14, 11, 10];
  await wb.xlsx.writeFile(tracker);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Kpi {
  id: string;
  name: string;
  target: number | null;
}

test('unmapped, the scorecard is not read, and the command says why rather than inventing KPIs', async () => {
  const r = await runCli(['structure', tracker, '--today', '2026-01-15', '--json']);
  expect((JSON.parse(r.stdout) as { kpis: Kpi[] }).kpis).toEqual([]);
});

test('mapped by letter and by header text, every KPI is read with its id, name and target', async () => {
  const r = await runCli(['structure', tracker, '--today', '2026-01-15', '--json', '--columns', 'id=A,name=What we measure,target=E,ignore=C,ignore=D,header=3']);
  expect(r.code).toBe(0);
  const kpis = (JSON.parse(r.stdout) as { kpis: Kpi[] }).kpis;
  expect(kpis.map((k) => [k.id, k.name, k.target])).toEqual([
    ['T1', 'Care packages started on the agreed date (%)', 95],
    ['T2', 'Hospital discharges delayed over 7 days', 10],
  ]);
});

test.each([
  ['a column that is not there', 'name=B,target=Z,header=3', /column Z has no header on row 3/],
  ['a role given twice', 'name=B,target=E,target=D,header=3', /"target" is given twice/],
  ['a column given two roles', 'name=B,target=E,baseline=E,header=3', /column E is given two roles: give it one\./],
  ['a period given twice is several columns of figures, but a column is still given one role', 'name=B,period=C,period=D,target=C,header=3', /column C is given two roles: give it one\./],
  ['a word that is no KPI role', 'name=B,target=E,goal=D,header=3', /"goal" is not a KPI role/],
  ['no column naming the KPIs', 'target=E,header=3', /names the KPIs/],
])('%s: exit 2 and one line', async (_name, spec, message) => {
  const r = await runCli(['structure', tracker, '--today', '2026-01-15', '--columns', spec]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});

describe('the KPI roles given with --columns are saved in the written copy, and read back', () => {
  // "Wk 12" and "Wk 13" name no period the tool can place: the officer says which months they are.
  const ROLES = 'id=A,name=What we measure,period: Jun 2025=C,period: Jul 2025=D,target=E,header=3';
  let out: string;
  let first: { code: number; kpis: Record<string, unknown>[] };

  const settingsRows = async (file: string): Promise<string[][]> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: string[][] = [];
    wb.getWorksheet('Plan Settings')?.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ''))));
    return rows;
  };
  const structure = async (args: string[]) => {
    const r = await runCli(['structure', ...args, '--today', '2026-01-15', '--json']);
    return { code: r.code, ...(JSON.parse(r.stdout) as { kpis: Record<string, unknown>[]; issues: { rule: string; severity: string; message: string }[] }) };
  };

  beforeAll(async () => {
    out = path.join(dir, 'mapped.xlsx');
    first = await structure([tracker, '--columns', ROLES, '--out', out]);
  });

  test('with the mapping, both KPIs are read with their latest month', () => {
    expect(first.code).toBe(0);
    expect(first.kpis.map((k) => [k.id, k.latest, k.target])).toEqual([
      ['T1', { period: 'Jul 2025', value: 91 }, 95],
      ['T2', { period: 'Jul 2025', value: 11 }, 10],
    ]);
  });

  test('one Plan Settings row per headed column, in KPI role words; a column of figures keeps its period', async () => {
    const rows = await settingsRows(out);
    expect(rows[0]).toEqual(['Setting', 'Value', 'Header', 'Fingerprint']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['Column: Tracker!A3', 'id', 'Item'],
      ['Column: Tracker!B3', 'name', 'What we measure'],
      ['Column: Tracker!C3', 'period: Jun 2025', 'Wk 12'],
      ['Column: Tracker!D3', 'period: Jul 2025', 'Wk 13'],
      ['Column: Tracker!E3', 'target', 'Aspiration'],
    ]);
    expect(rows[1][3]).toMatch(/^[0-9a-f]{8}$/);
  });

  test('the next run, without --columns, reads the scorecard the same way', async () => {
    const again = await structure([out]);
    expect(again.code).toBe(0);
    expect(again.kpis).toEqual(first.kpis);
  });

  test('a changed header row sets the saved KPI roles aside, with a warning that says so', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('Tracker')!.getCell('E3').value = 'Stretch aim';
    const changed = path.join(dir, 'changed.xlsx');
    await wb.xlsx.writeFile(changed);
    const after = await structure([changed]);
    expect(after.kpis).toEqual([]);
    expect(after.issues.filter((i) => i.rule === 'saved-columns-changed')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/saved for sheet “Tracker” no longer fit: its header row 3 has changed/) }),
    ]);
  });

  test('a period the officer names that is no period: exit 2 and one line', async () => {
    const r = await runCli(['structure', tracker, '--columns', 'name=B,period: week twelve=C,header=3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"period: week twelve" is not a KPI role/);
  });
});
