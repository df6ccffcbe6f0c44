/**
 * Scorecard column overrides: the officer maps the columns of a KPI sheet the tool cannot read on its own (or reads
 * wrongly), as for plan tables, and the mapping wins.
 */
import { readKpiWorkbook } from '../src/engine/kpi';
import { settingsAt, xlsxModel } from './helpers/kpi-xlsx';

const SHEETS = {
  // Headers in a council's own shorthand: nothing here says which column is what.
  Tracker: [
    ['Item', 'What we measure', 'Wk 12', 'Wk 13', 'Aspiration'],
    ['T1', 'Care packages started on the agreed date', 88, 91, 95],
    ['T2', 'Hospital discharges delayed over 7 days', 14, 11, 10],
  ],
};

test('unmapped, the sheet is not read as KPIs', async () => {
  const model = await xlsxModel(SHEETS);
  expect(readKpiWorkbook(model.sheets, settingsAt('Q2 2025/26'), new Set()).reading.definitions).toEqual([]);
});

test('mapped by the officer, every KPI is read with its target, and an ignored column stays ignored', async () => {
  const model = await xlsxModel(SHEETS);
  // The weeks are not periods we can place, so the officer maps the latest week's column as the value in a register
  // plus target; the older week is ignored.
  const read = readKpiWorkbook(model.sheets, settingsAt('Q2 2025/26'), new Set(), {
    columnOverrides: { Tracker: { 1: 'id', 2: 'name', 3: null, 4: null, 5: 'target' } },
  });
  const defs = read.reading.definitions.map((d) => d.definition);
  expect(defs.map((d) => [d.id, d.name, d.target])).toEqual([
    ['T1', 'Care packages started on the agreed date', 95],
    ['T2', 'Hospital discharges delayed over 7 days', 10],
  ]);
  expect(read.reading.layouts[0]).toMatchObject({ sheet: 'Tracker', kind: 'register', headerRow: 1 });
});

test('a column of figures mapped as a period column, under a header row the officer names', async () => {
  const model = await xlsxModel({
    Returns: [
      ['Quarterly return'],
      ['Code', 'Description', 'Q1 2025/26 return', 'Q2 2025/26 return'],
      ['R1', 'Carers assessed in the quarter', 120, 134],
    ],
  });
  const read = readKpiWorkbook(model.sheets, settingsAt('Q2 2025/26'), new Set(), {
    headerRowOverrides: { Returns: 2 },
    columnOverrides: { Returns: { 1: 'id', 2: 'name', 3: 'period-column', 4: 'period-column' } },
  });
  const k = read.computation.kpis[0];
  expect(k.definition.id).toBe('R1');
  expect(k.latest).toMatchObject({ period: 'Q2 2025/26', value: 134 });
  expect(k.previous).toMatchObject({ period: 'Q1 2025/26', value: 120 });
});
