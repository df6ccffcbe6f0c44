/**
 * The engine's text helpers that replaced regular expressions for speed must give exactly what the expressions
 * gave, on any text: random strings of letters, digits, punctuation and every kind of white space.
 */
import fc from 'fast-check';
import { collapsedStart, collapseSpace, hasFewerWords, needsPreserve, tidy } from '../src/engine/text';
import { isUntidy } from '../src/engine/structure/row-content';
import { shortened } from '../src/engine/board-pack/exception-notes';

const piece = fc.constantFrom('a', 'Z', '7', '-', '–', '.', '😀', 'é', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b');
const texts = fc.array(piece, { maxLength: 600 }).map((parts) => parts.join(''));

describe('the white-space checks asked of every cell', () => {
  test('needsPreserve is /^\\s|\\s$|\\s\\s|\\n|\\t/', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(needsPreserve(text)).toBe(/^\s|\s$|\s\s|\n|\t/.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('isUntidy is /\\t| {2}|^\\s|\\s$|\\s\\n|\\n\\s/', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(isUntidy(text)).toBe(/\t| {2}|^\s|\s$|\s\n|\n\s/.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('collapseSpace', () => {
  test("is text.replace(/\\s+/g, ' '), matching only the runs it changes", () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(collapseSpace(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 3000 },
    );
    expect(collapseSpace(' a  b\t c \n d\u00a0 ')).toBe(' a b c d ');
  });

  test('gives back the very string when there is nothing to collapse', () => {
    const text = 'Action 1: review the arrangements and report';
    expect(collapseSpace(text)).toBe(text);
  });
});

describe('tidy', () => {
  test('is the text with its white space collapsed and trimmed, copied or not', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(tidy(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('collapsedStart', () => {
  test('is the collapsed text cut to length', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 300 }), (text, length) => {
        expect(collapsedStart(text, length)).toBe(text.replace(/\s+/g, ' ').slice(0, length));
      }),
      { numRuns: 500 },
    );
  });

  test('keeps a long run of white space across the cut as one space', () => {
    expect(collapsedStart(`ab${' '.repeat(1000)}cd`, 3)).toBe('ab ');
    expect(collapsedStart(`ab${' '.repeat(1000)}cd`, 10)).toBe('ab cd');
  });
});

describe('shortened', () => {
  /** What it gave when it tidied the whole text first: the start it shows must not change. */
  const wholeTidied = (text: string, max: number): string => {
    const flat = tidy(text);
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
  };

  it('shows the same start as tidying the whole text, however much space the text holds', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 300 }), (text, max) => {
        expect(shortened(text, max)).toBe(wholeTidied(text, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a text that fits once tidied, and cuts one that does not at a word', () => {
    expect(shortened('  Review   the\ncare  plan  ', 20)).toBe('Review the care plan');
    expect(shortened(`  ${'word '.repeat(40)}`, 20)).toBe('word word word…');
    expect(shortened(`Review the care plan${' '.repeat(500)}`, 20)).toBe('Review the care plan');
  });
});

describe('hasFewerWords', () => {
  const byExpression = (text: string, n: number) => [...text.matchAll(/\S+/g)].filter((m) => /[A-Za-z0-9]/.test(m[0])).length < n;

  test('counts runs without white space that hold a letter or digit, as the expression did', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 8 }), (text, n) => {
        expect(hasFewerWords(text, n)).toBe(byExpression(text, n));
      }),
      { numRuns: 500 },
    );
  });

  test('does not count runs of punctuation or non-ASCII letters as words', () => {
    expect(hasFewerWords('Review – the pathway', 3)).toBe(false);
    expect(hasFewerWords('— – … é', 1)).toBe(true);
    expect(hasFewerWords('a-b c', 3)).toBe(true);
  });
});
