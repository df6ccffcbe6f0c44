/**
 * Action RAG: an officer's entered RAG is kept; where none is entered, one is derived from the status and the
 * due date, by the plan's RAG rules (settings.ragRules) and its "due soon" window (settings.dueSoonDays).
 */
import { PlanSettings, Rag, Status } from '../schema';

export interface RagInput {
  status: Status | null;
  dueDate: string | null;
  rag: Rag | null;
}

export type RagReason = keyof PlanSettings['ragRules'] | 'entered';

export interface ActionRag {
  rag: Rag;
  /** Why: 'entered' when the officer set it, else the rule that gave it. */
  reason: RagReason;
}

/** Days since 1970-01-01 for an ISO date: calendar arithmetic without building local-time Dates. */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function isOverdue(action: Pick<RagInput, 'status' | 'dueDate'>, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && action.status !== 'Complete';
}

export function deriveRagReason(action: RagInput, settings: Pick<PlanSettings, 'dueSoonDays'>, today: string): Exclude<RagReason, 'entered'> {
  if (action.status === 'Complete') return 'complete';
  if (action.status === 'Off track') return 'offTrack';
  if (isOverdue(action, today)) return 'overdue';
  if (action.status === 'At risk') return 'atRisk';
  const daysLeft = action.dueDate ? dayNumber(action.dueDate) - dayNumber(today) : null;
  if (action.status === 'Not started' && daysLeft !== null && daysLeft >= 0 && daysLeft <= settings.dueSoonDays) return 'dueSoonNotStarted';
  if (action.status === 'On track') return 'onTrack';
  if (action.status === 'In progress') return 'inProgress';
  if (action.status === 'Not started') return 'notStarted';
  return 'noStatus';
}

export function actionRag(action: RagInput, settings: Pick<PlanSettings, 'dueSoonDays' | 'ragRules'>, today: string): ActionRag {
  if (action.rag) return { rag: action.rag, reason: 'entered' };
  const reason = deriveRagReason(action, settings, today);
  return { rag: settings.ragRules[reason], reason };
}
