/**
 * How the KPI Calc sheet finds each observation's KPI among the register's ids, and the engine's mirror of it, so the
 * KPI number can be stored beside its formula.
 *
 * MATCH reads * ? ~ in the looked-up text as wildcards in Excel and LibreOffice, but not in every app (HyperFormula
 * takes them literally), so an id such as "A*1" could find another KPI's row. Both sides are therefore compared as a
 * key with those characters spelt out ("!" → "!!", "*" → "!s", "?" → "!q", "~" → "!t"): the key is one-to-one, so two
 * ids match exactly when their keys do, and no app sees a wildcard in it.
 */

/** The characters spelt out, in the order SUBSTITUTE replaces them ("!" first, as the others bring it in). */
const SPELT: readonly [string, string][] = [
  ['!', '!!'],
  ['*', '!s'],
  ['?', '!q'],
  ['~', '!t'],
];
const SPELLING = new Map(SPELT);

/** The key formula over a cell or expression holding an id. */
export function idKeyFormula(ref: string): string {
  return SPELT.reduce((f, [from, to]) => `SUBSTITUTE(${f},"${from}","${to}")`, ref);
}

/** The key of an id, as idKeyFormula computes it. */
export function idKey(id: string): string {
  return id.replace(/[!*?~]/g, (c) => SPELLING.get(c)!);
}

/** Excel's MATCH cannot look up text longer than this (it gives #VALUE!); other apps can, so the result is uncertain. */
const MATCH_TEXT_LIMIT = 255;

const ASCII = /^[\x20-\x7e]*$/;

/**
 * The loosest equality any app might apply: case (with expansions: "ß" as "SS"), accents and compatibility forms
 * (full-width letters, ligatures) ignored.
 */
function loose(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return keepingNoBreakSpaces(text, (t) => t.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().toLowerCase());
}

/**
 * A no-break space (U+00A0, common in ids pasted from the web) is a character of its own to every app's lookup, not a
 * space: the well-known reason a lookup of such an id fails. Compatibility forms would make it one, so it is set aside.
 */
function keepingNoBreakSpaces(text: string, f: (t: string) => string): string {
  return text.includes('\u00A0') ? text.split('\u00A0').map(f).join('\u00A0') : f(text);
}

/**
 * Whether every letter has one simple upper and lower case, each the other's, so that UPPER gives the same text in
 * every app (not "ß", which JavaScript writes "SS", a dotless "ı", a long "ſ" or a ligature).
 */
export function simplyCased(text: string): boolean {
  if (ASCII.test(text)) return true;
  for (const c of text) {
    const upper = c.toUpperCase();
    const lower = c.toLowerCase();
    if ([...upper].length !== 1 || [...lower].length !== 1 || upper.toLowerCase() !== lower || lower.toUpperCase() !== upper) return false;
  }
  return true;
}

/**
 * Whether every app compares the text as the engine does, by its upper case: simply cased text in its composed form
 * (not a full-width letter or an accent written as a combining mark).
 */
function plainCased(text: string): boolean {
  return ASCII.test(text) || (keepingNoBreakSpaces(text, (t) => t.normalize('NFKC')) === text && simplyCased(text));
}

/**
 * The KPI number MATCH gives an id (its first position among the register's ids, blind to case), '' when there is
 * none, or undefined when apps could differ: an id no longer than MATCH takes, compared with a register id that only
 * a looser comparison (accents, compatibility forms, special case mappings) would call the same.
 */
export function registerMatcher(registerIds: readonly string[]): (id: string) => number | '' | undefined {
  const byLoose = new Map<string, number[]>();
  registerIds.forEach((registerId, i) => {
    const at = byLoose.get(loose(registerId));
    if (at) at.push(i + 1);
    else byLoose.set(loose(registerId), [i + 1]);
  });
  return (id) => {
    if (idKey(id).length > MATCH_TEXT_LIMIT) return undefined;
    for (const position of byLoose.get(loose(id)) ?? []) {
      const registerId = registerIds[position - 1];
      if (registerId === id) return position;
      if (!plainCased(id) || !plainCased(registerId)) return undefined;
      if (registerId.toUpperCase() === id.toUpperCase()) return position;
    }
    return '';
  };
}
