/**
 * What an officer can change in a sheet the tool wrote: its values, row by row, in any row order (sorting or
 * filtering the Plan table is not an edit). Formats, widths and conditional formats are not counted, nor the
 * columns a sheet leaves for the officer to fill in (SheetPlan.officerColumns: what they type there is read back
 * and kept). The same fingerprint is taken of a sheet plan as it is written and of the sheet as it is read back on
 * the next run; the officer's columns travel with it ("<digest>|officer:10,11").
 *
 * Each row is one line: its non-empty cells as "<column>\u0001<value>", joined by U+0002. Two digests of the lines:
 * - version 2, written since December 2026 ("v2:" and 32 hex digits): SHA-256 of each line (as UTF-8), its first
 *   16 bytes read as four 32-bit numbers, each summed over the lines. A sum needs no order, so each line is hashed
 *   as it is made and dropped: at 50,000 actions, keeping and sorting the lines (version 1) held 80 MB through the
 *   write, which the garbage collector copied as it grew.
 * - version 1 (32 hex digits), in workbooks written before: SHA-256 of the sorted lines. Still checked, so a
 *   workbook written by an earlier version is not taken for one changed by hand.
 * A print of a later version than these (from a newer PlanAssure) is not checked: the run stops and says to use the
 * newer version. (Versions before this one cannot tell a version-2 print from an edit: they stop saying the sheet
 * was changed by hand.)
 * The fingerprint is to tell an accidental edit, not a forged one.
 */
import * as crypto from 'node:crypto';
import { PlanValue, SheetPlan } from '../../engine/sheet-plan/types';
import { CellValue, integerText, SheetModel } from '../../engine/workbook';
import { fitCellText } from './cell-text';
import { JoinedPieces } from './joined-pieces';
import { parseRange, Rect } from './cell-range';
import { dateSerial } from './date-serial';

/** Line breaks as a reader hands them back: Excel's CR LF and a lone CR both read as LF. */
const withLineFeeds = (t: string) => (t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t);
const text = (t: string) => `s:${withLineFeeds(t)}`;
/**
 * Numbers to 12 significant figures, so that a value Excel stores with a rounding difference still matches. An
 * integer of up to 12 digits is already that; toPrecision, which works through big-number arithmetic, is left for
 * the rest (most numbers in a plan are row numbers and date serials).
 */
const numberText = (n: number): string => (Number.isInteger(n) && Math.abs(n) < 1e12 ? integerText(n) : String(Number(n.toPrecision(12))));
const number = (n: number) => `n:${numberText(n)}`;

function modelValue(value: CellValue, formula: string | undefined): string | null {
  // Formulas by their presence only: Excel stores results and rewrites repeated formulas as shared ones on save.
  if (formula !== undefined) return 'f';
  switch (value.type) {
    case 'text':
      return value.value === '' ? null : text(value.value);
    case 'number':
      return number(value.value);
    // A date is a number with a date format: whichever way it is read, it counts the same.
    case 'date':
      return number(dateSerial(value.value, false));
    case 'boolean':
      return `b:${value.value}`;
    case 'error':
      return `e:${value.value}`;
  }
}

/** UTF-8 bytes gathered before each hash update: few updates, and no string of the whole sheet. */
const HASH_CHUNK_BYTES = 1 << 20;
const LINE_SEPARATOR = 0x03;

/**
 * The digest of a sheet's rows, one line each (cells joined by U+0002), in any order: empty rows left out. The
 * sorted lines, separated by U+0003, are encoded into one reused buffer and hashed a megabyte at a time: the same
 * bytes as hashing them all joined. Joining batches of lines into strings first took ten times as long (most lines
 * hold a character past U+00FF, a bullet or a dash, so each batch was a two-byte string copied again to encode it).
 */
function digest(lines: string[]): string {
  lines.sort();
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.allocUnsafe(HASH_CHUNK_BYTES);
  let used = 0;
  lines.forEach((line, i) => {
    // A UTF-16 unit is at most three bytes of UTF-8: make room for the worst case (and the separator) first.
    if (used + 1 + line.length * 3 > buffer.length) {
      hash.update(buffer.subarray(0, used));
      used = 0;
    }
    if (i) buffer[used++] = LINE_SEPARATOR;
    if (used + line.length * 3 <= buffer.length) used += buffer.write(line, used, 'utf8');
    else {
      // A line longer than the buffer is hashed as it is, after the bytes before it.
      hash.update(buffer.subarray(0, used));
      hash.update(line, 'utf8');
      used = 0;
    }
  });
  hash.update(buffer.subarray(0, used));
  return hash.digest('hex').slice(0, 32);
}

const VERSION_2 = 'v2:';
const CELL_SEPARATOR = '\u0002';

/** Node's one-shot hash (20.12 on): about ten times quicker a line than making a Hash object for each. */
const oneShotHash = (crypto as unknown as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

/** SHA-256 of a string's UTF-8 (or of bytes), in hex. */
const sha256Hex = (data: string | Uint8Array): string =>
  oneShotHash ? oneShotHash('sha256', data, 'hex') : typeof data === 'string' ? crypto.createHash('sha256').update(data, 'utf8').digest('hex') : crypto.createHash('sha256').update(data).digest('hex');

/** The value of each lower-case hex digit, by character code (sha256Hex gives only these: 64 of them). */
const HEX_VALUE = (() => {
  const values = new Uint8Array(128);
  for (let i = 0; i < 10; i++) values[0x30 + i] = i;
  for (let i = 0; i < 6; i++) values[0x61 + i] = 10 + i;
  return values;
})();

/** The version-2 digest: the lines' hashes summed, so lines can be added in any order and none is kept. */
export class LineSum {
  private readonly lanes = [0, 0, 0, 0];

  /**
   * Adds one line, as text or as its UTF-8 bytes (callers leave out rows with no cells, as version 1 does; an empty
   * line adds nothing).
   */
  add(line: string | Uint8Array): void {
    if (!line.length) return;
    const hex = sha256Hex(line);
    // The hex digits read in place: four slices and parseInt for every row written took twice as long.
    for (let i = 0; i < 4; i++) {
      let lane = 0;
      for (let j = i * 8; j < i * 8 + 8; j++) lane = lane * 16 + HEX_VALUE[hex.charCodeAt(j)];
      this.lanes[i] = (this.lanes[i] + lane) >>> 0;
    }
  }

  digest(): string {
    return VERSION_2 + this.lanes.map((n) => n.toString(16).padStart(8, '0')).join('');
  }
}

const OFFICER = '|officer:';

/** A sheet's row lines as read back: non-empty cells of each row, in the model's order. */
function modelLines(sheet: SheetModel, officerColumns: readonly number[]): string[] {
  const rows = new Map<number, string[]>();
  for (const cell of sheet.cells) {
    if (officerColumns.includes(cell.col)) continue;
    const v = modelValue(cell.value, cell.formula);
    if (v === null) continue;
    const parts = rows.get(cell.row) ?? [];
    parts.push(`${cell.col}\u0001${v}`);
    rows.set(cell.row, parts);
  }
  const lines: string[] = [];
  for (const parts of rows.values()) if (parts.length) lines.push(parts.join(CELL_SEPARATOR));
  return lines;
}

/** The fingerprint of a sheet as read back, in the version given (2 unless checking one recorded by version 1). */
export function modelFingerprint(sheet: SheetModel, officerColumns: readonly number[] = [], version: 1 | 2 = 2): string {
  const lines = modelLines(sheet, officerColumns);
  if (version === 1) return digest(lines);
  const sum = new LineSum();
  for (const line of lines) sum.add(line);
  return sum.digest();
}

/** A version this build does not know ("v3:…"): the print was written by a newer PlanAssure. */
const LATER_VERSION = /^v(\d+):/;

/**
 * Whether this build can check a recorded fingerprint: one of its own versions. A later version's print cannot be
 * checked, and must not be mistaken for a sheet changed by hand.
 */
export function knownFingerprint(recorded: string): boolean {
  return !LATER_VERSION.test(recorded) || recorded.startsWith(VERSION_2);
}

/** Whether a sheet read back still matches the fingerprint recorded when the tool wrote it (either version). */
export function unchangedSince(sheet: SheetModel, recorded: string): boolean {
  const at = recorded.indexOf(OFFICER);
  const print = at < 0 ? recorded : recorded.slice(0, at);
  const officer = at < 0 ? [] : recorded.slice(at + OFFICER.length).split(',').map(Number).filter(Number.isInteger);
  return modelFingerprint(sheet, officer, print.startsWith(VERSION_2) ? 2 : 1) === print;
}

/** Each column's "<column>\u0001" and the kind of value after it, made once: every cell written starts with one. */
const cellPrefixes: Record<'s:' | 'n:' | 'f', string[]> = { 's:': [], 'n:': [], f: [] };
const cellPrefix = (kind: 's:' | 'n:' | 'f', col: number): string => (cellPrefixes[kind][col] ??= `${col}\u0001${kind}`);

/**
 * The cells merged areas hide (all but each area's top-left), as the areas over each row: they are not read back, so
 * they count for nothing. Only rows the plan has are listed, so each cell looks only at the few over its own row.
 */
function hiddenByMerges(plan: SheetPlan, rowCount: number): Map<number, Rect[]> {
  const byRow = new Map<number, Rect[]>();
  for (const m of plan.merges.map(parseRange)) {
    for (let r = m.top; r <= Math.min(m.bottom, rowCount); r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return byRow;
}

/**
 * A sheet plan's fingerprint taken cell by cell, row by row: by planFingerprint, and by sheetXml as it writes each
 * cell. The officer's columns and the cells merged areas hide count for nothing; each row's prints make one line.
 */
export class SheetPrint {
  private readonly sum = new LineSum();
  private readonly officer: readonly number[];
  private readonly hidden: Map<number, Rect[]>;
  private row = 0;
  private areas: Rect[] | undefined;
  /** The current row's line in pieces, joined once at its end (JoinedPieces says why). */
  private readonly line = new JoinedPieces();
  /** A line with a wide text, as UTF-8 bytes: so that no joined string is two bytes a character (isWide says why). */
  private readonly lineBytes = new LineBytes();

  /** `rowCount` is the sheet's rows, given when they are made as written (a streamed sheet's plan holds none). */
  constructor(plan: SheetPlan, rowCount = plan.rows.length) {
    this.officer = plan.officerColumns ?? [];
    this.hidden = hiddenByMerges(plan, rowCount);
  }

  /** Ends the row before and starts row r (1-based). */
  startRow(r: number): void {
    this.endRow();
    this.row = r;
    this.areas = this.hidden.get(r);
  }

  /** A cell of the current row, in column order. */
  cell(c: number, value: PlanValue): void {
    if (value === null || this.officer.includes(c)) return;
    const r = this.row;
    const areas = this.areas;
    // A loop rather than some() with an arrow, which made a function for every cell of a row under a merged area.
    if (areas) for (let i = 0; i < areas.length; i++) if (c >= areas[i].left && c <= areas[i].right && (r !== areas[i].top || c !== areas[i].left)) return;
    this.addCell(c, value);
  }

  /**
   * A cell's part of its row line, as the sheet will read back once written, added to the row's pieces; nothing for
   * a cell that counts for nothing. Pieces rather than a string a cell: the row's pieces are joined once, so the
   * officer's text is copied once into its line instead of first into a string of its own.
   */
  private addCell(col: number, value: Exclude<PlanValue, null>): void {
    if (value.kind === 'text' && value.text === '') return;
    const line = this.line;
    if (!line.isEmpty) line.add(CELL_SEPARATOR);
    switch (value.kind) {
      case 'text': {
        line.add(cellPrefix('s:', col));
        line.addText(withLineFeeds(fitCellText(value.text)));
        return;
      }
      case 'number':
        line.add(cellPrefix('n:', col));
        line.add(numberText(value.value));
        return;
      case 'date':
        line.add(cellPrefix('n:', col));
        line.add(numberText(dateSerial(value.iso, false)));
        return;
      case 'formula':
        line.add(cellPrefix('f', col));
    }
  }

  digest(): string {
    this.endRow();
    return this.officer.length ? `${this.sum.digest()}${OFFICER}${this.officer.join(',')}` : this.sum.digest();
  }

  private endRow(): void {
    const line = this.line;
    if (line.hasWide) {
      const bytes = this.lineBytes.reset();
      line.writeTo(bytes.write);
      this.sum.add(bytes.bytes());
    } else if (!line.isEmpty) this.sum.add(line.take());
  }
}

/** A line's UTF-8 bytes, written into one buffer kept from line to line (grown for a longer line). */
class LineBytes {
  private buffer = Buffer.allocUnsafe(4096);
  private used = 0;

  reset(): this {
    this.used = 0;
    return this;
  }

  /** Writes `text` after the bytes so far (a bound function, handed to JoinedPieces.writeTo). */
  readonly write = (text: string): void => {
    // A UTF-16 unit is at most three bytes of UTF-8: make room for the worst case first.
    if (this.used + text.length * 3 > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + text.length * 3));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  };

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }
}

/** The version-2 fingerprint of a sheet plan, as it will read back once written. */
export function planFingerprint(plan: SheetPlan): string {
  const print = new SheetPrint(plan);
  plan.rows.forEach((row, i) => {
    print.startRow(i + 1);
    row.forEach((value, j) => print.cell(j + 1, value));
  });
  return print.digest();
}
