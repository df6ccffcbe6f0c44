/**
 * The cells below a header that content evidence reads: data rows (two values or more) up to a repeat of the header,
 * each cell with whether it is a real date and whether it is its own or shown from a merged area above. `labels`
 * are the header's, by column.
 */
import { cellText, SheetGrid } from '../../workbook';
import { isKeyLabel } from '../boundaries';
import { ColumnProfile, individuality, SampleCell } from './content';

/** Rows of data sampled below a header, to read the columns by what they hold. */
export const SAMPLE_ROWS = 30;
/** How far below a header to look for them. */
const SAMPLE_SPAN = 120;

/**
 * What each column holds in the data rows below `headerRow` (rows with two values or more, up to a repeated header
 * or another table's header).
 */
export function sampleBelow(grid: SheetGrid, headerRow: number, cols: number[], labels: Map<number, string>): Map<number, ColumnProfile> {
  const cells = new Map<number, SampleCell[]>(cols.map((c) => [c, []]));
  const rowNumbers = grid.rowNumbers;
  let rows = 0;
  for (let i = firstIndexAfter(rowNumbers, headerRow); i < rowNumbers.length && rows < SAMPLE_ROWS; i++) {
    const r = rowNumbers[i];
    if (r > headerRow + SAMPLE_SPAN) break;
    // Another table's header below a blank row (a row of bold labels, under a one-cell caption or none) ends this
    // one: its columns hold other things.
    if (r > headerRow + 1 && afterGap(grid, rowNumbers, i) && (startsAnotherTable(grid, r) || labelsLegend(grid, r) || numbersPage(grid, r))) break;
    const found: [number, SampleCell][] = [];
    let sameAsHeader = 0;
    for (const c of cols) {
      const shown = grid.shown(r, c);
      const text = cellText(shown?.value).trim();
      if (!text) continue;
      if (text === labels.get(c)) sameAsHeader++;
      const merge = grid.merge(r, c);
      // A value merged across from a column to the left (a heading over the table's width) is that column's alone.
      if (merge && merge.left < c) continue;
      found.push([c, { text, date: shown?.value.type === 'date', own: !(merge && merge.top < r) }]);
    }
    if (sameAsHeader >= 2) break;
    if (found.length < 2) continue;
    rows++;
    for (const [c, cell] of found) cells.get(c)!.push(cell);
  }
  return new Map(cols.map((c) => [c, { rows, cells: cells.get(c)!, individuality: individuality(rows, cells.get(c)!) }]));
}

/** Whether the row at `i` follows a blank row, directly or under a one-cell caption that does. */
function afterGap(grid: SheetGrid, rowNumbers: number[], i: number): boolean {
  const r = rowNumbers[i];
  if (i > 0 && rowNumbers[i - 1] < r - 1) return true;
  return i > 1 && rowNumbers[i - 1] === r - 1 && rowNumbers[i - 2] < r - 2 && grid.rowCells(r - 1).length === 1;
}

/** A row whose one cell is a legend's label ("Status key"): the legend's entries below are no data of the table. */
function labelsLegend(grid: SheetGrid, row: number): boolean {
  const cells = grid.rowCells(row).filter((c) => cellText(c.value).trim());
  return cells.length === 1 && isKeyLabel(cellText(cells[0].value));
}

/** A row holding a page number ("Page 2 of 4"): a print line at the foot of the page, not data. */
function numbersPage(grid: SheetGrid, row: number): boolean {
  return grid.rowCells(row).some((c) => /^page \d+( of \d+)?$/i.test(cellText(c.value).trim()));
}

/** A row of two or more cells, every one bold: how a table's header is set, and data rows seldom are. */
function startsAnotherTable(grid: SheetGrid, row: number): boolean {
  const cells = grid.rowCells(row).filter((c) => cellText(c.value).trim());
  return cells.length >= 2 && cells.every((c) => c.bold);
}

export function firstIndexAfter(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
