/**
 * Board Views (issue 15, item 5): actions by CQC quality statement in framework order, Red and overdue actions by
 * lead, and "Coming up" over the rest of the current quarter and the next one (or the months Plan Settings gives).
 * Plans are written as .xlsx, run through the real command, and the pack read back with ExcelJS.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { comingUpWindow } from '../src/engine/board-pack/coming-up-window';
import { QUALITY_STATEMENTS } from '../src/engine/schema';
import { readSettingsSheet } from '../src/engine/settings';
import { SEED_DIR } from '../scripts/seed-data';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { writeModel } from './helpers/xlsx-files';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'board-views-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ReportAction {
  qualityStatement: string | null;
  lead: string | null;
  rag: string;
}

/** The pack as written, and the report's actions (with the RAG each was given) to count against. */
let packs = 0;
async function pack(input: string, today: string): Promise<ExcelJS.Workbook & { actions: ReportAction[] }> {
  // A file of its own each time: the command leaves a file already at --out alone.
  const out = path.join(dir, `${path.basename(input, '.xlsx')}-${today}-pack-${++packs}.xlsx`);
  const run = await runCli(['run', input, '--out', out, '--json', '--today', today]);
  expect(run.code).toBeLessThan(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return Object.assign(wb, { actions: JSON.parse(run.stdout).actions as ReportAction[] });
}

const cellText = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((p) => p.text).join('') : String(v));

/** The rows of the table under a section heading, as text by column, up to the first blank row. */
function section(ws: ExcelJS.Worksheet, heading: string): string[][] {
  let r = 1;
  while (r <= ws.rowCount && cellText(ws.getCell(r, 1).value) !== heading) r++;
  const rows: string[][] = [];
  for (r++; r <= ws.rowCount && cellText(ws.getCell(r, 1).value); r++) rows.push(Array.from({ length: 10 }, (_, c) => cellText(ws.getCell(r, c + 1).value)));
  return rows;
}

test('the example: the nine quality statements in framework order, each counted as the report rates its actions', async () => {
  const wb = await pack(path.join(SEED_DIR, 'example-canonical-plan.xlsx'), '2025-11-15');
  const views = wb.getWorksheet('Board Views')!;
  const table = section(views, 'Actions by CQC quality statement');
  expect(table[0].slice(0, 10)).toEqual(['Quality statement', 'CQC theme', 'Blue', 'Green', 'Amber', 'Red', 'Grey', 'No update', 'Total', 'Overdue']);
  const body = table.slice(1);
  expect(body.slice(0, 9).map((r) => r[0])).toEqual([...QUALITY_STATEMENTS]);
  for (const row of body.slice(0, 9)) {
    const under = wb.actions.filter((a) => a.qualityStatement === row[0]);
    ['Blue', 'Green', 'Amber', 'Red', 'Grey'].forEach((rag, i) => expect([row[0], rag, Number(row[2 + i])]).toEqual([row[0], rag, under.filter((a) => a.rag === rag).length]));
    expect([row[0], Number(row[8])]).toEqual([row[0], under.length]);
  }
  expect(body.reduce((n, r) => n + Number(r[8]), 0)).toBe(wb.actions.length);
}, 120_000);

test('the example: leads with Red or overdue actions, most first, each counted as the report rates their actions', async () => {
  const wb = await pack(path.join(SEED_DIR, 'example-canonical-plan.xlsx'), '2025-11-15');
  const table = section(wb.getWorksheet('Board Views')!, 'Red and overdue actions by lead');
  expect(table[0].slice(2, 6)).toEqual(['Red', 'Overdue', 'Red or overdue', 'Actions led']);
  const leads = table.slice(1).filter((r) => /^\d+$/.test(r[2]));
  expect(leads.length).toBeGreaterThan(0);
  for (const [lead, , red, , either, total] of leads) {
    const led = wb.actions.filter((a) => (a.lead ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === lead.toLowerCase());
    expect([lead, Number(total), Number(red)]).toEqual([lead, led.length, led.filter((a) => a.rag === 'Red').length]);
    expect(Number(either)).toBeGreaterThanOrEqual(Math.max(1, Number(red)));
  }
  const eithers = leads.map((r) => Number(r[4]));
  expect(eithers).toEqual([...eithers].sort((a, b) => b - a));
}, 120_000);

test('a plan not organised by quality statement says so in one line instead of a table of zeros', async () => {
  const wb = await pack(path.join(SEED_DIR, 'dudley-cqc-action-plan-2009.xlsx'), '2009-11-15');
  const table = section(wb.getWorksheet('Board Views')!, 'Actions by CQC quality statement');
  expect(table.map((r) => r[0])).toEqual([expect.stringMatching(/^The plan does not file its actions under the CQC quality statements/)]);
}, 120_000);

describe('the Coming up window', () => {
  test('by default, from the day the pack is made to the end of the next quarter', () => {
    expect(comingUpWindow('2025-11-15')).toEqual({ start: '2025-11-15', end: '2026-03-31', label: '15/11/2025 to 31/03/2026: the rest of Q3 2025/26 and Q4 2025/26' });
    expect(comingUpWindow('2026-03-31').end).toBe('2026-06-30');
    expect(comingUpWindow('2025-11-15', 6)).toEqual({ start: '2025-11-15', end: '2026-05-15', label: '15/11/2025 to 15/05/2026: the next 6 months' });
  });

  test('Plan Settings "Coming up months" reads as a whole number of months', () => {
    const read = (value: CellInput) => readSettingsSheet(workbook(sheet('Plan Settings', [['Setting', 'Value'], ['Coming up months', value]]))).settings.comingUpMonths;
    expect(read(6)).toBe(6);
    expect(read('9 months')).toBe(9);
    expect(read('soon')).toBeUndefined();
    expect(read(0)).toBeUndefined();
  });

  const PLAN: CellInput[][] = [
    ['Ref', 'Action', 'Lead', 'Due date', 'Status'],
    ['1', 'Publish the carers strategy and action plan', 'Head of Carers', { date: '2025-11-10' }, 'In progress'],
    ['2', 'Recruit two more occupational therapists', 'Head of OT', { date: '2025-12-20' }, 'On track'],
    ['3', 'Launch the new front door triage', 'Head of Access', { date: '2026-02-01' }, 'On track'],
    ['4', 'Review all direct payment agreements', 'Head of Personalisation', { date: '2026-04-10' }, 'Not started'],
    ['5', 'Close the old case management system', 'Head of Systems', { date: '2026-01-15' }, 'Complete'],
  ];

  test('the rest of this quarter and the next: what is past, complete or later is left out; a wider window takes in more', async () => {
    const plain = path.join(dir, 'window.xlsx');
    await writeModel(workbook(sheet('Action Plan', PLAN)), plain);
    const wb = await pack(plain, '2025-11-15');
    const listed = (w: ExcelJS.Workbook) => {
      const ws = w.getWorksheet('Coming up')!;
      const refs: string[] = [];
      for (let r = 2; r <= ws.rowCount; r++) if (cellText(ws.getCell(r, 2).value) === 'Action') refs.push(cellText(ws.getCell(r, 3).value));
      return refs;
    };
    expect(listed(wb)).toEqual(['2', '3']);
    const views = wb.getWorksheet('Board Views')!;
    expect(section(views, 'Coming up')[0][0]).toBe('15/11/2025 to 31/03/2026: the rest of Q3 2025/26 and Q4 2025/26: 2 actions and 0 milestones due, listed on the Coming up sheet.');

    const wider = path.join(dir, 'window-6.xlsx');
    await writeModel(workbook(sheet('Action Plan', PLAN), sheet('Plan Settings', [['Setting', 'Value'], ['Coming up months', 6]])), wider);
    expect(listed(await pack(wider, '2025-11-15'))).toEqual(['2', '3', '4']);
  }, 120_000);

  test('long theme, action and lead texts are cut to three lines with a footnote; every item keeps its row', async () => {
    const theme = 'Working with people: assessing needs, care planning and review, direct payments, charging, prevention, wellbeing, information and advice';
    const action = `${'Review the front door offer with partners and people who draw on care, '.repeat(4)}then report to the board`;
    const lead = 'Assistant Director Adult Social Care and Health and Assistant Director All Age Commissioning';
    const long = path.join(dir, 'long-texts.xlsx');
    await writeModel(
      workbook(
        sheet('Action Plan', [
          ['Ref', 'Theme', 'Action', 'Lead', 'Due date', 'Status'],
          ['1', theme, action, lead, { date: '2025-12-20' }, 'On track'],
          ['2', theme, 'Recruit two more occupational therapists', 'Head of OT', { date: '2026-01-20' }, 'On track'],
        ]),
      ),
      long,
    );
    const ws = (await pack(long, '2025-11-15')).getWorksheet('Coming up')!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(Array.from({ length: 8 }, (_, c) => cellText(row.getCell(c + 1).value))));
    const header = rows.findIndex((r) => r[0] === 'Due');
    const items = rows.slice(header + 1).filter((r) => r[1] === 'Action');
    expect(items.map((r) => r[2])).toEqual(['1', '2']);
    const [first, second] = items;
    // Cut at a word, marked, and the start kept: the reader can still tell which theme, action and lead it is.
    for (const [shown, full] of [[first[3], theme], [first[4], action], [first[5], lead]]) {
      expect(shown.endsWith('…')).toBe(true);
      expect(full.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
      expect(shown.length).toBeLessThan(full.length);
    }
    // Short texts stay whole.
    expect(second.slice(4, 6)).toEqual(['Recruit two more occupational therapists', 'Head of OT']);
    expect(rows.map((r) => r[0])).toContain('Theme, action and lead texts are cut to three lines here (…); the Plan sheet has them in full.');
  }, 120_000);
});
