/**
 * Charts for the board pack: RAG by theme as a stacked bar under the Board Summary's table, and a line chart per KPI
 * on KPI Trends, written with the Excel charts API through the Office.js adapter (on the simulator). The xlsx
 * writer writes the same charts as chart parts (tests/kpi-charts.test.ts reads them back and renders them).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadSimulatorFromXlsx } from '../src/excel-simulator/node-loader';
import { buildBoardPack } from '../src/excel/commands';
import { SEED_DIR } from '../scripts/seed-data';
import { runCli } from './helpers/run-cli';
import * as fs from 'node:fs';
import * as os from 'node:os';

const EXAMPLE = path.join(SEED_DIR, 'example-canonical-plan.xlsx');

test('the board pack in Excel has a stacked bar of RAG by theme and a line chart per KPI, placed and titled', async () => {
  const sim = await loadSimulatorFromXlsx(EXAMPLE);
  const restore = sim.installGlobals();
  try {
    await sim.run((context) => buildBoardPack(context as unknown as Excel.RequestContext, { today: '2025-11-15' }));
  } finally {
    restore();
  }
  const summary = sim.state.sheets.find((s) => s.name === 'Board Summary')!;
  const trends = sim.state.sheets.find((s) => s.name === 'KPI Trends')!;
  expect(summary.charts).toHaveLength(1);
  // On a page of its own after the summary (a page break just above it), within the table's nine columns.
  expect(summary.charts[0]).toMatchObject({ chartType: 'BarStacked', seriesBy: 'Columns', title: 'Actions by theme and RAG' });
  const [, fromCol, fromRow] = /^([A-Z]+)(\d+)$/.exec(summary.charts[0].position!.from)!;
  expect([fromCol, /^I\d+$/.test(summary.charts[0].position!.to)]).toEqual(['A', true]);
  // The break, then the chart page's own two title rows (section; plan, period and marking), then the chart.
  expect(summary.page.rowBreaks).toEqual([Number(fromRow) - 3]);
  const lastText = Math.max(...[...summary.cells.keys()].filter((r) => [...summary.cells.get(r)!.values()].some((c) => c.value !== null && c.value !== '')));
  // The simulator's rows count from 0: the last text is the row just above the chart (its page's caption).
  expect(lastText + 1).toBe(Number(fromRow) - 1);
  // Its source is the theme × RAG count table: its header and four themes, column A (themes) to G (No update).
  expect(summary.charts[0].source).toMatchObject({ col: 0, rows: 5, cols: 7 });
  // One line chart per KPI with figures, each over its own block: periods, the KPI's figures and its target.
  expect(trends.charts.length).toBeGreaterThanOrEqual(10);
  for (const chart of trends.charts) expect(chart).toMatchObject({ chartType: 'Line', seriesBy: 'Rows', title: expect.stringMatching(/^KPI-\d+ trend$/) });
  expect(trends.charts[0]).toMatchObject({ title: 'KPI-01 trend', source: { col: 0, rows: 3, cols: 7 } });
  // Charts never overlap: each starts below the one before.
  const tops = trends.charts.map((c) => Number(/\d+$/.exec(c.position!.from)![0]));
  tops.slice(1).forEach((top, i) => expect(top).toBeGreaterThan(Number(/\d+$/.exec(trends.charts[i].position!.to)![0])));
  // Three KPI blocks a printed page: a page break after every third.
  expect(trends.page.rowBreaks).toEqual([42, 81, 120, 159].slice(0, Math.floor((trends.charts.length - 1) / 3)));
});

test('the file keeps data bars beside its charts, and ExcelJS still reads it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-'));
  const out = path.join(dir, 'pack.xlsx');
  await runCli(['run', EXAMPLE, '--out', out, '--today', '2025-11-15']);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const bars = (name: string) =>
    ((wb.getWorksheet(name) as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings ?? []).filter((cf) =>
      cf.rules.some((r) => r.type === 'dataBar'),
    );
  expect(bars('Board Summary').length).toBeGreaterThanOrEqual(2);
  expect(wb.getWorksheet('KPI Trends')).toBeDefined();
  fs.rmSync(dir, { recursive: true, force: true });
});
