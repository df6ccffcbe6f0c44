/**
 * The values a KPI's unit can hold at all. A percentage lies between 0 and 100; a count, a number of days or a rate
 * cannot be negative. A figure outside that range is a mistake in the data (a numerator larger than its denominator,
 * a minus sign typed by mistake), never a result: the findings name its cell, the scorecard marks it, and the trend
 * charts leave it out rather than plot it as if true. Scores are left alone: their scales differ from measure to
 * measure (out of 24, out of 12, a local scale), so no one range holds for every council.
 */
import { KpiUnit } from '../schema';

/** Why a value cannot be right for its unit, in words ("is over 100%"), or null when it can be. */
export function impossibleFor(value: number | null, unit: KpiUnit): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (unit === 'percentage') return value > 100 ? 'is over 100%' : value < 0 ? 'is below 0%' : null;
  if (unit === 'score') return null;
  return value < 0 ? `is negative, and a ${unit === 'number' ? 'count' : unit} cannot be` : null;
}
