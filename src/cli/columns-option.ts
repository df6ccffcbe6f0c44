/**
 * --columns "action=C,lead=E,due=F": the officer's word on which column is which, by column letter or by header text.
 *
 *   role=C            a column by its letter
 *   role=Owner        a column by its header text (case and punctuation aside; the start of a header will do when only
 *                     one header starts that way)
 *   header=3          the row that holds the headers (default: the header row PlanAssure found or suggests)
 *   Actions!role=C    on sheet "Actions", when the workbook has more than one sheet the plan could be on
 *   ignore=G          leave column G out
 *
 * Anything that cannot be honoured (a column that is not there, a role given twice, a word that is not a role) is a
 * ColumnsError, whose message is one line for the officer.
 */
import { IGNORE_ROLE, knownRoles, parseRole } from '../engine/column-roles';
import { ChoosableSheet } from '../engine/column-choice';
import { unquoteSheetName } from '../engine/saved-mapping';
import { isKpiOnlyRole, knownKpiRoles, KpiRole, parseKpiRole, repeatable } from '../engine/kpi-column-roles';
import { ColumnField } from '../engine/structure/columns';
import { normalise } from '../engine/text';
import { columnLetters, SheetGrid, WorkbookModel } from '../engine/workbook';
import { addToGroup } from '../engine/group';

export class ColumnsError extends Error {}

export interface ColumnsChoice {
  sheet: string;
  headerRow: number;
  /** Column number → field, or null to leave the column out. */
  fields: Map<number, ColumnField | null>;
}

/** The officer's columns for a KPI sheet (a scorecard or register), mapped with KPI roles. */
export interface KpiColumnsChoice {
  sheet: string;
  headerRow: number;
  fields: Map<number, KpiRole>;
}

interface Item {
  sheet: string | null;
  key: string;
  value: string;
}

function splitItems(spec: string): Item[] {
  const items = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw new ColumnsError('--columns is empty: give roles and columns, for example --columns "action=C,lead=E,due=F".');
  return items.map((item) => {
    const eq = item.indexOf('=');
    if (eq < 0) throw new ColumnsError(`--columns: "${item}" has no "=": write role=column, for example action=C.`);
    const left = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const bang = left.lastIndexOf('!');
    const sheet = bang >= 0 ? unquoteSheetName(left.slice(0, bang)) : null;
    const key = (bang >= 0 ? left.slice(bang + 1) : left).trim();
    if (!value) throw new ColumnsError(`--columns: "${item}" names no column after "=".`);
    return { sheet, key, value };
  });
}

/** The sheet an unqualified item is about: the only plan sheet, else the only sheet there is a choice on. */
function defaultSheet(model: WorkbookModel, choices: ChoosableSheet[]): string {
  const found = choices.filter((c) => c.found);
  if (found.length === 1) return found[0].sheet;
  if (choices.length === 1) return choices[0].sheet;
  const names = (choices.length ? choices.map((c) => c.sheet) : model.sheets.map((s) => s.name)).map((n) => `"${n}"`);
  if (names.length === 1) return names[0].slice(1, -1);
  throw new ColumnsError(`--columns: the plan could be on ${names.join(' or ')}: name the sheet, for example --columns "${names[0].slice(1, -1)}!action=C".`);
}

function resolveColumn(grid: SheetGrid, sheet: string, headerRow: number, value: string): number {
  const labelled = grid.columnsShown(headerRow).filter((c) => grid.text(headerRow, c));
  const wanted = normalise(value);
  const exact = labelled.filter((c) => normalise(grid.text(headerRow, c)) === wanted);
  if (exact.length === 1) return exact[0];
  if (/^[A-Za-z]{1,3}$/.test(value) && exact.length === 0) {
    const letter = value.toUpperCase();
    const col = labelled.find((c) => columnLetters(c) === letter);
    if (col !== undefined) return col;
    throw new ColumnsError(`--columns: column ${letter} has no header on row ${headerRow} of "${sheet}"; the headed columns are ${labelled.map(columnLetters).join(', ') || 'none'}.`);
  }
  const starts = exact.length ? exact : labelled.filter((c) => wanted && normalise(grid.text(headerRow, c)).startsWith(wanted));
  if (starts.length === 1) return starts[0];
  const list = (cols: number[]) => cols.map((c) => `${columnLetters(c)} "${grid.text(headerRow, c)}"`).join(', ');
  if (starts.length > 1) throw new ColumnsError(`--columns: "${value}" matches more than one header on "${sheet}" (${list(starts)}): use the column letter.`);
  throw new ColumnsError(`--columns: no column on row ${headerRow} of "${sheet}" is headed "${value}"; the headers are ${list(labelled) || 'none'}.`);
}

/**
 * The roles given to one sheet's columns, item by item: a role given twice (unless it `repeats`, as a KPI sheet's
 * periods do) or a column given two roles is refused, for plans and KPI sheets alike.
 */
class ColumnRoles<R> {
  /** Column number → role, or null to leave the column out. */
  readonly fields = new Map<number, R | null>();
  private readonly given = new Map<R, number>();
  constructor(private readonly rules: { repeats: (role: R) => boolean; namesRolesInClash: boolean }) {}

  has(role: R): boolean {
    return this.given.has(role);
  }

  /** Gives column `col` the role the officer wrote as `word` (null: leave it out). */
  assign(word: string, role: R | null, col: number): void {
    if (role !== null && !this.rules.repeats(role) && this.given.has(role)) {
      throw new ColumnsError(`--columns: the role "${word}" is given twice (columns ${columnLetters(this.given.get(role)!)} and ${columnLetters(col)}): give each role once.`);
    }
    if (this.fields.has(col)) {
      const which = this.rules.namesRolesInClash ? ` (${this.fields.get(col) ?? IGNORE_ROLE} and ${role ?? IGNORE_ROLE})` : '';
      throw new ColumnsError(`--columns: column ${columnLetters(col)} is given two roles${which}: give it one.`);
    }
    if (role !== null) this.given.set(role, col);
    this.fields.set(col, role);
  }
}

/** The first of a sheet's top rows with two labels or more: where a KPI sheet's headers most likely are. */
function firstLabelRow(grid: SheetGrid): number | null {
  for (const row of grid.rowNumbers.slice(0, 30)) if (grid.columnsShown(row).filter((c) => grid.text(row, c)).length >= 2) return row;
  return null;
}

/**
 * A KPI sheet's roles: the same syntax, with KPI roles. Several columns may be periods (one column of figures
 * each); every other role is given once.
 */
function resolveKpiSheet(model: WorkbookModel, sheet: string, sheetItems: Item[], headerItem: Item | undefined): KpiColumnsChoice {
  const grid = new SheetGrid(model.sheets.find((s) => s.name === sheet)!);
  const headerRow = headerItem ? Number(headerItem.value) : firstLabelRow(grid);
  if (headerRow === null) throw new ColumnsError(`--columns: PlanAssure cannot tell which row of "${sheet}" holds the headers: add header=N, for example header=3.`);
  const roles = new ColumnRoles<Exclude<KpiRole, null>>({ repeats: repeatable, namesRolesInClash: false });
  for (const item of sheetItems) {
    if (item === headerItem) continue;
    const role = parseKpiRole(item.key);
    if (role === undefined) throw new ColumnsError(`--columns: "${item.key}" is not a KPI role; the roles for a KPI sheet are ${knownKpiRoles().join(', ')}.`);
    roles.assign(item.key, role, resolveColumn(grid, sheet, headerRow, item.value));
  }
  if (!roles.has('name') && !roles.has('id')) throw new ColumnsError(`--columns: say which column of "${sheet}" names the KPIs, for example name=B (or id=A).`);
  return { sheet, headerRow, fields: roles.fields };
}

/** The officer's column roles, resolved against the workbook: one choice per sheet named, for plans and for KPIs. */
/** (`kpis` receives the sheets mapped with KPI roles.) */
export function resolveColumns(spec: string, model: WorkbookModel, choices: ChoosableSheet[], kpis: KpiColumnsChoice[] = []): ColumnsChoice[] {
  const items = splitItems(spec);
  const bySheet = new Map<string, Item[]>();
  for (const item of items) {
    const sheet = item.sheet ?? defaultSheet(model, choices);
    if (!model.sheets.some((s) => s.name === sheet)) {
      throw new ColumnsError(`--columns: there is no sheet called "${sheet}"; the sheets are ${model.sheets.map((s) => `"${s.name}"`).join(', ')}.`);
    }
    addToGroup(bySheet, sheet, item);
  }
  const out: ColumnsChoice[] = [];
  for (const [sheet, sheetItems] of bySheet) {
    const headerItems = sheetItems.filter((i) => normalise(i.key) === 'header' || normalise(i.key) === 'header row');
    if (headerItems.length > 1) throw new ColumnsError(`--columns: the header row of "${sheet}" is given twice: give header=N once.`);
    let headerRow = choices.find((c) => c.sheet === sheet)?.headerRow ?? null;
    if (headerItems.length) {
      const n = Number(headerItems[0].value);
      if (!Number.isInteger(n) || n < 1) throw new ColumnsError(`--columns: header=${headerItems[0].value} is not a row number: write header=3 for row 3.`);
      headerRow = n;
    }
    // A sheet given a role only a KPI has (target, period …) is mapped as a KPI sheet.
    if (sheetItems.some((i) => !headerItems.includes(i) && isKpiOnlyRole(i.key))) {
      kpis.push(resolveKpiSheet(model, sheet, sheetItems, headerItems[0]));
      continue;
    }
    if (headerRow === null) throw new ColumnsError(`--columns: PlanAssure cannot tell which row of "${sheet}" holds the headers: add header=N, for example header=3.`);
    const grid = new SheetGrid(model.sheets.find((s) => s.name === sheet)!);
    const roles = new ColumnRoles<ColumnField>({ repeats: () => false, namesRolesInClash: true });
    for (const item of sheetItems) {
      if (headerItems.includes(item)) continue;
      const field = parseRole(item.key);
      if (field === undefined) throw new ColumnsError(`--columns: "${item.key}" is not a role; the roles are ${knownRoles().join(', ')}.`);
      roles.assign(item.key, field, resolveColumn(grid, sheet, headerRow, item.value));
    }
    const fields = roles.fields;
    const found = choices.find((c) => c.sheet === sheet)?.found ?? false;
    if (!found && ![...fields.values()].includes('action')) {
      throw new ColumnsError(`--columns: PlanAssure found no action column on "${sheet}", so name it too, for example action=C.`);
    }
    out.push({ sheet, headerRow, fields });
  }
  return out;
}
