/**
 * Saves one of the officer's answers as a row of the workbook's Plan Settings sheet (Setting | Value), so the answer
 * travels with the file and every later run, in the pane or the CLI, reads it. The row that already holds the same
 * setting is updated in place; otherwise the row goes under the last one used. A workbook with no Plan Settings sheet
 * gets one, with its two headings. Nothing else on the sheet is changed. Three syncs at most, one click's worth.
 */
import { isSettingsSheetName, SETTINGS_SHEET } from '../engine/settings';

export async function savePlanSettingsRow(context: Excel.RequestContext, row: [string, string], replaces: (setting: string) => boolean): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  let sheet = sheets.items.find((s) => isSettingsSheetName(s.name));
  let target: number;
  if (!sheet) {
    sheet = sheets.add(SETTINGS_SHEET);
    sheet.getRange('A1:B1').values = [['Setting', 'Value']];
    target = 2;
  } else {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    await context.sync();
    const last = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    target = last + 1;
    if (last) {
      const settings = sheet.getRange(`A1:A${last}`);
      settings.load('values');
      await context.sync();
      const at = settings.values.findIndex((r) => replaces(String(r[0] ?? '')));
      if (at >= 0) target = at + 1;
    }
  }
  sheet.getRange(`A${target}:B${target}`).values = [row];
  await context.sync();
}
