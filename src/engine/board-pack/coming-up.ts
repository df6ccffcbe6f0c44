/**
 * Coming up: actions and milestones due from today to the end of the next quarter, or the window Plan Settings sets,
 * earliest first. Each prints in about three lines on A4 landscape: the theme, action and lead texts, which repeat
 * the Plan sheet, are cut to three lines here (the sheet says so); every item keeps its row and its Ref.
 */
import { ragFormat, statusFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, PlanValuePool, SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { parseTimescale } from '../timescale';
import { BoardPackContext } from './context';
import { shortened } from './exception-notes';
import { charsInLines, footnoteRows, headerRow, printReady } from './layout';
import { byThemeThenRef } from './order';
import { comingUpWindow, ComingUpWindow } from './coming-up-window';
import { PackAction } from './types';

export interface ComingUpItem {
  due: string;
  kind: 'Action' | 'Milestone';
  action: PackAction;
  what: string;
}

/**
 * Each pack's list, kept per actions list and window: the pack asks for it four times (whether the sheet is written,
 * the Board Summary's empty sections, Board Views and the sheet itself), and each time read every action's milestones
 * (about 0.2 s at 50,000 actions).
 */
const listed = new WeakMap<readonly PackAction[], Map<string, readonly ComingUpItem[]>>();

/** Actions and milestones due within the window (see coming-up-window.ts), earliest first. */
export function comingUp(context: Pick<BoardPackContext, 'actions'>, window: ComingUpWindow, planStart: string | null): readonly ComingUpItem[] {
  const key = `${window.start}|${window.end}|${planStart}`;
  let lists = listed.get(context.actions);
  if (!lists) listed.set(context.actions, (lists = new Map()));
  let items = lists.get(key);
  if (!items) lists.set(key, (items = Object.freeze(dueInWindow(context.actions, window, planStart))));
  return items;
}

function dueInWindow(actions: readonly PackAction[], window: ComingUpWindow, planStart: string | null): ComingUpItem[] {
  const items: ComingUpItem[] = [];
  const inWindow = (iso: string) => iso >= window.start && iso <= window.end;
  const terms = { shortMonths: 6, mediumMonths: 12, longMonths: 24 };
  // A milestone can only fall in the window if it names one of the window's years (2025, 25) or is relative.
  const years: string[] = [];
  for (let y = Number(window.start.slice(0, 4)); y <= Number(window.end.slice(0, 4)); y++) years.push(String(y));
  const mayFall = new RegExp(`${years.map((y) => `${y}|\\b${y.slice(2)}\\b`).join('|')}|\\b(short|medium|long)\\b|\\b\\d{1,2}\\s*m(onths?)?\\b`, 'i');
  for (const a of actions) {
    if (a.item.status === 'Complete') continue;
    if (a.item.dueDate && inWindow(a.item.dueDate)) items.push({ due: a.item.dueDate, kind: 'Action', action: a, what: a.item.action });
    for (const line of (a.item.milestones ?? '').split('\n')) {
      if (!mayFall.test(line)) continue;
      const due = parseTimescale(line, planStart, terms).dueDate;
      if (due && inWindow(due) && due !== a.item.dueDate) items.push({ due, kind: 'Milestone', action: a, what: line });
    }
  }
  const order = byThemeThenRef(items.map((i) => i.action));
  // Due dates are ISO (YYYY-MM-DD): plain comparison is date order.
  return items.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0) || order(x.action, y.action));
}

const COLUMNS: { label: string; width: number; wrap?: boolean; numFmt?: string }[] = [
  { label: 'Due', width: 11, numFmt: 'dd/mm/yyyy' },
  { label: 'Type', width: 10 },
  { label: 'Ref', width: 8 },
  { label: 'Theme', width: 24, wrap: true },
  { label: 'Action or milestone', width: 56, wrap: true },
  { label: 'Lead', width: 24, wrap: true },
  { label: 'Status', width: 12 },
  { label: 'RAG', width: 8 },
];
const LINES = 3;
/** The characters three wrapped lines of a column hold. */
const fits = (label: string) => charsInLines(COLUMNS.find((c) => c.label === label)!.width, LINES);

export function comingUpSheet(name: string, context: BoardPackContext, planStart: string | null, months?: number | null): SheetPlan {
  const window = comingUpWindow(context.today, months);
  const sheet = emptySheet(name);
  sheet.columns = COLUMNS.map(({ width, wrap, numFmt }) => ({ width, wrap, numFmt }));
  headerRow(sheet, 1, COLUMNS.map((c) => c.label));
  const items = comingUp(context, window, planStart);
  const shared = new PlanValuePool();
  let cut = false;
  const short = (value: string | null | undefined, label: string): string | null => {
    if (!value) return null;
    const out = shortened(value, fits(label));
    cut ||= out.endsWith('…') && !value.endsWith('…');
    return out;
  };
  for (const item of items) {
    const a = item.action;
    sheet.rows.push([
      shared.date(item.due),
      shared.text(item.kind),
      text(a.item.ref),
      shared.text(short(a.item.theme, 'Theme')),
      text(short(item.what, 'Action or milestone')),
      shared.text(short(a.item.lead, 'Lead')),
      shared.text(a.item.status ?? a.item.statusText),
      shared.text(a.effectiveRag),
    ]);
  }
  const lastRow = sheet.rows.length;
  if (!items.length) sheet.rows.push([text(`Nothing is due from ${window.label}.`)]);
  if (cut) footnoteRows(sheet, ['Theme, action and lead texts are cut to three lines here (…); the Plan sheet has them in full.']);
  const lastCol = columnLetters(COLUMNS.length);
  if (items.length) {
    sheet.styles.push({ range: `A2:${lastCol}${lastRow}`, vertical: 'top', border: true });
    sheet.conditionalFormats.push(statusFormat(`G2:G${lastRow}`), ragFormat(`H2:H${lastRow}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, 'Coming up', '1:1');
  return sheet;
}
