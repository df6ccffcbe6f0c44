/**
 * Browser-test helpers: Debian's Chromium through playwright-core (never a downloaded browser), the harness
 * server, network recording, axe-core, and the engine's own answers to compare the pane against.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { Finding } from '../../src/engine/schema';
import { ownedSheets } from '../../src/engine/sheet-plan/structure-plan';
import { PlanValue, SheetPlan } from '../../src/engine/sheet-plan/types';
import { structureWorkbook, StructureResult } from '../../src/engine/structure';
import { validatePlan } from '../../src/engine/validate';
import { CellModel, SheetModel, WorkbookModel } from '../../src/engine/workbook';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { HarnessServer, startHarnessServer } from '../../harness/server';
import { REPO_ROOT } from '../../harness/paths';
import type { HarnessApi } from '../../harness/page';
import { requireTool } from '../helpers/tools';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** requireTool policy: true when Chromium is there; throws under CI=true when it is not; else warns loudly. */
export const hasChromium = requireTool('chromium');
export const describeBrowser = hasChromium ? describe : describe.skip;

export const SEEDS = {
  sefton: 'sefton-peer-review-action-plan',
  example: 'example-canonical-plan',
  northTyneside: 'north-tyneside-delivery-plan-2025-26',
} as const;

export const DOCS = path.join(REPO_ROOT, 'docs');

export interface Session {
  server: HarnessServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The task pane's iframe. */
  pane: FrameLocator;
  /** Every URL the browser asked for. */
  requests: string[];
  /** Requests to Microsoft's Office.js CDN, answered with an empty script. */
  officeJsRequests: string[];
  /** Uncaught errors in any frame. */
  pageErrors: string[];
  paneFrame(): Frame;
  /** Runs a function in the harness page, with its HarnessApi. */
  harness<R>(fn: (h: HarnessApi) => R | Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export async function launch(): Promise<{ server: HarnessServer; browser: Browser }> {
  const server = await startHarnessServer(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { server, browser };
}

/** Opens a page with every request recorded: Office.js's CDN gets an empty script; anything else off this machine is refused. */
export async function openPage(server: HarnessServer, browser: Browser, url: string, viewport = { width: 1400, height: 1000 }): Promise<Session> {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const requests: string[] = [];
  const officeJsRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) {
      officeJsRequests.push(url);
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    } else if (url.startsWith(`${server.url}/`) || url.startsWith('data:')) {
      await route.continue();
    } else {
      await route.abort();
    }
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  const session = {
    server,
    browser,
    context,
    page,
    pane: page.frameLocator('#pane'),
    requests,
    officeJsRequests,
    pageErrors,
    paneFrame: () => {
      const frame = page.frames().find((f) => /\/taskpane\.html/.test(f.url()));
      if (!frame) throw new Error('no task-pane frame');
      return frame;
    },
    // The function runs in the harness page with its HarnessApi (it must not use anything from this file).
    harness: <R>(fn: (h: HarnessApi) => R | Promise<R>) => page.evaluate(`(${fn.toString()})(window.__planAssureHarness)`) as Promise<R>,
    close: () => context.close(),
  };
  return session;
}

export async function openHarness(server: HarnessServer, browser: Browser, seed: string, query: Record<string, string> = {}): Promise<Session> {
  const params = new URLSearchParams({ seed, ...query });
  const session = await openPage(server, browser, `${server.url}/harness.html?${params}`);
  await paneReady(session);
  return session;
}

/** What a session asked for beyond the harness server, Office.js's CDN (answered with an empty script) aside. */
export function requestsOffMachine(s: Session): string[] {
  return s.requests.filter((u) => !u.startsWith(`${s.server.url}/`) && !s.officeJsRequests.includes(u));
}

/**
 * For a describe block: starts the harness server and Chromium before its tests and closes them, and every session
 * opened with `session`, after them. After each test, checks that nothing left this machine (Office.js requests,
 * answered with an empty script, aside) and that no page raised an uncaught error.
 */
export function harnessSessions(): { server: () => HarnessServer; browser: () => Browser; session: (seed: string, query?: Record<string, string>) => Promise<Session> } {
  let server: HarnessServer;
  let browser: Browser;
  const open: Session[] = [];
  beforeAll(async () => {
    ({ server, browser } = await launch());
  });
  afterAll(async () => {
    for (const s of open) await s.close();
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    for (const s of open) {
      expect(requestsOffMachine(s)).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    }
  });
  return {
    server: () => server,
    browser: () => browser,
    session: async (seed, query = {}) => {
      const s = await openHarness(server, browser, seed, query);
      open.push(s);
      return s;
    },
  };
}

/** Waits for the pane's first read of the workbook (the plan summary) and for the actions to be usable. */
export async function paneReady(session: Session): Promise<void> {
  await session.pane.getByTestId('plan-summary').waitFor({ timeout: 60_000 });
  await idle(session);
}

/** Waits until the pane is ready and no action or read is under way. */
export async function idle(session: Session): Promise<void> {
  await session.pane.locator('[data-phase="ready"][data-busy="false"]').waitFor({ timeout: 60_000 });
}

export async function clickAction(session: Session, action: string): Promise<void> {
  await idle(session);
  await session.pane.locator(`[data-action="${action}"]`).click();
}

/** The actions that ask which period the board pack reports on before they start. */
const ASKS_PERIOD = ['boardPack', 'everything'];

/**
 * Runs an action to its end: building a board pack for the period offered (or `period`), and answering the mapping
 * review and the preview of what it replaces (confirming both, or cancelling at the first) if they appear; returns
 * the banner's text.
 */
export async function runAction(session: Session, action: string, confirm = true, period?: string, fillPrompt?: (prompt: Locator) => Promise<void>): Promise<string> {
  await session.pane.getByRole('tab', { name: /^Home/ }).click();
  await clickAction(session, action);
  if (ASKS_PERIOD.includes(action)) {
    const prompt = session.pane.getByTestId('period-prompt');
    await prompt.waitFor({ timeout: 15_000 });
    if (period !== undefined) await prompt.getByTestId('period-input').fill(period);
    await fillPrompt?.(prompt);
    await prompt.getByRole('button', { name: /^Build/ }).click();
  }
  const review = session.pane.getByTestId('mapping-review');
  const preview = session.pane.getByTestId('replace-preview');
  const banner = session.pane.getByTestId('banner');
  const next = () =>
    Promise.race([
      review.waitFor({ timeout: 60_000 }).then(() => 'review'),
      preview.waitFor({ timeout: 60_000 }).then(() => 'preview'),
      banner.waitFor({ timeout: 60_000 }).then(() => 'banner'),
    ]);
  let shown = await next();
  if (shown === 'review') {
    await session.pane.getByRole('button', { name: confirm ? 'Confirm and continue' : 'Cancel' }).click();
    if (confirm) shown = await next();
  }
  if (shown === 'preview') await session.pane.getByTestId(confirm ? 'confirm-replace' : 'cancel-replace').click();
  await idle(session);
  return (await banner.textContent()) ?? '';
}

// ---------------------------------------------------------------- axe

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

export interface AxeRun {
  /** Every violation, with the focus guards set aside (below). */
  violations: AxeViolation[];
  /** The outer HTML of each aria-hidden-focus node that is a Tabster focus guard, as axe reported it. */
  focusGuards: string[];
}

/**
 * A Tabster focus guard ("dummy input"): an empty <i> (or span/div) with data-tabster-dummy, aria-hidden="true" and a
 * tab stop. Fluent UI v9 puts them around arrow-key groups such as the TabList; they pass focus on at once and are
 * hidden so that screen readers do not announce them, so axe's aria-hidden-focus rule flags them by design
 * (microsoft/fluentui#25133, microsoft/tabster#288; README, Accessibility).
 */
export function isFocusGuard(html: string): boolean {
  return /^<(i|span|div)\b[^>]*>\s*<\/\1>$/.test(html) && /\sdata-tabster-dummy(=""|\s|>)/.test(html) && /\saria-hidden="true"/.test(html);
}

/**
 * axe-core in a frame (evaluated through the debugging protocol, so the page's CSP stays as it is), on the whole
 * document, with no exclusions and every rule axe runs by default. Only aria-hidden-focus nodes that are Tabster focus
 * guards (isFocusGuard) are set aside, node by node, and returned apart so a test can see exactly which they were: any
 * other node that trips aria-hidden-focus stays a violation.
 */
export async function axeRun(frame: Frame): Promise<AxeRun> {
  // Colour contrast is measured on the page as it stands: a message fading in (Fluent animates opacity) would be
  // measured part-way, at a contrast no officer reads. Wait for finite animations to end, two seconds at most.
  await frame.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const loaded = await frame.evaluate('typeof window.axe');
  if (loaded === 'undefined') await frame.evaluate(`${AXE_SOURCE}\n;void 0`);
  const result = (await frame.evaluate(`window.axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[];
  };
  const focusGuards: string[] = [];
  const violations: AxeViolation[] = [];
  for (const v of result.violations) {
    let nodes = v.nodes;
    if (v.id === 'aria-hidden-focus') {
      focusGuards.push(...nodes.filter((n) => isFocusGuard(n.html)).map((n) => n.html));
      nodes = nodes.filter((n) => !isFocusGuard(n.html));
    }
    if (nodes.length) violations.push({ id: v.id, impact: v.impact, help: v.help, nodes: nodes.length, targets: nodes.slice(0, 5).map((n) => n.target.join(' ')) });
  }
  return { violations, focusGuards };
}

/** The violations of axeRun: every rule, no exclusions, with only Tabster's focus guards set aside. */
export async function axe(frame: Frame): Promise<AxeViolation[]> {
  return (await axeRun(frame)).violations;
}

export const seriousOrCritical = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

// ---------------------------------------------------------------- the engine's own answers

export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export async function seedModel(seed: string): Promise<WorkbookModel> {
  return readWorkbook(path.join(REPO_ROOT, 'seeds', `${seed}.xlsx`));
}

/** What the command line finds in a workbook (src/cli/main.ts): structure, then validate. */
export function engineCheck(model: WorkbookModel, today: string, settings: Parameters<typeof structureWorkbook>[1]['settings'] = {}): { result: StructureResult; findings: Finding[]; owned: string[] } {
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { today, ownedSheets: owned, settings });
  return { result, findings: [...result.findings, ...validatePlan(result, { today })], owned };
}

export interface ShownFinding {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
}

export async function shownFindings(session: Session): Promise<ShownFinding[]> {
  return session.pane.getByTestId('finding').evaluateAll((items) =>
    items.map((li) => ({
      sheet: li.getAttribute('data-sheet') ?? '',
      cell: li.getAttribute('data-cell') ?? '',
      rule: li.getAttribute('data-rule') ?? '',
      severity: li.getAttribute('data-severity') ?? '',
    })),
  );
}

export const findingKeys = (findings: { sheet: string; cell: string; rule: string; severity: string }[]) =>
  findings.map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}`).sort();

export function severityCounts(findings: { severity: string }[]): Record<string, number> {
  const counts: Record<string, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

/** The simulated workbook as the engine's model. */
export function simModel(session: Session): Promise<WorkbookModel> {
  return session.harness((h) => h.sim.model());
}

/** The expected cells of a sheet plan, in the shape the simulator's model gives them back. */
function expectedCell(value: PlanValue): Pick<CellModel, 'value' | 'formula'> | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return value.text === '' ? null : { value: { type: 'text', value: value.text } };
    case 'number':
      return { value: { type: 'number', value: value.value } };
    case 'date':
      return { value: { type: 'date', value: value.iso } };
    case 'formula':
      return { value: { type: 'text', value: '' }, formula: value.formula };
  }
}

/** Differences between what a sheet plan says and what the simulated sheet holds (values and formulas), at most 10. */
export function sheetDifferences(actual: SheetModel | undefined, plan: SheetPlan): string[] {
  if (!actual) return [`sheet "${plan.name}" was not written`];
  const got = new Map(actual.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const problems: string[] = [];
  const seen = new Set<string>();
  plan.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const key = `${r + 1}:${c + 1}`;
      const want = expectedCell(value);
      const cell = got.get(key);
      if (!want) return;
      seen.add(key);
      const have = cell ? { value: cell.value, formula: cell.formula } : null;
      const wantCmp = want.formula ? { formula: want.formula } : { value: want.value };
      const haveCmp = want.formula ? { formula: have?.formula } : { value: have?.value };
      if (JSON.stringify(wantCmp) !== JSON.stringify(haveCmp)) problems.push(`${plan.name} R${r + 1}C${c + 1}: want ${JSON.stringify(wantCmp)}, got ${JSON.stringify(haveCmp)}`);
    }),
  );
  for (const cell of actual.cells) {
    const key = `${cell.row}:${cell.col}`;
    if (!seen.has(key) && !(cell.value.type === 'text' && cell.value.value === '' && !cell.formula)) problems.push(`${plan.name} R${cell.row}C${cell.col}: unexpected ${JSON.stringify(cell.value)}`);
  }
  return problems.slice(0, 10);
}

export function cellsOf(model: WorkbookModel, sheet: string): string {
  return JSON.stringify(model.sheets.find((s) => s.name === sheet)?.cells ?? null);
}

/** Waits until read() gives `want` (compared as JSON), then passes; fails with the last value after the timeout. */
export async function eventually<T>(read: () => Promise<T>, want: T, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(want);
}
