/**
 * The board pack's cover: the plan's title, the period, the date made, the author and version from Plan Settings, the
 * protective marking, a contents list of the pack's own sheets, and the headline in two or three sentences. Through
 * the real command on the example plan, with the officer's Author and Version rows added to its Plan Settings.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SEED_DIR } from '../scripts/seed-data';
import { runCli } from './helpers/run-cli';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cover-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function coverOf(settings: [string, string | number][]): Promise<{ cover: string[][]; sheets: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SEED_DIR, 'example-canonical-plan.xlsx'));
  for (const row of settings) wb.getWorksheet('Plan Settings')!.addRow(row);
  const input = path.join(dir, `in-${settings.length}.xlsx`);
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, `out-${settings.length}.xlsx`);
  const run = await runCli(['run', input, '--out', out, '--today', '2026-01-31', '--period', 'Q3 2025/26']);
  expect(run.code).toBeLessThan(2);
  const pack = new ExcelJS.Workbook();
  await pack.xlsx.readFile(out);
  const cover = pack.getWorksheet('Cover')!;
  const rows: string[][] = [];
  cover.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { cover: rows, sheets: pack.worksheets.filter((w) => w.state === 'visible').map((w) => w.name) };
}

test('the cover gives the title, period, date made, author, version, marking, contents and headline', async () => {
  const { cover, sheets } = await coverOf([
    ['Author', 'Director of Adult Social Services'],
    ['Version', 2.1],
  ]);
  const byLabel = new Map(cover.filter((r) => r.length > 1).map((r) => [r[0], r[1]]));
  expect(cover[0][0]).toBe('Adult Social Care Improvement Plan 2025/26');
  expect(byLabel.get('Reporting period')).toBe('Q3 2025/26 (01/10/2025 to 31/12/2025)');
  expect(byLabel.get('Date made')).toBe('31/01/2026');
  expect(byLabel.get('Author')).toBe('Director of Adult Social Services');
  expect(byLabel.get('Version')).toBe('2.1');
  expect(byLabel.get('Protective marking')).toBe('OFFICIAL');

  // The contents list names every board sheet the pack wrote after the cover, in order, and nothing else.
  const at = cover.findIndex((r) => r[0] === 'Contents');
  const listed = cover.slice(at + 1).map((r) => r[0]);
  const boardSheets = ['Board Summary', 'Board Views', 'Exceptions', 'KPI Scorecard', 'KPI Trends', 'Coming up'];
  const board = sheets.slice(sheets.indexOf('Cover') + 1).filter((s) => boardSheets.includes(s));
  expect(listed.slice(0, board.length)).toEqual(board);
  expect(board.slice(0, 4)).toEqual(['Board Summary', 'Board Views', 'Exceptions', 'KPI Scorecard']);

  // The headline: two or three sentences, the first the Board Summary's own.
  const headline = cover[cover.findIndex((r) => r[0] === 'Headline') + 1][0];
  const sentences = headline.split(/(?<=\.)\s+(?=[A-Z0-9])/);
  expect(sentences.length).toBeGreaterThanOrEqual(2);
  expect(sentences.length).toBeLessThanOrEqual(3);
  expect(headline).toMatch(/^Of 24 actions, /);
  expect(headline).toMatch(/actions? (is|are) listed as exceptions\./);
  expect(headline).toMatch(/Of 14 KPIs, \d+ (is|are) Red\./);
});

test('without Author or Version in Plan Settings, the cover leaves those lines out rather than print blanks', async () => {
  const { cover } = await coverOf([]);
  const labels = cover.map((r) => r[0]);
  expect(labels).toEqual(expect.arrayContaining(['Reporting period', 'Date made', 'Protective marking']));
  expect(labels).not.toContain('Author');
  expect(labels).not.toContain('Version');
});
