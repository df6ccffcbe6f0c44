/**
 * The workbook model the engine reads: sheets of typed cells, merged areas and hidden rows and columns.
 * Adapters (src/xlsx, src/excel) build it; the engine never sees ExcelJS or Office.js objects.
 * Rows and columns are 1-based, as Excel numbers them. Cells are sparse, so a stray value at XFD1048576 costs
 * one cell, not a 17-billion-cell grid.
 */

export type CellValue =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  /** A real date, as YYYY-MM-DD (time of day dropped: plans work in days). */
  | { type: 'date'; value: string }
  | { type: 'boolean'; value: boolean }
  /** An Excel error such as #N/A or #REF!. */
  | { type: 'error'; value: string };

export interface CellModel {
  row: number;
  col: number;
  value: CellValue;
  /** The formula (without "="), when the cell holds one; value is then its cached result. */
  formula?: string;
  numFmt?: string;
  bold?: boolean;
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetModel {
  name: string;
  /** Cells in row-major order. */
  cells: CellModel[];
  merges: MergedArea[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** 'hidden' or 'veryHidden' for sheets the officer cannot see. */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

/** Letters already worked out, by column: a plan of 50,000 rows asks for the same few thousands of times. */
const lettersByColumn: string[] = [];

export function columnLetters(col: number): string {
  const known = lettersByColumn[col];
  if (known !== undefined) return known;
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  // Excel's last column is XFD (16,384); anything wider is not kept.
  if (Number.isInteger(col) && col > 0 && col <= 16_384) lettersByColumn[col] = letters;
  return letters;
}

/**
 * Whole numbers from 0 up to this have their text kept once made (integerText): Excel's last row is 1,048,576, and a
 * plan's rows, counts and date serials all fall below it.
 */
const KEPT_INTEGERS = 1_048_576;
/**
 * The kept texts in pages of 1,024 numbers, made as first needed: one list indexed up to a million would be a slow
 * dictionary in V8 once a date serial (45,000) came before the rows below it.
 */
const INTEGER_PAGE_BITS = 10;
const integerPages: (string | undefined)[][] = [];

/**
 * A number's text, as String(n) gives it; a whole number's is kept once made and handed back after.
 *
 * Why not String(n) every time: V8 keeps the text of the last few thousand numbers it turned into text (16,384 of
 * them, in a table of its own), and each young-generation collection copied every text in that table that was made
 * since the one before: a plan's row numbers, addresses and date serials, 400 KB at every collection of a 50,000-
 * action run, which made each one take about a millisecond longer. A text kept here is made once, and outlives the
 * young generation once.
 */
export function integerText(n: number): string {
  if (!(n >= 0 && n <= KEPT_INTEGERS && Number.isInteger(n))) return String(n);
  const page = (integerPages[n >> INTEGER_PAGE_BITS] ??= new Array<string | undefined>(1 << INTEGER_PAGE_BITS));
  const at = n & ((1 << INTEGER_PAGE_BITS) - 1);
  return (page[at] ??= String(n));
}

export function a1(row: number, col: number): string {
  return columnLetters(col) + integerText(row);
}

/** A sheet name always quoted, as the tool writes it in formulas and defined names: 'KPI Data', 'Plan'. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sheet name as Excel writes it before "!" in a reference, quoted unless it is a plain name that could not be read
 * as a cell, row or column in either reference style (A1, or R1C1's R2C3, R, C5): 'Action Plan'!A1, Plan!A1.
 * Excel's Go To box takes a reference only in this form.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C?\d*|C\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function parseA1(address: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, '').toUpperCase());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  let col = 0;
  for (const ch of match[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** The text a cell shows, for matching and for keeping the officer's words. */
export function cellText(value: CellValue | undefined): string {
  if (!value) return '';
  switch (value.type) {
    case 'text':
      return value.value;
    case 'number':
      return formatNumber(value.value);
    case 'date': {
      const [y, m, d] = value.value.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
    case 'error':
      return value.value;
  }
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // Avoid binary noise such as 0.30000000000000004 while keeping the officer's precision.
  return String(Number(n.toPrecision(12)));
}

/** Row-major index over a sheet's sparse cells, with merged areas resolved to their top-left cell. */
const NO_CELLS: readonly CellModel[] = [];
/** Up to this many merged areas on a row, a lookup searches them; beyond it, it uses a map by column. */
const MERGES_SEARCHED = 16;

/**
 * Cells sorted row-major, each row's in column order; of two cells at one position the later in the list wins (as
 * it does in ExcelJS, and as the model's later cell does). The list itself when it is in that order already, as a
 * file read in order is; otherwise a new list (the one given is never changed). The xlsx reader sorts a sheet
 * written out of order with it, and SheetGrid any model it is given.
 */
export function inRowMajorOrder(cells: CellModel[]): CellModel[] {
  let ordered = true;
  for (let i = 1; i < cells.length && ordered; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    ordered = a.row < b.row || (a.row === b.row && a.col < b.col);
  }
  if (ordered) return cells;
  // Array.prototype.sort is stable, so cells at one position keep their order and the last of them is kept.
  const sorted = cells.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  const unique: CellModel[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1];
    if (!next || next.row !== sorted[i].row || next.col !== sorted[i].col) unique.push(sorted[i]);
  }
  return unique;
}

export class SheetGrid {
  /**
   * The cells in row-major order (inRowMajorOrder), and where each row's run of them starts and ends, by row
   * number. Runs in one list rather than a list a row: at 50,000 actions a plan sheet has 50,000 rows, and a list
   * for each (all outliving the young generation) cost the garbage collector as much as the cells. Lists indexed by
   * row number rather than maps: the structure reader asks for a row's cells and areas several times a cell, and
   * hashing the row numbers showed in profiles.
   */
  private readonly cells: CellModel[];
  private readonly rowStart: number[] = [];
  private readonly rowEnd: number[] = [];
  readonly rowNumbers: number[];
  readonly maxCol: number;
  /**
   * Merged areas by each row they cover, in the model's order. Searched from the end, so that of two areas over
   * one cell the later wins, as it did when each covered cell was a map entry set in model order. A map by column for every covered row cost
   * as much as the cells' own index at 50,000 rows; rows with many areas get one, made when first asked.
   */
  private readonly mergesOnRow: (MergedArea[] | undefined)[] = [];
  private readonly mergeByColumn = new Map<number, Map<number, MergedArea>>();

  constructor(readonly sheet: SheetModel) {
    const cells = inRowMajorOrder(sheet.cells);
    this.cells = cells;
    let maxCol = 0;
    const rowNumbers: number[] = [];
    for (let i = 0; i < cells.length; i++) {
      const { row, col } = cells[i];
      if (i === 0 || cells[i - 1].row !== row) {
        this.rowStart[row] = i;
        rowNumbers.push(row);
      }
      this.rowEnd[row] = i + 1;
      if (col > maxCol) maxCol = col;
    }
    for (const m of sheet.merges) {
      // Only index merges of a sane size: a merged area of a whole column would otherwise cost a million keys.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        const onRow = this.mergesOnRow[r];
        if (onRow) onRow.push(m);
        else this.mergesOnRow[r] = [m];
      }
      if (m.right > maxCol && this.rowStart[m.top] !== undefined) maxCol = Math.max(maxCol, m.right);
    }
    this.rowNumbers = rowNumbers;
    this.maxCol = maxCol;
  }

  /**
   * The columns of a row that show anything: its own cells and the columns merged areas cover on it, in order.
   * Walking these instead of every column up to maxCol keeps a stray value at column XFD from costing 16,384
   * steps a row.
   */
  columnsShown(row: number): number[] {
    const onRow = this.mergesOnRow[row];
    if (!onRow) {
      // No merged area over the row: its own cells' columns, in order already (most rows, and no set to sort).
      const start = this.rowStart[row];
      const cols: number[] = [];
      if (start !== undefined) for (let i = start; i < this.rowEnd[row]; i++) cols.push(this.cells[i].col);
      return cols;
    }
    const cols = new Set<number>(this.rowCells(row).map((c) => c.col));
    for (const m of onRow) for (let c = m.left; c <= m.right; c++) cols.add(c);
    return [...cols].sort((a, b) => a - b);
  }

  /** Whether the row holds a cell of its own. */
  hasRow(row: number): boolean {
    return this.rowStart[row] !== undefined;
  }

  /**
   * How many of the row's own cells `counts` accepts (all of them when none is given), without making the list of
   * them that rowCells makes: the structure reader asks this of every row, some rows several times.
   */
  countCells(row: number, counts?: (cell: CellModel) => unknown): number {
    const start = this.rowStart[row];
    if (start === undefined) return 0;
    const end = this.rowEnd[row];
    if (!counts) return end - start;
    let n = 0;
    for (let i = start; i < end; i++) if (counts(this.cells[i])) n++;
    return n;
  }

  /**
   * Where the row's own cells lie in the grid's list of cells, for a loop that needs no list of them: indexes from
   * rowFrom up to (not including) rowTo, each read with cellAt. rowCells made a new list for every call, and the
   * structure reader walks every row's cells several times.
   */
  rowFrom(row: number): number {
    return this.rowStart[row] ?? 0;
  }

  rowTo(row: number): number {
    return this.rowEnd[row] ?? 0;
  }

  cellAt(index: number): CellModel {
    return this.cells[index];
  }

  /** The row's own cells (not merged areas' copies), in column order. */
  rowCells(row: number): readonly CellModel[] {
    const start = this.rowStart[row];
    return start === undefined ? NO_CELLS : this.cells.slice(start, this.rowEnd[row]);
  }

  /** The cell itself, ignoring merges. */
  own(row: number, col: number): CellModel | undefined {
    const start = this.rowStart[row];
    if (start === undefined) return undefined;
    const cells = this.cells;
    // Binary search within the row: most rows hold a few cells, but a wide KPI sheet's rows hold dozens.
    let lo = start;
    let hi = this.rowEnd[row] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid].col;
      if (c === col) return cells[mid];
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  merge(row: number, col: number): MergedArea | undefined {
    const onRow = this.mergesOnRow[row];
    if (!onRow) return undefined;
    if (onRow.length > MERGES_SEARCHED) return this.mergesByColumn(row, onRow).get(col);
    for (let i = onRow.length - 1; i >= 0; i--) if (onRow[i].left <= col && col <= onRow[i].right) return onRow[i];
    return undefined;
  }

  /** The cell as shown: a cell covered by a merge shows the merge's top-left value. */
  shown(row: number, col: number): CellModel | undefined {
    const m = this.merge(row, col);
    return m ? this.own(m.top, m.left) : this.own(row, col);
  }

  private mergesByColumn(row: number, onRow: MergedArea[]): Map<number, MergedArea> {
    let byCol = this.mergeByColumn.get(row);
    if (!byCol) {
      byCol = new Map();
      for (const m of onRow) for (let c = m.left; c <= m.right; c++) byCol.set(c, m);
      this.mergeByColumn.set(row, byCol);
    }
    return byCol;
  }

  text(row: number, col: number): string {
    return cellText(this.shown(row, col)?.value).trim();
  }
}
