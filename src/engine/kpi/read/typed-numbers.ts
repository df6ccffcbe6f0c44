/**
 * Numbers as officers type them into text cells: "1,234", "75.2%", "£1.2m", "3k", "12.5 days", "(42)", "−3",
 * "45 (provisional)"; and the markers councils write where there is no figure ("*", "<5", "n/a", "-", "no data",
 * "x", "c", "[c]", ":"), which are read as no value, with a note, never as zero.
 */
import { KpiUnit } from '../../schema';
import { CellModel, CellValue } from '../../workbook';
import { isPercentFormat, numberOf } from './numbers';

export type TypedNumber =
  | {
      kind: 'number';
      value: number;
      /** Written with a percent sign ("75.2%"): a percentage, not a fraction. */
      percent: boolean;
      /** Words after the number that name a unit ("days", "per 100,000"), lower case; '' when none. */
      unitWords: string;
      /** Marked provisional, estimated or year to date ("45 (p)", "12 est"). */
      provisional: boolean;
    }
  | { kind: 'missing'; note: string }
  | { kind: 'unreadable' };

/** What councils write where a figure is suppressed, not available or not applicable, and what it means. */
const MISSING: readonly [RegExp, string][] = [
  [/^\[?[cs]\]?$|^\*+$|^<\s*\d+$|^suppressed$|^redacted$/i, 'suppressed (small numbers)'],
  [/^\[?[xz]\]?$|^n\/?a$|^:$|^\.\.$|^[-–—]+$|^not applicable$/i, 'not available or not applicable'],
  [/^(no data|not available|not yet available|data not available|awaiting data|nd|tbc|tba|not known|unknown|not reported|no return)$/i, 'not available yet'],
];

const PROVISIONAL = String.raw`provisional|prov|estimated?|est|forecast|projected|draft|unvalidated|ytd|year to date|p`;
const PROVISIONAL_ONLY = new RegExp(String.raw`^(?:(?:${PROVISIONAL})\.?\s*)+$`, 'i');
const PROVISIONAL_WORDS = new RegExp(String.raw`\b(?:${PROVISIONAL})\b\.?`, 'gi');
const UNIT_WORDS = /^(days?|weeks?|months?|hours?|years?|people|persons?|clients?|cases?|adults?|carers?|referrals?|assessments?|reviews?|admissions?|beds?|per\s*(?:100,?000|1,?000|10,?000|100k|1k)|pts?|points?|score|out of \d+)$/i;
const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/** Removes floating-point noise from a scaled figure: 0.28 × 100 → 28, not 28.000000000000004. */
export function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
}

const typedCache = new Map<string, TypedNumber>();

/** Reads a text cell as a number the way an officer meant it. */
export function readTypedNumber(text: string): TypedNumber {
  const cached = typedCache.get(text);
  if (cached) return cached;
  const result = parse(text);
  if (typedCache.size > 20_000) typedCache.clear();
  typedCache.set(text, result);
  return result;
}

function parse(text: string): TypedNumber {
  const trimmed = text.replace(/\u00a0/g, ' ').trim();
  for (const [pattern, meaning] of MISSING) if (pattern.test(trimmed)) return { kind: 'missing', note: `“${trimmed}”: ${meaning}` };
  let t = trimmed.replace(/[−–—]/g, '-');
  let provisional = false;
  // A footnote or provisional mark after the figure: "45*", "45 (p)", "45 provisional".
  t = t.replace(/\s*[*†‡]+$/, '');
  t = t.replace(/\s*\(([^()]*)\)\s*$/, (whole, inner: string) => {
    if (!PROVISIONAL_ONLY.test(inner.trim())) return whole;
    provisional = true;
    return '';
  });
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) [negative, t] = [true, bracketed[1].trim()];
  const sign = /^([+-])\s*/.exec(t);
  if (sign) [negative, t] = [negative !== (sign[1] === '-'), t.slice(sign[0].length)];
  t = t.replace(/^[£$€]\s*/, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?![\d,])/.exec(t);
  if (!m || (!m[1] && !m[2])) return { kind: 'unreadable' };
  let value = Number(`${(m[1] ?? '0').replace(/,/g, '')}${m[2] ?? ''}`);
  let rest = t.slice(m[0].length).trim();
  let percent = false;
  const pct = /^(%|per ?cent\b|pc\b)\s*/i.exec(rest);
  if (pct) [percent, rest] = [true, rest.slice(pct[0].length)];
  const mult = /^(k|m|bn|thousand|million|billion)\b\s*/i.exec(rest);
  if (mult && !percent) [value, rest] = [clean(value * MULTIPLIERS[mult[1].toLowerCase()]), rest.slice(mult[0].length)];
  rest = rest.trim();
  if (rest) {
    const words = rest.replace(PROVISIONAL_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (words !== rest.replace(/\s+/g, ' ')) provisional = true;
    if (words && !UNIT_WORDS.test(words)) return { kind: 'unreadable' };
    rest = words.toLowerCase();
  }
  return { kind: 'number', value: negative ? -value : value, percent, unitWords: rest, provisional };
}

/** A figure cell: a number (× 100 when `factor` says fractions are shown as percentages), or text read as typed. */
export interface FigureReading {
  value: number | null;
  /** The figure was typed as text (the workbook's formulas do not see it as a number). */
  typed: boolean;
  /** Text that is not a number: a marker of no figure (with its note), or unreadable. */
  missing: string | null;
  unreadable: boolean;
  provisional: boolean;
  percent: boolean;
}

const EMPTY: FigureReading = Object.freeze({ value: null, typed: false, missing: null, unreadable: false, provisional: false, percent: false });

export function readFigure(cell: CellModel | undefined, factor: number): FigureReading {
  if (!cell) return EMPTY;
  const n = numberOf(cell.value);
  if (n !== null) return { ...EMPTY, value: factor === 1 ? n : clean(n * factor), percent: isPercentFormat(cell) };
  return readFigureText(cell.value);
}

export function readFigureText(value: CellValue): FigureReading {
  if (value.type !== 'text') return EMPTY;
  const text = value.value.trim();
  if (!text) return EMPTY;
  const typed = readTypedNumber(text);
  if (typed.kind === 'missing') return { ...EMPTY, missing: typed.note };
  if (typed.kind === 'unreadable') return { ...EMPTY, unreadable: true };
  return { value: typed.value, typed: true, missing: null, unreadable: false, provisional: typed.provisional, percent: typed.percent };
}

/** Words around a target's figure that say which side of it is good ("≥", "at least", "below", "by March"). */
const TARGET_WORDS = /^(?:[<>≤≥]=?|=<|=>|at least|at most|no more than|no less than|not more than|not less than|more than|less than|fewer than|above|below|under|over|minimum(?: of)?|maximum(?: of)?|min|max|target:?)\s*/i;

/**
 * A target or baseline cell: a number (× 100 when a fraction is shown as a percentage, or when the KPI's figures are
 * percentages and the target is written as a fraction), or a number typed as text ("28%", "≥ 80%", "below 500").
 */
export function parseTargetNumber(cell: CellModel | undefined, unit: KpiUnit, figuresArePercentPoints = false): { value: number | null; factor: number; live: boolean } {
  const n = numberOf(cell?.value);
  if (n !== null) {
    const fraction = unit === 'percentage' && (isPercentFormat(cell) || (figuresArePercentPoints && Math.abs(n) <= 1 && n !== 0));
    const factor = fraction ? 100 : 1;
    return { value: clean(n * factor), factor, live: true };
  }
  if (cell?.value.type === 'text') {
    let text = cell.value.value.trim();
    while (TARGET_WORDS.test(text)) text = text.replace(TARGET_WORDS, '');
    const typed = readTypedNumber(text.replace(/\s+(by|in|for|from|at|during)\b.*$/i, ''));
    if (typed.kind === 'number') return { value: typed.value, factor: 1, live: false };
    // The first figure in a sentence ("Reduce to 500"), unless the sentence names a year ("Maintain 2024/25 level").
    const m = /(-?\d+(?:,\d{3})*(?:\.\d+)?)/.exec(cell.value.value);
    if (m && !/\b(19|20)\d{2}\b/.test(cell.value.value)) return { value: Number(m[1].replace(/,/g, '')), factor: 1, live: false };
  }
  return { value: null, factor: 1, live: false };
}
