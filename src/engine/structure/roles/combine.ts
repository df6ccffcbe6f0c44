/**
 * Weighs the evidence from headers, content and position, and assigns roles across the whole header at once: one
 * action, one ref, one status (and so on) per table, with a confidence and the reasons in plain words for every
 * column, and the other roles each column could hold for the officer to choose from.
 */
import { contentEvidence, ColumnProfile } from './content';
import { Evidence, Role } from './evidence';
import { headerEvidence } from './header-words';
import { best, positionEvidence } from './position';

export const MIN_CONFIDENCE = 0.6;
/** Header words this sure of the action ("Action", "Our commitments") stand whatever the column holds. */
const SURE_ACTION_HEADER = 0.75;

/** A column to be given a role: its header label and what was found below it. */
export interface ColumnInput {
  col: number;
  header: string;
  profile: ColumnProfile;
}

export interface RoleScore {
  field: Role;
  confidence: number;
  reasons: string[];
}

export interface ColumnRole {
  col: number;
  field: Role | null;
  confidence: number;
  reasons: string[];
  /** Every role the column could hold, likeliest first. */
  candidates: RoleScore[];
}

/** Roles a table has one column for; the others (lead, progress, timescale …) may take several columns. */
const ONE_COLUMN: ReadonlySet<Role> = new Set(['ref', 'action', 'status', 'rag', 'dueDate', 'lastUpdated', 'qualityStatement']);

/**
 * How sure what a column holds must be of another role to weaken its header's reading. A middling reading ("mostly
 * names and job titles" from notes that mention a board or the ICB) leaves the officer's header the better witness.
 */
const CONTRADICTS = 0.8;

/** How sure what a column holds must be, with no word of its header agreeing, to give it a role another column holds. */
const SURE_SECOND = 0.9;

type Scores = Partial<Record<Role, { score: number; reasons: string[] }>>;

/** Header and content together: each agreeing makes the other surer; content that says otherwise makes it less so. */
function weigh(header: Evidence, content: Evidence): Scores {
  const scores: Scores = {};
  const contentTop = Math.max(0, ...Object.values(content).map((s) => s.score));
  const roles = new Set([...Object.keys(header), ...Object.keys(content)] as Role[]);
  for (const role of roles) {
    const h = header[role];
    const c = content[role];
    if (h && c) scores[role] = { score: 1 - (1 - h.score) * (1 - c.score), reasons: [h.reason, c.reason] };
    else if (h) {
      const contradicted = contentTop >= CONTRADICTS;
      scores[role] = {
        score: contradicted ? h.score * 0.85 : h.score,
        reasons: contradicted ? [h.reason, `but what it holds looks like ${describeOther(content)}`] : [h.reason],
      };
    } else if (c) scores[role] = { score: c.score * 0.85, reasons: [`what it holds: ${c.reason}`] };
  }
  return scores;
}

function describeOther(content: Evidence): string {
  const top = best(content);
  return top ? `another role (${content[top]!.reason})` : 'another role';
}

/** Assigns a role to each column of one header, from all the evidence. */
export function assignRoles(inputs: ColumnInput[]): ColumnRole[] {
  const weighed: Scored[] = inputs.map((input) => {
    const header = headerEvidence(input.header);
    const content = contentEvidence(input.profile);
    return { input, header, content, scores: weigh(header, content) };
  });

  const actionCol = chooseAction(weighed);
  // The action column as chosen (its action reading may have been raised: findingsAsActions) stands for its column.
  const scored = weighed.map((s) => (actionCol && s.input.col === actionCol.input.col ? actionCol : s));
  const nudges = positionEvidence(
    scored.map((s) => ({ col: s.input.col, scores: flatten(s.scores) })),
    actionCol?.input.col ?? null,
  );
  scored.forEach((s, i) => {
    for (const [role, nudge] of Object.entries(nudges[i]) as [Role, { score: number; reason: string }][]) {
      const known = s.scores[role];
      if (known) s.scores[role] = { score: Math.min(1, nudge.score), reasons: [...known.reasons, ...nudge.reason.split('; ')] };
    }
  });

  const assigned = new Map<number, { field: Role | null; confidence: number; reasons: string[] }>();
  const taken = new Set<Role>();
  if (actionCol) {
    const s = actionCol.scores.action!;
    assigned.set(actionCol.input.col, { field: 'action', confidence: s.score, reasons: s.reasons });
    taken.add('action');
    // Another column that also reads as the action (a recommendation beside the response to it) groups the actions.
    for (const other of scored) {
      if (other === actionCol || !looksLikeAction(other)) continue;
      // Milestones beside the action stay milestones: only a rival action or a grouping groups the actions.
      const likeliest = best(flatten(other.scores));
      if (likeliest !== 'action' && likeliest !== 'area') continue;
      // Free text as individual as the action's, under a header that names neither, is more likely its progress.
      const named = (other.header.action?.score ?? 0) > 0 || (other.header.area?.score ?? 0) > 0;
      if (!named && other.input.profile.individuality >= actionCol.input.profile.individuality - 0.05) continue;
      const grouping = Math.max(other.scores.action!.score, other.scores.area?.score ?? 0);
      assigned.set(other.input.col, {
        field: 'area',
        confidence: round(Math.max(MIN_CONFIDENCE, grouping * 0.9)),
        reasons: [
          ...(other.scores.area?.reasons ?? other.scores.action!.reasons),
          `"${actionCol.input.header}" holds the individual actions, so this column groups them and is kept on each action`,
        ],
      });
    }
  }

  // The strongest claims first, so that a one-column role goes to the column that fits it best.
  const rest = scored.filter((s) => !assigned.has(s.input.col));
  const claims = rest.flatMap((s) => (Object.entries(s.scores) as [Role, { score: number; reasons: string[] }][]).map(([role, v]) => ({ s, role, ...v })));
  claims.sort((a, b) => b.score - a.score || a.s.input.col - b.s.input.col);
  for (const claim of claims) {
    if (claim.score < MIN_CONFIDENCE || assigned.has(claim.s.input.col) || claim.role === 'action') continue;
    if (ONE_COLUMN.has(claim.role) && taken.has(claim.role)) continue;
    // A second column for a role another column already holds (a second lead, a second timescale) needs its header
    // to say so, or what it holds to say so surely: notes mentioning a board or the ICB are not a second lead.
    if (taken.has(claim.role) && !claim.s.header[claim.role] && claim.score < SURE_SECOND * 0.85) continue;
    assigned.set(claim.s.input.col, { field: claim.role, confidence: claim.score, reasons: claim.reasons });
    taken.add(claim.role);
  }

  return scored.map((s) => {
    const candidates = (Object.entries(s.scores) as [Role, { score: number; reasons: string[] }][])
      .map(([field, v]) => ({ field, confidence: round(v.score), reasons: v.reasons }))
      .filter((c) => c.confidence >= 0.2)
      .sort((a, b) => b.confidence - a.confidence);
    const chosen = assigned.get(s.input.col);
    if (chosen) return { col: s.input.col, field: chosen.field, confidence: round(chosen.confidence), reasons: chosen.reasons, candidates };
    const reasons = candidates.length
      ? [`no role fits surely: at best ${candidates[0].field} (${Math.round(candidates[0].confidence * 100)}%)`, ...candidates[0].reasons]
      : ['neither the header nor what the column holds suggests a role'];
    return { col: s.input.col, field: null, confidence: 0, reasons, candidates };
  });
}

interface Scored {
  input: ColumnInput;
  header: Evidence;
  content: Evidence;
  scores: Scores;
}

/** A column that reads as the action: its likeliest role, or its header names it. */
function looksLikeAction(s: Scored): boolean {
  const action = s.scores.action?.score ?? 0;
  if (action < MIN_CONFIDENCE) return false;
  return best(flatten(s.scores)) === 'action' || (s.header.action?.score ?? 0) >= MIN_CONFIDENCE;
}

/**
 * The action column. Where two columns read as the action (a recommendation and the response to it), the one whose
 * rows are individual commitments, each its own, is the action. Where no column reads as the action, a column of
 * recommendations or findings is: the header words give those a weaker action reading for this case.
 */
function chooseAction(scored: Scored[]): Scored | null {
  const candidates = scored.filter(looksLikeAction);
  // A header naming the action only weakly ("What are the steps?") over cells of no free text (dates, names) is
  // outweighed by a column of free text whose header names the action at all ("What did CQC find?").
  if (!candidates.some((s) => s.content.action || (s.header.action?.score ?? 0) >= SURE_ACTION_HEADER)) {
    const findings = findingsAsActions(scored);
    if (findings || !candidates.length) return findings;
  }
  const primary = candidates.filter((s) => best(flatten(s.scores)) === 'action');
  // With no column named as the action outright, a recommendation or finding is the action before milestones are:
  // the milestones are the steps towards it.
  const findings = candidates.filter((s) => best(flatten(s.scores)) === 'area');
  const pool = primary.length ? primary : findings.length ? findings : candidates;
  if (primary.length && candidates.length > primary.length) {
    // A finding beside the response may have as many rows of its own: then the response, the plainer action, wins.
    const fallback = candidates.filter((s) => !primary.includes(s));
    const mostIndividual = [...candidates].sort((a, b) => b.input.profile.individuality - a.input.profile.individuality)[0];
    // Only a finding or recommendation (a grouping by its likeliest role) can take the action from the response:
    // milestones beside the action never do.
    const finding = best(flatten(mostIndividual.scores)) === 'area';
    if (finding && fallback.includes(mostIndividual) && mostIndividual.input.profile.individuality > Math.max(...primary.map((p) => p.input.profile.individuality)) + 0.1) {
      return mostIndividual;
    }
  }
  const tenths = (s: Scored) => Math.round(s.input.profile.individuality * 10);
  return [...pool].sort((a, b) => tenths(b) - tenths(a) || b.scores.action!.score - a.scores.action!.score || a.input.col - b.input.col)[0];
}

/**
 * Where no column reads as the action, an inspection plan's findings or recommendations are its actions: the one
 * column whose header names the action at all (a finding's or a recommendation's head word does so weakly, and more
 * weakly still under a modifier, as in "Inspection finding"), names what a finding is ("Area for improvement") or
 * says nothing at all, and whose rows are free text, each its own. Two such columns could each be the action: then none is chosen, and
 * the officer is asked. The column is returned as a new Scored, its action reading raised; `scored` is left as it was.
 */
function findingsAsActions(scored: Scored[]): Scored | null {
  const fits = scored.filter((s) => {
    const named = (s.header.action?.score ?? 0) > 0 || (s.header.area?.score ?? 0) >= MIN_CONFIDENCE;
    const sure = Math.max(s.scores.action?.score ?? 0, s.scores.area?.score ?? 0);
    const likeliest = best(flatten(s.scores));
    // A header whose words say nothing ("Rec.", "Item") leaves it to what the column holds.
    const unknown = Object.keys(s.header).length === 0 && (s.content.action?.score ?? 0) >= 0.4;
    return (named ? sure >= MIN_CONFIDENCE : unknown) && (likeliest === 'action' || likeliest === 'area') && s.content.action && s.input.profile.individuality >= 0.7;
  });
  // A column whose header names a finding outranks one whose header says nothing.
  const named = fits.filter((s) => Object.keys(s.header).length > 0);
  const pool = named.length ? named : fits;
  if (pool.length !== 1) return null;
  // Its action reading is at least as sure as what made it the one column: a new reading, the column's own kept.
  const [fit] = pool;
  const action = fit.scores.action ?? { score: 0, reasons: [] };
  const raised = { score: Math.max(action.score, MIN_CONFIDENCE), reasons: action.reasons.length ? action.reasons : [`what it holds: ${fit.content.action!.reason}`] };
  return { ...fit, scores: { ...fit.scores, action: raised } };
}

function flatten(scores: Scores): Evidence {
  const flat: Evidence = {};
  for (const [role, v] of Object.entries(scores) as [Role, { score: number; reasons: string[] }][]) flat[role] = { score: v.score, reason: v.reasons[0] };
  return flat;
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
