/**
 * Building a board pack asks for the period, in Chromium against the Excel simulator: the engine's default is
 * offered (with why), a period that is not a financial-year quarter cannot be built, Cancel writes nothing, and the
 * period typed is the one the pack reports. Beside it, the cover's author and version and Blue: what the officer
 * types is on this pack's cover, saved in Plan Settings, and offered again (and used) the next time.
 */
import type { Browser } from 'playwright-core';
import { parseReportingPeriod, reportingPeriod } from '../../src/engine/board-pack';
import { packSettingsOf } from '../../src/engine/pack-settings';
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

  // The first test runs axe over the prompt, these fields among it.
  it('offers the author, version and Blue that Plan Settings give now', async () => {
    const now = packSettingsOf(await seedModel(SEEDS.example));
    await idle(s);
    await s.pane.locator('[data-action="boardPack"]').click();
    const prompt = s.pane.getByTestId('period-prompt');
    await prompt.waitFor();
    await expect(prompt.getByTestId('author-input').inputValue()).resolves.toBe(now.author ?? '');
    await expect(prompt.getByTestId('version-input').inputValue()).resolves.toBe(now.version ?? '');
    await expect(prompt.getByTestId('use-blue').isChecked()).resolves.toBe(now.useBlue);
    await expect(prompt.getByLabel('Author').count()).resolves.toBe(1);
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await prompt.waitFor({ state: 'detached' });
  });

  it('puts them on the cover, saves them in Plan Settings, and offers them again next time', async () => {
    const banner = await runAction(s, 'boardPack', true, undefined, async (prompt) => {
      await prompt.getByTestId('author-input').fill('Jo Bloggs, Commissioning');
      await prompt.getByTestId('version-input').fill('Draft 2');
      await prompt.getByTestId('use-blue').setChecked(false);
    });
    expect(banner).toContain('the board pack for');
    const written = await simModel(s);
    expect(cellsOf(written, 'Cover')).toContain('Jo Bloggs, Commissioning');
    expect(cellsOf(written, 'Cover')).toContain('Draft 2');
    expect(packSettingsOf(written)).toEqual({ author: 'Jo Bloggs, Commissioning', version: 'Draft 2', useBlue: false });
    // Without Blue, the legend on the Board Summary does not list it.
    expect(cellsOf(written, 'Board Summary')).not.toContain('"Blue"');

    await s.pane.locator('[data-action="boardPack"]').click();
    const prompt = s.pane.getByTestId('period-prompt');
    await prompt.waitFor();
    await expect(prompt.getByTestId('author-input').inputValue()).resolves.toBe('Jo Bloggs, Commissioning');
    await expect(prompt.getByTestId('version-input').inputValue()).resolves.toBe('Draft 2');
    await expect(prompt.getByTestId('use-blue').isChecked()).resolves.toBe(false);
    await prompt.getByRole('button', { name: 'Cancel' }).click();
  });
});
