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

/** The cells a row itself holds: its own values and merged areas that start on it. */
export function ownContent(grid: SheetGrid, row: number): RowContent {
  const cells: RowContent['cells'] = [];
  for (const cell of grid.rowCells(row)) {
    const col = cell.col;
    const merge = grid.merge(row, col);
    if (merge && (merge.top !== row || merge.left !== col)) continue;
    const text = tidyCell(cellText(cell.value));
    if (text) cells.push({ col, text, merge, bold: !!cell.bold });
  }
  return { row, cells };
}

/**
 * Something the line-by-line tidy below would change: a tab, a double space, a blank line, or a line that starts
 * or ends with white space. The same as /\t| {2}|^\s|\s$|\s\n|\n\s/ in one pass: this is asked of every cell.
 */
export function isUntidy(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  if (isWhiteSpace(text.charCodeAt(0)) || isWhiteSpace(text.charCodeAt(last))) return true;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09) return true;
    if (code === 0x20 && text.charCodeAt(i + 1) === 0x20) return true;
    if (code === 0x0a && ((i > 0 && isWhiteSpace(text.charCodeAt(i - 1))) || (i < last && isWhiteSpace(text.charCodeAt(i + 1))))) return true;
  }
  return false;
}

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
