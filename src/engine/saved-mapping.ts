/**
 * The column roles the officer confirmed, kept in the workbook's "Plan Settings" sheet so that the next run, in the
 * pane or on the command line, reads the plan the same way without asking. One row per column:
 *
 *   Setting               | Value              | Header                 | Fingerprint
 *   Column: Actions!C3    | action             | What needs to happen   | 5d1c9a02
 *   Column: Scorecard!D4  | period: Q2 2025/26 | Q2 actual              | 0b7e41c9
 *
 * "Actions!C3" is the header cell: sheet, column letter and header row. The value is the role (a field name, or
 * "ignore"). A KPI sheet (a scorecard, register or data sheet) is saved with KPI roles (kpi-column-roles.ts): a sheet
 * whose rows name a role only a KPI has is read back as one, as --columns decides; a column of figures keeps the
 * period it was read as. The fingerprint is taken over the whole header row, so a column added, removed, moved or renamed
 * shows that the layout changed: the saved roles for that sheet are then set aside, with a finding saying so,
 * until the officer confirms the columns again.
 */
import { parseRole, roleWord } from './column-roles';
import type { KpiColumnOverrides } from './kpi/headers';
import { isKpiOnlyRole, kpiRoleWord, KpiRole, parseKpiRole } from './kpi-column-roles';
import { Finding } from './schema';
import { readSettingsSheet, SETTINGS_SHEET } from './settings';
import type { ColumnField } from './structure/columns';
import { normalise } from './text';
import { a1, columnLetters, parseA1, SheetGrid, SheetModel, WorkbookModel } from './workbook';
import { addToGroup } from './group';

export interface SavedColumn {
  sheet: string;
  col: number;
  headerRow: number;
  header: string;
  /** null: the officer said to leave the column out (or the column is a KPI sheet's: see kpiRole). */
  field: ColumnField | null;
  /** Set on a KPI sheet's columns: the KPI role, null to leave the column out. Undefined on a plan's. */
  kpiRole?: KpiRole;
  fingerprint: string;
}

/**
 * Column overrides (sheet → column number → field or null) and header rows (sheet → row), as structuring takes them:
 * for plans, and for KPI sheets.
 */
export interface MappingOverrides {
  columnOverrides: Record<string, Record<number, ColumnField | null>>;
  headerRowOverrides: Record<string, number>;
  kpiColumnOverrides: Record<string, KpiColumnOverrides>;
  kpiHeaderRowOverrides: Record<string, number>;
}

const SETTING = /^\s*column\s*:\s*(.+)!\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/i;

export const SAVED_COLUMNS_CHANGED = 'saved-columns-changed';

/** A sheet name as written in a setting or on the command line: 'Sheet name' quoted as in a formula, or bare. */
export function unquoteSheetName(name: string): string {
  const t = name.trim();
  return /^'.*'$/.test(t) ? t.slice(1, -1).replace(/''/g, "'") : t;
}

/** FNV-1a over the text, as 8 hex digits: short enough to read, and any change to the header row changes it. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A fingerprint of a header row: every labelled cell's column and words (case, spacing and punctuation aside). */
export function headerFingerprint(sheet: SheetModel, headerRow: number): string {
  const grid = new SheetGrid(sheet);
  const labels = grid.columnsShown(headerRow).map((c) => [c, normalise(grid.text(headerRow, c))] as const).filter(([, t]) => t);
  return fnv1a(labels.map(([c, t]) => `${columnLetters(c)}=${t}`).join('|'));
}

/** The column roles saved in the workbook's Plan Settings sheet, in sheet order. Rows it cannot read are skipped. */
export function readSavedMapping(model: WorkbookModel): SavedColumn[] {
  const name = readSettingsSheet(model).sheet;
  const sheet = name ? model.sheets.find((s) => s.name === name) : undefined;
  if (!sheet) return [];
  const grid = new SheetGrid(sheet);
  const rows = grid.rowNumbers.flatMap((r) => {
    const m = SETTING.exec(grid.text(r, 1));
    return m ? [{ r, sheet: unquoteSheetName(m[1]), cell: parseA1(`${m[2]}${m[3]}`), word: grid.text(r, 2) }] : [];
  });
  // As with --columns: a sheet given a role only a KPI has is a KPI sheet, and all its roles are KPI roles.
  const kpiSheets = new Set(rows.filter((x) => isKpiOnlyRole(x.word)).map((x) => x.sheet));
  const saved: SavedColumn[] = [];
  for (const { r, sheet: name, cell, word } of rows) {
    const base = { sheet: name, col: cell.col, headerRow: cell.row, header: grid.text(r, 3), fingerprint: grid.text(r, 4).trim().toLowerCase() };
    if (kpiSheets.has(name)) {
      const kpiRole = parseKpiRole(word);
      if (kpiRole !== undefined) saved.push({ ...base, field: null, kpiRole });
      continue;
    }
    const field = parseRole(word);
    if (field !== undefined) saved.push({ ...base, field });
  }
  return saved;
}

/**
 * The saved roles that still fit the workbook, as overrides for structuring, and a finding for each sheet whose saved
 * roles no longer fit (its header row changed, or the sheet is gone). Sheets in `skip` (the officer has just given
 * their roles another way) are left out, silently.
 */
export function savedMappingOverrides(model: WorkbookModel, skip: ReadonlySet<string> = new Set()): MappingOverrides & { findings: Finding[] } {
  const out: MappingOverrides & { findings: Finding[] } = { columnOverrides: {}, headerRowOverrides: {}, kpiColumnOverrides: {}, kpiHeaderRowOverrides: {}, findings: [] };
  const settingsSheet = readSettingsSheet(model).sheet ?? SETTINGS_SHEET;
  const bySheet = new Map<string, SavedColumn[]>();
  for (const s of readSavedMapping(model)) addToGroup(bySheet, s.sheet, s);
  for (const [name, columns] of bySheet) {
    if (skip.has(name)) continue;
    const sheet = model.sheets.find((s) => s.name === name);
    const headerRow = columns[0].headerRow;
    const fits = sheet && columns.every((c) => c.headerRow === headerRow && c.fingerprint === headerFingerprint(sheet, headerRow));
    if (!fits) {
      out.findings.push({
        rule: SAVED_COLUMNS_CHANGED,
        severity: 'warning',
        sheet: settingsSheet,
        cell: 'A1',
        message: sheet
          ? `The column roles saved for sheet “${name}” no longer fit: its header row ${headerRow} has changed since they were confirmed, so PlanAssure read the sheet on its own instead.`
          : `The column roles saved for sheet “${name}” were not used: there is no sheet called “${name}” now.`,
        fix: `Check the columns again and confirm them (in the pane, or with --columns on the command line), or delete the “Column: ${name}!…” rows in “${settingsSheet}”.`,
      });
      continue;
    }
    if (columns.some((c) => c.kpiRole !== undefined)) {
      out.kpiHeaderRowOverrides[name] = headerRow;
      out.kpiColumnOverrides[name] = Object.fromEntries(columns.map((c) => [c.col, c.kpiRole ?? null]));
    } else {
      out.headerRowOverrides[name] = headerRow;
      out.columnOverrides[name] = Object.fromEntries(columns.map((c) => [c.col, c.field]));
    }
  }
  return out;
}

/**
 * Structuring options with the saved roles folded in: for each sheet, the officer's roles given with this run win
 * column by column; a header row given with this run that differs from the saved one sets the saved roles aside, and
 * so does a mapping given with this run of the other kind (KPI roles for a sheet saved as a plan, or the reverse).
 */
export function withSavedMapping<T extends Partial<MappingOverrides>>(model: WorkbookModel, given: T): { options: T & Partial<MappingOverrides>; findings: Finding[] } {
  const saved = savedMappingOverrides(model);
  if (!Object.keys(saved.headerRowOverrides).length && !Object.keys(saved.kpiHeaderRowOverrides).length) return { options: given, findings: saved.findings };
  const givenPlan = new Set([...Object.keys(given.columnOverrides ?? {}), ...Object.keys(given.headerRowOverrides ?? {})]);
  const givenKpi = new Set([...Object.keys(given.kpiColumnOverrides ?? {}), ...Object.keys(given.kpiHeaderRowOverrides ?? {})]);
  const plan = foldIn(saved.headerRowOverrides, saved.columnOverrides, given.headerRowOverrides, given.columnOverrides, givenKpi);
  const kpi = foldIn(saved.kpiHeaderRowOverrides, saved.kpiColumnOverrides, given.kpiHeaderRowOverrides, given.kpiColumnOverrides, givenPlan);
  return {
    options: { ...given, columnOverrides: plan.columns, headerRowOverrides: plan.rows, kpiColumnOverrides: kpi.columns, kpiHeaderRowOverrides: kpi.rows },
    findings: saved.findings,
  };
}

/** One kind's saved roles under the ones given with this run (`otherKind`: the sheets given roles of the other kind). */
function foldIn<Role>(
  savedRows: Record<string, number>,
  savedColumns: Record<string, Record<number, Role>>,
  givenRows: Record<string, number> = {},
  givenColumns: Record<string, Record<number, Role>> = {},
  otherKind: ReadonlySet<string>,
): { rows: Record<string, number>; columns: Record<string, Record<number, Role>> } {
  const rows = { ...givenRows };
  const columns = { ...givenColumns };
  for (const [sheet, row] of Object.entries(savedRows)) {
    if (otherKind.has(sheet) || (rows[sheet] !== undefined && rows[sheet] !== row)) continue;
    rows[sheet] = row;
    columns[sheet] = { ...savedColumns[sheet], ...columns[sheet] };
  }
  return { rows, columns };
}

/** The roles to save for a sheet: every labelled column of its header row, with the role the officer confirmed. */
export function savedColumnsFor(sheet: SheetModel, headerRow: number, fields: ReadonlyMap<number, ColumnField | null>): SavedColumn[] {
  const grid = new SheetGrid(sheet);
  const fingerprint = headerFingerprint(sheet, headerRow);
  return grid
    .columnsShown(headerRow)
    .filter((c) => grid.text(headerRow, c))
    .map((col) => ({ sheet: sheet.name, col, headerRow, header: grid.text(headerRow, col), field: fields.get(col) ?? null, fingerprint }));
}

/** The KPI roles to save for a KPI sheet: every labelled column of its header row, with the role it is read as. */
export function savedKpiColumnsFor(sheet: SheetModel, headerRow: number, roles: ReadonlyMap<number, KpiRole>): SavedColumn[] {
  return savedColumnsFor(sheet, headerRow, new Map()).map((c) => ({ ...c, kpiRole: roles.get(c.col) ?? null }));
}

/** Rows to write into an existing sheet, or a new one: each row's values start at column A. */
export interface SettingsEdit {
  sheet: string;
  /** The sheet does not exist yet: add it (visible, at the end). */
  create: boolean;
  rows: { row: number; values: (string | null)[] }[];
}

const WIDTH = 4;

function settingRow(c: SavedColumn): (string | null)[] {
  const sheet = /[\s!']/.test(c.sheet) ? `'${c.sheet.replace(/'/g, "''")}'` : c.sheet;
  return [`Column: ${sheet}!${a1(c.headerRow, c.col)}`, c.kpiRole !== undefined ? kpiRoleWord(c.kpiRole) : roleWord(c.field), c.header, c.fingerprint];
}

/**
 * The edit to Plan Settings that saves `columns` as the roles for their sheets: rows already saved for those sheets
 * are overwritten in place (left-over ones cleared), and new rows go below the sheet's last row. The officer's other
 * settings rows are never touched. When there is no settings sheet, one is added with a header row.
 */
export function settingsEditFor(model: WorkbookModel, columns: SavedColumn[]): SettingsEdit {
  const name = readSettingsSheet(model).sheet;
  const values = columns.map(settingRow);
  if (!name) {
    return { sheet: SETTINGS_SHEET, create: true, rows: [['Setting', 'Value', 'Header', 'Fingerprint'], ...values].map((v, i) => ({ row: i + 1, values: v })) };
  }
  const grid = new SheetGrid(model.sheets.find((s) => s.name === name)!);
  const replaced = new Set(columns.map((c) => c.sheet));
  const old = grid.rowNumbers.filter((r) => {
    const m = SETTING.exec(grid.text(r, 1));
    return m && replaced.has(unquoteSheetName(m[1]));
  });
  const last = grid.rowNumbers.length ? Math.max(...grid.rowNumbers) : 0;
  const rows: SettingsEdit['rows'] = [];
  values.forEach((v, i) => rows.push({ row: i < old.length ? old[i] : last + 1 + (i - old.length), values: v }));
  for (const r of old.slice(values.length)) rows.push({ row: r, values: Array<string | null>(WIDTH).fill(null) });
  return { sheet: name, create: false, rows };
}
