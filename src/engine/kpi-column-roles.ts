/**
 * The words an officer may use to name a KPI sheet's columns with --columns, as column-roles.ts does for plans. A
 * sheet is mapped as KPIs when one of its roles can only be a KPI's (target, baseline, polarity, a period …); then
 * every role on it is read as a KPI role, so "id" is the KPI's id and "rag" the council's own RAG.
 */
import type { KpiColumnOverrides } from './kpi/headers';
import { normalise } from './text';

export type KpiRole = KpiColumnOverrides[number];

/** Role words that name a field of a KPI and of nothing in a plan. */
const KPI_ONLY: Record<string, KpiRole> = {
  'kpi id': 'id',
  'kpi name': 'name',
  name: 'name',
  indicator: 'name',
  code: 'code',
  ascof: 'code',
  unit: 'unit',
  polarity: 'polarity',
  'good is': 'polarity',
  frequency: 'frequency',
  baseline: 'baseline',
  target: 'target',
  tolerance: 'tolerance',
  numerator: 'numerator',
  denominator: 'denominator',
  value: 'value',
  figure: 'value',
  direction: 'direction',
  trend: 'direction',
  // A column of figures for one period, named by its header ("Q2 2025/26", "2024/25 outturn").
  period: 'period-column',
  'period column': 'period-column',
  // In a long sheet, the column saying which period each row is for.
  'period name': 'period',
};

/** Words that also name a plan's column: on a KPI sheet they name the KPI's. */
const SHARED: Record<string, KpiRole> = {
  id: 'id',
  ref: 'id',
  lead: 'lead',
  owner: 'lead',
  note: 'note',
  notes: 'note',
  rag: 'rag',
  ignore: null,
  none: null,
  skip: null,
};

const byWord = (table: Record<string, KpiRole>) => new Map(Object.entries(table).map(([w, role]) => [normalise(w), role]));
const KPI_ONLY_WORDS = byWord(KPI_ONLY);
const SHARED_WORDS = byWord(SHARED);

function lookUp(table: Map<string, KpiRole>, word: string): KpiRole | undefined {
  const n = normalise(word);
  return table.has(n) ? table.get(n) : undefined;
}

/** Whether the role word can only mean a KPI's column. */
export function isKpiOnlyRole(word: string): boolean {
  return lookUp(KPI_ONLY_WORDS, word) !== undefined;
}

/** The KPI field a role word names, null for "ignore", or undefined when it is not a KPI role. */
export function parseKpiRole(word: string): KpiRole | undefined {
  const only = lookUp(KPI_ONLY_WORDS, word);
  return only !== undefined ? only : lookUp(SHARED_WORDS, word);
}

/** The KPI role words to list when one is not recognised. */
export function knownKpiRoles(): string[] {
  return [...Object.keys(KPI_ONLY), ...Object.keys(SHARED)].filter((w) => !/\s/.test(w) && w !== 'none' && w !== 'skip');
}

/** Roles a KPI sheet may have several columns for: one column of figures per period. */
export function repeatable(role: KpiRole): boolean {
  return role === 'period-column';
}

