/** Reading cells under a KPI header: by column, row by row, skipping headers repeated further down. */
import { normalise } from '../../text';
import { CellModel, cellText, SheetGrid, SheetModel } from '../../workbook';
import { KpiColumn, KpiHeader } from '../headers';
import { isPercentFormat, numberOf } from './numbers';
import { addToGroup } from '../../group';

export function cellOf(grid: SheetGrid, row: number, column: KpiColumn | undefined): CellModel | undefined {
  if (!column) return undefined;
  // Most data sheets have no merged cells: skip the merge lookup for them.
  return grid.sheet.merges.length ? grid.shown(row, column.col) : grid.own(row, column.col);
}

export function textOf(grid: SheetGrid, row: number, column: KpiColumn | undefined): string {
  const cell = cellOf(grid, row, column);
  return cell ? cellText(cell.value).trim() : '';
}

export function isRepeatedHeader(grid: SheetGrid, row: number, header: KpiHeader): boolean {
  // Cheap first: a repeated header repeats the first header cell's words somewhere in the row's first labels.
  const first = header.columns[0];
  const second = header.columns[1];
  const quick = (c: KpiColumn) => textOf(grid, row, c).toLowerCase() === c.label.trim().toLowerCase();
  if (!quick(first) && !(second && quick(second))) {
    let cheap = 0;
    for (const c of header.columns.slice(2)) if (quick(c)) cheap++;
    if (cheap < 2) return false;
  }
  let same = 0;
  for (const c of header.columns) if (normalise(textOf(grid, row, c)) === normalise(c.label)) same++;
  return same >= 2;
}

/** Majority vote: do the numeric cells show fractions as percentages? */
export function percentFactor(cells: (CellModel | undefined)[]): number {
  let numeric = 0;
  let percent = 0;
  for (const c of cells) {
    if (!c || numberOf(c.value) === null) continue;
    numeric++;
    if (isPercentFormat(c)) percent++;
  }
  return numeric > 0 && percent * 2 > numeric ? 100 : 1;
}


/**
 * Visits the rows below a header with the cells of the given columns (the array is reused: copy what you keep). A
 * data sheet can hold tens of thousands of rows, so a sheet without merged cells is read in one pass over its
 * row-major cells rather than through the grid.
 */
export function forEachDataRow(
  sheet: SheetModel,
  grid: SheetGrid | null,
  header: KpiHeader,
  columns: (KpiColumn | undefined)[],
  visit: (row: number, cells: (CellModel | undefined)[]) => void,
): void {
  if (sheet.merges.length || grid) {
    const full = grid ?? new SheetGrid(sheet);
    for (const row of full.rowNumbers) if (row > header.row) visit(row, columns.map((c) => cellOf(full, row, c)));
    return;
  }
  const slots = new Map<number, number[]>();
  columns.forEach((c, i) => {
    if (c) addToGroup(slots, c.col, i);
  });
  const cells: (CellModel | undefined)[] = new Array(columns.length).fill(undefined);
  let current = -1;
  for (const cell of sheet.cells) {
    if (cell.row <= header.row) continue;
    if (cell.row !== current) {
      if (current !== -1) visit(current, cells);
      current = cell.row;
      cells.fill(undefined);
    }
    const at = slots.get(cell.col);
    if (at) for (const i of at) cells[i] = cell;
  }
  if (current !== -1) visit(current, cells);
}

export const HEADER_SCAN_ROWS = 30;

/** The sheet's first `rows` rows that hold anything (cells are row-major), with the merges that start there. */
export function headOf(sheet: SheetModel, rows: number): SheetModel {
  let seen = 0;
  let lastRow = 0;
  let end = 0;
  for (; end < sheet.cells.length; end++) {
    const r = sheet.cells[end].row;
    if (r !== lastRow) {
      if (++seen > rows) break;
      lastRow = r;
    }
  }
  return { ...sheet, cells: sheet.cells.slice(0, end), merges: sheet.merges.filter((m) => m.top <= lastRow) };
}

/** Reads every KPI sheet of the workbook. */
