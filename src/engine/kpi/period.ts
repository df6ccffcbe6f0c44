/**
 * KPI periods as officers write them, ordered by real time.
 *
 * Every period becomes a small integer "period key": (months since December 1989 of the period's LAST month) × 10 +
 * its kind (1 month, 2 financial-year quarter, 3 financial year, 4 calendar year). Keys sort by when the period ends,
 * fit in four digits (periods ending January 1990 to March 2073), and stay far below the 15 significant digits every
 * spreadsheet keeps exactly, so the same keys can be computed by a live formula (see formulas.ts).
 *
 * The grammar below is deliberately positional, not a regular expression: it is a line-by-line mirror of the Excel
 * formula in formulas.ts, so that the engine and the workbook read every period cell the same way (the tests compare
 * both over many spellings with a real formula engine). Accepted, case-insensitively, after Excel's TRIM:
 *   "Q1 2025/26", "Q1 25/26", "Q1-2025-26", "Q1 2025"     financial-year quarter (Q1 = April to June)
 *   "2024/25", "2024-25", "2024/2025"                       financial year (April to March)
 *   "2025"                                                  calendar year
 *   "Apr-25", "Apr 2025", "April 2025", "Sept 25"           month
 *   a real date cell, or a number ≥ 3000 (a date serial)    the month it falls in
 *   a whole number below 3000                               that calendar year
 */
import { CellValue } from '../workbook';

export type PeriodKind = 1 | 2 | 3 | 4;
export const PERIOD_KIND_NAMES: Record<PeriodKind, 'month' | 'quarter' | 'financial year' | 'year'> = {
  1: 'month',
  2: 'quarter',
  3: 'financial year',
  4: 'year',
};

/** Month index (year × 12 + month) of December 1989: keys count months from here. */
export const BASE_MONTH = 1990 * 12;
/** Largest month offset a key can hold (March 2073). */
export const MAX_OFFSET = 999;
export const MONTH_CODES = 'JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC';
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Excel's TRIM: drops leading and trailing spaces and collapses runs of spaces inside (spaces only, not tabs). */
export function excelTrim(text: string): string {
  if (!text.includes('  ') && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32) return text;
  return text.replace(/ {2,}/g, ' ').replace(/^ /, '').replace(/ $/, '');
}

const isDigit = (c: string): boolean => c.length === 1 && c >= '0' && c <= '9';
/** Excel's MID(t, start, 1): '' beyond the end. */
const at = (t: string, position: number): string => (position >= 1 ? t.charAt(position - 1) : '');

/**
 * The "month-kind" number of a trimmed, upper-cased period text: (year × 12 + month of the period's end) × 10 + kind,
 * or null. Mirrors `textPeriodFormula` in formulas.ts branch by branch.
 */
export function textMonthKind(t: string): number | null {
  // Quarter: Q, a digit 1-4, one separator, then a 4-digit or 2-digit financial-year start.
  if (at(t, 1) === 'Q' && '1234'.includes(at(t, 2)) && at(t, 2) !== '' && isDigit(at(t, 4)) && isDigit(at(t, 5))) {
    const year = isDigit(at(t, 6)) && isDigit(at(t, 7)) ? Number(t.substr(3, 4)) : 2000 + Number(t.substr(3, 2));
    return (year * 12 + 3 + 3 * Number(at(t, 2))) * 10 + 2;
  }
  // Four digits first: a calendar year ("2025") or a financial year ("2024/25", "2024-2025").
  if (isDigit(at(t, 1)) && isDigit(at(t, 2)) && isDigit(at(t, 3)) && isDigit(at(t, 4))) {
    const year = Number(t.substr(0, 4));
    if (t.length === 4) return (year * 12 + 12) * 10 + 4;
    if (t.length <= 9 && (at(t, 5) === '/' || at(t, 5) === '-') && isDigit(at(t, 6)) && isDigit(at(t, 7))) return (year * 12 + 15) * 10 + 3;
    return null;
  }
  // A month name (its first three letters) and a 4-digit or 2-digit year at the end.
  if (t.length >= 5) {
    const p = MONTH_CODES.indexOf(t.substr(0, 3)) + 1;
    if (p > 0 && p % 3 === 1) {
      const n = t.length;
      let year: number | null = null;
      if (isDigit(at(t, n - 3)) && isDigit(at(t, n - 2)) && isDigit(at(t, n - 1)) && isDigit(at(t, n))) year = Number(t.substr(n - 4, 4));
      else if (isDigit(at(t, n - 1)) && isDigit(at(t, n))) year = 2000 + Number(t.substr(n - 2, 2));
      if (year === null) return null;
      return (year * 12 + (p + 2) / 3) * 10 + 1;
    }
  }
  return null;
}

/** Year and month (1-12) of an Excel date serial, 1900 date system (serials from 61 on, i.e. after 28 Feb 1900). */
export function serialYearMonth(serial: number): { year: number; month: number } | null {
  const days = Math.floor(serial);
  if (!Number.isFinite(days) || days < 61 || days > 2958465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** The month-kind number of a number cell: a year below 3000, a date serial from 3000. Mirrors the formula. */
export function numberMonthKind(value: number): number | null {
  if (value < 3000) return Number.isInteger(value) ? (value * 12 + 12) * 10 + 4 : null;
  const ym = serialYearMonth(value);
  return ym ? (ym.year * 12 + ym.month) * 10 + 1 : null;
}

/** Month-kind number to period key (null when out of the supported range). */
export function keyFromMonthKind(mk: number | null): number | null {
  if (mk === null || !Number.isFinite(mk)) return null;
  const offset = Math.floor(mk / 10) - BASE_MONTH;
  if (offset < 1 || offset > MAX_OFFSET) return null;
  return mk - BASE_MONTH * 10;
}

const keyCache = new Map<string, number | null>();

/** The period key of a text as written ("Q1 2025/26", "Apr-25", "2024/25"), or null. */
export function periodKey(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  // A data sheet repeats a few dozen period texts thousands of times: read each once.
  let key = keyCache.get(text);
  if (key === undefined) {
    key = keyFromMonthKind(textMonthKind(excelTrim(text).toUpperCase()));
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

/** The period key of a cell: numbers and dates by value, text by the grammar above. */
export function periodKeyOfCell(value: CellValue | undefined): number | null {
  if (!value) return null;
  switch (value.type) {
    case 'number':
      return keyFromMonthKind(numberMonthKind(value.value));
    case 'date': {
      const [y, m] = value.value.split('-').map(Number);
      return keyFromMonthKind((y * 12 + m) * 10 + 1);
    }
    case 'text':
      return periodKey(value.value);
    case 'boolean':
      return periodKey(value.value ? 'TRUE' : 'FALSE');
    case 'error':
      return null;
  }
}

export function keyKind(key: number): PeriodKind {
  return (key - 10 * Math.floor(key / 10)) as PeriodKind;
}

/** Months since December 1989 of the period's last month. */
export function keyEndOffset(key: number): number {
  return Math.floor(key / 10);
}

/** The period's last month as year and month (1-12). */
export function keyEnd(key: number): { year: number; month: number } {
  const m = keyEndOffset(key) + BASE_MONTH;
  const year = Math.floor((m - 1) / 12);
  return { year, month: m - 12 * year };
}

const right2 = (n: number): string => String(n).slice(-2);

/** The canonical label of a key: "Apr 2025", "Q1 2025/26", "2024/25", "2025". Mirrors `labelFormula`. */
export function periodLabel(key: number): string {
  const { year, month } = keyEnd(key);
  switch (keyKind(key)) {
    case 1:
      return `${MONTH_NAMES[month - 1]} ${year}`;
    case 2: {
      const q = month <= 3 ? 4 : (month - 3) / 3;
      const fy = month <= 3 ? year - 1 : year;
      return `Q${q} ${fy}/${right2(fy + 1)}`;
    }
    case 3:
      return `${year - 1}/${right2(year)}`;
    default:
      return String(year);
  }
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/**
 * The end offset of the most recent period of `kind` that has ended by the end of the reporting period: a quarterly
 * KPI reported at Q2 should have Q2; an annual (financial-year) one, the last full year. Mirrors the formula.
 */
export function expectedEndOffset(kind: PeriodKind, reportingKey: number): number {
  const r = keyEndOffset(reportingKey);
  switch (kind) {
    case 1:
      return r;
    case 2:
      return r - mod(r, 3);
    case 3:
      return r - mod(r - 3, 12);
    default:
      return r - mod(r, 12);
  }
}

/** The key of the period of `kind` ending at `endOffset`. */
export function keyAt(endOffset: number, kind: PeriodKind): number {
  return endOffset * 10 + kind;
}

/** How many months one period of each kind spans. */
export const KIND_MONTHS: Record<PeriodKind, number> = { 1: 1, 2: 3, 3: 12, 4: 12 };

/**
 * The reporting period written in settings: the period grammar, or a day-first date ("30/09/2025", how a date cell's
 * text reads) for the month it falls in.
 */
export function reportingPeriodKey(text: string | null | undefined): number | null {
  const direct = periodKey(text);
  if (direct !== null) return direct;
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text ?? '');
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return keyFromMonthKind((Number(m[3]) * 12 + month) * 10 + 1);
}

/** The financial year (its start year) a key falls in: the FY containing the period's last month. */
export function financialYearOf(key: number): number {
  const { year, month } = keyEnd(key);
  return month >= 4 ? year : year - 1;
}

/** A financial year written in a header ("Target 2025/26", "2025-26"): its start year, or null. */
export function financialYearIn(text: string): number | null {
  const m = /\b(20\d{2}|19\d{2})\s*[/-]\s*(\d{2}|\d{4})\b/.exec(text);
  if (m) return Number(m[1]);
  const q = /\bq[1-4]\s*(\d{2}|\d{4})\s*[/-]\s*\d{2}/i.exec(text);
  if (q) return q[1].length === 2 ? 2000 + Number(q[1]) : Number(q[1]);
  return null;
}
