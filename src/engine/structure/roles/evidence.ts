/**
 * The shape every kind of evidence about a column's role takes: for each role it supports, a score in [0, 1] and
 * the reason in plain words, so that the officer can be told why a column was read the way it was.
 */
import type { ActionField } from '../columns';

export type Role = ActionField;

export const ROLES: readonly Role[] = [
  'ref', 'theme', 'qualityStatement', 'area', 'action', 'milestones', 'lead', 'timescale', 'dueDate', 'status', 'rag',
  'progress', 'measures', 'outcomes', 'lastUpdated',
];

export interface Support {
  score: number;
  reason: string;
}

/** Evidence for some roles; roles it says nothing about are absent. */
export type Evidence = Partial<Record<Role, Support>>;

/** Keeps the stronger of two supports for a role. */
export function support(evidence: Evidence, role: Role, score: number, reason: string): void {
  const known = evidence[role];
  if (!known || score > known.score) evidence[role] = { score: Math.min(1, score), reason };
}
