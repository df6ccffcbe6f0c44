/** Dates as Excel stores them: a serial number of days in the workbook's date system. */

import { isoTime, isoToSerial } from '../../engine/excel-dates';

const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/**
 * The serial number Excel stores for a date, in the workbook's own date system: the 1900 system's as the engine
 * counts it (isoToSerial, Excel's invented 29 February 1900 included), which the Office.js adapter writes too.
 */
export function dateSerial(iso: string, date1904: boolean): number {
  return date1904 ? (isoTime(iso) - EXCEL_EPOCH_1904) / DAY_MS : isoToSerial(iso);
}
