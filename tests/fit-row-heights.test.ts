/**
 * Row heights that fit wrapped text (fitRowHeights): only wrapped columns count, rows from `fromRow` on, and a
 * plan's rows may have gaps.
 */
import fc from 'fast-check';
import { emptySheet, fitRowHeights, paragraphLines, PlanValue, wrappedLines } from '../src/engine/sheet-plan/types';

const text = (t: string): PlanValue => ({ kind: 'text', text: t });
const LONG = 'word '.repeat(30).trim();

function sheet(rows: PlanValue[][]) {
  const plan = emptySheet('S');
  plan.columns = [{ width: 10, wrap: true }, { width: 10 }];
  plan.rows = rows;
  return plan;
}

describe('fitRowHeights', () => {
  it('makes rows with long wrapped text taller, and leaves short or unwrapped text alone', () => {
    const heights = fitRowHeights(sheet([[text('Short')], [text(LONG)], [null, text(LONG)]]));
    expect(Object.keys(heights)).toEqual(['2']);
    // 149 characters at 10 characters a line: 15 or more lines, each 15 points.
    expect(heights[2]).toBeGreaterThanOrEqual(15 * 15);
  });

  it('skips rows above fromRow, a whole row or a fraction of one', () => {
    expect(fitRowHeights(sheet([[text(LONG)], [text(LONG)]]), 2)).toEqual({ 2: expect.any(Number) });
    expect(fitRowHeights(sheet([[text(LONG)], [text(LONG)]]), 1.5)).toEqual({ 2: expect.any(Number) });
  });

  it('reads past gaps in the rows (rows never set)', () => {
    const rows: PlanValue[][] = [];
    rows[0] = [text(LONG)];
    rows[3] = [text(LONG)];
    expect(Object.keys(fitRowHeights(sheet(rows)))).toEqual(['1', '4']);
  });
});

describe('wrappedLines, a line at a time', () => {
  /** The same count made word by word for every paragraph (paragraphLines), which the fast way must match. */
  const wordByWord = (value: string, perLine: number): number =>
    value.split('\n').reduce((lines, _p, i, paragraphs) => {
      const from = paragraphs.slice(0, i).reduce((n, p) => n + p.length + 1, 0);
      return lines + paragraphLines(value, from, from + paragraphs[i].length, perLine);
    }, 0);
  // Words of any length (some longer than a line), parted by single spaces, in paragraphs that may start or end with one.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '•', '-', '.'), minLength: 1, maxLength: 30 });
  const paragraph = fc.tuple(fc.boolean(), fc.array(word, { maxLength: 25 }), fc.boolean()).map(([lead, words, trail]) => `${lead ? ' ' : ''}${words.join(' ')}${trail ? ' ' : ''}`);
  const paragraphs = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n'));

  test('counts the lines word-by-word filling gives, for any words and widths', () => {
    fc.assert(
      fc.property(paragraphs, fc.integer({ min: 1, max: 60 }), (value, perLine) => {
        expect(wrappedLines(value, perLine)).toBe(wordByWord(value, perLine));
      }),
      { numRuns: 2000 },
    );
  });

  test('text with other white space (runs of spaces, tabs) is still counted word by word', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r'), maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (value, perLine) => {
        expect(wrappedLines(value, perLine)).toBe(wordByWord(value, perLine));
      }),
      { numRuns: 1000 },
    );
  });

  test('a word exactly a line long, a line and one more, and a line ending on a space', () => {
    expect(wrappedLines('abcd efgh', 4)).toBe(2);
    expect(wrappedLines('abcde fg', 4)).toBe(2);
    expect(wrappedLines('abcd ', 4)).toBe(1);
    expect(wrappedLines('ab cd ef', 5)).toBe(2);
  });
});
