/**
 * A row as the row classifier sees it: its own tidy cell texts (merged areas counted once, where they start),
 * and the tests on that content that tell a heading from a row of data.
 */
import { isWhiteSpace } from '../text';
import { cellText, MergedArea, SheetGrid } from '../workbook';
import { HeaderBlock } from './columns';
import { headingKind } from './headings';

export interface RowContent {
  row: number;
  cells: { col: number; text: string; merge?: MergedArea; bold: boolean }[];
}

/** Whether a merged area covers the cell without starting at it: the area's value counts only where it starts. */
function coveredByMerge(merge: MergedArea | undefined, row: number, col: number): boolean {
  return merge !== undefined && (merge.top !== row || merge.left !== col);
}

/** The cells a row itself holds: its own values and merged areas that start on it. */
export function ownContent(grid: SheetGrid, row: number): RowContent {
  const cells: RowContent['cells'] = [];
  for (let i = grid.rowFrom(row), to = grid.rowTo(row); i < to; i++) {
    const cell = grid.cellAt(i);
    const col = cell.col;
    const merge = grid.merge(row, col);
    if (coveredByMerge(merge, row, col)) continue;
    const text = tidyCell(cellText(cell.value));
    if (text) cells.push({ col, text, merge, bold: !!cell.bold });
  }
  return { row, cells };
}

/** A character that is not white space: a cell's text keeps some once tidied exactly when it has one. */
const NOT_SPACE = /\S/;

/**
 * Whether a row holds two cells of its own or more (as ownContent counts them) and none past `lastCol`: a row the
 * classifier takes for data without reading its cells' words. Counted in place: ownContent made an object for each
 * cell of every row of a sheet (about 30 MB at 50,000 actions) only for most rows to be counted.
 */
export function hasTwoCellsWithin(grid: SheetGrid, row: number, lastCol: number): boolean {
  let inside = 0;
  for (let i = grid.rowFrom(row), to = grid.rowTo(row); i < to; i++) {
    const cell = grid.cellAt(i);
    const col = cell.col;
    if (coveredByMerge(grid.merge(row, col), row, col) || !NOT_SPACE.test(cellText(cell.value))) continue;
    if (col > lastCol) return false;
    inside++;
  }
  return inside >= 2;
}

/**
 * Something the line-by-line tidy below would change: a tab, a double space, a blank line, or a line that starts
 * or ends with white space. The same as /\t| {2}|^\s|\s$|\s\n|\n\s/, asked of every cell: the ends are looked at
 * directly and the rest by INNER_UNTIDY's compiled scan, a third quicker than a loop over the characters was.
 */
export function isUntidy(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  return isWhiteSpace(text.charCodeAt(0)) || isWhiteSpace(text.charCodeAt(last)) || INNER_UNTIDY.test(text);
}

/** A tab, a double space, or a line break with white space beside it. */
const INNER_UNTIDY = /\t| {2}|\s\n|\n\s/;

export function tidyCell(text: string): string {
  // Most cells are already tidy, multi-line ones included: skip the split and join (this runs for every cell of
  // every row, twice).
  if (!isUntidy(text)) return text;
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export const TITLE_LIKE = /\b(19|20)\d{2}\b|\b(plan|strategy|appendix|draft|inspection|report|council|directorate)\b/i;

export function isSingleText(content: RowContent): boolean {
  return content.cells.length === 1;
}

export function looksLikeHeading(content: RowContent, actionCols: Set<number>): boolean {
  if (!isSingleText(content)) return false;
  const cell = content.cells[0];
  if (cell.merge && cell.merge.right > cell.merge.left) return true;
  if (cell.bold) return true;
  if (!actionCols.has(cell.col) && headingKind(cell.text) !== 'plain') return true;
  return false;
}

export function actionColumns(header: HeaderBlock): Set<number> {
  return new Set(header.columns.filter((c) => c.field === 'action').map((c) => c.col));
}
