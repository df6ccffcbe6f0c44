/**
 * matchStatus and matchRag skip normalising a text that has more letters and digits than any status or RAG phrase
 * (mostly whole sentences, read as possible legends). The skip must never change an answer: checked here against
 * the plain definition, a lookup of the normalised text among the normalised phrases, on random text (accents,
 * ampersands, apostrophes, the Kelvin sign and "İ", whose lower case gives ASCII letters) and on every phrase dressed
 * up as officers write it. matchQualityStatement, likewise, passes over phrases whose length alone keeps them from
 * being alike enough to a misspelt heading.
 */
import fc from 'fast-check';
import { QUALITY_STATEMENTS, QualityStatement, RAGS, STATUSES } from '../src/engine/schema';
import { normalise, normalisedSimilarity } from '../src/engine/text';
import { matchQualityStatement, matchRag, matchStatus, QUALITY_STATEMENT_KEY_PHRASES, QUALITY_STATEMENT_VARIANTS, RAG_SYNONYMS, STATUS_SYNONYMS } from '../src/engine/vocabulary';

function definedLookup<T extends string>(table: Record<T, readonly string[]>, canon: readonly T[]): (text: string) => T | null {
  const lookup = new Map<string, T>();
  for (const value of canon) for (const phrase of [value, ...table[value]]) lookup.set(normalise(phrase), value);
  return (text) => lookup.get(normalise(text)) ?? null;
}
const definedStatus = definedLookup(STATUS_SYNONYMS, STATUSES);
const definedRag = definedLookup(RAG_SYNONYMS, RAGS);

const phrases = [...STATUSES, ...Object.values<readonly string[]>(STATUS_SYNONYMS).flat(), ...RAGS, ...Object.values<readonly string[]>(RAG_SYNONYMS).flat()];
const dressing = fc.constantFrom('', ' ', '  ', '.', ':', ' - ', '*', '\n', '’', "'", '&', ' & ', '(', ')', 'é', '\u212a', 'İ', '•');

test('a phrase dressed up as officers write it matches as the definition says', () => {
  fc.assert(
    fc.property(fc.constantFrom(...phrases), dressing, dressing, fc.boolean(), (phrase, before, after, upper) => {
      const text = `${before}${upper ? phrase.toUpperCase() : phrase}${after}`;
      expect(matchStatus(text)).toBe(definedStatus(text));
      expect(matchRag(text)).toBe(definedRag(text));
    }),
    { numRuns: 2000 },
  );
});

test('any text, long or short, matches as the definition says', () => {
  const piece = fc.oneof(fc.constantFrom(...phrases), fc.string({ unit: 'grapheme', maxLength: 8 }), dressing, fc.constantFrom('K', 'k', 'i', 'R', 'G', 'A'));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      expect(matchStatus(text)).toBe(definedStatus(text));
      expect(matchRag(text)).toBe(definedRag(text));
    }),
    { numRuns: 3000 },
  );
});

test('a sentence longer than every phrase matches nothing, and a short rating still matches', () => {
  expect(matchStatus('Review the arrangements for adult safeguarding referrals and report to the Board')).toBeNull();
  expect(matchRag('Amber - some slippage against the original timescale agreed by the board')).toBeNull();
  expect(matchRag('  AMBER.')).toBe('Amber');
  expect(matchStatus('On track')).toBe('On track');
});

/** matchQualityStatement as defined: a phrase it starts with, else a key phrase it holds, else a near spelling of its head. */
function definedQualityStatement(text: string): QualityStatement | null {
  const phrases: [string, QualityStatement][] = [];
  for (const value of QUALITY_STATEMENTS) for (const p of [value, ...QUALITY_STATEMENT_VARIANTS[value]]) if (!phrases.some(([q]) => q === normalise(p))) phrases.push([normalise(p), value]);
  const n = normalise(text);
  let best: [string, QualityStatement] | null = null;
  for (const entry of phrases) if ((n === entry[0] || n.startsWith(`${entry[0]} `)) && (!best || entry[0].length > best[0].length)) best = entry;
  if (best) return best[1];
  for (const value of QUALITY_STATEMENTS) if (QUALITY_STATEMENT_KEY_PHRASES[value].some((p) => n.includes(p))) return value;
  const head = normalise(text.split(/[:\n–-]/)[0] ?? '');
  if (head.split(' ').length > 8) return null;
  for (const [phrase, value] of phrases) if (normalisedSimilarity(head, phrase) >= 0.88) return value;
  return null;
}

test('a quality statement misspelt, cut short or run on is matched as the definition says', () => {
  const statements = QUALITY_STATEMENTS.flatMap((q) => [q, ...QUALITY_STATEMENT_VARIANTS[q]]);
  const misspelt = fc.tuple(fc.constantFrom(...statements), fc.array(fc.tuple(fc.nat(60), fc.constantFrom('', 'e', 'x', 's', ' ')), { maxLength: 6 })).map(([phrase, edits]) =>
    edits.reduce((t, [at, put]) => t.slice(0, at % (t.length + 1)) + put + t.slice((at % (t.length + 1)) + (put === '' ? 1 : 0)), phrase),
  );
  fc.assert(
    fc.property(misspelt, fc.constantFrom('', ': we do this well', '\nmore', ' – update'), (heading, tail) => {
      expect(matchQualityStatement(heading + tail)).toBe(definedQualityStatement(heading + tail));
    }),
    { numRuns: 3000 },
  );
});
