/**
 * Reads KPIs where officers keep them: a register sheet and a long data sheet (the canonical "KPIs" + "KPI Data"),
 * or a wide scorecard with one column per period. Sheets are recognised by their headers, whatever their names.
 *
 * Besides the schema's definitions and observations, the reading keeps where every value came from (the cells the
 * live formulas of the KPI register point at, and the cells findings name).
 */
import { PlanSettings } from '../../schema';
import { a1, SheetGrid, SheetModel } from '../../workbook';
import { findKpiHeader, KpiColumnOverrides, KpiField, KpiHeader, readKpiHeader } from '../headers';
import { financialYearOf, reportingPeriodKey } from '../period';
import { HEADER_SCAN_ROWS, headOf } from './cells';
import { readRegister } from './definitions';
import { withIdColumns } from './id-columns';
import { idMatchKey } from './ids';
import { parseStatedDirection, parseStatedRag } from './wording';
import { arrowLegend } from './arrow-legend';
import { readLong } from './long-block';
import { longDefinitions, namesItsKpis } from './long-definitions';
import { DataBlock, KpiDefinitionSource, KpiObservationSource, KpiReading, KpiSheetLayout, ReadKpiOptions } from './types';
import { findTransposed, turnBack } from './transposed';
import { readWide } from './wide-block';

export * from './types';
export { numberOf, parseTolerance } from './numbers';
export { idTextOf, idMatchKey, codeCitations, frameworkSuggestion, nameWithoutCode } from './ids';
export { parseUnit, unitFromName, parsePolarity, polarityFromName } from './wording';
export { chooseTarget } from './definitions';

/** The financial year a bare "Q3" belongs to when the sheet names none: the reporting period's, else the plan start's. */
export function fallbackFinancialYear(settings: Pick<PlanSettings, 'reportingPeriod' | 'planStart'>): number | null {
  const reporting = reportingPeriodKey(settings.reportingPeriod);
  if (reporting !== null) return financialYearOf(reporting);
  if (settings.planStart) {
    const [y, m] = settings.planStart.split('-').map(Number);
    return m >= 4 ? y : y - 1;
  }
  return null;
}

export function readKpis(sheets: readonly SheetModel[], options: ReadKpiOptions): KpiReading {
  const layouts: KpiSheetLayout[] = [];
  const fallbackYear = fallbackFinancialYear(options.settings);
  const reportingKey = reportingPeriodKey(options.settings.reportingPeriod);
  // `turnedFrom`: a scorecard turned round (periods down, KPIs across), read turned back; its KPIs are named in this row.
  const found: { sheet: SheetModel; grid: SheetGrid | null; header: KpiHeader; turnedFrom?: number }[] = [];
  for (const sheet of sheets) {
    if (options.skipSheets.has(sheet.name)) continue;
    // Headers sit in the first rows: look there first, and index the whole sheet only when it is a KPI sheet that
    // needs it (a long data sheet is read in one pass).
    const head = new SheetGrid(headOf(sheet, HEADER_SCAN_ROWS));
    const detected = findKpiHeader(head, fallbackYear, HEADER_SCAN_ROWS, reportingKey);
    const overrides = options.columnOverrides?.[sheet.name];
    const recognised = overrides ? overriddenHeader(new SheetGrid(sheet), detected, overrides, options.headerRowOverrides?.[sheet.name], fallbackYear, reportingKey) : detected;
    if (!recognised) {
      const turned = overrides ? null : findTransposed(sheet, fallbackYear, reportingKey);
      if (!turned) continue;
      const grid = new SheetGrid(turned.view);
      const header = withIdColumns(grid, turned.header);
      found.push({ sheet: turned.view, grid, header, turnedFrom: turned.nameRow });
      layouts.push({ sheet: sheet.name, kind: header.kind, headerRow: turned.nameRow, header, transposed: true });
      continue;
    }
    const grid = recognised.kind === 'long' ? null : new SheetGrid(sheet);
    // One row per KPI: which column holds the ids is decided by what the columns hold.
    // A long table repeats each KPI's id on its rows: judged on the rows already at hand, without uniqueness.
    const header = grid ? withIdColumns(grid, recognised) : withIdColumns(head, recognised, { repeated: true });
    found.push({ sheet, grid, header });
    layouts.push({ sheet: sheet.name, kind: header.kind, headerRow: header.row, header });
  }
  const definitions: KpiDefinitionSource[] = [];
  const duplicateDefinitions: KpiReading['duplicateDefinitions'] = [];
  const known = new Map<string, KpiDefinitionSource>();
  const addDefinition = (d: KpiDefinitionSource): boolean => {
    const key = idMatchKey(d.definition.id);
    const first = known.get(key);
    if (first) {
      duplicateDefinitions.push({
        id: d.definition.id,
        sheet: d.definition.source.sheet,
        cell: d.cells.id ?? d.cells.name ?? a1(d.definition.source.row, 1),
        firstRow: first.definition.source.row,
        firstSheet: first.definition.source.sheet,
      });
      return false;
    }
    known.set(key, d);
    definitions.push(d);
    return true;
  };
  // Registers first (they define KPIs), then scorecards (which define and hold data), then long data sheets.
  for (const { sheet, grid, header } of found) if (header.kind === 'register') for (const d of readRegister(sheet, grid!, header, options.settings)) addDefinition(d);
  const observations: KpiObservationSource[] = [];
  const blocks: DataBlock[] = [];
  for (const { sheet, grid, header, turnedFrom } of found) {
    if (header.kind === 'wide') {
      const wide = readWide(sheet, grid!, header, options.settings);
      if (turnedFrom !== undefined) turnBack(wide, turnedFrom);
      for (const d of wide.definitions) {
        // A scorecard row for a KPI already in a register adds data, not a second definition.
        if (!known.has(idMatchKey(d.definition.id))) addDefinition(d);
      }
      blocks.push(wide.block);
      observations.push(...wide.observations);
    } else if (header.kind === 'long') {
      const long = readLong(sheet, grid, header, { fyStart: fallbackYear, reportingKey });
      if (namesItsKpis(header)) for (const d of longDefinitions(sheet, header, long.observations, (id) => known.has(idMatchKey(id)), options.settings)) addDefinition(d);
      blocks.push(long.block);
      observations.push(...long.observations);
    }
  }
  statedFromData(definitions, observations, sheets);
  return { layouts, definitions, observations, blocks, duplicateDefinitions };
}

export type { KpiField };

/** The sheet's header under the officer's mapping: at their header row, else the detected one, else the first row the mapping reads. */
function overriddenHeader(
  grid: SheetGrid,
  detected: KpiHeader | null,
  overrides: KpiColumnOverrides,
  headerRow: number | undefined,
  fallbackYear: number | null,
  reportingKey: number | null,
): KpiHeader | null {
  const rows = headerRow ? [headerRow] : detected ? [detected.row] : grid.rowNumbers.slice(0, HEADER_SCAN_ROWS);
  for (const row of rows) {
    const header = readKpiHeader(grid, row, fallbackYear, null, reportingKey, overrides);
    if (header) return header;
  }
  return null;
}

/** A KPI's own RAG and direction from its data rows when its definition row has none: those of its latest period. */
function statedFromData(definitions: KpiDefinitionSource[], observations: KpiObservationSource[], sheets: readonly SheetModel[]): void {
  const latest = new Map<string, KpiObservationSource>();
  for (const o of observations) {
    if (!o.stated || o.key === null) continue;
    const id = idMatchKey(o.idText);
    const seen = latest.get(id);
    if (!seen || o.key >= seen.key!) latest.set(id, o);
  }
  if (!latest.size) return;
  const legendOf = (name: string) => {
    const sheet = sheets.find((s) => s.name === name);
    return sheet ? arrowLegend(sheet) : null;
  };
  for (const d of definitions) {
    const o = latest.get(idMatchKey(d.definition.id));
    if (!o?.stated) continue;
    if (d.definition.statedRag == null && o.stated.rag) d.definition.statedRag = parseStatedRag(o.stated.rag);
    if (d.definition.statedDirection == null && o.stated.direction) d.definition.statedDirection = parseStatedDirection(o.stated.direction, d.definition.polarity, legendOf(o.observation.source.sheet));
  }
}
