/**
 * Turns a timescale as officers write it into a due date: UK day-first dates, month names, financial years and
 * quarters (April to March), relative terms counted from the plan start, and the no-date terms ("Ongoing", "TBC").
 * date-fns does the calendar arithmetic; the grammar of plan timescales is ours, because general-purpose date
 * parsers read "Q3 2025/26" or "End March 2010" wrongly or not at all.
 */
import { addMonths, endOfMonth, isValid, subDays } from 'date-fns';
import { PlanSettings } from './schema';

export type TimescaleKind = 'date' | 'relative' | 'no-date' | 'unparseable' | 'empty';

export interface ParsedTimescale {
  /** The latest date the text gives, YYYY-MM-DD. */
  dueDate: string | null;
  /** Every date the text gives, earliest first (the others are milestones). */
  dates: string[];
  kind: TimescaleKind;
  /** "Completed" or "In place": no date, but the action is done. */
  impliesComplete: boolean;
}

export type RelativeTerms = PlanSettings['relativeTerms'];

const MONTHS: Record<string, number> = {
  jan: 0, january: 0, feb: 1, february: 1, mar: 2, march: 2, apr: 3, april: 3, may: 4, jun: 5, june: 5,
  jul: 6, july: 6, aug: 7, august: 7, sep: 8, sept: 8, september: 8, oct: 9, october: 9, nov: 10, november: 10,
  dec: 11, december: 11,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

// The patterns built from MONTH, made once: parseTimescale runs for every action (and again in validation and the
// board pack). Global ones are only used with replace(), which starts each search at 0, so sharing them is safe.
const DAY_MONTH_NAME_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'g');
const MONTH_RANGE_YEAR = new RegExp(`\\b${MONTH}\\s*(?:-|–|to)\\s*${MONTH}\\s*[-' ]?\\s*(\\d{4}|\\d{2})\\b`, 'g');
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\.?\\s*[-' ]?\\s*(\\d{4}|\\d{2})\\b`, 'g');
const MONTH_NAME = new RegExp(MONTH, 'i');

const NO_DATE_TERMS = /^(ongoing|on going|continuous|continual|tbc|tbd|tba|to be confirmed|to be agreed|n\/?a|not applicable|see\b.*|refer to\b.*|as required|annual(ly)?|quarterly|monthly|completed?|in place|done|achieved|commenced and ongoing|in progress)$/i;
const COMPLETE_TERMS = /^(completed?|in place|done|achieved)$/i;
/** "TBC" is not a known no-date term for validation: it is a date nobody has set yet. */
const UNSET_TERMS = /^(tbc|tbd|tba|to be confirmed|to be agreed)$/i;

export function isoDate(date: Date): string {
  // String work rather than date-fns format(): this runs for every date in every timescale.
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return `${String(date.getFullYear()).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function fromIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

function monthEnd(year: number, month: number): Date {
  return endOfMonth(new Date(year, month, 1));
}

/** N months from plan start, inclusive of the start day: 12 months from 1 April 2025 is 31 March 2026. */
export function monthsFromStart(planStart: string, months: number): string {
  return isoDate(subDays(addMonths(fromIso(planStart), months), 1));
}

/** Financial-year quarter end: Q1 2025/26 → 30 June 2025, Q4 2025/26 → 31 March 2026. */
export function quarterEnd(quarter: number, fyStartYear: number): Date {
  const month = 2 + quarter * 3; // Q1 ends June (5), Q4 ends March next year (14 → 2)
  return monthEnd(fyStartYear + Math.floor(month / 12), month % 12);
}

function relativeMonths(text: string, terms: RelativeTerms): number | null {
  const t = text.toLowerCase();
  const found: number[] = [];
  if (/\bshort\b/.test(t)) found.push(terms.shortMonths);
  if (/\bmedium\b/.test(t)) found.push(terms.mediumMonths);
  if (/\blong\b/.test(t)) found.push(terms.longMonths);
  // A range such as "Short to medium-term" takes its later end; several lines take the latest.
  return found.length ? Math.max(...found) : null;
}

export function parseTimescale(
  raw: string | null | undefined,
  planStart: string | null,
  terms: RelativeTerms,
): ParsedTimescale {
  const text = (raw ?? '').trim();
  if (!text) return { dueDate: null, dates: [], kind: 'empty', impliesComplete: false };
  const lines = text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  if (lines.every((l) => NO_DATE_TERMS.test(l.replace(/[.\s]+$/, '')))) {
    const impliesComplete = lines.some((l) => COMPLETE_TERMS.test(l.replace(/[.\s]+$/, '')));
    const unset = lines.every((l) => UNSET_TERMS.test(l.replace(/[.\s]+$/, '')));
    return { dueDate: null, dates: [], kind: unset ? 'unparseable' : 'no-date', impliesComplete };
  }

  const dates: Date[] = [];
  let rest = ` ${text.toLowerCase()} `;
  const take = (re: RegExp, toDate: (m: RegExpExecArray) => Date | null): void => {
    rest = rest.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const d = toDate(m);
      if (d && isValid(d)) dates.push(d);
      return ' ';
    });
  };

  // 2026-03-31
  take(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // 31/03/2026, 31.03.2026, 31-03-26 (day first)
  take(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g, (m) => {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const date = new Date(fullYear(m[3]), mo - 1, d);
    return date.getDate() === d ? date : null;
  });
  // 1 April 2026, 1st April 2026
  take(DAY_MONTH_NAME_YEAR, (m) => {
    const date = new Date(Number(m[3]), MONTHS[m[2]], Number(m[1]));
    return date.getDate() === Number(m[1]) ? date : null;
  });
  // Q3 2025/26, Q3 25/26, Q3 2025-26
  take(/\bq([1-4])\s*(?:of\s*)?(?:fy\s*)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})\b/g, (m) => quarterEnd(Number(m[1]), fullYear(m[2])));
  // May-Sep 2023, April to June 2024: the range ends with the later month of the year given.
  take(MONTH_RANGE_YEAR, (m) => monthEnd(fullYear(m[3]), MONTHS[m[2]]));
  // March 2010, End March 2010, Dec-2026, Mar 23, Apr-25
  take(MONTH_YEAR, (m) => monthEnd(fullYear(m[2]), MONTHS[m[1]]));
  // 2023/24 financial year → 31 March 2024
  take(/\b(20\d{2}|19\d{2})\s*[/-]\s*(\d{2})\b/g, (m) => new Date(Number(m[1]) + 1, 2, 31));
  // End 2010, 2010
  take(/\b(19[5-9]\d|20\d{2})\b/g, (m) => new Date(Number(m[1]), 11, 31));

  if (planStart) {
    // Quarter markers and month counts: "3m", "6m, 9m", "12 months"
    take(/\b(\d{1,2})\s*(?:m|mths?|months?)\b/g, (m) => fromIso(monthsFromStart(planStart, Number(m[1]))));
    const months = relativeMonths(rest, terms);
    if (months !== null) dates.push(fromIso(monthsFromStart(planStart, months)));
  }

  if (!dates.length) {
    const relative = relativeMonths(text, terms) !== null || /\b\d{1,2}\s*m\b/i.test(text);
    return { dueDate: null, dates: [], kind: relative ? 'relative' : 'unparseable', impliesComplete: false };
  }
  const iso = [...new Set(dates.map(isoDate))].sort();
  const relativeOnly = !/\d{4}|\d{1,2}[/.]\d/.test(text) && !MONTH_NAME.test(text);
  return { dueDate: iso[iso.length - 1], dates: iso, kind: relativeOnly ? 'relative' : 'date', impliesComplete: false };
}
