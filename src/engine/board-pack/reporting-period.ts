/**
 * Reporting periods are financial-year quarters ("Q2 2025/26" = July to September 2025). The board pack
 * reports on one and looks ahead to the next.
 */
import { addDays, endOfMonth, subDays } from 'date-fns';
import { fromIso, isoDate } from '../timescale';

export interface ReportingPeriod {
  label: string;
  start: string;
  end: string;
}

function quarter(q: number, fyStart: number): ReportingPeriod {
  const startMonth = 3 + (q - 1) * 3; // Q1 starts in April (month index 3)
  const start = new Date(fyStart + Math.floor(startMonth / 12), startMonth % 12, 1);
  const end = endOfMonth(new Date(start.getFullYear(), start.getMonth() + 2, 1));
  return { label: `Q${q} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`, start: isoDate(start), end: isoDate(end) };
}

/** The quarter a date falls in. */
export function quarterContaining(iso: string): ReportingPeriod {
  const [y, m] = iso.split('-').map(Number);
  const fyStart = m >= 4 ? y : y - 1;
  const q = Math.floor(((m + 8) % 12) / 3) + 1;
  return quarter(q, fyStart);
}

/** The forms `parseReportingPeriod` reads, as examples for a message. */
export const PERIOD_EXAMPLES = ['Q2 2025/26', 'Q2 25/26', 'Q2 2025-26'] as const;

/** Reads "Q2 2025/26" (also "Q2 25/26", "Q2 2025-26"); null when the text is not a quarter. */
export function parseReportingPeriod(text: string | null | undefined): ReportingPeriod | null {
  const m = /^\s*q([1-4])\s*(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$/i.exec(text ?? '');
  if (!m) return null;
  const fyStart = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  // The second year is the next one: "2025/27" is a slip, not a financial year.
  if (Number(m[3]) % 100 !== (fyStart + 1) % 100) return null;
  return quarter(Number(m[1]), fyStart);
}

/**
 * The default period a board pack reports on: the last quarter completed before `today`. A board meets after a
 * quarter ends, so the quarter still running is never the default (its figures are not in yet).
 */
export function lastCompletedQuarter(today: string): ReportingPeriod {
  return quarterContaining(isoDate(subDays(fromIso(quarterContaining(today).start), 1)));
}

export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  return quarterContaining(isoDate(addDays(fromIso(period.end), 1)));
}

