/**
 * Structuring: any plan layout in, canonical actions out. Pure: the workbook model and "today" come in as data.
 */
import { DEFAULT_SETTINGS, Finding, PlanSettings } from '../schema';
import { readSettingsSheet } from '../settings';
import { WorkbookModel } from '../workbook';
import { assembleAction, AssembleContext, groupRows } from './assemble';
import { readSheet } from './read-sheet';
import { SheetLayout, StructureResult, StructuredAction } from './types';

export * from './types';

export interface StructureOptions {
  /** Today's date, YYYY-MM-DD: the engine never reads the clock. */
  today: string;
  /** Overrides the plan start held in the workbook. */
  planStart?: string | null;
  /** Settings that override the workbook's own. */
  settings?: Partial<PlanSettings>;
  /** Sheets the tool wrote on an earlier run: never read as source. */
  ownedSheets?: readonly string[];
}

/** 1 April of the financial year that `today` falls in. */
export function financialYearStart(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return `${m >= 4 ? y : y - 1}-04-01`;
}

export function resolveSettings(model: WorkbookModel, options: StructureOptions): PlanSettings {
  const fromWorkbook = readSettingsSheet(model);
  const settings: PlanSettings = { ...DEFAULT_SETTINGS, ...fromWorkbook.settings, ...options.settings };
  if (options.planStart) settings.planStart = options.planStart;
  if (!settings.planStart) settings.planStart = financialYearStart(options.today);
  return settings;
}

export function structureWorkbook(model: WorkbookModel, options: StructureOptions): StructureResult {
  const settings = resolveSettings(model, options);
  const settingsSheet = readSettingsSheet(model).sheet;
  const owned = new Set(options.ownedSheets ?? []);
  const actions: StructuredAction[] = [];
  const findings: Finding[] = [];
  const sheets: SheetLayout[] = [];
  let title: string | null = settings.title;

  for (const sheet of model.sheets) {
    if (owned.has(sheet.name)) {
      sheets.push(emptyLayout(sheet.name, 'tool-owned'));
      continue;
    }
    if (sheet.name === settingsSheet) {
      sheets.push(emptyLayout(sheet.name, 'settings'));
      continue;
    }
    const reading = readSheet(sheet);
    const layout: SheetLayout = {
      sheet: sheet.name,
      role: reading.headers.length ? 'plan' : 'not-a-plan',
      headerRows: reading.headers[0]?.rows ?? [],
      columns: reading.headers[0]?.columns ?? [],
      sections: reading.sections,
      titles: reading.titles,
      notes: reading.notes,
      repeatedHeaders: reading.repeatedHeaders,
    };
    sheets.push(layout);
    if (!reading.headers.length) continue;
    if (!title && reading.titles.length) title = planTitle(reading.titles.map((t) => t.text));
    const refs = reading.rows.filter((r) => r.fields.get('ref')?.length).length;
    const context: AssembleContext = {
      settings,
      sheetHasRefs: refs >= 2,
      sheetHasMarkers: reading.headers.some((h) => h.columns.some((c) => c.field === 'marker')),
    };
    for (const group of groupRows(reading, context)) actions.push(assembleAction(sheet.name, group, context));
  }

  if (!sheets.some((s) => s.role === 'plan')) {
    const first = model.sheets[0]?.name ?? 'Sheet1';
    findings.push({
      rule: 'no-plan-table',
      severity: 'error',
      sheet: first,
      cell: 'A1',
      message: 'No sheet has a header row with an action column, so there is no plan to read.',
      fix: 'Add a header row with at least an "Action" column and one other, such as "Lead" or "Timescale", above the actions.',
    });
  }
  return { title, settings, actions, kpis: [], observations: [], findings, sheets };
}

/** A plan's title from its title rows: the first few short ones, leaving out labels ("Appendix 1:") and sentences. */
export function planTitle(titles: string[]): string | null {
  const parts = titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t && !t.endsWith(':') && t.length <= 100);
  return parts.length ? parts.slice(0, 3).join(' – ') : null;
}

function emptyLayout(sheet: string, role: SheetLayout['role']): SheetLayout {
  return { sheet, role, headerRows: [], columns: [], sections: [], titles: [], notes: [], repeatedHeaders: [] };
}
