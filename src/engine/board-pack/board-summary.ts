/** The Board Summary: the overall position in words, RAG by theme, the key, and what changed since the last board. */
import { Rag, RAGS } from '../schema';
import { ragFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, formula, num, PlanValue, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { headerRow, percent, printReady } from './layout';
import { byWords, NO_THEME } from './order';
import { PackAction } from './types';

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
  // The title (plan, section, period, marking) goes above, as on every board sheet: see printReady.
  put(1, [text('Overall position')]);
  put(2, [text(overallSentence(context.actions, context.legend))]);
  put(3, [text(`Plan check: ${context.checkSummary}`)]);
  sheet.merges.push(`A2:${lastCol}2`, `A3:${lastCol}3`);
  sheet.styles.push({ range: 'A1', bold: true, fontSize: 12 }, { range: `A2:${lastCol}2`, wrap: true, vertical: 'top' });
  // Sections with nothing to report are a line each here rather than a page of their own.
  context.emptySections.forEach((line, i) => {
    put(4 + i, [text(line)]);
    sheet.merges.push(`A${4 + i}:${lastCol}${4 + i}`);
  });

  const top = 5 + context.emptySections.length;
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
  // Live totals, each with the result the engine counted, for readers that do not calculate.
  const ragTotals = RAGS.map((r) => context.actions.filter((a) => a.effectiveRag === r).length);
  const colTotal = (c: number, total: number) => (themes.length ? formula(`SUM(${columnLetters(c)}${first}:${columnLetters(c)}${last})`, total) : num(0));
  const totalCol = columnLetters(RAGS.length + 2);
  put(totalRow, [
    text('Total'),
    ...RAGS.map((_, i) => colTotal(i + 2, ragTotals[i])),
    colTotal(RAGS.length + 2, context.actions.length),
    formula(`IF(${totalCol}${totalRow}=0,0,ROUND(B${totalRow}/${totalCol}${totalRow}*100,1))`, percent(ragTotals[0], context.actions.length)),
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
  sheet.rowHeights = { ...fitted, ...changeHeights, 2: merged(2, 15, mergedWidth * 0.95) };
  // The theme table's header is not repeated: the summary holds more than that table.
  printReady(sheet, context, 'Board Summary', null);
  return sheet;
}
