/**
 * Structuring: any plan layout in, canonical actions out. Pure: the workbook model and "today" come in as data.
 */
import { isFigureTable, readKpiWorkbook } from '../kpi';
import type { KpiColumnOverrides } from '../kpi/headers';
import { DEFAULT_SETTINGS, Finding, PlanSettings } from '../schema';
import { withSavedMapping } from '../saved-mapping';
import { kpiColumnsAsRead } from '../kpi-columns-as-read';
import { readSettingsSheet } from '../settings';
import { SheetGrid, WorkbookModel } from '../workbook';
import { columnCandidates } from './columns';
import { assembleAction, AssembleContext, newAssembleMemo, RowGrouper } from './assemble';
import { linkCrossReferences } from './cross-references';
import { splitNamedActions } from './named-actions';
import { generateRefs } from './generated-refs';
import { ColumnOverrides, DataRow, readSheet } from './read-sheet';
import { SheetLayout, StructureResult, StructuredAction } from './types';
import { hasPlanOrKpis } from './workbook-kind';
import { applyYearHeadings } from './year-headings';

export * from './types';
export { hasPlanOrKpis, isScorecardOnly } from './workbook-kind';

export interface StructureOptions {
  /** Today's date, YYYY-MM-DD: the engine never reads the clock. */
  today: string;
  /** Overrides the plan start held in the workbook. */
  planStart?: string | null;
  /** Settings that override the workbook's own. */
  settings?: Partial<PlanSettings>;
  /**
   * The officer's corrections to the detected column mapping, by sheet then column number (1-based): a field, or
   * null to ignore the column. They apply to the sheet's header and every repeated header, with confidence 1.
   */
  columnOverrides?: Record<string, ColumnOverrides>;
  /**
   * The officer's header row for a sheet (1-based), by sheet name: the sheet is read as a table under that row,
   * with `columnOverrides`, even where no header row reached confidence on its own.
   */
  headerRowOverrides?: Record<string, number>;
  /** The officer's mapping of KPI sheets' columns (a scorecard the tool could not read), by sheet name. */
  kpiColumnOverrides?: Record<string, KpiColumnOverrides>;
  /** The officer's header row for those KPI sheets (1-based), by sheet name. */
  kpiHeaderRowOverrides?: Record<string, number>;
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
  // A plan start that is not a real date ("31/02/2026" in Plan Settings reads as 2026-02-31) would put every
  // relative due date out by days or centuries: fall back to the financial year instead.
  if (!settings.planStart || !isRealDate(settings.planStart)) settings.planStart = financialYearStart(options.today);
  return settings;
}

export function structureWorkbook(model: WorkbookModel, given: StructureOptions): StructureResult {
  // The column roles saved in Plan Settings apply unless the officer has just given others.
  const { options, findings: savedFindings } = withSavedMapping(model, given);
  const settings = resolveSettings(model, options);
  const settingsSheet = readSettingsSheet(model).sheet;
  const owned = new Set(options.ownedSheets ?? []);
  const actions: StructuredAction[] = [];
  const findings: Finding[] = [...savedFindings];
  const sheets: SheetLayout[] = [];
  let title: string | null = settings.title;
  const memo = newAssembleMemo();

  for (const sheet of model.sheets) {
    if (owned.has(sheet.name)) {
      sheets.push(emptyLayout(sheet.name, 'tool-owned'));
      continue;
    }
    if (sheet.name === settingsSheet) {
      sheets.push(emptyLayout(sheet.name, 'settings'));
      continue;
    }
    // A table of figures under period headings is a scorecard, whatever its text columns look like to the plan
    // reader; the officer's own plan mapping for the sheet still wins.
    const mappedAsKpis = !!options.kpiColumnOverrides?.[sheet.name];
    if (mappedAsKpis || (!options.columnOverrides?.[sheet.name] && !options.headerRowOverrides?.[sheet.name] && isFigureTable(sheet, settings))) {
      sheets.push(emptyLayout(sheet.name, 'not-a-plan'));
      continue;
    }
    // Actions are assembled as the rows are read, so each row is let go once its action is made.
    const sheetActions: StructuredAction[] = [];
    let grouper: RowGrouper | null = null;
    const reading = readSheet(sheet, options.columnOverrides?.[sheet.name], options.headerRowOverrides?.[sheet.name], {
      start: (headers) => {
        const context: AssembleContext = {
          settings,
          // Settled by the grouper as the rows come: two rows with a ref.
          sheetHasRefs: false,
          sheetHasMarkers: headers.some((h) => h.columns.some((c) => c.field === 'marker')),
          memo,
        };
        grouper = new RowGrouper(context, (group) => {
          for (const a of splitNamedActions(assembleAction(sheet.name, group, context))) sheetActions.push(a);
        });
      },
      // Rows the tool copied from another sheet of this workbook (a renamed copy of an earlier Plan sheet, whose
      // "Source sheet" column names that sheet) are read from their source, so that each action counts once.
      row: (row) => {
        if (!copiedFromAnotherSheet(row, sheet.name, model)) grouper!.add(row);
      },
    });
    (grouper as RowGrouper | null)?.finish();
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
    applyYearHeadings(sheetActions, [...reading.titles, ...reading.sections], sheet);
    for (const a of sheetActions) actions.push(a);
  }

  // KPI registers, data sheets and scorecards, recognised by their headers among the sheets that hold no plan.
  const notKpi = new Set(sheets.filter((s) => s.role !== 'not-a-plan').map((s) => s.sheet));
  const kpi = readKpiWorkbook(model.sheets, settings, notKpi, { columnOverrides: options.kpiColumnOverrides, headerRowOverrides: options.kpiHeaderRowOverrides });
  for (const layout of kpi.reading.layouts) {
    const s = sheets.find((x) => x.sheet === layout.sheet);
    if (!s) continue;
    s.role = layout.kind === 'long' ? 'kpi-data' : 'kpi-register';
    s.kpiHeader = { row: layout.headerRow, columns: kpiColumnsAsRead(layout.header, options.kpiColumnOverrides?.[layout.sheet]) };
  }

  if (!hasPlanOrKpis(sheets)) {
    // Never a dead end: for each sheet that holds text, the columns the officer could choose from.
    for (const layout of sheets) {
      if (layout.role !== 'not-a-plan') continue;
      const sheet = model.sheets.find((s) => s.name === layout.sheet)!;
      if (!sheet.cells.some((c) => c.value.type === 'text')) continue;
      layout.candidates = columnCandidates(new SheetGrid(sheet)) ?? undefined;
    }
  }
  // A workbook holding only a KPI scorecard is a normal input: it is read, checked and scored as it is.
  // Nothing read at all: where a sheet looks like a scorecard, its finding says why it could not be read (and is an
  // error, unless Plan Settings says otherwise); else there is simply no plan table.
  const unreadScorecards = kpi.findings.filter((f) => f.rule === 'kpi-scorecard-unread');
  if (!hasPlanOrKpis(sheets) && unreadScorecards.length) {
    for (const f of unreadScorecards) if (!settings.ruleSeverities[f.rule]) f.severity = 'error';
  } else if (!hasPlanOrKpis(sheets)) {
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
  findings.push(...kpi.findings);
  // Cross-references name the officer's refs, so they are linked before refs are generated for the rest.
  const planActions = linkCrossReferences(actions);
  generateRefs(planActions);
  return {
    title,
    settings,
    actions: planActions,
    kpis: kpi.reading.definitions.map((d) => d.definition),
    observations: kpi.reading.observations.map((o) => o.observation),
    findings,
    sheets,
  };
}

/** A YYYY-MM-DD date that exists (not 2026-02-31), with a four-digit year. */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether a data row is the tool's copy of an action read from another sheet that is still in the workbook. */
function copiedFromAnotherSheet(row: DataRow, sheet: string, model: WorkbookModel): boolean {
  const source = row.unmapped.find((u) => u.header.trim().toLowerCase() === 'source sheet')?.text.trim();
  if (!source || source === sheet) return false;
  return row.unmapped.some((u) => u.header.trim().toLowerCase() === 'source row') && model.sheets.some((s) => s.name === source);
}

/** A plan's title from its title rows: the first few short ones, leaving out labels ("Appendix 1:") and sentences. */
export function planTitle(titles: string[]): string | null {
  const parts = titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t && !t.endsWith(':') && t.length <= 100);
  return parts.length ? parts.slice(0, 3).join(' – ') : null;
}

function emptyLayout(sheet: string, role: SheetLayout['role']): SheetLayout {
  return { sheet, role, headerRows: [], columns: [], sections: [], titles: [], notes: [], repeatedHeaders: [] };
}
