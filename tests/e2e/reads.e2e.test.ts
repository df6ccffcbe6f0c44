/**
 * Issue 17, item 2: reads that cost what the workbook holds, in Chromium. The production pane opens on a small
 * seed plan (Sefton's, 427 cells on two sheets) in the harness, and the Excel simulator measures every request as
 * Office.js would serialise it (the JSON of its Actions and ObjectPaths).
 */
import { describeBrowser, harnessSessions, runAction, SEEDS, Session } from './helpers';

describeBrowser('the pane reads a small workbook lightly', () => {
  const { session } = harnessSessions();
  let s: Session;

  beforeAll(async () => {
    s = await session(SEEDS.sefton);
  });

  it('opening the pane sends no request over 50 KB, and none is refused', async () => {
    const cells = await s.harness((h) => h.model.sheets.reduce((n, sheet) => n + sheet.cells.length, 0));
    expect(cells).toBeLessThan(500);
    const requests = await s.harness((h) => h.sim.stats.requests.map((r) => ({ bytes: r.payloadBytes, rejected: r.rejected ?? null })));
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.rejected)).toEqual([]);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThanOrEqual(50_000);
  });

  it('"Check plan" reads the workbook in at most 2 syncs, each request at most 50 KB', async () => {
    await s.harness((h) => h.sim.resetStats());
    const banner = await runAction(s, 'check');
    expect(banner).not.toMatch(/went wrong/i);
    const stats = await s.harness((h) => ({ syncs: h.sim.stats.syncs, bytes: h.sim.stats.requests.map((r) => r.payloadBytes) }));
    expect(stats.syncs).toBeGreaterThan(0);
    expect(stats.syncs).toBeLessThanOrEqual(2);
    expect(Math.max(...stats.bytes)).toBeLessThanOrEqual(50_000);
    // The pane read the workbook when it opened: this read asks for those sheets by name, with no tabs walked ahead.
    expect(Math.max(...stats.bytes)).toBeLessThanOrEqual(10_000);
  });

  it('a sheet added since the last read is still read: a wrong guess costs a sync, never a wrong model', async () => {
    await s.harness(async (h) => {
      await h.sim.run(async (context) => {
        context.workbook.worksheets.add('Added since').getRange('A1').values = [['Added since the last read']];
        await context.sync();
      });
      h.sim.resetStats();
    });
    await runAction(s, 'check');
    const syncs = await s.harness((h) => h.sim.stats.syncs);
    expect(syncs).toBeLessThanOrEqual(3);
    // The read saw the new sheet: the next one asks for it by name, in one sync.
    await s.harness((h) => h.sim.resetStats());
    await runAction(s, 'check');
    expect(await s.harness((h) => h.sim.stats.syncs)).toBe(1);
  });
});
