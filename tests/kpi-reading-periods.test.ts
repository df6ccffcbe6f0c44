/**
 * Periods whatever the wording: headers and period cells with words around the year, quarter or month, relative
 * headers resolved against the reporting period, and provisional marks kept, in wide and long forms, through real
 * .xlsx files. The register's live formulas must still agree with the engine where the wider reading was needed.
 */
import { periodInWords, reportingPeriodKey } from '../src/engine/kpi';
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

describe('period texts with words around them', () => {
  const context = { fyStart: 2025, reportingKey: reportingPeriodKey('Q2 2025/26') };
  test.each([
    ['2024/25 final', '2024/25', false],
    ['Outturn 2023/24', '2023/24', false],
    ['2023-24 YTD', '2023/24', true],
    ['2024/25 (provisional)', '2024/25', true],
    ['Q3 estimate', 'Q3 2025/26', true],
    ['Q2 2025/26 (provisional)', 'Q2 2025/26', true],
    ['Sep-25', 'Sep 2025', false],
    ['Quarter 1 2025-26 actual', 'Q1 2025/26', false],
    ['2024/25 Q4', 'Q4 2024/25', false],
    ['FY23/24', '2023/24', false],
    ['Position at 31/08/2025', 'Aug 2025', false],
    ['2025-09-30', 'Sep 2025', false],
    ['Apr-Jun 2025', 'Q1 2025/26', false],
    ['Jan to Mar 26 (provisional)', 'Q4 2025/26', true],
    ['This period', 'Q2 2025/26', false],
    ['Last period', 'Q1 2025/26', false],
    ['Previous quarter', 'Q1 2025/26', false],
    ['Current', 'Q2 2025/26', false],
    ['Last year', '2024/25', false],
  ])('“%s” is %s (provisional: %s)', (text, label, provisional) => {
    const p = periodInWords(text, context);
    expect(p?.label).toBe(label);
    expect(p?.provisional).toBe(provisional);
  });

  test.each(['Target 2025/26', 'England average 2023/24', 'Rank 2024/25', 'Direction of travel', 'Indicator', 'Last updated'])('“%s” is not a period', (text) => {
    expect(periodInWords(text, context)).toBeNull();
  });

  test('relative headers need a reporting period: today is never read from the clock', () => {
    expect(periodInWords('This period', { fyStart: 2025, reportingKey: null })).toBeNull();
  });
});

describe('a wide annual outturn table with worded headers', () => {
  const sheets = {
    'Outturn table': [
      ['Adult social care outcomes: annual outturn'],
      [],
      ['Ref', 'Measure', 'Outturn 2022/23', '2023-24 final', '2024/25 (provisional)', 'Target'],
      ['LP01', 'Carers assessed or reviewed in the year', 1210, 1288, 1350, 1300],
      ['LP02', 'Average days waiting for an OT assessment', 41, 35, 38, 30],
    ],
  };

  test('latest and previous come from the last two years, and the provisional year is marked', async () => {
    const { read } = await readScorecard(sheets, '2024/25');
    const carers = kpi(read, 'LP01');
    expect(carers.latest).toMatchObject({ period: '2024/25', value: 1350 });
    expect(carers.previous).toMatchObject({ period: '2023/24', value: 1288 });
    const provisional = read.reading.observations.filter((o) => o.observation.kpiId === 'LP01' && o.observation.provisional).map((o) => o.observation.period);
    expect(provisional).toEqual(['2024/25']);
    const waits = kpi(read, 'LP02');
    expect(waits.definition.polarity).toBe('lower');
    expect(waits.direction).toBe('worsening');
  });
});

describe('a quarterly report headed relative to the reporting period', () => {
  const sheets = {
    'Quarterly report': [
      ['Indicator', 'Good is', 'Last period', 'This period', 'Target'],
      ['Reviews completed on time (%)', 'High', 71.5, 74.0, 80],
      ['Complaints upheld', 'Low', 12, 9, 10],
    ],
  };

  test('"This period" and "Last period" are the reporting quarter and the one before', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const reviews = read.computation.kpis.find((k) => k.definition.name.startsWith('Reviews'))!;
    expect(reviews.latest).toMatchObject({ period: 'Q2 2025/26', value: 74 });
    expect(reviews.previous).toMatchObject({ period: 'Q1 2025/26', value: 71.5 });
    expect(reviews.direction).toBe('improving');
  });

  test('reported a quarter later, the same headers move with the reporting period', async () => {
    const { read } = await readScorecard(sheets, 'Q3 2025/26');
    expect(read.computation.kpis[0].latest?.period).toBe('Q3 2025/26');
  });
});

describe('long form: periods written with words down the rows', () => {
  const sheets = {
    'Performance data': [
      ['Measure ref', 'Reporting period', 'Result', 'Comment'],
      ['AS-4', 'Quarter 4 2024/25 outturn', 62.1, null],
      ['AS-4', 'Q1 2025/26', 63.0, null],
      ['AS-4', 'Q2 2025/26 (provisional)', 65.4, 'Unvalidated'],
      ['AS-9', '2023-24 outturn', 540, null],
      ['AS-9', '2024-25 YTD', 510, null],
      ['AS-4', 'Oct-Dec 2024', 60.2, null],
    ],
    Measures: [
      ['Measure ref', 'Measure name', 'Polarity', 'Target'],
      ['AS-4', 'People receiving a review in the last 12 months (%)', 'Higher is better', 70],
      ['AS-9', 'Permanent admissions to care homes, 65+', 'Lower is better', 500],
    ],
  };

  test('every row is read, labelled canonically, and the provisional ones are marked', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const reviews = kpi(read, 'AS-4');
    expect(reviews.latest).toMatchObject({ period: 'Q2 2025/26', value: 65.4 });
    expect(reviews.previous).toMatchObject({ period: 'Q1 2025/26', value: 63 });
    expect(reviews.series.map((p) => p.period)).toEqual(['Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26']);
    const admissions = kpi(read, 'AS-9');
    expect(admissions.latest).toMatchObject({ period: '2024/25', value: 510 });
    const marked = read.reading.observations.filter((o) => o.observation.provisional).map((o) => `${o.observation.kpiId} ${o.observation.period}`);
    // A period the strict grammar reads keeps its text as written; one that needed the words is labelled canonically.
    expect(marked).toEqual(['AS-4 Q2 2025/26 (provisional)', 'AS-9 2024/25']);
    expect(read.findings.filter((f) => f.rule === 'kpi-period-unreadable')).toEqual([]);
  });

  test('the register formulas agree with the engine on the rows that needed the wider reading', async () => {
    const { model, read, settings } = await readScorecard(sheets, 'Q2 2025/26');
    expect(registerDisagreements(model, read, settings)).toEqual([]);
  });
});
