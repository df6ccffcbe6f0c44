/**
 * Accessibility, in Chromium: axe-core on every view of the pane, in the light and dark themes, and on the pages
 * that ship with it, with no exclusions and every rule axe runs by default, at every impact. Fluent UI's Tabster
 * focus guards trip aria-hidden-focus by design (README, Accessibility): those nodes, and only those, are set aside,
 * and a test shows that anything else hidden but focusable is still reported.
 */
import { axeRun, describeBrowser, harnessSessions, idle, openPage, runAction, SEEDS, Session } from './helpers';

describeBrowser('accessibility: axe-core with no exclusions', () => {
  const harness = harnessSessions();

  /** axe on the pane as it is now: no violations; returns the focus guards it set aside. */
  async function clean(s: Session, view: string): Promise<string[]> {
    const run = await axeRun(s.paneFrame());
    expect({ view, violations: run.violations }).toEqual({ view, violations: [] });
    return run.focusGuards;
  }

  it.each(['light', 'dark'])('every view of the pane (%s theme): no violations; only Tabster focus guards trip aria-hidden-focus', async (theme) => {
    const s = await harness.session(SEEDS.example, { theme });
    const guards: string[] = [];
    guards.push(...(await clean(s, 'home, with Start here')));

    await runAction(s, 'check');
    guards.push(...(await clean(s, 'home, after Check plan')));

    await s.pane.getByRole('tab', { name: /^Findings/ }).click();
    await s.pane.getByTestId('findings').waitFor();
    guards.push(...(await clean(s, 'findings')));
    await s.pane.getByTestId('finding').first().getByRole('button').first().click();
    await idle(s);
    guards.push(...(await clean(s, 'findings, one open')));

    await s.pane.getByRole('tab', { name: 'Settings' }).click();
    await s.pane.getByTestId('settings').waitFor();
    guards.push(...(await clean(s, 'settings')));

    await s.pane.getByRole('tab', { name: /^Home/ }).click();
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor();
    guards.push(...(await clean(s, 'column review')));
    await s.pane.getByRole('button', { name: 'Cancel', exact: true }).click();
    await idle(s);

    // The guards were there (the tab list has them) and each one set aside is an empty Tabster dummy element.
    expect(guards.length).toBeGreaterThan(0);
    for (const html of guards) expect(html).toMatch(/^<i [^>]*data-tabster-dummy=""[^>]*><\/i>$/);
  });

  it('anything else that is hidden from screen readers but focusable is still reported', async () => {
    const s = await harness.session(SEEDS.sefton);
    await s.paneFrame().evaluate(() => {
      const region = document.createElement('div');
      region.setAttribute('aria-hidden', 'true');
      region.innerHTML = '<button type="button">Hidden but focusable</button>';
      const lookalike = document.createElement('i');
      lookalike.setAttribute('tabindex', '0');
      lookalike.setAttribute('aria-hidden', 'true');
      document.querySelector('main')!.append(region, lookalike);
    });
    const run = await axeRun(s.paneFrame());
    const hiddenFocus = run.violations.find((v) => v.id === 'aria-hidden-focus');
    expect(hiddenFocus?.nodes).toBe(2);
    expect(run.focusGuards.every((html) => html.includes('data-tabster-dummy'))).toBe(true);
  });

  it('the help and support pages, and the pane outside Excel: no violations, no focus guards to set aside', async () => {
    for (const page of ['help.html', 'support.html', 'raw/taskpane.html']) {
      const s = await openPage(harness.server(), harness.browser(), `${harness.server().url}/${page}`);
      try {
        if (page.startsWith('raw/')) await s.page.getByText('Open PlanAssure from Excel').waitFor();
        const run = await axeRun(s.page.mainFrame());
        expect({ page, ...run }).toEqual({ page, violations: [], focusGuards: [] });
      } finally {
        await s.close();
      }
    }
  });
});
