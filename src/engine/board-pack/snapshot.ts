/**
 * A snapshot of each run, kept on a hidden sheet the tool owns, so the next board pack can list the actions
 * whose RAG or status changed since the last one.
 */
import { emptySheet, PlanValuePool, RowSource, rowText, SheetPlan, StreamedSheet, streamedPlan } from '../sheet-plan/types';
import { collapsedStart } from '../text';
import { cellText, SheetGrid, WorkbookModel } from '../workbook';
import { ukDate } from '../uk-date';
import { ExceptionNote, isEmptyNote, NOTE_HEADERS, revisedDate } from './exception-notes';
import { PackAction } from './types';

export const SNAPSHOT_SHEET = 'PlanAssure Snapshot';
// The last three keep the officer's notes on an exception (exception-notes.ts) while the action is off the list.
const HEADERS = ['Key', 'Ref', 'Action', 'Status', 'RAG', 'Taken', NOTE_HEADERS.doing, NOTE_HEADERS.revised, NOTE_HEADERS.from];

export interface SnapshotRow {
  key: string;
  ref: string | null;
  action: string;
  status: string | null;
  rag: string;
  taken: string;
  note: ExceptionNote;
}

export interface SnapshotChange {
  key: string;
  text: string;
}

/**
 * How an action is recognised from one run to the next: the officer's ref when it is unique, else its words (a
 * generated ref moves when a row is added above, so it would mistake one action for another). The i-th action's
 * key, made when it is asked for: a first board pack needs the keys only as its snapshot sheet is written, row by
 * row; made all at once, 50,000 of them lived through the writing of every sheet before it, each copied twice by the
 * young-generation collector.
 */
export function snapshotKeyer(actions: readonly PackAction[]): (i: number) => string {
  const refCount = new Map<string, number>();
  for (const a of actions) if (a.item.ref) refCount.set(a.item.ref, (refCount.get(a.item.ref) ?? 0) + 1);
  return (i) => {
    const { item } = actions[i];
    // Trimmed after the cut: a key cut just after a space would not match itself when read back (cells are trimmed).
    return item.ref && !item.refGenerated && refCount.get(item.ref) === 1 ? `ref:${item.ref}` : `text:${collapsedStart(item.action, 200).trim()}`;
  };
}

export function readSnapshot(model: WorkbookModel, name = SNAPSHOT_SHEET): SnapshotRow[] | null {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const grid = new SheetGrid(sheet);
  if (grid.text(1, 1) !== HEADERS[0]) return null;
  const rows: SnapshotRow[] = [];
  for (const r of grid.rowNumbers) {
    if (r === 1) continue;
    const get = (c: number) => cellText(grid.own(r, c)?.value).trim();
    if (!get(1)) continue;
    const note = { doing: get(7) || null, revised: revisedDate(grid.own(r, 8)?.value), from: get(9) || null };
    rows.push({ key: get(1), ref: get(2) || null, action: get(3), status: get(4) || null, rag: get(5), taken: get(6), note });
  }
  return rows;
}

/** `keys` are the actions' keys (snapshotKeyer), made once by the caller and shared with `changesSince`. */
export function snapshotSheet(actions: PackAction[], keys: readonly string[], today: string, name = SNAPSHOT_SHEET, notes: ReadonlyMap<string, ExceptionNote> = new Map()): SheetPlan {
  return streamedPlan(snapshotSheetRows(actions, (i) => keys[i], today, name, notes));
}

/** The snapshot sheet with its rows (a row per action) made as they are written; `keyAt` gives each action's key. */
export function snapshotSheetRows(actions: PackAction[], keyAt: (i: number) => string, today: string, name = SNAPSHOT_SHEET, notes: ReadonlyMap<string, ExceptionNote> = new Map()): StreamedSheet {
  const sheet = emptySheet(name);
  sheet.visibility = 'veryHidden';
  sheet.columns = [40, 10, 60, 14, 8, 12, 40, 12, 20].map((width) => ({ width }));
  const shared = new PlanValuePool();
  const rows: RowSource = {
    count: actions.length + 1,
    at: (index) => {
      if (index === 0) return HEADERS.map((h) => rowText(h));
      const i = index - 1;
      const a = actions[i];
      const key = keyAt(i);
      const note = notes.get(key);
      const row = [rowText(key), rowText(a.item.ref), rowText(a.item.action.slice(0, 80)), shared.text(a.item.status ?? a.item.statusText), shared.text(a.effectiveRag), shared.text(today)];
      return isEmptyNote(note) ? row : [...row, rowText(note!.doing), rowText(note!.revised), rowText(note!.from)];
    },
  };
  return { plan: sheet, rows };
}

export function changesSince(previous: SnapshotRow[], actions: PackAction[], keys: readonly string[]): SnapshotChange[] {
  const before = new Map(previous.map((p) => [p.key, p]));
  const changes: SnapshotChange[] = [];
  actions.forEach((a, i) => {
    const was = before.get(keys[i]);
    const name = `${a.item.ref ? `${a.item.ref} ` : ''}${collapsedStart(a.item.action, 80)}${a.item.action.length > 80 ? '…' : ''}`;
    if (!was) {
      changes.push({ key: keys[i], text: `${name}: new since the last board (${a.effectiveRag}).` });
      return;
    }
    const status = a.item.status ?? a.item.statusText;
    const parts: string[] = [];
    if (was.rag !== a.effectiveRag) parts.push(`RAG ${was.rag} → ${a.effectiveRag}`);
    if ((was.status ?? '') !== (status ?? '')) parts.push(`status ${was.status ?? 'none'} → ${status ?? 'none'}`);
    if (parts.length) changes.push({ key: keys[i], text: `${name}: ${parts.join('; ')} (last board pack ${was.taken ? ukDate(was.taken) : 'unknown'}).` });
  });
  return changes;
}
