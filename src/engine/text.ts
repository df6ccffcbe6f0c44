/** Small text helpers shared by the engine. */
import { distance } from 'fastest-levenshtein';

/** Collapses runs of white space and trims. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower-case, letters and digits only, single spaces: the form synonyms are compared in. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[‘’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Similarity in [0, 1] from edit distance on normalised text. */
export function similarity(a: string, b: string): number {
  return normalisedSimilarity(normalise(a), normalise(b));
}

/**
 * `similarity` of two texts already normalised. For comparing one text with a list of phrases: normalising the
 * text once rather than once a phrase, which cost several times the edit distances themselves.
 */
export function normalisedSimilarity(x: string, y: string): number {
  if (!x.length && !y.length) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** Joins distinct non-empty values with a newline, in order. */
export function joinDistinct(values: (string | null | undefined)[]): string | null {
  const seen: string[] = [];
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const t = v.trim();
    if (t && !seen.includes(t)) seen.push(t);
  }
  return seen.length ? seen.join('\n') : null;
}
