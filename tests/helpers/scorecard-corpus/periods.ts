/**
 * Periods of the corpus and the many ways councils head them. A period is a financial year, a financial-year
 * quarter or a calendar month; its `label` is the engine's canonical label ("2024/25", "Q2 2025/26", "Sep 2025"),
 * which is what the report must give, whatever the header said.
 */
export type Frequency = 'annual' | 'quarterly' | 'monthly';

export interface Period {
  frequency: Frequency;
  /** Months since year 0 of the period's last month: sorts periods by when they end. */
  end: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const two = (n: number) => String(n % 100).padStart(2, '0');

/** Financial year starting in April of `year`: "2024/25". */
export function financialYear(year: number): Period {
  return { frequency: 'annual', end: (year + 1) * 12 + 3, label: `${year}/${two(year + 1)}` };
}

/** Quarter q (1 = April–June) of the financial year starting in `year`. */
export function quarter(year: number, q: number): Period {
  return { frequency: 'quarterly', end: year * 12 + 3 + 3 * q, label: `Q${q} ${year}/${two(year + 1)}` };
}

/** Calendar month (1-12) of `year`. */
export function month(year: number, m: number): Period {
  return { frequency: 'monthly', end: year * 12 + m, label: `${MONTHS[m - 1]} ${year}` };
}

/** `count` consecutive periods ending with `last`. */
export function run(last: Period, count: number): Period[] {
  const step = last.frequency === 'annual' ? 12 : last.frequency === 'quarterly' ? 3 : 1;
  return Array.from({ length: count }, (_, i) => fromEnd(last.frequency, last.end - step * (count - 1 - i)));
}

export function fromEnd(frequency: Frequency, end: number): Period {
  const year = Math.floor((end - 1) / 12);
  const m = end - year * 12; // 1-12
  if (frequency === 'monthly') return month(year, m);
  const fyStart = m <= 3 ? year - 1 : year;
  if (frequency === 'annual') return financialYear(fyStart);
  return quarter(fyStart, m <= 3 ? 4 : (m - 3) / 3);
}

function parts(p: Period): { fy: number; q: number; calYear: number; month: number } {
  const calYear = Math.floor((p.end - 1) / 12);
  const m = p.end - calYear * 12;
  const fy = m <= 3 ? calYear - 1 : calYear;
  return { fy, q: m <= 3 ? 4 : Math.ceil((m - 3) / 3), calYear, month: m };
}

/** Header spellings seen on real scorecards. Each is a function of the period so any period can be headed so. */
export const HEADER_STYLES = {
  fyOutturn: (p: Period) => `${p.label} outturn`,
  fyProvisional: (p: Period) => `${p.label} provisional`,
  fyDashActual: (p: Period) => `${parts(p).fy}-${two(parts(p).fy + 1)} Actual`,
  fyFinal: (p: Period) => `${p.label} final`,
  fyYtd: (p: Period) => `${parts(p).fy}-${two(parts(p).fy + 1)} YTD`,
  fyBare: (p: Period) => `${parts(p).fy}-${parts(p).fy + 1}`,
  qShort: (p: Period) => `Q${parts(p).q} ${two(parts(p).fy)}/${two(parts(p).fy + 1)}`,
  qQtr: (p: Period) => `Qtr ${parts(p).q}`,
  qMonths: (p: Period) => {
    const { calYear, month: m } = parts(p);
    return `${MONTHS[m - 3]}–${MONTHS[m - 1]} ${calYear}`;
  },
  qQuarterWord: (p: Period) => `Quarter ${parts(p).q} ${parts(p).fy}/${two(parts(p).fy + 1)}`,
  qEstimate: (p: Period) => `Q${parts(p).q} estimate`,
  qActual: (p: Period) => `Q${parts(p).q} ${parts(p).fy}-${two(parts(p).fy + 1)} actual`,
  mDash: (p: Period) => `${MONTHS[parts(p).month - 1]}-${two(parts(p).calYear)}`,
  mLong: (p: Period) => `${MONTH_NAMES[parts(p).month - 1]} ${parts(p).calYear}`,
  mSept: (p: Period) => `${parts(p).month === 9 ? 'Sept' : MONTHS[parts(p).month - 1]} ${two(parts(p).calYear)}`,
} as const;

export type HeaderStyle = keyof typeof HEADER_STYLES;

/** The last day of a period as a real date (a month header typed as a date cell). */
export function lastDay(p: Period): Date {
  const { calYear, month: m } = parts(p);
  return new Date(Date.UTC(calYear, m, 0));
}

export function periodParts(p: Period): { fy: number; q: number; calYear: number; month: number } {
  return parts(p);
}
