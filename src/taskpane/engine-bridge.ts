/**
 * The pane's only way into the engine: pure functions from the workbook model (and the pane's settings) to what the
 * pane shows and what it writes. Loaded on demand with the Office.js host (runtime.ts), never in the first-load
 * bundle. Mirrors src/cli/main.ts: structureWorkbook → validatePlan → a sheet plan → apply.
 *
 * One thing the pane does that the command line does not: it runs one step at a time in a workbook it has already
 * written to. The engine's sheet plans record the tool's sheets on the hidden lists sheet, and applying a plan
 * replaces every sheet recorded there; so a step (say "Apply RAG") would otherwise remove the board pack an
 * earlier step built. composeStep() keeps the tool's other sheets and their record. (What the engine could offer
 * instead is in the reply to issue #8: a step-scoped plan.)
 */
import { boardPackWorkbookPlan, judgementDate, packActions, parseReportingPeriod, reportingPeriod, withPackRags } from '../engine/board-pack';
import { actionKpiRags, KPI_RULES, kpiReports } from '../engine/kpi';
import { DEFAULT_RAG_LEGEND, Finding, PlanSettings, Rag, Severity } from '../engine/schema';
import { listsSheet, LISTS_SHEET_NAME, OWNED_LIST_HEADER, ownedSheetName, PLAN_SHEET_NAME, planSheet } from '../engine/sheet-plan/plan-sheet';
import { kpiSheetsFor, ownedSheets, structureWorkbookPlan } from '../engine/sheet-plan/structure-plan';
import { SheetPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { PREVIOUS_VERSION_ROLE, PREVIOUS_VERSION_SHEET_NAME, previousVersionSheet, previousVersionSheets, readPreviousVersion, restoredSheets } from '../engine/sheet-plan/previous-version';
import { SheetRole, structureWorkbook, StructureResult } from '../engine/structure';
import { ColumnField } from '../engine/structure/columns';
import { RULES, validatePlan } from '../engine/validate';
import { PackSettings, packSettingsOf } from '../engine/pack-settings';
import type { SettingsEdit } from '../engine/saved-mapping';
import { cellText, WorkbookModel } from '../engine/workbook';
import { PaneSettings, ukDateTime } from './settings';
import { KpiRoleWords, kpiOverrides } from './column-review';

export { fieldChoices, mappingReview, mappingSignature, mappingToSave, sheetReady } from './column-review';
export type { ColumnReview, KpiRoleWords, ReviewAnswer, SheetMappingReview } from './column-review';
import { DoneMark, findingPrints, findingRows, isDone } from '../engine/findings-todo';
import { FINDINGS_ROLE, FINDINGS_SHEET_NAME, findingsSheet } from '../engine/sheet-plan/findings-sheet';

// ---------------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------------

/**
 * Column → field overrides from the mapping review, by sheet name and 1-based column number; null means "do not
 * read this column". structureWorkbook applies them to the sheet's header and every repeated header.
 */
export type ColumnOverrides = Record<string, Record<number, ColumnField | null>>;

export interface BridgeOptions {
  /** YYYY-MM-DD. */
  today: string;
  settings: PaneSettings;
  /** The reporting period the officer chose when building the board pack ("Q2 2025/26"); default: as the engine decides. */
  period?: string;
  /** When set (ISO date-time of this write), a write keeps a copy of the tool's sheets it replaces, for "Restore". */
  previousVersionAt?: string;
  /** The findings the officer marked done (the findings sheet says which). */
  doneMarks?: DoneMark[];
  columnOverrides?: ColumnOverrides;
  /** The header row of each sheet whose columns the officer chose from nothing. */
  headerRowOverrides?: Record<string, number>;
  /** The officer's KPI roles for scorecard sheets, as role words (kpi-column-roles.ts), by sheet then column. */
  kpiColumns?: KpiRoleWords;
  /** The header row of each scorecard sheet the officer mapped. */
  kpiHeaderRows?: Record<string, number>;
}

/** An error written for the officer (title + what to do). */
export class BridgeError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The pane's settings as the engine's settings overrides (only what the officer set). */
export function engineSettings(settings: PaneSettings): Partial<PlanSettings> {
  const out: Partial<PlanSettings> = {};
  if (settings.reportingPeriod) out.reportingPeriod = settings.reportingPeriod;
  if (settings.ragTolerance !== null) out.ragTolerance = settings.ragTolerance;
  if (settings.protectiveMarking) out.protectiveMarking = settings.protectiveMarking;
  if (Object.keys(settings.ragLegend).length) out.ragLegend = { ...DEFAULT_RAG_LEGEND, ...settings.ragLegend } as Record<Rag, string>;
  if (Object.keys(settings.ruleSeverities).length) out.ruleSeverities = { ...settings.ruleSeverities };
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading and checking
// ---------------------------------------------------------------------------------------------------------------

export interface Structured {
  result: StructureResult;
  /** The sheets an earlier run wrote. */
  owned: string[];
  /** The period a board pack built now would report on by default, and why (offered when the officer builds one). */
  period?: { label: string; why: string };
}

export interface Analysis extends Structured {
  model: WorkbookModel;
  findings: Finding[];
  readWarnings: string[];
}

/** Step 1 of a check: structuring (as src/cli/main.ts does it). */
export function structureStep(model: WorkbookModel, options: BridgeOptions): Structured {
  const owned = ownedSheets(model);
  const structureOptions = {
    today: options.today,
    planStart: options.settings.planStart,
    settings: engineSettings(options.settings),
    ownedSheets: owned,
    columnOverrides: options.columnOverrides,
    headerRowOverrides: options.headerRowOverrides,
    kpiColumnOverrides: kpiOverrides(options.kpiColumns),
    kpiHeaderRowOverrides: options.kpiHeaderRows,
  };
  const result = structureWorkbook(model, structureOptions);
  const period = reportingPeriod(result, { today: options.today });
  const why = parseReportingPeriod(result.settings.reportingPeriod) ? 'as set in the plan settings' : 'the last quarter completed';
  return { result, owned, period: { label: period.label, why } };
}

/** Step 2 of a check: the rule catalogue, after structuring's own findings. */
export function validateStep(structured: Structured, today: string): Finding[] {
  return [...structured.result.findings, ...validatePlan(structured.result, { today })];
}

export function analyse(model: WorkbookModel & { warnings?: string[] }, options: BridgeOptions): Analysis {
  const structured = structureStep(model, options);
  return { ...structured, model, findings: validateStep(structured, options.today), readWarnings: model.warnings ?? [] };
}

// ---------------------------------------------------------------------------------------------------------------
// What the home view shows
// ---------------------------------------------------------------------------------------------------------------

export const ROLE_LABELS: Record<SheetRole, string> = {
  plan: 'Plan: actions read from here',
  settings: 'Plan settings',
  'kpi-register': 'KPI register',
  'kpi-data': 'KPI data',
  'tool-owned': 'Written by PlanAssure',
  'not-a-plan': 'Not a plan: left alone',
};

export interface SheetState {
  name: string;
  role: SheetRole;
  roleLabel: string;
  /** Actions read from the sheet (plan sheets). */
  actions: number;
  hidden: boolean;
}

export interface PlanState {
  title: string | null;
  sheets: SheetState[];
  actions: number;
  kpis: number;
  counts: Record<Severity, number>;
  readWarnings: string[];
  /** The board pack's default reporting period, and why it is the default. */
  period?: { label: string; why: string } | null;
  /** The cover's author and version, and whether complete actions show Blue, as Plan Settings give them now. */
  packSettings?: PackSettings;
  /** The copy of the tool's sheets kept by the last write, which "Restore the previous version" brings back. */
  previousVersion: { at: string; sheets: string[] } | null;
  /** A fingerprint of each finding's cell, by "Sheet!A1": a finding marked done stays done while its cell matches. */
  prints: Record<string, string>;
}

export function planState(analysis: Analysis): PlanState {
  const { result, model } = analysis;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) counts[f.severity]++;
  return {
    title: result.settings.title ?? result.title,
    sheets: result.sheets.map((s) => ({
      name: s.sheet,
      role: s.role,
      roleLabel: ROLE_LABELS[s.role] ?? s.role,
      actions: result.actions.filter((a) => a.source.sheet === s.sheet).length,
      hidden: (model.sheets.find((m) => m.name === s.sheet)?.visibility ?? 'visible') !== 'visible',
    })),
    actions: result.actions.length,
    kpis: result.kpis.length,
    counts,
    readWarnings: analysis.readWarnings,
    period: analysis.period ?? null,
    packSettings: packSettingsOf(model),
    previousVersion: previousVersionOf(model),
    prints: findingPrints(model, analysis.findings),
  };
}

function previousVersionOf(model: WorkbookModel): PlanState['previousVersion'] {
  const previous = readPreviousVersion(model);
  return previous ? { at: previous.at, sheets: previousVersionSheets(previous).filter((s) => s.visible).map((s) => s.name) } : null;
}

/** Every rule the pane can report, for the filters and the severity settings. */
export interface RuleInfo {
  id: string;
  title: string;
  defaultSeverity: Severity;
}

export function ruleCatalogue(): RuleInfo[] {
  const rules: RuleInfo[] = RULES.map((r) => ({ id: r.id, title: r.title, defaultSeverity: r.defaultSeverity }));
  for (const [id, r] of Object.entries(KPI_RULES)) {
    if (!rules.some((x) => x.id === id)) rules.push({ id, title: r.title, defaultSeverity: r.severity });
  }
  return rules;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------------

export type WritingAction = 'structure' | 'kpis' | 'rag' | 'boardPack' | 'everything' | 'findings';

export interface WriteJob {
  plan: WorkbookPlan;
  /** The officer's column roles to keep in Plan Settings, written with the sheets. */
  settingsEdit?: SettingsEdit | null;
  /** The tool's sheets this write replaces (the adapter deletes them first). */
  owned: string[];
  /** The sheets written, as the officer sees them (hidden ones left out). */
  visibleSheets: string[];
  summary: string;
  /** Set when the write includes the board pack. */
  boardPack: { period: string; sheets: string[] } | null;
}

export interface NothingToWrite {
  nothing: string;
}

interface Owned {
  name: string;
  role: string;
}

const lower = (s: string) => s.toLowerCase();

function ownershipColumns(rows: { row: number; col: number; text: string }[]): { nameCol: number; roleCol: number } | null {
  const header = rows.find((c) => c.row === 1 && c.text === OWNED_LIST_HEADER);
  if (!header) return null;
  const role = rows.find((c) => c.row === 1 && c.text === 'Role' && c.col > header.col);
  return { nameCol: header.col, roleCol: role?.col ?? header.col + 1 };
}

function ownershipFrom(rows: { row: number; col: number; text: string }[]): Owned[] {
  const cols = ownershipColumns(rows);
  if (!cols) return [];
  const byRow = new Map<number, Owned>();
  for (const c of rows) {
    if (c.row < 2) continue;
    const entry = byRow.get(c.row) ?? { name: '', role: '' };
    if (c.col === cols.nameCol) entry.name = c.text;
    if (c.col === cols.roleCol) entry.role = c.text;
    byRow.set(c.row, entry);
  }
  return [...byRow.values()].filter((o) => o.name && o.name !== LISTS_SHEET_NAME);
}

/** The tool's sheets recorded on the workbook's lists sheet, with their roles (the lists sheet itself left out). */
export function ownedWithRoles(model: WorkbookModel): Owned[] {
  const lists = model.sheets.find((s) => s.name === LISTS_SHEET_NAME);
  if (!lists) return [];
  const present = new Set(model.sheets.map((s) => lower(s.name)));
  return ownershipFrom(lists.cells.map((c) => ({ row: c.row, col: c.col, text: cellText(c.value) }))).filter((o) => present.has(lower(o.name)));
}

/** The sheets an engine plan writes, with the roles its lists sheet gives them. */
function writtenByPlan(plan: WorkbookPlan): { sheet: SheetPlan; role: string }[] {
  const lists = plan.sheets.find((s) => s.name === LISTS_SHEET_NAME);
  const cells = (lists?.rows ?? []).flatMap((row, r) =>
    row.map((v, c) => ({ row: r + 1, col: c + 1, text: v && v.kind === 'text' ? v.text : '' })).filter((x) => x.text),
  );
  const roles = new Map(ownershipFrom(cells).map((o) => [o.name, o.role]));
  return plan.sheets.filter((s) => s.name !== LISTS_SHEET_NAME).map((sheet) => ({ sheet, role: roles.get(sheet.name) ?? 'tool' }));
}

/**
 * A plan for one step: the step's sheets, plus a lists sheet that records them AND the tool's other sheets, which
 * stay as they are. Only the tool's sheets with the same name or role as a written one are replaced.
 */
export function composeStep(model: WorkbookModel, written: { sheet: SheetPlan; role: string }[]): { plan: WorkbookPlan; owned: string[] } {
  const names = new Set(written.map((w) => lower(w.sheet.name)));
  const roles = new Set(written.map((w) => w.role));
  const kept = ownedWithRoles(model).filter((o) => !names.has(lower(o.name)) && !roles.has(o.role));
  const keptNames = new Set(kept.map((k) => lower(k.name)));
  const lists = listsSheet(LISTS_SHEET_NAME, [
    ...written.map((w) => ({ name: w.sheet.name, role: w.role })),
    ...kept,
    { name: LISTS_SHEET_NAME, role: 'lists' },
  ]);
  return {
    plan: { sheets: [...written.map((w) => w.sheet), lists] },
    owned: ownedSheets(model).filter((n) => !keptNames.has(lower(n))),
  };
}

function kpiSheets(analysis: Analysis): SheetPlan[] {
  const { model, result, owned } = analysis;
  return kpiSheetsFor(result, model, model.sheets.map((s) => s.name), owned);
}

/** The KPI register and its calculation sheet, with their roles on the lists sheet. */
function kpiWritten(analysis: Analysis): { sheet: SheetPlan; role: string }[] {
  return kpiSheets(analysis).map((sheet, i) => ({ sheet, role: i === 0 ? 'kpi-register' : 'kpi-calc' }));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listNames(names: string[]): string {
  const quoted = names.map((n) => `“${n}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

const NO_ACTIONS =
  'PlanAssure found no actions to write. Check plan lists why: the plan needs a header row with an "Action" column and one other, such as "Lead" or "Timescale".';

/** What a writing action writes, as one sheet plan, or why there is nothing to write. */
export function buildWrite(action: WritingAction, analysis: Analysis, options: BridgeOptions): WriteJob | NothingToWrite {
  const { model, result, findings, owned } = analysis;
  const existing = model.sheets.map((s) => s.name);
  let written: { sheet: SheetPlan; role: string }[];
  let boardPack: WriteJob['boardPack'] = null;
  let what: string;
  switch (action) {
    case 'structure':
      // A workbook holding only a scorecard is a normal input: structuring it writes its KPI sheets.
      if (!result.actions.length && result.kpis.length) {
        written = kpiWritten(analysis);
        what = `${plural(result.kpis.length, 'KPI')} read from the scorecard`;
        break;
      }
      if (!result.actions.length) return { nothing: NO_ACTIONS };
      written = writtenByPlan(structureWorkbookPlan(result, model));
      what = `${plural(result.actions.length, 'action')} in the canonical Plan table`;
      break;
    case 'kpis': {
      if (!result.kpis.length) {
        return {
          nothing:
            'PlanAssure found no KPI register or KPI data in this workbook, so there are no KPIs to update. Add a sheet with a row per KPI (name, target, and a column per period), then try again.',
        };
      }
      written = kpiWritten(analysis);
      what = `${plural(result.kpis.length, 'KPI')} with live latest value, change, direction and RAG`;
      break;
    }
    case 'rag': {
      if (!result.actions.length) return { nothing: NO_ACTIONS };
      // Judged where the board pack judges it (the end of the reporting period), so the Plan sheet and the pack agree.
      const at = judgementDate(result, { today: options.today, period: options.settings.reportingPeriod });
      const actions = withPackRags(packActions(result, at));
      const name = ownedSheetName(PLAN_SHEET_NAME, existing, owned);
      const kpiRags = actionKpiRags(actions, kpiReports(result));
      written = [{ sheet: planSheet(name, LISTS_SHEET_NAME, actions, { ragColours: true, kpiRags }), role: 'plan' }];
      what = `a RAG for ${plural(actions.length, 'action')} (entered, or derived from status and dates), in live colours`;
      break;
    }
    case 'findings': {
      if (!findings.length) return { nothing: 'There are no findings to export: the plan passed every check.' };
      const prints = findingPrints(model, findings);
      const titles = new Map(ruleCatalogue().map((r) => [r.id, r.title]));
      const rows = findingRows(findings, (id) => titles.get(id) ?? id, (f) => isDone(options.doneMarks ?? [], f, prints));
      written = [{ sheet: findingsSheet(ownedSheetName(FINDINGS_SHEET_NAME, existing, owned), rows), role: FINDINGS_ROLE }];
      what = plural(findings.length, 'finding');
      break;
    }
    case 'boardPack':
    case 'everything': {
      if (!result.actions.length) return { nothing: NO_ACTIONS };
      // The board pack carries the filled KPI register with it, so the scorecard and the register agree.
      const chosen = options.period ?? options.settings.reportingPeriod;
      const pack = boardPackWorkbookPlan(result, model, { today: options.today, period: chosen, findings });
      written = writtenByPlan(pack.plan);
      const withKpis = written.some((w) => w.role === 'kpi-register');
      const period = reportingPeriod(result, { today: options.today, period: chosen }).label;
      const sheets = written.filter((w) => w.sheet.visibility === 'visible' && !['plan', 'kpi-register', 'kpi-calc'].includes(w.role)).map((w) => w.sheet.name);
      boardPack = { period, sheets };
      what =
        action === 'everything'
          ? `the board pack for ${period}, the Plan table with RAG${withKpis ? ' and the KPI register' : ''}`
          : `the board pack for ${period}`;
      break;
    }
  }
  const { plan, owned: replace } = withPreviousVersion(model, written, options.previousVersionAt);
  const visibleSheets = written.filter((w) => w.sheet.visibility === 'visible').map((w) => w.sheet.name);
  return { plan, owned: replace, visibleSheets, summary: `Wrote ${what}: ${listNames(visibleSheets)}.`, boardPack };
}

/** composeStep, plus (when `at` is given) the very hidden copy of the tool's sheets the step replaces. */
function withPreviousVersion(model: WorkbookModel, written: { sheet: SheetPlan; role: string }[], at: string | undefined): { plan: WorkbookPlan; owned: string[] } {
  const step = composeStep(model, written);
  if (at === undefined) return step;
  const replaced = step.owned.filter((n) => n !== PREVIOUS_VERSION_SHEET_NAME);
  return composeStep(model, [...written, { sheet: previousVersionSheet(model, replaced, at), role: PREVIOUS_VERSION_ROLE }]);
}

/**
 * "Restore the previous version": the tool's sheets as the copy holds them replace every sheet the tool has now
 * (the copy itself included: a restore is one step back, and leaves no copy behind).
 */
export function buildRestore(model: WorkbookModel): WriteJob | NothingToWrite {
  const previous = readPreviousVersion(model);
  if (!previous) {
    return { nothing: 'There is no earlier version of PlanAssure\'s sheets in this workbook to restore. A copy is kept each time an action writes, until the next write or restore.' };
  }
  const sheets = restoredSheets(previous);
  const owned = [...new Set([...ownedSheets(model), ...(model.sheets.some((s) => s.name === PREVIOUS_VERSION_SHEET_NAME) ? [PREVIOUS_VERSION_SHEET_NAME] : [])])];
  const visibleSheets = sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
  const what = visibleSheets.length ? `PlanAssure's sheets as they were before its write of ${ukDateTime(previous.at)}: ${listNames(visibleSheets)}` : `the workbook as it was before PlanAssure's write of ${ukDateTime(previous.at)}, when it had no sheets of PlanAssure's`;
  return {
    plan: { sheets },
    owned,
    visibleSheets,
    summary: `Restored ${what}. Values, formulas and number formats are back; other formatting, tables and dropdowns are not: run the action again to re-apply them.`,
    boardPack: null,
  };
}
