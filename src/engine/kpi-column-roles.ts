/**
 * The words an officer may use to name a KPI sheet's columns, with --columns and in the column roles saved in Plan
 * Settings, as column-roles.ts does for plans. A sheet is mapped as KPIs when one of its roles can only be a KPI's
 * (target, baseline, polarity, a period …); then every role on it is read as a KPI role, so "id" is the KPI's id and
 * "rag" the council's own RAG.
 *
 * A column of figures may name its period: "period: Q2 2025/26" holds the figures for that quarter whatever its
 * header says ("Wk 12", "Q2" in a sheet that names no year); plain "period" reads the period from the header.
 */
import type { KpiColumn, KpiColumnOverrides } from './kpi/headers';
import { expectedEndOffset, keyAt, KIND_MONTHS, PeriodKind, periodKey, periodLabel, reportingPeriodKey } from './kpi/period';
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

const PINNED = /^\s*period\s*:\s*(.+)$/i;

/** "period: Q2 2025/26": the period's key; null when the words after "period:" name no period; undefined otherwise. */
function pinnedPeriodKey(word: string): number | null | undefined {
  const m = PINNED.exec(word);
  return m ? periodKey(m[1]) : undefined;
}

/** Whether the role word can only mean a KPI's column. */
export function isKpiOnlyRole(word: string): boolean {
  return pinnedPeriodKey(word) !== undefined || lookUp(KPI_ONLY_WORDS, word) !== undefined;
}

/** The KPI field a role word names, null for "ignore", or undefined when it is not a KPI role. */
export function parseKpiRole(word: string): KpiRole | undefined {
  const pinned = pinnedPeriodKey(word);
  if (pinned !== undefined) return pinned === null ? undefined : { periodKey: pinned };
  const only = lookUp(KPI_ONLY_WORDS, word);
  return only !== undefined ? only : lookUp(SHARED_WORDS, word);
}

/** Field names whose role word differs from the name (the rest are written as they are). */
const WORD_OF: Partial<Record<string, string>> = { period: 'period name', 'period-column': 'period' };

/** How a KPI role is written back in Plan Settings: a word parseKpiRole reads as the same role. */
export function kpiRoleWord(role: KpiRole): string {
  if (role === null) return 'ignore';
  if (typeof role === 'object') return `period: ${periodLabel(role.periodKey)}`;
  return WORD_OF[role] ?? role;
}

/**
 * The role a column was read as, to keep: a period column keeps the period it was read as, unless its header is
 * relative ("This period"), whose period moves on with the reporting period.
 */
export function kpiRoleOf(column: Pick<KpiColumn, 'field' | 'period'>): KpiRole {
  if (column.field === 'period-column') return column.period && !column.period.relative ? { periodKey: column.period.key } : 'period-column';
  return column.field;
}

/** The KPI role words to list when one is not recognised. */
export function knownKpiRoles(): string[] {
  return [...Object.keys(KPI_ONLY), ...Object.keys(SHARED)].filter((w) => !/\s/.test(w) && w !== 'none' && w !== 'skip').concat('"period: Q2 2025/26"');
}

/** Roles a KPI sheet may have several columns for: one column of figures per period. */
export function repeatable(role: KpiRole): boolean {
  return role === 'period-column' || (role !== null && typeof role === 'object');
}


/** What each KPI role is called where the officer chooses it (the pane's column review). */
const ROLE_LABELS: [Exclude<KpiRole, null | object>, string][] = [
  ['id', 'KPI id'],
  ['name', 'KPI name'],
  ['code', 'Framework code (ASCOF, NI)'],
  ['unit', 'Unit'],
  ['polarity', 'Good is (higher or lower)'],
  ['frequency', 'Frequency'],
  ['baseline', 'Baseline'],
  ['target', 'Target'],
  ['tolerance', 'Tolerance'],
  ['lead', 'Lead'],
  ['period-column', 'Figures for the period in its header'],
  ['period', 'Period of each row (long form)'],
  ['numerator', 'Numerator'],
  ['denominator', 'Denominator'],
  ['value', 'Value'],
  ['rag', 'RAG (the council’s own)'],
  ['direction', 'Direction of travel'],
  ['note', 'Note'],
];

/** How many periods of each kind, up to the reporting period, are offered for a column of figures. */
const OFFERED: [PeriodKind, number][] = [
  [3, 3],
  [2, 6],
  [1, 12],
];

/**
 * The KPI roles to choose from, as role words with their names: every role, then "Figures for …" for the periods a
 * column of figures could hold: those already read on the sheet (`words`), and the last few years, quarters and
 * months up to the reporting period, latest first.
 */
export function knownKpiRoleChoices(words: readonly string[], reportingPeriod: string | null): { field: string; label: string }[] {
  const choices = ROLE_LABELS.map(([role, label]) => ({ field: kpiRoleWord(role), label }));
  const keys = new Set<number>();
  for (const w of words) {
    const role = parseKpiRole(w);
    if (role !== null && typeof role === 'object') keys.add(role.periodKey);
  }
  const reportingKey = reportingPeriodKey(reportingPeriod);
  if (reportingKey !== null) {
    for (const [kind, count] of OFFERED) {
      const latest = expectedEndOffset(kind, reportingKey);
      for (let i = 0; i < count; i++) keys.add(keyAt(latest - i * KIND_MONTHS[kind], kind));
    }
  }
  for (const key of keys) choices.push({ field: kpiRoleWord({ periodKey: key }), label: `Figures for ${periodLabel(key)}` });
  return choices;
}
