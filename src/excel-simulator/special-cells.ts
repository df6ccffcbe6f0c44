/**
 * Range.getSpecialCells / getSpecialCellsOrNullObject (ExcelApi 1.9): the cells of a range that hold formulas, or
 * constants, as the rectangles of a RangeAreas ("Find special cells within a range", learn.microsoft.com/office/dev/
 * add-ins/excel/excel-add-ins-ranges-special-cells). Only the two cell types the adapter could use are modelled;
 * any other is refused, so that a test never relies on behaviour the simulator only pretends to have. When no cell
 * matches, getSpecialCells fails with ItemNotFound and the OrNullObject form gives a null object, as documented.
 */
import type { Rect } from '../excel/address';
import { invalidArgument } from './errors';
import { cellsIn, SimSheet } from './state';

const MODELLED = new Set(['Formulas', 'Constants']);

/** The matching cells of `rect` as rectangles: runs of columns in a row, joined down the rows they repeat in. */
export function specialCellAreas(sheet: SimSheet, rect: Rect, cellType: string, cellValueType?: string): Rect[] {
  if (!MODELLED.has(cellType)) throw invalidArgument(`The simulator models getSpecialCells for Formulas and Constants only, not "${cellType}".`);
  if (cellValueType !== undefined && cellValueType !== 'All') throw invalidArgument(`The simulator models getSpecialCells for every value type ("All") only, not "${cellValueType}".`);
  const wanted = cellType === 'Formulas';
  const byRow = new Map<number, number[]>();
  for (const [row, col, cell] of cellsIn(sheet, rect)) {
    const holds = cell.formula !== undefined ? wanted : !wanted && cell.value !== null && cell.value !== '';
    if (holds) (byRow.get(row) ?? byRow.set(row, []).get(row)!).push(col);
  }
  const areas: Rect[] = [];
  /** The area ending on the row above, per column span, that a run in this row may extend. */
  let open = new Map<string, Rect>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(row)!.sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const above = open.get(key);
      if (above && above.row + above.rows === row) {
        above.rows++;
        next.set(key, above);
      } else {
        const area = { row, col: cols[i], rows: 1, cols: cols[j] - cols[i] + 1 };
        areas.push(area);
        next.set(key, area);
      }
      i = j + 1;
    }
    open = next;
  }
  return areas.sort((a, b) => a.row - b.row || a.col - b.col);
}
