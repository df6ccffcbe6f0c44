/**
 * Issue 17, item 3: the findings as a to-do list, in Chromium against the Excel simulator. Filter by severity; the
 * fix shown without a click, with Previous and Next that leave Excel's selection alone; "Copy all" as tab-separated
 * text (read back from the clipboard, or from the fallback text box where the browser refuses); a finding marked
 * done stays done after the pane reopens, until its cell changes; the export to a findings sheet; Check again.
 */
import type { Browser } from 'playwright-core';
import { FINDING_HEADERS } from '../../src/engine/findings-todo';
import { ownedSheets } from '../../src/engine/sheet-plan/structure-plan';
import { cellText, parseA1 } from '../../src/engine/workbook';
import type { HarnessServer } from '../../harness/server';
import { axe, describeBrowser, engineCheck, eventually, idle, launch, localToday, openHarness, paneReady, SEEDS, seriousOrCritical, Session, severityCounts, shownFindings, simModel } from './helpers';

describeBrowser('findings as a to-do list', () => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;
  const selection = () => s.harness((h) => JSON.stringify(h.sim.state.selection ?? null) + String(h.sim.state.activeSheetId));

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, SEEDS.sefton);
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('findings').waitFor();
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows each fix without a click, and Next / Previous move through them without moving Excel\'s selection', async () => {
    const shown = await shownFindings(s);
    expect(shown.length).toBeGreaterThan(2);
    // The first finding is current, its fix open; every other shows its fix in its line.
    await expect(s.pane.getByTestId('fix').count()).resolves.toBe(1);
    await expect(s.pane.getByTestId('fix-text').count()).resolves.toBe(shown.length - 1);
    await expect(s.pane.getByTestId('finding-position').textContent()).resolves.toBe(`Finding 1 of ${shown.length}`);
    const before = await selection();
    await s.pane.getByTestId('next-finding').click();
    await s.pane.getByTestId('next-finding').click();
    await expect(s.pane.getByTestId('finding-position').textContent()).resolves.toBe(`Finding 3 of ${shown.length}`);
    await expect(s.pane.locator('[data-testid="finding"][data-current="true"]').getAttribute('data-cell')).resolves.toBe(shown[2].cell);
    await s.pane.getByTestId('previous-finding').click();
    await expect(s.pane.locator('[data-testid="finding"][data-current="true"]').getAttribute('data-cell')).resolves.toBe(shown[1].cell);
    expect(await selection()).toBe(before);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('filters by severity', async () => {
    const { findings } = engineCheck(await simModel(s), localToday());
    const counts = severityCounts(findings);
    const severity = (['warning', 'info', 'error'] as const).find((x) => counts[x] > 0)!;
    const words = { error: 'Errors', warning: 'Warnings', info: 'Notes' }[severity];
    await s.pane.getByTestId('filter-severity').click();
    await s.pane.getByRole('option', { name: `${words} (${counts[severity]})` }).click();
    const shown = await shownFindings(s);
    expect(shown.length).toBe(counts[severity]);
    expect(shown.every((f) => f.severity === severity)).toBe(true);
    await s.pane.getByTestId('filter-severity').click();
    await s.pane.getByRole('option', { name: /^All severities/ }).click();
    expect((await shownFindings(s)).length).toBe(findings.length);
  });

  it('Copy all puts the findings shown on the clipboard as tab-separated text', async () => {
    const shown = await shownFindings(s);
    await s.pane.getByTestId('copy-all').click();
    await s.pane.getByTestId('copy-status').waitFor();
    const fallback = s.pane.getByTestId('copy-fallback');
    const text = (await fallback.count()) ? await fallback.inputValue() : ((await s.paneFrame().evaluate('navigator.clipboard.readText()')) as string);
    const lines = text.split('\n').map((l) => l.split('\t'));
    expect(lines[0]).toEqual([...FINDING_HEADERS]);
    expect(lines.length).toBe(shown.length + 1);
    expect(lines.slice(1).map((l) => `${l[1]}!${l[2]}`)).toEqual(shown.map((f) => `${f.sheet}!${f.cell}`));
    expect(lines.every((l) => l.length === FINDING_HEADERS.length)).toBe(true);
  });

  it('a finding marked done leaves the to-do list, and stays done when the pane reopens', async () => {
    const first = (await shownFindings(s))[0];
    const total = (await shownFindings(s)).length;
    await s.pane.locator('[data-testid="finding"]').first().getByRole('button').first().click();
    await s.pane.getByTestId('mark-done').click();
    await eventually(async () => (await shownFindings(s)).length, total - 1);
    await s.page.locator('#reload-pane').click();
    await paneReady(s);
    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('findings').waitFor();
    expect((await shownFindings(s)).length).toBe(total - 1);
    await s.pane.getByTestId('filter-status').click();
    await s.pane.getByRole('option', { name: 'Done (1)' }).click();
    const done = await shownFindings(s);
    expect(done.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([`${first.sheet}!${first.cell} ${first.rule}`]);
    await s.pane.getByTestId('filter-status').click();
    await s.pane.getByRole('option', { name: /^To do and done/ }).click();
    (globalThis as { doneFinding?: typeof first }).doneFinding = first;
  });

  it('exports every finding to a findings sheet of PlanAssure\'s, saying which are done', async () => {
    const first = (globalThis as { doneFinding?: { sheet: string; cell: string } }).doneFinding!;
    const count = (await shownFindings(s)).length;
    await s.pane.getByTestId('export-findings').click();
    const preview = s.pane.getByTestId('replace-preview');
    const banner = s.pane.getByTestId('banner');
    if ((await Promise.race([preview.waitFor({ timeout: 60_000 }).then(() => 'preview'), banner.waitFor({ timeout: 60_000 }).then(() => 'banner')])) === 'preview') {
      await s.pane.getByTestId('confirm-replace').click();
    }
    await idle(s);
    await expect(banner.textContent()).resolves.toContain('Export to a findings sheet: done');
    const model = await simModel(s);
    expect(ownedSheets(model)).toContain('Findings');
    const sheet = model.sheets.find((x) => x.name === 'Findings')!;
    const rows = new Map<number, string[]>();
    for (const c of sheet.cells) (rows.get(c.row) ?? rows.set(c.row, []).get(c.row)!)[c.col - 1] = cellText(c.value);
    expect(rows.get(1)).toEqual([...FINDING_HEADERS]);
    expect(rows.size).toBe(count + 1);
    const doneRows = [...rows].filter(([row, r]) => row > 1 && r[6] === 'Done').map(([, r]) => r);
    expect(doneRows.map((r) => `${r[1]}!${r[2]}`)).toEqual([`${first.sheet}!${first.cell}`]);
  });

  it('a changed cell un-does its finding, seen after Check again from the findings tab', async () => {
    const first = (globalThis as { doneFinding?: { sheet: string; cell: string; rule: string } }).doneFinding!;
    const at = parseA1(first.cell.split(':')[0]);
    // The harness function runs in the page: it finds the cell to change where this test left it.
    await s.page.evaluate((target) => Object.assign(window, { changeCell: target }), { sheet: first.sheet, row: at.row - 1, col: at.col - 1 });
    await s.harness((h) =>
      h.sim.run(async (context) => {
        const target = (window as unknown as { changeCell: { sheet: string; row: number; col: number } }).changeCell;
        const range = context.workbook.worksheets.getItem(target.sheet).getCell(target.row, target.col);
        range.load('values');
        await context.sync();
        range.values = [[`${String(range.values[0][0] ?? '')} `]];
        await context.sync();
      }),
    );
    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('check-again').click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').textContent()).resolves.toContain('Plan checked');
    const still = (await shownFindings(s)).find((f) => f.sheet === first.sheet && f.cell === first.cell && f.rule === first.rule);
    if (still) await expect(s.pane.locator(`[data-testid="finding"][data-sheet="${first.sheet}"][data-cell="${first.cell}"][data-rule="${first.rule}"]`).first().getAttribute('data-done')).resolves.toBe('false');
    await expect(s.pane.getByTestId('findings-status').textContent()).resolves.toContain('0 done');
  });

  it('no page errors', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
