/** The KPI Scorecard: each KPI's latest position and the council's RAG beside the rule's (the trends are on KPI Trends). */
import { KpiReport } from '../schema';
import { impossibleFor } from '../kpi/possible-range';
import { ragFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, num, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { headerRow, printReady } from './layout';

const ARROWS: Record<string, string> = { improving: '↑ improving', worsening: '↓ worsening', 'no change': '→ no change' };

/** Where the rule withholds a RAG or direction (polarity not confirmed): a short word, the reason being in Notes. */
const notRatedWord = (k: KpiReport): string | null => (k.notRated ? 'Not rated' : null);

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
  if (k.notRated) notes.push(`${k.notRated}.`);
  else if (k.polarityEvidence === 'unsure') notes.push(`Not yet confirmed that ${k.polarity} is better.`);
  for (const [word, p] of [['latest', k.latest], ['previous', k.previous]] as const) {
    const why = p && impossibleFor(p.value, k.unit);
    if (why) notes.push(`* The ${word} figure (${p.period}) ${why}, so it cannot be right: check it at its source. It is not plotted.`);
  }
  return notes.join(' ');
}

/**
 * Latest and previous figures that cannot be right for their unit: marked with an asterisk (kept in the number's
 * format, so the cell stays a number) on a light orange fill, and explained in the Notes column in words.
 */
function markImpossible(sheet: SheetPlan, kpis: readonly KpiReport[]): void {
  kpis.forEach((k, i) => {
    [k.latest, k.previous].forEach((p, j) => {
      if (p && impossibleFor(p.value, k.unit)) sheet.styles.push({ range: `${j ? 'I' : 'H'}${i + 2}`, numFmt: '#,##0.0"*"', fill: 'FDE4D7', bold: true });
    });
  });
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
  // Every text column wraps, so nothing is cut off in print ("rate per 100,000", a long code or ID).
  sheet.columns = [
    { width: 9, wrap: true },
    { width: 40, wrap: true },
    { width: 12, wrap: true },
    { width: 11, wrap: true },
    { width: 10, wrap: true },
    { width: 9 },
    { width: 13, wrap: true },
    { width: 9 },
    { width: 9 },
    { width: 13, wrap: true },
    ...ragLabels.map((l) => ({ width: Math.max(8, l.length), wrap: true })),
    { width: 34, wrap: true },
  ];
  headerRow(sheet, 1, labels);
  for (const k of context.kpis) {
    const ruleRag = stated && k.statedRag ? (k.ruleRag ?? null) : k.rag;
    const rags = stated ? [text(k.statedRag ?? null), text(ruleRag ?? notRatedWord(k))] : [text(k.rag ?? notRatedWord(k))];
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
      text(k.direction ? ARROWS[k.direction] : notRatedWord(k)),
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
    markImpossible(sheet, context.kpis);
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, 'KPI Scorecard', '1:1');
  return sheet;
}
