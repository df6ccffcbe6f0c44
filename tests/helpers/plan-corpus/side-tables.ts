/**
 * Tables a plan workbook holds that are not plans: a guidance table for whoever fills the plan in, and a version
 * history. Both have a header row and rows of text, names and dates, so both invite phantom actions.
 */
import { DraftSheet } from './draft';
import { ExtraTableKind } from './plan';

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

const GUIDANCE: [string, string][] = [
  ['Our commitments', 'One commitment per row, written as something we will do'],
  ['Owner(s)', 'The named officer accountable for delivery, with their job title'],
  ['Completion by', 'A date, month or quarter, for example 31/03/2026 or Q3 2025/26'],
  ['Overall status', 'Not started, On track, At risk, Off track or Complete'],
  ['Traffic light', 'Blue, Green, Amber or Red, as set out in the key'],
];

const HISTORY: [string, Date, string, string][] = [
  ['0.1', utc(2025, 6, 2), 'Priya Desai', 'First draft shared with the Directorate Management Team'],
  ['0.2', utc(2025, 7, 14), 'Tom Reilly', 'Comments from the Principal Social Worker and carers\u2019 forum added'],
  ['1.0', utc(2025, 9, 1), 'Head of Quality Assurance', 'Approved by the Improvement Board'],
  ['1.1', utc(2025, 11, 14), 'Priya Desai', 'Quarter 2 progress and RAG ratings updated'],
];

/** Writes the table from `row` and returns the next free row. */
export function writeExtra(sheet: DraftSheet, kind: ExtraTableKind, row: number, col: number): number {
  switch (kind) {
    case 'guidance':
      sheet.set(row, col, { value: 'How to complete this plan', bold: true });
      sheet.set(row + 1, col, { value: 'Column', bold: true });
      sheet.set(row + 1, col + 1, { value: 'What to put in it', bold: true });
      GUIDANCE.forEach(([column, help], i) => {
        sheet.set(row + 2 + i, col, { value: column });
        sheet.set(row + 2 + i, col + 1, { value: help });
      });
      return row + 2 + GUIDANCE.length;
    case 'version-history':
      sheet.set(row, col, { value: 'Version control', bold: true });
      ['Version', 'Date', 'Author', 'Changes made'].forEach((label, i) => sheet.set(row + 1, col + i, { value: label, bold: true }));
      HISTORY.forEach((cells, i) => cells.forEach((value, j) => sheet.set(row + 2 + i, col + j, { value })));
      return row + 2 + HISTORY.length;
  }
}
