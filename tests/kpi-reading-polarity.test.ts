/**
 * Polarity from evidence, never a silent default: a stated column or note first, then the ASCOF catalogue, then the
 * KPI's own words, then the target against the baseline; "unsure" when none speaks. And the council's own RAG and
 * direction of travel kept as entered.
 */
import fc from 'fast-check';
import { readKpiWorkbook } from '../src/engine/kpi';
import { parseStatedDirection, parseStatedRag, polarityFromName, statedPolarity } from '../src/engine/kpi/read/wording';
import { kpi, readScorecard, settingsAt } from './helpers/kpi-xlsx';
import { sheet } from './helpers/model';

describe('the evidence, strongest first', () => {
  const sheets = {
    'Performance report': [
      ['Ref', 'Indicator', 'Direction of good performance', 'Baseline', '2024/25', '2025/26', 'Target', 'Notes'],
      // A stated column beats the words (which alone would say lower).
      ['P1', 'Delayed discharges avoided through step-down beds', 'Higher is better', null, 40, 52, 50, null],
      // An ASCOF code in the name, no stated polarity: the catalogue (pre-2023 2C(1) delayed transfers: lower).
      ['P2', 'Delayed transfers of care from hospital (ASCOF 2C(1))', null, null, 9.1, 8.2, 8, null],
      // The words: waits are lower-is-better.
      ['P3', 'Average wait for an occupational therapy assessment (days)', null, null, 42, 38, 30, null],
      // The words: satisfaction is higher-is-better.
      ['P4', 'Carers satisfied with the support they receive', null, null, 36, 39, 40, null],
      // Nothing but the target against the baseline.
      ['P5', 'Deprivation of Liberty Safeguards applications outstanding', null, 900, 760, 640, 500, null],
      // A note saying the aim.
      ['P6', 'Contacts to the front door', null, null, 5100, 4800, 4500, 'Aim: reduce'],
      // Nothing speaks: a polarity is chosen, and marked unsure.
      ['P7', 'Number of providers on the framework', null, null, 61, 64, 60, null],
    ],
  };

  test.each([
    ['P1', 'higher', 'stated'],
    ['P2', 'lower', 'framework'],
    ['P3', 'lower', 'words'],
    ['P4', 'higher', 'words'],
    ['P5', 'lower', 'target'],
    ['P6', 'lower', 'stated'],
    ['P7', 'higher', 'unsure'],
  ])('%s is %s-is-better, from %s evidence', async (id, polarity, evidence) => {
    const { read } = await readScorecard(sheets, '2025/26');
    expect(kpi(read, id).definition).toMatchObject({ polarity, polarityEvidence: evidence });
  });

  test('the words', () => {
    for (const name of ['Delayed transfers of care', 'Average waiting time for assessment', 'Complaints upheld', 'Young people not in education, employment or training', 'Re-referrals within 12 months', 'Permanent admissions to residential care'])
      expect([name, polarityFromName(name)]).toEqual([name, 'lower']);
    for (const name of ['Carers satisfied with services', 'Older people still at home 91 days after discharge', 'People receiving direct payments'])
      expect([name, polarityFromName(name)]).toEqual([name, 'higher']);
    expect(polarityFromName('Number of providers on the framework')).toBeNull();
  });

  test('stated in words', () => {
    expect(statedPolarity('Good is low')).toBe('lower');
    expect(statedPolarity('(higher is better)')).toBe('higher');
    expect(statedPolarity('Aim: increase')).toBe('higher');
    expect(statedPolarity('aim to reduce')).toBe('lower');
  });
});

describe('the case the issue reported: a lower-is-better KPI rising further above its target', () => {
  test('is worsening and not Green, and the council’s Red is kept', async () => {
    const { read } = await readScorecard({
      'Q2 report': [
        ['Measure', 'Q1 2025/26', 'Q2 2025/26', 'Target', 'RAG', 'DoT'],
        ['Average days from referral to start of care package', '24.0', '27.5', '21', 'R', '↑'],
      ],
    });
    const k = read.computation.kpis[0];
    expect(k.definition).toMatchObject({ polarity: 'lower', polarityEvidence: 'words', statedRag: 'Red', statedDirection: 'worsening' });
    expect(k.direction).toBe('worsening');
    expect(k.rag).not.toBe('Green');
  });

  test('property: whatever the figures, a stated lower-is-better KPI moving away above its target is never improving or Green', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), (target, above, further) => {
        const previous = target + above;
        const latest = previous + further;
        const model = sheet('Scorecard', [
          ['Ref', 'Indicator', 'Good is', 'Q1 2025/26', 'Q2 2025/26', 'Target'],
          ['X1', 'Referrals handled', 'Low', String(previous.toLocaleString('en-GB')), latest, target],
        ]);
        const k = readKpiWorkbook([model], settingsAt('Q2 2025/26'), new Set()).computation.kpis[0];
        expect(k.direction).toBe('worsening');
        expect(k.rag).not.toBe('Green');
      }),
      { numRuns: 200 },
    );
  });
});

describe('the council’s own RAG and direction of travel', () => {
  test('RAG words, letters and phrases', () => {
    expect(['Red', 'R', 'amber', 'A', 'Green', 'G', 'On target', 'Off track', 'Close to target', 'n/a', 'Blue'].map(parseStatedRag)).toEqual([
      'Red',
      'Red',
      'Amber',
      'Amber',
      'Green',
      'Green',
      'Green',
      'Red',
      'Amber',
      'Grey',
      'Blue',
    ]);
    expect(parseStatedRag('see commentary')).toBeNull();
  });

  test('directions: words outright; arrows by which way the figure moved and the polarity', () => {
    expect(parseStatedDirection('Improving', 'lower')).toBe('improving');
    expect(parseStatedDirection('Worse', 'higher')).toBe('worsening');
    expect(parseStatedDirection('Same', 'higher')).toBe('no change');
    expect(parseStatedDirection('→', 'higher')).toBe('no change');
    expect(parseStatedDirection('↑', 'higher')).toBe('improving');
    expect(parseStatedDirection('↑', 'lower')).toBe('worsening');
    expect(parseStatedDirection('▼', 'lower')).toBe('improving');
    expect(parseStatedDirection('', 'lower')).toBeNull();
  });

  test('a scorecard’s RAG and trend columns are kept on each KPI, with their cells', async () => {
    const { read } = await readScorecard({
      Scorecard: [
        ['Ref', 'Indicator', 'Good is', 'Q1 2025/26', 'Q2 2025/26', 'Target', 'RAG Q1', 'RAG Q2', 'Trend'],
        ['S1', 'Safeguarding enquiries completed in 28 days', 'High', 81, 84, 90, 'Red', 'Amber', 'Better'],
        ['S2', 'Hospital discharge delays', 'Low', 40, 33, 35, 'Red', 'Green', '↓'],
        ['S3', 'Carers assessments', 'High', 300, 310, 280, null, null, null],
      ],
    });
    const [s1, s2, s3] = read.reading.definitions;
    expect(s1.definition).toMatchObject({ statedRag: 'Amber', statedDirection: 'improving' });
    expect(s1.cells.rag).toBe('H2');
    expect(s2.definition).toMatchObject({ statedRag: 'Green', statedDirection: 'improving' });
    expect(s3.definition).toMatchObject({ statedRag: null, statedDirection: null });
  });

  test('in long form, the latest period’s RAG and direction become the KPI’s', async () => {
    const { read } = await readScorecard({
      Measures: [
        ['Measure ID', 'Measure', 'Polarity', 'Target'],
        ['M1', 'Delayed hospital discharges per day', 'Lower is better', 20],
      ],
      'Monthly data': [
        ['Measure ID', 'Month', 'Actual', 'RAG status', 'Direction of travel'],
        ['M1', 'Aug-25', 26, 'Red', 'Worsening'],
        ['M1', 'Sep-25', 21, 'Amber', '▼'],
      ],
    }, 'Sep-25');
    expect(read.reading.definitions[0].definition).toMatchObject({ statedRag: 'Amber', statedDirection: 'improving' });
  });
});
