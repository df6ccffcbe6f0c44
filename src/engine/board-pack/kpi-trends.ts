/**
 * KPI Trends: small multiples, one line chart per KPI over its own latest periods, each beside the figures it plots.
 * One chart per KPI because KPIs do not share a scale (a percentage, a rate per 100,000, a count of days) nor,
 * always, a frequency (quarterly beside annual). A figure that cannot be right for its unit (a percentage over 100,
 * a negative count) is not written into the plotted row, so no chart draws it as if true; the block says, in
 * words, which figure was left out and why, and the KPI findings name its cell.
 */
import { KpiReport } from '../schema';
import { impossibleFor } from '../kpi/possible-range';
import { ChartPlan, emptySheet, num, PlanValue, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { printReady, TITLE_ROWS } from './layout';

/** Periods shown per KPI: a year and a half of quarters, or six years of annual figures. */
export const TREND_PERIODS = 6;
/** Rows each KPI's block takes: the chart's height, so charts never overlap the next block. */
const BLOCK_ROWS = 13;
const FIRST_BLOCK = 1;
/** The chart sits to the right of the figures, from this column. */
const CHART_FROM = TREND_PERIODS + 3;
const CHART_COLUMNS = 7;
/** Blocks on each printed page of A4 landscape: a page holds three with room to spare, and no chart is cut. */
const BLOCKS_PER_PAGE = 3;

interface TrendPoint {
  period: string;
  value: number;
  /** Why the figure cannot be right, when it cannot: it is then not plotted. */
  impossible: string | null;
}

/** A KPI's last TREND_PERIODS figures, oldest first, each with whether it can be right for the KPI's unit. */
export function trendPoints(kpi: Pick<KpiReport, 'unit'>, series: readonly { period: string; value: number }[]): TrendPoint[] {
  return series.slice(-TREND_PERIODS).map((p) => ({ period: p.period, value: p.value, impossible: impossibleFor(p.value, kpi.unit) }));
}

const figure = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** "Not plotted: Q4 2024/25 (106.8) is over 100%." or null when every figure is plotted. */
export function notPlottedNote(points: readonly TrendPoint[]): string | null {
  const left = points.filter((p) => p.impossible);
  if (!left.length) return null;
  return `Not plotted, as it cannot be right: ${left.map((p) => `${p.period} (${figure(p.value)}) ${p.impossible}`).join('; ')}. Check the figure at its source.`;
}

/** The sheet, or null when no KPI has any figure to show. */
export function kpiTrendsSheet(name: string, context: BoardPackContext): SheetPlan | null {
  const withFigures = context.kpis.filter((k) => (context.series.get(k.id)?.length ?? 0) > 0);
  if (!withFigures.length) return null;
  const sheet = emptySheet(name);
  const lastDataCol = columnLetters(TREND_PERIODS + 1);
  sheet.columns = [{ width: 12 }, ...Array.from({ length: TREND_PERIODS }, () => ({ width: 11 })), { width: 2 }, ...Array.from({ length: CHART_COLUMNS }, () => ({ width: 10 }))];
  const put = (row: number, values: PlanValue[]) => (sheet.rows[row - 1] = values);
  const charts: ChartPlan[] = [];
  const heights: Record<number, number> = {};
  withFigures.forEach((k, i) => {
    const top = FIRST_BLOCK + i * BLOCK_ROWS;
    const points = trendPoints(k, context.series.get(k.id)!);
    const lastCol = columnLetters(points.length + 1);
    put(top, [text(`${k.id}: ${k.name}`)]);
    sheet.merges.push(`A${top}:${lastDataCol}${top}`);
    sheet.styles.push({ range: `A${top}:${lastDataCol}${top}`, bold: true, wrap: true, vertical: 'top' });
    heights[top] = Math.min(409, Math.ceil(`${k.id}: ${k.name}`.length / 75) * 15 + 3);
    put(top + 1, [text(describe(k))]);
    sheet.styles.push({ range: `A${top + 1}`, italic: true });
    // The chart's source: periods across the top (its top-left cell blank, as Excel reads a header row), the
    // figures below, then the target. An impossible figure's cell stays empty: a gap in the line, not a point.
    const header = top + 2;
    put(header, [null, ...points.map((p) => text(p.period))]);
    put(header + 1, [text(k.id), ...points.map((p) => (p.impossible ? null : num(p.value)))]);
    let last = header + 1;
    if (k.target !== null) {
      put(header + 2, [text('Target'), ...points.map(() => num(k.target))]);
      last = header + 2;
    }
    sheet.styles.push({ range: `A${header}:${lastCol}${header}`, bold: true, fill: 'DEE0E2', border: true, horizontal: 'center' });
    sheet.styles.push({ range: `A${header + 1}:${lastCol}${last}`, border: true }, { range: `B${header + 1}:${lastCol}${last}`, numFmt: '#,##0.0' });
    const note = notPlottedNote(points);
    if (note) {
      put(last + 1, [text(note)]);
      sheet.merges.push(`A${last + 1}:${lastDataCol}${last + 2}`);
      sheet.styles.push({ range: `A${last + 1}:${lastDataCol}${last + 2}`, wrap: true, vertical: 'top', italic: true });
    }
    charts.push({
      kind: 'line',
      title: `${k.id} trend`,
      source: `A${header}:${lastCol}${last}`,
      seriesBy: 'rows',
      from: `${columnLetters(CHART_FROM)}${top}`,
      to: `${columnLetters(CHART_FROM + CHART_COLUMNS)}${top + BLOCK_ROWS - 1}`,
    });
  });
  sheet.charts = charts;
  const lastRow = FIRST_BLOCK + withFigures.length * BLOCK_ROWS - 1;
  for (let r = 0; r < lastRow; r++) sheet.rows[r] ??= [];
  sheet.rowHeights = heights;
  // The title (section, plan, period, marking) goes above, as on every board sheet: the breaks fall below it.
  printReady(sheet, context, 'KPI Trends', null);
  sheet.page!.rowBreaks = withFigures
    .map((_, i) => i)
    .filter((i) => i > 0 && i % BLOCKS_PER_PAGE === 0)
    .map((i) => TITLE_ROWS + FIRST_BLOCK + i * BLOCK_ROWS - 1);
  return sheet;
}

function describe(k: KpiReport): string {
  const unit = k.unit === 'percentage' ? 'per cent' : k.unit;
  const target = k.target === null ? 'no target' : `target ${figure(k.target)}`;
  // An unconfirmed polarity is not stated as fact beside the chart (the scorecard says it is not rated).
  const better = k.notRated ? 'not yet confirmed whether higher or lower is better' : `${k.polarity} is better`;
  return `${k.code ? `${k.code} · ` : ''}In ${unit}; ${better}; ${target}.`;
}
