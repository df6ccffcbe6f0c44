/**
 * The column-mapping review the pane shows before it writes: each plan sheet's columns with their plan roles, and
 * each KPI scorecard, register or data sheet's columns with their KPI roles; where no plan was found, each sheet
 * that might hold one, from nothing; and a sheet that looks like a scorecard but could not be read, from nothing,
 * with KPI roles. One review, one component (components/MappingReview.tsx): a sheet says which roles it offers.
 *
 * What the officer confirms is kept in Plan Settings with the engine's saved-mapping rows, as the command line's
 * --columns is. `period` (the reporting period) lets the officer say which period a column of figures is for. Part of the engine bridge: loaded on demand, never in the first-load bundle.
 */
import { knownKpiRoleChoices, kpiRoleWord, parseKpiRole } from '../engine/kpi-column-roles';
import type { KpiColumnOverrides } from '../engine/kpi/headers';
import { choosableSheets, ChoosableSheet, columnSamples, headerRowOptions } from '../engine/column-choice';
import { kpiColumnsUnder } from '../engine/kpi-columns-as-read';
import { PLAN_COLUMNS, PlanSettings } from '../engine/schema';
import { savedColumnsFor, savedKpiColumnsFor, SettingsEdit, settingsEditFor } from '../engine/saved-mapping';
import type { ColumnCandidate, SheetLayout, StructureResult } from '../engine/structure';
import type { ColumnField } from '../engine/structure/columns';
import { columnLetters, SheetGrid, SheetModel, WorkbookModel } from '../engine/workbook';
import type { ColumnOverrides } from './engine-bridge';

/** KPI roles as the review holds them: the words Plan Settings keeps ("target", "period: Q2 2025/26"), null for not used. */
export type KpiRoleWords = Record<string, Record<number, string | null>>;

export interface ColumnReview {
  col: number;
  letter: string;
  header: string;
  /**
   * The role as read; null when none (always null on a sheet the officer is choosing from nothing). On a plan sheet a
   * field name; on a KPI sheet, a KPI role word ("target", "period: Q2 2025/26").
   */
  field: string | null;
  confidence: number;
  /** The first three values below the header. */
  samples: string[];
  /** Why the column was read as it was, or what it could be, in plain words. */
  reasons: string[];
  /** Roles the column could hold, likeliest first (a plan sheet chosen from nothing). */
  candidates: { field: ColumnField; confidence: number; reasons: string[] }[];
}

export interface SheetMappingReview {
  sheet: string;
  headerRows: number[];
  columns: ColumnReview[];
  /** Header rows found again further down (repeated on each printed page), which are skipped. */
  repeatedHeaders: number[];
  /** False when no table was found on the sheet: the officer picks the columns' roles from nothing. */
  found: boolean;
  /** Where no table was found: the rows the officer may say hold the headers, each with its columns. */
  headerChoices: { row: number; columns: ColumnReview[] }[];
  /** A plan sheet (plan roles), or a KPI scorecard, register or data sheet (KPI roles). */
  kind: 'plan' | 'kpi';
  /** The roles a column of this sheet can be given, with their names in the pane. */
  choices: { field: string; label: string }[];
}

/** The officer's answer to the review: their column roles, and the header row of each sheet chosen from nothing. */
export interface ReviewAnswer {
  columns: ColumnOverrides;
  headerRows: Record<string, number>;
  /** Their KPI roles for KPI sheets, and each such sheet's header row. */
  kpiColumns: KpiRoleWords;
  kpiHeaderRows: Record<string, number>;
}

/** The plan roles a column can be read as, with the Plan sheet's own names, in the Plan sheet's order. */
export function fieldChoices(): { field: ColumnField; label: string }[] {
  const choices: { field: ColumnField; label: string }[] = PLAN_COLUMNS.filter((c) => c.key !== 'sourceSheet' && c.key !== 'sourceRow').map((c) => ({
    field: c.key as ColumnField,
    label: c.header,
  }));
  choices.push({ field: 'marker', label: 'Timescale marker (●)' });
  return choices;
}

/** The KPI roles a column of this sheet can be given: every KPI role, and a period for each column of figures. */
function kpiChoices(columns: ColumnReview[], reportingPeriod: string | null): { field: string; label: string }[] {
  return knownKpiRoleChoices([...columns.map((c) => c.field).filter((f): f is string => !!f)], reportingPeriod);
}

/** The review's KPI role words as the engine's KPI column overrides (a word that names no role is left out). */
export function kpiOverrides(words: KpiRoleWords = {}): Record<string, KpiColumnOverrides> {
  const out: Record<string, KpiColumnOverrides> = {};
  for (const [sheet, cols] of Object.entries(words)) {
    const roles = Object.entries(cols).flatMap(([col, word]) => {
      const role = word === null ? null : parseKpiRole(word);
      return role === undefined ? [] : [[Number(col), role] as const];
    });
    if (roles.length) out[sheet] = Object.fromEntries(roles);
  }
  return out;
}

const columnReview = (c: ColumnCandidate): ColumnReview => ({ col: c.col, letter: c.letter, header: c.header, field: null, confidence: 0, samples: c.samples, reasons: [], candidates: c.roles });

function planSheetReview(s: SheetLayout, choices: ChoosableSheet[]): SheetMappingReview {
  const samples = new Map(choices.find((c) => c.sheet === s.sheet)?.columns.map((c) => [c.col, c.samples]));
  return {
    sheet: s.sheet,
    headerRows: [...s.headerRows],
    repeatedHeaders: [...s.repeatedHeaders],
    found: true,
    headerChoices: [],
    kind: 'plan',
    choices: fieldChoices(),
    columns: s.columns.map((c) => ({
      col: c.col,
      letter: columnLetters(c.col),
      header: c.header,
      field: c.field,
      confidence: c.confidence,
      samples: c.samples ?? samples.get(c.col) ?? [],
      reasons: c.reasons ?? [],
      candidates: [],
    })),
  };
}

/** A KPI sheet as read: each labelled column of its header with its KPI role, sureness and first values. */
function kpiSheetReview(s: SheetLayout, model: WorkbookModel, reportingPeriod: string | null): SheetMappingReview | null {
  const sheet = model.sheets.find((x) => x.name === s.sheet);
  if (!s.kpiHeader || !sheet) return null;
  const grid = new SheetGrid(sheet);
  const { row } = s.kpiHeader;
  const columns = s.kpiHeader.columns.map((c) => ({
    col: c.col,
    letter: columnLetters(c.col),
    header: c.header,
    field: c.role === null ? null : kpiRoleWord(c.role),
    confidence: c.confidence,
    samples: columnSamples(grid, row, c.col),
    reasons: c.reasons,
    candidates: [],
  }));
  return { sheet: s.sheet, headerRows: [row], repeatedHeaders: [], found: true, headerChoices: [], kind: 'kpi', choices: kpiChoices(columns, reportingPeriod), columns };
}

/**
 * A scorecard's columns under a header row, from nothing: each with the KPI role its header alone suggests (a
 * period, a target …), marked unsure where it is; never the plan's candidates ("could be an action" says nothing
 * about a KPI).
 */
function asKpiColumns(sheet: SheetModel, row: number, columns: ColumnReview[], settings: Pick<PlanSettings, 'reportingPeriod' | 'planStart'>): ColumnReview[] {
  const read = new Map(kpiColumnsUnder(sheet, row, settings).map((c) => [c.col, c]));
  return columns.map((c) => {
    const k = read.get(c.col);
    const field = k && k.role !== null ? kpiRoleWord(k.role) : null;
    return { ...c, field, confidence: field ? k!.confidence : 0, reasons: field ? k!.reasons : [], candidates: [] };
  });
}

/** A sheet chosen from nothing: its likeliest header row and the others it could be, each with its columns. */
function fromNothing(model: WorkbookModel, c: ChoosableSheet, kind: 'plan' | 'kpi', settings: Pick<PlanSettings, 'reportingPeriod' | 'planStart'>): SheetMappingReview {
  const sheet = model.sheets.find((x) => x.name === c.sheet)!;
  const others = headerRowOptions(sheet, c.headerRow).filter((o) => o.row !== c.headerRow);
  const rows = [{ row: c.headerRow, columns: c.columns.map(columnReview) }, ...others.map((o) => ({ row: o.row, columns: o.columns.map(columnReview) }))];
  const headerChoices = rows.map((h) => (kind === 'kpi' ? { row: h.row, columns: asKpiColumns(sheet, h.row, h.columns, settings) } : h)).sort((a, b) => a.row - b.row);
  const columns = headerChoices.find((h) => h.row === c.headerRow)!.columns;
  const choices = kind === 'kpi' ? kpiChoices(headerChoices.flatMap((h) => h.columns), settings.reportingPeriod) : fieldChoices();
  return { sheet: c.sheet, headerRows: [c.headerRow], repeatedHeaders: [], found: false, columns, headerChoices, kind, choices };
}

/**
 * The sheets the review shows: each plan sheet and each KPI sheet as read; each sheet that looks like a scorecard but
 * could not be read, from nothing, with KPI roles; and, where no plan was found at all, each other sheet that might
 * hold one, from nothing, with every column's header, first values and candidate roles.
 */
export function mappingReview(result: StructureResult, model?: WorkbookModel, period?: string): SheetMappingReview[] {
  const anyPlan = result.sheets.some((s) => s.role === 'plan');
  const choices = model ? choosableSheets(model, result) : [];
  const unreadScorecards = new Set(result.findings.filter((f) => f.rule === 'kpi-scorecard-unread').map((f) => f.sheet));
  const reportingPeriod = result.settings.reportingPeriod ?? period ?? null;
  const settings = { reportingPeriod, planStart: result.settings.planStart };
  const reviews: SheetMappingReview[] = [];
  for (const s of result.sheets) {
    if (s.role === 'plan') reviews.push(planSheetReview(s, choices.filter((c) => c.found)));
    else if ((s.role === 'kpi-register' || s.role === 'kpi-data') && model) {
      const review = kpiSheetReview(s, model, reportingPeriod);
      if (review) reviews.push(review);
    } else if (s.role === 'not-a-plan' && model) {
      const choice = choices.find((c) => c.sheet === s.sheet && !c.found);
      if (choice && unreadScorecards.has(s.sheet)) reviews.push(fromNothing(model, choice, 'kpi', settings));
      else if (choice && !anyPlan) reviews.push(fromNothing(model, choice, 'plan', settings));
    }
  }
  return reviews;
}

/**
 * The officer's corrections, to keep in the workbook's Plan Settings sheet: for each sheet they changed, every headed
 * column with the role it is now read as (a column of figures with its period). Null when they changed nothing (the
 * mapping as found needs no keeping).
 */
export function mappingToSave(model: WorkbookModel, result: StructureResult, overrides: ColumnOverrides, kpiColumns: KpiRoleWords = {}): SettingsEdit | null {
  const changed = (o: Record<string, Record<number, unknown>>) => Object.keys(o).filter((name) => Object.keys(o[name]).length);
  const plan = changed(overrides).flatMap((name) => {
    const layout = result.sheets.find((s) => s.sheet === name && s.role === 'plan');
    const sheet = model.sheets.find((s) => s.name === name);
    if (!layout || !sheet) return [];
    return savedColumnsFor(sheet, layout.headerRows[0], new Map(layout.columns.map((c) => [c.col, c.field])));
  });
  const kpi = changed(kpiColumns).flatMap((name) => {
    const read = result.sheets.find((s) => s.sheet === name)?.kpiHeader;
    const sheet = model.sheets.find((s) => s.name === name);
    if (!read || !sheet) return [];
    return savedKpiColumnsFor(sheet, read.row, new Map(read.columns.map((c) => [c.col, c.role])));
  });
  const columns = [...plan, ...kpi];
  return columns.length ? settingsEditFor(model, columns) : null;
}

/** A stable fingerprint of a mapping: what the officer confirmed, kept in the settings. */
export function mappingSignature(review: SheetMappingReview[]): string {
  return JSON.stringify(review.map((s) => [s.sheet, s.headerRows, s.columns.map((c) => [c.col, c.header, c.field])]));
}

/**
 * Whether a sheet chosen from nothing can be read yet: a plan needs its action column, a scorecard the column naming
 * its KPIs (the words are the review's own: kpiRoleWord's).
 */
export function sheetReady(sheet: Pick<SheetMappingReview, 'kind' | 'found'>, fields: (string | null)[]): boolean {
  if (sheet.found) return true;
  return sheet.kind === 'plan' ? fields.includes('action') : fields.includes(kpiRoleWord('name')) || fields.includes(kpiRoleWord('id'));
}
