/**
 * The real production task pane, clicked through in Chromium against the Excel simulator, on two seed workbooks:
 * every action, with what it shows and writes compared against the engine's own answers for the same workbook.
 */
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { boardPackWorkbookPlan } from '../../src/engine/board-pack';
import { kpiReports } from '../../src/engine/kpi';
import { LISTS_SHEET_NAME } from '../../src/engine/sheet-plan/plan-sheet';
import { ownedSheets, structureWorkbookPlan } from '../../src/engine/sheet-plan/structure-plan';
import { SheetPlan } from '../../src/engine/sheet-plan/types';
import { WorkbookModel } from '../../src/engine/workbook';
import type { HarnessServer } from '../../harness/server';
import {
  axe,
  cellsOf,
  describeBrowser,
  DOCS,
  engineCheck,
  eventually,
  findingKeys,
  idle,
  launch,
  localToday,
  openHarness,
  runAction,
  SEEDS,
  seedModel,
  seriousOrCritical,
  Session,
  severityCounts,
  sheetDifferences,
  shownFindings,
  simModel,
} from './helpers';

const ROLE_WORDS: Record<string, string> = {
  plan: 'Plan: actions read from here',
  settings: 'Plan settings',
  'kpi-register': 'KPI register',
  'kpi-data': 'KPI data',
  'not-a-plan': 'Not a plan: left alone',
};

function compareSheets(after: WorkbookModel, plans: SheetPlan[]): string[] {
  return plans.filter((p) => p.name !== LISTS_SHEET_NAME).flatMap((p) => sheetDifferences(after.sheets.find((s) => s.name === p.name), p));
}

describeBrowser.each([SEEDS.sefton, SEEDS.example])('the task pane on %s', (seed) => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;
  let today: string;
  let fileModel: WorkbookModel;
  const screenshots = seed === SEEDS.sefton;

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, seed);
    today = localToday();
    fileModel = await seedModel(seed);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('home view: the sheets with their roles, the actions, KPIs and findings the engine finds', async () => {
    const { result, findings } = engineCheck(fileModel, today);
    const counts = severityCounts(findings);
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toBe(
      `${result.actions.length} actions and ${result.kpis.length} ${result.kpis.length === 1 ? 'KPI' : 'KPIs'} found.`,
    );
    for (const [severity, testId] of [['error', 'count-errors'], ['warning', 'count-warnings'], ['info', 'count-notes']] as const) {
      await expect(s.pane.getByTestId(testId).getAttribute('data-count')).resolves.toBe(String(counts[severity]));
    }
    const sheetList = (await s.pane.getByTestId('sheet-list').innerText()).replace(/\s+/g, ' ');
    for (const layout of result.sheets) {
      expect(sheetList).toContain(layout.sheet);
      expect(sheetList).toContain(ROLE_WORDS[layout.role]);
    }
    await expect(s.pane.getByTestId('last-board-pack').textContent()).resolves.toBe('No board pack built yet.');
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('Check plan: the findings list holds exactly the engine findings, grouped by severity', async () => {
    const banner = await runAction(s, 'check');
    expect(banner).toContain('Plan checked');
    expect(banner).toContain('Nothing was written');
    if (screenshots) await s.page.locator('#pane').screenshot({ path: path.join(DOCS, 'taskpane-home.png') });

    const { findings } = engineCheck(fileModel, today);
    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('findings').waitFor();
    const shown = await shownFindings(s);
    expect(severityCounts(shown)).toEqual(severityCounts(findings));
    expect(findingKeys(shown)).toEqual(findingKeys(findings));
    // Errors first, then warnings, then notes.
    const order = shown.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const headings = await s.pane.locator('[data-testid="findings"] h3').allTextContents();
    expect(headings).toEqual(
      [
        ['Errors', severityCounts(findings).error],
        ['Warnings', severityCounts(findings).warning],
        ['Notes', severityCounts(findings).info],
      ]
        .filter(([, n]) => n)
        .map(([t, n]) => `${t} (${n})`),
    );
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('filters the findings by rule and by sheet', async () => {
    const { findings } = engineCheck(fileModel, today);
    const rule = findings[findings.length - 1].rule;
    await s.pane.getByTestId('filter-rule').click();
    await s.pane.getByRole('option', { name: new RegExp(`\\(${findings.filter((f) => f.rule === rule).length}\\)$`) }).filter({ hasNotText: 'All rules' }).first().waitFor();
    const options = s.pane.getByRole('option');
    const count = await options.count();
    let picked = false;
    for (let i = 0; i < count && !picked; i++) {
      const option = options.nth(i);
      const text = (await option.textContent()) ?? '';
      if (text.startsWith('All rules')) continue;
      await option.click();
      picked = true;
    }
    const shownRule = await shownFindings(s);
    const chosen = shownRule[0].rule;
    expect(shownRule.every((f) => f.rule === chosen)).toBe(true);
    expect(shownRule.length).toBe(findings.filter((f) => f.rule === chosen).length);

    const sheet = findings[0].sheet;
    await s.pane.getByTestId('filter-sheet').click();
    await s.pane.getByRole('option', { name: new RegExp(`^${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) }).click();
    const both = await shownFindings(s);
    expect(both.length).toBe(findings.filter((f) => f.rule === chosen && f.sheet === sheet).length);

    await s.pane.getByTestId('filter-rule').click();
    await s.pane.getByRole('option', { name: /^All rules/ }).click();
    await s.pane.getByTestId('filter-sheet').click();
    await s.pane.getByRole('option', { name: /^All sheets/ }).click();
    expect((await shownFindings(s)).length).toBe(findings.length);
  });

  it('clicking a finding, or Enter on it, selects its cell in the workbook and shows the fix', async () => {
    const { findings } = engineCheck(fileModel, today);
    const items = s.pane.getByTestId('finding');
    const target = findings.find((f) => f.fix) ?? findings[0];
    const key = `${target.severity} ${target.sheet}!${target.cell} ${target.rule}`;
    const index = findingKeys(await shownFindings(s)).length ? (await shownFindings(s)).findIndex((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}` === key) : -1;
    expect(index).toBeGreaterThanOrEqual(0);
    await items.nth(index).getByRole('button').click();
    await s.pane.getByTestId('fix').waitFor();
    await expect(s.pane.getByTestId('fix').innerText()).resolves.toContain(target.fix ?? 'See the message above.');
    await eventually(
      () =>
        s.harness((h) => {
        const st = h.sim.state;
        const sheet = st.sheets.find((x) => x.id === st.selection?.sheetId);
        const active = st.sheets.find((x) => x.id === st.activeSheetId);
        const r = st.selection?.rect;
        let letters = '';
        for (let n = (r?.col ?? 0) + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
        return { sheet: sheet?.name, active: active?.name, cell: r ? `${letters}${r.row + 1}` : null };
        }),
      { sheet: target.sheet, active: target.sheet, cell: target.cell.replace(/\$/g, '') },
    );
    if (screenshots) await s.page.locator('#pane').screenshot({ path: path.join(DOCS, 'taskpane-findings.png') });

    // Keyboard: focus another finding and press Enter.
    const other = (await shownFindings(s)).findIndex((f) => f.sheet === target.sheet && f.cell !== target.cell);
    if (other >= 0) {
      const want = (await shownFindings(s))[other];
      await items.nth(other).getByRole('button').focus();
      await s.page.keyboard.press('Enter');
      await eventually(() => s.harness((h) => h.sim.state.selection?.rect.row), Number(/\d+$/.exec(want.cell)![0]) - 1);
      await expect(items.nth(other).getByRole('button').getAttribute('aria-expanded')).resolves.toBe('true');
    }
  });

  it('Structure plan: shows the mapping review, writes nothing until confirmed, then writes the engine\'s sheets', async () => {
    const before = await simModel(s);
    const { result } = engineCheck(before, today);
    const expected = structureWorkbookPlan(result, before);

    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    // The review shows the engine's header rows and column mapping.
    const plans = result.sheets.filter((l) => l.role === 'plan');
    const headerTexts = await s.pane.getByTestId('header-rows').allTextContents();
    expect(headerTexts.length).toBe(plans.length);
    for (const [i, layout] of plans.entries()) expect(headerTexts[i]).toContain(String(layout.headerRows[0]));
    const columns = await s.pane.getByTestId('mapping-column').evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), e.getAttribute('data-field')]));
    const letters = (col: number) => {
      let t = '';
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) t = String.fromCharCode(65 + ((n - 1) % 26)) + t;
      return t;
    };
    expect(columns).toEqual(plans.flatMap((l) => l.columns.map((c) => [letters(c.col), c.field ?? ''])));
    // Nothing written while the review is open.
    expect(cellsOf(await simModel(s), 'Plan')).toBe(cellsOf(before, 'Plan'));
    expect((await simModel(s)).sheets.length).toBe(before.sheets.length);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
    if (screenshots) await s.page.locator('#pane').screenshot({ path: path.join(DOCS, 'taskpane-mapping.png') });

    await s.pane.getByRole('button', { name: 'Confirm and continue' }).click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Structure plan: done');
    const after = await simModel(s);
    expect(compareSheets(after, expected.sheets)).toEqual([]);
    for (const sheet of fileModel.sheets) expect(cellsOf(after, sheet.name)).toBe(cellsOf(before, sheet.name));
    expect(after.sheets.find((x) => x.name === LISTS_SHEET_NAME)?.visibility).toBe('veryHidden');
    expect([...new Set(ownedSheets(after))].sort()).toEqual(expected.sheets.map((p) => p.name).sort());
  });

  it('Update KPIs: the live KPI register where the workbook has KPIs; otherwise says so and writes nothing', async () => {
    const before = await simModel(s);
    const { result } = engineCheck(before, today);
    const banner = await runAction(s, 'kpis');
    const after = await simModel(s);
    if (!result.kpis.length) {
      expect(banner).toContain('Nothing was written');
      expect(JSON.stringify(after)).toBe(JSON.stringify(before));
      return;
    }
    expect(banner).toContain('Update KPIs: done');
    // The engine's KPI sheets, as its own structure plan lays them out.
    const kpiSheets = structureWorkbookPlan(result, before).sheets.filter((p) => /KPI/.test(p.name));
    expect(kpiSheets.length).toBeGreaterThan(0);
    expect(compareSheets(after, kpiSheets)).toEqual([]);
    // The Plan sheet written by Structure plan is still there, and still recorded as the tool's.
    expect(ownedSheets(after)).toEqual(expect.arrayContaining(ownedSheets(before)));
  });

  it('Apply RAG: the Plan sheet with each action\'s RAG (entered or derived) in live colours', async () => {
    const before = await simModel(s);
    const { result, findings } = engineCheck(before, today);
    const pack = boardPackWorkbookPlan(result, before, { today, kpis: kpiReports(result), findings });
    const planName = pack.plan.sheets.find((p) => p.table)!.name;
    const banner = await runAction(s, 'rag');
    expect(banner).toContain('Apply RAG: done');
    const after = await simModel(s);
    expect(compareSheets(after, pack.plan.sheets.filter((p) => p.name === planName))).toEqual([]);
    const details = await s.harness((h) => h.sim.details());
    const plan = details.find((d) => d.name === planName)!;
    expect(plan.conditionalFormats.length).toBeGreaterThan(0);
    expect(ownedSheets(after)).toEqual(expect.arrayContaining(ownedSheets(before)));
  });

  it('Build board pack: the engine\'s board-pack sheets, and the home view says when it was built', async () => {
    const before = await simModel(s);
    const { result, findings } = engineCheck(before, today);
    const pack = boardPackWorkbookPlan(result, before, { today, kpis: kpiReports(result), findings });
    const banner = await runAction(s, 'boardPack');
    expect(banner).toContain('Build board pack: done');
    const after = await simModel(s);
    expect(compareSheets(after, pack.plan.sheets)).toEqual([]);
    for (const name of ['Board Summary', 'Exceptions', 'KPI Scorecard', 'Coming up']) expect(after.sheets.some((x) => x.name === name)).toBe(true);
    await expect(s.pane.getByTestId('last-board-pack').textContent()).resolves.toMatch(/^Last board pack: built \d\d\/\d\d\/\d{4} at \d\d:\d\d for Q[1-4] \d{4}\/\d\d\.$/);
    // Sheets written by earlier steps (the KPI register) are kept and still recorded as the tool's.
    expect(ownedSheets(after)).toEqual(expect.arrayContaining(ownedSheets(before)));
    for (const sheet of fileModel.sheets) expect(cellsOf(after, sheet.name)).toBe(cellsOf(before, sheet.name));
  });

  it('Do everything: structure, KPIs, RAG and board pack in one go; the officer\'s sheets untouched', async () => {
    const banner = await runAction(s, 'everything');
    expect(banner).toContain('Do everything: done');
    const after = await simModel(s);
    for (const sheet of fileModel.sheets) expect(cellsOf(after, sheet.name)).toBe(cellsOf(fileModel, sheet.name));
    const { result } = engineCheck(fileModel, today);
    const expectedNames = ['Board Summary', 'Exceptions', 'KPI Scorecard', 'Coming up', ...(result.kpis.length ? ['KPI Register'] : [])];
    for (const name of expectedNames) expect(ownedSheets(after)).toContain(name);
    // The pane read the workbook again after writing: its state counts the tool's sheets as its own.
    const sheetList = await s.pane.getByTestId('sheet-list').innerText();
    expect(sheetList).toContain('Written by PlanAssure');
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('settings view: no serious or critical accessibility problems', async () => {
    await s.pane.getByRole('tab', { name: 'Settings' }).click();
    await s.pane.getByTestId('settings').waitFor();
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('nothing left this machine: every request went to the harness on 127.0.0.1', () => {
    expect(s.requests.length).toBeGreaterThan(5);
    expect(s.requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
    expect(s.officeJsRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
