/** Dates as Excel stores them: a serial number of days in the workbook's date system. */

const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;
/** Days from 30 December 1899 to 29 February 1900, had it been. */
const PHANTOM_LEAP_DAY = 60;

/** The number written in text[from, to), or NaN when any of those characters is no digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Milliseconds since 1970 of a YYYY-MM-DD date, read digit by digit: a big plan has a date in every row of several
 * sheets, and splitting each into an array of strings was most of what this took (100 ms of a 50,000-action run).
 * Any other form is read as before.
 */
function isoTime(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (!Number.isNaN(y + m + d)) return Date.UTC(y, m - 1, d);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * The serial number Excel stores for a date, in the workbook's own date system. The 1900 system counts a 29 February
 * 1900 that never was, so dates before it are a day lower than a plain count (as isoToSerial in
 * engine/excel-dates.ts, which the Office.js adapter writes with).
 */
export function dateSerial(iso: string, date1904: boolean): number {
  if (date1904) return (isoTime(iso) - EXCEL_EPOCH_1904) / DAY_MS;
  const days = (isoTime(iso) - EXCEL_EPOCH_1900) / DAY_MS;
  return days <= PHANTOM_LEAP_DAY ? days - 1 : days;
}
