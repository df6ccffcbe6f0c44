/** What a reading of the workbook's KPI sheets holds: the schema's definitions and observations, and where each came from. */
import { FrameworkCodeCitation } from '../../ascof';
import { KpiDefinition, KpiObservation, PlanSettings } from '../../schema';
import { KpiColumnOverrides, KpiHeader, KpiSheetKind } from '../headers';

export interface KpiDefinitionSource {
  definition: KpiDefinition;
  /** A1 addresses in the source sheet: the cell of each field, or where it would go when the sheet has the column. */
  cells: Partial<Record<'id' | 'name' | 'code' | 'unit' | 'polarity' | 'target' | 'tolerance' | 'rag' | 'direction', string>>;
  /** The id was read from the start of the name cell ("2B: Admissions …"). */
  idInName?: boolean;
  /** A target or baseline cell holding text that is not a figure ("see plan"): for a finding at its cell. */
  unreadable?: { field: 'target' | 'baseline'; cell: string; text: string }[];
  /** The council's own RAG and direction cells as written (null: the sheet has no such column). */
  stated?: { rag: string | null; direction: string | null };
  /** The target cell the register's formula reads (null: the target is written as a number, or is missing). */
  targetCell: string | null;
  /** The target cell holds a fraction shown as a percentage (0.8 shown 80%). */
  targetFactor: number;
  /** The tolerance cell the register's formula reads, when it holds a number. */
  toleranceCell: { cell: string; absolute: boolean } | null;
  /** Where the unit and polarity came from. */
  unitFrom: 'cell' | 'format' | 'framework' | 'name' | 'default';
  /** 'cell': stated in a polarity column, a note, the name ("higher is better") or the target ("≥ 80%"). */
  polarityFrom: 'cell' | 'framework' | 'name' | 'target' | 'default';
  /** Framework citations in the code cell or the name. */
  citations: FrameworkCodeCitation[];
  citedIn: 'code' | 'name' | 'id' | null;
}

/** Where one observation's cells are, and what the engine reads from them. */
export interface KpiObservationSource {
  observation: KpiObservation;
  layout: 'long' | 'wide';
  cells: Partial<Record<'id' | 'period' | 'numerator' | 'denominator' | 'value', string>>;
  /** The period cell as a key (null: empty or not a period). */
  key: number | null;
  /** The id cell had text (or a number), trimmed as Excel's TRIM does. */
  idText: string;
  /** The period cell was not empty. */
  hasPeriod: boolean;
  /**
   * Text in a numerator, denominator or value cell that is not a number as typed: a marker of no figure ("*", "<5",
   * "n/a": `missing` says what it means, and the observation's note says so too), or unreadable (no `missing`).
   */
  textValues: readonly TextValue[];
  /** A long data row's own RAG and direction of travel, as written (the latest period's become the KPI's). */
  stated?: { rag: string; direction: string };
}

/** A long data sheet: one row per KPI per period. */
export interface LongBlock {
  kind: 'long';
  sheet: string;
  headerRow: number;
  lastRow: number;
  /** Where each field is read; `id` is the column the ids come from (without an id column, the code or name column). */
  columns: Partial<Record<'id' | 'period' | 'numerator' | 'denominator' | 'value' | 'note', number>>;
  /** 100 when the Value column holds fractions shown as percentages. */
  valueFactor: number;
  /**
   * Rows the register's formulas cannot read as the engine does (a period written with words, a figure typed as
   * text): the Calc sheet holds the engine's reading of these rows as values instead of formulas. (A row whose id
   * the formulas would not find, such as one keyed by its name, has only its id written as a value: register-sheet.ts.)
   */
  readAsWritten: Map<number, { key: number | null; label: string; figure: number | null; ratio: boolean }>;
}

/** A wide scorecard: one row per KPI, one column per period. */
export interface WideBlock {
  kind: 'wide';
  sheet: string;
  headerRow: number;
  /** Every KPI-row × period-column cell, in reading order (row by row, left to right), filled or not. */
  cells: { row: number; col: number; kpiId: string; key: number; label: string; factor: number; typed?: number }[];
}

export type DataBlock = LongBlock | WideBlock;

export interface KpiSheetLayout {
  sheet: string;
  kind: KpiSheetKind;
  headerRow: number;
  /** The header as read; for a scorecard turned round (`transposed`), in the turned view: its columns are the sheet's rows. */
  header: KpiHeader;
  transposed?: boolean;
}

export interface KpiReading {
  layouts: KpiSheetLayout[];
  definitions: KpiDefinitionSource[];
  /** In reading order: sheets in workbook order, then rows (and, in a wide scorecard, columns). Later wins. */
  observations: KpiObservationSource[];
  blocks: DataBlock[];
  /** Definitions dropped because their id was already in the register. */
  duplicateDefinitions: { id: string; sheet: string; cell: string; firstRow: number; firstSheet: string }[];
}

export interface ReadKpiOptions {
  settings: PlanSettings;
  /** Sheets not to read: the tool's own, the settings sheet, plan sheets. */
  skipSheets: ReadonlySet<string>;
  /** The officer's mapping of a KPI sheet's columns, by sheet name (as for plans: see structure/index.ts). */
  columnOverrides?: Record<string, KpiColumnOverrides>;
  /** The officer's header row for a KPI sheet (1-based), by sheet name. */
  headerRowOverrides?: Record<string, number>;
}

/** Rows a long data sheet's formulas reach below its last row, so rows the officer adds are counted too. */
export const SPARE_ROWS = 200;

export interface TextValue {
  cell: string;
  text: string;
  /** Set when the text is a marker of no figure (suppressed, not available): what it means. */
  missing?: string;
}

export const NO_TEXT: readonly TextValue[] = Object.freeze([]);
