/**
 * `run`: the whole board pack as one declarative workbook plan. The Plan sheet with RAG (entered or derived) in
 * live colours, the four summary sheets, the hidden snapshot for "changes since the last board", and the hidden
 * lists sheet recording which sheets the tool owns. Every other sheet is the officer's and is left alone.
 */
import { Finding, KpiReport } from '../schema';
import { actionRag, isOverdue, ragStates } from '../rag/action-rag';
import { listsSheet, LISTS_SHEET_NAME, ownedSheetName, PLAN_SHEET_NAME, planSheetRows } from '../sheet-plan/plan-sheet';
import { kpiSheetsFor, ownedSheets } from '../sheet-plan/structure-plan';
import { actionKpiRags, computeKpis, kpiReports } from '../kpi';
import { builtPlan, PendingSheet, PendingWorkbookPlan, SheetPlan, StreamedSheet, streamedSheet, WorkbookPlan } from '../sheet-plan/types';
import { StructuredAction, StructureResult } from '../structure/types';
import { isScorecardOnly } from '../structure/workbook-kind';
import { summariseFindings } from '../validate';
import { WorkbookModel } from '../workbook';
import { lastCompletedQuarter, nextPeriod, parseReportingPeriod, ReportingPeriod } from './reporting-period';
import { ukDate } from '../uk-date';
import { boardSummarySheet } from './board-summary';
import { boardViewsSheet } from './board-views';
import { comingUp, comingUpSheet } from './coming-up';
import { comingUpWindow } from './coming-up-window';
import { coverSheet } from './cover';
import { BoardPackContext } from './context';
import { notesByKey, readExceptionNotes } from './exception-notes';
import { exceptionActions, exceptionsSheetRows } from './exceptions';
import { kpiScorecardSheet } from './kpi-scorecard';
import { kpiTrendsSheet } from './kpi-trends';
import { changesSince, readSnapshot, SNAPSHOT_SHEET, snapshotKeyer, snapshotSheetRows } from './snapshot';
import { PackAction } from './types';

export * from './types';
export { overallSentence } from './board-summary';
export { comingUp } from './coming-up';
export { kpiScorecardNotes } from './kpi-scorecard';
export { lastCompletedQuarter, parseReportingPeriod, PERIOD_EXAMPLES, quarterContaining, nextPeriod } from './reporting-period';

export interface BoardPackOptions {
  /** The day the pack is made (its caption and snapshot date). */
  today: string;
  /** "Q2 2025/26"; default: the plan settings' reporting period, else the last quarter completed before today. */
  period?: string | null;
  /**
   * The date RAG and "overdue" are judged at, when the officer gives one explicitly (the CLI's --today); default:
   * the end of the reporting period, so a pack reports the period as it closed, the same on every sheet.
   */
  judgedAt?: string | null;
  /** The KPIs to show on the scorecard; default: computed from the structured workbook. */
  kpis?: KpiReport[];
  findings: Finding[];
}

/** Each action with its RAG and whether it is overdue, judged at `at`. Complete (Blue) is never overdue. */
export function packActions(result: StructureResult, at: string): PackAction[] {
  const settings = result.settings;
  return result.actions.map((a) => {
    const { rag, reason } = actionRag(a, settings, at);
    const done = reason === 'complete' || (rag === 'Blue' && settings.useBlue !== false);
    return { item: a, effectiveRag: rag, ragReason: reason, overdue: !done && isOverdue(a, at) };
  });
}

/** The structured actions with the RAG the pack judged in place of the one entered, as the JSON report and the pane's RAG command show them. */
export function withPackRags(actions: readonly PackAction[]): StructuredAction[] {
  return actions.map((a) => ({ ...a.item, rag: a.effectiveRag }));
}

export function reportingPeriod(result: StructureResult, options: Pick<BoardPackOptions, 'today' | 'period'>): ReportingPeriod {
  return parseReportingPeriod(options.period) ?? parseReportingPeriod(result.settings.reportingPeriod) ?? lastCompletedQuarter(options.today);
}

/** The date a pack judges RAG and overdue at: the officer's explicit date, else the end of the reporting period. */
export function judgementDate(result: StructureResult, options: Pick<BoardPackOptions, 'today' | 'period' | 'judgedAt'>): string {
  return options.judgedAt ?? reportingPeriod(result, options).end;
}

export const BOARD_SHEETS = {
  cover: 'Cover',
  summary: 'Board Summary',
  views: 'Board Views',
  exceptions: 'Exceptions',
  scorecard: 'KPI Scorecard',
  trends: 'KPI Trends',
  comingUp: 'Coming up',
} as const;

/** A sheet of the pack, named before it is built, with the role it is recorded under on the ownership list. */
interface PackSheet extends PendingSheet {
  role: string;
}

/** A sheet built when the adapter writes it. */
const pending = (name: string, role: string, build: (name: string) => SheetPlan): PackSheet => ({ name, role, build: () => build(name) });

/** A sheet of a row per action (or per exception), which the adapter may write a row at a time (or build whole). */
const streamed = (name: string, role: string, stream: (name: string) => StreamedSheet): PackSheet => ({ ...streamedSheet(name, () => stream(name)), role });

/** A sheet built already (its existence depends on what it holds), as a pack sheet. */
const built = (sheet: SheetPlan, role: string): PackSheet => ({ name: sheet.name, role, build: () => sheet });

/** The whole board pack, every sheet built: for adapters that write the plan at once (Office.js, the task pane). */
export function boardPackWorkbookPlan(result: StructureResult, model: WorkbookModel, options: BoardPackOptions): { plan: WorkbookPlan; actions: PackAction[] } {
  const pack = boardPackSheets(result, model, options);
  return { plan: builtPlan(pack.plan), actions: pack.actions };
}

/**
 * The board pack with each sheet built only when the adapter writes it (in order), so the file writer holds one
 * sheet plan at a time: at 100,000 actions the Plan, Exceptions and snapshot sheets together were hundreds of MB.
 */
export function boardPackSheets(result: StructureResult, model: WorkbookModel, options: BoardPackOptions): { plan: PendingWorkbookPlan; actions: PackAction[] } {
  const existing = model.sheets.map((s) => s.name);
  const owned = ownedSheets(model);
  const name = (preferred: string) => ownedSheetName(preferred, existing, owned);
  const period = reportingPeriod(result, options);
  const judgedAt = options.judgedAt ?? period.end;
  const actions = packActions(result, judgedAt);
  const previous = owned.includes(SNAPSHOT_SHEET) ? readSnapshot(model) : null;
  // The actions' keys, made once for the changes since the last board, the officer's notes on exceptions and this
  // run's snapshot when a pack has those to carry; a first pack makes each only as its snapshot row is written.
  const keyAt = snapshotKeyer(actions);
  let keys: string[] | null = null;
  const allKeys = (): string[] => (keys ??= actions.map((_, i) => keyAt(i)));
  const exceptionsName = name(BOARD_SHEETS.exceptions);
  // Read before the sheet is replaced: what the officer typed beside each exception is carried into this pack.
  const typed = owned.includes(exceptionsName) ? readExceptionNotes(model, exceptionsName, actions, allKeys()) : { byKey: new Map(), unmatched: [] };
  const notes = notesByKey(previous, typed);
  // Each action's key, for the notes carried from before: a pack with none to carry (the first) needs no map of
  // every action to its key.
  const keyOf = notes.size ? new Map(actions.map((a, i) => [a, allKeys()[i]])) : null;
  const kpis = options.kpis ?? kpiReports(result);
  const kpiSheets = kpiSheetsFor(result, model, existing, owned).map((sheet, i) => built(sheet, i === 0 ? 'kpi-register' : 'kpi-calc'));
  const context: BoardPackContext = {
    title: result.settings.title ?? result.title ?? 'Improvement plan',
    period,
    next: nextPeriod(period),
    today: options.today,
    judgedAt,
    states: ragStates(result.settings),
    marking: result.settings.protectiveMarking,
    author: result.settings.author ?? null,
    version: result.settings.version ?? null,
    legend: result.settings.ragLegend,
    actions,
    kpis,
    checkSummary: summariseFindings(options.findings).text,
    changes: previous ? changesSince(previous, actions, allKeys()) : null,
    emptySections: [],
    series: new Map(computeKpis(result.kpis, result.observations, result.settings).kpis.map((k) => [k.definition.id, k.series])),
  };
  const exceptions = exceptionActions(context).length;
  if (isScorecardOnly(result)) return { plan: withListsSheet([...withCover(name, context, kpiPages(name, context), exceptions), ...kpiSheets]), actions };
  context.emptySections = emptySections(context, result.settings.planStart, result.settings.comingUpMonths);
  const planName = name(PLAN_SHEET_NAME);
  const board: PackSheet[] = [
    pending(name(BOARD_SHEETS.summary), 'board-summary', (n) => boardSummarySheet(n, context)),
    pending(name(BOARD_SHEETS.views), 'board-views', (n) => boardViewsSheet(n, context, result.settings.planStart, result.settings.comingUpMonths)),
    ...(exceptions ? [streamed(exceptionsName, 'exceptions', (n) => exceptionsSheetRows(n, context, (a) => (keyOf ? notes.get(keyOf.get(a)!) : undefined), typed))] : []),
    ...(context.kpis.length ? kpiPages(name, context) : []),
    ...(comingUp(context, comingUpWindow(context.today, result.settings.comingUpMonths), result.settings.planStart).length
      ? [pending(name(BOARD_SHEETS.comingUp), 'coming-up', (n) => comingUpSheet(n, context, result.settings.planStart, result.settings.comingUpMonths))]
      : []),
  ];
  const sheets: PackSheet[] = [
    ...withCover(name, context, board, exceptions),
    streamed(planName, 'plan', (n) =>
      // The structured actions, in the pack's order (packActions keeps it), with the RAG the pack judged for each.
      planSheetRows(n, LISTS_SHEET_NAME, result.actions, {
        ragColours: true,
        kpiRags: actionKpiRags(result.actions, kpis),
        rags: actions.map((a) => a.effectiveRag),
      }),
    ),
    ...kpiSheets,
    streamed(name(SNAPSHOT_SHEET), 'snapshot', (n) => snapshotSheetRows(actions, keys ? (i) => keys![i] : keyAt, options.today, n, notes)),
  ];
  return { plan: withListsSheet(sheets), actions };
}

/** Why each section with nothing in it has no page: one line each, for the Board Summary. */
function emptySections(context: BoardPackContext, planStart: string | null, months: number | null | undefined): string[] {
  const lines: string[] = [];
  if (!exceptionActions(context).length) {
    const silentLate = context.actions.filter((a) => a.effectiveRag === 'No update' && a.overdue).length;
    const silent = silentLate
      ? ` ${silentLate} ${silentLate === 1 ? 'action is' : 'actions are'} past the due date with no update recorded: counted as No update, not listed as exceptions.`
      : '';
    lines.push(`Exceptions: no action is Red or overdue at ${ukDate(context.judgedAt)}.${silent}`);
  }
  if (!context.kpis.length) lines.push('KPI Scorecard: this workbook has no KPI register, so there is no scorecard.');
  const window = comingUpWindow(context.today, months);
  if (!comingUp(context, window, planStart).length) lines.push(`Coming up: nothing is due from ${ukDate(window.start)} to ${ukDate(window.end)}.`);
  return lines;
}

/** The board sheets with the cover in front, listing them. */
function withCover(name: (preferred: string) => string, context: BoardPackContext, board: PackSheet[], exceptions: number): PackSheet[] {
  const contents = board.map(({ name: sheet, role }) => ({ name: sheet, role }));
  return [pending(name(BOARD_SHEETS.cover), 'cover', (n) => coverSheet(n, context, contents, exceptions)), ...board];
}

/** The KPI Scorecard and, when any KPI has figures over time, the KPI Trends (a chart per KPI). */
function kpiPages(name: (preferred: string) => string, context: BoardPackContext): PackSheet[] {
  const trends = kpiTrendsSheet(name(BOARD_SHEETS.trends), context);
  return [pending(name(BOARD_SHEETS.scorecard), 'kpi-scorecard', (n) => kpiScorecardSheet(n, context)), ...(trends ? [built(trends, 'kpi-trends')] : [])];
}

/** The pack's sheets with the hidden lists sheet after them, which records which sheets the tool owns. */
function withListsSheet(sheets: PackSheet[]): PendingWorkbookPlan {
  const owned = [...sheets.map(({ name, role }) => ({ name, role })), { name: LISTS_SHEET_NAME, role: 'lists' }];
  return { sheets: [...sheets, pending(LISTS_SHEET_NAME, 'lists', (n) => listsSheet(n, owned))] };
}
