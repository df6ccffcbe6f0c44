/**
 * Writes rows into the officer's Plan Settings sheet in a workbook file (the column roles they confirmed). A new
 * settings sheet is added as a sheet plan; an existing one has just the named rows replaced in its XML, so every
 * other row, style and part of the sheet is carried over as it was.
 */
import type { SettingsEdit } from '../engine/saved-mapping';
import { emptySheet, PendingWorkbookPlan, SheetPlan } from '../engine/sheet-plan/types';
import { columnLetters, parseA1 } from '../engine/workbook';
import { hasExcelEscapes, escapeXml } from './package/xml';
import { XlsxWorkbook } from './read-workbook';

/** A new settings sheet, as a sheet plan: it is the officer's from then on, never replaced by the tool. */
function settingsSheetPlan(edit: SettingsEdit): SheetPlan {
  const sheet = emptySheet(edit.sheet);
  const last = Math.max(0, ...edit.rows.map((r) => r.row));
  sheet.rows = Array.from({ length: last }, () => []);
  for (const { row, values } of edit.rows) sheet.rows[row - 1] = values.map((v) => (v === null ? null : { kind: 'text', text: v }));
  sheet.columns = [{ width: 28 }, { width: 18 }, { width: 36 }, { width: 12 }];
  sheet.styles = [{ range: 'A1:D1', bold: true }];
  return sheet;
}

/** The plan with the settings sheet added, when the edit creates one. */
export function withSettingsSheet(plan: PendingWorkbookPlan, edit: SettingsEdit | null): PendingWorkbookPlan {
  return edit?.create ? { sheets: [...plan.sheets, { name: edit.sheet, build: () => settingsSheetPlan(edit) }] } : plan;
}

function rowXml(row: number, values: (string | null)[]): string {
  const cells = values.flatMap((v, i) => {
    if (v === null || v === '') return [];
    const body = hasExcelEscapes(v) ? `<r><t xml:space="preserve">${escapeXml(v)}</t></r>` : `<t xml:space="preserve">${escapeXml(v)}</t>`;
    return [`<c r="${columnLetters(i + 1)}${row}" t="inlineStr"><is>${body}</is></c>`];
  });
  return cells.length ? `<row r="${row}">${cells.join('')}</row>` : '';
}

const ROW = /<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

/** Replaces the edit's rows in an existing settings sheet of the file (nothing happens when the edit creates one). */
export async function editSettingsSheet(workbook: XlsxWorkbook, edit: SettingsEdit | null): Promise<void> {
  if (!edit || edit.create) return;
  const sheet = workbook.pkg.sheets().find((s) => s.name === edit.sheet);
  const xml = sheet?.part ? await workbook.pkg.text(sheet.part) : null;
  if (!sheet?.part || xml === null) return;
  const open = /<sheetData\b[^>]*?(\/>|>)/.exec(xml);
  if (!open) return;
  const start = open.index;
  const end = open[1] === '/>' ? start + open[0].length : xml.indexOf('</sheetData>', start) + '</sheetData>'.length;
  const rows = new Map<number, string>();
  for (const m of xml.slice(start, end).matchAll(ROW)) rows.set(Number(m[1]), m[0]);
  for (const { row, values } of edit.rows) rows.set(row, rowXml(row, values));
  const body = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join('');
  const tag = open[0].endsWith('/>') ? open[0].slice(0, -2) + '>' : open[0];
  const edited = `${xml.slice(0, start)}${tag}${body}</sheetData>${xml.slice(end)}`;
  workbook.pkg.put(sheet.part, withDimension(edited, Math.max(0, ...rows.keys()), Math.max(0, ...edit.rows.map((r) => r.values.length))));
}

/** The sheet's used-range hint (<dimension>), widened to take in the rows written. */
function withDimension(xml: string, lastRow: number, lastCol: number): string {
  return xml.replace(/<dimension\b[^>]*?\bref="([^"]*)"/, (whole, ref: string) => {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m || !lastRow) return whole;
    const [, , , endCol = m[1], endRow = m[2]] = m;
    const col = Math.max(lastCol, parseA1(`${endCol}1`).col);
    return whole.replace(ref, `${m[1]}${m[2]}:${columnLetters(col)}${Math.max(lastRow, Number(endRow))}`);
  });
}
