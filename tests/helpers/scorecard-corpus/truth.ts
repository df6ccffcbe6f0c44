/**
 * The ground truth for one KPI, worked out from the figures the generator wrote, by the documented rules (README,
 * src/engine/kpi/compute.ts) re-stated here on their own rather than imported, so a wrong engine cannot agree with
 * itself:
 *  - latest: the most recent period with a figure, up to the reporting period; previous: the one before it with a figure;
 *  - direction: latest against previous by polarity (equal: "no change"; no previous: none);
 *  - RAG: Grey when there is no figure for the reporting period; else none without a target; Green on or better
 *    than target; Amber worse by at most 5% of the target; Red beyond.
 * `direction` and `rag` here are the rule's; where the sheet gives the council's own, the report leads with that and
 * puts the rule's beside it (check.ts holds the report to both).
 */
import { Direction, Polarity, Rag } from '../../../src/engine/schema';
import { Measure } from './catalogue';
import { Period } from './periods';

export const TOLERANCE = 0.05;

export interface TruthPoint {
  period: string;
  value: number;
}

export interface Observed {
  period: Period;
  /** null: blank or suppressed. */
  value: number | null;
  provisional: boolean;
}

/** How the truth knows the polarity: stated on the sheet, by a framework code, by the name's words, by target against baseline; or it can't. */
export type PolarityBasis = 'stated' | 'framework' | 'words' | 'target' | 'unknowable';

export interface KpiTruth {
  /** The id or code the sheet gives the KPI (own column or start of the name cell); null when it gives none. */
  id: string | null;
  name: string;
  measure: Measure;
  polarity: Polarity;
  polarityBasis: PolarityBasis;
  target: number | null;
  latest: TruthPoint | null;
  previous: TruthPoint | null;
  direction: Direction | null;
  rag: Rag | null;
  /** The council's own RAG and direction as written on the sheet (undefined: the layout has no such column). */
  statedRag?: Rag | null;
  statedDirection?: Direction | null;
  /** Periods whose figures the sheet marks provisional or estimated (canonical labels). */
  provisional: string[];
  observed: Observed[];
  sheet: string;
  /** The row naming the KPI: its own (wide), its latest period's (long), the row of names (periods down the rows). */
  row: number;
}

export function directionOf(latest: number, previous: number, polarity: Polarity): Direction {
  if (latest === previous) return 'no change';
  return latest > previous === (polarity === 'higher') ? 'improving' : 'worsening';
}

export function ragOf(value: number, target: number, polarity: Polarity): Rag {
  if (polarity === 'higher' ? value >= target : value <= target) return 'Green';
  return Math.abs(value - target) <= TOLERANCE * Math.abs(target) ? 'Amber' : 'Red';
}

/** latest, previous, direction and RAG from the figures, as at the reporting period. */
export function resolve(observed: Observed[], target: number | null, polarity: Polarity, reporting: Period): Pick<KpiTruth, 'latest' | 'previous' | 'direction' | 'rag'> {
  const withValue = observed.filter((o) => o.value !== null && o.period.end <= reporting.end).sort((a, b) => a.period.end - b.period.end);
  const last = withValue[withValue.length - 1];
  const before = withValue[withValue.length - 2];
  const latest = last ? { period: last.period.label, value: last.value! } : null;
  const previous = before ? { period: before.period.label, value: before.value! } : null;
  const direction = latest && previous ? directionOf(latest.value, previous.value, polarity) : null;
  const stale = !last || last.period.end < reporting.end;
  const rag: Rag | null = stale ? 'Grey' : target === null ? null : ragOf(latest!.value, target, polarity);
  return { latest, previous, direction, rag };
}
