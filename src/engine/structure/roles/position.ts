/**
 * Evidence from where a column sits among the others: a reference usually sits left of the action it numbers, and
 * progress right of the status it explains. Position only ever tips a balance; it never names a role on its own.
 */
import { Evidence, Role } from './evidence';

/** A column with the roles the header and content give it so far, before position is weighed. */
export interface PlacedColumn {
  col: number;
  scores: Evidence;
}

const NUDGE = 0.05;

/** Nudges for each column (by its place in `columns`), given the column already likeliest to be the action. */
export function positionEvidence(columns: PlacedColumn[], actionCol: number | null): Evidence[] {
  const statusCols = columns.filter((c) => best(c.scores) === 'status' || best(c.scores) === 'rag').map((c) => c.col);
  const firstStatus = statusCols.length ? Math.min(...statusCols) : null;
  return columns.map((c) => {
    const evidence: Evidence = {};
    const nudge = (role: Role, reason: string): void => {
      const known = evidence[role] ?? { score: c.scores[role]?.score ?? 0, reason: '' };
      evidence[role] = { score: known.score + NUDGE, reason: known.reason ? `${known.reason}; ${reason}` : reason };
    };
    if (actionCol !== null && c.scores.ref && c.col < actionCol) nudge('ref', 'sits left of the action');
    const progress = c.scores.progress;
    if (progress && firstStatus !== null && c.col > firstStatus) nudge('progress', 'sits right of the status');
    // Of two columns of free text, the one right of the action is more likely the progress written against it.
    if (progress && actionCol !== null && c.col > actionCol && !progress.reason.startsWith('the header')) nudge('progress', 'free text right of the action');
    return evidence;
  });
}

/** The role a column's scores favour, if any. */
export function best(scores: Evidence): Role | null {
  let top: Role | null = null;
  let score = 0;
  for (const [role, s] of Object.entries(scores) as [Role, { score: number }][]) {
    if (s.score > score) {
      top = role;
      score = s.score;
    }
  }
  return top;
}
