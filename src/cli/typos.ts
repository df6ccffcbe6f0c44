/**
 * What the officer probably meant by an option or command the command does not know: "--todya" is "--today". A
 * mistyped option otherwise got Node's parser's own words, which talk about positional arguments and "--".
 */
import { distance } from 'fastest-levenshtein';

/** The known word nearest `word`, when it is one letter out, or two in a word of three letters or more; else null. */
export function nearestWord(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Two letters out covers a swapped pair ("todya", "otu"), which Levenshtein counts as two.
  return best !== null && bestDistance <= (word.length >= 3 ? 2 : 1) ? best : null;
}

/** Node's parseArgs error for an option, in the command's own words, with the likely option where one is near. */
export function optionErrorMessage(error: unknown, options: readonly string[]): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const named = /'(-{1,2}[^'\s=]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && named) {
    const near = nearestWord(named.replace(/^-+/, ''), options);
    return `Unknown option ${named}.${near ? ` Did you mean --${near}?` : ''}`;
  }
  // "argument missing" at the end of the line; "argument is ambiguous" when another option follows (--today --json).
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named && /argument (missing|is ambiguous)/.test(message ?? '')) return `${named} needs a value after it.`;
  return message ?? String(error);
}
