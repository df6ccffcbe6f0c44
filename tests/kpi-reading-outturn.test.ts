/**
 * End to end, through a real .xlsx file: an annual outturn table laid out as councils publish them, with the code in
 * its own column under a header we do not know, comparator columns that name a year but are not periods, figures
 * typed as text with "%", a suppressed value, a stated polarity column and the council's own RAG.
 */
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

const SHEETS = {
  'ASCOF 2023-24': [
    ['Adult Social Care Outcomes Framework: local outturn'],
    ['Measure', 'Description', '2021/22', '2022/23', '2023/24 outturn', 'England average 2023/24', 'Comparator group 2023/24', 'Good is', 'RAG'],
    ['ASCOF 1B', 'Service users who have control over their daily life', '74.2%', '75.0%', '77.1%', '77.6%', '76.9%', 'High', 'Amber'],
    ['ASCOF 2A(2)', 'Permanent admissions to residential and nursing care homes, aged 65+, per 100,000', '611.5', '640.2', '702.9', '566.0', '580.1', 'Low', 'Red'],
    ['ASCOF 3B', 'Carer-reported satisfaction with social services', '[c]', '36.3%', '[c]', '36.7%', '35.9%', 'High', 'Grey'],
    ['LI-12', 'Safeguarding enquiries where the risk was reduced or removed', '89.0%', '90.5%', '91.2%', null, null, 'High', 'Green'],
  ],
};

test('every KPI found with its code as id, none invented, and comparators are not periods', async () => {
  const { read } = await readScorecard(SHEETS, '2023/24');
  expect(read.reading.definitions.map((d) => d.definition.id)).toEqual(['ASCOF 1B', 'ASCOF 2A(2)', 'ASCOF 3B', 'LI-12']);
  // "Measure" holds the codes here, so the words come from "Description".
  expect(read.reading.definitions[3].definition.name).toBe('Safeguarding enquiries where the risk was reduced or removed');
  expect(read.reading.layouts[0].header.periods.map((p) => p.period?.label)).toEqual(['2021/22', '2022/23', '2023/24']);
});

test('latest, previous, direction, polarity and RAG are right; the council’s RAG is kept', async () => {
  const { read } = await readScorecard(SHEETS, '2023/24');
  const control = kpi(read, 'ASCOF 1B');
  expect(control).toMatchObject({ latest: { period: '2023/24', value: 77.1 }, previous: { value: 75 }, direction: 'improving' });
  expect(control.definition).toMatchObject({ unit: 'percentage', polarity: 'higher', polarityEvidence: 'stated', statedRag: 'Amber' });
  const admissions = kpi(read, 'ASCOF 2A(2)');
  expect(admissions).toMatchObject({ latest: { value: 702.9 }, previous: { value: 640.2 }, direction: 'worsening' });
  expect(admissions.definition).toMatchObject({ polarity: 'lower', unit: 'rate per 100,000', statedRag: 'Red' });
  const carers = kpi(read, 'ASCOF 3B');
  // Suppressed in the latest year: no figure for it (never zero), so the latest is the year before.
  expect(carers.latest).toMatchObject({ period: '2022/23', value: 36.3 });
  expect(read.reading.observations.filter((o) => o.observation.kpiId === 'ASCOF 3B' && o.observation.note).length).toBe(2);
  expect(kpi(read, 'LI-12').definition).toMatchObject({ code: null, statedRag: 'Green' });
});

test('the register formulas agree with the engine', async () => {
  const { model, read, settings } = await readScorecard(SHEETS, '2023/24');
  expect(registerDisagreements(model, read, settings)).toEqual([]);
});
