/**
 * Whether a sheet is a KPI table by evidence: a KPI header whose period columns (wide) or value column (long) hold
 * figures. Such a sheet is a scorecard, not a plan, whatever a plan reader would make of its text columns: a plan's
 * columns hold words and dates, not a figure per period.
 */
import { PlanSettings } from '../schema';
import { SheetGrid, SheetModel } from '../workbook';
import { findKpiHeader } from './headers';
import { financialYearOf, reportingPeriodKey } from './period';
import { HEADER_SCAN_ROWS, headOf } from './read/cells';
import { numberOf } from './read/numbers';
import { readFigureText } from './read/typed-numbers';

/** Rows under the header looked at: enough to see figures, few enough to stay cheap on a long sheet. */
const ROWS_LOOKED_AT = 40;

export function isFigureTable(sheet: SheetModel, settings: PlanSettings): boolean {
  const reportingKey = reportingPeriodKey(settings.reportingPeriod);
  const fallbackYear = reportingKey === null ? null : financialYearOf(reportingKey);
  const head = new SheetGrid(headOf(sheet, HEADER_SCAN_ROWS + ROWS_LOOKED_AT));
  const header = findKpiHeader(head, fallbackYear, HEADER_SCAN_ROWS, reportingKey);
  if (!header || header.kind === 'register') return false;
  const columns = header.kind === 'wide' ? header.periods : [header.byField.value ?? header.byField.numerator].filter((c) => !!c);
  if (!columns.length) return false;
  let figures = 0;
  let cells = 0;
  for (const row of head.rowNumbers) {
    if (row <= header.row) continue;
    for (const column of columns) {
      const value = head.own(row, column!.col)?.value;
      if (!value || (value.type === 'text' && !value.value.trim())) continue;
      cells++;
      if (numberOf(value) !== null || readFigureText(value).value !== null || readFigureText(value).missing) figures++;
    }
  }
  // Most filled cells under the periods are figures (or marked as suppressed): not a plan's words.
  return figures >= 2 && figures >= cells * 0.8;
}
