/**
 * Evidence from where a column sits among the others: a reference usually sits left of the action it numbers, and
 * progress right of the status it explains. Position only ever tips a balance; it never names a role on its own.
 */
import { Evidence, Role, support } from './evidence';

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
    const ref = c.scores.ref?.score ?? 0;
    if (actionCol !== null && ref > 0 && c.col < actionCol) support(evidence, 'ref', ref + NUDGE, 'sits left of the action');
    const progress = c.scores.progress?.score ?? 0;
    if (firstStatus !== null && progress > 0 && c.col > firstStatus) support(evidence, 'progress', progress + NUDGE, 'sits right of the status');
    // Of two columns of free text, the one right of the action is more likely the progress written against it.
    if (actionCol !== null && c.col > actionCol && progress > 0 && !c.scores.progress?.reason.startsWith('the header')) {
      support(evidence, 'progress', progress + NUDGE, 'free text right of the action');
    }
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
