/**
 * A scorecard turned round (periods down the rows, KPIs across the columns) is read by what its cells hold, and
 * everything the reading keeps points at the cells as laid out: findings, live register formulas, source rows.
 * Written as real .xlsx files and read through the xlsx adapter.
 */
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

// Deliberately unlike the corpus: quarters written "Jul-Sep 2025", no label over the periods, the id row under the
// names, a "Goal" row the tool does not know, a suppressed figure and an unreadable one.
const TURNED = {
  'Trend': [
    ['Adult social care: quarterly trend'],
    [],
    [null, 'Carers assessed within 28 days of referral', 'Delayed discharges per 100,000 adults', 'Number of people supported by the hub'],
    ['Ref', 'CA2', 'DD1', 'HB7'],
    ['Target', 80, 12, null],
    ['Oct-Dec 2024', 71.5, 14.1, 410],
    ['Jan-Mar 2025', 73, 13.2, '*'],
    ['Apr-Jun 2025', 76.4, 12.4, 455],
    ['Jul-Sep 2025', 78.9, 12.9, 'see note'],
  ],
};

describe('a scorecard with periods down the rows and KPIs across', () => {
  test('every KPI is found, with its id, target, latest and previous figures', async () => {
    const { read } = await readScorecard(TURNED, 'Q2 2025/26');
    expect(read.computation.kpis.map((k) => k.definition.id).sort()).toEqual(['CA2', 'DD1', 'HB7']);
    const carers = kpi(read, 'CA2');
    expect(carers.definition.target).toBe(80);
    expect(carers.latest).toMatchObject({ period: 'Q2 2025/26', value: 78.9 });
    expect(carers.previous).toMatchObject({ period: 'Q1 2025/26', value: 76.4 });
    // Delays are lower-is-better by their words: a rise from 12.4 to 12.9 is worsening.
    expect(kpi(read, 'DD1').definition.polarity).toBe('lower');
    expect(kpi(read, 'DD1').direction).toBe('worsening');
  });

  test('findings name the cells as laid out: the unreadable figure, the suppressed one, and the KPI whose polarity is unknown', async () => {
    const { read } = await readScorecard(TURNED, 'Q2 2025/26');
    const at = (rule: RegExp) => read.findings.filter((f) => rule.test(f.rule)).map((f) => `${f.sheet}!${f.cell}`);
    // "see note" in D9 (HB7, Jul-Sep 2025) cannot be read as a figure.
    expect(read.findings.some((f) => f.cell === 'D9' && /see note/.test(f.message))).toBe(true);
    // Nothing says whether more people supported by the hub is better: asked at its name cell, D3.
    expect(at(/polarity/)).toContain('Trend!D3');
    const observations = read.reading.observations.filter((o) => o.observation.kpiId === 'HB7');
    const suppressed = observations.find((o) => o.observation.period === 'Q4 2024/25')!;
    expect(suppressed.observation.value).toBeNull();
    expect(suppressed.cells.value).toBe('D7');
    expect(suppressed.observation.source.row).toBe(7);
    expect(kpi(read, 'HB7').definition.source.row).toBe(3);
  });

  test("the register's live formulas read the figures from the cells as laid out", async () => {
    const { model, read, settings } = await readScorecard(TURNED, 'Q2 2025/26');
    expect(registerDisagreements(model, read, settings)).toEqual([]);
  });

  test('a sheet of dates with figures beside them but no KPI names over the figures is not read as a scorecard', async () => {
    const { read } = await readScorecard({
      'Version history': [
        ['Date', 'Version', 'Author'],
        ['Apr 2025', 1, 'JS'],
        ['Jun 2025', 1.1, 'JS'],
        ['Sep 2025', 2, 'AB'],
      ],
    });
    expect(read.reading.definitions).toEqual([]);
  });
});
