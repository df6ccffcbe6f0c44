/**
 * The column roles the officer confirmed, kept in the workbook's "Plan Settings" sheet so that the next run, in the
 * pane or on the command line, reads the plan the same way without asking. One row per column:
 *
 *   Setting               | Value  | Header                 | Fingerprint
 *   Column: Actions!C3    | action | What needs to happen   | 5d1c9a02
 *
 * "Actions!C3" is the header cell: sheet, column letter and header row. The value is the role (a field name, or
 * "ignore"). The fingerprint is taken over the whole header row, so a column added, removed, moved or renamed
 * shows that the layout changed: the saved roles for that sheet are then set aside, with a finding saying so,
 * until the officer confirms the columns again.
 */
import { parseRole, roleWord } from './column-roles';
import { Finding } from './schema';
import { readSettingsSheet, SETTINGS_SHEET } from './settings';
import type { ColumnField } from './structure/columns';
import { normalise } from './text';
import { a1, columnLetters, parseA1, SheetGrid, SheetModel, WorkbookModel } from './workbook';

export interface SavedColumn {
  sheet: string;
  col: number;
  headerRow: number;
  header: string;
  /** null: the officer said to leave the column out. */
  field: ColumnField | null;
  fingerprint: string;
}

/** Column overrides (sheet → column number → field or null) and header rows (sheet → row), as structuring takes them. */
export interface MappingOverrides {
  columnOverrides: Record<string, Record<number, ColumnField | null>>;
  headerRowOverrides: Record<string, number>;
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
  const saved: SavedColumn[] = [];
  for (const r of grid.rowNumbers) {
    const m = SETTING.exec(grid.text(r, 1));
    if (!m) continue;
    const field = parseRole(grid.text(r, 2));
    if (field === undefined) continue;
    const { row, col } = parseA1(`${m[2]}${m[3]}`);
    saved.push({ sheet: unquoteSheetName(m[1]), col, headerRow: row, header: grid.text(r, 3), field, fingerprint: grid.text(r, 4).trim().toLowerCase() });
  }
  return saved;
}

/**
 * The saved roles that still fit the workbook, as overrides for structuring, and a finding for each sheet whose saved
 * roles no longer fit (its header row changed, or the sheet is gone). Sheets in `skip` (the officer has just given
 * their roles another way) are left out, silently.
 */
export function savedMappingOverrides(model: WorkbookModel, skip: ReadonlySet<string> = new Set()): MappingOverrides & { findings: Finding[] } {
  const out: MappingOverrides & { findings: Finding[] } = { columnOverrides: {}, headerRowOverrides: {}, findings: [] };
  const settingsSheet = readSettingsSheet(model).sheet ?? SETTINGS_SHEET;
  const bySheet = new Map<string, SavedColumn[]>();
  for (const s of readSavedMapping(model)) bySheet.set(s.sheet, [...(bySheet.get(s.sheet) ?? []), s]);
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
    out.headerRowOverrides[name] = headerRow;
    out.columnOverrides[name] = Object.fromEntries(columns.map((c) => [c.col, c.field]));
  }
  return out;
}

/**
 * Structuring options with the saved roles folded in: for each sheet, the officer's roles given with this run win
 * column by column; a header row given with this run that differs from the saved one sets the saved roles aside.
 */
export function withSavedMapping<T extends Partial<MappingOverrides>>(model: WorkbookModel, given: T): { options: T & Partial<MappingOverrides>; findings: Finding[] } {
  const saved = savedMappingOverrides(model);
  if (!Object.keys(saved.headerRowOverrides).length) return { options: given, findings: saved.findings };
  const columnOverrides = { ...given.columnOverrides };
  const headerRowOverrides = { ...given.headerRowOverrides };
  for (const [sheet, row] of Object.entries(saved.headerRowOverrides)) {
    if (headerRowOverrides[sheet] !== undefined && headerRowOverrides[sheet] !== row) continue;
    headerRowOverrides[sheet] = row;
    columnOverrides[sheet] = { ...saved.columnOverrides[sheet], ...columnOverrides[sheet] };
  }
  return { options: { ...given, columnOverrides, headerRowOverrides }, findings: saved.findings };
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
  return [`Column: ${sheet}!${a1(c.headerRow, c.col)}`, roleWord(c.field), c.header, c.fingerprint];
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
