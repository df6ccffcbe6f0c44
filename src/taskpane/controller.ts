/**
 * The pane's state and what the officer can do with it, as one React hook. Part of the first-load bundle, so it
 * reaches the engine and the Office.js host only through a dynamic import of runtime.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Finding, Polarity } from '../engine/schema';
import { officeReady, WorkbookHost } from './host';
import { explain, PaneMessage, Stage } from './messages';
import { EMPTY_SETTINGS, localToday, PaneSettings } from './settings';
import type { ActionKind, DoneMark, PlanState, ReplacePreview, ReviewAnswer, ReviewReason, RunChoices, SheetMappingReview, StepInfo } from './runtime';

type Runtime = typeof import('./runtime');

/** Starts loading the working part of the pane (engine, host) as soon as this module runs. */
let runtimePromise: Promise<Runtime> | null = null;
export function loadRuntime(): Promise<Runtime> {
  runtimePromise ??= import(/* webpackChunkName: "engine" */ './runtime');
  return runtimePromise;
}

export type Phase = 'starting' | 'no-excel' | 'ready';

export interface Banner {
  intent: 'success' | 'info' | 'warning' | 'error';
  title: string;
  detail: string;
  notices: string[];
}

export interface PendingReview {
  sheets: SheetMappingReview[];
  reason: ReviewReason;
  action: ActionKind;
}

/** A write waiting for the officer to confirm what it replaces. */
export interface PendingConfirm {
  preview: ReplacePreview;
  action: ActionKind;
}

export interface PaneModel {
  phase: Phase;
  /** A read of the workbook is under way (start-up or refresh). */
  loading: boolean;
  state: PlanState | null;
  findings: Finding[];
  settings: PaneSettings;
  running: ActionKind | null;
  progress: StepInfo | null;
  cancelRequested: boolean;
  banner: Banner | null;
  review: PendingReview | null;
  confirm: PendingConfirm | null;
  /** The findings the officer marked done, as kept in the workbook (see findings-todo.ts). */
  done: DoneMark[];
  /** The last finding whose cell was selected, and any problem selecting it. */
  selected: { key: string; error: PaneMessage | null } | null;
}

export const ACTION_LABELS: Record<ActionKind, string> = {
  check: 'Check plan',
  structure: 'Structure plan',
  kpis: 'Update KPIs',
  rag: 'Apply RAG',
  boardPack: 'Build board pack',
  everything: 'Do everything',
  restore: 'Restore the previous version',
  findings: 'Export to a findings sheet',
};

export function findingKey(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}#${f.rule}#${index}`;
}

function bannerFor(message: PaneMessage): Banner {
  return { intent: 'error', title: message.title, detail: message.detail, notices: [] };
}

function failure(error: unknown, fallback: Stage): PaneMessage {
  const e = error as { name?: string; stage?: Stage; failure?: unknown };
  if (e?.name === 'StepError') return explain(e.failure, e.stage ?? fallback);
  return explain(error, fallback);
}

export function usePlanAssure(injectedHost?: WorkbookHost) {
  const [model, setModel] = useState<PaneModel>({
    phase: 'starting',
    loading: true,
    state: null,
    findings: [],
    settings: EMPTY_SETTINGS,
    running: null,
    progress: null,
    cancelRequested: false,
    banner: null,
    review: null,
    confirm: null,
    done: [],
    selected: null,
  });
  const host = useRef<WorkbookHost | null>(injectedHost ?? null);
  const cancelled = useRef(false);
  const reviewAnswer = useRef<((answer: ReviewAnswer | null) => void) | null>(null);
  const confirmAnswer = useRef<((ok: boolean) => void) | null>(null);
  const started = useRef(false);
  const settingsRef = useRef<PaneSettings>(EMPTY_SETTINGS);
  const busy = useRef(false);
  const doneRef = useRef<DoneMark[]>([]);

  const update = useCallback((patch: Partial<PaneModel> | ((m: PaneModel) => Partial<PaneModel>)) => {
    setModel((m) => ({ ...m, ...(typeof patch === 'function' ? patch(m) : patch) }));
  }, []);

  const refresh = useCallback(
    async (settings: PaneSettings) => {
      if (!host.current) return;
      update({ loading: true });
      try {
        const runtime = await loadRuntime();
        const { state, findings } = await runtime.refresh(host.current, settings, localToday());
        update({ loading: false, state, findings });
      } catch (error) {
        update({ loading: false, banner: bannerFor(failure(error, 'read')) });
      }
    },
    [update],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const runtime = loadRuntime();
    (async () => {
      if (!host.current) {
        if (!(await officeReady())) {
          update({ phase: 'no-excel', loading: false });
          return;
        }
        host.current = (await runtime).createOfficeHost();
      }
      update({ phase: 'ready' });
      let settings = EMPTY_SETTINGS;
      try {
        settings = await host.current.loadSettings();
      } catch (error) {
        update({ banner: { ...bannerFor(failure(error, 'read')), intent: 'warning', title: 'Your saved settings could not be read' } });
      }
      settingsRef.current = settings;
      update({ settings });
      try {
        doneRef.current = await host.current.loadDoneMarks();
        update({ done: doneRef.current });
      } catch {
        // Marks that cannot be read leave every finding to do: nothing is lost by showing them.
      }
      await refresh(settings);
    })().catch((error) => update({ phase: 'ready', loading: false, banner: bannerFor(failure(error, 'start')) }));
  }, [refresh, update]);

  const run = useCallback(
    async (action: ActionKind, choices: RunChoices = {}) => {
      if (!host.current || busy.current) return;
      busy.current = true;
      cancelled.current = false;
      update({ running: action, progress: null, cancelRequested: false, banner: null, selected: null });
      try {
        const runtime = await loadRuntime();
        const outcome = await runtime.runAction(action, host.current, settingsRef.current, localToday(), {
          progress: (progress) => update({ progress }),
          cancelled: () => cancelled.current,
          reviewMapping: (sheets, reason) =>
            new Promise<ReviewAnswer | null>((resolve) => {
              reviewAnswer.current = resolve;
              update({ review: { sheets, reason, action } });
            }),
          confirmReplace: (preview) =>
            new Promise<boolean>((resolve) => {
              confirmAnswer.current = resolve;
              update({ confirm: { preview, action } });
            }),
        }, doneRef.current, choices);
        settingsRef.current = outcome.settings;
        const { error, warning, info } = outcome.state.counts;
        const checked = `${error} ${error === 1 ? 'error' : 'errors'}, ${warning} ${warning === 1 ? 'warning' : 'warnings'}, ${info} ${info === 1 ? 'note' : 'notes'}.`;
        let banner: Banner;
        if (outcome.nothing) banner = { intent: 'info', title: 'Nothing was written', detail: outcome.nothing, notices: outcome.notices };
        else if (outcome.summary) banner = { intent: outcome.notices.length ? 'warning' : 'success', title: `${ACTION_LABELS[action]}: done`, detail: `${outcome.summary} The plan now has ${checked}`, notices: outcome.notices };
        else banner = { intent: error ? 'warning' : 'success', title: 'Plan checked', detail: `${outcome.state.actions} ${outcome.state.actions === 1 ? 'action' : 'actions'} found; ${checked} Nothing was written.`, notices: [] };
        update({ state: outcome.state, findings: outcome.findings, settings: outcome.settings, banner });
      } catch (error) {
        if ((error as Error)?.name === 'CancelledError') {
          update({ banner: { intent: 'info', title: 'Cancelled', detail: 'Nothing was written.', notices: [] } });
        } else {
          update({ banner: bannerFor(failure(error, 'read')) });
        }
      } finally {
        busy.current = false;
        reviewAnswer.current = null;
        confirmAnswer.current = null;
        update({ running: null, progress: null, review: null, confirm: null, cancelRequested: false });
      }
    },
    [update],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    update({ cancelRequested: true });
    if (reviewAnswer.current) reviewAnswer.current(null);
    if (confirmAnswer.current) confirmAnswer.current(false);
  }, [update]);

  /** The officer's answer to "this write replaces these sheets: go ahead?". */
  const answerConfirm = useCallback(
    (ok: boolean) => {
      const resolve = confirmAnswer.current;
      confirmAnswer.current = null;
      update({ confirm: null });
      resolve?.(ok);
    },
    [update],
  );

  const answerReview = useCallback(
    (answer: ReviewAnswer | null) => {
      const resolve = reviewAnswer.current;
      reviewAnswer.current = null;
      update({ review: null });
      resolve?.(answer);
    },
    [update],
  );

  const select = useCallback(
    async (finding: Finding, key: string) => {
      if (!host.current) return;
      update({ selected: { key, error: null } });
      try {
        await host.current.select(finding.sheet, finding.cell);
      } catch (error) {
        update({ selected: { key, error: explain(error, 'select') } });
      }
    },
    [update],
  );

  const saveSettings = useCallback(
    async (next: PaneSettings): Promise<PaneMessage | null> => {
      if (!host.current) return null;
      const merged = { ...next, confirmedMapping: settingsRef.current.confirmedMapping, lastBoardPack: settingsRef.current.lastBoardPack };
      try {
        await host.current.saveSettings(merged);
      } catch (error) {
        return explain(error, 'settings');
      }
      settingsRef.current = merged;
      update({ settings: merged });
      await refresh(merged);
      return null;
    },
    [refresh, update],
  );

  /** Keeps the findings marked done in the workbook; returns a problem for the officer, or null. */
  const saveDone = useCallback(
    async (marks: DoneMark[]): Promise<PaneMessage | null> => {
      if (!host.current) return null;
      const before = doneRef.current;
      doneRef.current = marks;
      update({ done: marks });
      try {
        await host.current.saveDoneMarks(marks);
        return null;
      } catch (error) {
        doneRef.current = before;
        update({ done: before });
        return explain(error, 'settings');
      }
    },
    [update],
  );

  /** Saves the officer's answer for a KPI's polarity in Plan Settings, then reads the workbook again. */
  const confirmPolarity = useCallback(
    async (kpi: string, polarity: Polarity): Promise<void> => {
      if (!host.current || busy.current) return;
      busy.current = true;
      try {
        await host.current.savePolarity(kpi, polarity);
        update({ banner: { intent: 'success', title: 'Saved in Plan Settings', detail: `${kpi}: ${polarity} is better. Every check and board pack from now on uses this.`, notices: [] } });
      } catch (error) {
        update({ banner: bannerFor(failure(error, 'settings')) });
        return;
      } finally {
        busy.current = false;
      }
      await refresh(settingsRef.current);
    },
    [refresh, update],
  );

  return { model, run, cancel, answerReview, answerConfirm, select, saveSettings, confirmPolarity, saveDone };
}

export type PaneController = ReturnType<typeof usePlanAssure>;
