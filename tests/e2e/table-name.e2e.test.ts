/**
 * Issue 17: the adapter checks its own table name against the officer's defined names (Excel refuses a table named
 * like a defined name, office-js#551, and so does the simulator). In Chromium, the real pane against the Excel
 * simulator: the officer's workbook already defines "PlanAssurePlan"; Structure plan still writes, names its table
 * the first free name, and says so in words.
 */
import { PLAN_TABLE_NAME } from '../../src/engine/sheet-plan/plan-sheet';
import { describeBrowser, harnessSessions, runAction, SEEDS, Session } from './helpers';

describeBrowser('a defined name the Plan table would have taken', () => {
  const { session } = harnessSessions();
  let s: Session;

  beforeAll(async () => {
    s = await session(SEEDS.sefton);
  });

  it('Structure plan writes the Plan table under a free name and tells the officer why', async () => {
    await s.harness((h) =>
      h.sim.run(async (context) => {
        const sheet = context.workbook.worksheets.getFirst();
        context.workbook.names.add('PlanAssurePlan', sheet.getRange('A1:A2'));
        await context.sync();
      }),
    );
    const banner = await runAction(s, 'structure');
    expect(banner).toContain('Structure plan: done');
    expect(banner).toContain(`Your workbook already has a name "${PLAN_TABLE_NAME}"`);
    expect(banner).toContain(`so PlanAssure called its table "${PLAN_TABLE_NAME}2"`);
    const tables = await s.harness((h) => h.sim.details().flatMap((d) => d.tables.map((t) => t.name)));
    expect(tables).toEqual([`${PLAN_TABLE_NAME}2`]);
    expect(s.pageErrors).toEqual([]);
  });
});
