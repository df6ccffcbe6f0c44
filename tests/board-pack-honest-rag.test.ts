/**
 * Honest RAG for a period, on real files through the real command: the default period is the last quarter
 * completed; overdue is judged at the period's end on every sheet (an explicit --today still wins); an action
 * nobody reported on is "No update", counted apart from Red; Complete (Blue) is never overdue; the RAG states,
 * their words and whether Blue is used come from Plan Settings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { lastCompletedQuarter } from '../src/engine/board-pack';
import { runCli } from './helpers/run-cli';

type Row = (string | Date | null)[];
const HEADERS = ['Ref', 'Theme', 'Action', 'Lead', 'Due date', 'Status', 'Progress'];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'honest-rag-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function writePlan(name: string, headers: string[], rows: Row[], settings: [string, string][] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action plan');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(headers.indexOf('Due date') + 1).numFmt = 'dd/mm/yyyy';
  if (headers.includes('Last updated')) ws.getColumn(headers.indexOf('Last updated') + 1).numFmt = 'dd/mm/yyyy';
  if (settings.length) {
    const s = wb.addWorksheet('Plan Settings');
    s.addRow(['Setting', 'Value']);
    for (const r of settings) s.addRow(r);
  }
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function run(input: string, extra: string[]): Promise<ExcelJS.Workbook> {
  const out = input.replace(/\.xlsx$/, `.${fs.readdirSync(dir).length}.pack.xlsx`);
  const result = await runCli(['run', input, '--out', out, '--plan-start', '2025-04-01', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBeLessThan(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value ?? ''))));
  return out;
}

/** The tool's Plan sheet as { ref → RAG }. */
function planRags(wb: ExcelJS.Workbook): Record<string, string> {
  const ws = wb.worksheets.find((w) => /^(PlanAssure )?Plan$/.test(w.name))!;
  const header = (ws.getRow(1).values as unknown[]).map(String);
  const out: Record<string, string> = {};
  ws.eachRow((row, n) => {
    if (n > 1) out[String(row.getCell(header.indexOf('Ref')).value)] = String(row.getCell(header.indexOf('RAG')).value);
  });
  return out;
}

/** The refs listed on the Exceptions sheet (the cells of the Ref column, below its header). */
function exceptionRefs(wb: ExcelJS.Workbook): string[] {
  // No exceptions, no sheet (the Board Summary says so in a line).
  const ws = wb.getWorksheet('Exceptions');
  if (!ws) return [];
  let refCol = 0;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      if (cell.value === 'Ref') [refCol, headerRow] = [c, n];
    });
  });
  const refs: string[] = [];
  ws.eachRow((row, n) => {
    const v = row.getCell(refCol).value;
    if (n > headerRow && typeof v === 'string' && /^\d+(\.\d+)*$/.test(v)) refs.push(v);
  });
  return refs;
}

const summarySentence = (wb: ExcelJS.Workbook) => texts(wb.getWorksheet('Board Summary')!).find((t) => /^(Of |None of )/.test(t))!;

test('a plan nobody has reported on reads "No update", not "off track or overdue", and lists no exceptions', async () => {
  const rows: Row[] = [1, 2, 3, 4].map((n) => [`1.${n}`, 'Working with people', `Action ${n} to improve assessments`, 'Head of Service', day('2025-06-30'), null, null]);
  const wb = await run(await writePlan('silent', HEADERS, rows), ['--period', 'Q3 2025/26']);
  const sentence = summarySentence(wb);
  expect(sentence).toMatch(/^None of the 4 actions has an update recorded \(No update\), 4 of them past their due date/);
  expect(sentence).not.toMatch(/off track|overdue \(Red\)/i);
  expect(Object.values(planRags(wb))).toEqual(['No update', 'No update', 'No update', 'No update']);
  expect(exceptionRefs(wb)).toEqual([]);
  // With nothing to list there is no Exceptions sheet: the Board Summary says why in a line, naming the silent ones.
  expect(wb.getWorksheet('Exceptions')).toBeUndefined();
  expect(texts(wb.getWorksheet('Board Summary')!).join('\n')).toMatch(/4 actions are past the due date with no update recorded: counted as No update/);
  // The Board Summary counts the state in a column of its own, beside Red.
  expect(texts(wb.getWorksheet('Board Summary')!)).toEqual(expect.arrayContaining(['Red', 'No update']));
});

test('No update is counted apart from Red where some actions are reported on and some are not', async () => {
  const rows: Row[] = [
    ['1.1', 'Safety', 'Review the safeguarding pathway', 'Lead A', day('2025-09-30'), 'Off track', 'Delayed by recruitment.'],
    ['1.2', 'Safety', 'Train the front door team', 'Lead B', day('2026-06-30'), 'On track', 'Half trained.'],
    ['1.3', 'Safety', 'Audit case files', 'Lead C', day('2025-08-31'), null, null],
  ];
  const wb = await run(await writePlan('mixed', HEADERS, rows), ['--period', 'Q3 2025/26']);
  const sentence = summarySentence(wb);
  expect(sentence).toMatch(/^Of the 2 actions reported on, 1 on track \(Green\) and 1 off track or overdue \(Red\)/);
  expect(sentence).toMatch(/1 action has no update recorded \(No update\), 1 of them past their due date\.$/);
  expect(planRags(wb)).toEqual({ '1.1': 'Red', '1.2': 'Green', '1.3': 'No update' });
  expect(exceptionRefs(wb)).toEqual(['1.1']);
});

describe('overdue is judged at the end of the reporting period, the same on every sheet', () => {
  const rows: Row[] = [
    ['2.1', 'Support', 'Open the new reablement service', 'Lead A', day('2025-11-30'), 'On track', 'Building works late.'],
    ['2.2', 'Support', 'Publish the carers strategy', 'Lead B', day('2026-01-15'), 'On track', 'Drafted.'],
    ['2.3', 'Support', 'Close the old day centre', 'Lead C', day('2025-10-31'), 'Complete', 'Closed in October.'],
  ];
  let input: string;
  beforeAll(async () => (input = await writePlan('period', [...HEADERS, 'RAG'], rows.map((r, i) => [...r, i === 2 ? 'Blue' : null]))));

  test('due after the period ends is not overdue, whatever the clock says; due before it is', async () => {
    const wb = await run(input, ['--period', 'Q3 2025/26']);
    expect(planRags(wb)).toEqual({ '2.1': 'Red', '2.2': 'Green', '2.3': 'Blue' });
    expect(exceptionRefs(wb)).toEqual(['2.1']);
    expect(summarySentence(wb)).toMatch(/1 action is overdue\.$/);
  });

  test('an explicit --today still decides overdue', async () => {
    const wb = await run(input, ['--period', 'Q3 2025/26', '--today', '2026-02-01']);
    expect(planRags(wb)).toEqual({ '2.1': 'Red', '2.2': 'Red', '2.3': 'Blue' });
    expect(exceptionRefs(wb)).toEqual(['2.1', '2.2']);
  });

  test('Complete (Blue) is never overdue, even with a status the RAG contradicts', async () => {
    const contradicted = await writePlan('blue', [...HEADERS, 'RAG'], [['3.1', 'Support', 'Close the old day centre', 'Lead C', day('2025-10-31'), 'In progress', 'Closed.', 'Blue']]);
    const wb = await run(contradicted, ['--period', 'Q3 2025/26']);
    expect(planRags(wb)).toEqual({ '3.1': 'Blue' });
    expect(exceptionRefs(wb)).toEqual([]);
    expect(summarySentence(wb)).toMatch(/nothing is overdue/);
  });
});

test('with no --period and no Plan Settings period, the pack reports the last quarter completed', async () => {
  const rows: Row[] = [['4.1', 'Leadership', 'Refresh the workforce plan', 'Lead A', day('2030-03-31'), 'On track', 'Started.']];
  const wb = await run(await writePlan('default-period', HEADERS, rows), []);
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  expect(texts(wb.getWorksheet('Board Summary')!).join('\n')).toContain(`Reporting period ${lastCompletedQuarter(today).label}`);
});

test('Plan Settings set the RAG words, the rules and whether Blue is used; the Board Summary follows', async () => {
  const rows: Row[] = [
    ['5.1', 'Support', 'Open the new reablement service', 'Lead A', day('2025-11-30'), 'On track', 'Late.'],
    ['5.2', 'Support', 'Close the old day centre', 'Lead C', day('2025-10-31'), 'Complete', 'Closed.'],
  ];
  const settings: [string, string][] = [
    ['Use Blue', 'no'],
    ['RAG when overdue', 'Amber'],
    ['Amber means', 'Slipping: watch'],
  ];
  const wb = await run(await writePlan('settings', HEADERS, rows, settings), ['--period', 'Q3 2025/26']);
  expect(planRags(wb)).toEqual({ '5.1': 'Amber', '5.2': 'Green' });
  const summary = texts(wb.getWorksheet('Board Summary')!);
  expect(summary).toContain('Slipping: watch');
  expect(summary).not.toContain('Blue');
  expect(summarySentence(wb)).toMatch(/1 slipping: watch \(Amber\)/);
});

test.each(['Autumn 2025', 'Q5 2025/26', 'Q2 2025/27', '2025-09-30'])('--period "%s" the command cannot read: exit 2, one line with the forms it accepts, nothing written', async (period) => {
  const input = await writePlan(`bad-period-${period.replace(/\W/g, '')}`, HEADERS, [['6.1', 'Support', 'Open the hub', 'Lead A', day('2026-03-31'), 'On track', 'Started.']]);
  const out = path.join(dir, 'never-written.xlsx');
  const result = await runCli(['run', input, '--out', out, '--period', period]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`"${period}"`);
  for (const form of ['"Q2 2025/26"', '"Q2 25/26"', '"Q2 2025-26"']) expect(lines[0]).toContain(form);
  expect(fs.existsSync(out)).toBe(false);
});

test('"No update after days" in Plan Settings: an update older than that at the period end is No update, whatever it said', async () => {
  const rows: Row[] = [
    ['7.1', 'Support', 'Open the new reablement service', 'Lead A', day('2026-06-30'), 'On track', 'Going well.', day('2025-07-01')],
    ['7.2', 'Support', 'Publish the carers strategy', 'Lead B', day('2026-06-30'), 'On track', 'Drafted.', day('2025-12-01')],
    ['7.3', 'Support', 'Close the old day centre', 'Lead C', day('2025-07-31'), 'Complete', 'Closed.', day('2025-07-01')],
  ];
  const input = await writePlan('stale', [...HEADERS, 'Last updated'], rows, [['No update after days', '90']]);
  const wb = await run(input, ['--period', 'Q3 2025/26']);
  expect(planRags(wb)).toEqual({ '7.1': 'No update', '7.2': 'Green', '7.3': 'Blue' });
  expect(summarySentence(wb)).toMatch(/1 action has no update recorded \(No update\)\.$/);
});
