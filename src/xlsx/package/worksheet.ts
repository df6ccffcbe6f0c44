/**
 * One worksheet part (xl/worksheets/sheetN.xml) as the engine's SheetModel, in a single streaming pass: no DOM,
 * and per cell only the CellModel the engine keeps, so a 50,000-row sheet costs its cells and little more.
 *
 * It reads what the ExcelJS reader read (tests/helpers/exceljs-model.ts is that reader, kept as the oracle),
 * including ExcelJS's quirks where a file Excel or ExcelJS writes would show them, so that swapping readers
 * changes no plan's results:
 *   - a formula whose cached result is 0, FALSE or not a finite number reads as the formula with empty text;
 *   - a cell of a shared formula other than its master reads with the master's address (say "B2") as its formula,
 *     since the shared formula is not translated for it;
 *   - a cell with an external hyperlink reads as its text alone (no formula), and not at all if it holds no text;
 *   - dates are converted as ExcelJS converts them (its rounding of a time of day included), except serials below
 *     61 in the 1900 system: ExcelJS counts them without Excel's phantom 29 February 1900, a day earlier than
 *     Excel shows them, and here they read as Excel shows them, as the Office.js adapter reads them (a 1 typed
 *     into a date column is 01/01/1900 in both);
 *   - a hidden row is listed only if it holds a value or a merged area covers it (the rows ExcelJS visits), and a
 *     hidden column range lists every column in it, even one running to the last column (XFD).
 * Where ExcelJS cannot read a file at all, or reads it plainly wrongly, this follows the file format instead:
 * cells and rows without an r= address take the next position, `t="d"` cells are ISO dates, `<b val="0"/>` is
 * not bold, and phonetic runs in inline strings are left out.
 */
import { CellModel, CellValue, MergedArea, SheetModel, a1, inRowMajorOrder } from '../../engine/workbook';
import { isDateFormat, serialToIso as excelSerialToIso } from '../../engine/excel-dates';
import { CellStyle } from './cell-styles';
import { SharedStrings } from './shared-strings';
import { Attributes, decodeEntitiesAgain, decodeExcelEscapes, localName, partParser } from './sax';

export interface SheetIdentity {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;
const MS_PER_DAY = 86_400_000;
/** The 1900-system serial of 1970-01-01, and the days between the 1900 and 1904 systems, as ExcelJS counts them. */
const SERIAL_OF_UNIX_EPOCH = 25_569;
const DAYS_FROM_1900_TO_1904 = 1_462;
/** 1 March 1900: below it, Excel's 1900 serials are a day off a plain count from 30 December 1899. */
const FIRST_SERIAL_AFTER_LEAP_BUG = 61;
/** The furthest a JavaScript Date reaches from 1970, either way. */
const MAX_DATE_MS = 8.64e15;

/** Where the parser is: in <sheetData> and the elements it nests (row, c, is, r), or in one of the other lists read. */
const OUTSIDE = 0;
const IN_SHEET_DATA = 1;
const IN_ROW = 2;
const IN_CELL = 3;
const IN_INLINE_STRING = 4;
const IN_RUN = 5;
const IN_COLS = 6;
const IN_MERGE_CELLS = 7;
const IN_HYPERLINKS = 8;

/** Which text the parser is collecting. */
const NO_TEXT = 0;
const VALUE_TEXT = 1;
const FORMULA_TEXT = 2;
const RUN_TEXT = 3;

interface ColumnRange {
  min: number;
  max: number;
  hidden: boolean;
}

/** A list of shared strings as the worksheet reader takes them. */
const listed = (strings: readonly string[]): SharedStrings => ({ count: strings.length, at: (index) => strings[index] });

export function parseWorksheet(xml: string, sheet: SheetIdentity, strings: readonly string[], styles: CellStyle[], date1904: boolean): SheetModel {
  const reader = worksheetReader(sheet, listed(strings), styles, date1904);
  reader.write(xml);
  return reader.finish();
}

/** A worksheet read as its XML streams in, chunk by chunk: the part's text is never held whole. */
export interface ReadProgress {
  /** The number of the last row begun; 0 before the first. */
  lastRow: number;
  /** Whether the rows have all been read (the reader is past the end of the sheet's data). */
  rowsEnded: boolean;
}

export interface WorksheetReader {
  write(chunk: string): void;
  finish(): SheetModel;
  /** How far the rows were read: where a damaged sheet stopped being readable. */
  progress(): ReadProgress;
}

/** `onCell` is called for every cell kept, so a caller can stop a sheet of millions of cells as it is read. */
export function worksheetReader(sheet: SheetIdentity, strings: SharedStrings, styles: CellStyle[], date1904: boolean, onCell?: () => void): WorksheetReader {
  const dateStyles = styles.map((style) => isDateFormat(style.numFmt));
  /** ISO dates by day number: plans repeat the same few hundred dates thousands of times. */
  const isoByDay = new Map<number, string>();
  const serialToIso = (serial: number): string | null => {
    if (!date1904 && serial >= 0 && serial < FIRST_SERIAL_AFTER_LEAP_BUG) return excelSerialToIso(serial);
    // ExcelJS's utils.excelToDate, to the millisecond, then the UTC day as the ExcelJS reader's toIso takes it.
    const ms = Math.round((serial - SERIAL_OF_UNIX_EPOCH + (date1904 ? DAYS_FROM_1900_TO_1904 : 0)) * MS_PER_DAY);
    if (!(ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS)) return null;
    const day = Math.floor(ms / MS_PER_DAY);
    let iso = isoByDay.get(day);
    if (iso === undefined) {
      iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      isoByDay.set(day, iso);
    }
    return iso;
  };

  /**
   * The value of each shared string, made for its first cell and given to every cell that uses it: plans repeat a
   * status, a lead or a heading thousands of times, and nothing changes a cell's value once read.
   */
  const sharedValues: (CellValue | null)[] = [];
  const cells: CellModel[] = [];
  const merges: MergedArea[] = [];
  const columnRanges: ColumnRange[] = [];
  /** Hidden rows holding a value, and hidden rows that count only if a merged area covers them. */
  const hiddenRows: number[] = [];
  const hiddenEmptyRows: number[] = [];
  /** Cells with an external hyperlink, by position key. */
  const hyperlinked = new Set<number>();
  /** Shared formulas' masters by their si=, as ExcelJS records them: the master cell's address. */
  const sharedMasters = new Map<string | undefined, string>();

  let state = OUTSIDE;
  let depth = 0;
  /** While inside an element whose content is skipped (<rPh>), the depth it opened at. */
  let skipUntilDepth = 0;
  let textTarget = NO_TEXT;

  let rowNumber = 0;
  let rowsEnded = false;
  let lastRowNumber = 0;
  let rowHidden = false;
  let rowHasValue = false;
  let previousCol = 0;

  let cellCol = 0;
  let cellRef: string | undefined;
  let cellType: string | undefined;
  let cellStyleIndex = 0;
  let valueText: string | undefined;
  let formulaText: string | undefined;
  let shareType: string | undefined;
  let sharedRange: string | undefined;
  let sharedIndex: string | undefined;
  let hasRuns = false;
  let runsText = '';
  let runText = '';

  /** A formula's value: its cached result, typed by t=, or empty text when ExcelJS would read no result. */
  const formulaResult = (isDate: boolean): CellValue => {
    // ExcelJS reads no result from an empty <v>, and its cell value leaves out a result that is falsy (0, FALSE).
    if (!valueText) return { type: 'text', value: '' };
    let result: CellValue | null;
    if (cellType === 'd') {
      result = isoDateValue(valueText);
    } else if (isDate) {
      // ExcelJS converts whatever the result is (text, TRUE, an error) as a serial number; what is not one is no date.
      const serial = cellType === 'str' ? Number(decodeEntitiesAgain(valueText)) : cellType === 'b' ? Number(parseInt(valueText, 10) !== 0) : cellType === 'e' ? NaN : parseFloat(valueText);
      const iso = serialToIso(serial);
      result = iso === null ? null : { type: 'date', value: iso };
    } else if (cellType === 'str') {
      result = { type: 'text', value: decodeEntitiesAgain(valueText) };
    } else if (cellType === 'b') {
      result = parseInt(valueText, 10) !== 0 ? { type: 'boolean', value: true } : null;
    } else if (cellType === 'e') {
      result = { type: 'error', value: valueText };
    } else {
      const n = parseFloat(valueText);
      result = n && Number.isFinite(n) ? { type: 'number', value: n } : null;
    }
    return result ?? { type: 'text', value: '' };
  };

  /** A plain cell's value, typed by t=; null when ExcelJS would read nothing the engine keeps. */
  const plainValue = (isDate: boolean): CellValue | null => {
    switch (cellType) {
      case 's': {
        if (valueText === undefined) return null;
        const index = parseInt(valueText, 10);
        let value = sharedValues[index];
        if (value === undefined) {
          const text = strings.at(index);
          value = text ? { type: 'text', value: text } : null;
          if (index >= 0) sharedValues[index] = value;
        }
        return value;
      }
      case 'str': {
        const text = valueText === undefined ? '' : decodeEntitiesAgain(valueText);
        return text ? { type: 'text', value: text } : null;
      }
      case 'inlineStr': {
        // A plain <t> is taken as written (ExcelJS decodes _xHHHH_ only in rich-text runs).
        const text = valueText ?? runsText;
        return text ? { type: 'text', value: text } : null;
      }
      case 'b':
        return { type: 'boolean', value: parseInt(valueText ?? '', 10) !== 0 };
      case 'e':
        return valueText ? { type: 'error', value: valueText } : null;
      case 'd':
        return valueText === undefined ? null : isoDateValue(valueText);
      default: {
        const n = parseFloat(valueText ?? '');
        if (isDate) {
          const iso = serialToIso(n);
          return iso === null ? null : { type: 'date', value: iso };
        }
        return Number.isFinite(n) ? { type: 'number', value: n } : null;
      }
    }
  };

  const finishCell = (): void => {
    const isFormula = !!formulaText || !!shareType;
    const hasValue = valueText !== undefined || hasRuns;
    if (!isFormula && !hasValue) return;
    // ExcelJS lists a row as holding values if any cell in it has one, even one it then reads as nothing.
    rowHasValue = true;
    const style = cellStyleIndex ? styles[cellStyleIndex] : undefined;
    const isDate = style !== undefined && dateStyles[cellStyleIndex];
    let value: CellValue | null;
    let formula: string | undefined;
    if (isFormula) {
      let masterAddress: string | undefined;
      if (shareType === 'shared') {
        if (sharedRange) sharedMasters.set(sharedIndex, cellRef ?? a1(rowNumber, cellCol));
        else masterAddress = sharedMasters.get(sharedIndex);
      }
      formula = formulaText || masterAddress;
      // A formula cell with neither a formula nor a known master (a shared formula's orphan) holds nothing.
      if (!formula) return;
      value = formulaResult(isDate);
    } else {
      value = plainValue(isDate);
      if (!value) return;
    }
    const cell: CellModel = { row: rowNumber, col: cellCol, value };
    if (formula) cell.formula = formula;
    if (style) {
      if (style.numFmt) cell.numFmt = style.numFmt;
      if (style.bold) cell.bold = true;
    }
    onCell?.();
    cells.push(cell);
  };

  const open = (tagName: string, attributes: Attributes): void => {
    depth++;
    if (skipUntilDepth) return;
    switch (state) {
      case IN_CELL:
        if (depth === 5) {
          const name = localName(tagName);
          if (name === 'v') {
            textTarget = VALUE_TEXT;
          } else if (name === 'f') {
            textTarget = FORMULA_TEXT;
            shareType = attributes.get('t');
            sharedRange = attributes.get('ref');
            sharedIndex = attributes.get('si');
          } else if (name === 'is') {
            state = IN_INLINE_STRING;
          }
        }
        return;
      case IN_ROW:
        if (depth === 4 && localName(tagName) === 'c') {
          state = IN_CELL;
          const ref = attributes.get('r');
          cellRef = ref;
          // A cell without an address is the one after the cell before it.
          cellCol = (ref && columnOf(ref)) || previousCol + 1;
          previousCol = cellCol;
          cellType = attributes.get('t');
          const s = attributes.get('s');
          cellStyleIndex = s ? parseInt(s, 10) : 0;
          valueText = undefined;
          formulaText = undefined;
          shareType = undefined;
          sharedRange = undefined;
          sharedIndex = undefined;
          hasRuns = false;
          runsText = '';
        }
        return;
      case IN_INLINE_STRING:
        if (depth === 6) {
          const name = localName(tagName);
          if (name === 't') {
            textTarget = VALUE_TEXT;
          } else if (name === 'r') {
            state = IN_RUN;
            runText = '';
          } else if (name === 'rPh') {
            skipUntilDepth = depth;
          }
        }
        return;
      case IN_RUN:
        if (depth === 7 && localName(tagName) === 't') {
          textTarget = RUN_TEXT;
          runText = '';
        }
        return;
      case IN_SHEET_DATA:
        if (depth === 3 && localName(tagName) === 'row') {
          state = IN_ROW;
          const r = attributes.get('r');
          const parsed = r ? parseInt(r, 10) : NaN;
          // A row without an address is the one after the row before it.
          rowNumber = parsed > 0 ? parsed : lastRowNumber + 1;
          rowHidden = isTrue(attributes.get('hidden'));
          rowHasValue = false;
          previousCol = 0;
        }
        return;
      case IN_COLS:
        if (depth === 3 && localName(tagName) === 'col') {
          // As ExcelJS reads <col>: a missing min or max is 0, so the range is empty.
          columnRanges.push({ min: parseInt(attributes.get('min') || '0', 10), max: parseInt(attributes.get('max') || '0', 10), hidden: isTrue(attributes.get('hidden')) });
        }
        return;
      case IN_MERGE_CELLS: {
        const ref = depth === 3 && localName(tagName) === 'mergeCell' ? attributes.get('ref') : undefined;
        if (ref) {
          const area = parseArea(ref);
          if (area) merges.push(area);
        }
        return;
      }
      case IN_HYPERLINKS: {
        // Only a link to outside the workbook (r:id, a relationship) changes how ExcelJS reads the cell.
        const ref = depth === 3 && localName(tagName) === 'hyperlink' && attributes.get('r:id') ? attributes.get('ref') : undefined;
        if (ref) {
          const area = parseArea(ref);
          if (area && area.top === area.bottom && area.left === area.right) hyperlinked.add(positionKey(area.top, area.left));
        }
        return;
      }
      case OUTSIDE:
        if (depth === 2) {
          const name = localName(tagName);
          if (name === 'sheetData') state = IN_SHEET_DATA;
          else if (name === 'cols') state = IN_COLS;
          else if (name === 'mergeCells') state = IN_MERGE_CELLS;
          else if (name === 'hyperlinks') state = IN_HYPERLINKS;
        }
        return;
    }
  };

  const onText = (chunk: string): void => {
    if (textTarget === NO_TEXT) return;
    if (textTarget === VALUE_TEXT) valueText = valueText === undefined ? chunk : valueText + chunk;
    else if (textTarget === FORMULA_TEXT) formulaText = formulaText === undefined ? chunk : formulaText + chunk;
    else runText += chunk;
  };

  const close = (): void => {
    if (skipUntilDepth) {
      if (depth === skipUntilDepth) skipUntilDepth = 0;
      depth--;
      return;
    }
    switch (state) {
      case IN_RUN:
        if (depth === 7) {
          if (textTarget === RUN_TEXT) {
            // Each run's text is decoded on its own, as ExcelJS decodes it.
            runsText += decodeExcelEscapes(runText);
            textTarget = NO_TEXT;
          }
        } else if (depth === 6) {
          state = IN_INLINE_STRING;
          hasRuns = true;
        }
        break;
      case IN_INLINE_STRING:
        if (depth === 6) textTarget = NO_TEXT;
        else if (depth === 5) state = IN_CELL;
        break;
      case IN_CELL:
        if (depth === 5) {
          textTarget = NO_TEXT;
        } else if (depth === 4) {
          finishCell();
          state = IN_ROW;
        }
        break;
      case IN_ROW:
        if (depth === 3) {
          if (rowHidden) (rowHasValue ? hiddenRows : hiddenEmptyRows).push(rowNumber);
          lastRowNumber = rowNumber;
          state = IN_SHEET_DATA;
        }
        break;
      default:
        if (depth === 2) {
          if (state === IN_SHEET_DATA) rowsEnded = true;
          state = OUTSIDE;
        }
    }
    depth--;
  };

  const parser = partParser({ open, text: onText, close });

  return {
    write(chunk: string): void {
      parser.write(chunk);
    },
    progress: () => ({ lastRow: rowNumber, rowsEnded }),
    finish(): SheetModel {
      parser.close();
      const ordered = inRowMajorOrder(cells);
      const shown = merges.length ? withoutCoveredCells(ordered, merges) : ordered;
      const read = hyperlinked.size ? asHyperlinkText(shown, hyperlinked) : shown;
      return {
        name: sheet.name,
        cells: read,
        merges,
        hiddenRows: hiddenRowsOf(hiddenRows, hiddenEmptyRows, merges),
        hiddenColumns: hiddenColumnsOf(columnRanges),
        visibility: sheet.visibility,
      };
    },
  };
}

/** An OOXML boolean attribute as ExcelJS reads it (utils.parseBoolean). */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** The column of an A1 reference ("$AB$12" is 28); 0 when it has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    // Lower-cased (setting bit 0x20 leaves "$" and digits as they are), so "ab12" reads as "AB12".
    const code = ref.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) col = col * 26 + code - 0x60;
    else if (code !== 0x24 || col) break; // a leading "$" is skipped; anything after the letters ends them
  }
  return col;
}

/** The row of an A1 reference; 0 when it has no row digits. */
function rowOf(ref: string): number {
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) row = row * 10 + code - 0x30;
    else if (row) break;
  }
  return row;
}

/** An area such as "B2:D4" (corners in either order) or a single cell "B2", normalised top-left to bottom-right. */
function parseArea(ref: string): MergedArea | null {
  const colon = ref.indexOf(':');
  const from = colon < 0 ? ref : ref.slice(0, colon);
  const to = colon < 0 ? ref : ref.slice(colon + 1);
  const top = rowOf(from);
  const left = columnOf(from);
  const bottom = rowOf(to);
  const right = columnOf(to);
  if (!top || !left || !bottom || !right) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function positionKey(row: number, col: number): number {
  return row * (MAX_COLUMN + 1) + col;
}

/**
 * A value of a `t="d"` cell: an ISO 8601 date, with or without a time. With a time zone it is the UTC date, as the
 * ExcelJS reader dates any instant; without one the date as written.
 */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*(Z|[+-]\d{2}:\d{2})?)?$/;

function isoDateValue(text: string): CellValue | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return null;
  if (match[4]) {
    const instant = new Date(text.trim());
    return Number.isNaN(instant.getTime()) ? null : { type: 'date', value: instant.toISOString().slice(0, 10) };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  return { type: 'date', value: `${match[1]}-${match[2]}-${match[3]}` };
}

/**
 * The cells merged areas do not hide: a merged area shows only its top-left cell, so values left in the rest of
 * it are not read. One sweep down the rows, holding only the areas that span the current row. The reader's own list
 * is kept in place, less the hidden cells: a copy of a big sheet's list (its 300,000 cells) outlived the young
 * generation while it was made.
 */
function withoutCoveredCells(cells: CellModel[], merges: MergedArea[]): CellModel[] {
  const byTop = merges.slice().sort((a, b) => a.top - b.top);
  const active: MergedArea[] = [];
  let kept = 0;
  let nextMerge = 0;
  let currentRow = 0;
  // Counted loops, not for-of: this runs once a sheet, so much of it before V8 optimises it, and unoptimised for-of
  // made an object for each step (14 MB at 50,000 actions).
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.row !== currentRow) {
      currentRow = cell.row;
      let live = 0;
      for (let a = 0; a < active.length; a++) if (active[a].bottom >= currentRow) active[live++] = active[a];
      active.length = live;
      while (nextMerge < byTop.length && byTop[nextMerge].top <= currentRow) {
        const area = byTop[nextMerge++];
        if (area.bottom >= currentRow) active.push(area);
      }
    }
    let covered = false;
    for (let a = 0; a < active.length; a++) {
      const area = active[a];
      if (cell.col >= area.left && cell.col <= area.right && (cell.row !== area.top || cell.col !== area.left)) {
        covered = true;
        break;
      }
    }
    if (!covered) cells[kept++] = cell;
  }
  cells.length = kept;
  return cells;
}

/**
 * Cells with an external hyperlink as ExcelJS reads them: the link's text only, so a formula is dropped and a
 * value that is not text (a number, a date) is not read.
 */
function asHyperlinkText(cells: CellModel[], hyperlinked: Set<number>): CellModel[] {
  const read: CellModel[] = [];
  for (const cell of cells) {
    if (!hyperlinked.has(positionKey(cell.row, cell.col))) {
      read.push(cell);
    } else if (cell.value.type === 'text' && cell.value.value !== '') {
      delete cell.formula;
      read.push(cell);
    }
  }
  return read;
}

/**
 * Hidden rows, as ExcelJS lists them: rows holding a value, and rows without one that a merged area covers
 * beyond its top-left cell (ExcelJS fills the area with cells, and so counts the row).
 */
function hiddenRowsOf(withValues: number[], empty: number[], merges: MergedArea[]): number[] {
  const rows = withValues.slice();
  if (empty.length && merges.length) {
    const spans = merges
      .map((m) => ({ from: m.right > m.left ? m.top : m.top + 1, to: m.bottom }))
      .filter((span) => span.from <= span.to)
      .sort((a, b) => a.from - b.from);
    // The union of the spans, as disjoint ascending intervals, searched by halving for each row.
    const union: { from: number; to: number }[] = [];
    for (const span of spans) {
      const last = union[union.length - 1];
      if (last && span.from <= last.to + 1) last.to = Math.max(last.to, span.to);
      else union.push({ ...span });
    }
    for (const row of empty) {
      let low = 0;
      let high = union.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (union[mid].to < row) low = mid + 1;
        else if (union[mid].from > row) high = mid - 1;
        else {
          rows.push(row);
          break;
        }
      }
    }
  }
  rows.sort((a, b) => a - b);
  return rows.filter((row, i) => i === 0 || row !== rows[i - 1]);
}

/**
 * Hidden columns from <col> ranges, as ExcelJS expands them (Column.fromModel): ranges in order of their first
 * column, each adding only the columns past those already given, every column of a hidden range listed. Bounded
 * by Excel's last column, so a range with a bogus max costs nothing more.
 */
function hiddenColumnsOf(ranges: ColumnRange[]): number[] {
  const hidden: number[] = [];
  let next = 1;
  for (const range of ranges.slice().sort((a, b) => a.min - b.min)) {
    if (next < range.min) next = range.min;
    const last = Math.min(range.max, MAX_COLUMN);
    if (range.hidden) for (let col = next; col <= last; col++) hidden.push(col);
    if (last >= next) next = last + 1;
  }
  return hidden;
}
