/**
 * Which actions can do something for the workbook as last read, and, for those that cannot, why, in words the
 * officer can act on. A button that could only answer "nothing to do" is disabled with its reason shown beside it.
 *
 * First-load bundle: type imports only.
 */
import type { ActionKind } from './runtime';
import type { PlanState } from './engine-bridge';

export const NO_KPIS_REASON =
  'No KPIs were found in this workbook, so there is nothing to update. Add a KPI register or scorecard sheet (a row per KPI, with its target and a column per period), then choose Check plan.';

export const NO_ACTIONS_REASON = 'No actions were found yet. Choose Structure plan to show PlanAssure which columns hold them.';

/** Why the action cannot do anything for this workbook, or null when it can (or while the workbook is being read). */
export function unavailableReason(kind: ActionKind, state: PlanState | null): string | null {
  if (!state) return null;
  switch (kind) {
    case 'check':
    case 'structure':
      // Structure plan is also how the officer points PlanAssure at a plan it could not read on its own.
      return null;
    case 'kpis':
      return state.kpis === 0 ? NO_KPIS_REASON : null;
    case 'rag':
    case 'boardPack':
    case 'everything':
      return state.actions === 0 ? NO_ACTIONS_REASON : null;
    default:
      // Restore and the findings export have their own buttons, shown only when they have something to do.
      return null;
  }
}
