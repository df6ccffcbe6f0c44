/**
 * Stands in for Office.js in the harness (development only, never shipped). The harness server serves the real
 * taskpane.html, commands.html and check-result.html with their Office.js <script> swapped for this file, so the
 * REAL bundles run unchanged: `Office` and `Excel` here are wired to the Excel simulator that the harness page
 * (the parent window, harness/page.ts) holds. The workbook lives in the parent, so reloading the pane keeps it,
 * as closing and reopening the task pane in Excel does.
 *
 * Opened on its own (no harness parent), it defines nothing: the pane then behaves as outside Excel.
 */
import type { HarnessApi } from './page';

interface DialogRecord {
  url: string;
  handlers: Record<string, ((arg: unknown) => void)[]>;
  closed: boolean;
}

const THEMES = {
  light: { isDarkTheme: false, bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' },
  dark: { isDarkTheme: true, bodyBackgroundColor: '#262626', bodyForegroundColor: '#ffffff', controlBackgroundColor: '#333333', controlForegroundColor: '#ffffff' },
};

function install(harness: HarnessApi): void {
  const w = window as unknown as Record<string, unknown>;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  w.Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived', OfficeThemeChanged: 'officeThemeChanged' },
    onReady: (callback?: (i: typeof info) => void) =>
      harness.ready.then(() => {
        callback?.(info);
        return info;
      }),
    context: {
      get requirements() {
        return harness.sim.requirements;
      },
      get officeTheme() {
        return THEMES[harness.theme];
      },
      ui: {
        displayDialogAsync(url: string, _options: unknown, callback: (result: { status: string; value: unknown }) => void) {
          const record: DialogRecord = { url, handlers: {}, closed: false };
          const dialog = {
            addEventHandler: (type: string, handler: (arg: unknown) => void) => (record.handlers[type] ??= []).push(handler),
            close: () => {
              record.closed = true;
              harness.closeDialog();
            },
          };
          harness.openDialog(record);
          callback({ status: 'succeeded', value: dialog });
        },
        messageParent(message: string) {
          harness.messageFromDialog(message);
        },
      },
    },
    actions: {
      associate(name: string, handler: (event: unknown) => unknown) {
        harness.commands[name] = handler;
      },
    },
  };
  w.Excel = {
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      await harness.ready;
      if (harness.delayMs) await new Promise((resolve) => setTimeout(resolve, harness.delayMs));
      harness.runs++;
      return harness.sim.run(batch as never) as Promise<T>;
    },
  };
}

let parentHarness: HarnessApi | undefined;
try {
  parentHarness = window.parent !== window ? (window.parent as unknown as { __planAssureHarness?: HarnessApi }).__planAssureHarness : undefined;
} catch {
  parentHarness = undefined; // another origin: not the harness
}
if (parentHarness) install(parentHarness);

export type { DialogRecord };
