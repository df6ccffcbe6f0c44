/**
 * "Restore the previous version" through the Office.js adapter, on the Excel simulator (issue 17): the very hidden
 * copy is made from what the adapter reads, so a formula comes back as a formula (not its last result) and a cell's
 * number format comes back with it, while the officer's own sheets are never touched.
 */
import { LISTS_SHEET_NAME, OWNED_LIST_HEADER } from '../src/engine/sheet-plan/plan-sheet';
import { PREVIOUS_VERSION_SHEET_NAME, previousVersionSheet } from '../src/engine/sheet-plan/previous-version';
import { emptySheet, PlanValue, SheetPlan, text } from '../src/engine/sheet-plan/types';
import { applyWorkbookPlan } from '../src/excel/apply-plan';
import { readWorkbookModel } from '../src/excel/read-workbook';
import { ExcelSimulator } from '../src/excel-simulator';
import { buildRestore, WriteJob } from '../src/taskpane/engine-bridge';
import { sheet, workbook } from './helpers/model';

const ctx = (c: unknown) => c as Excel.RequestContext;

function listsSheet(owned: string[]): SheetPlan {
  const lists = emptySheet(LISTS_SHEET_NAME);
  lists.visibility = 'veryHidden';
  lists.rows = [OWNED_LIST_HEADER, ...owned].map((name) => [null, null, null, null, text(name)]);
  return lists;
}

/** The tool's Plan sheet as its first write left it: a total by formula, a percentage, a long date and a Text code. */
function firstPlan(): SheetPlan {
  const plan = emptySheet('Plan');
  const rows: PlanValue[][] = [
    [text('Measure'), text('Outturn'), text('Due')],
    [text('Reviews done'), { kind: 'number', value: 0.825 }, { kind: 'date', iso: '2026-03-31' }],
    [text('Reviews due'), { kind: 'number', value: 0.9 }, { kind: 'date', iso: '2026-06-30' }],
    [text('Total'), { kind: 'formula', formula: 'SUM(B2:B3)' }, text('01/04')],
  ];
  plan.rows = rows;
  plan.columns = [{ width: 20 }, { width: 12 }, { width: 14 }];
  plan.styles = [
    { range: 'B2:B4', numFmt: '0.0%' },
    { range: 'C2:C3', numFmt: 'd mmm yyyy' },
  ];
  return plan;
}

interface CellState {
  formula: unknown;
  format: unknown;
}

async function cellsOf(sim: ExcelSimulator, sheetName: string, address: string): Promise<CellState[]> {
  return sim.run(async (c) => {
    const range = ctx(c).workbook.worksheets.getItem(sheetName).getRange(address);
    range.load('formulas,numberFormat');
    await ctx(c).sync();
    return range.formulas.flatMap((row, r) => row.map((formula, col) => ({ formula, format: range.numberFormat[r][col] })));
  });
}

describe('Restore the previous version, through the Office.js adapter', () => {
  let sim: ExcelSimulator;
  let before: CellState[];

  beforeAll(async () => {
    sim = new ExcelSimulator({ model: workbook(sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Mine: never touched']])) });
    const owned = ['Plan', LISTS_SHEET_NAME];
    // The first write: the tool's Plan sheet and its lists.
    await sim.run((c) => applyWorkbookPlan(ctx(c), { sheets: [firstPlan(), listsSheet(owned)] }, [], { requirements: sim.requirements }));
    before = await cellsOf(sim, 'Plan', 'A1:C4');
    // The next write replaces Plan, keeping a copy made from what the adapter reads.
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    const next = emptySheet('Plan');
    next.rows = [[text('Replaced')]];
    const copy = previousVersionSheet(model, owned, '2026-12-04T16:00:00.000Z');
    await sim.run((c) => applyWorkbookPlan(ctx(c), { sheets: [next, listsSheet([...owned, PREVIOUS_VERSION_SHEET_NAME]), copy] }, owned, { requirements: sim.requirements }));
    // Restore, as the pane does it.
    const replaced = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    const job = buildRestore(replaced) as WriteJob;
    await sim.run((c) => applyWorkbookPlan(ctx(c), job.plan, job.owned, { requirements: sim.requirements, existingSheets: replaced.sheets.map((s) => s.name) }));
  });

  it('reads a formula cell with its formula beside its value, and Text words as words', async () => {
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    const plan = model.sheets.find((s) => s.name === 'Plan')!;
    expect(plan.cells.find((c) => c.row === 4 && c.col === 2)?.formula).toBe('SUM(B2:B3)');
    expect(plan.cells.find((c) => c.row === 4 && c.col === 3)).toMatchObject({ value: { type: 'text', value: '01/04' } });
    expect(plan.cells.find((c) => c.row === 4 && c.col === 3)?.formula).toBeUndefined();
  });

  it('gives a formula cell its formula back, not its last value', async () => {
    const [total] = await cellsOf(sim, 'Plan', 'B4');
    expect(total.formula).toBe('=SUM(B2:B3)');
  });

  it('gives every cell its number format back: percentages, long dates and Text', async () => {
    expect(before.map((c) => c.format)).toEqual(['@', '@', '@', '@', '0.0%', 'd mmm yyyy', '@', '0.0%', 'd mmm yyyy', '@', '0.0%', '@']);
    expect(await cellsOf(sim, 'Plan', 'A1:C4')).toEqual(before);
  });

  it('leaves the officer\'s sheet as it was, and no copy behind', async () => {
    const model = sim.model();
    expect(model.sheets.find((s) => s.name === 'Action Plan')?.cells.map((c) => c.value.value)).toEqual(['Ref', 'Action', '1.1', 'Mine: never touched']);
    expect(model.sheets.some((s) => s.name === PREVIOUS_VERSION_SHEET_NAME)).toBe(false);
  });
});
