/**
 * The harness page (development only, never shipped): the Excel simulator preloaded with a seed workbook, the REAL
 * task pane in an iframe beside it (its Office.js swapped for harness/office-shim.ts by the harness server), the
 * ribbon's "Check plan" button, and a simple grid of the simulated sheets that follows what the pane writes and
 * selects.
 *
 *   harness.html?seed=sefton-peer-review-action-plan&theme=dark&excelApi=1.17&delay=0
 *
 * Tests drive the same page through window.__planAssureHarness (HarnessApi).
 */
import { ExcelSimulator } from '../src/excel-simulator';
import { liveSheets, SimSheet } from '../src/excel-simulator/state';
import { isDateFormat, serialToIso } from '../src/engine/excel-dates';
import type { WorkbookModel } from '../src/engine/workbook';
import type { DialogRecord } from './office-shim';

export interface SeedInfo {
  id: string;
  file: string;
  sheets: string[];
}

export interface HarnessApi {
  seed: string;
  theme: 'light' | 'dark';
  /** Added before every Excel.run, to play a slow Excel (for Cancel). */
  delayMs: number;
  excelApi: string;
  sim: ExcelSimulator;
  /** The seed's model as loaded (before the pane changed anything). */
  model: WorkbookModel;
  ready: Promise<void>;
  /** Excel.run calls so far. */
  runs: number;
  /** Functions the commands page associated (Office.actions.associate). */
  commands: Record<string, (event: unknown) => unknown>;
  /** How many times a ribbon command called event.completed(). */
  completed: number;
  dialogs: DialogRecord[];
  openDialog(record: DialogRecord): void;
  closeDialog(): void;
  messageFromDialog(message: string): void;
  /** Presses the ribbon's "Check plan" button; resolves when the command completes. */
  pressCheckPlan(): Promise<void>;
  /** Redraws the grid now (it also redraws by itself when the workbook changes). */
  redraw(): void;
}

declare global {
  interface Window {
    __planAssureHarness?: HarnessApi;
  }
}

const MAX_ROWS = 200;
const MAX_COLS = 26;

function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function shown(sheet: SimSheet, row: number, col: number): string {
  const cell = sheet.cells.get(row)?.get(col);
  if (!cell) return '';
  if (cell.value === null) return cell.formula ?? '';
  if (typeof cell.value === 'number' && isDateFormat(cell.numberFormat)) {
    const iso = serialToIso(cell.value);
    if (iso) return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(cell.value);
}

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const seeds = (await (await fetch('seeds/index.json')).json()) as SeedInfo[];
  const seed = params.get('seed') ?? seeds[0]?.id ?? '';
  const model = (await (await fetch(`seeds/${encodeURIComponent(seed)}.json`)).json()) as WorkbookModel;
  const excelApi = params.get('excelApi') ?? '1.17';
  // fitToPages=ignored plays an Excel that ignores fit-to-pages print setup (office-js#1860; docs/SIMULATOR.md).
  const fitToPages = params.get('fitToPages') === 'ignored' ? 'ignored' : 'kept';
  const sim = new ExcelSimulator({ model, excelApi, fitToPages });

  let shownSheet: string | null = null;
  let lastSignature = '';
  const dialogHost = document.getElementById('dialog') as HTMLDivElement;
  const dialogFrame = document.getElementById('dialog-frame') as HTMLIFrameElement;

  const harness: HarnessApi = {
    seed,
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    delayMs: Number(params.get('delay') ?? 0) || 0,
    excelApi,
    sim,
    model,
    ready: Promise.resolve(),
    runs: 0,
    commands: {},
    completed: 0,
    dialogs: [],
    openDialog(record) {
      harness.dialogs.push(record);
      dialogFrame.src = record.url;
      dialogHost.hidden = false;
    },
    closeDialog() {
      dialogHost.hidden = true;
      dialogFrame.removeAttribute('src');
    },
    messageFromDialog(message) {
      const open = [...harness.dialogs].reverse().find((d) => !d.closed);
      for (const handler of open?.handlers.dialogMessageReceived ?? []) handler({ message, origin: window.location.origin });
    },
    async pressCheckPlan() {
      const command = harness.commands.checkPlan;
      if (!command) throw new Error('commands.html has not associated checkPlan');
      await new Promise<void>((resolve) => {
        command({
          source: { id: 'PlanAssure.CheckButton' },
          completed: () => {
            harness.completed++;
            resolve();
          },
        });
      });
    },
    redraw: () => draw(true),
  };
  window.__planAssureHarness = harness;

  // ---- controls
  const seedSelect = document.getElementById('seed') as HTMLSelectElement;
  for (const s of seeds) seedSelect.append(el('option', { value: s.id, ...(s.id === seed ? { selected: '' } : {}) }, s.id));
  seedSelect.addEventListener('change', () => {
    params.set('seed', seedSelect.value);
    window.location.search = params.toString();
  });
  const themeSelect = document.getElementById('theme') as HTMLSelectElement;
  themeSelect.value = harness.theme;
  themeSelect.addEventListener('change', () => {
    params.set('theme', themeSelect.value);
    window.location.search = params.toString();
  });
  document.getElementById('ribbon-check')!.addEventListener('click', () => void harness.pressCheckPlan());
  document.getElementById('reload-pane')!.addEventListener('click', () => {
    (document.getElementById('pane') as HTMLIFrameElement).contentWindow?.location.reload();
  });

  // ---- grid
  const tabs = document.getElementById('tabs') as HTMLDivElement;
  const grid = document.getElementById('grid') as HTMLDivElement;
  const status = document.getElementById('status') as HTMLDivElement;

  function draw(force = false): void {
    const state = sim.state;
    const sheets = liveSheets(state);
    const active = sheets.find((s) => s.id === state.activeSheetId);
    const signature = JSON.stringify([sim.stats.syncs, state.selection, state.activeSheetId, sheets.map((s) => s.name)]);
    if (!force && signature === lastSignature) return;
    const activeChanged = !lastSignature || JSON.parse(lastSignature)[2] !== state.activeSheetId;
    lastSignature = signature;
    if (active && activeChanged) shownSheet = active.name;
    if (!shownSheet || !sheets.some((s) => s.name === shownSheet)) shownSheet = (active ?? sheets.find((s) => s.visibility === 'Visible') ?? sheets[0])?.name ?? null;

    tabs.replaceChildren(
      ...sheets.map((s) => {
        const b = el('button', { type: 'button', role: 'tab', 'aria-selected': String(s.name === shownSheet), 'data-sheet': s.name }, s.visibility === 'Visible' ? s.name : `${s.name} (${s.visibility.toLowerCase()})`);
        b.addEventListener('click', () => {
          shownSheet = s.name;
          draw(true);
        });
        return b;
      }),
    );

    const sheet = sheets.find((s) => s.name === shownSheet);
    if (!sheet) {
      grid.replaceChildren();
      return;
    }
    let maxRow = 0;
    let maxCol = 0;
    for (const [r, line] of sheet.cells) {
      for (const [c, cell] of line) {
        if (cell.value === null && !cell.formula) continue;
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, c);
      }
    }
    const rows = Math.min(maxRow + 1, MAX_ROWS);
    const cols = Math.min(maxCol + 1, MAX_COLS);
    const sel = state.selection && state.selection.sheetId === sheet.id ? state.selection.rect : null;
    const table = el('table', { 'aria-label': `Sheet ${sheet.name}` });
    const head = el('tr');
    head.append(el('th', {}, ''));
    for (let c = 0; c < cols; c++) head.append(el('th', { scope: 'col' }, columnName(c)));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (let r = 0; r < rows; r++) {
      const tr = el('tr');
      tr.append(el('th', { scope: 'row' }, String(r + 1)));
      for (let c = 0; c < cols; c++) {
        const inSel = !!sel && r >= sel.row && r < sel.row + sel.rows && c >= sel.col && c < sel.col + sel.cols;
        const td = el('td', { 'data-cell': `${columnName(c)}${r + 1}`, ...(inSel ? { class: 'selected' } : {}) }, shown(sheet, r, c));
        const bold = sheet.cells.get(r)?.get(c)?.format?.bold;
        if (bold) td.style.fontWeight = '600';
        tr.append(td);
      }
      table.tBodies[0].append(tr);
    }
    grid.replaceChildren(table);
    if (maxRow + 1 > MAX_ROWS || maxCol + 1 > MAX_COLS) grid.append(el('p', {}, `Showing the first ${MAX_ROWS} rows and ${MAX_COLS} columns.`));
    grid.querySelector('td.selected')?.scrollIntoView({ block: 'center', inline: 'nearest' });
    const biggest = sim.largestRequestBytes;
    const selected = sel && state.selection ? `${sheet.name}!${columnName(sel.col)}${sel.row + 1}` : 'none';
    status.textContent = `Excel.run calls: ${harness.runs} · syncs: ${sim.stats.syncs} · largest request: ${biggest.toLocaleString('en-GB')} bytes · selection: ${selected}`;
  }
  setInterval(() => draw(), 250);
  draw(true);

  // ---- the pane and the function file, last: their shims read window.__planAssureHarness as they load
  (document.getElementById('pane') as HTMLIFrameElement).src = 'taskpane.html';
  (document.getElementById('commands') as HTMLIFrameElement).src = 'commands.html';
}

void start().catch((error) => {
  document.getElementById('status')!.textContent = `The harness could not start: ${(error as Error)?.message ?? error}`;
});
