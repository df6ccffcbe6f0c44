/**
 * The dates "Coming up" covers: from the day the pack is made to the end of the next quarter (the rest of the current
 * quarter and the whole of the next one), or, when Plan Settings has a "Coming up months" row, that many months ahead.
 */
import { addMonths } from 'date-fns';
import { fromIso, isoDate } from '../timescale';
import { nextPeriod, quarterContaining } from './reporting-period';
import { ukDate } from '../uk-date';

export interface ComingUpWindow {
  start: string;
  end: string;
  /** In words, for the sheet: "15/11/2025 to 31/03/2026: the rest of Q3 2025/26 and Q4 2025/26". */
  label: string;
}

export function comingUpWindow(today: string, months?: number | null): ComingUpWindow {
  if (months && months > 0) {
    const end = isoDate(addMonths(fromIso(today), months));
    return { start: today, end, label: `${ukDate(today)} to ${ukDate(end)}: the next ${months === 1 ? 'month' : `${months} months`}` };
  }
  const current = quarterContaining(today);
  const next = nextPeriod(current);
  return { start: today, end: next.end, label: `${ukDate(today)} to ${ukDate(next.end)}: the rest of ${current.label} and ${next.label}` };
}
