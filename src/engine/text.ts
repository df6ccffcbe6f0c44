/** Small text helpers shared by the engine. */
import { distance } from 'fastest-levenshtein';

/**
 * Whether a cell's text needs xml:space="preserve" to keep its white space: it starts or ends with white space,
 * holds a line break or a tab, or two white-space characters in a row. The same as /^\s|\s$|\s\s|\n|\t/, which the
 * writer asks of every text cell. The ends are looked at directly and the rest by INNER_SPACE: the whole expression
 * tried each alternative at each character, and a loop over the characters in JavaScript took three times as long
 * as INNER_SPACE's compiled scan (both measured on 48 million characters of action text).
 */
export function needsPreserve(text: string): boolean {
  const last = text.length - 1;
  if (last < 0) return false;
  return isWhiteSpace(text.charCodeAt(0)) || isWhiteSpace(text.charCodeAt(last)) || INNER_SPACE.test(text);
}

/** A line break, a tab, or two white-space characters in a row. */
const INNER_SPACE = /[\n\t]|\s\s/;

/** Matches every text at its start: asking it of a text makes V8 lay the text out flat (see `flat`). */
const ANY_TEXT = /^/;

/**
 * The same text, laid out as one flat string. A text made by joining pieces (a template literal) is held by V8 as a
 * tree of its pieces until something reads it as a whole, and a text kept for the whole run (a finding's message)
 * keeps every piece alive: the garbage collector copied each one, twice, as it outlived the young generation. Running
 * a regular expression over a text makes V8 flatten it in place, after which the pieces are garbage. (Reading one
 * character does it too, but an unused character may be optimised away; a regular expression's test is not.)
 */
export function flat(text: string): string {
  ANY_TEXT.test(text);
  return text;
}

/** White space that collapsing changes: a run of it, or any but a plain space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/**
 * Each run of white space that collapsing changes, whole: two or more characters, or one that is not a plain space
 * with the rest of its run. A plain single space is left alone, so a sentence's spaces are not each a match: with
 * /\s+/g every space between words was one, and replace kept a list of every match of a long text.
 */
const UNTIDY_RUN = /\s{2,}|[^\S ]\s*/g;

/** Every run of white space as one plain space, as `text.replace(/\s+/g, ' ')` gives; the text itself when tidy. */
export function collapseSpace(text: string): string {
  return UNTIDY_SPACE.test(text) ? text.replace(UNTIDY_RUN, ' ') : text;
}

/**
 * Collapses runs of white space and trims. Most texts need neither: then no copy is made (replace would make one
 * even when nothing changes), so a board-pack sheet keeps the action's own string rather than a copy of it.
 */
export function tidy(text: string): string {
  return collapseSpace(text).trim();
}

/**
 * The first `length` characters of `text` with its runs of white space collapsed to one space: the same as
 * `text.replace(/\s+/g, ' ').slice(0, length)`, without collapsing all of a long text to keep the start of it.
 * Collapsing is prefix-preserving, so once a prefix collapses to `length` characters the rest cannot change them.
 */
export function collapsedStart(text: string, length: number): string {
  for (let take = length * 2; ; take *= 4) {
    const whole = take >= text.length;
    const part = whole ? text : text.slice(0, take);
    const collapsed = collapseSpace(part);
    if (whole || collapsed.length >= length) return collapsed.slice(0, length);
  }
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

/**
 * Whether `normalise(text)` has more than `most` letters and digits, told without normalising it: normalising keeps
 * every ASCII letter and digit and makes each "&" three letters (" and "), so a text with more of those than `most`
 * has more after normalising too. (It may say false for a text whose other characters lower-case into ASCII
 * letters, as the Kelvin sign does: a quick "no" for long texts, not a count.)
 */
export function moreLettersThan(text: string, most: number): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x26) letters += 3;
    else if ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)) letters++;
    if (letters > most) return true;
  }
  return false;
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

/**
 * Whether the text has fewer than `n` words (runs without white space that hold a letter or digit); stops at the
 * nth. Scans the characters rather than matching each run: this runs on every action, and the match objects were
 * the validator's largest allocation at 50,000 actions.
 */
export function hasFewerWords(text: string, n: number): boolean {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhiteSpace(c)) counted = false;
    else if (!counted && isAsciiLetterOrDigit(c)) {
      counted = true;
      if (++words >= n) return false;
    }
  }
  return words < n;
}

/** The characters `\s` matches in a JavaScript regular expression. */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
