/**
 * Function file for the ribbon's function commands (manifest.xml: FunctionFile → commands.html).
 *
 * "Check plan" (ExecuteFunction, FunctionName checkPlan) checks the plan without opening the pane: it reads the
 * workbook, structures and validates it with the pane's saved settings, writes NOTHING, and shows a short summary
 * (counts, and the first few findings) in a small dialog of our own (check-result.html), because Excel has no
 * notification bar that an add-in command can use: Office's notification messages exist for Outlook only. The
 * dialog says to open the pane to go to each finding's cell. The command completes when the dialog is closed (or at
 * once when this Excel cannot show dialogs: DialogApi 1.1 missing, which leaves nothing to show).
 */
import { officeReady, WorkbookHost } from '../taskpane/host';
import { explain } from '../taskpane/messages';
import { EMPTY_SETTINGS, localToday } from '../taskpane/settings';
import { checkWorkbook, createOfficeHost } from '../taskpane/runtime';
import { planState } from '../taskpane/engine-bridge';
import { quoteSheet } from '../engine/workbook';
import { CheckSummary, summaryQuery } from './check-summary';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function where(sheet: string, cell: string): string {
  return `${quoteSheet(sheet)}!${cell}`;
}

/** Reads and checks the workbook; writes nothing. */
export async function runCheck(host: WorkbookHost, today: string = localToday()): Promise<CheckSummary> {
  const settings = await host.loadSettings().catch(() => EMPTY_SETTINGS);
  const analysis = await checkWorkbook(host, { today, settings });
  const state = planState(analysis);
  const first = [...analysis.findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .slice(0, 3)
    .map((f) => ({ where: where(f.sheet, f.cell), message: f.message }));
  return {
    title: state.title,
    actions: state.actions,
    kpis: state.kpis,
    errors: state.counts.error,
    warnings: state.counts.warning,
    notes: state.counts.info,
    first,
    problem: null,
  };
}

function problemSummary(error: unknown): CheckSummary {
  const e = error as { name?: string; stage?: 'read'; failure?: unknown };
  const message = e?.name === 'StepError' ? explain(e.failure, e.stage ?? 'read') : explain(error, 'read');
  return { title: null, actions: 0, kpis: 0, errors: 0, warnings: 0, notes: 0, first: [], problem: { title: message.title, detail: message.detail } };
}

/** Opens check-result.html with the summary; resolves when the officer closes it (or at once if it cannot open). */
export function showSummary(summary: CheckSummary): Promise<void> {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (!ui || typeof ui.displayDialogAsync !== 'function') return Promise.resolve();
  const url = new URL(`check-result.html?${summaryQuery(summary)}`, window.location.href).href;
  return new Promise<void>((resolve) => {
    ui.displayDialogAsync(url, { height: 45, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      const done = () => {
        try {
          dialog.close();
        } catch {
          // already closed
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      // The officer closed it with the X (or it failed to load): either way, we are done.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** Handler for the "Check plan" ribbon button. */
export async function checkPlan(event: Office.AddinCommands.Event, host?: WorkbookHost): Promise<void> {
  try {
    let summary: CheckSummary;
    try {
      if (!host && !(await officeReady())) throw new Error('Excel is not ready');
      summary = await runCheck(host ?? createOfficeHost());
    } catch (error) {
      summary = problemSummary(error);
    }
    await showSummary(summary);
  } finally {
    event.completed();
  }
}

/** Registers the function commands with Office; does nothing when Office.js is absent. */
export function registerCommands(): void {
  if (typeof Office === 'undefined' || !Office.actions) return;
  Office.actions.associate('checkPlan', (event: Office.AddinCommands.Event) => void checkPlan(event));
}

// commands.html loads Office.js before this bundle, so the commands are associated as soon as the
// bundle runs, as Office's function-file pattern expects.
registerCommands();
