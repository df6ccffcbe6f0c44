/**
 * The rule catalogue: every check PlanAssure runs on a structured plan. Each rule has a stable id (used in the
 * "Plan Settings" sheet and in docs/RULES.md, which is generated from this file), a default severity, a title, a
 * description of what it checks, and builders for its message and suggested fix.
 *
 * Every finding points at a cell in the SOURCE sheet (the officer's own layout): the cell the officer has to change,
 * or, where something is missing, the empty cell where it belongs.
 */
import { findFrameworkCodes } from '../ascof';
import { STATUS_SWATCH } from '../rag/rag-formats';
import { PLAN_COLUMNS, PlanSettings, QUALITY_STATEMENTS, QualityStatement, Rag, RAGS, Severity, STATUSES, Status } from '../schema';
import { ActionField } from '../structure/columns';
import { SheetLayout, StructuredAction, StructureResult } from '../structure/types';
import { hasPlanOrKpis } from '../structure/workbook-kind';
import { hasFewerWords, normalise, similarity } from '../text';
import { parseTimescale } from '../timescale';
import { nearestQualityStatement, nearestStatus } from '../vocabulary';
import { a1, parseA1 } from '../workbook';

// ---------------------------------------------------------------------------------------------------------------
// Rule shape
// ---------------------------------------------------------------------------------------------------------------

export const RULE_IDS = [
  'no-plan-table',
  'missing-column',
  'missing-action',
  'missing-lead',
  'duplicate-ref',
  'missing-ref',
  'invalid-status',
  'invalid-rag',
  'unparseable-timescale',
  'missing-due-date',
  'overdue',
  'rag-inconsistent',
  'complete-without-evidence',
  'formula-error',
  'smart-incomplete',
  'unknown-framework-code',
  'theme-not-in-framework',
  'cross-reference-not-found',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A finding before plan settings change its severity. */
export interface RawFinding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  fix: string;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** Where the default differs by case (missing-column: error for the action column). */
  severityNote?: string;
  title: string;
  /** What the rule checks, in a sentence or two (for docs/RULES.md). */
  checks: string;
  /** A worked example of the message and fix. */
  example: { message: string; fix: string };
  run(context: ValidationContext): RawFinding[];
}

interface Hit<P> {
  sheet: string;
  cell: string;
  params: P;
  severity?: Severity;
}

interface RuleSpec<P> {
  id: RuleId;
  defaultSeverity: Severity;
  severityNote?: string;
  title: string;
  checks: string;
  message(params: P): string;
  fix(params: P): string;
  example: P;
  find(context: ValidationContext): Hit<P>[];
}

function defineRule<P>(spec: RuleSpec<P>): Rule {
  return {
    id: spec.id,
    defaultSeverity: spec.defaultSeverity,
    severityNote: spec.severityNote,
    title: spec.title,
    checks: spec.checks,
    example: { message: spec.message(spec.example), fix: spec.fix(spec.example) },
    run: (context) =>
      spec.find(context).map((hit) => ({
        rule: spec.id,
        severity: hit.severity ?? spec.defaultSeverity,
        sheet: hit.sheet,
        cell: hit.cell,
        message: spec.message(hit.params),
        fix: spec.fix(hit.params),
      })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the rules see
// ---------------------------------------------------------------------------------------------------------------

/** Fields a sheet can be missing a column for, in the order their suggested header cells are handed out. */
const PLACED_FIELDS = ['ref', 'action', 'lead', 'timescale', 'status'] as const;
type PlacedField = (typeof PLACED_FIELDS)[number];

export interface SheetInfo {
  layout: SheetLayout;
  actions: StructuredAction[];
  /** Fields any header on the sheet maps a column to (quarter-marker columns count as 'marker'). */
  fields: Set<string>;
  /** The sheet dates its actions in a milestones column because it has no timescale column (Sefton). */
  milestonesServeAsTimescale: boolean;
  /** Columns the sheet lacks, each with the header cell where it would go. */
  missing: Map<PlacedField, string>;
}

export interface ValidationContext {
  result: StructureResult;
  today: string;
  settings: PlanSettings;
  sheets: Map<string, SheetInfo>;
  /** At least one action has a recognised quality statement, or a sheet has a quality-statement column. */
  isCqcPlan: boolean;
}

function hasTimescaleColumn(fields: Set<string>): boolean {
  return fields.has('timescale') || fields.has('dueDate') || fields.has('marker');
}

export function buildContext(result: StructureResult, today: string): ValidationContext {
  const sheets = new Map<string, SheetInfo>();
  for (const layout of result.sheets) {
    if (layout.role !== 'plan') continue;
    const actions = result.actions.filter((a) => a.source.sheet === layout.sheet);
    const fields = new Set<string>();
    for (const c of layout.columns) if (c.field) fields.add(c.field);
    for (const a of actions) for (const f of a.columns) fields.add(f);
    const milestonesServeAsTimescale =
      !hasTimescaleColumn(fields) && fields.has('milestones') && actions.some((a) => a.timescaleKind === 'date' || a.timescaleKind === 'relative');
    // Missing columns are pointed at the first header row, in the next free columns to the right of the table:
    // where the officer would add them. Each missing column gets its own cell, in PLACED_FIELDS order.
    const missing = new Map<PlacedField, string>();
    const headerRow = layout.headerRows[0] ?? 1;
    let nextCol = Math.max(0, ...layout.columns.map((c) => c.col)) + 1;
    for (const field of PLACED_FIELDS) {
      const present = field === 'timescale' ? hasTimescaleColumn(fields) || milestonesServeAsTimescale : fields.has(field);
      if (!present) missing.set(field, a1(headerRow, nextCol++));
    }
    sheets.set(layout.sheet, { layout, actions, fields, milestonesServeAsTimescale, missing });
  }
  const isCqcPlan =
    result.actions.some((a) => a.qualityStatement !== null && (QUALITY_STATEMENTS as readonly string[]).includes(a.qualityStatement)) ||
    [...sheets.values()].some((s) => s.fields.has('qualityStatement'));
  return { result, today, settings: result.settings, sheets, isCqcPlan };
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function snippet(text: string, max = 48): string {
  const first = text.split('\n')[0].replace(/^[•\-–\s]+/, '').trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

/** How a message names an action: by its ref where it has one, else by its row and opening words. */
export function actionLabel(a: StructuredAction): string {
  if (a.ref) return `Action ${a.ref} (row ${a.source.row})`;
  if (a.action) return `The action on row ${a.source.row} (“${snippet(a.action)}”)`;
  return `Row ${a.source.row}`;
}

function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function rowCell(a: StructuredAction, field: ActionField): string | undefined {
  return a.cells[field];
}

function fallbackCell(a: StructuredAction): string {
  return a.cells.action ?? a.cells.ref ?? a1(a.source.row, 1);
}

const CROSS_REFERENCE = /^\s*(?:see(?:\s+also)?|refer\s+to|cf\.?|as\s+per|covered\s+(?:by|in|under))\s+(?:action\s+|ref\.?\s*|no\.?\s*|item\s+)?([A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?)\s*(?:above|below)?\s*\.?\s*$/i;

/** The ref a cross-reference row points to ("See 12.1", "Refer to 13.1"), or null for an ordinary action. */
export function crossReference(a: StructuredAction): string | null {
  const m = CROSS_REFERENCE.exec(a.action);
  return m ? m[1] : null;
}

function errorFields(a: StructuredAction): Set<string> {
  return new Set(a.errors.map((e) => e.field));
}

/** The quarter-marker column cell for a label ("9m"), on the action's first row. */
function markerCell(a: StructuredAction, info: SheetInfo, which: 'latest' | 'first'): string | undefined {
  const markers = info.layout.columns.filter((c) => c.field === 'marker');
  if (!markers.length) return undefined;
  if (which === 'first' || !a.timescale) return a1(a.source.row, markers[0].col);
  const labels = a.timescale.split(/[\n,]+/).map((l) => normalise(l)).filter(Boolean);
  const last = labels[labels.length - 1];
  const column = markers.find((c) => normalise(c.header.split(': ').pop() ?? c.header) === last);
  return a1(a.source.row, (column ?? markers[markers.length - 1]).col);
}

/** The cell that holds (or should hold) an action's timescale text. */
function timescaleTextCell(a: StructuredAction, info: SheetInfo): string {
  return a.cells.timescale ?? markerCell(a, info, 'latest') ?? (info.milestonesServeAsTimescale ? a.cells.milestones : undefined) ?? a.cells.dueDate ?? fallbackCell(a);
}

/** The cell that gives an action its due date: the due-date cell, or the timescale it was read from. */
function dueCell(a: StructuredAction, info: SheetInfo, settings: PlanSettings): string {
  if (a.cells.dueDate) {
    if (!a.timescale || !(a.cells.timescale || info.milestonesServeAsTimescale || markerCell(a, info, 'first'))) return a.cells.dueDate;
    const parsed = parseTimescale(a.timescale, settings.planStart, settings.relativeTerms);
    if (parsed.dueDate !== a.dueDate) return a.cells.dueDate;
  }
  return timescaleTextCell(a, info);
}

/** Where to write a due date that is missing altogether. */
function missingDueCell(a: StructuredAction, info: SheetInfo): string {
  return a.cells.dueDate ?? a.cells.timescale ?? markerCell(a, info, 'first') ?? (info.milestonesServeAsTimescale ? a.cells.milestones : undefined) ?? fallbackCell(a);
}

/** Unrecognised status text (invalid-status reports it); such an action is not judged overdue until it is fixed. */
function hasUnrecognisedStatus(a: StructuredAction): boolean {
  return !!a.statusText && a.status === null;
}

function isOverdue(a: StructuredAction, today: string): boolean {
  return a.dueDate !== null && a.dueDate < today && a.status !== 'Complete' && !hasUnrecognisedStatus(a);
}

function fieldHeader(field: string): string {
  return PLAN_COLUMNS.find((c) => c.key === field)?.header ?? (field === 'marker' ? 'Timescale' : field);
}

function nearestRag(text: string): Rag {
  let best: Rag = RAGS[0];
  let score = -1;
  for (const rag of RAGS) {
    const s = similarity(text, rag);
    if (s > score) {
      score = s;
      best = rag;
    }
  }
  return best;
}

/** The next unused ref after `ref` ("ES3.5" → "ES3.6"), for a suggested fix. */
function nextFreeRef(ref: string, used: Set<string>): string {
  const m = /^(.*?)(\d+)([^\d]*)$/.exec(ref);
  if (!m) return `${ref}-2`;
  let n = Number(m[2]);
  for (let i = 0; i < 1000; i++) {
    n++;
    const candidate = `${m[1]}${n}${m[3]}`;
    if (!used.has(normalise(candidate))) return candidate;
  }
  return `${ref}-2`;
}

const MEASURABLE_IN_TEXT = /\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)|\b(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)?\b/i;

/** The RAG each status implies: the same table the colours use. */
const EXPECTED_RAG: Record<Status, Rag> = STATUS_SWATCH;

function eachPlanAction(context: ValidationContext, fn: (a: StructuredAction, info: SheetInfo) => void): void {
  for (const info of context.sheets.values()) for (const a of info.actions) fn(a, info);
}

function collect<P>(context: ValidationContext, fn: (a: StructuredAction, info: SheetInfo) => Hit<P> | Hit<P>[] | null | undefined): Hit<P>[] {
  const hits: Hit<P>[] = [];
  eachPlanAction(context, (a, info) => {
    const h = fn(a, info);
    if (Array.isArray(h)) hits.push(...h);
    else if (h) hits.push(h);
  });
  return hits;
}

const STATUS_LIST = STATUSES.join(', ');
const QS_COUNT = QUALITY_STATEMENTS.length;

// ---------------------------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------------------------

const COLUMN_PURPOSE: Record<PlacedField, string> = {
  ref: 'its actions have no refs',
  action: 'PlanAssure cannot tell what each row is for',
  lead: 'no action on it has a named lead',
  timescale: 'no action on it has a due date',
  status: 'progress on its actions cannot be tracked or rated',
};

const COLUMN_HEADER: Record<PlacedField, string> = {
  ref: 'Ref',
  action: 'Action',
  lead: 'Lead',
  timescale: 'Timescale',
  status: 'Status',
};

const noPlanTable = defineRule<{ sheet: string }>({
  id: 'no-plan-table',
  defaultSeverity: 'error',
  title: 'No plan table found',
  checks:
    'No sheet has a header row with an action column, so there is nothing to check. Reported once, at A1 of the first ' +
    'sheet. Structuring already reports this; validation adds it only when the structure result does not carry it, so ' +
    'it is never listed twice.',
  message: () => 'No sheet has a header row with an action column, so there is no plan to read.',
  fix: () => 'Add a header row with at least an “Action” column and one other, such as “Lead” or “Timescale”, above the actions.',
  example: { sheet: 'Sheet1' },
  find: (context) => {
    if (hasPlanOrKpis(context.result.sheets)) return [];
    // Structuring reports it, or says why a sheet that looks like a scorecard could not be read.
    if (context.result.findings.some((f) => f.rule === 'no-plan-table' || f.rule === 'kpi-scorecard-unread')) return [];
    const sheet = context.result.sheets[0]?.sheet ?? 'Sheet1';
    return [{ sheet, cell: 'A1', params: { sheet } }];
  },
});

const missingColumn = defineRule<{ sheet: string; field: Exclude<PlacedField, 'ref'>; cell: string }>({
  id: 'missing-column',
  defaultSeverity: 'warning',
  severityNote: 'error for a missing Action column; warning for Lead, Timescale (or Due date) and Status',
  title: 'A plan sheet has no column for a key field',
  checks:
    'A plan sheet has no Action, Lead, Timescale/Due date or Status column. Reported once per sheet and field, at the ' +
    'first header row in the first free column to the right of the table (the next missing column takes the next ' +
    'cell along), which is where the officer would add the column. Quarter-marker columns (3m, 6m, 9m, 12m) count as ' +
    'a timescale, and so does a milestones column whose entries give dates when there is no timescale column.',
  message: (p) => `The “${p.sheet}” sheet has no ${COLUMN_HEADER[p.field]} column, so ${COLUMN_PURPOSE[p.field]}.`,
  fix: (p) => `Add a “${COLUMN_HEADER[p.field]}” column (for example at ${p.cell}) and fill it in for every action.`,
  example: { sheet: 'CQC Improvement Plan', field: 'lead', cell: 'E3' },
  find: (context) => {
    const hits: Hit<{ sheet: string; field: Exclude<PlacedField, 'ref'>; cell: string }>[] = [];
    for (const [sheet, info] of context.sheets) {
      for (const [field, cell] of info.missing) {
        if (field === 'ref') continue;
        hits.push({ sheet, cell, params: { sheet, field, cell }, severity: field === 'action' ? 'error' : undefined });
      }
    }
    return hits;
  },
});

const missingAction = defineRule<{ row: number; ref: string | null }>({
  id: 'missing-action',
  defaultSeverity: 'error',
  title: 'A row has content but no action',
  checks: 'A row in the plan table has a ref, lead, date or other content but its action cell is empty. Points at the empty action cell.',
  message: (p) => `Row ${p.row}${p.ref ? ` (ref ${p.ref})` : ''} has content but no action text.`,
  fix: () => 'Write what will be done in the action cell, or delete the row if it is not an action.',
  example: { row: 14, ref: '2.3' },
  find: (context) =>
    collect(context, (a, info) =>
      !a.action.trim() && info.fields.has('action') && a.cells.action
        ? { sheet: a.source.sheet, cell: a.cells.action, params: { row: a.source.row, ref: a.ref } }
        : null,
    ),
});

const missingLead = defineRule<{ who: string }>({
  id: 'missing-lead',
  defaultSeverity: 'warning',
  title: 'An action has no lead',
  checks:
    'The sheet has a lead column but this action’s lead cell is empty. Cross-reference rows (“See 12.1”) are not ' +
    'checked: the action they point to has the lead. Points at the empty lead cell.',
  message: (p) => `${p.who} has no lead.`,
  fix: () => 'Name the responsible officer or team in the lead cell.',
  example: { who: 'Action WP1.4 (row 5)' },
  find: (context) =>
    collect(context, (a) =>
      a.columns.includes('lead') && !a.lead && a.cells.lead && a.action.trim() && !crossReference(a)
        ? { sheet: a.source.sheet, cell: a.cells.lead, params: { who: actionLabel(a) } }
        : null,
    ),
});

const duplicateRef = defineRule<{ who: string; ref: string; first: string; suggestion: string }>({
  id: 'duplicate-ref',
  defaultSeverity: 'error',
  title: 'Two actions share a ref',
  checks:
    'The same ref (ignoring case and spacing) is used by more than one action anywhere in the plan. Reported at the ' +
    'second and any later occurrence, not the first.',
  message: (p) => `${p.who} uses the ref ${p.ref}, which ${p.first} already uses.`,
  fix: (p) => `Give this action its own ref, for example ${p.suggestion}, and update anything that refers to it.`,
  example: { who: 'Action ES3.5 (row 21)', ref: 'ES3.5', first: 'row 20', suggestion: 'ES3.6' },
  find: (context) => {
    const seen = new Map<string, StructuredAction>();
    const used = new Set(context.result.actions.filter((a) => a.ref).map((a) => normalise(a.ref!)));
    return collect(context, (a) => {
      if (!a.ref || !a.cells.ref) return null;
      const key = normalise(a.ref);
      if (!key) return null;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, a);
        return null;
      }
      const where = first.source.sheet === a.source.sheet ? `row ${first.source.row}` : `row ${first.source.row} of “${first.source.sheet}”`;
      const suggestion = nextFreeRef(a.ref, used);
      used.add(normalise(suggestion));
      return { sheet: a.source.sheet, cell: a.cells.ref, params: { who: actionLabel(a), ref: a.ref, first: where, suggestion } };
    });
  },
});

type MissingRefParams = { kind: 'row'; who: string } | { kind: 'sheet'; sheet: string; count: number; cell: string };

const missingRef = defineRule<MissingRefParams>({
  id: 'missing-ref',
  defaultSeverity: 'info',
  title: 'An action has no ref (one will be generated)',
  checks:
    'Where the sheet has a ref column, each action whose ref cell is empty (at that cell). Where the sheet has no ref ' +
    'column at all, once for the sheet, at the header cell where a Ref column would go. Either way PlanAssure generates ' +
    'refs when it writes the canonical Plan table, so this is for information.',
  message: (p) =>
    p.kind === 'row'
      ? `${p.who} has no ref; PlanAssure will generate one.`
      : `The “${p.sheet}” sheet has no ref column; PlanAssure will generate refs for its ${plural(p.count, 'action')}.`,
  fix: (p) =>
    p.kind === 'row'
      ? 'Type a ref in the ref cell if you want to choose it yourself.'
      : `Add a “Ref” column (for example at ${p.cell}) if you want to choose the refs yourself.`,
  example: { kind: 'sheet', sheet: 'Delivery plan', count: 12, cell: 'E5' },
  find: (context) => {
    const hits: Hit<MissingRefParams>[] = [];
    for (const [sheet, info] of context.sheets) {
      const cell = info.missing.get('ref');
      if (cell) {
        if (info.actions.length) hits.push({ sheet, cell, params: { kind: 'sheet', sheet, count: info.actions.length, cell } });
        continue;
      }
      for (const a of info.actions) {
        if (!a.ref && a.cells.ref && a.action.trim()) hits.push({ sheet, cell: a.cells.ref, params: { kind: 'row', who: actionLabel(a) } });
      }
    }
    return hits;
  },
});

const invalidStatus = defineRule<{ who: string; text: string; nearest: Status }>({
  id: 'invalid-status',
  defaultSeverity: 'error',
  title: 'Status not recognised',
  checks:
    `The status cell holds text that is not a status PlanAssure knows (${STATUS_LIST}, or a common synonym such as ` +
    '“Completed” or “To be started”, also at the end of a longer note: “… -On Track”). Suggests the nearest status.',
  message: (p) => `${p.who} has the status “${snippet(p.text, 60)}”, which is not a recognised status (${STATUS_LIST}).`,
  fix: (p) => `Change it to “${p.nearest}”, or another status from the list.`,
  example: { who: 'Action ES3.1 (row 16)', text: 'Compleated', nearest: 'Complete' },
  find: (context) =>
    collect(context, (a) =>
      a.statusText && hasUnrecognisedStatus(a) && a.cells.status && !errorFields(a).has('status')
        ? { sheet: a.source.sheet, cell: a.cells.status, params: { who: actionLabel(a), text: a.statusText, nearest: nearestStatus(a.statusText) } }
        : null,
    ),
});

const invalidRag = defineRule<{ who: string; text: string; nearest: Rag }>({
  id: 'invalid-rag',
  defaultSeverity: 'error',
  title: 'RAG not recognised',
  checks: 'The RAG cell holds something other than Blue, Green, Amber, Red or Grey (or B, G, A, R).',
  message: (p) => `${p.who} has the RAG “${snippet(p.text, 40)}”, which is not Blue, Green, Amber, Red or Grey.`,
  fix: (p) => `Change it to “${p.nearest}”, or another of Blue, Green, Amber, Red and Grey.`,
  example: { who: 'Action 2.1 (row 9)', text: 'Ambr', nearest: 'Amber' },
  find: (context) =>
    collect(context, (a) =>
      a.ragText && a.rag === null && a.cells.rag && !errorFields(a).has('rag')
        ? { sheet: a.source.sheet, cell: a.cells.rag, params: { who: actionLabel(a), text: a.ragText, nearest: nearestRag(a.ragText) } }
        : null,
    ),
});

const unparseableTimescale = defineRule<{ who: string; text: string; reason: 'unset' | 'unreadable' | 'no-start' }>({
  id: 'unparseable-timescale',
  defaultSeverity: 'warning',
  title: 'Timescale gives no date',
  checks:
    'The timescale text gives no date and is not a known no-date term (“Ongoing”, “Completed”, “See 3.1”). “TBC”, ' +
    '“TBA” and “To be confirmed” count as unparseable: they are dates nobody has set. Relative terms (“Short-term”, ' +
    '“6m”) are fine when the plan has a start date. Not reported when a due-date cell gives the date anyway.',
  message: (p) =>
    p.reason === 'unset'
      ? `${p.who} has the timescale “${snippet(p.text, 40)}”: the date has not been set.`
      : p.reason === 'no-start'
        ? `${p.who} has the relative timescale “${snippet(p.text, 40)}”, but the plan has no start date to count from.`
        : `${p.who} has the timescale “${snippet(p.text, 40)}”, which gives no date PlanAssure can read.`,
  fix: (p) =>
    p.reason === 'no-start'
      ? 'Set “Plan start” in the Plan Settings sheet, or give a date.'
      : 'Enter a date such as 31/03/2026, a month such as “March 2026” or a quarter such as “Q4 2025/26”; write “Ongoing” if it has no end date.',
  example: { who: 'Action PS2.5 (row 15)', text: 'TBC', reason: 'unset' },
  find: (context) =>
    collect(context, (a, info) => {
      if (a.dueDate || !a.timescale || errorFields(a).has('timescale')) return null;
      if (a.timescaleKind !== 'unparseable' && a.timescaleKind !== 'relative') return null;
      if (a.timescaleKind === 'relative' && context.settings.planStart) return null;
      const unset = a.timescale.split('\n').every((l) => /^(tbc|tbd|tba|to be confirmed|to be agreed)[.\s]*$/i.test(l.trim()));
      const reason = a.timescaleKind === 'relative' ? 'no-start' : unset ? 'unset' : 'unreadable';
      return { sheet: a.source.sheet, cell: timescaleTextCell(a, info), params: { who: actionLabel(a), text: a.timescale, reason } };
    }),
});

const missingDueDate = defineRule<{ who: string }>({
  id: 'missing-due-date',
  defaultSeverity: 'warning',
  title: 'An action has no timescale',
  checks:
    'The sheet has a timescale, due-date or quarter-marker column, but this action has nothing in it (and no dated ' +
    'milestone). Cross-reference rows and actions already Complete are not checked. A sheet with no timescale column ' +
    'at all gets one missing-column finding instead of one per action. Points at the empty due-date (or timescale) cell.',
  message: (p) => `${p.who} has no timescale or due date.`,
  fix: () => 'Enter when it will be done, for example 31/03/2026 or “Q4 2025/26”, or “Ongoing” if it has no end date.',
  example: { who: 'The action on row 71 (“Expand multi-disciplinary support”)' },
  find: (context) =>
    collect(context, (a, info) => {
      const dated = hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale;
      if (!dated || a.dueDate || a.timescaleKind !== 'empty' || !a.action.trim() || crossReference(a) || a.status === 'Complete') return null;
      if (a.errors.some((e) => e.field === 'timescale' || e.field === 'dueDate')) return null;
      return { sheet: a.source.sheet, cell: missingDueCell(a, info), params: { who: actionLabel(a) } };
    }),
});

const overdue = defineRule<{ who: string; due: string; status: Status | null }>({
  id: 'overdue',
  defaultSeverity: 'warning',
  title: 'An action is overdue',
  checks:
    'The due date is before today and the status is not Complete (an action with no status counts as not complete; one ' +
    'whose status is not recognised is left to invalid-status). Points at the cell the due date comes from: the due-date ' +
    'cell, or the timescale (or latest quarter-marker) cell it was read from.',
  message: (p) => `${p.who} was due on ${ukDate(p.due)} and is not marked Complete${p.status ? ` (status: ${p.status})` : ''}.`,
  fix: () => 'If it is done, set the status to Complete; if not, agree a new date and record why in the progress update.',
  example: { who: 'Action WP1.6 (row 7)', due: '2025-09-30', status: 'In progress' },
  find: (context) =>
    collect(context, (a, info) =>
      isOverdue(a, context.today)
        ? { sheet: a.source.sheet, cell: dueCell(a, info, context.settings), params: { who: actionLabel(a), due: a.dueDate!, status: a.status } }
        : null,
    ),
});

const ragInconsistent = defineRule<{ who: string; rag: Rag; reason: string; expected: Rag }>({
  id: 'rag-inconsistent',
  defaultSeverity: 'warning',
  title: 'RAG contradicts the status or dates',
  checks:
    'An entered RAG disagrees with the action’s status or due date: Green, Amber or Grey but overdue; Blue but not ' +
    'Complete; Red, Amber or Grey but Complete; Green but At risk or Off track; Red but On track and not overdue. ' +
    'Rules about Blue apply only while the plan’s RAG legend says Blue means complete.',
  message: (p) => `${p.who} is rated ${p.rag}, but ${p.reason}.`,
  fix: (p) => `Change the RAG to ${p.expected}, or correct the status or date if the RAG is right.`,
  example: { who: 'Action WP1.6 (row 7)', rag: 'Green', reason: 'it was due on 30/09/2025 and is not Complete', expected: 'Red' },
  find: (context) => {
    const blueIsComplete = /complet/i.test(context.settings.ragLegend.Blue ?? 'Complete');
    const doneRag: Rag = blueIsComplete ? 'Blue' : 'Green';
    return collect(context, (a) => {
      if (!a.rag || !a.cells.rag) return null;
      const late = isOverdue(a, context.today);
      let reason: string | null = null;
      let expected: Rag | null = null;
      if ((a.rag === 'Green' || a.rag === 'Amber' || a.rag === 'Grey') && late) {
        reason = `it was due on ${ukDate(a.dueDate!)} and is not Complete`;
        expected = 'Red';
      } else if (a.rag === 'Blue' && blueIsComplete && a.status && a.status !== 'Complete') {
        reason = `its status is ${a.status}, not Complete`;
        expected = EXPECTED_RAG[a.status];
      } else if ((a.rag === 'Red' || a.rag === 'Amber' || a.rag === 'Grey') && a.status === 'Complete') {
        reason = 'its status is Complete';
        expected = doneRag;
      } else if (a.rag === 'Green' && (a.status === 'Off track' || a.status === 'At risk')) {
        reason = `its status is ${a.status}`;
        expected = EXPECTED_RAG[a.status];
      } else if (a.rag === 'Red' && a.status === 'On track' && !late) {
        reason = 'its status is On track and it is not overdue';
        expected = 'Green';
      }
      return reason && expected ? { sheet: a.source.sheet, cell: a.cells.rag, params: { who: actionLabel(a), rag: a.rag, reason, expected } } : null;
    });
  },
});

const completeWithoutEvidence = defineRule<{ who: string; hasColumn: boolean }>({
  id: 'complete-without-evidence',
  defaultSeverity: 'info',
  title: 'Complete with no progress or evidence',
  checks:
    'The action is Complete but has no progress update or evidence text. Points at the empty progress cell, or at the ' +
    'status cell where the sheet has no progress column.',
  message: (p) => `${p.who} is marked Complete but has no progress update or evidence${p.hasColumn ? '' : ' (the sheet has no progress column)'}.`,
  fix: (p) =>
    p.hasColumn
      ? 'Say in the progress cell what was delivered and where the evidence is kept.'
      : 'Add a “Progress” column and say what was delivered and where the evidence is kept.',
  example: { who: 'Action PS2.3 (row 13)', hasColumn: true },
  find: (context) =>
    collect(context, (a) => {
      if (a.status !== 'Complete' || a.progress) return null;
      const cell = a.cells.progress ?? a.cells.status ?? a.cells.timescale ?? fallbackCell(a);
      return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), hasColumn: !!a.cells.progress } };
    }),
});

const ERROR_HINTS: Record<string, string> = {
  '#N/A': 'a lookup found no match',
  '#REF!': 'the formula refers to a cell or sheet that has been deleted',
  '#VALUE!': 'the formula is using the wrong type of value, such as text where a number is needed',
  '#DIV/0!': 'the formula divides by zero or by an empty cell',
  '#NAME?': 'the formula uses a name or function Excel does not recognise',
  '#NUM!': 'the formula gives an impossible number',
  '#NULL!': 'the formula refers to ranges that do not meet',
};

const formulaError = defineRule<{ who: string; field: string; value: string }>({
  id: 'formula-error',
  defaultSeverity: 'error',
  title: 'A cell shows a formula error',
  checks: 'A mapped cell of an action shows an Excel error value (#N/A, #REF!, #VALUE!, #DIV/0! and the like). Points at that cell.',
  message: (p) => `${p.who}: the ${fieldHeader(p.field).toLowerCase()} cell shows ${p.value}${ERROR_HINTS[p.value] ? ` (${ERROR_HINTS[p.value]})` : ''}.`,
  fix: () => 'Fix the formula, or replace it with the value itself.',
  example: { who: 'Action 3.2 (row 12)', field: 'dueDate', value: '#REF!' },
  find: (context) =>
    collect(context, (a) => a.errors.map((e) => ({ sheet: a.source.sheet, cell: e.cell, params: { who: actionLabel(a), field: e.field, value: e.value } }))),
});

type SmartPart = 'Specific' | 'Measurable' | 'Assignable' | 'Time-bound';
const SMART_REASON: Record<SmartPart, string> = {
  Specific: 'Specific (the action is under five words)',
  Measurable: 'Measurable (no measure, number or percentage)',
  Assignable: 'Assignable (no lead)',
  'Time-bound': 'Time-bound (no due date)',
};
const SMART_FIX: Record<SmartPart, string> = {
  Specific: 'say exactly what will be done',
  Measurable: 'add how success will be measured (a KPI, number or percentage)',
  Assignable: 'name a lead',
  'Time-bound': 'give a due date',
};

const smartIncomplete = defineRule<{ who: string; missing: SmartPart[] }>({
  id: 'smart-incomplete',
  defaultSeverity: 'info',
  title: 'Action is not fully SMART',
  checks:
    'Which of Specific (action text of at least five words), Measurable (measures text, or a number or percentage in ' +
    'the action), Assignable (a lead) and Time-bound (a due date) the action lacks. One finding per action, at the ' +
    'cell of the first missing part (the action cell where the sheet has no column for it). Assignable and Time-bound ' +
    'are only judged where the sheet has a lead or timescale column (otherwise missing-column reports it once). ' +
    'Cross-reference rows, empty rows and Complete actions are not checked.',
  message: (p) => `${p.who} is not fully SMART: not ${p.missing.map((m) => SMART_REASON[m]).join(', not ')}.`,
  fix: (p) => {
    const steps = p.missing.map((m) => SMART_FIX[m]);
    const text = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}` : steps[0];
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
  example: { who: 'Action 1.3 (row 12)', missing: ['Measurable', 'Time-bound'] },
  find: (context) =>
    collect(context, (a, info) => {
      if (!a.action.trim() || crossReference(a) || a.status === 'Complete') return null;
      const missing: SmartPart[] = [];
      if (hasFewerWords(a.action, 5)) missing.push('Specific');
      if (!a.measures && !MEASURABLE_IN_TEXT.test(a.action)) missing.push('Measurable');
      // A sheet with no lead or timescale column at all gets one missing-column finding, not one note per action.
      if (!a.lead && info.fields.has('lead')) missing.push('Assignable');
      if (!a.dueDate && (hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale)) missing.push('Time-bound');
      if (!missing.length) return null;
      const cellFor = (part: SmartPart): string | undefined =>
        part === 'Specific'
          ? a.cells.action
          : part === 'Measurable'
            ? rowCell(a, 'measures')
            : part === 'Assignable'
              ? rowCell(a, 'lead')
              : hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale
                ? a.dueDate === null && a.timescale
                  ? timescaleTextCell(a, info)
                  : missingDueCell(a, info)
                : undefined;
      const cell = missing.map(cellFor).find((c) => c) ?? fallbackCell(a);
      return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), missing } };
    }),
});

const FRAMEWORK_FIELDS: ActionField[] = ['measures', 'action', 'outcomes', 'progress', 'milestones', 'area'];

const unknownFrameworkCode = defineRule<{ who: string; raw: string; field: ActionField }>({
  id: 'unknown-framework-code',
  defaultSeverity: 'warning',
  title: 'ASCOF code in neither framework',
  checks:
    'The text cites “ASCOF <code>” and the code is in neither the current (2023-24) ASCOF nor the pre-2023 one. ' +
    'Roman-numeral parts are read the old way (“2Aii” is 2A(2)). Valid codes give no finding. Local or survey ' +
    'indicator numbers (“Indicator 5.11”, “ACAS Indicator 8.5a”) are not ASCOF codes and are not reported.',
  message: (p) => `${p.who} cites ASCOF ${p.raw} in its ${fieldHeader(p.field).toLowerCase()}, which is not a code in the current (2023-24) or pre-2023 ASCOF.`,
  fix: () => 'Check the code against the ASCOF handbook; if it is a local indicator, label it as local (for example “Local indicator 5.11”).',
  example: { who: 'Action PS2.2 (row 12)', raw: '9Z', field: 'measures' },
  find: (context) =>
    collect(context, (a) => {
      const hits: Hit<{ who: string; raw: string; field: ActionField }>[] = [];
      for (const field of FRAMEWORK_FIELDS) {
        const text = a[field];
        const cell = a.cells[field];
        if (typeof text !== 'string' || !cell) continue;
        // Made only for a text with an unknown code: most texts cite none, and this runs for every action.
        let seen: Set<string> | undefined;
        for (const c of findFrameworkCodes(text)) {
          if (c.matches.length || seen?.has(c.code)) continue;
          (seen ??= new Set()).add(c.code);
          hits.push({ sheet: a.source.sheet, cell, params: { who: actionLabel(a), raw: c.raw, field } });
        }
      }
      return hits;
    }),
});

const themeNotInFramework = defineRule<{ who: string; value: string; nearest: QualityStatement; count: number }>({
  id: 'theme-not-in-framework',
  defaultSeverity: 'warning',
  title: 'Quality statement not in the CQC framework',
  checks:
    `In a CQC plan (one where at least one action has a recognised quality statement, or a sheet has a quality-statement ` +
    `column), an action’s quality statement matches none of CQC’s ${QS_COUNT} (variants such as “Supporting people to ` +
    'lead healthier lives” are accepted). Names the nearest statement. A run of consecutive actions under the same ' +
    'value is reported once, at the first.',
  message: (p) =>
    `${p.who}${p.count > 1 ? ` and the ${plural(p.count - 1, 'action')} after it are` : ' is'} filed under “${snippet(p.value, 60)}”, which is not one of CQC’s ${QS_COUNT} quality statements; the nearest is “${p.nearest}”.`,
  fix: (p) => `Change it to “${p.nearest}” or another of the ${QS_COUNT} quality statements, or move the action out of the CQC sections if it does not belong to one.`,
  example: { who: 'Action T2.8 (row 40)', value: 'Workforce equality, diversity, and inclusion', nearest: 'Equity in experience and outcomes', count: 1 },
  find: (context) => {
    if (!context.isCqcPlan) return [];
    const hits: Hit<{ who: string; value: string; nearest: QualityStatement; count: number }>[] = [];
    for (const info of context.sheets.values()) {
      let run: { first: StructuredAction; value: string; col: number; count: number } | null = null;
      const flush = (): void => {
        if (!run) return;
        const a = run.first;
        hits.push({
          sheet: a.source.sheet,
          cell: a.cells.qualityStatement ?? fallbackCell(a),
          params: { who: actionLabel(a), value: run.value, nearest: nearestQualityStatement(run.value).statement, count: run.count },
        });
        run = null;
      };
      for (const a of info.actions) {
        const qs = a.qualityStatement;
        const bad = qs !== null && !(QUALITY_STATEMENTS as readonly string[]).includes(qs) && !errorFields(a).has('qualityStatement');
        if (!bad) {
          flush();
          continue;
        }
        const col = a.cells.qualityStatement ? parseA1(a.cells.qualityStatement).col : 0;
        if (run && run.value === qs && run.col === col) run.count++;
        else {
          flush();
          run = { first: a, value: qs!, col, count: 1 };
        }
      }
      flush();
    }
    return hits;
  },
});

const crossReferenceNotFound = defineRule<{ who: string; text: string; target: string }>({
  id: 'cross-reference-not-found',
  defaultSeverity: 'warning',
  title: 'Cross-reference to a ref that does not exist',
  checks: 'An action that only points to another (“See 12.1”, “Refer to 13.1”) names a ref no action in the plan has. Points at the action cell.',
  message: (p) => `${p.who} says “${snippet(p.text, 40)}”, but no action in the plan has the ref ${p.target}.`,
  fix: () => 'Correct the reference, or write the action out in full.',
  example: { who: 'Action 15.1 (row 142)', text: 'See 12.1', target: '12.1' },
  find: (context) => {
    // Built at the first cross-reference: most plans have none.
    let refs: Set<string> | null = null;
    return collect(context, (a) => {
      const target = crossReference(a);
      if (!target) return null;
      refs ??= new Set(context.result.actions.filter((x) => x.ref).map((x) => normalise(x.ref!)));
      if (refs.has(normalise(target)) || !a.cells.action) return null;
      return { sheet: a.source.sheet, cell: a.cells.action, params: { who: actionLabel(a), text: a.action, target } };
    });
  },
});

/** Every rule, in the order docs/RULES.md lists them. */
export const RULES: readonly Rule[] = [
  noPlanTable,
  missingColumn,
  missingAction,
  missingLead,
  duplicateRef,
  missingRef,
  invalidStatus,
  invalidRag,
  unparseableTimescale,
  missingDueDate,
  overdue,
  ragInconsistent,
  completeWithoutEvidence,
  formulaError,
  smartIncomplete,
  unknownFrameworkCode,
  themeNotInFramework,
  crossReferenceNotFound,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
