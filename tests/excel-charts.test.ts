/**
 * Charts for the board summary: RAG by theme as a stacked bar, and a KPI trend as lines, written with the Excel
 * charts API through the Office.js adapter (on the simulator). The ExcelJS writer cannot write charts: its
 * files carry data bars over the same figures instead.
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

test('the board pack in Excel has a stacked bar of RAG by theme and a KPI trend line chart, placed and titled', async () => {
  const sim = await loadSimulatorFromXlsx(EXAMPLE);
  const restore = sim.installGlobals();
  try {
    await sim.run((context) => buildBoardPack(context as unknown as Excel.RequestContext, { today: '2025-11-15' }));
  } finally {
    restore();
  }
  const summary = sim.state.sheets.find((s) => s.name === 'Board Summary')!;
  const trend = sim.state.sheets.find((s) => s.name === 'KPI Trend')!;
  expect(summary.charts).toHaveLength(1);
  expect(summary.charts[0]).toMatchObject({ chartType: 'BarStacked', seriesBy: 'Columns', title: 'Actions by theme and RAG', position: { from: 'K8', to: 'R24' } });
  // Its source is the theme × RAG count table: header row 8 and four themes, column A (themes) to F (Grey).
  expect(summary.charts[0].source).toEqual({ row: 7, col: 0, rows: 5, cols: 6 });
  expect(trend.charts).toHaveLength(1);
  expect(trend.charts[0]).toMatchObject({ chartType: 'Line', seriesBy: 'Rows', title: 'KPI trend' });
});

test('the ExcelJS file has no charts but data bars over the same figures', async () => {
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
  expect(bars('KPI Trend').length).toBe(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
