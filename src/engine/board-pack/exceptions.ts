/**
 * Exceptions: every Red or overdue action, under theme heading rows in plan order, with room for what the officer
 * says is being done about it ("What we are doing about it", "Revised date", "Update from"). What they type is read
 * back and kept on every re-run (exception-notes.ts). A revised date stands beside the original due date, which
 * stays: the action is still judged against the date the plan promised.
 *
 * Each exception prints in about three lines on A4 landscape: the action, lead and progress texts, which repeat the Plan
 * sheet, are cut to three lines here (the sheet says so); the officer's own notes are never cut.
 */
import { ragFormat, statusFormat } from '../rag/rag-formats';
import { date, emptySheet, PlanValue, PlanValuePool, rowDate, RowSource, rowText, SheetPlan, StreamedSheet, streamedPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { ExceptionNote, isIsoDate, NOTE_HEADERS, shortened, TypedNotes } from './exception-notes';
import { charsInLines, footnoteRows, headerRow, printReady, TITLE_ROWS } from './layout';
import { byThemeInPlanOrder } from './order';
import { ukDate } from '../uk-date';
import { PackAction } from './types';

const COLUMNS: { label: string; width: number; wrap?: boolean; numFmt?: string }[] = [
  { label: 'Ref', width: 7 },
  { label: 'Action', width: 34, wrap: true },
  { label: 'Lead', width: 20, wrap: true },
  { label: 'Due date', width: 10.5, numFmt: 'dd/mm/yyyy' },
  { label: NOTE_HEADERS.revised, width: 10.5, numFmt: 'dd/mm/yyyy' },
  { label: 'Status', width: 11 },
  { label: 'RAG', width: 9 },
  { label: 'Why listed', width: 10, wrap: true },
  { label: 'Latest progress', width: 26, wrap: true },
  { label: NOTE_HEADERS.doing, width: 30, wrap: true },
  { label: NOTE_HEADERS.from, width: 13, wrap: true },
];
const at = (label: string) => COLUMNS.findIndex((c) => c.label === label) + 1;
/** The officer's columns, 1-based: read back before each re-run, so typing there is expected, not an edit. */
export const EXCEPTION_NOTE_COLUMNS = [at(NOTE_HEADERS.revised), at(NOTE_HEADERS.doing), at(NOTE_HEADERS.from)];
const LINES = 3;
/** The characters three wrapped lines of a column hold. */
const fits = (label: string) => charsInLines(COLUMNS[at(label) - 1].width, LINES);

/** The actions an exception report lists: Red, or overdue, among those reported on (No update is counted apart). */
export function listedExceptions(actions: readonly PackAction[]): PackAction[] {
  return actions.filter((a) => a.effectiveRag !== 'No update' && (a.effectiveRag === 'Red' || a.overdue));
}

/** The actions the Exceptions sheet lists for a pack (no sheet is written when there are none). */
export function exceptionActions(context: Pick<BoardPackContext, 'actions'>): PackAction[] {
  return listedExceptions(context.actions);
}

/** Why an action is listed, in words that add to its Status and RAG cells rather than repeat them. */
function whyListed(a: PackAction): string {
  if (a.overdue) return a.item.status === 'Off track' ? 'Overdue and off track' : 'Overdue';
  if (a.item.status === 'Off track') return 'Off track';
  return a.ragReason === 'entered' ? 'Rated Red' : 'Red by rule';
}

const revisedValue = (revised: string | null): PlanValue => (isIsoDate(revised) ? date(revised) : text(revised));
const revisedRowValue = (revised: string | null): PlanValue => (isIsoDate(revised) ? rowDate(revised) : rowText(revised));

export function exceptionsSheet(name: string, context: BoardPackContext, notes: (a: PackAction) => ExceptionNote | undefined, typed: Pick<TypedNotes, 'unmatched'> = { unmatched: [] }): SheetPlan {
  return streamedPlan(exceptionsSheetRows(name, context, notes, typed));
}

/**
 * The Exceptions sheet with each listed action's row made as it is written. Built whole, a pack with tens of thousands
 * of exceptions held eleven values a row until the sheet was written, and the garbage collector copied them as they
 * grew; here the sheet keeps only which action each row lists. Headings, footnotes and the notes on actions no longer
 * in the plan are few, and are made once.
 */
export function exceptionsSheetRows(name: string, context: BoardPackContext, notes: (a: PackAction) => ExceptionNote | undefined, typed: Pick<TypedNotes, 'unmatched'> = { unmatched: [] }): StreamedSheet {
  const sheet = emptySheet(name);
  sheet.columns = COLUMNS.map(({ width, wrap, numFmt }) => ({ width, wrap, numFmt }));
  sheet.officerColumns = EXCEPTION_NOTE_COLUMNS;
  const lastCol = columnLetters(COLUMNS.length);
  headerRow(sheet, 1, COLUMNS.map((c) => c.label));
  const listed = listedExceptions(context.actions);
  const shared = new PlanValuePool();
  const row = () => sheet.rows.length + 1;
  const themeRows: number[] = [];
  /** The action each row lists, by its index in sheet.rows (before the title rows go above); its row is left empty. */
  const listedOn: PackAction[] = [];
  let cut = false;
  for (const [theme, actions] of byThemeInPlanOrder(listed)) {
    themeRows.push(row());
    sheet.rows.push([text(theme)]);
    sheet.merges.push(`A${row() - 1}:${lastCol}${row() - 1}`);
    for (const a of actions) {
      cut ||= cutTexts(a).some((t) => t?.endsWith('…'));
      listedOn[sheet.rows.length] = a;
      sheet.rows.length++;
    }
  }
  const lastListed = sheet.rows.length;
  if (!listed.length) sheet.rows.push([text(`No Red or overdue actions at ${ukDate(context.judgedAt)}.`)]);
  const silentLate = context.actions.filter((a) => a.effectiveRag === 'No update' && a.overdue).length;
  const footnotes: string[] = [];
  if (silentLate) footnotes.push(`${silentLate} ${silentLate === 1 ? 'action is' : 'actions are'} past the due date with no update recorded: counted as No update on the Board Summary, not listed here.`);
  if (cut) footnotes.push('Action, lead and progress texts are cut to three lines here (…); the Plan sheet has them in full.');
  footnoteRows(sheet, footnotes);
  unmatchedNotes(sheet, typed.unmatched, lastCol);

  if (listed.length) {
    sheet.styles.push({ range: `A2:${lastCol}${lastListed}`, vertical: 'top', border: true });
    for (const r of themeRows) sheet.styles.push({ range: `A${r}:${lastCol}${r}`, bold: true, fill: 'F3F2F1' });
    sheet.conditionalFormats.push(statusFormat(`F2:F${lastListed}`), ragFormat(`G2:G${lastListed}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  // Rows from 2 on are fitted to their wrapped cells as they are made (fitHeightsFrom, below). The header's wrapped
  // labels and theme headings wrapped across the whole width are fitted here: the fit leaves both alone, as neither
  // has text in a wrapped column.
  const heights: Record<number, number> = {};
  const perLine = (width: number) => Math.max(4, Math.floor(width * 1.05));
  const lines = (t: string, width: number) => Math.ceil(t.length / perLine(width));
  const headerLines = Math.max(...COLUMNS.map((c) => lines(c.label, c.width)));
  if (headerLines > 1) heights[1] = headerLines * 15 + 3;
  const fullWidth = COLUMNS.reduce((n, c) => n + c.width, 0);
  for (const r of themeRows) {
    const theme = sheet.rows[r - 1][0];
    const n = theme?.kind === 'text' ? lines(theme.text, fullWidth) : 1;
    if (n > 1) heights[r] = n * 15 + 3;
    sheet.styles.push({ range: `A${r}`, wrap: true, vertical: 'top' });
  }
  sheet.rowHeights = heights;
  printReady(sheet, context, 'Exceptions', '1:1');

  // printReady put TITLE_ROWS rows above everything: the rows made here move down with the rest.
  const made = sheet.rows;
  sheet.rows = [];
  const listedRow = (a: PackAction): PlanValue[] => {
    const note = notes(a);
    const [action, progress, lead] = cutTexts(a);
    return [
      rowText(a.item.ref),
      rowText(action),
      shared.text(lead),
      shared.date(a.item.dueDate),
      revisedRowValue(note?.revised ?? null),
      shared.text(a.item.status ?? a.item.statusText),
      shared.text(a.effectiveRag),
      shared.text(whyListed(a)),
      rowText(progress),
      rowText(note?.doing),
      rowText(note?.from),
    ];
  };
  const rows: RowSource = {
    count: made.length,
    at: (index) => {
      const a = listedOn[index - TITLE_ROWS];
      return a ? listedRow(a) : (made[index] ?? []);
    },
  };
  return { plan: sheet, rows, fitHeightsFrom: TITLE_ROWS + 2 };
}

/** An exception's action, progress and lead texts, each cut to the lines its column shows. */
function cutTexts(a: PackAction): [string, string | null, string | null] {
  return [shortened(a.item.action, fits('Action')), a.item.progress ? shortened(a.item.progress, fits('Latest progress')) : null, a.item.lead ? shortened(a.item.lead, fits('Lead')) : null];
}

/** Notes the officer typed about actions no longer in the plan: kept, under a heading of their own. */
function unmatchedNotes(sheet: SheetPlan, unmatched: TypedNotes['unmatched'], lastCol: string): void {
  if (!unmatched.length) return;
  sheet.rows.push([text('Notes on actions no longer in the plan (kept until you delete them)')]);
  const r = sheet.rows.length;
  sheet.merges.push(`A${r}:${lastCol}${r}`);
  sheet.styles.push({ range: `A${r}:${lastCol}${r}`, bold: true, fill: 'F3F2F1' });
  for (const n of unmatched) {
    const values: PlanValue[] = COLUMNS.map(() => null);
    values[0] = text(n.ref);
    values[1] = text(n.action);
    values[at(NOTE_HEADERS.revised) - 1] = revisedValue(n.revised);
    values[at(NOTE_HEADERS.doing) - 1] = text(n.doing);
    values[at(NOTE_HEADERS.from) - 1] = text(n.from);
    sheet.rows.push(values);
  }
}
