/**
 * The cells below a header that content evidence reads: data rows (two values or more) up to a repeat of the header,
 * each cell with whether it is a real date and whether it is its own or shown from a merged area above. `labels`
 * are the header's, by column.
 */
import { cellText, SheetGrid } from '../../workbook';
import { ColumnProfile, individuality, SampleCell } from './content';

/** Rows of data sampled below a header, to read the columns by what they hold. */
export const SAMPLE_ROWS = 30;
/** How far below a header to look for them. */
const SAMPLE_SPAN = 120;

/** What each column holds in the data rows below `headerRow` (rows with two values or more, up to a repeated header). */
export function sampleBelow(grid: SheetGrid, headerRow: number, cols: number[], labels: Map<number, string>): Map<number, ColumnProfile> {
  const cells = new Map<number, SampleCell[]>(cols.map((c) => [c, []]));
  const rowNumbers = grid.rowNumbers;
  let rows = 0;
  for (let i = firstIndexAfter(rowNumbers, headerRow); i < rowNumbers.length && rows < SAMPLE_ROWS; i++) {
    const r = rowNumbers[i];
    if (r > headerRow + SAMPLE_SPAN) break;
    const found: [number, SampleCell][] = [];
    let sameAsHeader = 0;
    for (const c of cols) {
      const shown = grid.shown(r, c);
      const text = cellText(shown?.value).trim();
      if (!text) continue;
      if (text === labels.get(c)) sameAsHeader++;
      const merge = grid.merge(r, c);
      found.push([c, { text, date: shown?.value.type === 'date', own: !(merge && merge.top < r) }]);
    }
    if (sameAsHeader >= 2) break;
    if (found.length < 2) continue;
    rows++;
    for (const [c, cell] of found) cells.get(c)!.push(cell);
  }
  return new Map(cols.map((c) => [c, { rows, cells: cells.get(c)!, individuality: individuality(rows, cells.get(c)!) }]));
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
