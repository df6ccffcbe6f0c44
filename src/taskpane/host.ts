/**
 * What the pane needs from the workbook it runs in, as one small interface. The Office.js implementation is
 * office-host.ts (it calls the src/excel adapter); the browser harness runs the very same implementation against
 * the Excel simulator, which provides the `Office` and `Excel` globals.
 *
 * Type imports only: this module is part of the first-load bundle.
 */
import type { Polarity } from '../engine/schema';
import type { WorkbookModel } from '../engine/workbook';
import type { WorkbookPlan } from '../engine/sheet-plan/types';
import type { SettingsEdit } from '../engine/saved-mapping';
import type { PaneSettings } from './settings';
import type { DoneMark } from '../engine/findings-todo';

export interface ReadModel extends WorkbookModel {
  /** Plain-English notes for the officer: sheets cut at the read limit, features this Excel lacks. */
  warnings: string[];
}

export interface ApplyOutcome {
  /** Features this Excel lacks that were skipped, each as a sentence for the officer. */
  notices: string[];
}

export interface WorkbookHost {
  /** Reads the whole workbook into the engine's model. Changes nothing. */
  readModel(): Promise<ReadModel>;
  /**
   * Writes the tool's sheets: the sheets in `owned` are replaced; the officer's sheets are never touched, except the
   * rows of Plan Settings in `settingsEdit` (the column roles the officer confirmed), written with the sheets.
   */
  apply(plan: WorkbookPlan, owned: readonly string[], settingsEdit?: SettingsEdit | null): Promise<ApplyOutcome>;
  /** Selects a cell (e.g. "B12") on a sheet, and shows that sheet. */
  select(sheet: string, cell: string): Promise<void>;
  /** The pane's settings stored in this workbook (empty settings when there are none). */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** The findings the officer marked done, kept in the workbook (each with a fingerprint of its cell then). */
  loadDoneMarks(): Promise<DoneMark[]>;
  saveDoneMarks(marks: DoneMark[]): Promise<void>;
  /** Saves the officer's answer to "which way is better?" for a KPI as a Plan Settings row, where every run reads it. */
  savePolarity(kpi: string, polarity: Polarity): Promise<void>;
}

/** An error whose message is already written for the officer. */
export class OfficerError extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficerError';
  }
}

/** Whether Office.js (or the harness's simulator) provides Excel's JavaScript API in this page. */
export function excelAvailable(): boolean {
  return typeof Excel !== 'undefined' && typeof (Excel as { run?: unknown }).run === 'function';
}

/**
 * Waits for Office to be ready; resolves false when the page is not running inside Excel (no Office.js, or Office
 * reports no Excel host, or Office never answers within `timeoutMs`).
 */
export async function officeReady(timeoutMs = 10_000): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
  const ready = Office.onReady().then(
    (info) => excelAvailable() && (!info?.host || String(info.host) === 'Excel'),
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([ready, timeout]);
}
