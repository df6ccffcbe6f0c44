/**
 * KPI calculations: each observation's value by unit, the latest and previous periods by real time, change,
 * direction of travel by polarity, variance against target and RAG. Pure; the KPI register's live formulas
 * (register-sheet.ts) compute exactly the same numbers in the workbook, and the tests hold the two together.
 *
 * Rules, in the order they apply:
 *  - An observation's value is numerator ÷ denominator × 100 for a percentage, × 100,000 for a rate per 100,000 and
 *    × 1 otherwise, when both are numbers and the denominator is not zero; else the Value column; else none.
 *  - When a KPI has two figures for the same period, the later row wins (a finding reports the duplicate).
 *  - The reporting period is the settings' one ("Q2 2025/26"), else the latest period with any figure. Periods after
 *    it are not reported.
 *  - Latest: the KPI's most recent period with a value; previous: the one before it.
 *  - RAG: Grey when the KPI has no value for the most recent period of its kind by the end of the reporting period
 *    (a quarterly KPI reported at Q2 needs Q2; an annual one, the last full year). Else, with a target: Green when on
 *    or better than target, Amber when worse but within the tolerance (per KPI, else the settings' default, as a
 *    fraction of target or in the KPI's unit), Red beyond it. With no target: no RAG.
 *  - A KPI whose polarity is unsure (a guess the officer is asked to confirm) gets no direction and no RAG from the
 *    rule, only Grey when it has no figure: a lower-is-better KPI read as higher-is-better would otherwise show a
 *    worsening figure as improving and Green. Confirming the polarity (Plan Settings "Polarity: <id>") brings both back.
 *  - Reports (toKpiReport) keep the council's own RAG and direction where the sheet gives them, with this rule's beside.
 */
import { Direction, KpiDefinition, KpiObservation, KpiReport, KpiUnit, PlanSettings, Rag } from '../schema';
import { excelTrim, expectedEndOffset, keyEndOffset, keyKind, periodKey, periodLabel, reportingPeriodKey } from './period';
import { idMatchKey } from './read';

export interface PeriodValue {
  key: number;
  period: string;
  value: number;
  /** The figure (or its period) is marked provisional, estimated or year to date. */
  provisional: boolean;
}

export interface KpiComputed {
  definition: KpiDefinition;
  latest: PeriodValue | null;
  previous: PeriodValue | null;
  change: number | null;
  direction: Direction | null;
  target: number | null;
  /** The amber band in the KPI's unit (|target| × relative tolerance, or the absolute tolerance). */
  band: number | null;
  variance: number | null;
  rag: Rag | null;
  /** No value for the most recent period of its kind by the end of the reporting period. */
  stale: boolean;
  /** Every period with a value, oldest first (after duplicates are resolved). */
  series: PeriodValue[];
  /** The polarity is a guess not yet confirmed, so the rule judges neither RAG (bar Grey) nor direction. */
  notRated: boolean;
}

export interface KpiComputation {
  /** The reporting period's key (null: no figures at all and no reporting period set). */
  reportingKey: number | null;
  kpis: KpiComputed[];
}

export function unitScale(unit: KpiUnit): number {
  return unit === 'percentage' ? 100 : unit === 'rate per 100,000' ? 100000 : 1;
}

/** Whether the value comes from numerator ÷ denominator. */
export function isRatio(o: Pick<KpiObservation, 'numerator' | 'denominator'>): boolean {
  return o.numerator !== null && o.denominator !== null && o.denominator !== 0;
}

/** An observation's value in the KPI's unit, or null. Mirrors the Calc sheet's value columns. */
export function observationValue(o: Pick<KpiObservation, 'numerator' | 'denominator' | 'value'>, unit: KpiUnit): number | null {
  if (isRatio(o)) return (o.numerator! / o.denominator!) * unitScale(unit);
  return o.value;
}

export const DIRECTION_LABELS: Record<Direction, string> = {
  improving: '↑ improving',
  worsening: '↓ worsening',
  'no change': '→ no change',
};

/** What is shown, in words, where the rule withholds a RAG or direction because the polarity is not confirmed. */
export const NOT_RATED = 'Not rated: confirm whether higher or lower is better';

/** Whether a definition's polarity is an unconfirmed guess (the reader marks it "unsure" and asks the officer). */
export function polarityUnconfirmed(definition: Pick<KpiDefinition, 'polarityEvidence'>): boolean {
  return definition.polarityEvidence === 'unsure';
}

export function directionOf(change: number | null, polarity: KpiDefinition['polarity']): Direction | null {
  if (change === null) return null;
  if (change === 0) return 'no change';
  return change > 0 === (polarity === 'higher') ? 'improving' : 'worsening';
}

export function amberBand(definition: KpiDefinition, target: number | null, defaultTolerance: number): number | null {
  if (target === null) return null;
  const tolerance = definition.tolerance ?? { kind: 'relative' as const, value: defaultTolerance };
  return tolerance.kind === 'absolute' ? tolerance.value : tolerance.value * Math.abs(target);
}

export function ragOf(value: number, target: number | null, band: number | null, polarity: KpiDefinition['polarity']): Rag | null {
  if (target === null || band === null) return null;
  const onTarget = polarity === 'lower' ? value <= target : value >= target;
  if (onTarget) return 'Green';
  return Math.abs(value - target) <= band ? 'Amber' : 'Red';
}

export function computeKpis(
  definitions: readonly KpiDefinition[],
  observations: readonly KpiObservation[],
  settings: Pick<PlanSettings, 'reportingPeriod' | 'ragTolerance'>,
): KpiComputation {
  const index = new Map<string, number>();
  definitions.forEach((d, i) => {
    const k = idMatchKey(d.id);
    if (!index.has(k)) index.set(k, i);
  });
  const byKpi: Map<number, number>[] = definitions.map(() => new Map());
  // Provisional periods per KPI, made only for KPIs that have one (most have none).
  const provisional: (Set<number> | undefined)[] = [];
  let maxKey: number | null = null;
  const idCache = new Map<string, number | undefined>();
  for (const o of observations) {
    let i = idCache.get(o.kpiId);
    if (i === undefined && !idCache.has(o.kpiId)) {
      i = index.get(idMatchKey(excelTrim(o.kpiId)));
      idCache.set(o.kpiId, i);
    }
    if (i === undefined) continue;
    const key = periodKey(o.period);
    if (key === null) continue;
    const value = observationValue(o, definitions[i].unit);
    if (value === null || !Number.isFinite(value)) continue;
    byKpi[i].set(key, value); // later rows win
    if (o.provisional) (provisional[i] ??= new Set()).add(key);
    else provisional[i]?.delete(key);
    if (maxKey === null || key > maxKey) maxKey = key;
  }
  const reportingKey = reportingPeriodKey(settings.reportingPeriod) ?? maxKey;
  const kpis = definitions.map((definition, i): KpiComputed => {
    const series = [...byKpi[i]]
      .filter(([key]) => reportingKey !== null && key <= reportingKey)
      .sort((a, b) => a[0] - b[0])
      .map(([key, value]) => ({ key, period: periodLabel(key), value, provisional: provisional[i]?.has(key) ?? false }));
    const latest = series.length ? series[series.length - 1] : null;
    const previous = series.length > 1 ? series[series.length - 2] : null;
    const change = latest && previous ? latest.value - previous.value : null;
    const target = definition.target;
    const band = amberBand(definition, target, settings.ragTolerance);
    const stale = !latest || reportingKey === null || keyEndOffset(latest.key) < expectedEndOffset(keyKind(latest.key), reportingKey);
    const notRated = polarityUnconfirmed(definition);
    return {
      definition,
      latest,
      previous,
      change,
      direction: notRated ? null : directionOf(change, definition.polarity),
      target,
      band,
      variance: latest && target !== null ? latest.value - target : null,
      rag: stale ? 'Grey' : notRated ? null : ragOf(latest!.value, target, band, definition.polarity),
      stale,
      series,
      notRated,
    };
  });
  return { reportingKey, kpis };
}

const periodValueReport = (p: PeriodValue | null): KpiReport['latest'] => (p ? (p.provisional ? { period: p.period, value: p.value, provisional: true } : { period: p.period, value: p.value }) : null);

/**
 * A KPI as the reports show it. The council's own RAG and direction, where the sheet gives them, are kept and lead
 * (as an entered RAG does for actions), with the rule's beside them; Plan Settings' "KPI RAG: rule" puts the rule's
 * RAG first instead. The optional fields appear only where they say something, so a plain register reads as before.
 */
export function toKpiReport(k: KpiComputed, ragSource: PlanSettings['kpiRag'] = 'stated'): KpiReport {
  const d = k.definition;
  const report: KpiReport = {
    id: d.id,
    name: d.name,
    code: d.code,
    unit: d.unit,
    polarity: d.polarity,
    target: d.target,
    latest: periodValueReport(k.latest),
    previous: periodValueReport(k.previous),
    direction: k.direction,
    rag: k.rag,
    source: { sheet: d.source.sheet, row: d.source.row },
  };
  if (d.polarityEvidence) report.polarityEvidence = d.polarityEvidence;
  if (k.notRated) report.notRated = NOT_RATED;
  if (d.statedRag) {
    report.statedRag = d.statedRag;
    report.ruleRag = k.rag;
    if (ragSource !== 'rule') report.rag = d.statedRag;
  }
  if (d.statedDirection) {
    report.statedDirection = d.statedDirection;
    report.ruleDirection = k.direction;
    if (ragSource !== 'rule') report.direction = d.statedDirection;
  }
  return report;
}

/** The JSON report's `kpis` for a structured workbook. */
export function kpiReports(result: { kpis: KpiDefinition[]; observations: KpiObservation[]; settings: PlanSettings }): KpiReport[] {
  return computeKpis(result.kpis, result.observations, result.settings).kpis.map((k) => toKpiReport(k, result.settings.kpiRag));
}
