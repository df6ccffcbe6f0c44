/**
 * Two variants of a layout, to tell a reading's failures apart.
 *
 * The control: the same content in the same columns, under the plainest headers ("Action", "Lead",
 * "Timescale" …), one table a sheet, with nothing around it. Read right, it shows the truth itself is sound (the content's
 * dates, statuses and RAGs mean what the truth says), so a failure of the full layout is a reading failure.
 *
 * Plain headers: the whole layout (title, legends, footers, groups, spacers, second tables, sheets) under the
 * plainest headers. It isolates where a table starts and ends from how a column's role is read.
 */
import { ColumnPlan, LayoutPlan, TablePlan } from './plan';
import { CorpusRole } from './roles';

const PLAIN: Record<CorpusRole, string> = {
  ref: 'Ref',
  theme: 'Theme',
  recommendation: 'Recommendation',
  action: 'Action',
  milestones: 'Milestones',
  lead: 'Lead',
  timescale: 'Timescale',
  status: 'Status',
  rag: 'RAG',
  progress: 'Progress',
  measures: 'Measures',
  outcomes: 'Outcomes',
  notes: 'Notes',
  spacer: '',
};

function plainTable(table: TablePlan): TablePlan {
  const hasAction = table.columns.some((c) => c.role === 'action');
  const columns: ColumnPlan[] = table.columns
    .filter((c) => c.role !== 'spacer' && c.role !== 'notes')
    .map((c) => ({ role: c.role, header: c.role === 'recommendation' && !hasAction ? 'Action' : PLAIN[c.role] }));
  return { ...table, columns, caption: undefined, firstCol: 1 };
}

export function plainVariant(plan: LayoutPlan): LayoutPlan {
  return {
    ...plan,
    id: `${plan.id}-plain`,
    // One table a sheet: the control checks content, not where one table ends and the next begins.
    sheets: plan.sheets.flatMap((s) => s.tables.map((t, i) => ({ name: s.tables.length > 1 ? `${s.name} ${i + 1}` : s.name, tables: [plainTable(t)] }))),
  };
}

/** The layout with every header in its plainest wording, and everything else as it was. */
export function withPlainHeaders(plan: LayoutPlan): LayoutPlan {
  return {
    ...plan,
    id: `${plan.id}-plain-headers`,
    sheets: plan.sheets.map((s) => ({
      ...s,
      // A recommendation column keeps its own name: with no action column beside it, it must be read as the action.
      tables: s.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c, header: PLAIN[c.role] })) })),
    })),
  };
}
