/**
 * The column review from nothing, in the real pane in Chromium: a workbook whose headers nothing can read
 * (harness/unrecognised-seed.ts). The officer picks the columns' roles from every column, each shown with its header
 * and three sample values; confirming writes the Plan sheet the engine writes for those roles and keeps them in the
 * workbook's Plan Settings sheet; reopening the pane reads the plan the same way without asking.
 */
import type { Browser } from 'playwright-core';
import { readSavedMapping } from '../../src/engine/saved-mapping';
import { LISTS_SHEET_NAME } from '../../src/engine/sheet-plan/plan-sheet';
import { ownedSheets, structureWorkbookPlan } from '../../src/engine/sheet-plan/structure-plan';
import { structureWorkbook } from '../../src/engine/structure';
import type { ColumnField } from '../../src/engine/structure/columns';
import { WorkbookModel } from '../../src/engine/workbook';
import type { HarnessServer } from '../../harness/server';
import { UNRECOGNISED_HEADERS, UNRECOGNISED_ROWS, UNRECOGNISED_SEED } from '../../harness/unrecognised-seed';
import { axe, cellsOf, describeBrowser, idle, launch, localToday, openHarness, paneReady, seriousOrCritical, Session, sheetDifferences, simModel } from './helpers';

const SHEET = 'Programme';
/** The roles the officer picks, by column letter, with the pane's names for them. */
const PICKS: [string, ColumnField, string][] = [
  ['A', 'ref', 'Ref'],
  ['B', 'action', 'Action'],
  ['C', 'lead', 'Lead'],
  ['D', 'dueDate', 'Due date'],
  ['E', 'progress', 'Progress'],
];

describeBrowser('the column review from nothing', () => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;
  let before: WorkbookModel;
  const today = localToday();

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, UNRECOGNISED_SEED);
    before = await simModel(s);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('finds no plan on its own', async () => {
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toMatch(/^0 actions/);
    expect(structureWorkbook(before, { today }).sheets.map((l) => l.role)).toEqual(['not-a-plan']);
  });

  it('Structure plan lists every column with its header and three sample values, and waits for the action column', async () => {
    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    await expect(s.pane.getByTestId('header-rows').textContent()).resolves.toMatch(/No column reads as the actions with confidence\. The headers look to be on row \d+/);
    // The officer says which row holds the headers, whatever PlanAssure suggested (a one-cell title row is not offered).
    await s.pane.getByTestId('header-row-choice').click();
    await expect(s.pane.getByRole('option', { name: /^Row 1: / }).count()).resolves.toBe(0);
    await s.pane.getByRole('option', { name: /^Row 3: Alpha, Bravo, Charlie, Delta …$/ }).click();
    await expect(s.pane.getByTestId('header-row-choice').textContent()).resolves.toBe('Headers on row 3');
    const columns = s.pane.getByTestId('mapping-column');
    await expect(columns.evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), e.textContent ?? '']))).resolves.toEqual(
      UNRECOGNISED_HEADERS.map((h, i) => [String.fromCharCode(65 + i), expect.stringContaining(`“${h}”`)]),
    );
    const samples = await s.pane.getByTestId('samples').allTextContents();
    expect(samples).toHaveLength(UNRECOGNISED_HEADERS.length);
    expect(samples[2]).toBe(`For example: ${UNRECOGNISED_ROWS.map((r) => `“${r[2]}”`).join(', ')}`);
    await expect(s.pane.getByRole('button', { name: 'Confirm and continue' }).isDisabled()).resolves.toBe(true);
    await s.pane.getByTestId('pick-action').waitFor();
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
    // Nothing is written while the review is open.
    expect((await simModel(s)).sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
  });

  it('picking the columns and confirming writes the engine\'s Plan sheet for those roles, and keeps them in Plan Settings', async () => {
    for (const [letter, , label] of PICKS) {
      await s.pane.locator(`[data-testid="mapping-column"][data-column="${letter}"] [role="combobox"]`).click();
      await s.pane.getByRole('option', { name: label, exact: true }).click();
      await expect(s.pane.locator(`[data-testid="mapping-column"][data-column="${letter}"]`).getAttribute('data-field')).resolves.toBe(PICKS.find((p) => p[0] === letter)![1]);
    }
    await s.pane.getByRole('button', { name: 'Confirm and continue' }).click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Structure plan: done');

    const after = await simModel(s);
    const chosen = {
      columnOverrides: { [SHEET]: Object.fromEntries(PICKS.map(([letter, field]) => [letter.charCodeAt(0) - 64, field as ColumnField])) },
      headerRowOverrides: { [SHEET]: 3 },
    };
    const expected = structureWorkbook(before, { today, ...chosen });
    expect(expected.actions.map((a) => [a.ref, a.action, a.lead, a.dueDate, a.progress])).toEqual(UNRECOGNISED_ROWS.map((r) => [r[0], r[1], r[2], r[3], r[4]]));
    const plan = structureWorkbookPlan(expected, before);
    for (const sheet of plan.sheets.filter((p) => p.name !== LISTS_SHEET_NAME)) expect(sheetDifferences(after.sheets.find((x) => x.name === sheet.name), sheet)).toEqual([]);
    // The officer's own sheet is untouched.
    expect(cellsOf(after, SHEET)).toBe(cellsOf(before, SHEET));
    // One Plan Settings row per column: the header cell, the role, the header.
    expect(readSavedMapping(after).map((c) => [c.sheet, c.col, c.headerRow, c.field, c.header])).toEqual(PICKS.map(([letter, field], i) => [SHEET, letter.charCodeAt(0) - 64, 3, field, UNRECOGNISED_HEADERS[i]]));
    // The engine, given nothing but the workbook, now reads the same actions.
    const again = structureWorkbook(after, { today, ownedSheets: ownedSheets(after) });
    expect(again.actions.map((a) => [a.ref, a.action, a.lead, a.dueDate, a.progress])).toEqual(expected.actions.map((a) => [a.ref, a.action, a.lead, a.dueDate, a.progress]));
    expect(again.findings.filter((f) => f.rule === 'saved-columns-changed')).toEqual([]);
  });

  it('reopening the pane reads the plan the same way without asking', async () => {
    await s.page.locator('#reload-pane').click();
    await paneReady(s);
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toMatch(/^3 actions/);
    await expect(s.pane.getByTestId('sheet-list').textContent()).resolves.toContain('Plan: actions read from here (3)');
    // A writing action other than Structure plan asks only when the columns are not the ones confirmed: it does not ask.
    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="rag"]').click();
    const review = s.pane.getByTestId('mapping-review');
    const banner = s.pane.getByTestId('banner');
    // It replaces the Plan sheet Structure plan wrote, so it shows what it replaces first (issue 17).
    const preview = s.pane.getByTestId('replace-preview');
    const first = await Promise.race([
      review.waitFor({ timeout: 60_000 }).then(() => 'review'),
      preview.waitFor({ timeout: 60_000 }).then(() => 'preview'),
      banner.waitFor({ timeout: 60_000 }).then(() => 'banner'),
    ]);
    expect(first).toBe('preview');
    await s.pane.getByTestId('confirm-replace').click();
    await idle(s);
    await expect(banner.textContent()).resolves.toContain('Apply RAG: done');
  });
});
