/**
 * The words an officer may use to name a column's role: the schema's action fields, a few everyday aliases, and
 * "ignore". Shared by the command line's --columns and the column roles saved in Plan Settings, so both read the
 * same words the same way.
 */
import { PLAN_COLUMNS } from './schema';
import type { ColumnField } from './structure/columns';
import { normalise } from './text';

/** The roles that map to a field: every Plan column the officer's sheet can supply, and the timescale marker. */
export const ROLE_FIELDS: readonly ColumnField[] = [
  ...PLAN_COLUMNS.filter((c) => c.key !== 'sourceSheet' && c.key !== 'sourceRow' && c.key !== 'kpiRag').map((c) => c.key as ColumnField),
  'marker',
];

/** The role that tells PlanAssure to leave a column out. */
export const IGNORE_ROLE = 'ignore';

/** Everyday words for a role, beside the field names themselves and the Plan sheet's headers. */
const ALIASES: Record<string, ColumnField | null> = {
  due: 'dueDate',
  'due by': 'dueDate',
  deadline: 'dueDate',
  qs: 'qualityStatement',
  'quality statement': 'qualityStatement',
  owner: 'lead',
  responsible: 'lead',
  who: 'lead',
  when: 'timescale',
  ragstatus: 'rag',
  'rag status': 'rag',
  update: 'progress',
  comments: 'progress',
  kpi: 'measures',
  kpis: 'measures',
  outcome: 'outcomes',
  milestone: 'milestones',
  reference: 'ref',
  id: 'ref',
  updated: 'lastUpdated',
  'last updated': 'lastUpdated',
  'timescale marker': 'marker',
  none: null,
  skip: null,
  [IGNORE_ROLE]: null,
};

const byWord = new Map<string, ColumnField | null>();
for (const field of ROLE_FIELDS) {
  byWord.set(normalise(field), field);
  byWord.set(field.toLowerCase(), field);
}
for (const c of PLAN_COLUMNS) if (ROLE_FIELDS.includes(c.key as ColumnField)) byWord.set(normalise(c.header), c.key as ColumnField);
for (const [word, field] of Object.entries(ALIASES)) byWord.set(normalise(word), field);

/**
 * The field a role word names, null for "ignore" (and its synonyms), or undefined when the word is not a role.
 * Case, spaces and punctuation do not matter: "dueDate", "due date" and "Due" all name the due date.
 */
export function parseRole(word: string): ColumnField | null | undefined {
  const key = word.trim().toLowerCase();
  if (byWord.has(key)) return byWord.get(key);
  const n = normalise(word);
  return byWord.has(n) ? byWord.get(n) : undefined;
}

/** The role words to list when one is not recognised: the field names, then the aliases, then "ignore". */
export function knownRoles(): string[] {
  return [...ROLE_FIELDS, ...Object.keys(ALIASES).filter((a) => !/\s/.test(a) && a !== IGNORE_ROLE && a !== 'none' && a !== 'skip'), IGNORE_ROLE];
}

/** How a role is written back (in Plan Settings and in the hint the CLI prints): the field name, or "ignore". */
export function roleWord(field: ColumnField | null): string {
  return field ?? IGNORE_ROLE;
}
