/**
 * The column review for a scorecard nothing can read, in the real pane in Chromium (harness/unread-scorecard-seed.ts:
 * figures under month headings, nothing heading the KPIs' names). The pane says the sheet looks like a scorecard and
 * offers its columns with KPI roles, in the same review as for plans: each column with its header and three sample
 * values, what its header alone suggests marked in words. Confirming keeps the roles in Plan Settings (a column of
 * figures with its period) and reads the KPIs; reopening the pane reads them the same way without asking.
 */
import type { Browser } from 'playwright-core';
import { readSavedMapping } from '../../src/engine/saved-mapping';
import { structureWorkbook } from '../../src/engine/structure';
import { ownedSheets } from '../../src/engine/sheet-plan/structure-plan';
import { WorkbookModel } from '../../src/engine/workbook';
import type { HarnessServer } from '../../harness/server';
import { UNREAD_SCORECARD_HEADERS, UNREAD_SCORECARD_ROWS, UNREAD_SCORECARD_SEED } from '../../harness/unread-scorecard-seed';
import { axe, cellsOf, describeBrowser, idle, launch, localToday, openHarness, paneReady, seriousOrCritical, Session, simModel } from './helpers';

const SHEET = 'Tracker';
/** The roles the officer picks, by column letter, with the pane's names for them and the words Plan Settings keeps. */
const PICKS: [string, string, string][] = [
  ['A', 'KPI id', 'id'],
  ['B', 'KPI name', 'name'],
  ['E', 'Target', 'target'],
];
/** Every column's role once confirmed: the month columns as their headers suggested. */
const SAVED = ['id', 'name', 'period: Jun 2025', 'period: Jul 2025', 'target'];

describeBrowser('the column review for a scorecard nothing can read', () => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;
  let before: WorkbookModel;
  const today = localToday();
  const column = (letter: string) => s.pane.locator(`[data-testid="mapping-column"][data-column="${letter}"]`);

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, UNREAD_SCORECARD_SEED);
    before = await simModel(s);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('reads no KPIs on its own, and says the sheet looks like a scorecard', async () => {
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toBe('0 actions and 0 KPIs found.');
    const result = structureWorkbook(before, { today });
    expect(result.findings.filter((f) => f.rule === 'kpi-scorecard-unread').map((f) => f.sheet)).toEqual([SHEET]);
  });

  it('Structure plan offers the columns with KPI roles: header, three values, and what the header suggests, unsure where it is', async () => {
    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    await expect(s.pane.getByTestId('header-rows').textContent()).resolves.toMatch(/^This looks like a KPI scorecard, but its columns could not be read\. The headers look to be on row 3/);
    const columns = s.pane.getByTestId('mapping-column');
    await expect(columns.evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), e.getAttribute('data-field')]))).resolves.toEqual([
      ['A', ''],
      ['B', ''],
      ['C', 'period: Jun 2025'],
      ['D', 'period: Jul 2025'],
      ['E', ''],
    ]);
    for (const [i, h] of UNREAD_SCORECARD_HEADERS.entries()) await expect(column(String.fromCharCode(65 + i)).textContent()).resolves.toContain(`“${h}”`);
    await expect(column('B').getByTestId('samples').textContent()).resolves.toBe(`For example: ${UNREAD_SCORECARD_ROWS.map((r) => `“${r[1]}”`).join(', ')}`);
    await expect(column('C').getByTestId('samples').textContent()).resolves.toBe(`For example: ${UNREAD_SCORECARD_ROWS.map((r) => `“${r[2]}”`).join(', ')}`);
    await expect(column('C').getByRole('combobox').textContent()).resolves.toBe('Figures for Jun 2025');
    // The officer must name the KPIs before anything is read.
    await expect(s.pane.getByRole('button', { name: 'Confirm and continue' }).isDisabled()).resolves.toBe(true);
    await expect(s.pane.getByTestId('pick-action').textContent()).resolves.toBe(`Pick the column naming the KPIs on “${SHEET}” to continue.`);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
    expect((await simModel(s)).sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
  });

  it('picking the columns and confirming reads the KPIs and keeps the roles in Plan Settings, each month column with its period', async () => {
    for (const [letter, label, word] of PICKS) {
      await column(letter).getByRole('combobox').click();
      await s.pane.getByRole('option', { name: label, exact: true }).click();
      await expect(column(letter).getAttribute('data-field')).resolves.toBe(word);
    }
    await s.pane.getByRole('button', { name: 'Confirm and continue' }).click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Structure plan: done');

    const after = await simModel(s);
    expect(cellsOf(after, SHEET)).toBe(cellsOf(before, SHEET));
    expect(readSavedMapping(after).map((c) => [c.sheet, c.col, c.headerRow, c.header])).toEqual(UNREAD_SCORECARD_HEADERS.map((h, i) => [SHEET, i + 1, 3, h]));
    expect(readSavedMapping(after).map((c) => c.kpiRole)).toEqual(['id', 'name', { periodKey: expect.any(Number) }, { periodKey: expect.any(Number) }, 'target']);
    // The engine, given nothing but the workbook, now reads every KPI with its latest month and target.
    const again = structureWorkbook(after, { today, ownedSheets: ownedSheets(after) });
    expect(again.kpis.map((k) => [k.id, k.name, k.target])).toEqual(UNREAD_SCORECARD_ROWS.map((r) => [r[0], r[1], r[4]]));
    expect(again.observations.filter((o) => o.kpiId === 'T1').map((o) => [o.period, o.value])).toEqual([
      ['Jun 2025', 88],
      ['Jul 2025', 91],
    ]);
    expect(again.findings.filter((f) => f.rule === 'saved-columns-changed' || f.rule === 'kpi-scorecard-unread')).toEqual([]);
  });

  it('reopening the pane reads the scorecard the same way without asking, and the review shows the roles as confirmed', async () => {
    await s.page.locator('#reload-pane').click();
    await paneReady(s);
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toBe(`0 actions and ${UNREAD_SCORECARD_ROWS.length} KPIs found.`);
    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    await expect(s.pane.getByTestId('header-rows').textContent()).resolves.toBe('Header row 3, read as KPIs.');
    const columns = s.pane.getByTestId('mapping-column');
    await expect(columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).resolves.toEqual(SAVED);
    await expect(column('E').getByTestId('confidence').textContent()).resolves.toBe('Sure 100%');
    await s.pane.getByRole('button', { name: 'Cancel' }).click();
    await idle(s);
  });
});
