/** What structuring returns: canonical actions with enough provenance to point findings at source cells. */
import { Action, Finding, KpiDefinition, KpiObservation, PlanSettings } from '../schema';
import { TimescaleKind } from '../timescale';
import { ActionField, ColumnField, ColumnMapping } from './columns';
import { ActionCells } from './action-cells';
import { SectionHeading } from './read-sheet';
import type { KpiRole } from '../kpi-column-roles';

export interface StructuredAction extends Action {
  /** Every source row the action spans. */
  rows: number[];
  /** The A1 address in the source sheet of each field's first cell (or where it would be, when empty). */
  cells: ActionCells;
  /** The fields the source sheet has a column for. */
  columns: ActionField[];
  /** The status cell as written (status holds the canonical word, when one is recognised). */
  statusText: string | null;
  /** The RAG cell as written (rag holds the canonical colour, when recognised). */
  ragText: string | null;
  /** The full text of the theme, area and quality-statement cells, where a short name was taken from them. */
  groupTexts: Record<string, string>;
  timescaleKind: TimescaleKind;
  /** Excel error values in the action's cells. */
  errors: { field: string; cell: string; value: string }[];
  /** The ref was generated in plan order because the officer gave none (see generated-refs.ts). */
  refGenerated?: boolean;
  /** One of several named actions written in one action cell (see named-actions.ts): which, and the cell's whole text. */
  split?: { part: number; of: number; cellText: string };
  /** Rows that only point to this action ("See 12.1"), folded into it: its ref, words and place. */
  linked?: LinkedEntry[];
}

/** A cross-reference row ("See 12.1") folded into the action it names. */
export interface LinkedEntry {
  ref: string | null;
  text: string;
  sheet: string;
  row: number;
}

export type SheetRole = 'plan' | 'settings' | 'kpi-register' | 'kpi-data' | 'tool-owned' | 'not-a-plan';

export interface SheetLayout {
  sheet: string;
  role: SheetRole;
  /** Header rows found, first header first. */
  headerRows: number[];
  /** The first header's column mapping, with a confidence for each column. */
  columns: ColumnMapping[];
  sections: SectionHeading[];
  titles: { row: number; text: string }[];
  notes: { row: number; text: string }[];
  repeatedHeaders: number[];
  /**
   * For a sheet where no table reached confidence but which holds text: the likeliest header row and every
   * column's candidate roles, so the CLI and the pane can ask the officer instead of finding nothing.
   */
  candidates?: ColumnCandidates;
  /** For a KPI sheet: the header row its KPIs were read under, and each labelled column's KPI role as read. */
  kpiHeader?: { row: number; columns: KpiColumnAsRead[] };
}

/** A KPI sheet's column as read: its role (null when nothing was read from it) and how sure the reading is. */
export interface KpiColumnAsRead {
  col: number;
  header: string;
  role: KpiRole;
  /** 0–1: 1 where the officer gave the role, lower where the header says less. */
  confidence: number;
  /** Why, in plain words. */
  reasons: string[];
}

/** One column as the officer is shown it when asked which column is which. */
export interface ColumnCandidate {
  col: number;
  /** Column letters, "C". */
  letter: string;
  header: string;
  /** The first three non-empty values below the header. */
  samples: string[];
  /** Roles this column could hold, likeliest first, each with a confidence (0–1) and reasons in plain words. */
  roles: { field: ColumnField; confidence: number; reasons: string[] }[];
}

export interface ColumnCandidates {
  /** The row read as the header (1-based), or null when no row looks like one. */
  headerRow: number | null;
  columns: ColumnCandidate[];
}

export interface StructureResult {
  title: string | null;
  settings: PlanSettings;
  actions: StructuredAction[];
  kpis: KpiDefinition[];
  observations: KpiObservation[];
  findings: Finding[];
  sheets: SheetLayout[];
}
