/**
 * Issue 17, item 6, in Chromium: Excel may ignore "fit all columns on one page wide" unless the Page Layout tab is
 * open (office-js#1860). The harness plays such an Excel (fitToPages=ignored): the production pane writes the Plan
 * sheet, reads the setting back, falls back to a print scale that fits the columns on one A4 page wide, and says so.
 */
import { describeBrowser, harnessSessions, runAction, SEEDS } from './helpers';

describeBrowser('print setup Excel may ignore is read back', () => {
  const { session } = harnessSessions();

  it('where Excel ignores fit-to-width, the Plan sheet gets a print scale that fits one page wide, and the banner says so', async () => {
    const s = await session(SEEDS.sefton, { fitToPages: 'ignored' });
    const banner = await runAction(s, 'structure');
    expect(banner).toMatch(/Excel did not keep "fit all columns on one page wide" for "Plan", so PlanAssure set its print scale to \d+%/);
    const page = await s.harness((h) => {
      const plan = h.sim.state.sheets.find((sheet) => sheet.name === 'Plan' && !sheet.deleted)!;
      return { zoom: plan.page.zoom, widths: [...plan.columnWidths.values()].reduce((a, b) => a + b, 0), flagged: h.sim.stats.flagged.length };
    });
    expect(page.flagged).toBeGreaterThan(0);
    expect(page.zoom?.horizontalFitToPages).toBeUndefined();
    // A4 landscape less Normal margins is 741 points wide: the columns, scaled, fit in it.
    expect((page.widths * page.zoom!.scale!) / 100).toBeLessThanOrEqual(741.1);
  });

  it('where Excel keeps it, nothing more is sent and nothing is said', async () => {
    const s = await session(SEEDS.sefton);
    const banner = await runAction(s, 'structure');
    expect(banner).not.toMatch(/fit all columns/);
    const zoom = await s.harness((h) => h.sim.state.sheets.find((sheet) => sheet.name === 'Plan' && !sheet.deleted)!.page.zoom);
    expect(zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  });
});
