/**
 * The pane's other paths, in Chromium against the Excel simulator: Cancel, the mapping review's limits, settings
 * kept in the workbook, the dark theme, an Excel too old, the pane outside Excel, and the ribbon's Check plan.
 */
import {
  axe,
  describeBrowser,
  engineCheck,
  eventually,
  harnessSessions,
  idle,
  localToday,
  openPage,
  paneReady,
  requestsOffMachine,
  runAction,
  SEEDS,
  seedModel,
  seriousOrCritical,
  severityCounts,
  shownFindings,
  simModel,
} from './helpers';

describeBrowser('the task pane: cancelling, reviewing, settings, themes and failures', () => {
  const harness = harnessSessions();

  it('Cancel during a slow read stops before anything is written', async () => {
    const s = await harness.session(SEEDS.example, { delay: '600' });
    expect(s.officeJsRequests).toEqual([]);
    const before = JSON.stringify(await simModel(s));
    await s.pane.locator('[data-action="kpis"]').click();
    await s.pane.getByTestId('progress').waitFor();
    await s.pane.getByRole('button', { name: 'Cancel' }).click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').innerText()).resolves.toMatch(/Cancelled[\s\S]*Nothing was written/);
    expect(JSON.stringify(await simModel(s))).toBe(before);
  });

  it('Cancel on the mapping review writes nothing, even after the mapping was changed; Reset brings the detected mapping back', async () => {
    const s = await harness.session(SEEDS.sefton);
    const before = JSON.stringify(await simModel(s));
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    const confirm = s.pane.getByRole('button', { name: 'Confirm and continue' });
    await expect(confirm.isEnabled()).resolves.toBe(true);

    // Read column B as something else.
    const column = s.pane.locator('[data-testid="mapping-column"][data-column="B"]');
    await column.getByRole('combobox').click();
    await s.pane.getByRole('option', { name: 'Theme', exact: true }).click();
    await expect(column.getAttribute('data-field')).resolves.toBe('theme');
    await expect(confirm.isEnabled()).resolves.toBe(true);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);

    await s.pane.getByRole('button', { name: 'Reset to what PlanAssure found' }).click();
    await expect(column.getAttribute('data-field')).resolves.toBe('ref');

    await s.pane.getByRole('button', { name: 'Cancel', exact: true }).click();
    await idle(s);
    await expect(s.pane.getByTestId('banner').innerText()).resolves.toMatch(/Cancelled[\s\S]*Nothing was written/);
    expect(JSON.stringify(await simModel(s))).toBe(before);
  });

  it('settings are saved in the workbook, change the check at once, survive reopening the pane, and reach the board pack', async () => {
    const s = await harness.session(SEEDS.sefton);
    const today = localToday();
    await s.pane.getByRole('tab', { name: 'Settings' }).click();
    await s.pane.getByLabel('Reporting period').fill('Q1 2025/26');
    await s.pane.getByRole('combobox', { name: 'Protective marking' }).click();
    await s.pane.getByRole('option', { name: 'OFFICIAL-SENSITIVE' }).click();
    await s.pane.locator('select[data-rule="overdue"]').selectOption('off');
    await s.pane.getByLabel('Blue means').fill('Done and evidenced');
    // A bad value is refused in plain words, and Save waits until it is put right.
    await s.pane.getByLabel('KPI tolerance (%)').fill('150');
    await expect(s.pane.getByText('Enter a percentage from 0 to 99.').count()).resolves.toBe(1);
    await expect(s.pane.getByRole('button', { name: 'Save settings' }).isDisabled()).resolves.toBe(true);
    await s.pane.getByLabel('KPI tolerance (%)').fill('7.5');
    await s.pane.getByRole('button', { name: 'Save settings' }).click();
    await s.pane.getByTestId('settings-saved').waitFor();
    await idle(s);

    const stored = JSON.parse(await s.harness((h) => String(h.sim.state.settings.get('PlanAssure.settings'))));
    expect(stored).toMatchObject({
      reportingPeriod: 'Q1 2025/26',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      ragTolerance: 0.075,
      ruleSeverities: { overdue: 'off' },
      ragLegend: { Blue: 'Done and evidenced' },
    });

    // The findings now follow the settings, exactly as the engine does with them.
    const model = await simModel(s);
    const { findings } = engineCheck(model, today, { ruleSeverities: { overdue: 'off' }, reportingPeriod: 'Q1 2025/26', protectiveMarking: 'OFFICIAL-SENSITIVE', ragTolerance: 0.075 });
    expect(findings.some((f) => f.rule === 'overdue')).toBe(false);
    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('findings').waitFor();
    expect(severityCounts(await shownFindings(s))).toEqual(severityCounts(findings));

    // Reopen the pane (the workbook stays open): the settings are read back from the workbook.
    await s.page.locator('#reload-pane').click();
    await paneReady(s);
    await s.pane.getByRole('tab', { name: 'Settings' }).click();
    await expect(s.pane.getByLabel('Reporting period').inputValue()).resolves.toBe('Q1 2025/26');
    await expect(s.pane.locator('select[data-rule="overdue"]').inputValue()).resolves.toBe('off');

    const banner = await runAction(s, 'boardPack');
    expect(banner).toContain('the board pack for Q1 2025/26');
    const details = await s.harness((h) => h.sim.details());
    const summary = details.find((d) => d.name === 'Board Summary');
    expect(JSON.stringify(summary?.page?.footer)).toContain('OFFICIAL-SENSITIVE');
    const written = (await simModel(s)).sheets.find((x) => x.name === 'Board Summary');
    expect(JSON.stringify(written?.cells)).toContain('Done and evidenced');
  });

  it('follows Office\'s dark theme', async () => {
    const s = await harness.session(SEEDS.sefton, { theme: 'dark' });
    const provider = s.pane.locator('.fui-FluentProvider').first();
    await expect(provider.getAttribute('data-theme')).resolves.toBe('dark');
    const background = await s.pane.locator('main').evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(80);
    expect(seriousOrCritical(await axe(s.paneFrame()))).toEqual([]);
  });

  it('an Excel too old for PlanAssure gets a plain-English message, and nothing is written', async () => {
    const s = await openPage(harness.server(), harness.browser(), `${harness.server().url}/harness.html?seed=${SEEDS.sefton}&excelApi=1.1`);
    try {
      await s.pane.getByTestId('banner').waitFor({ timeout: 60_000 });
      const text = await s.pane.getByTestId('banner').innerText();
      expect(text).toContain('This version of Excel is too old');
      expect(text).toMatch(/Update Excel/);
      expect(text).toContain('nothing was changed');
      expect(requestsOffMachine(s)).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('outside Excel (the page as built, Office.js answered with an empty script) it says where to open it', async () => {
    const s = await openPage(harness.server(), harness.browser(), `${harness.server().url}/raw/taskpane.html`);
    try {
      const page = s.page;
      await page.getByText('Open PlanAssure from Excel').waitFor();
      await expect(page.locator('[data-action]').count()).resolves.toBe(0);
      await expect(page.getByRole('button').count()).resolves.toBe(0);
      expect(s.officeJsRequests).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      expect(requestsOffMachine(s)).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('the ribbon\'s Check plan reads and checks without the pane, writes nothing, and shows a short summary', async () => {
    const s = await harness.session(SEEDS.sefton);
    const today = localToday();
    await eventually(() => s.harness((h) => typeof h.commands.checkPlan), 'function');
    const before = JSON.stringify(await simModel(s));
    const settingsBefore = await s.harness((h) => JSON.stringify([...h.sim.state.settings]));
    const pressed = s.harness((h) => h.pressCheckPlan());
    const dialog = s.page.frameLocator('#dialog-frame');
    await dialog.getByRole('heading', { level: 1 }).waitFor();

    const url = await s.harness((h) => h.dialogs[0].url);
    const summary = JSON.parse(new URL(url).searchParams.get('s')!);
    const { result, findings } = engineCheck(await seedModel(SEEDS.sefton), today);
    const counts = severityCounts(findings);
    expect(summary).toMatchObject({ actions: result.actions.length, kpis: result.kpis.length, errors: counts.error, warnings: counts.warning, notes: counts.info, problem: null });
    const text = await dialog.locator('main').innerText();
    expect(text).toContain(`${result.actions.length} actions`);
    expect(text).toContain('Nothing in the workbook was changed');
    const dialogFrame = s.page.frames().find((f) => /check-result\.html/.test(f.url()))!;
    expect(seriousOrCritical(await axe(dialogFrame))).toEqual([]);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await pressed;
    await expect(s.harness((h) => h.completed)).resolves.toBe(1);
    await expect(s.page.locator('#dialog').isHidden()).resolves.toBe(true);
    expect(JSON.stringify(await simModel(s))).toBe(before);
    await expect(s.harness((h) => JSON.stringify([...h.sim.state.settings]))).resolves.toBe(settingsBefore);
    await idle(s);
  });
});
