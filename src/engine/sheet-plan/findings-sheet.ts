/**
 * The findings sheet: every finding as a row (the same columns as "Copy all"), a tool-owned sheet written through
 * the sheet plan like any other, so the officer can sort, filter and print the to-do list in Excel.
 */
import { emptySheet, fitRowHeights, SheetPlan, text } from './types';

export const FINDINGS_SHEET_NAME = 'Findings';
export const FINDINGS_ROLE = 'findings';

const WIDTHS = [10, 20, 8, 28, 60, 60, 8];
const WRAPPED = new Set([4, 5]);

export function findingsSheet(name: string, rows: readonly (readonly string[])[]): SheetPlan {
  const sheet = emptySheet(name);
  sheet.columns = WIDTHS.map((width, i) => ({ width, ...(WRAPPED.has(i) ? { wrap: true } : {}) }));
  sheet.rows = rows.map((row) => row.map((v) => text(v)));
  const last = String.fromCharCode(64 + WIDTHS.length);
  sheet.styles.push({ range: `A1:${last}1`, bold: true, fill: '1F4E79', fontColor: 'FFFFFF', vertical: 'top' });
  if (rows.length > 1) sheet.styles.push({ range: `A2:${last}${rows.length}`, vertical: 'top' });
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.page = { orientation: 'landscape', paper: 'A4', fitToWidth: 1, printTitleRows: '1:1' };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  return sheet;
}
