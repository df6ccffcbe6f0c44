/**
 * Rules about the plan table itself: no table, a missing key column, a header row that reads like an action, a row
 * with no action, an action with no lead.
 */
import { kindOf } from '../../structure/roles/content';
import { hasPlanOrKpis } from '../../structure/workbook-kind';
import { a1 } from '../../workbook';
import { PlacedField, SheetInfo } from '../context';
import { actionLabel, collect, crossReference, snippet } from '../helpers';
import { defineRule, Hit } from '../rule-shape';

const COLUMN_PURPOSE: Record<PlacedField, string> = {
  ref: 'its actions have no refs',
  action: 'PlanAssure cannot tell what each row is for',
  lead: 'no action on it has a named lead',
  timescale: 'no action on it has a timescale of its own',
  status: 'progress on its actions cannot be tracked or rated',
};

const COLUMN_HEADER: Record<PlacedField, string> = {
  ref: 'Ref',
  action: 'Action',
  lead: 'Lead',
  timescale: 'Timescale',
  status: 'Status',
};

export const noPlanTable = defineRule<{ sheet: string }>({
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

export const missingColumn = defineRule<{ sheet: string; field: Exclude<PlacedField, 'ref'>; cell: string }>({
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

/** The table's first column, by its first header's columns. */
function firstColumn(info: SheetInfo): number {
  return Math.min(...info.layout.columns.map((c) => c.col));
}

/**
 * Labels of the first header that read as what their columns hold: a ref in the ref column, a date or timescale in
 * the timescale or due-date column, a status in the status column. Column names are words about the column ("Ref",
 * "Due date", "Status"); two or more such values mean the row is an action and the sheet has no header row.
 */
function labelsReadingAsValues(columns: readonly { header: string; field: string | null }[]): string[] {
  const labels: string[] = [];
  for (const c of columns) {
    if (!c.field || !c.header.trim()) continue;
    const kind = kindOf(c.header);
    if ((c.field === 'ref' && kind.ref) || ((c.field === 'timescale' || c.field === 'dueDate') && kind.when) || (c.field === 'status' && kind.status)) labels.push(c.header);
  }
  return labels;
}

export const headerReadsAsAction = defineRule<{ sheet: string; row: number; labels: string[] }>({
  id: 'header-reads-as-action',
  defaultSeverity: 'warning',
  title: 'The header row reads like an action',
  checks:
    'The header row found on a plan sheet holds the kind of thing its columns hold rather than names for them: at ' +
    'least two of a ref in the ref column, a date or timescale in the timescale or due-date column, and a status in ' +
    'the status column. The sheet probably has no header row, so that row, and any action above it, was not read as ' +
    'an action. Reported at the header row’s first column.',
  message: (p) =>
    `The header row of the “${p.sheet}” sheet (row ${p.row}) reads like an action, not column names (${p.labels.map((l) => `“${snippet(l, 30)}”`).join(', ')}): that row, and any action above it, was not read as an action.`,
  fix: () => 'If the sheet has no header row, insert one above the first action naming its columns (for example Ref, Action, Lead, Timescale, Status), then check again.',
  example: { sheet: 'Sheet1', row: 2, labels: ['1.2', 'Q3 2025/26', 'Not started'] },
  find: (context) => {
    const hits: Hit<{ sheet: string; row: number; labels: string[] }>[] = [];
    for (const [sheet, info] of context.sheets) {
      const row = info.layout.headerRows[0];
      if (row === undefined) continue;
      const labels = labelsReadingAsValues(info.layout.columns);
      if (labels.length < 2) continue;
      hits.push({ sheet, cell: a1(row, firstColumn(info)), params: { sheet, row, labels } });
    }
    return hits;
  },
});

export const noActions = defineRule<{ sheet: string }>({
  id: 'no-actions',
  defaultSeverity: 'warning',
  title: 'A plan sheet has no actions',
  checks:
    'A plan sheet has a header row but no action under it: a new plan not filled in yet, or a return sent back ' +
    'empty. Reported at the first cell under the header, where the first action goes, so that a batch of returns ' +
    'checked together does not pass an empty one as clean.',
  message: (p) => `The “${p.sheet}” sheet has a header row but no actions under it.`,
  fix: () => 'Add the plan’s actions under the header, one to a row, or check this is the return you meant to send.',
  example: { sheet: 'Action Plan' },
  find: (context) => {
    const hits: Hit<{ sheet: string }>[] = [];
    for (const [sheet, info] of context.sheets) {
      const row = info.layout.headerRows[0];
      if (row === undefined || info.actions.length || !info.layout.columns.length) continue;
      hits.push({ sheet, cell: a1(row + 1, firstColumn(info)), params: { sheet } });
    }
    return hits;
  },
});

export const missingAction = defineRule<{ row: number; ref: string | null }>({
  id: 'missing-action',
  defaultSeverity: 'error',
  title: 'A row has content but no action',
  checks: 'A row in the plan table has a ref, lead, date or other content but its action cell is empty. Points at the empty action cell.',
  message: (p) => `Row ${p.row}${p.ref ? ` (ref ${p.ref})` : ''} has content but no action text.`,
  fix: () => 'Write what will be done in the action cell, or delete the row if it is not an action.',
  example: { row: 14, ref: '2.3' },
  find: (context) =>
    collect(context, (a, info) => {
      const cell = a.cells.get('action');
      return !a.action.trim() && info.fields.has('action') && cell ? { sheet: a.source.sheet, cell, params: { row: a.source.row, ref: a.refGenerated ? null : a.ref } } : null;
    }),
});

export const missingLead = defineRule<{ who: string }>({
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
    collect(context, (a) => {
      const cell = a.cells.get('lead');
      return a.columns.includes('lead') && !a.lead && cell && a.action.trim() && !crossReference(a) ? { sheet: a.source.sheet, cell, params: { who: actionLabel(a) } } : null;
    }),
});
