/**
 * Numbers as officers type them (thousands separators, "%", "£", "m"/"k", units after the figure, signs, brackets)
 * and the markers of no figure ("*", "<5", "n/a", "-", "no data", "x", "c", ":"), which are never read as zero; and
 * units from what the cell is (a fraction shown with a percentage format), with no floating-point noise.
 */
import fc from 'fast-check';
import { readTypedNumber } from '../src/engine/kpi/read/typed-numbers';
import { kpi, readScorecard, registerDisagreements } from './helpers/kpi-xlsx';

describe('a figure typed as text', () => {
  test.each([
    ['1,234', 1234],
    ['12,345,678', 12345678],
    ['75.2%', 75.2],
    ['£1.2m', 1_200_000],
    ['£ 12,500', 12500],
    ['3k', 3000],
    ['12.5 days', 12.5],
    ['-3', -3],
    ['−3', -3],
    ['+4.5%', 4.5],
    ['(42)', -42],
    ['45 (provisional)', 45],
    ['1.5 per 100,000', 1.5],
    ['0.5', 0.5],
  ])('“%s” is %d', (text, value) => {
    const read = readTypedNumber(text);
    expect(read).toMatchObject({ kind: 'number', value });
  });

  test.each(['*', '<5', '< 5', 'n/a', 'N/A', '-', '–', 'no data', 'x', 'c', '[c]', '[x]', ':', '..', 'suppressed'])('“%s” is no figure, with a note', (text) => {
    const read = readTypedNumber(text);
    expect(read.kind).toBe('missing');
    if (read.kind === 'missing') expect(read.note).toContain(text.trim());
  });

  test.each(['abc', '12 of 40', '1,23', '2024/25', 'see note'])('“%s” is unreadable', (text) => {
    expect(readTypedNumber(text).kind).toBe('unreadable');
  });

  test('any number written with UK thousands separators, a sign and optional % reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, hundredths, percent) => {
        const value = whole + Math.sign(whole || 1) * (hundredths / 100);
        const text = `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${percent ? '%' : ''}`;
        const read = readTypedNumber(text);
        expect(read).toMatchObject({ kind: 'number', percent });
        if (read.kind === 'number') expect(read.value).toBeCloseTo(value, 9);
      }),
    );
  });
});

describe('a council-plan scorecard with every figure typed as text', () => {
  const sheets = {
    'Council plan scorecard': [
      ['No.', 'Performance indicator', 'Aim', 'Q1 2025/26', 'Q2 2025/26', 'Target 2025/26'],
      ['CP1', 'Households in temporary accommodation', 'Reduce', '1,412', '1,380', '1,300'],
      ['CP2', 'Carers who are satisfied with the support they get', 'Increase', '71.5%', '73.0%', '75%'],
      ['CP3', 'Average wait for a care act assessment', 'Reduce', '21.5 days', '19 days', '20 days'],
      ['CP4', 'Safeguarding enquiries concluded with risk reduced', 'Increase', '<5', 'n/a', '90%'],
      ['CP5', 'Spend on agency social workers', 'Reduce', '£1.2m', 'see note', '£1.0m'],
      ['CP6', 'Front door contacts resolved', 'Increase', '61%', '64%', 'Maintain 2024/25 level'],
    ],
  };

  test('the typed figures are read, and no KPI is Grey for want of numbers', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    expect(kpi(read, 'CP1')).toMatchObject({ latest: { value: 1380 }, previous: { value: 1412 }, target: 1300, direction: 'improving' });
    expect(kpi(read, 'CP2')).toMatchObject({ latest: { value: 73 }, target: 75, direction: 'improving' });
    expect(kpi(read, 'CP2').definition.unit).toBe('percentage');
    expect(kpi(read, 'CP3')).toMatchObject({ latest: { value: 19 }, target: 20, rag: 'Green' });
    expect(kpi(read, 'CP3').definition.unit).toBe('days');
  });

  test('suppressed and unavailable figures are null with a note, never zero', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const cp4 = read.reading.observations.filter((o) => o.observation.kpiId === 'CP4');
    expect(cp4.map((o) => o.observation.value)).toEqual([null, null]);
    expect(cp4.map((o) => o.observation.note)).toEqual([expect.stringContaining('<5'), expect.stringContaining('n/a')]);
    expect(kpi(read, 'CP4').latest).toBeNull();
  });

  test('text that is not a figure is recorded at its cell, and becomes a finding there', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const cp5 = read.reading.observations.filter((o) => o.observation.kpiId === 'CP5');
    expect(cp5.map((o) => o.observation.value)).toEqual([1_200_000, null]);
    expect(cp5.flatMap((o) => o.textValues)).toEqual([{ cell: 'E6', text: 'see note' }]);
    expect(read.findings.find((f) => f.cell === 'E6')).toBeDefined();
  });

  test('a target that is not a figure is no target, recorded at its cell; a year in it is never the target', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const cp6 = read.reading.definitions.find((d) => d.definition.id === 'CP6')!;
    expect(cp6.definition.target).toBeNull();
    expect(cp6.unreadable).toEqual([{ field: 'target', cell: 'F7', text: 'Maintain 2024/25 level' }]);
  });

  test('the register formulas agree with the engine on typed figures', async () => {
    const { model, read, settings } = await readScorecard(sheets, 'Q2 2025/26');
    expect(registerDisagreements(model, read, settings)).toEqual([]);
  });
});

describe('units from what the cell is', () => {
  const sheets = {
    Dashboard: [
      ['Measure', 'Q1 2025/26', 'Q2 2025/26', 'Target'],
      // Stored as fractions with a percentage format; nothing in the id or name says "percentage".
      ['Reablement: at home after 91 days', { n: 0.812, fmt: '0.0%' }, { n: 0.794, fmt: '0.0%' }, { n: 0.28, fmt: '0%' }],
      ['Reviews on time', { n: 0.61, fmt: '0%' }, { n: 0.66, fmt: '0%' }, 0.7],
      ['New contacts', 1450, 1512, 1400],
      // Fractions with no percentage format: the "%" in the name says percentage, and the target of 75 says the
      // figures are fractions.
      ['% of carers offered a break', 0.74, 0.78, 75],
    ],
  };

  test('a fraction shown as a percentage is a percentage ×100, target and value in the same unit, with no noise', async () => {
    const { read } = await readScorecard(sheets, 'Q2 2025/26');
    const [reablement, reviews, contacts, breaks] = read.computation.kpis;
    expect(breaks.definition.unit).toBe('percentage');
    expect(breaks.latest?.value).toBe(78);
    expect(reablement.definition.unit).toBe('percentage');
    expect(reablement.latest?.value).toBe(79.4);
    expect(reablement.target).toBe(28);
    expect(reviews.definition.unit).toBe('percentage');
    expect(reviews.latest?.value).toBe(66);
    // A target written as a fraction beside percentages is the same percentage.
    expect(reviews.target).toBe(70);
    expect(contacts.definition.unit).toBe('number');
    expect(contacts.latest?.value).toBe(1512);
  });

  test('the register formulas agree with the engine on scaled figures', async () => {
    const { model, read, settings } = await readScorecard(sheets, 'Q2 2025/26');
    expect(registerDisagreements(model, read, settings)).toEqual([]);
  });
});
