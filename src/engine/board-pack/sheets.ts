/**
 * The board pack: "Board Summary", "Exceptions", "KPI Scorecard" and "Coming up", each print-ready (A4 landscape,
 * one page wide, header rows repeated, a footer with page numbers and the protective marking).
 */
import { KpiReport, Rag, RAGS } from '../schema';
import { ragFormat, statusFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, num, PlanValue, PlanValuePool, SheetPlan, text } from '../sheet-plan/types';
import { parseTimescale } from '../timescale';
import { columnLetters } from '../workbook';
import { ReportingPeriod, ukDate } from './reporting-period';
import { SnapshotChange } from './snapshot';
import { PackAction } from './types';

export interface BoardPackContext {
  title: string;
  period: ReportingPeriod;
  next: ReportingPeriod;
  today: string;
  marking: string;
  legend: Record<Rag, string>;
  actions: PackAction[];
  kpis: KpiReport[];
  checkSummary: string;
  changes: SnapshotChange[] | null;
  /** Each KPI's figures by period, oldest first, for the trend. */
  series: Map<string, { key: number; period: string; value: number }[]>;
}

const NO_THEME = '(no theme)';
// One collator each, made once: localeCompare with a locale builds a new collator on every call.
const byWords = new Intl.Collator('en-GB').compare;
const byRef = new Intl.Collator('en-GB', { numeric: true }).compare;
/** Each distinct text's place in collation order; texts the collator counts as equal share a place. */
function ranks(texts: Iterable<string>, compare: (a: string, b: string) => number): Map<string, number> {
  const sorted = [...new Set(texts)].sort(compare);
  const rank = new Map<string, number>();
  sorted.forEach((t, i) => rank.set(t, i > 0 && compare(sorted[i - 1], t) === 0 ? rank.get(sorted[i - 1])! : i));
  return rank;
}

/**
 * Theme (by words), then ref (numbers in refs by value: 1.2 before 1.10), then source row. The collator runs once
 * per distinct theme and ref, not in every comparison of the sort: at 50,000 actions the comparisons alone made the
 * Exceptions sheet grow faster than the plan.
 */
function byThemeThenRef(actions: readonly PackAction[]): (a: PackAction, b: PackAction) => number {
  const theme = ranks(
    actions.map((a) => a.theme ?? NO_THEME),
    byWords,
  );
  const ref = ranks(
    actions.map((a) => a.ref ?? ''),
    byRef,
  );
  return (a, b) => theme.get(a.theme ?? NO_THEME)! - theme.get(b.theme ?? NO_THEME)! || ref.get(a.ref ?? '')! - ref.get(b.ref ?? '')! || a.source.row - b.source.row;
}

function printReady(sheet: SheetPlan, context: BoardPackContext, titleRows: string, orientation: 'landscape' | 'portrait' = 'landscape'): void {
  sheet.page = { orientation, paper: 'A4', fitToWidth: 1, printTitleRows: titleRows, footerLeft: context.marking };
}

function headerRow(sheet: SheetPlan, row: number, labels: string[]): void {
  sheet.rows[row - 1] = labels.map((l) => text(l));
  sheet.styles.push({ range: `A${row}:${columnLetters(labels.length)}${row}`, bold: true, fill: 'DEE0E2', wrap: true, vertical: 'top', border: true });
}

function caption(context: BoardPackContext): string {
  return `Reporting period ${context.period.label} · Generated ${ukDate(context.today)} · ${context.marking}`;
}

function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** One plain-English sentence on the plan's overall position. */
export function overallSentence(actions: PackAction[], legend: Record<Rag, string>): string {
  if (!actions.length) return 'The plan has no actions yet.';
  const counts = Object.fromEntries(RAGS.map((r) => [r, actions.filter((a) => a.effectiveRag === r).length])) as Record<Rag, number>;
  const overdue = actions.filter((a) => a.overdue).length;
  const parts = RAGS.filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${legend[r].toLowerCase()} (${r})`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  const done = percent(counts.Blue, actions.length);
  return `Of ${actions.length} actions, ${list}; ${done}% of the plan is complete${overdue ? ` and ${overdue} ${overdue === 1 ? 'action is' : 'actions are'} overdue` : ' and nothing is overdue'}.`;
}

export function boardSummarySheet(name: string, context: BoardPackContext): SheetPlan {
  const sheet = emptySheet(name);
  sheet.columns = [{ width: 60, wrap: true }, ...RAGS.map(() => ({ width: 9 })), { width: 9 }, { width: 12 }];
  const lastCol = columnLetters(sheet.columns.length);
  const put = (row: number, values: PlanValue[]) => (sheet.rows[row - 1] = values);
  put(1, [text(context.title)]);
  put(2, [text(caption(context))]);
  put(4, [text('Overall position')]);
  put(5, [text(overallSentence(context.actions, context.legend))]);
  put(6, [text(`Plan check: ${context.checkSummary}`)]);
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`, `A5:${lastCol}5`, `A6:${lastCol}6`);
  sheet.styles.push({ range: 'A1', bold: true, fontSize: 16 }, { range: 'A2', italic: true }, { range: 'A4', bold: true, fontSize: 12 });
  sheet.styles.push({ range: `A5:${lastCol}5`, wrap: true, vertical: 'top' });

  const top = 8;
  headerRow(sheet, top, ['Theme', ...RAGS, 'Total', '% complete']);
  const themes = [...new Set(context.actions.map((a) => a.theme ?? NO_THEME))].sort(byWords);
  const byTheme = new Map<string, PackAction[]>(themes.map((t) => [t, []]));
  for (const a of context.actions) byTheme.get(a.theme ?? NO_THEME)!.push(a);
  themes.forEach((theme, i) => {
    const items = byTheme.get(theme)!;
    const counts = RAGS.map((r) => items.filter((a) => a.effectiveRag === r).length);
    put(top + 1 + i, [text(theme), ...counts.map((n) => num(n)), num(items.length), num(percent(counts[0], items.length))]);
  });
  const totalRow = top + 1 + themes.length;
  const first = top + 1;
  const last = totalRow - 1;
  const colTotal = (c: number) => (themes.length ? { kind: 'formula' as const, formula: `SUM(${columnLetters(c)}${first}:${columnLetters(c)}${last})` } : num(0));
  put(totalRow, [
    text('Total'),
    ...RAGS.map((_, i) => colTotal(i + 2)),
    colTotal(RAGS.length + 2),
    { kind: 'formula', formula: `IF(${columnLetters(RAGS.length + 2)}${totalRow}=0,0,ROUND(B${totalRow}/${columnLetters(RAGS.length + 2)}${totalRow}*100,1))` },
  ]);
  sheet.styles.push({ range: `A${totalRow}:${lastCol}${totalRow}`, bold: true, border: true });
  if (themes.length) sheet.styles.push({ range: `A${first}:${lastCol}${last}`, border: true, vertical: 'top' });
  sheet.styles.push({ range: `${columnLetters(sheet.columns.length)}${first}:${columnLetters(sheet.columns.length)}${totalRow}`, numFmt: '0.0"%"' });
  // The RAG column headings carry their colours, by rule, like every other RAG word the tool writes.
  sheet.conditionalFormats.push(ragFormat(`B${top}:${columnLetters(RAGS.length + 1)}${top}`));
  if (themes.length) {
    sheet.dataBars.push({ range: `${columnLetters(RAGS.length + 2)}${first}:${columnLetters(RAGS.length + 2)}${last}`, color: '1D70B8' });
    sheet.dataBars.push({ range: `${lastCol}${first}:${lastCol}${last}`, color: '0F7A52' });
  }

  if (themes.length) {
    // RAG by theme as a stacked bar, beside the table (Office.js only: the data bars are its fallback in files).
    sheet.charts = [
      { kind: 'stackedBar', title: 'Actions by theme and RAG', source: `A${top}:${columnLetters(RAGS.length + 1)}${last}`, seriesBy: 'columns', from: `K${top}`, to: `R${top + 16}` },
    ];
  }

  let row = totalRow + 2;
  put(row, [text('Key')]);
  sheet.styles.push({ range: `A${row}`, bold: true });
  row++;
  for (const rag of RAGS) {
    put(row, [text(rag), text(context.legend[rag])]);
    sheet.merges.push(`B${row}:${lastCol}${row}`);
    row++;
  }
  sheet.conditionalFormats.push(ragFormat(`A${row - RAGS.length}:A${row - 1}`));

  row++;
  put(row, [text('Changes since the last board')]);
  sheet.styles.push({ range: `A${row}`, bold: true, fontSize: 12 });
  row++;
  // Heights of the change rows, gathered here and set once below (a copy of the whole map for each change made
  // this quadratic: 2.8 s for 25,000 changes).
  const changeHeights: Record<number, number> = {};
  if (context.changes === null) {
    put(row, [text('This is the first board pack from this workbook: changes will be listed from the next one.')]);
    sheet.merges.push(`A${row}:${lastCol}${row}`);
  } else if (!context.changes.length) {
    put(row, [text('No action has changed RAG or status since the last board pack.')]);
    sheet.merges.push(`A${row}:${lastCol}${row}`);
  } else {
    for (const change of context.changes) {
      put(row, [text(change.text)]);
      sheet.merges.push(`A${row}:${lastCol}${row}`);
      sheet.styles.push({ range: `A${row}:${lastCol}${row}`, wrap: true, vertical: 'top' });
      changeHeights[row] = Math.min(409, Math.ceil(change.text.length / 100) * 15 + 3);
      row++;
    }
  }
  for (let r = 0; r < row; r++) sheet.rows[r] ??= [];
  // Theme names wrap in column A; merged rows (title, sentence, changes) wrap across the whole width.
  const fitted = fitRowHeights(sheet, first);
  const mergedWidth = sheet.columns.reduce((n, c) => n + c.width, 0);
  const merged = (r: number, points: number, charsPerLine: number) => {
    const value = sheet.rows[r - 1]?.[0];
    const length = value && value.kind === 'text' ? value.text.length : 0;
    return Math.min(409, Math.max(1, Math.ceil(length / charsPerLine)) * points + 4);
  };
  sheet.rowHeights = { ...fitted, ...changeHeights, 1: merged(1, 21, mergedWidth * 0.62), 5: merged(5, 15, mergedWidth * 0.95) };
  sheet.styles.push({ range: `A1:${lastCol}1`, wrap: true, vertical: 'top' });
  printReady(sheet, context, `${top}:${top}`);
  return sheet;
}

export function exceptionsSheet(name: string, context: BoardPackContext): SheetPlan {
  const sheet = emptySheet(name);
  const labels = ['Theme', 'Ref', 'Action', 'Lead', 'Due date', 'Status', 'RAG', 'Why listed', 'Latest progress'];
  sheet.columns = [{ width: 20, wrap: true }, { width: 8 }, { width: 44, wrap: true }, { width: 20, wrap: true }, { width: 11, numFmt: 'dd/mm/yyyy' }, { width: 12 }, { width: 8 }, { width: 14, wrap: true }, { width: 40, wrap: true }];
  headerRow(sheet, 1, labels);
  const listed = context.actions.filter((a) => a.effectiveRag === 'Red' || a.overdue);
  const items = listed.sort(byThemeThenRef(listed));
  const shared = new PlanValuePool();
  for (const a of items) {
    const why = [a.effectiveRag === 'Red' ? 'Red' : null, a.overdue ? `Overdue (due ${ukDate(a.dueDate!)})` : null].filter(Boolean).join('; ');
    sheet.rows.push([shared.text(a.theme), text(a.ref), text(a.action), shared.text(a.lead), shared.date(a.dueDate), shared.text(a.status ?? a.statusText), shared.text(a.effectiveRag), shared.text(why), text(a.progress)]);
  }
  if (!items.length) sheet.rows.push([text(`No Red or overdue actions at ${ukDate(context.today)}.`)]);
  const lastRow = sheet.rows.length;
  if (items.length) {
    sheet.styles.push({ range: `A2:I${lastRow}`, vertical: 'top', border: true });
    sheet.conditionalFormats.push(statusFormat(`F2:F${lastRow}`), ragFormat(`G2:G${lastRow}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, '1:1');
  return sheet;
}

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

export interface ComingUpItem {
  due: string;
  kind: 'Action' | 'Milestone';
  action: PackAction;
  what: string;
}

/** Actions and milestones due in the next reporting period, earliest first. */
export function comingUp(context: Pick<BoardPackContext, 'actions' | 'next'>, planStart: string | null): ComingUpItem[] {
  const items: ComingUpItem[] = [];
  const inWindow = (iso: string) => iso >= context.next.start && iso <= context.next.end;
  const terms = { shortMonths: 6, mediumMonths: 12, longMonths: 24 };
  // A milestone can only fall in the window if it names one of the window's years (2025, 25) or is relative.
  const years = [...new Set([context.next.start.slice(0, 4), context.next.end.slice(0, 4)])];
  const mayFall = new RegExp(`${years.map((y) => `${y}|\\b${y.slice(2)}\\b`).join('|')}|\\b(short|medium|long)\\b|\\b\\d{1,2}\\s*m(onths?)?\\b`, 'i');
  for (const a of context.actions) {
    if (a.status === 'Complete') continue;
    if (a.dueDate && inWindow(a.dueDate)) items.push({ due: a.dueDate, kind: 'Action', action: a, what: a.action });
    for (const line of (a.milestones ?? '').split('\n')) {
      if (!mayFall.test(line)) continue;
      const due = parseTimescale(line, planStart, terms).dueDate;
      if (due && inWindow(due) && due !== a.dueDate) items.push({ due, kind: 'Milestone', action: a, what: line });
    }
  }
  const order = byThemeThenRef(items.map((i) => i.action));
  // Due dates are ISO (YYYY-MM-DD): plain comparison is date order.
  return items.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0) || order(x.action, y.action));
}

export function comingUpSheet(name: string, context: BoardPackContext, planStart: string | null): SheetPlan {
  const sheet = emptySheet(name);
  const labels = ['Due', 'Type', 'Ref', 'Theme', 'Action or milestone', 'Lead', 'Status', 'RAG'];
  sheet.columns = [{ width: 11, numFmt: 'dd/mm/yyyy' }, { width: 10 }, { width: 8 }, { width: 20, wrap: true }, { width: 50, wrap: true }, { width: 22, wrap: true }, { width: 12 }, { width: 8 }];
  headerRow(sheet, 1, labels);
  const items = comingUp(context, planStart);
  const shared = new PlanValuePool();
  for (const item of items) {
    const a = item.action;
    sheet.rows.push([shared.date(item.due), shared.text(item.kind), text(a.ref), shared.text(a.theme), text(item.what), shared.text(a.lead), shared.text(a.status ?? a.statusText), shared.text(a.effectiveRag)]);
  }
  if (!items.length) sheet.rows.push([text(`Nothing is due in ${context.next.label} (${ukDate(context.next.start)} to ${ukDate(context.next.end)}).`)]);
  const lastRow = sheet.rows.length;
  if (items.length) {
    sheet.styles.push({ range: `A2:H${lastRow}`, vertical: 'top', border: true });
    sheet.conditionalFormats.push(statusFormat(`G2:G${lastRow}`), ragFormat(`H2:H${lastRow}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, '1:1');
  return sheet;
}
