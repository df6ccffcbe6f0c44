/**
 * What the officer types beside an exception ("What we are doing about it", "Revised date", "Update from"), kept
 * from one run to the next. It is read back from the Exceptions sheet before the sheet is rewritten, matched to
 * the action the way the snapshot recognises actions (snapshotKeyer: the officer's ref when unique, else the
 * action's words), and kept in the snapshot too, so it survives an action leaving the list and coming back.
 */
import { isoToSerial, serialToIso } from '../excel-dates';
import { collapsedStart } from '../text';
import { CellValue, cellText, SheetGrid, WorkbookModel } from '../workbook';
import { PackAction } from './types';

export interface ExceptionNote {
  doing: string | null;
  /** ISO when it reads as a date, else the officer's words as typed (never dropped). */
  revised: string | null;
  from: string | null;
}

export const NOTE_HEADERS = { doing: 'What we are doing about it', revised: 'Revised date', from: 'Update from' } as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export const isEmptyNote = (n: ExceptionNote | undefined): boolean => !n || (!n.doing && !n.revised && !n.from);

/** A revised date as typed: a date cell, or day-first text (31/03/2026); anything else is kept as words. */
export function revisedDate(value: CellValue | undefined): string | null {
  if (!value) return null;
  if (value.type === 'date') return value.value;
  // A date typed into a cell with no date format arrives as its serial number (46112 is 31/03/2026).
  if (value.type === 'number' && Number.isInteger(value.value) && value.value >= isoToSerial('1990-01-01') && value.value <= isoToSerial('2100-12-31')) return serialToIso(value.value);
  const t = cellText(value).trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t || null;
}

export const isIsoDate = (text: string | null): text is string => text !== null && ISO.test(text);

/** The action text as the Exceptions sheet shows it, cut to `max` characters at a word, with "…" when cut. */
export function shortened(text: string, max: number): string {
  // Only the start is shown, so only the start is tidied: tidying all of a long action copied every character of it
  // for each sheet that shows it (65 MB at 50,000 actions). A start of max + 3 collapsed characters, trimmed, is
  // the whole tidied text when it is max or fewer; otherwise it begins as the whole does for more than max.
  const start = collapsedStart(text, max + 3).trim();
  if (start.length <= max) return start;
  const cut = start.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface TypedNotes {
  byKey: Map<string, ExceptionNote>;
  /** Notes on rows that match no action now in the plan: shown apart on the sheet, never dropped. */
  unmatched: (ExceptionNote & { ref: string | null; action: string | null })[];
}

/**
 * The notes typed on an Exceptions sheet the tool wrote, by the key of the action each row is about. A row is
 * matched by its Ref where the key is the ref, else by the action's words (shown cut, so by their start).
 */
export function readExceptionNotes(model: WorkbookModel, sheetName: string, actions: readonly PackAction[], keys: readonly string[]): TypedNotes {
  const notes = new Map<string, ExceptionNote>();
  const unmatched: TypedNotes['unmatched'] = [];
  const sheet = model.sheets.find((s) => s.name === sheetName);
  if (!sheet) return { byKey: notes, unmatched };
  const grid = new SheetGrid(sheet);
  let header = 0;
  const col: Record<string, number> = {};
  for (const r of grid.rowNumbers) {
    for (let c = 1; c <= 30 && !header; c++) if (grid.text(r, c).trim() === NOTE_HEADERS.doing) header = r;
    if (!header) continue;
    for (let c = 1; c <= 30; c++) col[grid.text(header, c).trim()] = c;
    break;
  }
  if (!header || !col.Ref || !col.Action) return { byKey: notes, unmatched };
  const byRef = new Map<string, string>();
  const byWords: { start: string; key: string }[] = [];
  actions.forEach((a, i) => {
    if (keys[i].startsWith('ref:')) byRef.set(keys[i].slice(4), keys[i]);
    else byWords.push({ start: collapsedStart(a.item.action, 400).trim(), key: keys[i] });
  });
  const get = (r: number, label: string) => (col[label] ? cellText(grid.own(r, col[label])?.value).trim() || null : null);
  for (const r of grid.rowNumbers) {
    if (r <= header) continue;
    const note: ExceptionNote = {
      doing: get(r, NOTE_HEADERS.doing),
      revised: col[NOTE_HEADERS.revised] ? revisedDate(grid.own(r, col[NOTE_HEADERS.revised])?.value) : null,
      from: get(r, NOTE_HEADERS.from),
    };
    const ref = get(r, 'Ref');
    const shown = (get(r, 'Action') ?? '').replace(/…$/, '').replace(/\s+/g, ' ').trim();
    const key = (ref && byRef.get(ref)) ?? (shown ? byWords.find((w) => w.start.startsWith(shown))?.key : undefined);
    // A matched row counts even when empty: a note the officer cleared stays cleared.
    if (key) notes.set(key, note);
    else if (!isEmptyNote(note)) unmatched.push({ ...note, ref, action: get(r, 'Action') });
  }
  return { byKey: notes, unmatched };
}

/** The notes to show: the sheet as the officer left it wins; the snapshot keeps notes on actions that were off the list. */
export function notesByKey(previous: { key: string; note: ExceptionNote }[] | null, typed: TypedNotes): Map<string, ExceptionNote> {
  const notes = new Map((previous ?? []).filter((p) => !isEmptyNote(p.note)).map((p) => [p.key, p.note]));
  for (const [key, note] of typed.byKey) notes.set(key, note);
  for (const [key, note] of notes) if (isEmptyNote(note)) notes.delete(key);
  return notes;
}
