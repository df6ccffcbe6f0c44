/**
 * Building a board pack asks for the period, in Chromium against the Excel simulator: the engine's default is
 * offered (with why), a period that is not a financial-year quarter cannot be built, Cancel writes nothing, and the
 * period typed is the one the pack reports.
 */
import type { Browser } from 'playwright-core';
import { parseReportingPeriod, reportingPeriod } from '../../src/engine/board-pack';
import type { HarnessServer } from '../../harness/server';
import { axe, cellsOf, describeBrowser, engineCheck, idle, launch, localToday, openHarness, runAction, SEEDS, seedModel, seriousOrCritical, Session, simModel } from './helpers';

describeBrowser('the board pack asks which period it reports on', () => {
  let server: HarnessServer;
  let browser: Browser;
  let s: Session;

  beforeAll(async () => {
    ({ server, browser } = await launch());
    s = await openHarness(server, browser, SEEDS.example);
  });
  afterAll(async () => {
    await s?.close();
    await browser?.close();
    await server?.close();
  });

  it('offers the engine\'s default period and why; an unreadable period cannot be built; Cancel writes nothing', async () => {
    const { result } = engineCheck(await seedModel(SEEDS.example), localToday());
    const expected = reportingPeriod(result, { today: localToday() }).label;
    const why = parseReportingPeriod(result.settings.reportingPeriod) ? 'as set in the plan settings' : 'the last quarter completed';

    await idle(s);
    const button = s.pane.locator('[data-action="boardPack"]');
    await button.click();
    const prompt = s.pane.getByTestId('period-prompt');
    await prompt.waitFor();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(prompt.getByTestId('period-input').inputValue()).resolves.toBe(expected);
    await expect(prompt.innerText()).resolves.toContain(`Default: ${expected}, ${why}.`);
    await expect(prompt.getByRole('button', { name: `Build for ${expected}` }).isEnabled()).resolves.toBe(true);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);

    await prompt.getByTestId('period-input').fill('Autumn 2025');
    await expect(prompt.getByRole('button', { name: 'Build' }).isDisabled()).resolves.toBe(true);
    await expect(prompt.innerText()).resolves.toContain('Write a financial-year quarter, such as "Q2 2025/26"');

    const before = await simModel(s);
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await prompt.waitFor({ state: 'detached' });
    const after = await simModel(s);
    expect(after.sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
    expect(after.sheets.some((x) => x.name === 'Board Summary')).toBe(false);
  });

  it('builds the pack for the period typed', async () => {
    const banner = await runAction(s, 'boardPack', true, 'Q1 2025/26');
    expect(banner).toContain('the board pack for Q1 2025/26');
    const written = await simModel(s);
    expect(cellsOf(written, 'Board Summary')).toContain('Reporting period Q1 2025/26');
    await expect(s.pane.getByTestId('last-board-pack').textContent()).resolves.toMatch(/for Q1 2025\/26\.$/);
  });
});
