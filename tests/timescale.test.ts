/**
 * parseTimescale: timescales as officers write them → due dates, per seeds/data/FORMAT.md "Due dates".
 */
import { parseTimescale, ParsedTimescale } from '../src/engine/timescale';

const TERMS = { shortMonths: 6, mediumMonths: 12, longMonths: 24 };
const PLAN_START = '2025-04-01';

function parse(text: string, planStart: string | null = null): ParsedTimescale {
  return parseTimescale(text, planStart, TERMS);
}

describe('parseTimescale: UK day-first dates', () => {
  it.each([
    ['31.03.2026', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['1 April 2026', '2026-04-01'],
    ['1st April 2026', '2026-04-01'],
    ['2nd May 2026', '2026-05-02'],
  ])('%s → %s', (text, due) => {
    const p = parse(text);
    expect(p.dueDate).toBe(due);
    expect(p.dates).toEqual([due]);
    expect(p.kind).toBe('date');
    expect(p.impliesComplete).toBe(false);
  });

  it('reads 01/04/2026 day first (1 April), never month first (4 January)', () => {
    expect(parse('01/04/2026').dueDate).toBe('2026-04-01');
    expect(parse('04/01/2026').dueDate).toBe('2026-01-04');
  });

  it('gives no date for an impossible day such as 31/02/2026 (no roll-over into March)', () => {
    const p = parse('31/02/2026');
    expect(p.dueDate).toBeNull();
    expect(p.dates).toEqual([]);
    expect(p.kind).not.toBe('date');
  });

  it('drops only the invalid token when a valid date sits beside it', () => {
    const p = parse('31/02/2026 or 30/04/2026');
    expect(p.dates).toEqual(['2026-04-30']);
    expect(p.dueDate).toBe('2026-04-30');
    expect(p.dates.some((d) => d.startsWith('2026-03'))).toBe(false);
  });

  it('rejects month 13 rather than guessing', () => {
    expect(parse('01/13/2026').dueDate).toBeNull();
  });
});

describe('parseTimescale: months and years → last day', () => {
  it.each([
    ['End March 2010', '2010-03-31'],
    ['March 2023', '2023-03-31'],
    ['Dec-2026', '2026-12-31'],
    ['Mar 23', '2023-03-31'],
    ['February 2024', '2024-02-29'],
    ['February 2025', '2025-02-28'],
    ['End 2010', '2010-12-31'],
    ['2010', '2010-12-31'],
  ])('%s → %s', (text, due) => {
    const p = parse(text);
    expect(p.dueDate).toBe(due);
    expect(p.kind).toBe('date');
  });
});

describe('parseTimescale: financial years and quarters (April to March)', () => {
  it.each([
    ['Q1 2025/26', '2025-06-30'],
    ['Q2 2025/26', '2025-09-30'],
    ['Q3 2025/26', '2025-12-31'],
    ['Q4 2025/26', '2026-03-31'],
    ['2023/24', '2024-03-31'],
  ])('%s → %s', (text, due) => {
    const p = parse(text);
    expect(p.dueDate).toBe(due);
    expect(p.dates).toEqual([due]);
    expect(p.kind).toBe('date');
  });

  it('a quarter is not read as the calendar quarter (Q1 2025/26 is not March 2025)', () => {
    expect(parse('Q1 2025/26').dueDate).not.toBe('2025-03-31');
  });

  it('a financial year is not read as 31 December of either year', () => {
    expect(parse('2023/24').dueDate).not.toBe('2023-12-31');
    expect(parse('2023/24').dueDate).not.toBe('2024-12-31');
  });
});

describe('parseTimescale: several dates → the latest, all listed', () => {
  it('"December 2009 and June 2010" → 2010-06-30 with both dates', () => {
    const p = parse('December 2009 and June 2010');
    expect(p.dueDate).toBe('2010-06-30');
    expect(p.dates).toEqual(['2009-12-31', '2010-06-30']);
    expect(p.kind).toBe('date');
  });

  it('"April 2023 First Draft January 2023" → 2023-04-30 (latest, not last written)', () => {
    const p = parse('April 2023 First Draft January 2023');
    expect(p.dueDate).toBe('2023-04-30');
    expect(p.dates).toEqual(['2023-01-31', '2023-04-30']);
  });

  it('"Evaluation of impact May-Sep 2023" → 2023-09-30 (end of the range)', () => {
    const p = parse('Evaluation of impact May-Sep 2023');
    expect(p.dueDate).toBe('2023-09-30');
    expect(p.dates).not.toContain('2023-05-31');
  });

  it('several lines → the latest', () => {
    const p = parse('June 2025\nMarch 2026\nDecember 2025');
    expect(p.dueDate).toBe('2026-03-31');
    expect(p.dates).toEqual(['2025-06-30', '2025-12-31', '2026-03-31']);
  });
});

describe('parseTimescale: relative terms from the plan start', () => {
  it.each([
    ['Short-term', '2025-09-30'],
    ['Medium-term', '2026-03-31'],
    ['Long-term', '2027-03-31'],
    ['Short to medium-term', '2026-03-31'],
    ['Medium to long-term', '2027-03-31'],
    ['6m', '2025-09-30'],
    ['12m', '2026-03-31'],
  ])('%s from 2025-04-01 → %s', (text, due) => {
    const p = parse(text, PLAN_START);
    expect(p.dueDate).toBe(due);
    expect(p.kind).toBe('relative');
  });

  it('"3m, 12m" → the later marker, 2026-03-31, with both dates listed', () => {
    const p = parse('3m, 12m', PLAN_START);
    expect(p.dueDate).toBe('2026-03-31');
    expect(p.dates).toEqual(['2025-06-30', '2026-03-31']);
  });

  it('follows the configured months, not fixed ones', () => {
    const p = parseTimescale('Short-term', PLAN_START, { shortMonths: 3, mediumMonths: 12, longMonths: 36 });
    expect(p.dueDate).toBe('2025-06-30');
  });

  it('counts from the plan start given (2009-10-01 + 12 months − 1 day)', () => {
    expect(parse('Medium-term', '2009-10-01').dueDate).toBe('2010-09-30');
  });

  it.each(['Short-term', 'Long-term', '6m', '3m, 12m'])('"%s" without a plan start → kind relative, no date', (text) => {
    const p = parse(text, null);
    expect(p.kind).toBe('relative');
    expect(p.dueDate).toBeNull();
    expect(p.dates).toEqual([]);
  });
});

describe('parseTimescale: no-date terms', () => {
  it.each(['Ongoing', 'See Theme 3', 'Ongoing.'])('"%s" → no date, kind no-date, not complete', (text) => {
    const p = parse(text, PLAN_START);
    expect(p).toEqual({ dueDate: null, dates: [], kind: 'no-date', impliesComplete: false });
  });

  it('"TBC" → no date, kind unparseable (a date nobody has set yet)', () => {
    const p = parse('TBC', PLAN_START);
    expect(p).toEqual({ dueDate: null, dates: [], kind: 'unparseable', impliesComplete: false });
  });

  it.each(['Completed', 'In place'])('"%s" → no date, impliesComplete', (text) => {
    const p = parse(text, PLAN_START);
    expect(p.dueDate).toBeNull();
    expect(p.dates).toEqual([]);
    expect(p.impliesComplete).toBe(true);
  });

  it('"Ongoing" does not imply complete', () => {
    expect(parse('Ongoing').impliesComplete).toBe(false);
  });

  it('a date with "completed" in it is a date, not complete', () => {
    const p = parse('Completed March 2024');
    expect(p.dueDate).toBe('2024-03-31');
    expect(p.impliesComplete).toBe(false);
  });

  it.each(['', '   ', '\n'])('empty text %j → kind empty', (text) => {
    expect(parse(text)).toEqual({ dueDate: null, dates: [], kind: 'empty', impliesComplete: false });
  });

  it('null and undefined → kind empty', () => {
    expect(parseTimescale(null, PLAN_START, TERMS).kind).toBe('empty');
    expect(parseTimescale(undefined, PLAN_START, TERMS).kind).toBe('empty');
  });

  it('"sometime soon" → unparseable, no date (even with a plan start)', () => {
    expect(parse('sometime soon')).toEqual({ dueDate: null, dates: [], kind: 'unparseable', impliesComplete: false });
    expect(parse('sometime soon', PLAN_START).dueDate).toBeNull();
  });
});
