/**
 * Issue 17, item 1: a preview before anything the tool wrote is replaced, and a way back. In Chromium, the real pane
 * against the Excel simulator: the officer types on the tool's Plan sheet, the next write says so and waits for a
 * confirm (Cancel writes nothing), a very hidden copy is kept, and "Restore the previous version" brings the tool's
 * sheets back as they were, the officer's typing included, and a formula as a formula with its number format.
 */
import type { Browser } from 'playwright-core';
import { LISTS_SHEET_NAME } from '../../src/engine/sheet-plan/plan-sheet';
import { PREVIOUS_VERSION_SHEET_NAME, readPreviousVersion } from '../../src/engine/sheet-plan/previous-version';
import { ownedSheets } from '../../src/engine/sheet-plan/structure-plan';
import { cellText, WorkbookModel } from '../../src/engine/workbook';
import type { HarnessServer } from '../../harness/server';
import { axe, cellsOf, describeBrowser, idle, launch, openHarness, runAction, SEEDS, seriousOrCritical, Session, simModel } from './helpers';

const NOTE = 'Agreed at DMT: chase the lead';

function textAt(model: WorkbookModel, sheet: string, row: number, col: number): string {
  const cell = model.sheets.find((s) => s.name === sheet)?.cells.find((c) => c.row === row && c.col === col);
  return cell ? cellText(cell.value) : '';
}

/** The tool's visible sheets' values, as the engine reads them, for comparing before and after a restore. */
function toolValues(model: WorkbookModel): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of ownedSheets(model).filter((n) => n !== LISTS_SHEET_NAME && n !== PREVIOUS_VERSION_SHEET_NAME)) {
    const sheet = model.sheets.find((s) => s.name === name);
    if (sheet?.visibility === 'visible') out[name] = sheet.cells.filter((c) => cellText(c.value)).map((c) => `${c.row}:${c.col}=${cellText(c.value)}`);
  }
  return out;
}

describeBrowser('a preview before replacing, and a way back', () => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, SEEDS.sefton);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('the primary (blue) button is Check plan, which writes nothing; Do everything is not primary', async () => {
    // Read once the button's colour transitions have run: Fluent fades the background in, and a read part-way
    // through gave rgb(254, 254, 254) for one white button in a CI run.
    const background = (action: string) =>
      s.pane.locator(`[data-action="${action}"]`).evaluate(async (el) => {
        await Promise.all(el.getAnimations().map((animation) => animation.finished));
        return getComputedStyle(el).backgroundColor;
      });
    const check = await background('check');
    expect(await background('everything')).toBe(await background('structure'));
    expect(await background('everything')).not.toBe(check);
  });

  it('the first write replaces nothing of the tool\'s, so asks nothing more, and keeps an (empty) copy very hidden', async () => {
    const banner = await runAction(s, 'structure');
    expect(banner).toContain('Structure plan: done');
    const after = await simModel(s);
    const copy = after.sheets.find((x) => x.name === PREVIOUS_VERSION_SHEET_NAME);
    expect(copy?.visibility).toBe('veryHidden');
    expect(readPreviousVersion(after)?.sheets).toEqual([]);
    expect(ownedSheets(after)).toContain(PREVIOUS_VERSION_SHEET_NAME);
    await s.pane.getByTestId('restore').waitFor();
  });

  it('says what the next write replaces, with what the officer typed there; Cancel writes nothing', async () => {
    await s.harness((h) =>
      h.sim.run(async (context) => {
        const plan = context.workbook.worksheets.getItem('Plan');
        plan.getRange('C3').values = [['Agreed at DMT: chase the lead']];
        // A formula of the officer's, formatted as a percentage: restore must bring back the formula, not its value.
        const share = plan.getRange('Z3');
        share.numberFormat = [['0.0%']];
        share.formulas = [['=COUNTA(A:A)/100']];
        await context.sync();
      }),
    );
    const before = await simModel(s);
    expect(textAt(before, 'Plan', 3, 3)).toBe(NOTE);

    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="rag"]').click();
    const preview = s.pane.getByTestId('replace-preview');
    await preview.waitFor({ timeout: 60_000 });
    const plan = s.pane.locator('[data-testid="replaced-sheet"][data-sheet="Plan"]');
    await expect(plan.count()).resolves.toBe(1);
    await expect(plan.locator('[data-testid="replaced-cell"][data-cell="C3"]').textContent()).resolves.toBe(`C3: \u201c${NOTE}\u201d`);
    await expect(s.pane.getByTestId('copy-kept').textContent()).resolves.toContain('Restore the previous version');
    // Nothing is written while the preview is open.
    expect(JSON.stringify(await simModel(s))).toBe(JSON.stringify(before));
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);

    await s.pane.getByTestId('cancel-replace').click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Cancelled');
    expect(JSON.stringify(await simModel(s))).toBe(JSON.stringify(before));
  });

  it('confirmed, it writes, and keeps the replaced sheets in the very hidden copy', async () => {
    const before = await simModel(s);
    await s.harness((h) => h.sim.resetStats());
    const banner = await runAction(s, 'rag');
    expect(banner).toContain('Apply RAG: done');
    // The copy goes in the same requests as the sheets: one read, the write in at most two, the read that refreshes.
    expect(await s.harness((h) => h.sim.stats.syncs)).toBeLessThanOrEqual(4);
    const after = await simModel(s);
    expect(textAt(after, 'Plan', 3, 3)).not.toBe(NOTE);
    const copy = readPreviousVersion(after)!;
    expect(copy.sheets.map((x) => x.name).sort()).toEqual(ownedSheets(before).filter((n) => n !== PREVIOUS_VERSION_SHEET_NAME).sort());
    expect(JSON.stringify(copy.sheets.find((x) => x.name === 'Plan')!.cells)).toContain(NOTE);
    for (const sheet of before.sheets.filter((x) => !ownedSheets(before).includes(x.name))) expect(cellsOf(after, sheet.name)).toBe(cellsOf(before, sheet.name));
    (globalThis as { beforeRag?: WorkbookModel }).beforeRag = before;
  });

  it('Restore the previous version brings the tool\'s sheets back as they were, within the sync budget', async () => {
    const before = (globalThis as { beforeRag?: WorkbookModel }).beforeRag!;
    const now = await simModel(s);
    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.harness((h) => h.sim.resetStats());
    await s.pane.locator('[data-action="restore"]').click();
    await s.pane.getByTestId('replace-preview').waitFor({ timeout: 60_000 });
    await expect(s.pane.getByTestId('replace-preview').textContent()).resolves.toContain('Values, formulas and number formats');
    await s.pane.getByTestId('confirm-replace').click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Restore the previous version: done');
    const after = await simModel(s);
    expect(textAt(after, 'Plan', 3, 3)).toBe(NOTE);
    expect(toolValues(after)).toEqual(toolValues(before));
    // The officer's formula is a formula again, with its number format.
    const share = await s.harness((h) =>
      h.sim.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Plan').getRange('Z3');
        range.load('formulas,numberFormat');
        await context.sync();
        return { formula: range.formulas[0][0], format: range.numberFormat[0][0] };
      }),
    );
    expect(share).toEqual({ formula: '=COUNTA(A:A)/100', format: '0.0%' });
    expect(after.sheets.find((x) => x.name === LISTS_SHEET_NAME)?.visibility).toBe('veryHidden');
    // A restore is one step back: it leaves no copy, and the officer's sheets are untouched.
    expect(after.sheets.some((x) => x.name === PREVIOUS_VERSION_SHEET_NAME)).toBe(false);
    for (const sheet of now.sheets.filter((x) => !ownedSheets(now).includes(x.name))) expect(cellsOf(after, sheet.name)).toBe(cellsOf(now, sheet.name));
    await expect(s.pane.getByTestId('restore').count()).resolves.toBe(0);
    // One read, the write in at most two requests, and the read that refreshes the pane.
    const syncs = await s.harness((h) => h.sim.stats.syncs);
    expect(syncs).toBeLessThanOrEqual(4);
  });

  it('nothing left this machine, and no page errors', () => {
    expect(s.requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
