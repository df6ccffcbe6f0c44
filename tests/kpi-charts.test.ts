/**
 * KPI trend charts (issue 15, item 6): one native line chart per KPI on the KPI Trends sheet, written as chart parts
 * in the .xlsx file (and through the charts API in the pane: tests/excel-charts.test.ts). Figures that cannot be
 * right for their unit (a percentage over 100, a negative count) are marked on the scorecard, named by a finding,
 * and left out of the charts. Everything here goes through the real command or the real xlsx adapter, and is read
 * back with ExcelJS, SheetJS and LibreOffice.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { TITLE_ROWS } from '../src/engine/board-pack/layout';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { boardPackWorkbookPlan } from '../src/engine/board-pack';
import { notPlottedNote, trendPoints } from '../src/engine/board-pack/kpi-trends';
import { impossibleFor } from '../src/engine/kpi/possible-range';
import { structureWorkbook } from '../src/engine/structure';
import { applyWorkbookPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { loadWorkbook, workbookModel } from '../src/xlsx/read-workbook';
import { SEED_DIR } from '../scripts/seed-data';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { requireTool } from './helpers/tools';
import { writeModel } from './helpers/xlsx-files';

const EXAMPLE = path.join(SEED_DIR, 'example-canonical-plan.xlsx');
const TODAY = '2025-11-15';
const hasLibreOffice = requireTool('soffice');
const hasXmllint = requireTool('xmllint');

let dir: string;
let pack: string;
let zip: JSZip;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-charts-'));
  pack = path.join(dir, 'pack.xlsx');
  const run = await runCli(['run', EXAMPLE, '--out', pack, '--today', TODAY]);
  expect(run.code).toBeLessThan(2);
  zip = await JSZip.loadAsync(fs.readFileSync(pack));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (part: string) => zip.file(part)!.async('string');

/** Each chart part's title and its series: name reference, category and value references, and the cached values. */
async function charts(file: JSZip): Promise<{ part: string; title: string; series: { name: string; values: string; cached: (number | null)[] }[] }[]> {
  const parts = Object.keys(file.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  return Promise.all(
    parts.map(async (part) => {
      const xml = await file.file(part)!.async('string');
      const title = /<c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(xml)![1];
      const series = (xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []).map((ser) => {
        const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)![1];
        const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)![1];
        const count = Number(/<c:ptCount val="(\d+)"/.exec(val)![1]);
        const cached: (number | null)[] = Array(count).fill(null);
        for (const m of val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)) cached[Number(m[1])] = Number(m[2]);
        return { name, values: /<c:f>([^<]*)<\/c:f>/.exec(val)![1], cached };
      });
      return { part, title, series };
    }),
  );
}

describe('the possible range of a KPI figure', () => {
  test('a percentage lies in 0–100; counts, days and rates are not negative; scores are left alone', () => {
    expect(impossibleFor(106.8, 'percentage')).toBe('is over 100%');
    expect(impossibleFor(-0.1, 'percentage')).toBe('is below 0%');
    expect(impossibleFor(100, 'percentage')).toBeNull();
    expect(impossibleFor(0, 'percentage')).toBeNull();
    expect(impossibleFor(-758, 'number')).toBe('is negative, and a count cannot be');
    expect(impossibleFor(-3, 'days')).toMatch(/negative/);
    expect(impossibleFor(-1, 'rate per 100,000')).toMatch(/negative/);
    expect(impossibleFor(758, 'number')).toBeNull();
    expect(impossibleFor(-2, 'score')).toBeNull();
    expect(impossibleFor(null, 'percentage')).toBeNull();
  });

  test('the trend keeps the last six figures and says which it leaves out, and why', () => {
    const series = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7'].map((period, i) => ({ period, value: i === 4 ? 106.8 : 50 + i }));
    const points = trendPoints({ unit: 'percentage' }, series);
    expect(points.map((p) => p.period)).toEqual(['Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7']);
    expect(points.filter((p) => p.impossible).map((p) => p.period)).toEqual(['Q5']);
    expect(notPlottedNote(points)).toBe('Not plotted, as it cannot be right: Q5 (106.8) is over 100%. Check the figure at its source.');
    expect(notPlottedNote(trendPoints({ unit: 'percentage' }, series.slice(0, 3)))).toBeNull();
  });
});

describe('the written board pack (example plan, through the command)', () => {
  test('KPI Trends has a line chart per KPI with figures, as chart parts the package declares', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pack);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['KPI Scorecard', 'KPI Trends']));
    const kpiIds = (wb.getWorksheet('KPI Scorecard')!.getColumn(1).values as unknown[]).filter((v): v is string => typeof v === 'string' && /^KPI-\d+$/.test(v));
    expect(kpiIds.length).toBeGreaterThanOrEqual(10);

    const all = await charts(zip);
    const trend = all.filter((c) => / trend$/.test(c.title));
    expect(trend.map((c) => c.title).sort()).toEqual(kpiIds.map((id) => `${id} trend`).sort());
    expect(all.map((c) => c.title)).toContain('Actions by theme and RAG');

    const types = await text('[Content_Types].xml');
    for (const c of all) expect(types).toContain(`PartName="/${c.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    // Each sheet with charts points at one drawing, and the drawing at each of its charts.
    const workbookRels = await text('xl/_rels/workbook.xml.rels');
    const workbookXml = await text('xl/workbook.xml');
    const rid = new RegExp(`<sheet name="KPI Trends" sheetId="\\d+"[^>]*:id="(rId\\d+)"`).exec(workbookXml)![1];
    const trendsSheet = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(workbookRels)![1]}`;
    expect(await text(trendsSheet)).toMatch(/<drawing r:id="rId\d+"\/>/);
    const sheetRels = await text(trendsSheet.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    const drawing = `xl/drawings/${/relationships\/drawing" Target="..\/drawings\/([^"]+)"/.exec(sheetRels)![1]}`;
    expect(types).toContain(`PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
    const drawingXml = await text(drawing);
    expect((drawingXml.match(/<xdr:twoCellAnchor/g) ?? []).length).toBe(trend.length);
    const drawingRels = await text(drawing.replace('drawings/', 'drawings/_rels/') + '.rels');
    expect((drawingRels.match(/relationships\/chart"/g) ?? []).length).toBe(trend.length);
  });

  test('each chart plots its KPI row and the target from the sheet; an impossible figure is a gap, not a point', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pack);
    const trends = wb.getWorksheet('KPI Trends')!;
    const all = await charts(zip);
    const byTitle = new Map(all.map((c) => [c.title, c]));
    // KPI-09 Q4 2024/25 is 188 out of 176 (106.8%); KPI-06 Q3 2024/25 is -758 Direct Payments.
    const kpi09 = byTitle.get('KPI-09 trend')!;
    expect(kpi09.series.map((s) => s.name)).toEqual(['KPI-09', 'Target']);
    const figures = kpi09.series[0];
    expect(figures.cached).toHaveLength(6);
    expect(figures.cached.filter((v) => v === null)).toHaveLength(1);
    expect(figures.cached.some((v) => v !== null && v > 100)).toBe(false);
    // The reference is the sheet's own row, whose cells hold exactly what the cache says.
    const [, from, to] = /'KPI Trends'!\$([A-Z]+\$\d+):\$([A-Z]+\$\d+)/.exec(figures.values)!;
    const row = Number(from.split('$')[1]);
    expect(to.split('$')[1]).toBe(String(row));
    const cells = Array.from({ length: 6 }, (_, i) => trends.getRow(row).getCell(i + 2).value);
    expect(cells.map((v) => (typeof v === 'number' ? v : null))).toEqual(figures.cached);
    expect(trends.getRow(row).getCell(1).value).toBe('KPI-09');
    const note = trends.getRow(row + 2).getCell(1).value;
    expect(note).toMatch(/^Not plotted, as it cannot be right: Q4 2024\/25 \(106\.8\) is over 100%/);

    const kpi06 = byTitle.get('KPI-06 trend')!;
    expect(kpi06.series[0].cached.some((v) => v !== null && v < 0)).toBe(false);
    expect(kpi06.series[0].cached.filter((v) => v === null)).toHaveLength(1);
    // A KPI with no impossible figure plots all six.
    expect(byTitle.get('KPI-01 trend')!.series[0].cached.every((v) => v !== null)).toBe(true);
  });

  test('the impossible figures are findings naming their cells', async () => {
    const run = await runCli(['validate', EXAMPLE, '--json', '--today', TODAY]);
    const issues = JSON.parse(run.stdout).issues as { rule: string; sheet: string; cell: string }[];
    const found = issues.filter((i) => i.rule === 'kpi-value-out-of-range').map((i) => `${i.sheet}!${i.cell}`);
    expect(found).toEqual(expect.arrayContaining(['KPI Data!E34', 'KPI Data!C54']));
  });

  test('SheetJS and ExcelJS still read every sheet of the file with charts', async () => {
    const sheetjs = XLSX.read(fs.readFileSync(pack));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pack);
    expect(sheetjs.SheetNames).toEqual(wb.worksheets.map((w) => w.name));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheetjs.Sheets['KPI Trends'], { header: 1 });
    expect(rows.flat()).toContain('KPI-09');
  });

  (hasXmllint ? test : test.skip)('every chart and drawing part is well-formed XML', async () => {
    const parts = Object.keys(zip.files).filter((f) => /^xl\/(charts|drawings)\/.*\.xml(\.rels)?$/.test(f));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      const file = path.join(dir, part.replace(/\//g, '_'));
      fs.writeFileSync(file, await text(part));
      const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      expect([part, lint.status, lint.stderr]).toEqual([part, 0, '']);
    }
  });

  test('a second run replaces the charts rather than adding to them', async () => {
    const again = path.join(dir, 'again.xlsx');
    const run = await runCli(['run', pack, '--out', again, '--today', TODAY]);
    expect(run.code).toBeLessThan(2);
    const second = await JSZip.loadAsync(fs.readFileSync(again));
    const count = (z: JSZip, re: RegExp) => Object.keys(z.files).filter((f) => re.test(f)).length;
    expect(count(second, /^xl\/charts\/chart\d+\.xml$/)).toBe(count(zip, /^xl\/charts\/chart\d+\.xml$/));
    expect(count(second, /^xl\/drawings\/drawing\d+\.xml$/)).toBe(count(zip, /^xl\/drawings\/drawing\d+\.xml$/));
    expect((await charts(second)).map((c) => c.title).sort()).toEqual((await charts(zip)).map((c) => c.title).sort());
  }, 120_000);

  (hasLibreOffice ? test : test.skip)('LibreOffice opens the file and draws the charts: their titles, in no cell, are on the printed pages', () => {
    const [pdf] = convertWithLibreOffice([pack], 'pdf', path.join(dir));
    const printed = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const title of ['Actions by theme and RAG', 'KPI-01 trend', 'KPI-06 trend', 'KPI-09 trend']) expect(printed).toContain(title);
    // No KPI block is cut by a page: every KPI Trends page starts with the sheet's title.
    const pages = printed.split('\f').filter((p) => /KPI-\d+ trend/.test(p));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('KPI Trends');
  }, 300_000);
});

/** A scorecard whose latest figure cannot be right: marked on the scorecard, named, and not plotted. */
const IMPOSSIBLE: CellInput[][] = [
  ['Ref', 'Indicator', 'Unit', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
  ['K1', 'Proportion of reviews completed on time', 'percentage', 'Higher', 80, 78, 112.5],
  ['K2', 'Number of carers assessed', 'number', 'Higher', 400, -12, 420],
];

test('a scorecard marks an impossible latest or previous figure, says why in Notes, and the chart leaves it out', async () => {
  const input = path.join(dir, 'impossible.xlsx');
  await writeModel(workbook(sheet('Scorecard', IMPOSSIBLE), sheet('Plan Settings', [['Reporting period', 'Q2 2025/26']])), input);
  const xlsx = await loadWorkbook(input);
  const model = workbookModel(xlsx);
  const result = structureWorkbook(model, { today: '2026-01-31' });
  const { plan } = boardPackWorkbookPlan(result, model, { today: '2026-01-31', findings: result.findings });
  await applyWorkbookPlan(xlsx, plan, []);
  const out = path.join(dir, 'impossible-pack.xlsx');
  await writeWorkbookAtomically(xlsx, out);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const card = wb.getWorksheet('KPI Scorecard')!;
  // The header sits under the sheet's title rows.
  const headerAt = TITLE_ROWS + 1;
  const header = (card.getRow(headerAt).values as unknown[]).slice(1);
  const col = (label: string) => header.indexOf(label) + 1;
  const rowOf = (id: string) => [headerAt + 1, headerAt + 2].find((r) => card.getCell(r, 1).value === id)!;
  const k1 = rowOf('K1');
  const k2 = rowOf('K2');
  // The number stays a number; its format adds the mark, and Notes says why in words.
  expect(card.getCell(k1, col('Latest')).value).toBe(112.5);
  expect(card.getCell(k1, col('Latest')).numFmt).toBe('#,##0.0"*"');
  expect(card.getCell(k1, col('Notes')).value).toMatch(/\* The latest figure \(Q2 2025\/26\) is over 100%, so it cannot be right/);
  expect(card.getCell(k1, col('Previous')).numFmt).not.toContain('*');
  expect(card.getCell(k2, col('Previous')).numFmt).toBe('#,##0.0"*"');
  expect(card.getCell(k2, col('Notes')).value).toMatch(/\* The previous figure \(Q1 2025\/26\) is negative/);
  expect(card.getCell(k2, col('Latest')).numFmt).not.toContain('*');

  const all = await charts(await JSZip.loadAsync(fs.readFileSync(out)));
  const k1Chart = all.find((c) => c.title === 'K1 trend')!;
  expect(k1Chart.series[0].cached).toEqual([78, null]);
  expect(all.find((c) => c.title === 'K2 trend')!.series[0].cached).toEqual([null, 420]);
  expect(result.findings.filter((f) => f.rule === 'kpi-value-out-of-range').map((f) => f.cell)).toEqual(['G2', 'F3']);
}, 120_000);
