/**
 * The board pack's cover author and version, and whether complete actions show Blue, as the officer sets them in the
 * pane when building a pack. They are kept where every run reads them, the workbook's Plan Settings sheet (rows
 * "Author", "Version", "Use Blue"), so the next run, in the pane or on the command line, uses them too.
 */
import type { SettingsEdit } from './saved-mapping';
import { readSettingsSheet, SETTING_LABELS, SETTINGS_SHEET } from './settings';
import { normalise } from './text';
import { CellModel, SheetGrid, WorkbookModel } from './workbook';

export interface PackSettings {
  author: string | null;
  version: string | null;
  useBlue: boolean;
}

type Key = keyof PackSettings;

/** The label each setting gets when the sheet has no row for it yet. */
const LABELS: Record<Key, string> = { author: 'Author', version: 'Version', useBlue: 'Use Blue' };

/** Whether a Plan Settings label sets `key` (any label the sheet reads for it: "Prepared by" sets the author). */
function labels(key: Key, label: string): boolean {
  const l = normalise(label);
  return key === 'useBlue' ? l === 'use blue' : SETTING_LABELS[l] === key;
}

/** What the workbook's Plan Settings give now (the defaults where they say nothing). */
export function packSettingsOf(model: WorkbookModel): PackSettings {
  const { settings } = readSettingsSheet(model);
  return { author: settings.author ?? null, version: settings.version ?? null, useBlue: settings.useBlue !== false };
}

const written = (key: Key, value: PackSettings[Key]): string | null => (key === 'useBlue' ? (value ? 'yes' : 'no') : ((value as string | null)?.trim() || null));

/**
 * The edit to Plan Settings that makes it give `chosen`: the row that sets each changed value now (the last, which
 * wins) is overwritten in place, keeping the officer's label; a value with no row goes in a new row below the last.
 * Null when nothing changes. Other rows are never touched; a missing sheet is added with a header row.
 */
export function packSettingsEdit(model: WorkbookModel, chosen: PackSettings): SettingsEdit | null {
  const now = packSettingsOf(model);
  const changed = (Object.keys(LABELS) as Key[]).filter((k) => written(k, chosen[k]) !== written(k, now[k]));
  if (!changed.length) return null;
  const name = readSettingsSheet(model).sheet;
  if (!name) {
    const rows = changed.filter((k) => written(k, chosen[k]) !== null).map((k) => [LABELS[k], written(k, chosen[k])]);
    return { sheet: SETTINGS_SHEET, create: true, rows: [['Setting', 'Value'], ...rows].map((values, i) => ({ row: i + 1, values })) };
  }
  const grid = new SheetGrid(model.sheets.find((s) => s.name === name)!);
  let next = (grid.rowNumbers.length ? Math.max(...grid.rowNumbers) : 0) + 1;
  const rows: SettingsEdit['rows'] = [];
  for (const key of changed) {
    const value = written(key, chosen[key]);
    const row = grid.rowNumbers.filter((r) => labels(key, grid.text(r, 1))).pop();
    if (row !== undefined) rows.push({ row, values: [grid.text(row, 1), value] });
    else if (value !== null) rows.push({ row: next++, values: [LABELS[key], value] });
  }
  return rows.length ? { sheet: name, create: false, rows } : null;
}

/** The workbook as it reads once `edit` is written: the rows' cells replaced, as text (as the adapters write them). */
export function withSettingsEdit<M extends WorkbookModel>(model: M, edit: SettingsEdit | null): M {
  if (!edit) return model;
  const existing = model.sheets.find((s) => s.name === edit.sheet);
  const sheet = existing ?? { name: edit.sheet, cells: [], merges: [] };
  const replaced = new Map(edit.rows.map((r) => [r.row, r.values.length]));
  const cells: CellModel[] = sheet.cells.filter((c) => !((replaced.get(c.row) ?? 0) >= c.col));
  for (const { row, values } of edit.rows) values.forEach((v, i) => v !== null && v !== '' && cells.push({ row, col: i + 1, value: { type: 'text', value: v } }));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const edited = { ...sheet, cells };
  return { ...model, sheets: existing ? model.sheets.map((s) => (s === existing ? edited : s)) : [...model.sheets, edited] };
}

/** Two edits of one Plan Settings sheet written together, `later` computed on the workbook with `first` applied. */
export function bothSettingsEdits(first: SettingsEdit | null, later: SettingsEdit | null): SettingsEdit | null {
  if (!first || !later) return first ?? later;
  return { sheet: first.sheet, create: first.create, rows: [...first.rows, ...later.rows] };
}
