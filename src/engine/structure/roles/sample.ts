/**
 * The cells below a header that content evidence reads: data rows (two values or more) up to a repeat of the header,
 * each cell with whether it is a real date and whether it is its own or shown from a merged area above. `labels`
 * are the header's, by column.
 */
import { cellText, SheetGrid } from '../../workbook';
import { isKeyLabel, isPageText } from '../boundaries';
import { ColumnProfile, individuality, SampleCell } from './content';
import { headerEvidence } from './header-words';

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
  const within = new Set(cols);
  // Rows with something in the table's columns, the last two: a row with nothing there (a legend's label off to the
  // side) is a blank row to the table.
  let lastFilled = headerRow;
  // Whether every row since the last blank row has held one value only (captions and headings over the width).
  let captionsSinceGap = false;
  for (let i = firstIndexAfter(rowNumbers, headerRow); i < rowNumbers.length && rows < SAMPLE_ROWS; i++) {
    const r = rowNumbers[i];
    if (r > headerRow + SAMPLE_SPAN) break;
    const found: [number, SampleCell][] = [];
    let sameAsHeader = 0;
    let filled = 0;
    for (const c of cols) {
      const shown = grid.shown(r, c);
      const text = cellText(shown?.value).trim();
      if (!text) continue;
      filled++;
      if (text === labels.get(c)) sameAsHeader++;
      const merge = grid.merge(r, c);
      // A value merged across from a column to the left (a heading over the table's width) is that column's alone.
      if (merge && merge.left < c) continue;
      found.push([c, { text, date: shown?.value.type === 'date', own: !(merge && merge.top < r) }]);
    }
    if (!filled) continue;
    // Another table's header below a blank row (a row of bold labels, under a one-cell caption or none) ends this
    // one: its columns hold other things; so do a legend and a page line.
    const gap = lastFilled < r - 1 || captionsSinceGap;
    if (r > headerRow + 1 && gap && (startsAnotherTable(grid, r, within) || labelsLegend(grid, r, within) || pageLine(grid, r, within) || namesColumns(grid, r, within))) break;
    // One value (a merged heading counts once) after a blank row, or after such rows, keeps the gap open.
    captionsSinceGap = found.length <= 1 && (lastFilled < r - 1 || captionsSinceGap);
    lastFilled = r;
    if (sameAsHeader >= 2) break;
    if (found.length < 2) continue;
    rows++;
    for (const [c, cell] of found) cells.get(c)!.push(cell);
  }
  return new Map(cols.map((c) => [c, { rows, cells: cells.get(c)!, individuality: individuality(rows, cells.get(c)!) }]));
}

/**
 * A row that opens with a legend's label ("Status key", "Key:"), alone or with its entries across the row: the
 * legend is no data of the table.
 */
function labelsLegend(grid: SheetGrid, row: number, cols: ReadonlySet<number>): boolean {
  const first = filledCells(grid, row, cols)[0];
  return !!first && isKeyLabel(cellText(first.value));
}

/**
 * A page or document line: a page number anywhere in the row ("Page 2 of 4"), or a row that opens with a sign-off,
 * version or review label ("Signed off by:", "Version 3"). It belongs to the page, not the table.
 */
function pageLine(grid: SheetGrid, row: number, cols: ReadonlySet<number>): boolean {
  const cells = filledCells(grid, row, cols);
  return cells.some((c) => /^page \d+( of \d+)?$/i.test(cellText(c.value).trim())) || (!!cells.length && isPageText(cellText(cells[0].value)));
}

/**
 * A row of brief labels, one of which surely names a column's role ("Line | Commitment"): another table's header,
 * however it is set.
 */
function namesColumns(grid: SheetGrid, row: number, cols: ReadonlySet<number>): boolean {
  const cells = filledCells(grid, row, cols);
  if (cells.length < 2) return false;
  const texts = cells.map((c) => cellText(c.value).trim());
  if (texts.some((t) => t.length > HEADER_LABEL || /[.!]$/.test(t))) return false;
  return texts.some((t) => Object.values(headerEvidence(t)).some((e) => e.score >= SURE_HEADER));
}

/** The longest a header label runs, and how sure its words must be of a role to mark a header. */
const HEADER_LABEL = 40;
const SURE_HEADER = 0.75;

/** A row of two or more cells, every one bold: how a table's header is set, and data rows seldom are. */
function startsAnotherTable(grid: SheetGrid, row: number, cols: ReadonlySet<number>): boolean {
  const cells = filledCells(grid, row, cols);
  return cells.length >= 2 && cells.every((c) => c.bold);
}

/** The row's own filled cells in the table's columns: a legend beside the table is no part of the row. */
function filledCells(grid: SheetGrid, row: number, cols: ReadonlySet<number>) {
  return grid.rowCells(row).filter((c) => cols.has(c.col) && cellText(c.value).trim());
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
