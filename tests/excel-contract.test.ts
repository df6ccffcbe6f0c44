/**
 * Contract tests: the Office.js adapter (src/excel, run on the Excel simulator) and the ExcelJS adapter (src/xlsx,
 * through a real file written and read back) must leave the same workbook after "structure", cell by cell, with
 * the same tables, dropdowns, conditional-format rule sets, freeze panes and print setup on the tool's sheets.
 */
import * as path from 'node:path';
import { SEED_DIR } from '../scripts/seed-data';
import { LISTS_SHEET_NAME, PLAN_SHEET_NAME } from '../src/engine/sheet-plan/plan-sheet';
import { ownedSheets } from '../src/engine/sheet-plan/structure-plan';
import { sheetDetails, sheetModel, ExcelSimulator } from '../src/excel-simulator';
import { loadSimulatorFromXlsx } from '../src/excel-simulator/node-loader';
import { cellLines, exceljsOutcome, Outcome, simulatorOutcome, structureOnSimulator } from './helpers/excel-contract';
import { sheet, workbook } from './helpers/model';

const SEEDS: [file: string, planStart: string][] = [
  ['dudley-cqc-action-plan-2009.xlsx', '2009-10-01'],
  ['sefton-peer-review-action-plan.xlsx', '2022-11-01'],
  ['north-tyneside-delivery-plan-2025-26.xlsx', '2025-04-01'],
  ['medway-cqc-improvement-action-plan.xlsx', '2025-04-01'],
  ['medway-asc-strategy-delivery-plan.xlsx', '2021-04-01'],
  ['example-canonical-plan.xlsx', '2025-04-01'],
];

describe.each(SEEDS)('%s', (file, planStart) => {
  const input = path.join(SEED_DIR, file);
  let viaExcel: Outcome & { sim: ExcelSimulator };
  let viaFile: Outcome;
  beforeAll(async () => {
    [viaExcel, viaFile] = await Promise.all([simulatorOutcome(input, planStart), exceljsOutcome(input, planStart)]);
  });

  test('both adapters leave the same sheets, in the same order, with the same visibility', () => {
    expect(viaExcel.details.map((s) => [s.name, s.visibility])).toEqual(viaFile.details.map((s) => [s.name, s.visibility]));
    expect(viaExcel.details.map((s) => s.name)).toEqual(expect.arrayContaining([PLAN_SHEET_NAME, LISTS_SHEET_NAME]));
  });

  test('every sheet agrees cell by cell: values, formulas, date and number formats, bold', () => {
    for (const s of viaFile.model.sheets) expect(cellLines(viaExcel.model, s.name)).toEqual(cellLines(viaFile.model, s.name));
  });

  test('merged areas agree on every sheet', () => {
    for (const s of viaFile.details) expect(viaExcel.details.find((d) => d.name === s.name)?.merges).toEqual(s.merges);
  });

  test("the tool's sheets agree: column widths, table, dropdowns, conditional formats, freeze panes, print setup", () => {
    const tools = ownedSheets(viaExcel.model);
    expect(new Set(ownedSheets(viaFile.model))).toEqual(new Set(tools));
    for (const name of tools) {
      const a = viaExcel.details.find((d) => d.name === name)!;
      const b = viaFile.details.find((d) => d.name === name)!;
      expect(a).toEqual(b);
    }
    const plan = viaExcel.details.find((d) => d.name === tools.find((t) => t !== LISTS_SHEET_NAME))!;
    expect(plan.tables).toHaveLength(1);
    expect(plan.validations.length).toBeGreaterThan(0);
    expect(plan.validations.every((v) => v.errorStyle === 'warning')).toBe(true);
  });

  test("the officer's own sheets are unchanged, cell for cell", async () => {
    const sim = await loadSimulatorFromXlsx(input);
    const officer = [...sim.state.sheets];
    const before = officer.map((s) => JSON.stringify([sheetModel(s), sheetDetails(sim.state, s)]));
    await structureOnSimulator(sim, planStart);
    const after = sim.state.sheets.filter((s) => !s.deleted && officer.some((o) => o.id === s.id)).map((s) => JSON.stringify([sheetModel(s), sheetDetails(sim.state, s)]));
    expect(after).toEqual(before);
  });

  test('a second run leaves the workbook exactly as the first did', async () => {
    const first = { model: viaExcel.sim.model(), details: viaExcel.sim.details() };
    await structureOnSimulator(viaExcel.sim, planStart);
    expect(viaExcel.sim.model()).toEqual(first.model);
    expect(viaExcel.sim.details()).toEqual(first.details);
  });
});

describe('text stays text', () => {
  const awkward = ['=see minutes', '+44 1384 812345', '-', '@home team', '1.10', 'TRUE', '2025-04-01', '12%'];
  const officerPlan = () =>
    workbook(
      sheet('Action Plan', [
        ['Improvement plan 2025/26'],
        ['Ref', 'Action', 'Lead', 'Timescale', 'Progress'],
        ...awkward.map((text, i) => [`${i + 1}.10`, `Action ${text}`, text, 'March 2026', text]),
      ]),
    );

  test('text starting with =, +, - or @ (or looking like a number, boolean or date) is written as text, never a formula', async () => {
    const sim = new ExcelSimulator({ model: officerPlan() });
    await structureOnSimulator(sim, '2025-04-01', '2025-06-01');
    const plan = sim.model().sheets.find((s) => s.name === PLAN_SHEET_NAME)!;
    const byHeader = (header: string) => {
      const col = plan.cells.find((c) => c.row === 1 && c.value.value === header)!.col;
      return plan.cells.filter((c) => c.col === col && c.row > 1);
    };
    expect(plan.cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(byHeader('Lead').map((c) => c.value)).toEqual(awkward.map((value) => ({ type: 'text', value })));
    expect(byHeader('Ref').map((c) => c.value)).toEqual(awkward.map((_, i) => ({ type: 'text', value: `${i + 1}.10` })));
  });

  test('the simulator would have typed them, had the adapter not protected them (the bug the test guards against)', async () => {
    const sim = new ExcelSimulator();
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:D1').values = [['=see minutes', '1.10', 'TRUE', '-']];
      await context.sync();
    });
    const cells = sim.model().sheets[0].cells;
    expect(cells.map((c) => [c.value, c.formula])).toEqual([
      [{ type: 'text', value: '' }, 'see minutes'],
      [{ type: 'number', value: 1.1 }, undefined],
      [{ type: 'boolean', value: true }, undefined],
      [{ type: 'text', value: '-' }, undefined],
    ]);
  });
});
