/** What every board-pack sheet shares on the page: the title, header rows, the caption, print setup. */
import { shiftSheetDown } from '../sheet-plan/shift';
import { SheetPlan, text, wrappedLines } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { ukDate } from '../uk-date';

/** The rows every board sheet starts with: the section, the plan with its period and marking, and a blank row. */
export const TITLE_ROWS = 3;
const HEADER_LINE_POINTS = 15;

/**
 * Makes a board sheet ready to print: its title (section, plan, period, marking) above everything else, in the
 * print area and repeated on every printed page; the table header `headerRows` ("1:1", before the title is added)
 * repeated under it, for sheets that hold one table only; A4, one page wide, the marking in the footer.
 */
export function printReady(sheet: SheetPlan, context: BoardPackContext, section: string, headerRows: string | null, orientation: 'landscape' | 'portrait' = 'landscape'): void {
  const headers = headerRows ? headerRows.split(':').map(Number) : [];
  if (headers.length) sheet.rowHeights = { ...sheet.rowHeights, ...headerHeights(sheet, headers[0], headers[headers.length - 1]) };
  shiftSheetDown(sheet, TITLE_ROWS);
  const lastCol = columnLetters(Math.max(1, sheet.columns.length));
  sheet.rows[0] = [text(section)];
  sheet.rows[1] = [text(caption(context, true))];
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`);
  sheet.styles.push({ range: 'A1', bold: true, fontSize: 14 }, { range: `A2:${lastCol}2`, italic: true, wrap: true, vertical: 'top' });
  const width = sheet.columns.reduce((n, c) => n + c.width, 0);
  const captionLines = Math.max(1, Math.ceil(caption(context, true).length / Math.max(20, width * 0.9)));
  sheet.rowHeights = { ...sheet.rowHeights, 1: 21, 2: captionLines * HEADER_LINE_POINTS + 3 };
  const last = headers.length ? headers[headers.length - 1] + TITLE_ROWS : 2;
  sheet.page = { orientation, paper: 'A4', fitToWidth: 1, printTitleRows: `1:${last}`, footerLeft: context.marking };
}

/**
 * Heights that fit a bold header's wrapped labels, word by word, on the generous side: printed in a font wider than
 * the one the widths were chosen for (LibreOffice without Calibri, say), a header too short overlaps the row below.
 */
function headerHeights(sheet: SheetPlan, from: number, to: number): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let r = from; r <= to; r++) {
    let lines = 1;
    (sheet.rows[r - 1] ?? []).forEach((value, c) => {
      if (value?.kind === 'text') lines = Math.max(lines, wrappedLines(value.text, Math.max(3, Math.floor((sheet.columns[c]?.width ?? 8.43) * 0.8))));
    });
    if (lines > 1) heights[r] = lines * HEADER_LINE_POINTS + 3;
  }
  return heights;
}

/**
 * The characters `lines` wrapped lines of a column `width` wide hold: fitRowHeights' measure, less a margin for word
 * breaks. Texts that repeat the Plan sheet are cut to this (see `shortened`) so each row prints in a few lines.
 */
export function charsInLines(width: number, lines: number): number {
  return Math.floor(width * 1.05 * lines * 0.92);
}

/** Italic lines under a table, each merged across the sheet's width: what the reader should know about it. */
export function footnoteRows(sheet: SheetPlan, lines: readonly string[]): void {
  const lastCol = columnLetters(Math.max(1, sheet.columns.length));
  for (const line of lines) {
    sheet.rows.push([text(line)]);
    const r = sheet.rows.length;
    sheet.merges.push(`A${r}:${lastCol}${r}`);
    sheet.styles.push({ range: `A${r}`, italic: true });
  }
}

export function headerRow(sheet: SheetPlan, row: number, labels: string[]): void {
  sheet.rows[row - 1] = labels.map((l) => text(l));
  sheet.styles.push({ range: `A${row}:${columnLetters(labels.length)}${row}`, bold: true, fill: 'DEE0E2', wrap: true, vertical: 'top', border: true });
}

/** "Reporting period Q2 2025/26 · Generated 04/12/2026 · OFFICIAL", with the plan's title first when asked. */
export function caption(context: BoardPackContext, withTitle = false): string {
  return `${withTitle ? `${context.title} · ` : ''}Reporting period ${context.period.label} · Generated ${ukDate(context.today)} · ${context.marking}`;
}

export function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}
