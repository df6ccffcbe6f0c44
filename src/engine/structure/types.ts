/** What structuring returns: canonical actions with enough provenance to point findings at source cells. */
import { Action, Finding, KpiDefinition, KpiObservation, PlanSettings } from '../schema';
import { TimescaleKind } from '../timescale';
import { ActionField, ColumnMapping } from './columns';
import { SectionHeading } from './read-sheet';

export interface StructuredAction extends Action {
  /** Every source row the action spans. */
  rows: number[];
  /** The A1 address in the source sheet of each field's first cell (or where it would be, when empty). */
  cells: Partial<Record<ActionField, string>>;
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
