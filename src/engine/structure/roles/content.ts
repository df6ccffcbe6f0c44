/**
 * Evidence from what a column holds below its header. Long free text, different on each row, is what actions
 * (and progress) are written in; short repeated names and job titles are leads; dates, months, quarters and
 * "Ongoing" are timescales; the status and RAG vocabularies and reference patterns identify their own columns.
 */
import { matchCqcTheme, matchQualityStatement, matchRag, matchStatus } from '../../vocabulary';
import { Evidence, support } from './evidence';

/** One non-empty cell below the header. */
export interface SampleCell {
  text: string;
  /** A real date cell. */
  date: boolean;
  /** The cell's own value, not one shown from a merged area that starts on a row above. */
  own: boolean;
}

/** What a column holds, summarised from the cells sampled below its header. */
export interface ColumnProfile {
  /** Data rows looked at. */
  rows: number;
  cells: SampleCell[];
  /** How far each row has a value of its own, different from the others: 1 for one commitment per row. */
  individuality: number;
}

interface TextKind {
  words: number;
  /** Several lines, each a short step with its date or month ("Draft to DMT – Dec 2025"): a list of milestones. */
  steps: boolean;
  ref: boolean;
  when: boolean;
  status: boolean;
  rag: boolean;
  person: boolean;
  jobTitle: boolean;
  figure: boolean;
  qualityStatement: boolean;
  theme: boolean;
}

const REF = /^(?:[A-Za-z]{1,3}\s?[.-]?\s?)?\d{1,3}(?:[.-]\d{1,3}){0,3}[a-z]?[.)]?$|^\(?[a-z]\)?\.?$|^\(?[ivx]{1,5}\)?\.?$/;
const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const WHEN = new RegExp(
  [
    `\\b(${MONTH})\\b`, '\\bq[1-4]\\b', '\\b(19|20)\\d{2}\\b', '\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b', '\\bfy\\b',
    '\\bon-?going\\b', '\\bto be (confirmed|agreed|decided|set)\\b', '\\bimmediate(ly)?\\b', '\\bend of\\b', '\\bwithin\\b', '\\b(short|medium|long)[- ]term\\b',
    '\\b\\d+\\s*(weeks?|months?|mths?|m|years?)\\b', '\\b(annual(ly)?|quarterly|monthly|weekly)\\b', '\\btbc\\b', '\\bcontinuous\\b',
  ].join('|'),
  'i',
);
/** Words that make a short text a job title or a body, not a sentence. */
const JOB_WORDS =
  /\b(director|manager|head|officer|lead|leads|team|commissioner|coordinator|co-ordinator|worker|practitioner|chief|principal|assistant|deputy|service|services|board|partnership|council|nhs|icb|group|executive|adviser|advisor|consultant|specialist|dass|dcs|ceo|hos|ad|pmo|hr|finance|all)\b/i;
/**
 * Words that make a short text a clause rather than a title ("Depends on ICB funding decision", "Also reported to
 * the Board"): verbs, and the linking words of a sentence. A job title or a body joins its words with "of", "and",
 * "for" or "the" ("Head of Provider Services"), hardly ever with these.
 */
const CLAUSE_WORDS =
  /\b(to|on|is|are|was|were|will|would|should|could|can|has|have|had|been|being|also|not|if|until|once|awaiting|pending|depends?|dependent|subject|due|via|see|reported|agreed|needs?|requires?)\b/i;
const ONGOING = /^\s*on-?going\s*$/i;
const INITIALS = /^[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*$/;
const CAPITALISED_WORDS = /^[A-Z(][\w'’.()&/-]*(?:\s+(?:of|and|for|the|&|\/|-|–|[A-Z(][\w'’.()&/-]*))*$/;

const kinds = new Map<string, TextKind>();

export function kindOf(text: string): TextKind {
  const known = kinds.get(text);
  if (known) return known;
  const words = countWords(text);
  const short = words <= 8 && text.length <= 80;
  const status = short && matchStatus(text) !== null;
  const rag = short && matchRag(text) !== null;
  const step = isDatedStep(text);
  // "Ongoing" is a status word and a timescale both: the header decides between them.
  const when = short && (!status || ONGOING.test(text)) && !step && WHEN.test(text);
  const ref = text.length <= 12 && REF.test(text.trim()) && !/^[A-Z]$/.test(text.trim());
  const figure = !ref && !when && /^[<>≥≤~]?\s*-?[£$]?\d[\d,.]*\s*(%|k|m)?$/i.test(text.trim());
  const titleLike = short && words <= 7 && !status && !rag && !when && !ref && !figure && !/[.!?;]$/.test(text.trim());
  const jobTitle = titleLike && JOB_WORDS.test(text) && !CLAUSE_WORDS.test(text);
  // A name has two words at least ("Tom Reilly", "J. Osei") or is initials ("JS"): one capitalised word is as often a
  // theme or a programme ("Leadership", "Workforce").
  const person = titleLike && !jobTitle && (words >= 2 || INITIALS.test(text.trim())) && CAPITALISED_WORDS.test(text.replace(/\n/g, ' / ').trim());
  const lines = text.includes('\n') ? text.split('\n').filter((l) => l.trim()) : [];
  const steps = step || (lines.length >= 2 && lines.every((l) => countWords(l) <= 12 && WHEN.test(l)));
  const kind: TextKind = {
    words,
    steps,
    ref,
    when,
    status,
    rag,
    person,
    jobTitle,
    figure,
    qualityStatement: words <= 40 && matchQualityStatement(text) !== null,
    theme: short && matchCqcTheme(text) !== null,
  };
  if (kinds.size > 100_000) kinds.clear();
  kinds.set(text, kind);
  return kind;
}

/**
 * One step with its date, the label first ("Draft to DMT – May 2025"): words that are no date, a dash, then when.
 * A timescale is the date alone ("End of May 2025"), so this is a milestone, not a timescale.
 */
function isDatedStep(text: string): boolean {
  if (text.includes('\n')) return false;
  const m = /^(.+?)\s[–—-]\s(.+)$/.exec(text.trim());
  return !!m && countWords(m[1]) >= 2 && !WHEN.test(m[1]) && WHEN.test(m[2]) && countWords(text) <= 12;
}

function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** What the cells below a header say about the column's role. */
export function contentEvidence(profile: ColumnProfile): Evidence {
  const evidence: Evidence = {};
  const { cells } = profile;
  const n = cells.length;
  if (n < 2) return evidence;
  // A handful of cells is weak evidence; a screenful is as strong as content gets.
  const sure = Math.min(1, n / 5);
  let long = 0;
  let steps = 0;
  let ref = 0;
  let when = 0;
  let dates = 0;
  let status = 0;
  let rag = 0;
  let people = 0;
  let titles = 0;
  let figures = 0;
  let statements = 0;
  let themes = 0;
  let medium = 0;
  const distinct = new Set<string>();
  for (const cell of cells) {
    const k = kindOf(cell.text);
    distinct.add(cell.text);
    if (k.steps) steps++;
    else if (k.words >= 7) long++;
    else if (k.words >= 2 && !k.person && !k.jobTitle && !k.when && !k.status) medium++;
    if (k.ref) ref++;
    if (cell.date) dates++;
    if (k.when || cell.date) when++;
    if (k.status) status++;
    if (k.rag) rag++;
    if (k.person) people++;
    if (k.jobTitle) titles++;
    if (k.figure) figures++;
    if (k.qualityStatement) statements++;
    if (k.theme) themes++;
  }
  const share = (count: number): number => count / n;
  const repeated = distinct.size / n < 0.75;
  const example = `"${cells[0].text.length > 30 ? `${cells[0].text.slice(0, 30)}…` : cells[0].text}"`;

  // Refs numbered in parts ("1.2", "T3", "2a"), every one different, are as telling as a closed vocabulary.
  const numberedRefs = ref === n && distinct.size === n && cells.some((c) => /[.\-a-z]/i.test(c.text.trim()));
  if (share(ref) >= 0.6) support(evidence, 'ref', (0.6 + 0.35 * share(ref)) * (numberedRefs ? Math.min(1, n / 3) : sure), `mostly reference numbers, such as ${example}`);
  if (share(when) >= 0.6) {
    const score = (0.55 + 0.4 * share(when)) * sure;
    support(evidence, 'timescale', score, share(dates) >= 0.6 ? 'mostly dates' : 'mostly dates, months, quarters or years');
    support(evidence, 'dueDate', score * 0.8, share(dates) >= 0.6 ? 'mostly dates' : 'mostly dates, months, quarters or years');
    if (share(dates) >= 0.6) support(evidence, 'lastUpdated', score * 0.7, 'mostly dates');
  }
  // The status and RAG vocabularies are closed lists: every cell one of their words is telling even in a short plan.
  const vocabularySure = (count: number) => (count === n ? Math.min(1, n / 3) : sure);
  if (share(status) >= 0.5 && status >= rag) support(evidence, 'status', (0.55 + 0.4 * share(status)) * vocabularySure(status), `mostly status words, such as ${example}`);
  if (share(rag) >= 0.5 && rag >= status) support(evidence, 'rag', (0.55 + 0.4 * share(rag)) * vocabularySure(rag), `mostly RAG colours or letters, such as ${example}`);
  const named = people + titles;
  if (share(named) >= 0.6 && titles + (repeated ? people : 0) > 0) {
    const score = (0.5 + 0.25 * share(named) + 0.15 * share(titles) + (repeated ? 0.1 : 0)) * sure;
    support(evidence, 'lead', score, repeated ? 'mostly names and job titles, repeated down the column' : 'mostly names and job titles');
  }
  if (share(long) >= 0.5) {
    const freeText = (0.45 + 0.35 * share(long)) * sure;
    const individual = profile.individuality >= 0.7;
    const reason = individual ? 'long free text, different on each row' : 'long free text';
    support(evidence, 'action', individual ? freeText : freeText * 0.8, reason);
    support(evidence, 'progress', freeText * 0.85, reason);
    for (const role of ['outcomes', 'measures', 'milestones'] as const) support(evidence, role, freeText * 0.6, reason);
    support(evidence, 'area', freeText * (individual ? 0.4 : 0.7), reason);
  }
  // Every cell a list of dated steps is as telling as a closed vocabulary: no other column is written that way.
  if (share(steps) >= 0.5) support(evidence, 'milestones', (0.6 + 0.35 * share(steps)) * vocabularySure(steps), 'lists of steps, each with its date or month');
  if (share(statements) >= 0.5) support(evidence, 'qualityStatement', 0.9 * sure, 'mostly CQC quality statements');
  if (share(themes) >= 0.5) support(evidence, 'theme', 0.9 * sure, 'mostly CQC themes');
  if (profile.individuality < 0.6 && share(medium + long) >= 0.6) {
    support(evidence, 'area', 0.55 * sure, 'the same few values over several rows, as a grouping does');
    support(evidence, 'theme', 0.5 * sure, 'the same few values over several rows, as a grouping does');
  }
  if (share(figures) >= 0.6) support(evidence, 'measures', (share(figures) >= 0.8 ? 0.7 : 0.5) * sure, 'mostly figures');
  return evidence;
}

/** How far each sampled row has a value of its own, different from its neighbours'. */
export function individuality(rows: number, cells: SampleCell[]): number {
  if (!rows) return 0;
  const own = cells.filter((c) => c.own);
  return (new Set(own.map((c) => c.text)).size / rows);
}
