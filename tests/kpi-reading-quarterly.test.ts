/**
 * End to end, through a real .xlsx file: a quarterly adult social care report (bare quarters placed in the year of
 * its title, last year's outturn beside them, a direction-of-travel column) and a monthly return kept in long form
 * with real date cells.
 */
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

const QUARTERLY = {
  'Q2 report': [
    ['Adult Social Care Quarterly Performance Report 2025/26'],
    [],
    ['Ref', 'Indicator', 'Polarity', '2024/25 Outturn', 'Q1', 'Q2 (provisional)', 'Target 2025/26', 'DoT', 'RAG'],
    ['ASC 01', 'New requests for support resulting in short-term services', '↑', '18.2%', '19.5%', '21.0%', '20%', '↑', 'G'],
    ['ASC 02', 'People waiting more than 28 days for a care act assessment', '↓', '212', '198', '231', '150', '↑', 'R'],
  ],
};

test('bare quarters are placed in the title’s year, and the provisional quarter is marked', async () => {
  const { read } = await readScorecard(QUARTERLY, 'Q2 2025/26');
  const shortTerm = kpi(read, 'ASC 01');
  expect(shortTerm).toMatchObject({ latest: { period: 'Q2 2025/26', value: 21 }, previous: { period: 'Q1 2025/26', value: 19.5 }, target: 20, direction: 'improving' });
  expect(shortTerm.definition).toMatchObject({ unit: 'percentage', polarity: 'higher', polarityEvidence: 'stated', statedRag: 'Green', statedDirection: 'improving' });
  const waiting = kpi(read, 'ASC 02');
  // The case: lower is better, rising further above its target, the council rates it Red.
  expect(waiting).toMatchObject({ latest: { value: 231 }, direction: 'worsening' });
  expect(waiting.rag).not.toBe('Green');
  expect(waiting.definition).toMatchObject({ polarity: 'lower', statedRag: 'Red', statedDirection: 'worsening' });
  const provisional = read.reading.observations.filter((o) => o.observation.provisional).map((o) => `${o.observation.kpiId} ${o.observation.period}`);
  expect(provisional).toEqual(['ASC 01 Q2 2025/26', 'ASC 02 Q2 2025/26']);
});

test('quarterly: the register formulas agree with the engine', async () => {
  const { model, read, settings } = await readScorecard(QUARTERLY, 'Q2 2025/26');
  expect(registerDisagreements(model, read, settings)).toEqual([]);
});

const MONTHLY = {
  Indicators: [
    ['Indicator ref', 'Indicator', 'Better if', 'Target'],
    ['M-DTOC', 'Delayed transfers of care per day (average)', 'Lower', '12'],
  ],
  'Monthly return': [
    ['Indicator ref', 'Month ending', 'Figure'],
    ['M-DTOC', { n: 45869, fmt: 'dd/mm/yyyy' }, '14.5'],
    ['M-DTOC', { n: 45900, fmt: 'dd/mm/yyyy' }, '13'],
    ['M-DTOC', { n: 45930, fmt: 'dd/mm/yyyy' }, 'n/a'],
  ],
};

test('monthly long form with date cells and typed figures; a month marked n/a is no figure, never zero', async () => {
  const { read } = await readScorecard(MONTHLY, 'Sep-25');
  const k = kpi(read, 'M-DTOC');
  expect(k.latest).toMatchObject({ period: 'Aug 2025', value: 13 });
  expect(k.previous).toMatchObject({ period: 'Jul 2025', value: 14.5 });
  expect(k.definition).toMatchObject({ polarity: 'lower', polarityEvidence: 'stated', target: 12 });
  const september = read.reading.observations.find((o) => o.observation.period === 'Sep 2025')!;
  expect(september.observation).toMatchObject({ value: null, note: expect.stringContaining('n/a') });
});

test('monthly: the register formulas agree with the engine', async () => {
  const { model, read, settings } = await readScorecard(MONTHLY, 'Sep-25');
  expect(registerDisagreements(model, read, settings)).toEqual([]);
});
