/**
 * The simulator's workbook: plain data, no proxies. The proxies in objects.ts read and change it only while a
 * context.sync() runs, which is what makes read-before-sync bugs visible in tests.
 */
import { boundingRect, Rect } from '../excel/address';

export type SimScalar = string | number | boolean;

export interface SimBorder {
  style: string;
  color: string;
  weight: string;
}

export interface SimCellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB" */
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borders?: Record<string, SimBorder>;
}

export interface SimCell {
  /** The value shown (a formula's cached result); null when empty. Errors are their text ("#N/A") with error: true. */
  value: SimScalar | null;
  error?: boolean;
  /** With the leading "=". */
  formula?: string;
  /** Undefined means "General". */
  numberFormat?: string;
  format?: SimCellFormat;
}

export interface SimTable {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showBandedRows: boolean;
}

/** A workbook-scoped defined name (Excel's NamedItem): what it refers to, as a formula ("=Sheet1!$A$1"). */
export interface SimName {
  name: string;
  formula: string;
}

export interface SimValidation {
  rect: Rect;
  rule: { list?: { inCellDropDown: boolean; source: string } } & Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface SimConditionalFormat {
  id: string;
  rect: Rect;
  type: string;
  formula?: string;
  /** CellValue rules: the comparison and its operands (formula1, and formula2 for Between / NotBetween). */
  operator?: string;
  formula1?: string;
  formula2?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  barColor?: string;
  lowerBound?: string;
  upperBound?: string;
  priority: number;
  stopIfTrue: boolean;
}

export interface SimChart {
  id: string;
  name: string;
  chartType: string;
  source: Rect;
  seriesBy?: string;
  title?: string;
  /** The cells the chart covers, once positioned. */
  position?: { from: string; to: string };
}

export interface SimPage {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: Rect | null;
  /** Manual page breaks: each the 0-based row that starts a new page. */
  rowBreaks?: number[];
  footers: { left: string; center: string; right: string };
  headers: { left: string; center: string; right: string };
}

export interface SimSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  deleted: boolean;
  /** row → col → cell, 0-based. */
  cells: Map<number, Map<number, SimCell>>;
  merges: Rect[];
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  validations: SimValidation[];
  conditionalFormats: SimConditionalFormat[];
  charts: SimChart[];
  freeze: { rows: number; columns: number } | null;
  page: SimPage;
}

export interface SimWorkbookState {
  sheets: SimSheet[];
  tables: SimTable[];
  /** Defined names: they share one namespace with the tables (see tables.ts). */
  names: SimName[];
  settings: Map<string, unknown>;
  selection: { sheetId: string; rect: Rect } | null;
  activeSheetId: string | null;
  nextId: number;
}

/** Excel's default column width: 8.43 characters, 64 px, 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;

export function emptyState(): SimWorkbookState {
  return { sheets: [], tables: [], names: [], settings: new Map(), selection: null, activeSheetId: null, nextId: 1 };
}

export function newSheet(state: SimWorkbookState, name: string): SimSheet {
  const id = `{${String(state.nextId++).padStart(8, '0')}-0001-0000-0000-000000000000}`;
  return {
    id,
    name,
    visibility: 'Visible',
    deleted: false,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    validations: [],
    conditionalFormats: [],
    charts: [],
    freeze: null,
    page: { footers: { left: '', center: '', right: '' }, headers: { left: '', center: '', right: '' } },
  };
}

export function liveSheets(state: SimWorkbookState): SimSheet[] {
  return state.sheets.filter((s) => !s.deleted);
}

export function getCell(sheet: SimSheet, row: number, col: number): SimCell | undefined {
  return sheet.cells.get(row)?.get(col);
}

export function ensureCell(sheet: SimSheet, row: number, col: number): SimCell {
  let line = sheet.cells.get(row);
  if (!line) sheet.cells.set(row, (line = new Map()));
  let cell = line.get(col);
  if (!cell) line.set(col, (cell = { value: null }));
  return cell;
}

export function hasValue(cell: SimCell | undefined): boolean {
  return !!cell && (cell.value !== null || cell.formula !== undefined);
}

function hasFormatting(cell: SimCell): boolean {
  return cell.numberFormat !== undefined || (cell.format !== undefined && Object.keys(cell.format).length > 0);
}

/** The used range as Excel computes it: the smallest rectangle holding every value (and, unless valuesOnly, every formatted cell), of the sheet or of a range. */
export function usedRect(sheet: SimSheet, valuesOnly: boolean, within?: Rect): Rect | null {
  let rect: Rect | null = null;
  for (const [row, line] of sheet.cells) {
    if (within && (row < within.row || row >= within.row + within.rows)) continue;
    for (const [col, cell] of line) {
      if (within && (col < within.col || col >= within.col + within.cols)) continue;
      if (!(hasValue(cell) || (!valuesOnly && hasFormatting(cell)))) continue;
      const here = { row, col, rows: 1, cols: 1 };
      rect = rect ? boundingRect(rect, here) : here;
    }
  }
  return rect;
}

/** Every cell in a rectangle that exists in the sparse map (never iterates empty space). */
export function* cellsIn(sheet: SimSheet, rect: Rect): Generator<[number, number, SimCell]> {
  const rows = rect.rows < sheet.cells.size ? range(rect.row, rect.rows) : [...sheet.cells.keys()].filter((r) => r >= rect.row && r < rect.row + rect.rows);
  for (const row of rows) {
    const line = sheet.cells.get(row);
    if (!line) continue;
    for (const [col, cell] of line) if (col >= rect.col && col < rect.col + rect.cols) yield [row, col, cell];
  }
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

export function cloneState(state: SimWorkbookState): SimWorkbookState {
  const copyCell = (c: SimCell): SimCell => ({
    ...c,
    format: c.format ? { ...c.format, borders: c.format.borders ? { ...c.format.borders } : undefined } : undefined,
  });
  return {
    ...state,
    sheets: state.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([r, line]) => [r, new Map([...line].map(([c, cell]) => [c, copyCell(cell)]))])),
      merges: s.merges.map((m) => ({ ...m })),
      columnWidths: new Map(s.columnWidths),
      validations: s.validations.map((v) => JSON.parse(JSON.stringify(v))),
      conditionalFormats: s.conditionalFormats.map((c) => ({ ...c, rect: { ...c.rect } })),
      charts: s.charts.map((c) => ({ ...c })),
      freeze: s.freeze ? { ...s.freeze } : null,
      page: JSON.parse(JSON.stringify(s.page)),
    })),
    tables: state.tables.map((t) => ({ ...t, rect: { ...t.rect } })),
    names: state.names.map((n) => ({ ...n })),
    settings: new Map(state.settings),
    selection: state.selection ? { ...state.selection } : null,
  };
}
