/**
 * Ids and codes where councils put them: in a column of their own whatever it is called, at the start of the name
 * cell, or in the column read as the name; framework codes in councils' spellings matched to the ASCOF catalogue in
 * the numbering the KPI's own words point to; local codes kept as written; no invented "Sheet row N" ids.
 */
import { isCodeLike, splitIdFromName } from '../src/engine/kpi/read/ids';
import { parseFrameworkCode } from '../src/engine/ascof';
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

describe('an id at the start of the name cell', () => {
  test.each([
    ['2B: Admissions to residential care, 18-64', '2B', 'Admissions to residential care, 18-64'],
    ['NI 130 - Social care clients receiving self-directed support', 'NI 130', 'Social care clients receiving self-directed support'],
    ['1A(i) Social care-related quality of life', '1A(i)', 'Social care-related quality of life'],
    ['ASC01 – Reviews completed on time', 'ASC01', 'Reviews completed on time'],
    ['ASCOF 2A: Short-term services with no further support', 'ASCOF 2A', 'Short-term services with no further support'],
    ['3. Carers receiving a service', '3', 'Carers receiving a service'],
    // An acronym glued to its number, with only a space after it: a code, as no word of a name is written so.
    ['AS04 People receiving long-term support who had a review', 'AS04', 'People receiving long-term support who had a review'],
    ['DOLS-2 Deprivation of Liberty Safeguards applications', 'DOLS-2', 'Deprivation of Liberty Safeguards applications'],
  ])('“%s” → %s', (text, id, name) => {
    expect(splitIdFromName(text)).toEqual({ id, name });
  });

  test.each(['65+ admissions to care homes', '2024/25 outturn for carers', 'Wave 2 recruitment of carers', 'Stage3 assessments completed', 'Number of carers assessed', '28 day reviews completed'])(
    '“%s” has no id in it',
    (text) => {
      expect(splitIdFromName(text)).toBeNull();
    },
  );

  test('codes look like codes; words and years do not', () => {
    for (const code of ['2B', '2A(1)', 'NI 130', 'ASC01', 'KPI-7', 'PI 12a', '3.2', 'ASCOF2A', '1C(2a)']) expect(isCodeLike(code)).toBe(true);
    for (const text of ['Carers', 'Reviews completed on time', 'Admissions per 100,000 population aged 65+']) expect(isCodeLike(text)).toBe(false);
  });

  test('ASCOF codes in councils’ spellings', () => {
    expect(parseFrameworkCode('ASCOF2A')).toBe('2A');
    expect(parseFrameworkCode('ASCOF 2A(1)')).toBe('2A(1)');
    expect(parseFrameworkCode('2Aii')).toBe('2A(2)');
    expect(parseFrameworkCode('1c(2a)')).toBe('1C(2A)');
  });
});

describe('a scorecard with ids in the name cells and both ASCOF numberings', () => {
  const sheets = {
    'ASCOF summary': [
      ['Measure', 'Polarity', '2022/23', '2023/24'],
      // Pre-2023 numbering, told apart by the words: 2A(2) is admissions of people aged 65+ (lower is better).
      ['2A(2): Permanent admissions of older people (65+) to residential and nursing care homes, per 100,000', null, 702.1, 690.4],
      // Current numbering: 2A is short-term services with no further request for support (higher is better).
      ['2A - Short-term services followed by no further request for support (%)', null, 77.2, 79.9],
      ['NI 135 - Carers receiving a needs assessment or review', 'Higher', 28.0, 30.5],
      ['LOC-7: Adults with a learning disability in settled accommodation', 'Higher', 81.0, 80.1],
    ],
  };

  test('every KPI gets the id written in its name cell, none is invented', async () => {
    const { read } = await readScorecard(sheets, '2023/24');
    const ids = read.reading.definitions.map((d) => d.definition.id);
    expect(ids).toEqual(['2A(2)', '2A', 'NI 135', 'LOC-7']);
    expect(ids.some((id) => /row \d+/i.test(id))).toBe(false);
    expect(read.reading.definitions[0].definition.name).toBe('Permanent admissions of older people (65+) to residential and nursing care homes, per 100,000');
  });

  test('codes are matched to the catalogue in the numbering the words point to', async () => {
    const { read } = await readScorecard(sheets, '2023/24');
    const [admissions, shortTerm, carers, local] = read.reading.definitions;
    expect(admissions.definition).toMatchObject({ polarity: 'lower', polarityEvidence: 'framework', unit: 'rate per 100,000' });
    expect(admissions.citations[0].code).toBe('2A(2)');
    expect(shortTerm.definition).toMatchObject({ polarity: 'higher', polarityEvidence: 'framework', unit: 'percentage' });
    // Old national indicators and local codes are kept as written, with no catalogue entry.
    expect(carers.definition).toMatchObject({ id: 'NI 135', polarityEvidence: 'stated' });
    expect(carers.citations).toEqual([]);
    expect(local.definition).toMatchObject({ id: 'LOC-7', code: null });
  });

  test('a bare local code that happens to be an ASCOF code is not read as ASCOF when the words disagree', async () => {
    const { read } = await readScorecard({
      Scorecard: [
        ['Ref', 'Indicator', 'Q1 2025/26', 'Q2 2025/26'],
        ['2B', 'Housing repairs completed within target time', 88, 91],
      ],
    });
    const d = read.reading.definitions[0];
    expect(d.definition.id).toBe('2B');
    expect(d.citations).toEqual([]);
    expect(d.definition.polarityEvidence).not.toBe('framework');
  });
});

describe('the id column decided by what it holds', () => {
  test('an id column with a header we do not know', async () => {
    const { read } = await readScorecard({
      Scorecard: [
        ['#', 'Indicator', 'Q1 2025/26', 'Q2 2025/26'],
        ['H1', 'Hospital discharges home within 48 hours', 61, 64],
        ['H2', 'Delayed discharges (average per day)', 14, 12],
      ],
    });
    expect(read.reading.definitions.map((d) => d.definition.id)).toEqual(['H1', 'H2']);
  });

  test('a "name" column that holds codes: the words are in the next column', async () => {
    const { read } = await readScorecard({
      Scorecard: [
        ['Measure', 'Detail', 'Q1 2025/26', 'Q2 2025/26'],
        ['ASC 1.1', 'Contacts resolved at the first point of contact', 55, 58],
        ['ASC 1.2', 'Assessments completed within 28 days', 71, 69],
      ],
    });
    const defs = read.reading.definitions.map((d) => d.definition);
    expect(defs.map((d) => d.id)).toEqual(['ASC 1.1', 'ASC 1.2']);
    expect(defs.map((d) => d.name)).toEqual(['Contacts resolved at the first point of contact', 'Assessments completed within 28 days']);
  });

  test('an id column holding one code among blanks (councils code some measures only)', async () => {
    const { read } = await readScorecard({
      Scorecard: [
        ['#', 'Indicator', 'Q1 2025/26', 'Q2 2025/26'],
        [null, 'Hospital discharges home within 48 hours', 61, 64],
        ['2B', 'Admissions to residential and nursing care homes, 18-64, per 100,000', 14, 12],
        [null, 'Contacts resolved at the first point of contact', 55, 58],
      ],
    });
    const defs = read.reading.definitions.map((d) => d.definition);
    expect(defs.map((d) => d.id)).toContain('2B');
    expect(defs).toHaveLength(3);
  });

  test('a long table with ids for some KPIs: the rest are read by their names, and the live register agrees', async () => {
    const { model, read, settings } = await readScorecard({
      Data: [
        ['Ref', 'Indicator', 'Quarter', 'Result'],
        ['NI 132', 'Timeliness of social care assessment', 'Q1 2025/26', 80.1],
        ['NI 132', 'Timeliness of social care assessment', 'Q2 2025/26', 82.4],
        [null, 'Contacts resolved at the first point of contact', 'Q1 2025/26', 55],
        [null, 'Contacts resolved at the first point of contact', 'Q2 2025/26', 58],
      ],
    });
    expect(read.findings.filter((f) => f.rule === 'kpi-unknown-id')).toEqual([]);
    const contacts = read.computation.kpis.find((k) => k.definition.name === 'Contacts resolved at the first point of contact')!;
    expect(contacts.latest).toMatchObject({ period: 'Q2 2025/26', value: 58 });
    expect(kpi(read, 'NI 132').latest).toMatchObject({ value: 82.4 });
    expect(registerDisagreements(model, read, settings)).toEqual([]);
  });
});
