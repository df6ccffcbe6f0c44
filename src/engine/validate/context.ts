/** What the rules see: the structured plan, sheet by sheet, with the columns each sheet has and lacks. */
import { PlanSettings, QUALITY_STATEMENTS } from '../schema';
import { SheetLayout, StructuredAction, StructureResult } from '../structure/types';
import { a1 } from '../workbook';

/** Fields a sheet can be missing a column for, in the order their suggested header cells are handed out. */
export const PLACED_FIELDS = ['ref', 'action', 'lead', 'timescale', 'status'] as const;
export type PlacedField = (typeof PLACED_FIELDS)[number];

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

export function hasTimescaleColumn(fields: Set<string>): boolean {
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
