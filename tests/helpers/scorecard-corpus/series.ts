/**
 * Value series for one KPI: a seeded random walk over the layout's periods, a target set relative to the latest value
 * so that the corpus holds Green, Amber and Red KPIs in known numbers, and a first value on the wrong side of the
 * target (a target is an improvement on the baseline, so "target against baseline" agrees with the true polarity).
 */
import { Measure } from './catalogue';

export type Rng = () => number;

/** mulberry32: small, seeded, good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Rounds to the measure's decimals (negative decimals round to tens, hundreds …) without float noise. */
export function roundTo(value: number, decimals: number): number {
  if (decimals >= 0) return Number(value.toFixed(decimals));
  const f = 10 ** -decimals;
  return Math.round(value / f) * f;
}

/** The smallest step a value is shown to. */
export function stepOf(m: Measure): number {
  return 10 ** -m.decimals;
}

/**
 * How the latest value sits against the target; 'away' is worse than target and moving further from it; 'near-red'
 * is worse by 6–9%: Red by the 5% rule, Amber to a council that allows 10%.
 */
export type Scenario = 'green' | 'amber' | 'red' | 'near-red' | 'away' | 'none';

export interface GeneratedSeries {
  values: number[];
  target: number | null;
}

/**
 * `count` values (count ≥ 2) and a target. The latest value's place against the target follows the scenario:
 * green on or better; amber worse by 1–4% of target; red worse by 8–20%; away: red-or-amber and worse than the
 * previous value; none: no target.
 */
export function generateSeries(m: Measure, count: number, scenario: Scenario, rng: Rng): GeneratedSeries {
  const [lo, hi] = m.range;
  const span = hi - lo;
  const good = m.polarity === 'higher' ? 1 : -1;
  const step = stepOf(m);
  const r = (v: number) => roundTo(v, m.decimals);
  const values: number[] = [];
  let v = lo + span * (0.3 + 0.4 * rng());
  for (let i = 0; i < count; i++) {
    values.push(r(v));
    v += span * (rng() - 0.5) * 0.2;
    v = Math.min(hi, Math.max(lo, v));
  }
  if (scenario === 'none') return { values, target: null };
  const latest = values[count - 1];
  // A whole-number (or round) target, as councils set them.
  const niceTarget = (t: number) => (m.decimals < 0 ? roundTo(t, m.decimals) : Math.abs(t) >= 100 ? Math.round(t / 10) * 10 : Math.round(t));
  let target: number;
  if (scenario === 'green') target = niceTarget(latest - good * span * 0.05 * rng());
  else {
    const off = scenario === 'amber' ? 0.01 + 0.03 * rng() : scenario === 'near-red' ? 0.065 + 0.02 * rng() : 0.08 + 0.12 * rng();
    target = scenario === 'near-red' ? r(latest + good * Math.abs(latest) * off) : niceTarget(latest + good * Math.abs(latest) * off);
    if (scenario === 'away') target = niceTarget(latest + good * Math.abs(latest) * (0.02 + 0.1 * rng()));
  }
  if (scenario === 'green' && (latest - target) * good < 0) target = latest;
  if (scenario !== 'green' && (latest - target) * good >= 0) target = r(latest + good * step * 2);
  if (scenario === 'away') {
    // Previous nearer the target than the latest: a move away from it.
    values[count - 2] = r(latest + good * Math.max(step, Math.abs(target - latest) / 2));
    if ((values[count - 2] - target) * good > 0) values[count - 2] = target;
  }
  // The baseline (first value) falls short of the target, so the target shows which way is better.
  if (count >= 3 && (values[0] - target) * good >= 0) values[0] = r(target - good * Math.max(step, Math.abs(target) * 0.06));
  // Keep clear of the 5% (and a council's 10%) amber edge: a value on the edge is a float coin-toss, not a test of the rule.
  for (const edge of [0.05, 0.1].map((f) => Math.abs(target) * f)) {
    const last = values[count - 1];
    if (Math.abs(Math.abs(last - target) - edge) < step / 2 + 1e-9) values[count - 1] = r(last - good * step);
  }
  return { values, target };
}
