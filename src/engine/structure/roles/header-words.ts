/**
 * Evidence from a header's words. Each role has the words a person would use to name it (built from what the
 * role means, not from any plan's headers), compared word by word after stemming, with plurals, possessives and
 * common abbreviations undone. The last role word of the header's main phrase is its head ("Action owner" is a
 * lead, "Action ref" a ref); headers asked as questions ("Who?", "By when?", "How will we know?") are read by
 * their question word and verb.
 */
import { normalise, tidy } from '../../text';
import { Evidence, Role, support } from './evidence';

/** Strength 1 names the role outright; lower strengths hint at it. */
const ROLE_VOCABULARY: Record<Role, Record<string, number>> = {
  ref: { reference: 1, number: 0.95, identifier: 1, code: 0.8, index: 0.8, item: 0.6 },
  theme: {
    theme: 1, domain: 0.9, pillar: 1, strand: 0.9, aim: 0.8, ambition: 0.9, chapter: 0.9, section: 0.8, category: 0.8,
    goal: 0.7, strategic: 0.5, overarching: 0.5,
  },
  qualityStatement: { statement: 0.7 },
  area: {
    area: 1, focus: 0.9, priority: 0.9, issue: 0.85, finding: 0.9, recommendation: 0.9, objective: 0.8, topic: 0.85,
    subtheme: 0.9, concern: 0.8, gap: 0.8, challenge: 0.8, requirement: 0.85, enquiry: 0.8, kloe: 0.9, observation: 0.8,
    weakness: 0.8, problem: 0.8, group: 0.6, improvement: 0.4,
  },
  action: {
    action: 1, commitment: 1, activity: 1, task: 1, intervention: 0.9, initiative: 0.9, response: 0.85, respond: 0.85, undertaking: 0.9,
    workstream: 0.9, project: 0.7, proposal: 0.7, step: 0.6, description: 0.6, improvement: 0.5,
    // Recommendations, findings and deliverables are the action only where a plan has nothing else (see combine.ts).
    recommendation: 0.6, finding: 0.6, requirement: 0.6, deliverable: 0.6, milestone: 0.6,
  },
  milestones: { milestone: 1, deliverable: 0.95, checkpoint: 0.9, stage: 0.6, output: 0.8, step: 0.7, interim: 0.5 },
  lead: {
    lead: 1, owner: 1, ownership: 1, responsible: 1, responsibility: 1, accountable: 1, accountability: 1, officer: 0.95,
    manager: 0.95, director: 0.95, person: 0.9, champion: 0.9, sponsor: 0.9, assignee: 1, holder: 0.7, who: 1, whom: 1,
    department: 0.8, team: 0.75, head: 0.6, contact: 0.6, service: 0.4, senior: 0.4, organisation: 0.5,
    partner: 0.5, agency: 0.5,
  },
  timescale: {
    timescale: 1, timeline: 1, timeframe: 1, deadline: 1, when: 1, date: 0.85, completion: 0.9, target: 0.75,
    schedule: 0.9, timing: 1, time: 0.9, finish: 0.8, end: 0.6, month: 0.7, quarter: 0.7, year: 0.6, period: 0.6,
    start: 0.4, by: 0.3, estimated: 0.3, expected: 0.3,
  },
  dueDate: { due: 1 },
  status: { status: 1, state: 0.85, track: 0.6 },
  rag: { rag: 1, brag: 1, rating: 0.95, colour: 0.9, color: 0.9, red: 0.8, amber: 0.9, green: 0.8, light: 0.5 },
  progress: {
    progress: 1, update: 0.95, commentary: 0.95, comment: 0.9, narrative: 0.9, position: 0.85, latest: 0.8, note: 0.7,
    remark: 0.8, evidence: 0.7, current: 0.5, achieved: 0.5, explanation: 0.6,
  },
  measures: {
    measure: 1, measurement: 1, indicator: 1, metric: 1, criteria: 0.9, criterion: 0.9, success: 0.8, know: 0.9,
    monitor: 0.7, performance: 0.5, target: 0.4, evidence: 0.5,
  },
  outcomes: { outcome: 1, impact: 1, benefit: 0.95, result: 0.9, difference: 0.9, different: 0.9, change: 0.6, achieve: 0.6 },
  lastUpdated: {},
};

/** Several words that together name a role, more surely than any one of them. Compared after stemming. */
const PHRASES: { words: string[]; role: Role; score: number }[] = [
  { words: ['quality', 'statement'], role: 'qualityStatement', score: 1 },
  { words: ['we', 'statement'], role: 'qualityStatement', score: 0.9 },
  { words: ['due', 'date'], role: 'dueDate', score: 1 },
  { words: ['date', 'due'], role: 'dueDate', score: 1 },
  { words: ['last', 'update'], role: 'lastUpdated', score: 1 },
  { words: ['date', 'updated'], role: 'lastUpdated', score: 1 },
  { words: ['update', 'date'], role: 'lastUpdated', score: 1 },
  { words: ['date', 'of', 'update'], role: 'lastUpdated', score: 1 },
  { words: ['last', 'review'], role: 'lastUpdated', score: 0.95 },
  { words: ['review', 'date'], role: 'lastUpdated', score: 0.9 },
  { words: ['as', 'at'], role: 'lastUpdated', score: 0.9 },
  { words: ['red', 'amber', 'green'], role: 'rag', score: 1 },
  { words: ['traffic', 'light'], role: 'rag', score: 1 },
  { words: ['performance', 'indicator'], role: 'measures', score: 1 },
  { words: ['on', 'track'], role: 'status', score: 0.8 },
  { words: ['sub', 'theme'], role: 'area', score: 1 },
  { words: ['time', 'frame'], role: 'timescale', score: 1 },
  { words: ['head', 'of', 'service'], role: 'lead', score: 0.95 },
];

/** Abbreviations officers use in headers, and the word each stands for. */
const ABBREVIATIONS: Record<string, string[]> = {
  resp: ['responsible'], respons: ['responsible'], dept: ['department'], dir: ['director'], tgt: ['target'],
  exp: ['expected'], est: ['estimated'], no: ['number'], nos: ['number'], num: ['number'], ref: ['reference'],
  id: ['identifier'], kpi: ['performance', 'indicator'], pi: ['performance', 'indicator'], mgr: ['manager'],
  hos: ['head', 'of', 'service'], ad: ['director'], dass: ['director'], qs: ['quality', 'statement'],
  upd: ['update'], compl: ['completion'], desc: ['description'], prog: ['progress'], yr: ['year'], qtr: ['quarter'],
  mth: ['month'], wk: ['week'], org: ['organisation'], comms: ['communication'],
  // The public sector's usual name for whoever answers for a piece of work.
  sro: ['senior', 'responsible', 'owner'],
  rec: ['recommendation'], recs: ['recommendation'], msr: ['measure'], msrs: ['measure'],
};

/** Abbreviations so common that they are the word itself, not a guess at it. */
const PLAIN_ABBREVIATIONS = new Set(['ref', 'id', 'no', 'kpi', 'pi', 'qs']);

/** Participles that mean "when this row was last changed", not "an update". */
const CHANGED_ON = new Set(['updated', 'reviewed', 'revised', 'modified', 'amended', 'changed']);

const QUESTION_WORDS = new Set(['who', 'whom', 'whose', 'what', 'when', 'how', 'why', 'where', 'which']);
/** After a role word, these start a qualifier: "Areas of focus", "Outcomes for users", "Progress to date". */
const PREPOSITIONS = new Set(['of', 'for', 'by', 'to', 'within', 'from', 'in', 'on', 'at', 'against', 'with', 'under', 'including', 'per', 'and']);
const FILLER = new Set([
  'the', 'a', 'an', 'we', 'our', 'us', 'you', 'your', 'they', 'their', 'it', 'its', 'is', 'are', 'be', 'been', 'will',
  'has', 'have', 'had', 'key', 'main', 'overall', 'all', 'any', 'this', 'that', 'these', 'those', 'made', 'make',
  'need', 'needs', 'should', 'must', 'can', 'would', 'there', 'if', 'or', 'and', 's', 'e', 'g', 'eg', 'ie', 'etc',
]);
/** Verbs that, asked with "what" or "how", ask for the action ("What needs to happen?", "What will we do?"). */
const DOING = new Set(['do', 'happen', 'done', 'deliver', 'take', 'undertake', 'implement', 'action', 'achieve', 'change']);

const DOING_STEMS = new Set([...DOING].map((d) => stem(d)));

/** A light stemmer: plural, -ing, -ed and a final e, so that "updates", "updating" and "update" compare equal. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** Stem → the roles it names, with their strengths. */
const WORD_ROLES = new Map<string, { role: Role; strength: number }[]>();
for (const [role, words] of Object.entries(ROLE_VOCABULARY) as [Role, Record<string, number>][]) {
  for (const [word, strength] of Object.entries(words)) {
    const key = stem(word);
    const list = WORD_ROLES.get(key) ?? [];
    list.push({ role, strength });
    WORD_ROLES.set(key, list);
  }
}
const STEMMED_PHRASES = PHRASES.map((p) => ({ ...p, stems: p.words.map(stem) }));

interface Word {
  raw: string;
  stem: string;
  /** Where the word sits: the main phrase, or a qualifier (before a colon, in brackets, after "of"). */
  main: boolean;
  /** Stood for by an abbreviation ("Resp.", "Tgt"). */
  abbreviated: boolean;
}

function expand(raw: string, main: boolean): Word[] {
  const singular = raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
  const full = ABBREVIATIONS[raw] ?? ABBREVIATIONS[singular];
  const guess = !PLAIN_ABBREVIATIONS.has(raw) && !PLAIN_ABBREVIATIONS.has(singular);
  if (full) return full.map((w) => ({ raw: w, stem: stem(w), main, abbreviated: guess }));
  return [{ raw, stem: stem(raw), main, abbreviated: false }];
}

/** The header's words in order, each marked main or qualifier. */
function headerWords(label: string): { words: Word[]; question: boolean } {
  let text = tidy(label).replace(/\((s|es)\)/gi, 's');
  const question = /\?\s*$/.test(text);
  // "Theme 1: Quality statement": the words after the colon name the column; those before qualify it.
  let before = '';
  const colon = text.indexOf(':');
  if (colon > 0 && normalise(text.slice(colon + 1))) {
    before = text.slice(0, colon);
    text = text.slice(colon + 1);
  }
  const bracketed: string[] = [];
  text = text.replace(/\(([^)]*)\)?/g, (_, inner: string) => {
    bracketed.push(inner);
    return ' ';
  });
  const words: Word[] = [];
  for (const raw of normalise(text).split(' ')) if (raw && !/^\d+$/.test(raw)) words.push(...expand(raw, true));
  for (const raw of normalise(`${before} ${bracketed.join(' ')}`).split(' ')) if (raw && !/^\d+$/.test(raw)) words.push(...expand(raw, false));
  return { words, question: question || QUESTION_WORDS.has(words[0]?.raw ?? '') };
}

function rolesOf(word: Word): { role: Role; strength: number }[] {
  if (CHANGED_ON.has(word.raw)) return [{ role: 'lastUpdated', strength: 0.85 }];
  return WORD_ROLES.get(word.stem) ?? [];
}

const cache = new Map<string, Evidence>();

/** What a header's words say about the column's role. Cached per distinct label: plans repeat their headers. */
export function headerEvidence(label: string): Evidence {
  const cached = cache.get(label);
  if (cached) return cached;
  const evidence = headerEvidenceUncached(label);
  if (cache.size > 50_000) cache.clear();
  cache.set(label, evidence);
  return evidence;
}

function headerEvidenceUncached(label: string): Evidence {
  const evidence: Evidence = {};
  const text = tidy(label);
  if (!text || text.length > 90) return evidence;
  const { words, question } = headerWords(text);
  if (!words.length) return evidence;
  const quoted = `"${text}"`;

  // A qualifier begins at the first preposition after a role word: "Areas of focus identified within the report".
  let seenRole = false;
  for (const w of words) {
    if (!w.main) break;
    if (seenRole && PREPOSITIONS.has(w.raw)) {
      for (const rest of words.slice(words.indexOf(w))) rest.main = false;
      break;
    }
    if (rolesOf(w).length) seenRole = true;
  }

  const contributions = new Map<Role, number[]>();
  const add = (role: Role, score: number): void => {
    const list = contributions.get(role) ?? [];
    list.push(score);
    contributions.set(role, list);
  };

  const known = new Set<Word>();
  for (const phrase of STEMMED_PHRASES) {
    const at = findSequence(words, phrase.stems);
    if (at < 0) continue;
    add(phrase.role, phrase.score * (words[at].main ? 1 : 0.6));
    for (let i = at; i < at + phrase.stems.length; i++) known.add(words[i]);
  }

  if (question) readQuestion(words, add);
  // "We will know we have made a difference by …": knowing whether it worked is measuring it, asked or not.
  if (words.some((w) => w.stem === 'know')) add('measures', 1);
  const main = words.filter((w) => w.main);
  const head = [...main].reverse().find((w) => rolesOf(w).length);
  let unknown = 0;
  for (const w of words) {
    const roles = rolesOf(w);
    if (!roles.length) {
      if (w.main && !known.has(w) && !isFunctionWord(w)) unknown++;
      continue;
    }
    // In a question every word counts alike; otherwise the head names the column and the rest qualify it.
    const weight = question || w === head ? 1 : w.main ? 0.5 : 0.4;
    const certainty = w.abbreviated ? 0.9 : 1;
    for (const { role, strength } of roles) add(role, strength * weight * certainty);
  }

  // Words the vocabulary does not know make the reading less sure ("Responsible xyzzy"), up to a point.
  const coverage = Math.max(0.75, 1 - 0.08 * unknown);
  for (const [role, scores] of contributions) {
    scores.sort((a, b) => b - a);
    const rest = scores.slice(1).reduce((sum, s) => sum + s, 0);
    const score = Math.min(1, scores[0] + 0.15 * rest) * coverage;
    support(evidence, role, round(score), `the header ${quoted} names ${describe(role)}`);
  }
  // An abbreviation is a guess at what the officer meant: never quite certain.
  if (head?.abbreviated) for (const s of Object.values(evidence)) s.score = Math.min(s.score, 0.9);
  return evidence;
}

/** "Who?", "By when?", "What needs to happen?", "How will we know?", "What will be different?" */
function readQuestion(words: Word[], add: (role: Role, score: number) => void): void {
  const raws = new Set(words.map((w) => w.raw));
  const stems = new Set(words.map((w) => w.stem));
  if (raws.has('who') || raws.has('whom') || raws.has('whose')) add('lead', 1);
  if (raws.has('when')) add('timescale', 1);
  const asks = raws.has('what') || raws.has('how');
  const doing = [...DOING_STEMS].some((d) => stems.has(d));
  // Doing asked of the past ("What has been done?", "What did we achieve?", "What was delivered?") is the progress.
  const past = ['has', 'have', 'had', 'did', 'was', 'were'].some((w) => raws.has(w)) && !raws.has('will');
  if (asks && doing && past) {
    add('progress', 0.95);
    return;
  }
  if (asks && doing) add('action', 0.95);
  if (raws.has('how') && ['know', 'measur', 'tell', 'success', 'evidenc'].some((s) => stems.has(s))) add('measures', 1);
  if (raws.has('what') && ['count', 'measur', 'monitor', 'track'].some((s) => stems.has(s))) add('measures', 0.95);
  if (raws.has('what') && ['different', 'differenc', 'chang', 'success', 'look', 'impact', 'result'].some((s) => stems.has(s))) add('outcomes', 0.95);
  if (raws.has('what') && !stems.has('know')) add('action', 0.5);
  if (raws.has('why')) add('outcomes', 0.5);
  if (raws.has('how') && ['progress', 'going', 'far'].some((s) => stems.has(stem(s)))) add('progress', 0.9);
  // "Where are we now?" asks the current position: the progress. "Where do we want to be?" asks the aim: the outcome.
  if (raws.has('where') && ['now', 'current', 'today', 'currently'].some((w) => raws.has(w))) add('progress', 0.9);
  if (raws.has('where') && ['want', 'aim', 'need', 'should'].some((w) => raws.has(w)) && raws.has('be')) add('outcomes', 0.9);
  // "Where is it at?", "Where does it stand?" ask the state of the work: a status or a progress note, as the column's
  // contents show.
  if (raws.has('where') && ['at', 'stand', 'stands', 'standing'].some((w) => raws.has(w))) {
    add('status', 0.8);
    add('progress', 0.8);
  }
}

/** Words that carry no role of their own but are no sign of a header we misread either. */
function isFunctionWord(w: Word): boolean {
  return FILLER.has(w.raw) || PREPOSITIONS.has(w.raw) || QUESTION_WORDS.has(w.raw) || DOING_STEMS.has(w.stem);
}

function findSequence(words: Word[], stems: string[]): number {
  outer: for (let i = 0; i + stems.length <= words.length; i++) {
    for (let j = 0; j < stems.length; j++) if (words[i + j].stem !== stems[j]) continue outer;
    return i;
  }
  return -1;
}

function describe(role: Role): string {
  const words: Record<Role, string> = {
    ref: 'a reference', theme: 'a theme', qualityStatement: 'a quality statement', area: 'an area or grouping',
    action: 'the action', milestones: 'milestones', lead: 'who leads', timescale: 'when', dueDate: 'a due date',
    status: 'a status', rag: 'a RAG rating', progress: 'progress', measures: 'how success is measured',
    outcomes: 'outcomes', lastUpdated: 'when it was last updated',
  };
  return words[role];
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
