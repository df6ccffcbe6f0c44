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

export function columnLetters(col: number): string {
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
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
export class SheetGrid {
  readonly rows = new Map<number, Map<number, CellModel>>();
  readonly rowNumbers: number[];
  readonly maxCol: number;
  /**
   * Merged area by row, then column. Two small-number keys rather than one combined key: row × 20,000 + column
   * passes V8's small-integer range after row 53,687, and every lookup then hashed a heap number.
   */
  private readonly mergeAt = new Map<number, Map<number, MergedArea>>();
  /** Merged areas by each row they cover. */
  private readonly mergesOnRow = new Map<number, MergedArea[]>();

  constructor(readonly sheet: SheetModel) {
    let maxCol = 0;
    for (const cell of sheet.cells) {
      let row = this.rows.get(cell.row);
      if (!row) this.rows.set(cell.row, (row = new Map()));
      row.set(cell.col, cell);
      if (cell.col > maxCol) maxCol = cell.col;
    }
    for (const m of sheet.merges) {
      // Only index merges of a sane size: a merged area of a whole column would otherwise cost a million keys.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
      for (let r = m.top; r <= m.bottom; r++) {
        let byCol = this.mergeAt.get(r);
        if (!byCol) this.mergeAt.set(r, (byCol = new Map()));
        for (let c = m.left; c <= m.right; c++) byCol.set(c, m);
        const onRow = this.mergesOnRow.get(r);
        if (onRow) onRow.push(m);
        else this.mergesOnRow.set(r, [m]);
      }
      if (m.right > maxCol && this.rows.has(m.top)) maxCol = Math.max(maxCol, m.right);
    }
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
    this.maxCol = maxCol;
  }

  /**
   * The columns of a row that show anything: its own cells and the columns merged areas cover on it, in order.
   * Walking these instead of every column up to maxCol keeps a stray value at column XFD from costing 16,384
   * steps a row.
   */
  columnsShown(row: number): number[] {
    const cols = new Set<number>(this.rows.get(row)?.keys() ?? []);
    for (const m of this.mergesOnRow.get(row) ?? []) for (let c = m.left; c <= m.right; c++) cols.add(c);
    return [...cols].sort((a, b) => a - b);
  }

  /** The cell itself, ignoring merges. */
  own(row: number, col: number): CellModel | undefined {
    return this.rows.get(row)?.get(col);
  }

  merge(row: number, col: number): MergedArea | undefined {
    return this.mergeAt.get(row)?.get(col);
  }

  /** The cell as shown: a cell covered by a merge shows the merge's top-left value. */
  shown(row: number, col: number): CellModel | undefined {
    const m = this.mergeAt.get(row)?.get(col);
    return m ? this.own(m.top, m.left) : this.own(row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.shown(row, col)?.value).trim();
  }
}
