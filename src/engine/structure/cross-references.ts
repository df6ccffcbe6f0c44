/**
 * Cross-reference rows: a row whose action only points to another action ("See 12.1", "Refer to 13.1", "As 4.2
 * above", "Covered by action 3.1") is not an action of its own. Where the ref it names exists in the plan, the row
 * is folded into that action: the action is counted once and its status and RAG speak for both. Nothing the officer
 * wrote is lost: the row's ref, words and any other cells it fills go into the action's progress as a line of their
 * own ("Also listed as 15.1 (row 142): “See 12.1”"), and the row is listed in the action's `linked` entries.
 * A row whose ref does not exist stays an action; validation reports it (cross-reference-not-found).
 */
import { joinDistinct, normalise } from '../text';
import { StructuredAction } from './types';

/** The reference verbs, then an optional noun, then the ref, then nothing but "above"/"below" and punctuation. */
const CROSS_REFERENCE = new RegExp(
  '^\\s*\\(?\\s*' +
    '(?:see(?:\\s+also)?|refer(?:\\s+back)?\\s+to|cf\\.?|as(?:\\s+(?:per|in|at))?|same\\s+as|duplicate\\s+of|linked\\s+to|' +
    'covered\\s+(?:by|in|under|at)|(?:included|addressed|dealt\\s+with|picked\\s+up)\\s+(?:in|under|at|by))' +
    '\\s+(?:(?:action|ref(?:erence)?|no|number|item|point|recommendation)\\.?\\s*)?' +
    '([A-Za-z]{0,3}\\d+(?:\\.\\d+)*[a-z]?)' +
    '\\s*(?:above|below)?\\s*[.)]?\\s*$',
  'i',
);

/** The ref a cross-reference text points to ("See 12.1" → "12.1"), or null for an ordinary action. */
export function crossReferenceTarget(action: string): string | null {
  // Cross-references are short: skip the pattern for the long texts most actions are.
  if (action.length > 60) return null;
  return CROSS_REFERENCE.exec(action)?.[1] ?? null;
}

/** The fields of a cross-reference row that can carry words of their own, with how a note names them. */
const CARRIED: [keyof StructuredAction, string][] = [
  ['lead', 'lead'],
  ['timescale', 'timescale'],
  ['statusText', 'status'],
  ['ragText', 'RAG'],
  ['milestones', 'milestones'],
  ['progress', 'progress'],
  ['measures', 'measures'],
  ['outcomes', 'outcomes'],
];

/** Text compared as written, but for case and spacing: a lead spelt a little differently is kept. */
function asWritten(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Everything an action already says, to leave out of the note what the target already holds. */
function saidBy(a: StructuredAction): string {
  return asWritten([a.ref, a.action, a.progress, ...CARRIED.map(([field]) => a[field] as string | null), a.theme, a.area, a.qualityStatement].filter(Boolean).join(' | '));
}

function note(row: StructuredAction, target: StructuredAction): string {
  const where = row.source.sheet === target.source.sheet ? `row ${row.source.row}` : `row ${row.source.row} of “${row.source.sheet}”`;
  const said = saidBy(target);
  const extras: string[] = [];
  for (const [field, label] of CARRIED) {
    const text = row[field] as string | null;
    if (text && !said.includes(asWritten(text))) extras.push(`${label}: ${text}`);
  }
  for (const field of ['theme', 'qualityStatement', 'area'] as const) {
    const text = row.groupTexts[field];
    if (text && row.columns.includes(field) && !said.includes(asWritten(text))) extras.push(text);
  }
  return `Also listed as ${row.ref ?? where}${row.ref ? ` (${where})` : ''}: “${row.action}”${extras.length ? `; ${extras.join('; ')}` : ''}`;
}

/**
 * The plan's actions with cross-reference rows folded into the actions they name (following a chain of them, "See
 * 3.1" where 3.1 says "See 1.1", to the action at its end). Works on the officer's own refs, before any are generated.
 */
export function linkCrossReferences(actions: StructuredAction[]): StructuredAction[] {
  // Most plans have no cross-reference rows: leave them untouched. Only the rows that point, and the actions with a
  // ref one of them names, are listed: a list or map over every action cost a 50,000-action plan some megabytes
  // the garbage collector copied, for a handful of pointers.
  const pointers: [StructuredAction, string][] = [];
  for (const a of actions) {
    const target = crossReferenceTarget(a.action);
    if (target) pointers.push([a, target]);
  }
  if (!pointers.length) return actions;
  // A chain's every link is itself a pointer, so the refs named are all the lookups resolving needs.
  const named = new Set(pointers.map(([, target]) => normalise(target)));
  const byRef = new Map<string, StructuredAction>();
  for (const a of actions) {
    if (!a.ref) continue;
    const key = normalise(a.ref);
    if (named.has(key) && !byRef.has(key)) byRef.set(key, a);
  }

  const resolve = (a: StructuredAction): StructuredAction | null => {
    const seen = new Set<StructuredAction>([a]);
    let current = a;
    for (let target = crossReferenceTarget(current.action); target; target = crossReferenceTarget(current.action)) {
      const next = byRef.get(normalise(target));
      if (!next || seen.has(next)) return null;
      seen.add(next);
      current = next;
    }
    return current === a ? null : current;
  };

  const folded = new Set<StructuredAction>();
  for (const [a] of pointers) {
    const into = resolve(a);
    if (!into) continue;
    folded.add(a);
    into.progress = joinDistinct([into.progress, note(a, into)]);
    (into.linked ??= []).push({ ref: a.ref, text: a.action, sheet: a.source.sheet, row: a.source.row });
    // The row's cells now belong to the action (its first row stays first: that is where the action is).
    if (a.source.sheet === into.source.sheet) into.rows.push(...a.rows);
  }
  return folded.size ? actions.filter((a) => !folded.has(a)) : actions;
}
