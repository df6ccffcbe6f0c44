/**
 * The way back: a copy of the tool's own sheets as they were just before a write, kept in the workbook on a very
 * hidden sheet, because Excel has no undo for what an add-in writes.
 *
 * What the copy holds, and so what "Restore the previous version" brings back: every cell's value (text, number,
 * date, TRUE/FALSE, error text) or, for a formula cell, its formula (both readers give it: a formula comes back as a
 * formula, not as its last result); each cell's number format where it is not the one the writer gives that kind of
 * value anyway (Text for text, dd/mm/yyyy for dates, General otherwise), so a percentage stays a percentage and a
 * date keeps "d mmm yyyy"; and each sheet's name and visibility. Not the rest of the formatting (fills, fonts,
 * widths, the Plan table, dropdowns, conditional formats, charts): it would cost far more room than the values, and
 * it is what the tool re-derives each time it writes, so running the action again re-applies it.
 *
 * Excel's limits: a cell holds at most 32,767 characters, so the copy is JSON cut into chunks of CHUNK_CHARS in
 * column A; and a copy bigger than MAX_COPY_CHARS is not kept at all (the write would grow past what one request
 * carries comfortably), which the preview says before anything is written.
 */
import { a1, cellText, CellValue, SheetModel, WorkbookModel } from '../workbook';
import { DATE_FORMAT } from './plan-sheet';
import { emptySheet, PlanValue, RangeStyle, SheetPlan } from './types';

export const PREVIOUS_VERSION_SHEET_NAME = 'PlanAssure Previous Version';
/** The role the lists sheet records for the copy. */
export const PREVIOUS_VERSION_ROLE = 'previous-version';
/** Excel refuses more than 32,767 characters in a cell; a round figure below it. */
export const CHUNK_CHARS = 32_000;
/** The largest copy kept: about 2 MB of JSON (63 cells), well inside one 5 MB request with the sheets themselves. */
export const MAX_COPY_CHARS = 2_000_000;

const TITLE = 'PlanAssure: a copy of its own sheets as they were before its last write. Used by "Restore the previous version". Do not edit.';
const FORMAT_VERSION = 1;

/**
 * One cell in the copy: [row, col, kind, value, number format?]; kind f = formula (without "="), t/n/d/b/e as
 * CellValue. The number format is there only when it is not the writer's own for that kind (WRITER_FORMAT); copies
 * made before formats were kept have none, and read the same.
 */
type CopiedCell = [number, number, 'f' | 't' | 'n' | 'd' | 'b' | 'e', string | number | boolean, string?];

interface CopiedSheet {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  cells: CopiedCell[];
}

interface CopyHeader {
  v: number;
  /** When the write that replaced these sheets ran (ISO date-time, from the caller: the engine reads no clock). */
  at: string;
  /** Characters of JSON in the chunks below; -1 when the copy was too big to keep. */
  chars: number;
}

export interface PreviousVersion {
  at: string;
  sheets: CopiedSheet[];
}

const KIND: Record<CellValue['type'], CopiedCell[2]> = { text: 't', number: 'n', date: 'd', boolean: 'b', error: 'e' };

/** The number format both adapters write each kind of value with (General as undefined), so the copy need not hold it. */
const WRITER_FORMAT: Record<CopiedCell[2], string | undefined> = { t: '@', d: DATE_FORMAT, n: undefined, b: '@', e: '@', f: undefined };
const GENERAL = 'General';

function copiedCell(c: SheetModel['cells'][number]): CopiedCell | null {
  const cell: CopiedCell | null = c.formula ? [c.row, c.col, 'f', c.formula] : c.value.type === 'text' && c.value.value === '' ? null : [c.row, c.col, KIND[c.value.type], c.value.value];
  if (!cell) return null;
  // The models leave General out (numFmt undefined).
  const format = c.numFmt && c.numFmt !== GENERAL ? c.numFmt : undefined;
  if (format !== WRITER_FORMAT[cell[2]]) cell.push(format ?? GENERAL);
  return cell;
}

function copyOf(sheet: SheetModel): CopiedSheet {
  const cells = sheet.cells.map(copiedCell).filter((c): c is CopiedCell => c !== null);
  return { name: sheet.name, visibility: sheet.visibility ?? 'visible', cells };
}

/** The copy's JSON, or null when it is over MAX_COPY_CHARS. */
function copyJson(model: WorkbookModel, replaced: readonly string[]): string | null {
  const wanted = new Set(replaced.map((n) => n.toLowerCase()));
  const sheets = model.sheets.filter((s) => wanted.has(s.name.toLowerCase()) && s.name !== PREVIOUS_VERSION_SHEET_NAME).map(copyOf);
  const json = JSON.stringify(sheets);
  return json.length > MAX_COPY_CHARS ? null : json;
}

/** Characters the copy of `replaced` would take, for the preview; null when too big to keep. */
export function previousVersionSize(model: WorkbookModel, replaced: readonly string[]): number | null {
  return copyJson(model, replaced)?.length ?? null;
}

/**
 * The very hidden sheet holding the tool's sheets `replaced` as the model has them (an empty list when the write
 * replaces none: restoring then removes what the write added). When the copy is too big to keep, the sheet says so
 * and holds none, so that an older copy never stands in for the version just replaced.
 */
export function previousVersionSheet(model: WorkbookModel, replaced: readonly string[], at: string): SheetPlan {
  const json = copyJson(model, replaced);
  const sheet = emptySheet(PREVIOUS_VERSION_SHEET_NAME);
  sheet.visibility = 'veryHidden';
  sheet.columns = [{ width: 60 }];
  const header: CopyHeader = { v: FORMAT_VERSION, at, chars: json === null ? -1 : json.length };
  sheet.rows.push([{ kind: 'text', text: TITLE }], [{ kind: 'text', text: JSON.stringify(header) }]);
  if (json !== null) for (let i = 0; i < json.length; i += CHUNK_CHARS) sheet.rows.push([{ kind: 'text', text: json.slice(i, i + CHUNK_CHARS) }]);
  return sheet;
}

/** The copy kept in the workbook, or null when there is none (or it cannot be read whole). */
export function readPreviousVersion(model: WorkbookModel): PreviousVersion | null {
  const sheet = model.sheets.find((s) => s.name === PREVIOUS_VERSION_SHEET_NAME);
  if (!sheet) return null;
  const columnA = new Map(sheet.cells.filter((c) => c.col === 1).map((c) => [c.row, cellText(c.value)]));
  try {
    const header = JSON.parse(columnA.get(2) ?? '') as CopyHeader;
    if (header.v !== FORMAT_VERSION) return null;
    let json = '';
    for (let row = 3; columnA.has(row); row++) json += columnA.get(row);
    if (json.length !== header.chars) return null;
    return { at: header.at, sheets: JSON.parse(json) as CopiedSheet[] };
  } catch {
    return null;
  }
}

function planValue([, , kind, value]: CopiedCell): PlanValue {
  switch (kind) {
    case 'f':
      return { kind: 'formula', formula: String(value) };
    case 'n':
      return { kind: 'number', value: Number(value) };
    case 'd':
      return { kind: 'date', iso: String(value) };
    case 'b':
      return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
    default:
      return { kind: 'text', text: String(value) };
  }
}

/**
 * The number formats the copy holds, as styles over runs of cells down a column with the same format: applied after
 * the values, as both adapters apply styles, so a Text cell's words are already stored as words.
 */
function formatStyles(cells: readonly CopiedCell[]): RangeStyle[] {
  const byColumn = new Map<number, CopiedCell[]>();
  for (const cell of cells) if (cell[4] !== undefined) (byColumn.get(cell[1]) ?? byColumn.set(cell[1], []).get(cell[1])!).push(cell);
  const styles: RangeStyle[] = [];
  for (const [col, column] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    column.sort((a, b) => a[0] - b[0]);
    let start = column[0];
    let end = column[0];
    const flush = () => styles.push({ range: start[0] === end[0] ? a1(start[0], col) : `${a1(start[0], col)}:${a1(end[0], col)}`, numFmt: start[4] });
    for (const cell of column.slice(1)) {
      if (cell[0] === end[0] + 1 && cell[4] === start[4]) end = cell;
      else {
        flush();
        start = end = cell;
      }
    }
    flush();
  }
  return styles;
}

/** The copied sheets as sheet plans, to write back: values, formulas and number formats. */
export function restoredSheets(previous: PreviousVersion): SheetPlan[] {
  return previous.sheets.map((copied) => {
    const sheet = emptySheet(copied.name);
    sheet.visibility = copied.visibility;
    const width = Math.max(0, ...copied.cells.map((c) => c[1]));
    for (const cell of copied.cells) {
      const row = (sheet.rows[cell[0] - 1] ??= []);
      row[cell[1] - 1] = planValue(cell);
    }
    for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
    sheet.columns = Array.from({ length: width }, () => ({ width: 16 }));
    sheet.styles = formatStyles(copied.cells);
    return sheet;
  });
}

/** The copied sheets' names, visible ones first, for the officer. */
export function previousVersionSheets(previous: PreviousVersion): { name: string; visible: boolean; cells: number }[] {
  return previous.sheets.map((s) => ({ name: s.name, visible: s.visibility === 'visible', cells: s.cells.length })).sort((a, b) => Number(b.visible) - Number(a.visible));
}
