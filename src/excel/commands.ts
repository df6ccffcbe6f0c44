/**
 * The user-level commands inside Excel, as src/cli/main.ts runs them on a file, each in one Excel.run:
 *   - checkPlan:      read, structure and validate; writes nothing;
 *   - structurePlan:  read, structure, validate, then write the engine's structure plan (the Plan sheet, the lists
 *                     sheet, and any other sheet the engine puts in it, such as the KPI register);
 *   - buildBoardPack: read, structure, validate, then write the engine's board pack (boardPackWorkbookPlan).
 * The commands apply whatever WorkbookPlan the engine returns; the engine never reads the clock ("today" comes in).
 *
 * Syncs (see read-workbook.ts and apply-plan.ts): the read takes ONE without knowing the sheet names (it walks the
 * tabs), and the write one per ~4.5 MB of plan, knowing the names from the read. Check: 1. Structure and board
 * pack: 2, or 3 when what they write is over ~4.5 MB (a Plan sheet of some 7,000 Dudley-sized actions); a board
 * pack over ~9 MB (10,000 actions with long text in every column) takes a write more, as no two requests under
 * 5 MB can carry it. Excel on the web refuses a response over 5 MB, so there a read that big is paged, at a few
 * syncs more. Each result says how many syncs it made and the largest request, estimated (on the safe side) as
 * the adapter packs them.
 */
import { boardPackWorkbookPlan, PackAction, reportingPeriod } from '../engine/board-pack';
import { kpiReports } from '../engine/kpi';
import { Finding } from '../engine/schema';
import { ownedSheets, structureWorkbookPlan } from '../engine/sheet-plan/structure-plan';
import { WorkbookPlan } from '../engine/sheet-plan/types';
import { structureWorkbook, StructureResult } from '../engine/structure';
import { validatePlan } from '../engine/validate';
import { WorkbookModel } from '../engine/workbook';
import { applyWorkbookPlan, ApplyReport } from './apply-plan';
import { readWorkbookModel } from './read-workbook';
import type { WorkbookTable } from './workbook-tables';
import { Notice, RequirementChecker } from './requirements';

export interface CommandOptions {
  /** YYYY-MM-DD: the engine never reads the clock. Default: the local date where the add-in runs. */
  today?: string;
  /** YYYY-MM-DD: where relative timescales ("Short-term", "6m") count from. */
  planStart?: string;
  /** The board pack's reporting period, "Q2 2025/26"; default: the plan's settings, else the quarter of today. */
  period?: string;
  maxRows?: number;
  maxColumns?: number;
  /** The sheet names the task pane knows already: not needed for one read sync, still honoured. */
  knownSheets?: readonly string[];
  requirements?: RequirementChecker | null;
}

export interface CommandCost {
  /** context.sync() calls the command made. */
  syncs: number;
  /** The largest request it sent, estimated in bytes (estimatePayloadBytes: on the safe side). */
  maxRequestBytes: number;
}

export interface CheckPlanResult extends CommandCost {
  model: WorkbookModel;
  result: StructureResult;
  /** The structuring findings and the validation findings. */
  findings: Finding[];
  /** For the officer: sheets cut at the read limit, and features this Excel lacks. */
  warnings: string[];
  notices: Notice[];
}

export interface StructurePlanResult extends CheckPlanResult {
  plan: WorkbookPlan;
  apply: ApplyReport;
}

export interface BoardPackResult extends StructurePlanResult {
  /** Each action with its RAG as the board pack shows it: entered, or derived where none was entered. */
  actions: PackAction[];
  /** The reporting period the pack covers, e.g. "Q2 2025/26". */
  period: string;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

interface Analysis extends CheckPlanResult {
  today: string;
  owned: string[];
  /** The workbook's defined names, which the write's table may not take. */
  definedNames: string[];
  /** The workbook's tables, whose names the write's table may not take either. */
  tables: WorkbookTable[];
}

async function analyse(context: Excel.RequestContext, options: CommandOptions): Promise<Analysis> {
  const today = options.today ?? localToday();
  const model = await readWorkbookModel(context, {
    maxRows: options.maxRows,
    maxColumns: options.maxColumns,
    knownSheets: options.knownSheets,
    requirements: options.requirements,
  });
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { today, planStart: options.planStart, ownedSheets: owned });
  const findings = [...result.findings, ...validatePlan(result, { today })];
  return {
    today,
    owned,
    model: { sheets: model.sheets },
    result,
    findings,
    warnings: model.warnings,
    notices: model.notices,
    definedNames: model.definedNames,
    tables: model.tables,
    syncs: model.syncs,
    maxRequestBytes: Math.max(0, ...model.requestBytes),
  };
}

/** Writes a plan after the read: the names the read learnt save the write a sync. */
async function write(context: Excel.RequestContext, analysis: Analysis, plan: WorkbookPlan, options: CommandOptions): Promise<StructurePlanResult> {
  const apply = await applyWorkbookPlan(context, plan, analysis.owned, {
    existingSheets: analysis.model.sheets.map((s) => s.name),
    definedNames: analysis.definedNames,
    existingTables: analysis.tables,
    requirements: options.requirements,
  });
  const fresh = apply.notices.filter((n) => !analysis.notices.some((m) => m.feature === n.feature));
  return {
    model: analysis.model,
    result: analysis.result,
    findings: analysis.findings,
    warnings: [...analysis.warnings, ...fresh.map((n) => n.message).filter((m) => m && !analysis.warnings.includes(m))],
    notices: [...analysis.notices, ...fresh],
    plan,
    apply,
    syncs: analysis.syncs + apply.syncs,
    maxRequestBytes: Math.max(analysis.maxRequestBytes, ...apply.requestBytes),
  };
}

const withoutInternals = ({ today: _today, owned: _owned, definedNames: _definedNames, tables: _tables, ...rest }: Analysis): CheckPlanResult => rest;

/** "Check plan": reads, structures and validates the workbook. Writes nothing: one sync. */
export async function checkPlan(context: Excel.RequestContext, options: CommandOptions = {}): Promise<CheckPlanResult> {
  return withoutInternals(await analyse(context, options));
}

/** "Structure plan": the check, then the engine's structure plan written. */
export async function structurePlan(context: Excel.RequestContext, options: CommandOptions = {}): Promise<StructurePlanResult> {
  const analysis = await analyse(context, options);
  return write(context, analysis, structureWorkbookPlan(analysis.result, analysis.model), options);
}

/** "Build board pack": the check, then the engine's board pack written (Plan with RAG, the summary sheets…). */
export async function buildBoardPack(context: Excel.RequestContext, options: CommandOptions = {}): Promise<BoardPackResult> {
  const analysis = await analyse(context, options);
  const { result, model, today, findings } = analysis;
  const pack = boardPackWorkbookPlan(result, model, { today, period: options.period, kpis: kpiReports(result), findings });
  const written = await write(context, analysis, pack.plan, options);
  return { ...written, actions: pack.actions, period: reportingPeriod(result, { today, period: options.period }).label };
}
