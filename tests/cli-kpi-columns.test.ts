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
  ['a word that is no KPI role', 'name=B,target=E,goal=D,header=3', /"goal" is not a KPI role/],
  ['no column naming the KPIs', 'target=E,header=3', /names the KPIs/],
])('%s: exit 2 and one line', async (_name, spec, message) => {
  const r = await runCli(['structure', tracker, '--today', '2026-01-15', '--columns', spec]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});
