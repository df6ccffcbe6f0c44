/** The Board Summary: the overall position in words, RAG by theme, the key, and what changed since the last board. */
import { DEFAULT_RAG_LEGEND, Rag, RAGS } from '../schema';
import { ragFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, formula, num, PlanValue, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { caption, headerRow, percent, printReady, TITLE_ROWS } from './layout';
import { byThemeInPlanOrder } from './order';
import { PackAction } from './types';

/** Done, whichever colour the plan gives it: Complete status, or Blue where Blue means complete. */
export function isDone(a: PackAction): boolean {
  return a.item.status === 'Complete' || a.ragReason === 'complete' || a.effectiveRag === 'Blue';
}

const andList = (parts: string[]) => (parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]);
const actionsAre = (n: number) => `${n} ${n === 1 ? 'action is' : 'actions are'}`;

/**
 * The plan's overall position in plain English. Actions nobody has reported on ("No update") are counted apart:
 * they are neither off track nor on track, and a plan with no updates says so rather than "28 off track or overdue".
 * `states` is the order the plan lists its RAG states in (the default: every state).
 */
export function overallSentence(actions: PackAction[], legend: Partial<Record<Rag, string>>, states: readonly Rag[] = RAGS): string {
  if (!actions.length) return 'The plan has no actions yet.';
  const word = (r: Rag) => (legend[r] ?? DEFAULT_RAG_LEGEND[r]).toLowerCase();
  const silent = actions.filter((a) => a.effectiveRag === 'No update');
  const silentLate = silent.filter((a) => a.overdue).length;
  const late = silentLate ? `, ${silentLate} of them past their due date` : '';
  if (silent.length === actions.length) {
    return `None of the ${actions.length} actions has an update recorded (No update)${late}: the plan's position cannot be judged until progress is reported.`;
  }
  const reported = actions.filter((a) => a.effectiveRag !== 'No update');
  const parts = states
    .filter((r) => r !== 'No update')
    .map((r) => [r, reported.filter((a) => a.effectiveRag === r).length] as const)
    .filter(([, n]) => n > 0)
    .map(([r, n]) => `${n} ${word(r)} (${r})`);
  const overdue = reported.filter((a) => a.overdue).length;
  const done = percent(actions.filter(isDone).length, actions.length);
  const of = silent.length ? `Of the ${reported.length} actions reported on` : `Of ${actions.length} actions`;
  const position = `${of}, ${andList(parts)}; ${done}% of the plan is complete${overdue ? ` and ${actionsAre(overdue)} overdue` : ' and nothing is overdue'}.`;
  if (!silent.length) return position;
  return `${position} ${silent.length} ${silent.length === 1 ? 'action has' : 'actions have'} no update recorded (No update)${late}.`;
}

/** Rows the RAG-by-theme chart takes. */
const SUMMARY_CHART_ROWS = 20;

export function boardSummarySheet(name: string, context: BoardPackContext): SheetPlan {
  const sheet = emptySheet(name);
  const states = context.states;
  sheet.columns = [{ width: 60, wrap: true }, ...states.map(() => ({ width: 9 })), { width: 9 }, { width: 12 }];
  const lastCol = columnLetters(sheet.columns.length);
  const put = (row: number, values: PlanValue[]) => (sheet.rows[row - 1] = values);
  // The title (plan, section, period, marking) goes above, as on every board sheet: see printReady.
  put(1, [text('Overall position')]);
  put(2, [text(overallSentence(context.actions, context.legend, states))]);
  put(3, [text(`Plan check: ${context.checkSummary}`)]);
  sheet.merges.push(`A2:${lastCol}2`, `A3:${lastCol}3`);
  sheet.styles.push({ range: 'A1', bold: true, fontSize: 12 }, { range: `A2:${lastCol}2`, wrap: true, vertical: 'top' });
  // Sections with nothing to report are a line each here rather than a page of their own.
  context.emptySections.forEach((line, i) => {
    put(4 + i, [text(line)]);
    sheet.merges.push(`A${4 + i}:${lastCol}${4 + i}`);
  });

  const top = 5 + context.emptySections.length;
  headerRow(sheet, top, ['Theme', ...states, 'Total', '% complete']);
  const byTheme = byThemeInPlanOrder(context.actions);
  const themes = [...byTheme.keys()];
  themes.forEach((theme, i) => {
    const items = byTheme.get(theme)!;
    const counts = states.map((r) => items.filter((a) => a.effectiveRag === r).length);
    put(top + 1 + i, [text(theme), ...counts.map((n) => num(n)), num(items.length), num(percent(items.filter(isDone).length, items.length))]);
  });
  const totalRow = top + 1 + themes.length;
  const first = top + 1;
  const last = totalRow - 1;
  // Live totals, each with the result the engine counted, for readers that do not calculate.
  const ragTotals = states.map((r) => context.actions.filter((a) => a.effectiveRag === r).length);
  const colTotal = (c: number, total: number) => (themes.length ? formula(`SUM(${columnLetters(c)}${first}:${columnLetters(c)}${last})`, total) : num(0));
  put(totalRow, [
    text('Total'),
    ...states.map((_, i) => colTotal(i + 2, ragTotals[i])),
    colTotal(states.length + 2, context.actions.length),
    // Done is Complete status or Blue, which no one column counts where Blue is not used: a figure, not a formula.
    num(percent(context.actions.filter(isDone).length, context.actions.length)),
  ]);
  sheet.styles.push({ range: `A${totalRow}:${lastCol}${totalRow}`, bold: true, border: true });
  if (themes.length) sheet.styles.push({ range: `A${first}:${lastCol}${last}`, border: true, vertical: 'top' });
  sheet.styles.push({ range: `${columnLetters(sheet.columns.length)}${first}:${columnLetters(sheet.columns.length)}${totalRow}`, numFmt: '0.0"%"' });
  // The RAG column headings carry their colours, by rule, like every other RAG word the tool writes.
  sheet.conditionalFormats.push(ragFormat(`B${top}:${columnLetters(states.length + 1)}${top}`));
  if (themes.length) {
    sheet.dataBars.push({ range: `${columnLetters(states.length + 2)}${first}:${columnLetters(states.length + 2)}${last}`, color: '1D70B8' });
    sheet.dataBars.push({ range: `${lastCol}${first}:${lastCol}${last}`, color: '0F7A52' });
  }

  let row = totalRow + 2;
  put(row, [text('Key')]);
  sheet.styles.push({ range: `A${row}`, bold: true });
  row++;
  for (const rag of states) {
    put(row, [text(rag), text(context.legend[rag] ?? DEFAULT_RAG_LEGEND[rag])]);
    sheet.merges.push(`B${row}:${lastCol}${row}`);
    row++;
  }
  sheet.conditionalFormats.push(ragFormat(`A${row - states.length}:A${row - 1}`));

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
  sheet.rowHeights = { ...fitted, ...changeHeights, 2: merged(2, 15, mergedWidth * 0.95) };
  if (themes.length) {
    // RAG by theme as a stacked bar, on a page of its own after the summary and within the table's width: beside the
    // table it would shrink the printed summary, and under it push the key and changes onto a second page. That page
    // has its own title rows: repeated print titles would be drawn under the chart, which is placed by its cells.
    put(row + 1, [text('Board Summary')]);
    put(row + 2, [text(caption(context, true))]);
    sheet.merges.push(`A${row + 2}:${lastCol}${row + 2}`);
    sheet.styles.push({ range: `A${row + 1}`, bold: true, fontSize: 14 }, { range: `A${row + 2}`, italic: true });
    for (let r = 0; r < row + 2; r++) sheet.rows[r] ??= [];
    sheet.charts = [
      { kind: 'stackedBar', title: 'Actions by theme and RAG', source: `A${top}:${columnLetters(states.length + 1)}${last}`, seriesBy: 'columns', from: `A${row + 3}`, to: `${lastCol}${row + 2 + SUMMARY_CHART_ROWS}` },
    ];
  }
  // The theme table's header is not repeated: the summary holds more than that table.
  printReady(sheet, context, 'Board Summary', null);
  if (themes.length) {
    sheet.page!.rowBreaks = [row + TITLE_ROWS];
    delete sheet.page!.printTitleRows;
  }
  return sheet;
}
