/**
 * `run`: the whole board pack as one declarative workbook plan. The Plan sheet with RAG (entered or derived) in
 * live colours, the four summary sheets, the hidden snapshot for "changes since the last board", and the hidden
 * lists sheet recording which sheets the tool owns. Every other sheet is the officer's and is left alone.
 */
import { Finding, KpiReport, Rag } from '../schema';
import { actionRag, isOverdue, RagReason } from '../rag/action-rag';
import { listsSheet, LISTS_SHEET_NAME, ownedSheetName, PLAN_SHEET_NAME, planSheet } from '../sheet-plan/plan-sheet';
import { kpiSheetsFor, ownedSheets } from '../sheet-plan/structure-plan';
import { actionKpiRags, computeKpis, kpiReports } from '../kpi';
import { SheetPlan, WorkbookPlan } from '../sheet-plan/types';
import { StructuredAction, StructureResult } from '../structure/types';
import { isScorecardOnly } from '../structure/workbook-kind';
import { summariseFindings } from '../validate';
import { WorkbookModel } from '../workbook';
import { nextPeriod, parseReportingPeriod, quarterContaining, ReportingPeriod, ukDate } from './reporting-period';
import { boardSummarySheet } from './board-summary';
import { comingUp, comingUpSheet } from './coming-up';
import { coverSheet } from './cover';
import { BoardPackContext } from './context';
import { exceptionActions, exceptionsSheet } from './exceptions';
import { kpiScorecardSheet } from './kpi-scorecard';
import { kpiTrendSheet } from './kpi-trend';
import { changesSince, readSnapshot, SNAPSHOT_SHEET, snapshotKeys, snapshotSheet } from './snapshot';
import { PackAction } from './types';

export * from './types';
export { overallSentence } from './board-summary';
export { comingUp } from './coming-up';
export { kpiScorecardNotes } from './kpi-scorecard';
export { parseReportingPeriod, quarterContaining, nextPeriod } from './reporting-period';

export interface BoardPackOptions {
  today: string;
  /** "Q2 2025/26"; default: the plan settings' reporting period, else the quarter containing today. */
  period?: string | null;
  /** The KPIs to show on the scorecard; default: computed from the structured workbook. */
  kpis?: KpiReport[];
  findings: Finding[];
}

export function packActions(result: StructureResult, today: string): PackAction[] {
  return result.actions.map((a) => {
    const { rag, reason } = actionRag(a, result.settings, today);
    return packAction(a, rag, reason, isOverdue(a, today));
  });
}

/**
 * The action with its effective RAG, field by field (in the order structuring gives them) rather than as
 * `{ ...action, … }`, on purpose: in Node 20 a copy of an object this size by spread or Object.assign is built
 * property by property, and ends up either with a hidden class of its own (spread: every later read of the
 * actions, in sorting, counting and writing rows, goes megamorphic) or in dictionary mode (Object.assign), at
 * 2 kB or so an action. Over 10,000 actions the spread took 30 to 50 ms and this takes 3.
 */
function packAction(a: StructuredAction, effectiveRag: Rag, ragReason: RagReason, overdue: boolean): PackAction {
  return {
    ref: a.ref,
    theme: a.theme,
    qualityStatement: a.qualityStatement,
    area: a.area,
    action: a.action,
    milestones: a.milestones,
    lead: a.lead,
    timescale: a.timescale,
    dueDate: a.dueDate,
    status: a.status,
    rag: a.rag,
    progress: a.progress,
    measures: a.measures,
    outcomes: a.outcomes,
    lastUpdated: a.lastUpdated,
    source: a.source,
    rows: a.rows,
    cells: a.cells,
    columns: a.columns,
    statusText: a.statusText,
    ragText: a.ragText,
    groupTexts: a.groupTexts,
    timescaleKind: a.timescaleKind,
    errors: a.errors,
    refGenerated: a.refGenerated,
    linked: a.linked,
    effectiveRag,
    ragReason,
    overdue,
  };
}

export function reportingPeriod(result: StructureResult, options: Pick<BoardPackOptions, 'today' | 'period'>): ReportingPeriod {
  return parseReportingPeriod(options.period) ?? parseReportingPeriod(result.settings.reportingPeriod) ?? quarterContaining(options.today);
}

export const BOARD_SHEETS = { cover: 'Cover', summary: 'Board Summary', exceptions: 'Exceptions', scorecard: 'KPI Scorecard', trend: 'KPI Trend', comingUp: 'Coming up' } as const;

/** A sheet of the pack with the role it is recorded under on the ownership list. */
interface PackSheet {
  sheet: SheetPlan;
  role: string;
}

export function boardPackWorkbookPlan(result: StructureResult, model: WorkbookModel, options: BoardPackOptions): { plan: WorkbookPlan; actions: PackAction[] } {
  const existing = model.sheets.map((s) => s.name);
  const owned = ownedSheets(model);
  const name = (preferred: string) => ownedSheetName(preferred, existing, owned);
  const actions = packActions(result, options.today);
  const period = reportingPeriod(result, options);
  const previous = owned.includes(SNAPSHOT_SHEET) ? readSnapshot(model) : null;
  // Made once for both the changes since the last board and this run's snapshot.
  const keys = snapshotKeys(actions);
  const kpis = options.kpis ?? kpiReports(result);
  const kpiSheets = kpiSheetsFor(result, model, existing, owned).map((sheet, i) => ({ sheet, role: i === 0 ? 'kpi-register' : 'kpi-calc' }));
  const context: BoardPackContext = {
    title: result.settings.title ?? result.title ?? 'Improvement plan',
    period,
    next: nextPeriod(period),
    today: options.today,
    marking: result.settings.protectiveMarking,
    author: result.settings.author ?? null,
    version: result.settings.version ?? null,
    legend: result.settings.ragLegend,
    actions,
    kpis,
    checkSummary: summariseFindings(options.findings).text,
    changes: previous ? changesSince(previous, actions, keys) : null,
    emptySections: [],
    series: new Map(computeKpis(result.kpis, result.observations, result.settings).kpis.map((k) => [k.definition.id, k.series])),
  };
  const exceptions = exceptionActions(context).length;
  if (isScorecardOnly(result)) return { plan: withListsSheet([...withCover(name, context, kpiPages(name, context), exceptions), ...kpiSheets]), actions };
  context.emptySections = emptySections(context, result.settings.planStart);
  const planName = name(PLAN_SHEET_NAME);
  const board: PackSheet[] = [
    { sheet: boardSummarySheet(name(BOARD_SHEETS.summary), context), role: 'board-summary' },
    ...(exceptions ? [{ sheet: exceptionsSheet(name(BOARD_SHEETS.exceptions), context), role: 'exceptions' }] : []),
    ...(context.kpis.length ? kpiPages(name, context) : []),
    ...(comingUp(context, result.settings.planStart).length ? [{ sheet: comingUpSheet(name(BOARD_SHEETS.comingUp), context, result.settings.planStart), role: 'coming-up' }] : []),
  ];
  const sheets: PackSheet[] = [
    ...withCover(name, context, board, exceptions),
    {
      sheet: planSheet(planName, LISTS_SHEET_NAME, actions, {
        ragColours: true,
        kpiRags: actionKpiRags(actions, kpis),
        rags: actions.map((a) => a.effectiveRag),
      }),
      role: 'plan',
    },
    ...kpiSheets,
    { sheet: snapshotSheet(actions, keys, options.today, name(SNAPSHOT_SHEET)), role: 'snapshot' },
  ];
  return { plan: withListsSheet(sheets), actions };
}

/** Why each section with nothing in it has no page: one line each, for the Board Summary. */
function emptySections(context: BoardPackContext, planStart: string | null): string[] {
  const lines: string[] = [];
  if (!exceptionActions(context).length) lines.push(`Exceptions: no action is Red or overdue at ${ukDate(context.today)}.`);
  if (!context.kpis.length) lines.push('KPI Scorecard: this workbook has no KPI register, so there is no scorecard.');
  if (!comingUp(context, planStart).length) lines.push(`Coming up: nothing is due in ${context.next.label} (${ukDate(context.next.start)} to ${ukDate(context.next.end)}).`);
  return lines;
}

/** The board sheets with the cover in front, listing them. */
function withCover(name: (preferred: string) => string, context: BoardPackContext, board: PackSheet[], exceptions: number): PackSheet[] {
  const contents = board.map(({ sheet, role }) => ({ name: sheet.name, role }));
  return [{ sheet: coverSheet(name(BOARD_SHEETS.cover), context, contents, exceptions), role: 'cover' }, ...board];
}

/** The KPI Scorecard and, when any KPI has figures over time, the KPI Trend. */
function kpiPages(name: (preferred: string) => string, context: BoardPackContext): PackSheet[] {
  const trend = kpiTrendSheet(name(BOARD_SHEETS.trend), context);
  return [{ sheet: kpiScorecardSheet(name(BOARD_SHEETS.scorecard), context), role: 'kpi-scorecard' }, ...(trend ? [{ sheet: trend, role: 'kpi-trend' }] : [])];
}

/** The pack's sheets with the hidden lists sheet after them, which records which sheets the tool owns. */
function withListsSheet(sheets: PackSheet[]): WorkbookPlan {
  const owned = [...sheets.map(({ sheet, role }) => ({ name: sheet.name, role })), { name: LISTS_SHEET_NAME, role: 'lists' }];
  return { sheets: [...sheets.map((s) => s.sheet), listsSheet(LISTS_SHEET_NAME, owned)] };
}
