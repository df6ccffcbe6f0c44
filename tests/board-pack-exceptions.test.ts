/**
 * Exceptions that scrutiny accepts, on real files through the real command: theme heading rows in plan order;
 * "What we are doing about it", "Revised date" and "Update from" typed by the officer and kept on every re-run,
 * keyed to the action (also while it is off the list); a revised date beside the original, which stays; actions
 * moving on and off the list as their status changes; long repeated texts cut to three lines, the officer's never.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers/run-cli';

const HEADERS = ['Ref', 'Theme', 'Action', 'Lead', 'Due date', 'Status', 'Progress'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const LONG = 'Develop and implement a comprehensive, co-produced approach to strengths-based assessment across every locality team, with training, audit, supervision and a refreshed practice framework agreed with partners';

let dir: string;
let counter = 0;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exceptions-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<string> {
  const file = path.join(dir, `edited-${++counter}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(input: string): Promise<{ file: string; code: number; stderr: string }> {
  const file = path.join(dir, `pack-${++counter}.xlsx`);
  const result = await runCli(['run', input, '--out', file, '--period', 'Q3 2025/26', '--plan-start', '2025-04-01']);
  return { file, code: result.code, stderr: result.stderr };
}

async function packOf(input: string): Promise<string> {
  const result = await run(input);
  expect(result.stderr).toBe('');
  expect(result.code).toBeLessThan(2);
  return result.file;
}

/** The Exceptions sheet as its header, its rows below, and each listed action's row by ref. */
function exceptions(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet('Exceptions')!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === 'Ref') headerRow = n;
  });
  const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const col = (label: string) => header.indexOf(label) + 1;
  const rows: unknown[][] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
  const byRef = (ref: string) => {
    for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === ref) return { r, get: (label: string) => ws.getCell(r, col(label)).value };
    return null;
  };
  return { ws, header, rows, col, byRef, firstCells: rows.map((r) => (r[0] === undefined ? '' : String(r[0]))) };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

async function planFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action plan');
  ws.addRow(HEADERS);
  // Plan order: "Working with people" first, then "Leadership" (alphabetically it would be the other way round).
  ws.addRow(['1.1', 'Working with people', LONG, 'Head of Assessment', day('2025-11-30'), 'Off track', 'Recruitment to the practice lead post has failed twice; interim cover from January.']);
  ws.addRow(['1.2', 'Working with people', 'Publish the carers strategy', 'Carers Lead', day('2026-06-30'), 'On track', 'Drafted.']);
  ws.addRow(['2.1', 'Leadership', 'Refresh the workforce plan', 'Director', day('2025-10-31'), 'In progress', 'Consultation ran late.']);
  ws.getColumn(5).numFmt = 'dd/mm/yyyy';
  const file = path.join(dir, 'plan.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('an officer works the Exceptions sheet over several runs', () => {
  let first: string;
  beforeAll(async () => (first = await packOf(await planFile())));

  test('exceptions sit under theme heading rows in plan order, with the officer\'s columns, and no theme column', async () => {
    const ex = exceptions(await load(first));
    expect(ex.header).toEqual(['Ref', 'Action', 'Lead', 'Due date', 'Revised date', 'Status', 'RAG', 'Why listed', 'Latest progress', 'What we are doing about it', 'Update from']);
    expect(ex.firstCells.slice(0, 4)).toEqual(['Working with people', '1.1', 'Leadership', '2.1']);
    expect(ex.byRef('1.1')!.get('Why listed')).toBe('Overdue and off track');
  });

  test('a long action is cut to about three lines, marked, and said so; the Plan sheet keeps it whole', async () => {
    const wb = await load(first);
    const ex = exceptions(wb);
    const shown = String(ex.byRef('1.1')!.get('Action'));
    expect(shown.endsWith('…')).toBe(true);
    expect(LONG.startsWith(shown.slice(0, -1))).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(34 * 1.05 * 3);
    expect(ex.firstCells.some((t) => /cut to three lines.*Plan sheet has them in full/.test(t))).toBe(true);
  });

  test('what the officer types is kept on the next run, the revised date beside the original; cleared notes stay cleared', async () => {
    const wb = await load(first);
    const ex = exceptions(wb);
    const row11 = ex.byRef('1.1')!.r;
    const doing = 'Interim practice lead starts 6 January; assessments re-audited in February. '.repeat(3).trim();
    ex.ws.getCell(row11, ex.col('What we are doing about it')).value = doing;
    ex.ws.getCell(row11, ex.col('Revised date')).value = day('2026-03-31');
    ex.ws.getCell(row11, ex.col('Update from')).value = 'J. Smith, Head of Assessment';
    const row21 = ex.byRef('2.1')!.r;
    ex.ws.getCell(row21, ex.col('Revised date')).value = '30/04/2026';
    const second = await packOf(await save(wb));

    const again = exceptions(await load(second));
    const r11 = again.byRef('1.1')!;
    // Never cut: the officer's words come back whole.
    expect(r11.get('What we are doing about it')).toBe(doing);
    expect(iso(r11.get('Revised date'))).toBe('2026-03-31');
    expect(iso(r11.get('Due date'))).toBe('2025-11-30');
    expect(r11.get('Update from')).toBe('J. Smith, Head of Assessment');
    expect(iso(again.byRef('2.1')!.get('Revised date'))).toBe('2026-04-30');

    // A third run keeps them again; clearing one keeps it cleared.
    const wb3 = await load(second);
    const ex3 = exceptions(wb3);
    ex3.ws.getCell(ex3.byRef('2.1')!.r, ex3.col('Revised date')).value = null;
    const third = exceptions(await load(await packOf(await save(wb3))));
    expect(third.byRef('1.1')!.get('What we are doing about it')).toBe(doing);
    expect(third.byRef('2.1')!.get('Revised date')).toBeNull();
  });

  test('a status change moves the action off the list and back on, its notes kept while it was off', async () => {
    const wb = await load(first);
    const ex = exceptions(wb);
    ex.ws.getCell(ex.byRef('1.1')!.r, ex.col('What we are doing about it')).value = 'Interim cover agreed.';
    const noted = await packOf(await save(wb));

    // The officer reports 1.1 complete and 1.2 off track in the plan itself.
    const wb2 = await load(noted);
    const plan = wb2.getWorksheet('Action plan')!;
    plan.getCell('F2').value = 'Complete';
    plan.getCell('F3').value = 'Off track';
    const moved = exceptions(await load(await packOf(await save(wb2))));
    expect(moved.byRef('1.1')).toBeNull();
    expect(moved.byRef('1.2')!.get('Why listed')).toBe('Off track');
    expect(moved.firstCells.slice(0, 4)).toEqual(['Working with people', '1.2', 'Leadership', '2.1']);

    // 1.1 slips back: its note returns with it.
    const wb3 = await load(path.join(dir, `pack-${counter}.xlsx`));
    wb3.getWorksheet('Action plan')!.getCell('F2').value = 'Off track';
    const back = exceptions(await load(await packOf(await save(wb3))));
    expect(back.byRef('1.1')!.get('What we are doing about it')).toBe('Interim cover agreed.');
  });

  test('typing anywhere else on Exceptions is still an edit the run refuses to overwrite', async () => {
    const wb = await load(first);
    const ex = exceptions(wb);
    ex.ws.getCell(ex.byRef('1.1')!.r, ex.col('Latest progress')).value = 'Changed by hand';
    const result = await run(await save(wb));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"Exceptions" was written by PlanAssure and has been changed by hand/);
  });
});
