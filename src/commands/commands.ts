/**
 * Function file for the ribbon's function commands (manifest.xml: FunctionFile → commands.html).
 *
 * "Check plan" (ExecuteFunction, FunctionName checkPlan) is registered here. For now it only tells
 * Office that the command has finished, so the button is safe to press: it reads and changes
 * nothing in the workbook. The plan check itself is wired in by a later change.
 */

/** Handler for the "Check plan" ribbon button. */
export function checkPlan(event: Office.AddinCommands.Event): void {
  event.completed();
}

/** Registers the function commands with Office; does nothing when Office.js is absent. */
export function registerCommands(): void {
  if (typeof Office === 'undefined' || !Office.actions) return;
  Office.actions.associate('checkPlan', checkPlan);
}

// commands.html loads Office.js before this bundle, so the commands are associated as soon as the
// bundle runs, as Office's function-file pattern expects.
registerCommands();
