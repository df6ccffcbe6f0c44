/**
 * The Office.js adapter's own promises, on the simulator: bounded reads, dates, requirement sets and the officer's
 * messages, the officer's sheet names, and the apply path that does not know the sheet names.
 */
import { emptySheet, text, WorkbookPlan } from '../src/engine/sheet-plan/types';
import { applyWorkbookPlan, estimatePayloadBytes, OPERATION_OVERHEAD_BYTES } from '../src/excel/apply-plan';
import { isoToSerial, serialToIso } from '../src/engine/excel-dates';
import { readWorkbookModel, SHEET_WALK } from '../src/excel/read-workbook';
import { ExcelTooOldError, FEATURES } from '../src/excel/requirements';
import { charactersToPoints, pointsToCharacters } from '../src/excel/units';
import { ExcelSimulator, PAYLOAD_LIMIT_BYTES } from '../src/excel-simulator';
import { structureOnSimulator } from './helpers/excel-contract';
import { sheet, workbook } from './helpers/model';

const ctx = (c: unknown) => c as Excel.RequestContext;
const smallPlan = () =>
  workbook(
    sheet('Action Plan', [['Improvement plan 2025/26'], ['Ref', 'Action', 'Lead', 'Timescale', 'Status', 'RAG'], ['1.1', 'Review the safeguarding arrangements', 'Head of Service', { date: '2026-03-31' }, 'On track', 'Green']]),
  );

describe('reading', () => {
  test('dates come back as ISO dates (1900 date system), other numbers as numbers', async () => {
    expect(isoToSerial('2025-04-01')).toBe(45748);
    expect(serialToIso(45748)).toBe('2025-04-01');
    expect(serialToIso(isoToSerial('1900-01-01'))).toBe('1900-01-01');
    expect(serialToIso(isoToSerial('1900-03-01'))).toBe('1900-03-01');
    const sim = new ExcelSimulator({ model: smallPlan() });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(model.sheets[0].cells.find((c) => c.row === 3 && c.col === 4)?.value).toEqual({ type: 'date', value: '2026-03-31' });
  });

  test.each([
    ['small limits', { maxRows: 1000, maxColumns: 50 }],
    ['the default limits', {}],
  ])('a stray value at XFD1048576 is never loaded (%s): the read is bounded and the officer is told', async (_label, limits) => {
    const sim = new ExcelSimulator({ model: workbook(sheet('Action Plan', [['Ref', 'Action'], ['1', 'x']], { extra: [{ address: 'XFD1048576', value: 'stray' }] })) });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements, ...limits }));
    expect(model.sheets[0].cells.map((c) => c.value.value)).toEqual(['Ref', 'Action', '1', 'x']);
    expect(model.warnings).toEqual([expect.stringMatching(/^"Action Plan" has values beyond row [\d,]+ or column [A-Z]+ .*XFD1048576.*read only the first/)]);
    // No accepted response is bigger than Excel on the web allows; with the default limits the window (A1 to the
    // limits' corner, 20 million cells) is refused and the read pages over where the values really are.
    expect(Math.max(...sim.stats.requests.filter((r) => !r.rejected).map((r) => r.responseBytes))).toBeLessThan(5_000_000);
  });

  test('reads in ONE sync without knowing the sheet names (it walks the tabs), the same model as with the names known', async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    const warm = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements, knownSheets: ['Action Plan'] }));
    const cold = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect([warm.syncs, cold.syncs]).toEqual([1, 1]);
    expect(warm.sheets).toEqual(cold.sheets);
    // The walk's request: SHEET_WALK links, each with one merged-area look-up, and the adapter's estimate on the safe side.
    expect(sim.stats.requests[1].payloadBytes).toBeLessThan(50_000);
    expect(cold.requestBytes[0]).toBeGreaterThanOrEqual(sim.stats.requests[1].payloadBytes);
  });

  test('an Excel without getFirst / getNextOrNullObject (ExcelApi 1.4) reads the names first: two syncs, same model', async () => {
    const sim = new ExcelSimulator({ model: smallPlan(), excelApi: '1.4' });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(model.syncs).toBe(2);
    expect(model.notices).not.toContainEqual(expect.objectContaining({ feature: 'walkSheets' }));
    expect(model.sheets[0].cells.find((c) => c.row === 3 && c.col === 2)?.value).toEqual({ type: 'text', value: 'Review the safeguarding arrangements' });
  });

  test('every sheet in tab order, hidden ones too, with visibility, merges and bold, in one sync', async () => {
    const sim = new ExcelSimulator({
      model: workbook(
        sheet('Cover', [[{ v: 'Improvement plan', bold: true }]], { merges: ['A1:D1'] }),
        { ...sheet('Lists', [['Red'], ['Amber']]), visibility: 'hidden' },
        { ...sheet('Secret', [['x']]), visibility: 'veryHidden' },
        sheet('Action Plan', [['Ref', 'Action'], ['1.1', 'Do it']]),
      ),
    });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(model.syncs).toBe(1);
    expect(model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Cover', 'visible'],
      ['Lists', 'hidden'],
      ['Secret', 'veryHidden'],
      ['Action Plan', 'visible'],
    ]);
    expect(model.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(model.sheets[0].cells[0]).toMatchObject({ value: { type: 'text', value: 'Improvement plan' }, bold: true });
    expect(model.sheets).toEqual(sim.model().sheets.map((s) => ({ ...s, cells: s.cells.map(({ numFmt: _f, ...c }) => c) })));
  });

  test.each([
    [SHEET_WALK, 1],
    [SHEET_WALK + 1, 2],
    [2 * SHEET_WALK + 6, 3],
  ])('a workbook of %i sheets reads in %i sync(s): one more per SHEET_WALK sheets past the first SHEET_WALK', async (count, syncs) => {
    const sim = new ExcelSimulator({ model: workbook(...Array.from({ length: count }, (_, i) => sheet(`S${i + 1}`, [[`cell ${i + 1}`]]))) });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(model.syncs).toBe(syncs);
    expect(model.sheets.map((s) => s.name)).toEqual(Array.from({ length: count }, (_, i) => `S${i + 1}`));
    expect(model.sheets.map((s) => s.cells[0].value.value)).toEqual(Array.from({ length: count }, (_, i) => `cell ${i + 1}`));
    expect(sim.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test('bigger read limits walk fewer sheets per request, so that no request passes 5 MB', async () => {
    const sim = new ExcelSimulator({ model: workbook(sheet('A', [['a']]), sheet('B', [['b']])) });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements, maxRows: 1_000_000 }));
    expect(model.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(model.syncs).toBe(1);
    expect(Math.max(...model.requestBytes)).toBeLessThanOrEqual(4_500_000);
    expect(sim.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test.each([
    [512, 1],
    [600, 2],
  ])('merged areas: one look-up over the area read; past 512 areas (%i), Excel refuses it and the read retries in bands (%i syncs)', async (count, syncs) => {
    const rows = Array.from({ length: 2 * count }, (_, i) => (i % 2 === 0 ? [`Section ${i / 2 + 1}`] : ['1.1', 'Action']));
    const merges = Array.from({ length: count }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const sim = new ExcelSimulator({ model: workbook(sheet('Plan', rows, { merges })) });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements }));
    expect(model.syncs).toBe(syncs);
    expect(sim.stats.requests.map((r) => r.rejected)).toEqual(syncs === 1 ? [undefined] : ['GeneralException', undefined]);
    expect(model.sheets[0].merges).toHaveLength(count);
  });

  test('a stale list of sheet names costs a sync, never a wrong model', async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    const model = await sim.run((c) => readWorkbookModel(ctx(c), { requirements: sim.requirements, knownSheets: ['Renamed since'] }));
    expect(model.sheets.map((s) => s.name)).toEqual(['Action Plan']);
    expect(model.syncs).toBe(3);
  });
});

describe('requirement sets', () => {
  test('an Excel too old to read stops with a plain-English message and changes nothing', async () => {
    const sim = new ExcelSimulator({ model: smallPlan(), excelApi: '1.1' });
    await expect(structureOnSimulator(sim, '2025-04-01')).rejects.toThrow(ExcelTooOldError);
    await expect(structureOnSimulator(sim, '2025-04-01')).rejects.toThrow(/too old for PlanAssure to read the workbook: nothing was changed/);
    expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan']);
  });

  test('an Excel without print settings, dropdowns or freeze panes writes the sheets and says what it skipped', async () => {
    const sim = new ExcelSimulator({ model: smallPlan(), excelApi: '1.6' });
    const out = await structureOnSimulator(sim, '2025-04-01');
    expect(out.warnings).toEqual(
      expect.arrayContaining([FEATURES.pageLayout.message, FEATURES.dataValidation.message, FEATURES.freezePanes.message, FEATURES.bold.message, FEATURES.mergedAreas.message]),
    );
    expect(FEATURES.pageLayout.message).toBe(
      'Your version of Excel is too old for print settings: PlanAssure wrote the sheets but could not set them to print on A4 landscape. Update Excel (File > Account > Update Options), or use Excel on the web, or set Page Layout by hand.',
    );
    const plan = sim.details().find((d) => d.name === 'Plan')!;
    expect([plan.page, plan.freeze, plan.validations]).toEqual([null, null, []]);
    expect(plan.tables).toHaveLength(1);
    expect(sim.model().sheets.find((s) => s.name === 'Plan')!.cells.length).toBeGreaterThan(17);
  });
});

describe('applying', () => {
  const plan = (...names: string[]): WorkbookPlan => ({
    sheets: names.map((name) => {
      const s = emptySheet(name);
      s.rows = [[text('Ref'), text('Action')], [text('1'), text('=see minutes')]];
      s.columns = [{ width: 9 }, { width: 50 }];
      return s;
    }),
  });

  test("a plan sheet named like one of the officer's sheets stops with an error naming it, before anything is written", async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    await expect(sim.run((c) => applyWorkbookPlan(ctx(c), plan('Action Plan'), [], { requirements: sim.requirements, existingSheets: ['Action Plan'] }))).rejects.toThrow(
      'Sheet "Action Plan" belongs to the officer and will not be overwritten.',
    );
    expect(sim.stats.syncs).toBe(0);
  });

  test('without the sheet names: two syncs, new sheets filled under temporary names then swapped in', async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    const report = await sim.run((c) => applyWorkbookPlan(ctx(c), plan('Plan'), [], { requirements: sim.requirements }));
    expect(report.syncs).toBe(2);
    expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan', 'Plan']);
    expect(sim.model().sheets[1].cells.map((c) => [c.value.value, c.formula])).toEqual([
      ['Ref', undefined],
      ['Action', undefined],
      ['1', undefined],
      ['=see minutes', undefined],
    ]);
    expect(sim.details()[1].columnWidths).toEqual({ 1: 9, 2: 50 });
  });

  test("without the sheet names, a clash with an officer's sheet still stops, and the temporary sheets are removed", async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    await expect(sim.run((c) => applyWorkbookPlan(ctx(c), plan('action plan'), [], { requirements: sim.requirements }))).rejects.toThrow(/Sheet "action plan" belongs to the officer/);
    expect(sim.model().sheets.map((s) => s.name)).toEqual(['Action Plan']);
  });

  test('a plan with holes in its rows writes every row it has: a missing row is an empty row', async () => {
    const holey = plan('Plan');
    const rows: WorkbookPlan['sheets'][number]['rows'] = [];
    rows[0] = [text('Ref'), text('Action')];
    rows[3] = [text('2'), text('Row four, after two missing rows')];
    holey.sheets[0].rows = rows;
    const sim = new ExcelSimulator({ model: smallPlan() });
    await sim.run((c) => applyWorkbookPlan(ctx(c), holey, [], { requirements: sim.requirements, existingSheets: ['Action Plan'] }));
    expect(sim.model().sheets[1].cells.map((c) => [c.row, c.col, c.value.value])).toEqual([
      [1, 1, 'Ref'],
      [1, 2, 'Action'],
      [4, 1, '2'],
      [4, 2, 'Row four, after two missing rows'],
    ]);
  });

  test('the payload estimator is the JSON length of the arguments plus a fixed overhead', () => {
    expect(estimatePayloadBytes([['a', 1]])).toBe(JSON.stringify([[['a', 1]]]).length + OPERATION_OVERHEAD_BYTES);
    expect(estimatePayloadBytes('é')).toBe(JSON.stringify(['é']).length + 1 + OPERATION_OVERHEAD_BYTES);
  });

  test('column widths: characters × 7 px + 5 px padding, × 0.75 pt per px', () => {
    expect(charactersToPoints(8.43)).toBeCloseTo(48, 0);
    expect(charactersToPoints(50)).toBe(266.25);
    expect(pointsToCharacters(charactersToPoints(24))).toBeCloseTo(24, 10);
  });
});

describe('print setup Excel may ignore (office-js#1860): fit to one page wide, read back', () => {
  test('where Excel keeps fit-to-width, the read-back agrees and nothing more is sent', async () => {
    const sim = new ExcelSimulator({ model: smallPlan() });
    const out = await structureOnSimulator(sim, '2025-04-01');
    expect(sim.details().find((d) => d.name === 'Plan')!.page?.fitToWidth).toBe(1);
    expect(sim.state.sheets.find((s) => s.name === 'Plan')!.page.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    // The simulator flags each fit-to-pages call as one real Excel may ignore.
    expect(sim.stats.flagged.map((f) => f.api)).toContain('PageLayout.zoom (fit to pages)');
    expect(out.warnings.join('\n')).not.toMatch(/fit all columns/);
  });

  test('where Excel ignores it, the sheet gets the print scale that fits its columns on one A4 page wide, and the officer is told', async () => {
    const kept = new ExcelSimulator({ model: smallPlan() });
    await structureOnSimulator(kept, '2025-04-01');
    const sim = new ExcelSimulator({ model: smallPlan(), fitToPages: 'ignored' });
    const out = await structureOnSimulator(sim, '2025-04-01');
    // One request more, for the scale: only where the fit was not kept.
    expect(sim.stats.syncs).toBe(kept.stats.syncs + 1);
    const zoom = sim.state.sheets.find((s) => s.name === 'Plan')!.page.zoom!;
    expect(zoom.horizontalFitToPages).toBeUndefined();
    // The scale fits the Plan sheet's columns, as Excel measures them, into A4 landscape's printable width.
    const widths = [...sim.state.sheets.find((s) => s.name === 'Plan')!.columnWidths.values()].reduce((a, b) => a + b, 0);
    expect(zoom.scale).toBeGreaterThanOrEqual(10);
    expect(zoom.scale).toBeLessThanOrEqual(100);
    expect((widths * zoom.scale!) / 100).toBeLessThanOrEqual(741.1);
    expect(out.warnings).toContainEqual(expect.stringMatching(/^Excel did not keep "fit all columns on one page wide" for "Plan", so PlanAssure set its print scale to \d+%/));
  });
});
