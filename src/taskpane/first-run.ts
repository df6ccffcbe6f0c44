/**
 * Whether this officer has seen the pane's "Start here" yet. Kept in the pane's own storage (localStorage, per user
 * and per machine), not in the workbook: it is about the person, not the plan. Where storage is unavailable (a
 * locked-down browser, private mode) it is shown once per opening of the pane, and dismissing it still hides it.
 *
 * First-load bundle: no engine.
 */
export const START_HERE_KEY = 'PlanAssure.startHereSeen';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading localStorage itself can throw where the host blocks storage.
    return null;
  }
}

export function startHereSeen(): boolean {
  try {
    return storage()?.getItem(START_HERE_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function rememberStartHereSeen(): void {
  try {
    storage()?.setItem(START_HERE_KEY, 'yes');
  } catch {
    // Not kept: it shows again next time, which is harmless.
  }
}
