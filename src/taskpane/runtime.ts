/**
 * The pane's working part, loaded on demand after the first paint: the Office.js host, the engine bridge, and the
 * runner that does an action step by step.
 *
 * The engine is synchronous, so an action runs as separate steps (read, structure, check, review, prepare, write)
 * with a pause between them: the pane repaints its progress, and a Cancel pressed in between is honoured. The
 * last chance to cancel is just before writing; once writing has started it runs to the end.
 */
import type { Finding } from '../engine/schema';
import type { WorkbookModel } from '../engine/workbook';
import {
  analyse,
  Analysis,
  BridgeError,
  BridgeOptions,
  buildRestore,
  buildWrite,
  mappingReview,
  mappingToSave,
  mappingSignature,
  planState,
  PlanState,
  ReviewAnswer,
  SheetMappingReview,
  structureStep,
  validateStep,
  WritingAction,
} from './engine-bridge';
import { bothSettingsEdits, PackSettings, packSettingsEdit, withSettingsEdit } from '../engine/pack-settings';
import type { SettingsEdit } from '../engine/saved-mapping';
import { replacementPreview, ReplacePreview } from '../engine/sheet-plan/replace-preview';
import type { DoneMark } from '../engine/findings-todo';
import type { WorkbookHost } from './host';
import { OfficeWorkbookHost } from './office-host';
import type { PaneSettings } from './settings';
import type { Stage } from './messages';

export { fieldChoices, ruleCatalogue, sheetReady } from './engine-bridge';
export type { ColumnOverrides, KpiRoleWords, PlanState, ReviewAnswer, RuleInfo, SheetMappingReview } from './engine-bridge';
export type { ReplacePreview } from '../engine/sheet-plan/replace-preview';
export type { DoneMark } from '../engine/findings-todo';
export { findingRows, isDone, liveMarks, markFor, tabSeparated } from '../engine/findings-todo';

export type ActionKind = 'check' | WritingAction | 'restore';

export function createOfficeHost(): WorkbookHost {
  return new OfficeWorkbookHost();
}

export interface StepInfo {
  index: number;
  total: number;
  label: string;
  stage: Stage;
  /** True once writing has begun: too late to cancel. */
  writing: boolean;
}

export type ReviewReason = 'structure' | 'unconfirmed';

export interface RunHooks {
  progress(step: StepInfo): void;
  cancelled(): boolean;
  /**
   * Shows the mapping review; resolves with the officer's changes to the mapping when they confirm ({} when they
   * confirm it as found), or null when they cancel.
   */
  reviewMapping(review: SheetMappingReview[], reason: ReviewReason): Promise<ReviewAnswer | null>;
  /** Shows what the write will replace of the tool's own sheets; resolves true when the officer confirms. */
  confirmReplace(preview: ReplacePreview): Promise<boolean>;
}

export interface RunOutcome {
  action: ActionKind;
  state: PlanState;
  findings: Finding[];
  settings: PaneSettings;
  /** What was done, for the officer; null for a plain check. */
  summary: string | null;
  /** Set when the action had nothing to write (and wrote nothing). */
  nothing: string | null;
  written: string[];
  /** Features this Excel lacks, skipped while writing; problems saving settings. */
  notices: string[];
}

/** Thrown when the officer cancels; nothing has been written. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Thrown with the stage it failed in, so the pane can say what was happening. */
export class StepError extends Error {
  constructor(
    readonly stage: Stage,
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
    this.name = 'StepError';
  }
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function stepsFor(action: ActionKind, review: boolean, confirm = false): { stage: Stage; label: string }[] {
  const steps: { stage: Stage; label: string }[] = [
    { stage: 'read', label: 'Reading the workbook' },
    { stage: 'structure', label: 'Reading the plan' },
    { stage: 'validate', label: 'Checking the plan' },
  ];
  if (action === 'check') return steps;
  if (review) steps.push({ stage: 'structure', label: 'Waiting for you to confirm the columns' });
  steps.push({ stage: 'build', label: 'Preparing the sheets' });
  if (confirm) steps.push({ stage: 'build', label: 'Waiting for you to confirm what is replaced' });
  steps.push({ stage: 'write', label: 'Writing the sheets' }, { stage: 'read', label: 'Checking what was written' });
  return steps;
}

/** Whether a writing action shows the column-mapping review first. */
function needsReview(action: ActionKind, signature: string, settings: PaneSettings, sheets: number): ReviewReason | null {
  if (action === 'check' || action === 'kpis' || action === 'restore' || action === 'findings' || sheets === 0) return null;
  if (action === 'structure') return 'structure';
  return settings.confirmedMapping === signature ? null : 'unconfirmed';
}

async function step<T>(stage: Stage, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError || error instanceof StepError) throw error;
    throw new StepError(stage, error);
  }
}

/** A plain check: read, structure, validate. Writes nothing. */
export async function checkWorkbook(host: WorkbookHost, options: BridgeOptions): Promise<Analysis> {
  const model = await step('read', () => host.readModel());
  return step('structure', () => analyse(model, options));
}

/** What the officer chose when starting an action: the board pack's reporting period, cover author and version, and Blue. */
export interface RunChoices {
  period?: string;
  /** Saved to Plan Settings with the write; this run reads the workbook as it will then be. */
  packSettings?: PackSettings;
}

export async function runAction(
  action: ActionKind,
  host: WorkbookHost,
  settings: PaneSettings,
  today: string,
  hooks: RunHooks,
  doneMarks: DoneMark[] = [],
  choices: RunChoices = {},
): Promise<RunOutcome> {
  const options: BridgeOptions = { today, settings };
  let steps = stepsFor(action, action === 'structure');
  let index = 0;
  const next = async (stage: Stage, writing = false) => {
    if (!writing && hooks.cancelled()) throw new CancelledError();
    const s = steps[Math.min(index, steps.length - 1)];
    hooks.progress({ index: index + 1, total: steps.length, label: s.label, stage, writing });
    index++;
    await pause();
    if (!writing && hooks.cancelled()) throw new CancelledError();
  };

  await next('read');
  // The pack's settings the officer chose: read as if already in Plan Settings, where the write puts them.
  const asChosen = <M extends WorkbookModel>(read: M) => {
    const edit = choices.packSettings ? packSettingsEdit(read, choices.packSettings) : null;
    return { model: withSettingsEdit(read, edit), edit };
  };
  const chosen = asChosen(await step('read', () => host.readModel()));
  const model = chosen.model;
  await next('structure');
  const structured = await step('structure', () => structureStep(model, options));
  await next('validate');
  const findings = await step('validate', () => validateStep(structured, today));
  let analysis: Analysis = { ...structured, model, findings, readWarnings: model.warnings ?? [] };
  if (action === 'check') {
    return { action, state: planState(analysis), findings, settings, summary: null, nothing: null, written: [], notices: [] };
  }

  let current = settings;
  /** The officer's corrections and pack settings, kept in the workbook's Plan Settings sheet with the write. */
  let settingsEdit: SettingsEdit | null = chosen.edit;
  const review = mappingReview(analysis.result, model, analysis.period?.label);
  const signature = mappingSignature(review);
  const reason = needsReview(action, signature, settings, review.length);
  if (!reason && action === 'structure') steps = stepsFor(action, false);
  if (reason && action !== 'structure') steps = stepsFor(action, true);
  if (reason) {
    await next('structure');
    const answer = await hooks.reviewMapping(review, reason);
    if (!answer) throw new CancelledError();
    const overrides = answer.columns;
    current = { ...current, confirmedMapping: signature };
    // The officer may have edited the workbook while reviewing: read it again, and stop if the columns changed.
    const freshChosen = asChosen(await step('read', () => host.readModel()));
    const fresh = freshChosen.model;
    const mapping = { columnOverrides: overrides, headerRowOverrides: answer.headerRows, kpiColumns: answer.kpiColumns, kpiHeaderRows: answer.kpiHeaderRows };
    const again = await step('structure', () => analyse(fresh, { today, settings: current, ...mapping }));
    const unchanged = !Object.keys(overrides).length && !Object.keys(answer.kpiColumns).length;
    if (unchanged && mappingSignature(mappingReview(again.result, fresh, again.period?.label)) !== signature) {
      throw new StepError(
        'structure',
        new BridgeError('The workbook changed while you were reviewing', 'The header rows or columns are not what you confirmed any more. Run the action again to review them.'),
      );
    }
    analysis = again;
    const mappingEdit = mappingToSave(fresh, again.result, overrides, answer.kpiColumns);
    settingsEdit = bothSettingsEdits(freshChosen.edit, mappingEdit);
    // With the corrections kept in Plan Settings, the next read is the corrected one: that is what was confirmed.
    if (mappingEdit) current = { ...current, confirmedMapping: mappingSignature(mappingReview(again.result, fresh, again.period?.label)) };
  }

  await next('build');
  const at = new Date().toISOString();
  const job = await step('build', () => (action === 'restore' ? buildRestore(analysis.model) : buildWrite(action, analysis, { today, settings: current, previousVersionAt: at, doneMarks, period: choices.period })));
  if ('nothing' in job) {
    return { action, state: planState(analysis), findings: analysis.findings, settings, summary: null, nothing: job.nothing, written: [], notices: [] };
  }
  // Before replacing any sheet the tool wrote earlier, the officer sees what goes, and confirms.
  const preview = replacementPreview(analysis.model, job.plan, job.owned);
  if (preview.sheets.length) {
    steps = stepsFor(action, reason !== null, true);
    await next('build');
    if (!(await hooks.confirmReplace(preview))) throw new CancelledError();
  }
  if (hooks.cancelled()) throw new CancelledError();

  await next('write', true);
  const outcome = await step('write', () => host.apply(job.plan, job.owned, settingsEdit));
  const notices = [...outcome.notices];
  if (job.boardPack) current = { ...current, lastBoardPack: { at: new Date().toISOString(), period: job.boardPack.period, sheets: job.boardPack.sheets } };
  if (current !== settings) {
    try {
      await host.saveSettings(current);
    } catch (error) {
      notices.push(`The sheets were written, but PlanAssure could not save its settings in the workbook (${(error as Error)?.message ?? error}).`);
    }
  }

  await next('read', true);
  let after = analysis;
  try {
    after = await checkWorkbook(host, { today, settings: current });
  } catch {
    notices.push('The sheets were written, but PlanAssure could not read the workbook again to refresh this pane. Run Check plan to refresh it.');
  }
  return { action, state: planState(after), findings: after.findings, settings: current, summary: job.summary, nothing: null, written: job.visibleSheets, notices };
}

/** State and findings for the home view, from a fresh read. */
export async function refresh(host: WorkbookHost, settings: PaneSettings, today: string): Promise<{ state: PlanState; findings: Finding[] }> {
  const analysis = await checkWorkbook(host, { today, settings });
  return { state: planState(analysis), findings: analysis.findings };
}
