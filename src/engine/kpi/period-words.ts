/**
 * Periods written with words around them, as scorecards head their columns and label their rows: "2024/25 final",
 * "Q3 estimate", "Outturn 2023/24", "2023-24 YTD", "2024/25 (provisional)", "Quarter 2 2025-26", "FY24/25",
 * "Sep-25", "as at 30/09/2025"; and relative headers ("This period", "Last quarter", "Current", "Previous year")
 * resolved against the reporting period, never against today's date.
 *
 * The strict grammar of period.ts (mirrored by the register's live formulas) is tried first; this wider reading
 * only adds texts that grammar rejects. Where a long data sheet's period cell needs the wider reading, the register
 * writes the engine's key for that row rather than a formula (see register-sheet.ts).
 */
import { expectedEndOffset, keyEndOffset, keyFromMonthKind, keyKind, MONTH_CODES, PeriodKind, periodKey, periodLabel } from './period';

export interface WordedPeriod {
  key: number;
  label: string;
  /** False when the year was inferred ("Q3 actual" in a 2025/26 scorecard) or the period is relative. */
  explicit: boolean;
  /** Marked provisional, estimated, forecast, draft or year to date. */
  provisional: boolean;
  /** A relative header ("This period") resolved against the reporting period. */
  relative: boolean;
}

export interface PeriodContext {
  /** The financial year (its start year) a bare "Q3" or "Apr" belongs to, when known. */
  fyStart: number | null;
  /** The reporting period's key, which relative headers are resolved against. */
  reportingKey: number | null;
}

/** Words that make a header something other than a period of figures, even when it names a year. */
const NOT_A_PERIOD =
  /\b(benchmarks?|comparators?|england|national|regional|region|averages?|avg|neighbou?rs?|cipfa|statistical|rank(ing)?|quartiles?|rag|status|direction|trend|change|variance|difference|movement|target|baseline|tolerance|threshold|commentary|comments?|notes?|narrative|compared|vs|versus|dot|deadline|due|updated|owner|lead)\b/i;
const PROVISIONAL = /\b(provisional|prov|estimated?|est|estimates|forecasts?|projected|projection|ytd|year to date|draft|unvalidated|unverified|interim)\b|\(p\)/i;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const FY_RE = /\b((?:19|20)\d{2})\s*[/\-–]\s*((?:19|20)?\d{2})\b/;
const SHORT_FY_RE = /(?:\bFY\s*|\b)(\d{2})\s*[/\-–]\s*(\d{2})\b(?!\s*[/\-–]\s*\d)/i;
const QUARTER_RE = /\bQ([1-4])\b/i;
const MONTH_YEAR_RE = new RegExp(String.raw`\b${MONTH}[\s\-'’/]*((?:19|20)\d{2}|\d{2})\b`, 'i');
const DATE_RE = /\b(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})\b/;
const ISO_DATE_RE = /\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b/;
const MONTH_RANGE_RE = new RegExp(String.raw`\b${MONTH}\s*(?:-|–|to)\s*${MONTH}[\s\-'’/]*((?:19|20)\d{2}|\d{2})\b`, 'i');
const YEAR_RE = /\b((?:19|20)\d{2})\b/;
const BARE_MONTH_RE = new RegExp(String.raw`^${MONTH}$`, 'i');
const RELATIVE_RE = /^(this|current|latest|last|previous|prior|preceding)(?: reporting)?(?: (period|quarter|qtr|month|year))?$/i;

const fyOf = (start: string, end: string): number | null => {
  const a = Number(start);
  const b = Number(end.length === 4 ? end : end.length === 2 ? String(a).slice(0, 2) + end : 'x');
  return (b - a === 1 || b - a === -99) && end.length !== 3 ? a : null;
};

function monthIndex(word: string): number | null {
  const p = MONTH_CODES.indexOf(word.slice(0, 3).toUpperCase()) + 1;
  return p > 0 && p % 3 === 1 ? (p + 2) / 3 : null;
}

/** The financial year named anywhere in a text ("2024/25", "FY24/25"), as its start year. */
function financialYearNamed(t: string): number | null {
  const long = FY_RE.exec(t);
  if (long) {
    const fy = fyOf(long[1], long[2]);
    if (fy !== null) return fy;
  }
  const short = SHORT_FY_RE.exec(t);
  if (short && Number(short[2]) === (Number(short[1]) + 1) % 100) return 2000 + Number(short[1]);
  return null;
}

const quarterKey = (fy: number, q: number) => keyFromMonthKind((fy * 12 + 3 + 3 * q) * 10 + 2);
const monthKey = (year: number, month: number) => keyFromMonthKind((year * 12 + month) * 10 + 1);

/** The end offset of the period of `kind` that contains the month at `offset`. */
function containing(offset: number, kind: PeriodKind): number {
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  switch (kind) {
    case 1:
      return offset;
    case 2:
      return offset + mod(-offset, 3);
    case 3:
      return offset + mod(3 - offset, 12);
    default:
      return offset + mod(-offset, 12);
  }
}

function relativeKey(word: string, unit: string | undefined, reportingKey: number): number | null {
  const reportingKind = keyKind(reportingKey);
  const kind: PeriodKind =
    !unit || unit === 'period'
      ? reportingKind
      : unit === 'month'
        ? 1
        : unit === 'quarter' || unit === 'qtr'
          ? 2
          : reportingKind === 4
            ? 4
            : 3;
  if (kind < reportingKind && kind !== 1) return null;
  let end = kind === reportingKind ? keyEndOffset(reportingKey) : containing(keyEndOffset(reportingKey), kind);
  if (kind === 1 && reportingKind !== 1) end = expectedEndOffset(1, reportingKey);
  if (/^(last|previous|prior|preceding)$/i.test(word)) end -= kind === 1 ? 1 : kind === 2 ? 3 : 12;
  return keyFromMonthKind((end + 1990 * 12) * 10 + kind);
}

/** Whether the strict grammar misreads the text: "Apr-Jun 2025" is a quarter, not April. */
export function strictMisreads(text: string): boolean {
  return MONTH_RANGE_RE.test(text);
}

/** Whether a period or note text marks its figure provisional, estimated, draft or year to date. */
export function marksProvisional(text: string): boolean {
  return PROVISIONAL.test(text);
}

const cache = new Map<string, WordedPeriod | null>();

/** Reads a text as a period, whatever words are around it; null when it names none (or names something else). */
export function periodInWords(text: string, context: PeriodContext): WordedPeriod | null {
  const cacheKey = `${context.fyStart}|${context.reportingKey}|${text}`;
  if (cache.has(cacheKey)) return cache.get(cacheKey)!;
  const result = read(text, context);
  if (cache.size > 20_000) cache.clear();
  cache.set(cacheKey, result);
  return result;
}

function read(text: string, context: PeriodContext): WordedPeriod | null {
  const raw = text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  if (!raw || raw.length > 80) return null;
  const strict = MONTH_RANGE_RE.test(raw) ? null : periodKey(raw);
  // The strict grammar reads "Q2 2025/26 (provisional)" too: the mark still counts.
  if (strict !== null) return { key: strict, label: periodLabel(strict), explicit: true, provisional: raw.length > 10 && PROVISIONAL.test(raw), relative: false };
  if (NOT_A_PERIOD.test(raw)) return null;
  const provisional = PROVISIONAL.test(raw);
  const t = raw.replace(/\b(?:quarter|qtr)\s*([1-4])\b/gi, 'Q$1');
  const found = (key: number | null, explicit: boolean, relative = false): WordedPeriod | null =>
    key === null ? null : { key, label: periodLabel(key), explicit, provisional, relative };

  const quarter = QUARTER_RE.exec(t);
  if (quarter) {
    const q = Number(quarter[1]);
    const after = t.slice(quarter.index + quarter[0].length);
    const fy = financialYearNamed(t);
    if (fy !== null) return found(quarterKey(fy, q), true);
    const year = /^[\s,\-/]*((?:19|20)\d{2})\b/.exec(after);
    if (year) return found(quarterKey(Number(year[1]), q), true);
    return context.fyStart === null ? null : found(quarterKey(context.fyStart, q), false);
  }
  const iso = ISO_DATE_RE.exec(t);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return found(monthKey(Number(iso[1]), Number(iso[2])), true);
  // "Apr-Jun 2025", "Oct to Dec 25": a financial-year quarter when the three months are one.
  const range = MONTH_RANGE_RE.exec(t);
  if (range) {
    const [from, to] = [monthIndex(range[1]), monthIndex(range[2])];
    const y = range[3].length === 2 ? 2000 + Number(range[3]) : Number(range[3]);
    if (from !== null && to !== null && to % 3 === 0 && (to - from + 12) % 12 === 2) {
      const fy = to <= 3 ? y - 1 : y;
      return found(quarterKey(fy, to <= 3 ? 4 : (to - 3) / 3), true);
    }
  }
  const date = DATE_RE.exec(t);
  if (date && Number(date[2]) >= 1 && Number(date[2]) <= 12) return found(monthKey(Number(date[3]), Number(date[2])), true);
  const monthYear = MONTH_YEAR_RE.exec(t);
  if (monthYear) {
    const m = monthIndex(monthYear[1]);
    const y = monthYear[2].length === 2 ? 2000 + Number(monthYear[2]) : Number(monthYear[2]);
    if (m !== null) return found(monthKey(y, m), true);
  }
  const fy = financialYearNamed(t);
  if (fy !== null) return found(keyFromMonthKind((fy * 12 + 15) * 10 + 3), true);
  const year = YEAR_RE.exec(t);
  if (year) return found(keyFromMonthKind((Number(year[1]) * 12 + 12) * 10 + 4), true);

  // No year written: a bare month or quarter (handled above) in the scorecard's year, or a relative header.
  const words = t
    .replace(new RegExp(PROVISIONAL.source, 'gi'), ' ')
    .replace(/\b(actuals?|outturns?|performance|results?|values?|data|figures?|position|final|reported|period ending|as at)\b/gi, ' ')
    .replace(/[():,.\-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const bareMonth = BARE_MONTH_RE.exec(words);
  if (bareMonth && context.fyStart !== null) {
    const m = monthIndex(bareMonth[1]);
    if (m !== null) return found(monthKey(m >= 4 ? context.fyStart : context.fyStart + 1, m), false);
  }
  const relative = RELATIVE_RE.exec(words);
  if (relative && context.reportingKey !== null) return found(relativeKey(relative[1], relative[2]?.toLowerCase(), context.reportingKey), false, true);
  return null;
}

export type HeaderPeriod = WordedPeriod;

/**
 * Reads a column header as a period. `fyStart` is the financial year to place a bare "Q3" or "Apr" in; without it a
 * bare quarter or month is not a period. Relative headers need `reportingKey`.
 */
export function headerPeriod(label: string, fyStart: number | null, reportingKey: number | null = null): HeaderPeriod | null {
  return periodInWords(label, { fyStart, reportingKey });
}
