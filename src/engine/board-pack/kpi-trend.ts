/**
 * The KPI Trend: each KPI's figures for the most recent periods, on a sheet of its own so that in print it has its
 * own title and header (under the scorecard, the scorecard's repeated header sat over it). A line chart beside it in
 * Excel, and data bars on the latest figures as the file fallback.
 */
import { emptySheet, num, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { headerRow, printReady } from './layout';

const TREND_PERIODS = 6;

/** The trend sheet, or null when no KPI has figures over time. */
export function kpiTrendSheet(name: string, context: BoardPackContext): SheetPlan | null {
  const withSeries = context.kpis.filter((k) => (context.series.get(k.id)?.length ?? 0) > 0);
  if (!withSeries.length) return null;
  const periods = [...new Map(withSeries.flatMap((k) => context.series.get(k.id)!).map((p) => [p.key, p.period])).entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(-TREND_PERIODS);
  const sheet = emptySheet(name);
  sheet.columns = [{ width: 9, wrap: true }, ...periods.map(() => ({ width: 11 }))];
  headerRow(sheet, 1, ['KPI ID', ...periods.map(([, label]) => label)]);
  withSeries.forEach((k) => {
    const byKey = new Map(context.series.get(k.id)!.map((p) => [p.key, p.value]));
    sheet.rows.push([text(k.id), ...periods.map(([key]) => num(byKey.get(key) ?? null))]);
  });
  const bottom = 1 + withSeries.length;
  const lastCol = columnLetters(periods.length + 1);
  sheet.styles.push({ range: `A2:A${bottom}`, border: true, vertical: 'top' }, { range: `B2:${lastCol}${bottom}`, numFmt: '#,##0.0', border: true });
  sheet.dataBars.push({ range: `${lastCol}2:${lastCol}${bottom}`, color: '1D70B8' });
  const chartLeft = columnLetters(periods.length + 3);
  const chartRight = columnLetters(periods.length + 11);
  sheet.charts = [{ kind: 'line', title: 'KPI trend', source: `A1:${lastCol}${bottom}`, seriesBy: 'rows', from: `${chartLeft}1`, to: `${chartRight}19` }];
  sheet.freeze = { rows: 1, columns: 1 };
  printReady(sheet, context, 'KPI Trend', '1:1');
  return sheet;
}
