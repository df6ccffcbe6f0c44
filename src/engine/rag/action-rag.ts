/**
 * Action RAG: an officer's entered RAG is kept; where none is entered, one is derived from the status and the
 * due date, by the plan's RAG rules (settings.ragRules) and its "due soon" window (settings.dueSoonDays).
 *
 * Everything is judged at one date (`at`): the end of the reporting period for a board pack, so every sheet of the
 * pack agrees, or the date the officer gives explicitly.
 *
 * "No update" is its own state, not Red: an action with no status, RAG or progress recorded has not been reported
 * on, which is a different thing from being off track. So is one whose last update is older than the plan's
 * "No update after days" at that date.
 */
import { PlanSettings, Rag, RAGS, Status } from '../schema';

export interface RagInput {
  status: Status | null;
  dueDate: string | null;
  rag: Rag | null;
  /** The status cell as written, when it holds words the tool does not recognise (still an update). */
  statusText?: string | null;
  progress?: string | null;
  lastUpdated?: string | null;
}

export type RagReason = keyof PlanSettings['ragRules'] | 'entered';

export interface ActionRag {
  rag: Rag;
  /** Why: 'entered' when the officer set it, else the rule that gave it. */
  reason: RagReason;
}

export type RagSettings = Pick<PlanSettings, 'dueSoonDays' | 'ragRules'> & Partial<Pick<PlanSettings, 'useBlue' | 'noUpdateDays'>>;

/** Days since 1970-01-01 for an ISO date: calendar arithmetic without building local-time Dates. */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function isOverdue(action: Pick<RagInput, 'status' | 'dueDate'>, at: string): boolean {
  return action.dueDate !== null && action.dueDate < at && action.status !== 'Complete';
}

const blank = (text: string | null | undefined) => !text || !text.trim();

/** Nothing recorded about progress: no status (recognised or not), no RAG and no progress text. */
export function hasNoUpdate(action: RagInput): boolean {
  return action.status === null && action.rag === null && blank(action.statusText) && blank(action.progress);
}

/** The last update is older than the plan allows at `at` (never for a complete action, nor without a date). */
export function isStale(action: RagInput, noUpdateDays: number | null | undefined, at: string): boolean {
  if (noUpdateDays === null || noUpdateDays === undefined || !action.lastUpdated || action.status === 'Complete' || action.rag === 'Blue') return false;
  return dayNumber(at) - dayNumber(action.lastUpdated) > noUpdateDays;
}

export function deriveRagReason(action: RagInput, settings: RagSettings, at: string): Exclude<RagReason, 'entered'> {
  if (action.status === 'Complete') return 'complete';
  if (hasNoUpdate(action) || isStale(action, settings.noUpdateDays, at)) return 'noUpdate';
  if (action.status === 'Off track') return 'offTrack';
  if (isOverdue(action, at)) return 'overdue';
  if (action.status === 'At risk') return 'atRisk';
  const daysLeft = action.dueDate ? dayNumber(action.dueDate) - dayNumber(at) : null;
  if (action.status === 'Not started' && daysLeft !== null && daysLeft >= 0 && daysLeft <= settings.dueSoonDays) return 'dueSoonNotStarted';
  if (action.status === 'On track') return 'onTrack';
  if (action.status === 'In progress') return 'inProgress';
  if (action.status === 'Not started') return 'notStarted';
  return 'noStatus';
}

export function actionRag(action: RagInput, settings: RagSettings, at: string): ActionRag {
  // A stale update is no update, whatever RAG it gave at the time.
  if (action.rag && !isStale(action, settings.noUpdateDays, at)) return { rag: action.rag, reason: 'entered' };
  const reason = deriveRagReason(action, settings, at);
  const rag = settings.ragRules[reason];
  return { rag: rag === 'Blue' && settings.useBlue === false ? 'Green' : rag, reason };
}

/** The RAG states a plan shows, in order: Blue only where the plan uses it. */
export function ragStates(settings: Partial<Pick<PlanSettings, 'useBlue'>>): Rag[] {
  return RAGS.filter((r) => r !== 'Blue' || settings.useBlue !== false);
}
