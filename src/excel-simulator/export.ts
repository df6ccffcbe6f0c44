/**
 * The simulator's workbook, exported for comparison: as the engine's WorkbookModel (the shape
 * src/xlsx/read-workbook.ts reads from a file) and as per-sheet details (column widths, tables, validations,
 * conditional formats, freeze panes, page setup) in a plain shape that tests can compare with what ExcelJS wrote.
 */
import { isDateFormat, serialToIso } from '../engine/excel-dates';
import { pointsToCharacters } from '../excel/units';
import { CellModel, CellValue, SheetModel, WorkbookModel } from '../engine/workbook';
import { formatRect, MAX_COLUMNS, MAX_ROWS, Rect } from '../excel/address';
import { liveSheets, SimCell, SimSheet, SimWorkbookState } from './state';

const VISIBILITY = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' } as const;

function cellValue(cell: SimCell): CellValue | null {
  if (cell.formula !== undefined && cell.value === null) return { type: 'text', value: '' };
  if (cell.value === null) return null;
  if (cell.error) return { type: 'error', value: String(cell.value) };
  if (typeof cell.value === 'number') {
    if (isDateFormat(cell.numberFormat)) {
      const iso = serialToIso(cell.value);
      if (iso) return { type: 'date', value: iso };
    }
    return { type: 'number', value: cell.value };
  }
  if (typeof cell.value === 'boolean') return { type: 'boolean', value: cell.value };
  return { type: 'text', value: cell.value };
}

export function sheetModel(sheet: SimSheet): SheetModel {
  const covered = (row: number, col: number) =>
    sheet.merges.some((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols && (row !== m.row || col !== m.col));
  const cells: CellModel[] = [];
  for (const row of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const line = sheet.cells.get(row)!;
    for (const col of [...line.keys()].sort((a, b) => a - b)) {
      const cell = line.get(col)!;
      const value = cellValue(cell);
      if (!value || covered(row, col)) continue;
      const model: CellModel = { row: row + 1, col: col + 1, value };
      if (cell.formula !== undefined) model.formula = cell.formula.slice(1);
      if (cell.numberFormat !== undefined) model.numFmt = cell.numberFormat;
      if (cell.format?.bold) model.bold = true;
      cells.push(model);
    }
  }
  return {
    name: sheet.name,
    cells,
    merges: sheet.merges.map((m) => ({ top: m.row + 1, left: m.col + 1, bottom: m.row + m.rows, right: m.col + m.cols })),
    hiddenRows: [],
    hiddenColumns: [],
    visibility: VISIBILITY[sheet.visibility],
  };
}

export function simulatorModel(state: SimWorkbookState): WorkbookModel {
  return { sheets: liveSheets(state).map(sheetModel) };
}

export interface TableDetails {
  name: string;
  range: string;
  style: string;
}
export interface ValidationDetails {
  range: string;
  /** Without a leading "=". */
  source: string;
  errorStyle: string;
  errorTitle: string;
  message: string;
}
export interface ConditionalRuleDetails {
  type: 'expression' | 'dataBar' | 'cellIs';
  /** Without a leading "=". */
  formula?: string;
  /** cellIs rules: Excel's operator and operands, as the rule holds them. */
  operator?: string;
  formulae?: string[];
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  color?: string;
}
export interface ConditionalFormatDetails {
  range: string;
  rules: ConditionalRuleDetails[];
}
export interface PageDetails {
  orientation: string;
  paper: string;
  fitToWidth: number | null;
  printTitleRows: string | null;
  footer: { left: string; center: string; right: string };
}
export interface SheetDetails {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Widths in characters (1-based column → width), rounded to 2 decimals; only columns given a width. */
  columnWidths: Record<number, number>;
  merges: string[];
  tables: TableDetails[];
  validations: ValidationDetails[];
  conditionalFormats: ConditionalFormatDetails[];
  freeze: { rows: number; columns: number } | null;
  page: PageDetails | null;
}

const hex = (colour: string | undefined) => colour?.replace(/^#/, '').toUpperCase();

function rectText(rect: Rect): string {
  return formatRect(rect);
}

export function sheetDetails(state: SimWorkbookState, sheet: SimSheet): SheetDetails {
  const widths: Record<number, number> = {};
  for (const [col, points] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0])) widths[col + 1] = Math.round(pointsToCharacters(points) * 100) / 100;
  const page = sheet.page;
  const touched = page.orientation || page.paperSize || page.zoom || page.printTitleRows || page.footers.left || page.footers.center || page.footers.right;
  return {
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility],
    columnWidths: widths,
    merges: sheet.merges.map(rectText).sort(),
    tables: state.tables.filter((t) => t.sheetId === sheet.id).map((t) => ({ name: t.name, range: rectText(t.rect), style: t.style })),
    validations: sheet.validations
      .filter((v) => v.rule.list)
      .map((v) => ({
        range: rectText(v.rect),
        source: v.rule.list!.source.replace(/^=/, ''),
        errorStyle: v.errorAlert.showAlert ? v.errorAlert.style.toLowerCase() : 'none',
        errorTitle: v.errorAlert.title,
        message: v.errorAlert.message,
      }))
      .sort((a, b) => a.range.localeCompare(b.range)),
    conditionalFormats: groupRules(sheet),
    freeze: sheet.freeze ? { ...sheet.freeze } : null,
    page: touched
      ? {
          orientation: (page.orientation ?? 'Portrait').toLowerCase(),
          paper: page.paperSize ?? 'Letter',
          fitToWidth: page.zoom?.horizontalFitToPages ?? null,
          printTitleRows: page.printTitleRows ? printRows(page.printTitleRows) : null,
          footer: { ...page.footers },
        }
      : null,
  };
}

function printRows(rect: Rect): string {
  return rect.cols === MAX_COLUMNS ? `${rect.row + 1}:${rect.row + rect.rows}` : rect.rows === MAX_ROWS ? formatRect(rect) : formatRect(rect);
}

/** Conditional formats grouped by range in priority order, as one rule set per range (the shape .xlsx files use). */
function groupRules(sheet: SimSheet): ConditionalFormatDetails[] {
  const byRange = new Map<string, ConditionalRuleDetails[]>();
  for (const cf of [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority)) {
    const key = rectText(cf.rect);
    const rules = byRange.get(key) ?? [];
    if (cf.type === 'DataBar') rules.push({ type: 'dataBar', color: hex(cf.barColor) });
    else if (cf.type === 'CellValue')
      rules.push({ type: 'cellIs', operator: cf.operator, formulae: [cf.formula1, cf.formula2].filter((f): f is string => f !== undefined), fill: hex(cf.fill), fontColor: hex(cf.fontColor), bold: cf.bold ?? false });
    else rules.push({ type: 'expression', formula: cf.formula?.replace(/^=/, ''), fill: hex(cf.fill), fontColor: hex(cf.fontColor), bold: cf.bold ?? false });
    byRange.set(key, rules);
  }
  return [...byRange].map(([range, rules]) => ({ range, rules })).sort((a, b) => a.range.localeCompare(b.range));
}

export function simulatorDetails(state: SimWorkbookState): SheetDetails[] {
  return liveSheets(state).map((s) => sheetDetails(state, s));
}
