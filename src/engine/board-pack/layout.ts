/** What every board-pack sheet shares on the page: header rows, the caption, print setup. */
import { SheetPlan, text } from '../sheet-plan/types';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { ukDate } from './reporting-period';


export function printReady(sheet: SheetPlan, context: BoardPackContext, titleRows: string, orientation: 'landscape' | 'portrait' = 'landscape'): void {
  sheet.page = { orientation, paper: 'A4', fitToWidth: 1, printTitleRows: titleRows, footerLeft: context.marking };
}

export function headerRow(sheet: SheetPlan, row: number, labels: string[]): void {
  sheet.rows[row - 1] = labels.map((l) => text(l));
  sheet.styles.push({ range: `A${row}:${columnLetters(labels.length)}${row}`, bold: true, fill: 'DEE0E2', wrap: true, vertical: 'top', border: true });
}

export function caption(context: BoardPackContext): string {
  return `Reporting period ${context.period.label} · Generated ${ukDate(context.today)} · ${context.marking}`;
}

export function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

