/** The KPI Scorecard: each KPI's latest position, the council's RAG beside the rule's, and the trend. */
import { KpiReport } from '../schema';
import { ragFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, num, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { headerRow, printReady } from './layout';

const ARROWS: Record<string, string> = { improving: '↑ improving', worsening: '↓ worsening', 'no change': '→ no change' };

/** A period with its provisional mark, in words so it prints: "2024/25 (provisional)". */
function periodWithMark(p: KpiReport['latest']): string | null {
  return p ? `${p.period}${p.provisional ? ' (provisional)' : ''}` : null;
}

/**
 * What a board member should know beside a KPI's figures, in words: the council's RAG or direction where the rule
 * disagrees, a provisional previous figure, a polarity not yet confirmed.
 */
export function kpiScorecardNotes(k: KpiReport): string {
  const notes: string[] = [];
  if (k.statedRag && k.ruleRag && k.statedRag !== k.ruleRag) notes.push(`RAGs differ: the council says ${k.statedRag}; by the tolerance rule it is ${k.ruleRag}.`);
  if (k.statedDirection && k.ruleDirection && k.statedDirection !== k.ruleDirection) {
    notes.push(`Directions differ: the council says ${k.statedDirection}; the figures say ${k.ruleDirection}.`);
  }
  if (k.latest?.provisional) notes.push(`The latest figure (${k.latest.period}) is provisional.`);
  if (k.previous?.provisional) notes.push(`The previous figure (${k.previous.period}) is provisional.`);
  if (k.polarityEvidence === 'unsure') notes.push(`Not yet confirmed that ${k.polarity} is better.`);
  return notes.join(' ');
}

/**
 * The KPI Scorecard. Where any KPI's sheet gives the council's own RAG, that RAG and the tolerance rule's stand side by
 * side ("Council's RAG", "RAG by rule"); otherwise one "RAG" column. Differences, provisional figures and unconfirmed
 * polarity are said in the Notes column, in words, so the page reads the same printed in black and white.
 */
export function kpiScorecardSheet(name: string, context: BoardPackContext): SheetPlan {
  const sheet = emptySheet(name);
  const stated = context.kpis.some((k) => k.statedRag);
  const ragLabels = stated ? ["Council's RAG", 'RAG by rule'] : ['RAG'];
  const labels = ['KPI ID', 'Indicator', 'Code', 'Unit', 'Good is', 'Target', 'Latest period', 'Latest', 'Previous', 'Direction', ...ragLabels, 'Notes'];
  sheet.columns = [
    { width: 9 },
    { width: 40, wrap: true },
    { width: 12 },
    { width: 11 },
    { width: 10, wrap: true },
    { width: 9 },
    { width: 13, wrap: true },
    { width: 9 },
    { width: 9 },
    { width: 13 },
    ...ragLabels.map((l) => ({ width: Math.max(8, l.length), wrap: true })),
    { width: 34, wrap: true },
  ];
  headerRow(sheet, 1, labels);
  for (const k of context.kpis) {
    const rags = stated ? [text(k.statedRag ?? null), text(k.ruleRag ?? k.rag)] : [text(k.rag)];
    sheet.rows.push([
      text(k.id),
      text(k.name),
      text(k.code),
      text(k.unit),
      text(k.polarityEvidence === 'unsure' ? `${k.polarity} (not confirmed)` : k.polarity),
      num(k.target),
      text(periodWithMark(k.latest)),
      num(k.latest?.value ?? null),
      num(k.previous?.value ?? null),
      text(k.direction ? ARROWS[k.direction] : null),
      ...rags,
      text(kpiScorecardNotes(k) || null),
    ]);
  }
  if (!context.kpis.length) sheet.rows.push([text('This workbook has no KPI register, so there is no scorecard.')]);
  const lastRow = sheet.rows.length;
  const lastCol = columnLetters(labels.length);
  if (context.kpis.length) {
    sheet.styles.push({ range: `A2:${lastCol}${lastRow}`, vertical: 'top', border: true }, { range: `F2:F${lastRow}`, numFmt: '#,##0.0' }, { range: `H2:I${lastRow}`, numFmt: '#,##0.0' });
    sheet.conditionalFormats.push(ragFormat(`K2:${columnLetters(10 + ragLabels.length)}${lastRow}`));
    trendTable(sheet, context, lastRow + 3);
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, '1:1');
  return sheet;
}

const TREND_PERIODS = 6;

/**
 * The KPI trend: each KPI's figures for the most recent periods, as a table under the scorecard, with a line
 * chart over it in Excel and data bars on the latest figures as the file fallback.
 */
function trendTable(sheet: SheetPlan, context: BoardPackContext, top: number): void {
  const withSeries = context.kpis.filter((k) => (context.series.get(k.id)?.length ?? 0) > 0);
  if (!withSeries.length) return;
  const periods = [...new Map(withSeries.flatMap((k) => context.series.get(k.id)!).map((p) => [p.key, p.period])).entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(-TREND_PERIODS);
  sheet.rows[top - 2] = [text(`Trend: the last ${periods.length} periods`)];
  sheet.styles.push({ range: `A${top - 1}`, bold: true });
  sheet.rows[top - 1] = [text('KPI ID'), ...periods.map(([, label]) => text(label))];
  sheet.styles.push({ range: `A${top}:${columnLetters(periods.length + 1)}${top}`, bold: true, fill: 'DEE0E2', border: true });
  withSeries.forEach((k, i) => {
    const byKey = new Map(context.series.get(k.id)!.map((p) => [p.key, p.value]));
    sheet.rows[top + i] = [text(k.id), ...periods.map(([key]) => num(byKey.get(key) ?? null))];
  });
  const bottom = top + withSeries.length;
  const lastCol = columnLetters(periods.length + 1);
  sheet.styles.push({ range: `B${top + 1}:${lastCol}${bottom}`, numFmt: '#,##0.0', border: true });
  sheet.dataBars.push({ range: `${lastCol}${top + 1}:${lastCol}${bottom}`, color: '1D70B8' });
  // No holes in the rows: the adapters write rows as one 2-D block.
  for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
  sheet.charts = [{ kind: 'line', title: 'KPI trend', source: `A${top}:${lastCol}${bottom}`, seriesBy: 'rows', from: `L${top}`, to: `T${top + 18}` }];
}
