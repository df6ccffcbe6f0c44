/**
 * Synonyms for the schema's vocabularies (statuses, RAG, CQC themes and quality statements), as real plans write
 * them, and the matching that turns an officer's words into canonical values.
 */
import {
  CQC_THEMES,
  CqcTheme,
  QUALITY_STATEMENTS,
  QualityStatement,
  Rag,
  RAGS,
  Status,
  STATUSES,
} from './schema';
import { moreLettersThan, normalise, normalisedSimilarity } from './text';

export const STATUS_SYNONYMS: Record<Status, readonly string[]> = {
  'Not started': ['not started', 'to be started', 'not yet started', 'to start', 'not commenced', 'planned', 'pending', 'yet to start'],
  'In progress': [
    'in progress', 'started', 'commenced', 'commenced and ongoing', 'ongoing', 'underway', 'under way', 'in hand',
    'progressing', 'work in progress', 'wip', 'in development',
  ],
  'On track': ['on track', 'on target', 'on schedule', 'on course'],
  'At risk': ['at risk', 'slipping', 'some slippage', 'behind schedule', 'minor delay', 'delayed'],
  'Off track': ['off track', 'off target', 'not on track', 'stalled', 'blocked', 'significant delay'],
  Complete: ['complete', 'completed', 'done', 'achieved', 'closed', 'in place', 'delivered', 'finished', 'implemented'],
};

export const RAG_SYNONYMS: Record<Rag, readonly string[]> = {
  Blue: ['b', 'blue', 'complete', 'completed'],
  Green: ['g', 'green'],
  Amber: ['a', 'amber', 'y', 'yellow'],
  Red: ['r', 'red'],
  Grey: ['grey', 'gray', 'gr', 'not started', 'no data'],
  'No update': ['no update', 'not updated', 'no return'],
};

export const QUALITY_STATEMENT_VARIANTS: Record<QualityStatement, readonly string[]> = {
  'Assessing needs': ['assessing need'],
  'Supporting people to live healthier lives': ['supporting people to lead healthier lives', 'supporting people to live healthy lives'],
  'Equity in experience and outcomes': ['equity in experiences and outcomes', 'equity of experience and outcomes'],
  'Care provision, integration and continuity': ['care provision integration and continuity of care'],
  'Partnerships and communities': ['partnership and communities', 'partnerships and community'],
  'Safe systems, pathways and transitions': [
    'safe pathways systems and transitions', 'safe systems pathways and continuity of care', 'safe systems pathways and transition',
  ],
  Safeguarding: ['safeguarding adults'],
  'Governance, management and sustainability': ['governance management and sustainability'],
  'Learning, improvement and innovation': ['learning improvement and innovation', 'learning improvement innovation'],
};

/**
 * Distinctive words from each statement's "we statement", for cells that give the description without the name
 * ("We have clear responsibilities, roles, systems of accountability and good governance …").
 */
export const QUALITY_STATEMENT_KEY_PHRASES: Record<QualityStatement, string[]> = {
  'Assessing needs': ['assessing and reviewing their health care wellbeing'],
  'Supporting people to live healthier lives': ['manage their health and wellbeing so they can maximise their independence'],
  'Equity in experience and outcomes': ['most likely to experience inequality in experience or outcomes'],
  'Care provision, integration and continuity': ['care is joined up flexible and supports choice and continuity'],
  'Partnerships and communities': ['our duty to collaborate and work in partnership'],
  'Safe systems, pathways and transitions': ['safety is a priority for everyone', 'safe systems pathways and transitions'],
  Safeguarding: ['understand what being safe means to them'],
  'Governance, management and sustainability': ['systems of accountability and good governance'],
  'Learning, improvement and innovation': ['focus on continuous learning innovation and improvement'],
};

export const CQC_THEME_VARIANTS: Record<CqcTheme, readonly string[]> = {
  'Working with people': ['how the local authority works with people', 'how local authorities work with people'],
  'Providing support': ['how the local authority provides support'],
  'Ensuring safety within the system': ['ensuring safety', 'how the local authority ensures safety within the system'],
  Leadership: ['leadership and workforce'],
};

function buildLookup<T extends string>(table: Record<T, readonly string[]>, canon: readonly T[]): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const value of canon) {
    lookup.set(normalise(value), value);
    for (const synonym of table[value]) lookup.set(normalise(synonym), value);
  }
  return lookup;
}

const statusLookup = buildLookup(STATUS_SYNONYMS, STATUSES);
const ragLookup = buildLookup(RAG_SYNONYMS, RAGS);
const statusPhrasesLongestFirst = [...statusLookup].sort((a, b) => b[0].length - a[0].length);

/**
 * The most letters and digits any of a lookup's phrases has: a text with more (moreLettersThan) is none of them.
 * Texts checked against the statuses and RAG words are mostly whole sentences (an action's text, read as a possible
 * legend), and normalising each cost several strings of its length.
 */
const mostLettersOf = (lookup: Map<string, string>): number => Math.max(...[...lookup.keys()].map((phrase) => phrase.replace(/ /g, '').length));
const STATUS_LETTERS = mostLettersOf(statusLookup);
const RAG_LETTERS = mostLettersOf(ragLookup);

/** A status written as a whole word or phrase, e.g. "On Track", "Completed", "To be started". */
export function matchStatus(text: string): Status | null {
  return moreLettersThan(text, STATUS_LETTERS) ? null : statusLookup.get(normalise(text)) ?? null;
}

/**
 * A status word embedded at the end of other text, e.g. "Business Case to consider … Shared Care records -On Track".
 * Only phrases of two words or more, or a whole trailing word after a dash, count: "complete" inside a sentence
 * is not a status.
 */
export function findEmbeddedStatus(text: string): { status: Status; rest: string } | null {
  const n = normalise(text);
  for (const [phrase, status] of statusPhrasesLongestFirst) {
    if (!n.endsWith(` ${phrase}`)) continue;
    if (!phrase.includes(' ') && !/[-–(]\s*[A-Za-z]+\W*$/.test(text)) continue;
    const tail = new RegExp(`[\\s\\-–(]*${phrase.split(' ').join('\\W+')}\\W*$`, 'i');
    return { status, rest: text.replace(tail, '').trim() };
  }
  return null;
}

/** The canonical status nearest to an unrecognised word, for a suggested fix. */
export function nearestStatus(text: string): Status {
  const n = normalise(text);
  let best: Status = STATUSES[0];
  let score = -1;
  // The lookup's phrases are normalised already.
  for (const [phrase, status] of statusLookup) {
    const s = normalisedSimilarity(n, phrase);
    if (s > score) {
      score = s;
      best = status;
    }
  }
  return best;
}

export function matchRag(text: string): Rag | null {
  return moreLettersThan(text, RAG_LETTERS) ? null : ragLookup.get(normalise(text)) ?? null;
}

const qsLookup = buildLookup(QUALITY_STATEMENT_VARIANTS, QUALITY_STATEMENTS);
/** Each quality-statement phrase with the trailing space that makes it a whole-word prefix, built once, not per cell. */
const qsPrefixes = [...qsLookup].map(([phrase, value]) => ({ phrase, prefix: `${phrase} `, value }));
const themeLookup = buildLookup(CQC_THEME_VARIANTS, CQC_THEMES);

/**
 * The quality statement a heading or cell names, when it starts with one ("Assessing Needs: We maximise …").
 * Returns null for text that merely mentions a statement later on.
 */
export function matchQualityStatement(text: string): QualityStatement | null {
  const n = normalise(text);
  let best: { value: QualityStatement; length: number } | null = null;
  for (const { phrase, prefix, value } of qsPrefixes) {
    if ((n === phrase || n.startsWith(prefix)) && (!best || phrase.length > best.length)) best = { value, length: phrase.length };
  }
  if (best) return best.value;
  for (const [value, phrases] of Object.entries(QUALITY_STATEMENT_KEY_PHRASES) as [QualityStatement, string[]][]) {
    if (phrases.some((phrase) => n.includes(phrase))) return value;
  }
  // Tolerate small misspellings in a short heading ("Equity in experiences & outcome").
  const head = normalise(text.split(/[:\n–-]/)[0] ?? '');
  if (head.split(' ').length > 8) return null;
  for (const [phrase, value] of qsLookup) {
    // Edit distance is at least the difference in length: a phrase whose length differs by more than 12% of the
    // longer cannot be 0.88 alike, and its distance (the costly part, worked out for every heading) is not needed.
    if (100 * Math.abs(head.length - phrase.length) > 12 * Math.max(head.length, phrase.length)) continue;
    if (normalisedSimilarity(head, phrase) >= 0.88) return value;
  }
  return null;
}

export function nearestQualityStatement(text: string): { statement: QualityStatement; score: number } {
  const n = normalise(text);
  let best: QualityStatement = QUALITY_STATEMENTS[0];
  let score = -1;
  for (const [phrase, value] of qsLookup) {
    const s = normalisedSimilarity(n, phrase);
    if (s > score) {
      score = s;
      best = value;
    }
  }
  return { statement: best, score };
}

/** The CQC theme a heading names: "Theme 1: How the local authority works with people" → Working with people. */
export function matchCqcTheme(text: string): CqcTheme | null {
  const n = normalise(text.split(/[:\n]/).filter((part) => !/^\s*theme\s*\d+\s*$/i.test(part))[0] ?? '').replace(/^theme \d+ /, '');
  return themeLookup.get(n) ?? null;
}
