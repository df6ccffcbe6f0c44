/**
 * A table's name against the officer's defined names (issue 17): Excel refuses a table whose name is already a
 * defined name, with only a vague InvalidArgument (office-js#551), and the simulator refuses it too. The adapter
 * picks a free name and says so in words, in the same requests as before.
 */
import { PLAN_TABLE_NAME } from '../src/engine/sheet-plan/plan-sheet';
import { emptySheet, text, WorkbookPlan } from '../src/engine/sheet-plan/types';
import { applyWorkbookPlan } from '../src/excel/apply-plan';
import { readWorkbookModel } from '../src/excel/read-workbook';
import { ExcelSimulator } from '../src/excel-simulator';
import { sheet, workbook } from './helpers/model';

const ctx = (c: unknown) => c as Excel.RequestContext;

function planWithTable(): WorkbookPlan {
  const plan = emptySheet('Plan');
  plan.rows = [[text('Ref'), text('Action')], [text('1.1'), text('Review the safeguarding arrangements')]];
  plan.columns = [{ width: 9 }, { width: 40 }];
  plan.table = { name: PLAN_TABLE_NAME, range: 'A1:B2', style: 'TableStyleLight9' };
  return { sheets: [plan] };
}

/** A workbook whose officer already defined a name the tool would give its table. */
async function withDefinedName(name: string): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator({ model: workbook(sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Review']])) });
  await sim.run(async (c) => {
    ctx(c).workbook.names.add(name, ctx(c).workbook.worksheets.getItem('Action Plan').getRange('A1:A2'));
    await ctx(c).sync();
  });
  sim.resetStats();
  return sim;
}

const tablesOf = (sim: ExcelSimulator) => sim.details().flatMap((d) => d.tables.map((t) => t.name));

describe('a table name the officer already uses as a defined name', () => {
  test('the simulator refuses it, as Excel does: the adapter cannot just set the planned name', async () => {
    const sim = await withDefinedName(PLAN_TABLE_NAME);
    await expect(
      sim.run(async (c) => {
        const ws = ctx(c).workbook.worksheets.getItem('Action Plan');
        ws.tables.add(ws.getRange('A1:B2'), true).name = PLAN_TABLE_NAME;
        await ctx(c).sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('names known from the read: the table gets the first free name, in one write request, and the officer is told', async () => {
    const sim = await withDefinedName(PLAN_TABLE_NAME.toLowerCase());
    const read = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(read.definedNames).toEqual([PLAN_TABLE_NAME.toLowerCase()]);
    expect(read.syncs).toBe(1);
    const report = await sim.run((c) =>
      applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: sim.requirements, existingSheets: read.sheets.map((s) => s.name), definedNames: read.definedNames, existingTables: read.tables }),
    );
    expect(report.syncs).toBe(1);
    expect(tablesOf(sim)).toEqual([`${PLAN_TABLE_NAME}2`]);
    expect(report.notices.map((n) => n.message)).toEqual([
      `Your workbook already has a name "${PLAN_TABLE_NAME}" (Formulas > Name Manager), which Excel will not let a table share, so PlanAssure called its table "${PLAN_TABLE_NAME}2".`,
    ]);
  });

  test('names not passed: the first request loads them and the table waits for the next', async () => {
    const sim = await withDefinedName(PLAN_TABLE_NAME);
    const report = await sim.run((c) => applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: sim.requirements, existingSheets: ['Action Plan'] }));
    expect(report.syncs).toBe(2);
    expect(tablesOf(sim)).toEqual([`${PLAN_TABLE_NAME}2`]);
    // Sheet names not known either: still two requests (the tables wait for the renamed sheets anyway).
    const cold = await withDefinedName(PLAN_TABLE_NAME);
    expect((await cold.run((c) => applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: cold.requirements }))).syncs).toBe(2);
    expect(tablesOf(cold)).toEqual([`${PLAN_TABLE_NAME}2`]);
  });

  test('with no such name, the table keeps its planned name and nothing is said', async () => {
    const sim = await withDefinedName('SomethingElse');
    const report = await sim.run((c) => applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: sim.requirements, existingSheets: ['Action Plan'], definedNames: ['SomethingElse'], existingTables: [] }));
    expect(tablesOf(sim)).toEqual([PLAN_TABLE_NAME]);
    expect(report.notices).toEqual([]);
  });
});

/** A workbook whose officer keeps a table of their own, on their own sheet, under the name the tool would use. */
async function withOfficersTable(name: string): Promise<ExcelSimulator> {
  const sim = new ExcelSimulator({ model: workbook(sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Review']])) });
  await sim.run(async (c) => {
    const ws = ctx(c).workbook.worksheets.getItem('Action Plan');
    ws.tables.add(ws.getRange('A1:B2'), true).name = name;
    await ctx(c).sync();
  });
  sim.resetStats();
  return sim;
}

const tablesBySheet = (sim: ExcelSimulator) => Object.fromEntries(sim.details().map((d) => [d.name, d.tables.map((t) => t.name)]));
const officersTableNotice = `Your workbook already has a table called "${PLAN_TABLE_NAME}" on the sheet "Action Plan", and Excel will not let two tables share a name, so PlanAssure called its table "${PLAN_TABLE_NAME}2".`;

describe("a table name the officer already gives a table of their own", () => {
  test('the read loads the tables and their sheets in its one request', async () => {
    const sim = await withOfficersTable(PLAN_TABLE_NAME);
    const read = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(read.syncs).toBe(1);
    expect(read.tables).toEqual([{ name: PLAN_TABLE_NAME, sheet: 'Action Plan' }]);
  });

  test('names known from the read: the table gets the next free name, in one write request, the officer is told, and their table is untouched', async () => {
    const sim = await withOfficersTable(PLAN_TABLE_NAME);
    const read = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    const report = await sim.run((c) =>
      applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: sim.requirements, existingSheets: read.sheets.map((s) => s.name), definedNames: read.definedNames, existingTables: read.tables }),
    );
    expect(report.syncs).toBe(1);
    expect(tablesBySheet(sim)).toEqual({ 'Action Plan': [PLAN_TABLE_NAME], Plan: [`${PLAN_TABLE_NAME}2`] });
    expect(sim.details().find((d) => d.name === 'Action Plan')!.tables[0]).toMatchObject({ name: PLAN_TABLE_NAME, range: 'A1:B2' });
    expect(report.notices.map((n) => n.message)).toEqual([officersTableNotice]);
  });

  test('names not passed: the first request loads the tables with the defined names, and the table waits for the next', async () => {
    const sim = await withOfficersTable(PLAN_TABLE_NAME.toUpperCase());
    const report = await sim.run((c) => applyWorkbookPlan(ctx(c), planWithTable(), [], { requirements: sim.requirements, existingSheets: ['Action Plan'] }));
    expect(report.syncs).toBe(2);
    expect(tablesBySheet(sim)).toEqual({ 'Action Plan': [PLAN_TABLE_NAME.toUpperCase()], Plan: [`${PLAN_TABLE_NAME}2`] });
    expect(report.notices.map((n) => n.message)).toEqual([officersTableNotice]);
  });

  test("the tool's own table, on the sheet it replaces, does not count: a rerun keeps the planned name", async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('Action Plan', [['Ref'], ['1.1']]), sheet('Plan', [['Ref', 'Action'], ['1.1', 'Old']])) });
    await sim.run(async (c) => {
      const ws = ctx(c).workbook.worksheets.getItem('Plan');
      ws.tables.add(ws.getRange('A1:B2'), true).name = PLAN_TABLE_NAME;
      await ctx(c).sync();
    });
    const read = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    const report = await sim.run((c) =>
      applyWorkbookPlan(ctx(c), planWithTable(), ['Plan'], { requirements: sim.requirements, existingSheets: read.sheets.map((s) => s.name), definedNames: read.definedNames, existingTables: read.tables }),
    );
    expect(tablesBySheet(sim)).toEqual({ 'Action Plan': [], Plan: [PLAN_TABLE_NAME] });
    expect(report.notices).toEqual([]);
  });
});
