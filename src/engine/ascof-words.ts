/**
 * Which ASCOF measure a phrase describes, from its words: "adults with learning disabilities in paid employment"
 * reads as pre-2023 1E, whatever code is written beside it. Used to check a code quoted in plan text ("… (ASCOF 1F)")
 * against the words it stands beside, under both numberings.
 *
 * The comparison is by the words that tell the measures apart. Each catalogue name is cut into words (a hyphenated
 * word is one word), folded to a
 * common form (plurals, "employment" and "work", "satisfied" and "satisfaction"), and words every measure shares
 * ("people", "services", "percentage") are dropped. A word found in few measures counts for more than one found in
 * many. A phrase "names" a measure only when it shares at least two such words with it (measures that match about
 * as well count too): a phrase about something ASCOF does not measure (complaints, assessments within 28 days)
 * names none, and is never reported.
 */
import { ASCOF_CATALOGUE, AscofEntry, CURRENT_ASCOF, lookupCode } from './ascof';
import { addToGroup } from './group';

/** Words that say nothing about which measure is meant: in most measures, or in none, or only grammar. */
const STOP = new Set(
  (
    'a an and or the of in into to with by for from at as on their they them who which that this is are be been its ' +
    'people person use user service adult percentage proportion number rate per 100 000 within after before ' +
    'care support still overall only no not part all each reported say says said aged age ' +
    'receive received receiving ' +
    'increase increased reduce reduced improve improved maintain year years month months day days'
  ).split(' '),
);

/** One form for words the measures' names and plans write differently. */
const FOLD: Record<string, string> = {
  // Ages as the measures write them ("aged 65+", "18-64") and as plans do ("older people", "younger adults").
  '65': 'older',
  '64': 'younger',
  employment: 'work',
  employed: 'work',
  job: 'work',
  jobs: 'work',
  satisfaction: 'satisfied',
  admission: 'admit',
  admitted: 'admit',
  move: 'admit',
  moving: 'admit',
  ongoing: 'further',
  more: 'further',
  rehabilitation: 'reablement',
  reabled: 'reablement',
  discharged: 'discharge',
  leaving: 'discharge',
  safety: 'safe',
  safely: 'safe',
  secure: 'safe',
  independently: 'independent',
  independence: 'independent',
  staff: 'workforce',
  consulted: 'consult',
  included: 'consult',
  involved: 'consult',
  disabilities: 'disability',
  homes: 'home',
  carers: 'carer',
  payments: 'payment',
  transfers: 'transfer',
  delays: 'delayed',
  delay: 'delayed',
};

/** The telling words of a text, folded, in a set. */
export function measureWords(text: string): Set<string> {
  const out = new Set<string>();
  // A hyphenated word is one word ("short-term", "self-directed"): its halves alone ("long", "term") tell little.
  const joined = text.toLowerCase().replace(/([a-z])-(?=[a-z])/g, '$1');
  for (const raw of joined.match(/[a-z0-9]+/g) ?? []) {
    let w = FOLD[raw] ?? raw;
    if (!FOLD[raw] && w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = FOLD[w.slice(0, -1)] ?? w.slice(0, -1);
    if (!STOP.has(w) && !/^\d+$/.test(w)) out.add(w);
  }
  return out;
}

/** A measure as the words see it: the catalogue entries that share a name are one measure. */
interface Measure {
  entries: AscofEntry[];
  words: Set<string>;
}

const MEASURES: Measure[] = (() => {
  const byName = new Map<string, AscofEntry[]>();
  for (const e of ASCOF_CATALOGUE) addToGroup(byName, e.name, e);
  return [...byName.values()].map((entries) => ({ entries, words: measureWords(entries[0].name) }));
})();

/** In how many measures each word appears: a word in one measure tells it apart; a word in six barely does. */
const SPREAD = (() => {
  const spread = new Map<string, number>();
  for (const m of MEASURES) for (const w of m.words) spread.set(w, (spread.get(w) ?? 0) + 1);
  return spread;
})();

function score(words: Set<string>, measure: Measure): { weight: number; shared: number } {
  let weight = 0;
  let shared = 0;
  for (const w of measure.words) {
    if (!words.has(w)) continue;
    shared++;
    weight += 1 / SPREAD.get(w)!;
  }
  return { weight, shared };
}

export interface NamedMeasure {
  entries: AscofEntry[];
  /** The words the phrase and the measure share, as folded. */
  shared: string[];
}

/**
 * The measure a phrase names (with any that match it about as well), or null when it names none clearly: no measure
 * shares two telling words with it.
 */
export function measureNamedBy(text: string): NamedMeasure | null {
  const words = measureWords(text);
  if (words.size < 2) return null;
  const ranked = MEASURES.map((m) => ({ m, ...score(words, m) }))
    .filter((r) => r.shared >= 2)
    .sort((a, b) => b.weight - a.weight);
  if (!ranked.length) return null;
  const best = ranked[0];
  // Near ties (the user and carer versions of a measure, 18-64 and 65+, quality of life for users and for carers)
  // all count: a code meaning any of them agrees with the words.
  const tied = ranked.filter((r) => r.weight >= best.weight * 0.75);
  return {
    entries: tied.flatMap((r) => r.m.entries),
    shared: [...best.m.words].filter((w) => words.has(w)),
  };
}

/** The confirmed current codes: a code outside them may be the unconfirmed new number of any current measure. */
const CONFIRMED_CURRENT = new Set(CURRENT_ASCOF.filter((e) => e.code).map((e) => e.code!.toUpperCase().slice(0, 2)));

export interface CodeWordsMismatch {
  /** What the code means in each framework. */
  codeMeans: AscofEntry[];
  /** What the words describe. */
  wordsName: AscofEntry[];
  shared: string[];
}

/**
 * Whether a quoted code names a different measure from the words beside it, under both numberings. Null when the
 * words name no measure clearly, when the code can mean the measure the words name in either framework, or when it
 * could be the unconfirmed 2023-24 number of that measure (a code the current framework has not confirmed, beside
 * words naming a current measure whose number is not confirmed): the tool cannot tell those apart, so it stays quiet.
 */
export function codeWordsMismatch(code: string, words: string): CodeWordsMismatch | null {
  const codeMeans = lookupCode(code);
  if (!codeMeans.length) return null;
  const named = measureNamedBy(words);
  if (!named) return null;
  if (named.entries.some((e) => codeMeans.includes(e))) return null;
  const unconfirmedTopic = named.entries.some((e) => e.framework === 'current' && !e.confirmed) || CURRENT_ASCOF.some((c) => !c.confirmed && c.relatedPre2023?.some((r) => named.entries.some((e) => e.code === r)));
  if (unconfirmedTopic && !CONFIRMED_CURRENT.has(code.toUpperCase().slice(0, 2))) return null;
  return { codeMeans, wordsName: named.entries, shared: named.shared };
}

/** "ASCOF 2A from 2023-24, or 2D before 2023-24". */
export function codesInWords(entries: AscofEntry[]): string {
  const list = (framework: AscofEntry['framework']) => [...new Set(entries.filter((e) => e.framework === framework && e.code).map((e) => e.code!))];
  const current = list('current');
  const previous = list('pre-2023');
  const parts = [current.length ? `${current.join(' or ')} from 2023-24` : null, previous.length ? `${previous.join(' or ')} before 2023-24` : null];
  return `ASCOF ${parts.filter(Boolean).join(', or ')}`;
}
