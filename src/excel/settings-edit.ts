/**
 * Writes rows into the officer's Plan Settings sheet (the column roles they confirmed): queued, not synced, so that
 * they go in the same request as the last of the tool's sheets. Only the rows named are written; the officer's
 * other settings rows are left as they are.
 */
import type { SettingsEdit } from '../engine/saved-mapping';

export function queueSettingsEdit(context: Excel.RequestContext, edit: SettingsEdit): void {
  const worksheets = context.workbook.worksheets;
  const sheet = edit.create ? worksheets.add(edit.sheet) : worksheets.getItem(edit.sheet);
  for (const { row, values } of edit.rows) {
    if (!values.length) continue;
    const last = String.fromCharCode(64 + values.length);
    const range = sheet.getRange(`A${row}:${last}${row}`);
    // Text, always: a header such as "=Owner" or "1/2" is kept as written, never read as a formula or a date.
    range.numberFormat = [values.map(() => '@')];
    range.values = [values.map((v) => v ?? '')];
  }
  if (edit.create) sheet.getRange('A1:D1').format.font.bold = true;
}

/** The request payload the edit adds, for packing it with the sheets. */
export function settingsEditBytes(edit: SettingsEdit): number {
  return JSON.stringify(edit).length * 2 + 160 * (edit.rows.length * 2 + 2);
}
