/**
 * WorkbookHost over Office.js: every call is one Excel.run batch through the src/excel adapter. Loaded on demand
 * (the adapter pulls in part of the engine), never in the first-load bundle.
 *
 * Settings live in the workbook's own settings (Excel's Workbook.settings, ExcelApi 1.4), saved with the file, under
 * one key holding JSON; where Excel lacks them, Office's document settings (Office.context.document.settings) are
 * used instead.
 */
import { isSavedPolarityFor, savedPolarityRow } from '../engine/kpi/saved-polarity';
import type { Polarity } from '../engine/schema';
import type { WorkbookPlan } from '../engine/sheet-plan/types';
import type { SettingsEdit } from '../engine/saved-mapping';
import { applyWorkbookPlan } from '../excel/apply-plan';
import { savePlanSettingsRow } from '../excel/plan-settings-row';
import { readWorkbookModel } from '../excel/read-workbook';
import type { WorkbookTable } from '../excel/workbook-tables';
import { ApplyOutcome, OfficerError, ReadModel, WorkbookHost } from './host';
import { PaneSettings, parseSettings, serialiseSettings, SETTINGS_KEY } from './settings';
import { DoneMark, parseMarks } from '../engine/findings-todo';

/** The findings marked done, under their own key in the workbook's settings (beside the pane's settings). */
const DONE_KEY = 'PlanAssure.done';

function workbookSettingsSupported(): boolean {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return !requirements || requirements.isSetSupported('ExcelApi', '1.4');
}

/** Office's document settings (Office.js's Common API), when Excel's own are missing. */
function documentSettings(): Office.Settings | null {
  return typeof Office !== 'undefined' ? (Office.context?.document?.settings ?? null) : null;
}

export class OfficeWorkbookHost implements WorkbookHost {
  /**
   * The sheet names the last read saw: the write that follows uses them, saving the sync that would load them, and
   * the next read asks for exactly those sheets instead of walking 16 tabs ahead (a renamed or deleted sheet costs a
   * sync more, never a wrong model: see read-workbook.ts).
   */
  private sheetNames: string[] | undefined;
  /** The defined names the last read saw: the write picks its table a name none of them has (office-js#551). */
  private definedNames: string[] | undefined;
  /** The tables the last read saw, whose names the write's table may not take either. */
  private tables: WorkbookTable[] | undefined;

  /**
   * Always a fresh read (one sync): the last read is not reused while "nothing changed", because Office.js's change
   * events cannot say so dependably (dropdown picks on Excel on the web fire no onChanged, office-js#3888; nor do
   * recalculation, formats or merges, which the read uses). See the README, "Every action reads the workbook afresh".
   */
  async readModel(): Promise<ReadModel> {
    return Excel.run(async (context) => {
      const model = await readWorkbookModel(context, { knownSheets: this.sheetNames });
      this.sheetNames = model.sheets.map((s) => s.name);
      this.definedNames = model.definedNames;
      this.tables = model.tables;
      return { sheets: model.sheets, warnings: model.warnings };
    });
  }

  async apply(plan: WorkbookPlan, owned: readonly string[], settingsEdit?: SettingsEdit | null): Promise<ApplyOutcome> {
    return Excel.run(async (context) => {
      const report = await applyWorkbookPlan(context, plan, owned, { existingSheets: this.sheetNames, definedNames: this.definedNames, existingTables: this.tables, settingsEdit: settingsEdit ?? undefined });
      this.sheetNames = undefined;
      this.definedNames = undefined;
      this.tables = undefined;
      return { notices: report.notices.map((n) => n.message).filter(Boolean) };
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
      worksheet.load('visibility');
      await context.sync();
      if (worksheet.isNullObject) {
        throw new OfficerError('That sheet is no longer in the workbook', `There is no sheet called "${sheet}" now. Run Check plan again to refresh the list.`);
      }
      if (worksheet.visibility !== 'Visible') {
        throw new OfficerError('That cell is on a hidden sheet', `"${sheet}" is hidden. Right-click a sheet tab, choose Unhide and pick "${sheet}", then try again.`);
      }
      worksheet.getRange(cell).select();
      worksheet.activate();
      await context.sync();
    });
  }

  async loadSettings(): Promise<PaneSettings> {
    return parseSettings(await loadSetting(SETTINGS_KEY));
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    await saveSetting(SETTINGS_KEY, serialiseSettings(settings));
  }

  async loadDoneMarks(): Promise<DoneMark[]> {
    return parseMarks(await loadSetting(DONE_KEY));
  }

  async saveDoneMarks(marks: DoneMark[]): Promise<void> {
    await saveSetting(DONE_KEY, JSON.stringify(marks));
  }

  async savePolarity(kpi: string, polarity: Polarity): Promise<void> {
    await Excel.run((context) => savePlanSettingsRow(context, savedPolarityRow(kpi, polarity), (setting) => isSavedPolarityFor(setting, kpi)));
  }
}

/** One value kept in the workbook's settings (Office's document settings where Excel's are missing). */
async function loadSetting(key: string): Promise<unknown> {
  if (!workbookSettingsSupported()) return documentSettings()?.get(key) ?? null;
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    await context.sync();
    return item.isNullObject ? null : item.value;
  });
}

async function saveSetting(key: string, json: string): Promise<void> {
  if (!workbookSettingsSupported()) {
    const doc = documentSettings();
    if (!doc) throw new OfficerError('Settings could not be saved', 'This version of Excel cannot keep add-in settings in the workbook. Update Excel, or use Excel on the web.');
    doc.set(key, json);
    await new Promise<void>((resolve, reject) =>
      doc.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? 'saveAsync failed')))),
    );
    return;
  }
  await Excel.run(async (context) => {
    context.workbook.settings.add(key, json);
    await context.sync();
  });
}
