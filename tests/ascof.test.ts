/** The ASCOF catalogue: both numberings, citations in free text, and descriptions across frameworks. */
import {
  ASCOF_CATALOGUE,
  ascofEntry,
  CURRENT_ASCOF,
  describeCode,
  findFrameworkCodes,
  lookupCode,
  parseFrameworkCode,
  PRE_2023_ASCOF,
} from '../src/engine/ascof';
import { KPI_UNITS, POLARITIES } from '../src/engine/schema';

const codesOf = (text: string): string[] => findFrameworkCodes(text).map((c) => c.code);

describe('the catalogue', () => {
  test('every entry has a framework, a unit and polarity from the schema, and a name', () => {
    for (const e of ASCOF_CATALOGUE) {
      expect(['current', 'pre-2023']).toContain(e.framework);
      expect(KPI_UNITS).toContain(e.unit);
      expect(POLARITIES).toContain(e.polarity);
      expect(e.name.length).toBeGreaterThan(10);
    }
  });

  test('codes are unique within a framework', () => {
    for (const list of [CURRENT_ASCOF, PRE_2023_ASCOF]) {
      const codes = list.filter((e) => e.code).map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  test('the pre-2023 framework has its measures with the right units and directions', () => {
    expect(PRE_2023_ASCOF.map((e) => e.code)).toEqual(
      expect.arrayContaining(['1A', '1B', '1C(1A)', '1C(1B)', '1C(2A)', '1C(2B)', '1D', '1E', '1F', '1G', '1H', '1I(1)', '1I(2)', '1J',
        '2A(1)', '2A(2)', '2B(1)', '2B(2)', '2C(1)', '2C(2)', '2C(3)', '2D', '3A', '3B', '3C', '3D(1)', '3D(2)', '4A', '4B']),
    );
    expect(ascofEntry('pre-2023', '1A')).toMatchObject({ unit: 'score', polarity: 'higher' });
    expect(ascofEntry('pre-2023', '2A(1)')).toMatchObject({ unit: 'rate per 100,000', polarity: 'lower' });
    expect(ascofEntry('pre-2023', '2C(2)')).toMatchObject({ unit: 'rate per 100,000', polarity: 'lower' });
    expect(ascofEntry('pre-2023', '2B(1)')).toMatchObject({ unit: 'percentage', polarity: 'higher' });
  });

  test('the current framework has the confirmed codes, linked to the codes they replace', () => {
    const links: [string, string][] = [['2A', '2D'], ['2B', '2A(1)'], ['2C', '2A(2)'], ['2D', '2B(1)'], ['2E', '1G'], ['3D', '1C']];
    for (const [now, was] of links) {
      const e = ascofEntry('current', now)!;
      expect(e).toMatchObject({ confirmed: true, replaces: was });
      if (was !== '1C') expect(ascofEntry('pre-2023', was)!.replacedBy).toBe(now);
    }
    for (const part of ['1C(1A)', '1C(1B)', '1C(2A)', '1C(2B)']) expect(ascofEntry('pre-2023', part)!.replacedBy).toBe('3D');
    expect(ascofEntry('current', '2B')).toMatchObject({ polarity: 'lower', unit: 'rate per 100,000' });
    expect(ascofEntry('current', '2C')).toMatchObject({ polarity: 'lower' });
    expect(ascofEntry('current', '1A')).toMatchObject({ unit: 'score', polarity: 'higher' });
  });

  test('the unconfirmed current measures are listed without an invented code', () => {
    const unconfirmed = CURRENT_ASCOF.filter((e) => !e.confirmed);
    expect(unconfirmed).toHaveLength(6);
    for (const e of unconfirmed) {
      expect(e.code).toBeNull();
      expect(e.note).toMatch(/not confirmed/);
    }
    const names = unconfirmed.map((e) => e.name.toLowerCase()).join(' | ');
    for (const topic of ['information', 'consulted', 'safe', 'social contact', 'turnover', 'cqc']) expect(names).toContain(topic);
    // No current entry claims 3A, 3B, 3C, 4A or 4B.
    for (const code of ['3A', '3B', '3C', '4A', '4B', '1B', '1D']) expect(ascofEntry('current', code)).toBeNull();
  });
});

describe('findFrameworkCodes', () => {
  test('reads plain, bracketed and roman-numeral codes', () => {
    expect(codesOf('KPI-07; KPI-09; ASCOF 2A; ASCOF 2D')).toEqual(['2A', '2D']);
    expect(codesOf('Percentage of people aged 65+ still at home (ASCOF 2Aii Indicator 5.11)')).toEqual(['2A(2)']);
    expect(codesOf('KPI-05; KPI-06; ASCOF 1C(2A)')).toEqual(['1C(2A)']);
    expect(codesOf('Feel safe (ASCOF 4A)')).toEqual(['4A']);
    expect(codesOf('(ASCOF 2Ci Indicator 5.7)')).toEqual(['2C(1)']);
    expect(codesOf('ASCOF 2A(1) and ASCOF 2A (2)')).toEqual(['2A(1)', '2A(2)']);
    expect(codesOf('ASCOF measures 2A and 2E')).toEqual(['2A', '2E']);
    expect(codesOf('ASCOF 2A and 2E; ascof 3d(1a)')).toEqual(['2A', '2E', '3D(1a)']);
  });

  test('keeps the raw text and the matches in each framework', () => {
    const [c] = findFrameworkCodes('(ASCOF 2Aii Indicator 5.11)');
    expect(c.raw).toBe('2Aii');
    expect(c.matches.map((m) => `${m.framework}:${m.code}`)).toEqual(['pre-2023:2A(2)']);
    const [d] = findFrameworkCodes('ASCOF 2A');
    expect(d.matches.map((m) => `${m.framework}:${m.code}`)).toEqual(['current:2A', 'pre-2023:2A(1)', 'pre-2023:2A(2)']);
  });

  test('local and survey indicator numbers are not ASCOF codes', () => {
    expect(findFrameworkCodes('Average waiting time (ASCOF Indicator 12.4)')).toEqual([]);
    expect(findFrameworkCodes('KPI-04 (ACAS Indicator 8.5a)')).toEqual([]);
    expect(findFrameworkCodes('Indicator 5.11')).toEqual([]);
    expect(findFrameworkCodes('Safeguarding enquiries (ASCOF Indicator 9.5a)')).toEqual([]);
    expect(findFrameworkCodes('Measured via the Adult Social Care Outcomes Framework (ASCOF)')).toEqual([]);
  });

  test('a code in neither framework is returned with no matches', () => {
    expect(findFrameworkCodes('ASCOF 9Z')).toEqual([{ raw: '9Z', code: '9Z', matches: [] }]);
    expect(findFrameworkCodes('ASCOF 2F')[0].matches).toEqual([]);
    expect(findFrameworkCodes('ASCOF 4C')[0].matches).toEqual([]);
  });
});

describe('lookupCode and parseFrameworkCode', () => {
  test('a bare code also finds the other framework’s parts; a part finds its parent or its sub-parts', () => {
    expect(lookupCode('1C').map((e) => e.code)).toEqual(['1C(1A)', '1C(1B)', '1C(2A)', '1C(2B)']);
    expect(lookupCode('3D').map((e) => `${e.framework}:${e.code}`)).toEqual(['current:3D', 'pre-2023:3D(1)', 'pre-2023:3D(2)']);
    expect(lookupCode('3D(1a)').map((e) => `${e.framework}:${e.code}`)).toEqual(['current:3D']);
    expect(lookupCode('3D(1)').map((e) => `${e.framework}:${e.code}`)).toEqual(['pre-2023:3D(1)']);
    expect(lookupCode('1C(1)').map((e) => e.code)).toEqual(['1C(1A)', '1C(1B)']);
  });
  test('parses codes written on their own', () => {
    expect(parseFrameworkCode('2Aii')).toBe('2A(2)');
    expect(parseFrameworkCode('ASCOF 1C(2A)')).toBe('1C(2A)');
    expect(parseFrameworkCode('2a(1)')).toBe('2A(1)');
    expect(parseFrameworkCode('Indicator 5.11')).toBeNull();
  });
});

describe('describeCode', () => {
  test('2A: different measures in the two frameworks', () => {
    const text = describeCode('2A');
    expect(text).toMatch(/^ASCOF 2A is “Short-term services[^”]*” \(was 2D before 2023-24\) in the current framework \(from 2023-24\) and /);
    expect(text).toMatch(/2A\(1\) “Long-term needs of adults aged 18-64[^”]*” or 2A\(2\) “Long-term needs of adults aged 65\+[^”]*” in the pre-2023 one/);
    expect(text).toMatch(/Check which numbering the plan uses\.$/);
  });
  test('old-only codes say what became of them', () => {
    expect(describeCode('ASCOF 2Aii')).toMatch(/^ASCOF 2A\(2\) is “Long-term needs of adults aged 65\+[^”]*” \(2C from 2023-24\) in the pre-2023 framework\.$/);
    expect(describeCode('1C(2A)')).toMatch(/direct payments” \(3D from 2023-24\) in the pre-2023 framework\.$/);
    expect(describeCode('4A')).toMatch(/feel safe” in the pre-2023 framework\. The current framework has a measure on the same topic, but its new number is not confirmed\.$/);
    expect(describeCode('1E')).toMatch(/It has no confirmed code in the current framework\.$/);
  });
  test('current-only codes and unknown codes', () => {
    expect(describeCode('2E')).toMatch(/^ASCOF 2E is “[^”]*” \(was 1G before 2023-24\) in the current framework \(from 2023-24\); it is not a pre-2023 code\.$/);
    expect(describeCode('1A')).toMatch(/It kept its number when the framework changed\.$/);
    expect(describeCode('9Z')).toBe('ASCOF 9Z is not a code in the current framework (from 2023-24) or in the pre-2023 one.');
  });
});
