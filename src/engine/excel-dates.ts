/**
 * Excel date serials (1900 date system) and date number formats: facts of Excel's file format, pure and
 * browser-safe, shared by the Office.js adapter, the simulator and the xlsx adapter.
 *
 * Serial 1 is 1900-01-01. Excel keeps Lotus 1-2-3's phantom 29 February 1900 (serial 60), so from serial 61 on a
 * serial counts days from 1899-12-30. Workbooks using the 1904 date system (old Mac workbooks) are not handled: the
 * brief for this adapter is the 1900 system, which every current Excel uses by default.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

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
 * sheets, and splitting each into an array of strings was most of what writing them took (100 ms of a
 * 50,000-action run). Any other form is read by splitting at the hyphens.
 */
export function isoTime(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (!Number.isNaN(y + m + d)) return Date.UTC(y, m - 1, d);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** "2025-04-01" → 45748. */
export function isoToSerial(iso: string): number {
  const ms = isoTime(iso);
  const serial = Math.round((ms - EPOCH_AFTER_LEAP_BUG) / DAY_MS);
  return serial <= 60 ? Math.round((ms - EPOCH_BEFORE_LEAP_BUG) / DAY_MS) : serial;
}

/** 45748 → "2025-04-01"; the time of day is dropped. Serial 60 (the phantom 1900-02-29) reads as 1900-02-28. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const days = Math.floor(serial);
  const ms = days < 60 ? EPOCH_BEFORE_LEAP_BUG + days * DAY_MS : days === 60 ? Date.UTC(1900, 1, 28) : EPOCH_AFTER_LEAP_BUG + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether a number format shows a date (or time), by the same test ExcelJS applies when it turns a numeric cell
 * into a Date: after removing [..] sections and "quoted" text, any of y m d h M s b is a date code. Keeping the
 * adapters (and the xlsx reader) on one rule is what lets the contract tests compare them cell by cell.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || !format) return false;
  const stripped = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}
