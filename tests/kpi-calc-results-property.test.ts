/**
 * The results stored beside the KPI formulas, for readers that do not calculate, over generated scorecards full of
 * cells apps read in different ways: ids with wildcard characters and accented letters in either case, numbers of
 * every size (1E+20, 1E-07, date serials past 9999), TRUE, errors and words in the period and figure columns. For
 * each, every formula of the KPI Register and the Calc sheet must carry a stored result, equal to what HyperFormula
 * calculates, and the register must agree with the engine.
 */
import fc from 'fast-check';
import { readKpiWorkbook } from '../src/engine/kpi';
import { CellModel, CellValue, WorkbookModel } from '../src/engine/workbook';
import { registerDisagreements, settingsAt } from './helpers/kpi-xlsx';

/**
 * Ids from letters that every app compares alike, blind to case, and the characters MATCH reads as wildcards. No
 * letter comes both with and without an accent: HyperFormula's MATCH ignores accents (its accentSensitive option
 * governs "=" only), where Excel's and LibreOffice's do not (kpi-id-match.test.ts checks "A1" against "Å1").
 */
const idText = fc.string({ unit: fc.constantFrom('Å', 'å', 'K', 'k', '1', '2', '-', '*', '?', '~', '!'), minLength: 1, maxLength: 5 });

const oddNumber = fc.oneof(
  fc.constantFrom(0, 1e20, -1e20, 1e-7, 0.00001, 1e15, 123456789012345, 1 / 3, 0.1 + 0.2, 2958465, 2958466, 3e6, 2024, 2024.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const error: fc.Arbitrary<CellValue> = fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#NUM!').map((value) => ({ type: 'error', value }));
const text = (t: fc.Arbitrary<string>): fc.Arbitrary<CellValue> => t.map((value) => ({ type: 'text', value }));
const number = oddNumber.map((value): CellValue => ({ type: 'number', value }));
const odd = fc.oneof(error, number, fc.constant<CellValue>({ type: 'boolean', value: true }), fc.constant<CellValue>({ type: 'date', value: '2025-09-15' }));

const periodCell = fc.oneof(
  { weight: 6, arbitrary: text(fc.constantFrom('Q1 2025/26', 'Q2 2025/26', 'Q4 2024/25', 'Sep-25', '2024/25', ' q2 2025/26 ', 'n/a')) },
  { weight: 2, arbitrary: odd },
);
const figureCell = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }).map((value): CellValue => ({ type: 'number', value })) }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: text(fc.constant('n/a')) });

const scorecard = fc
  .uniqueArray(idText, { minLength: 2, maxLength: 5, selector: (id) => id.toUpperCase() })
  .chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      rows: fc.array(
        fc.record({
          id: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...ids).chain((id) => fc.constantFrom(id, id.toLowerCase(), id.toUpperCase())).map((value): CellValue => ({ type: 'text', value })) },
            { weight: 1, arbitrary: text(idText) },
            { weight: 1, arbitrary: odd },
          ),
          period: periodCell,
          numerator: figureCell,
          denominator: figureCell,
        }),
        { minLength: 4, maxLength: 14 },
      ),
    }),
  );

const t = (value: string): CellValue => ({ type: 'text', value });
const row = (r: number, values: (CellValue | null)[]): CellModel[] => values.flatMap((value, i) => (value ? [{ row: r, col: i + 1, value }] : []));

function modelOf({ ids, rows }: { ids: string[]; rows: { id: CellValue; period: CellValue; numerator: CellValue; denominator: CellValue }[] }): WorkbookModel {
  const register = [
    row(1, [t('KPI ID'), t('Name'), t('Unit'), t('Good is'), t('Target')]),
    ...ids.map((id, i) => row(i + 2, [t(id), t(`Measure number ${i + 1} of the council`), t('percentage'), t('higher'), { type: 'number', value: 50 }])),
  ].flat();
  const data = [row(1, [t('KPI ID'), t('Period'), t('Numerator'), t('Denominator')]), ...rows.map((r, i) => row(i + 2, [r.id, r.period, r.numerator, r.denominator]))].flat();
  return {
    sheets: [
      { name: 'KPIs', cells: register, merges: [] },
      { name: 'KPI Data', cells: data, merges: [] },
    ],
  };
}

// Each scorecard's Calc sheet has 200 spare rows to calculate: half a second a scorecard in HyperFormula.
test('every KPI formula carries the result HyperFormula calculates, and the register agrees with the engine (30 generated scorecards)', () => {
  let read = 0;
  fc.assert(
    fc.property(scorecard, (card) => {
      const model = modelOf(card);
      const settings = settingsAt('Q2 2025/26');
      const reading = readKpiWorkbook(model.sheets, settings, new Set());
      if (reading.reading.blocks.length) read++;
      expect(registerDisagreements(model, reading, settings)).toEqual([]);
    }),
    { numRuns: 30, seed: 815 },
  );
  // Most scorecards are read as one (a test over unread ones would check nothing).
  expect(read).toBeGreaterThan(20);
});
