/**
 * The reference oracle for the package reader: the ExcelJS-based reading code as it stood before the reader was
 * rewritten over the package's XML (copied from src/xlsx/read-workbook.ts at commit 4dcc96e, `toCellValue` and
 * `readSheet` unchanged). Tests load a file with both and expect the same WorkbookModel. Deliberately imports
 * nothing from src/xlsx, so rewriting the reader cannot change what it is compared against.
 *
 * One departure, made on purpose (see excelCalendar below): dates before 1 March 1900, which ExcelJS reads a day
 * earlier than Excel shows them, are compared as Excel shows them.
 */
import ExcelJS from 'exceljs';
import { CellModel, CellValue, MergedArea, parseA1, SheetModel, WorkbookModel } from '../../src/engine/workbook';

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function errorValue(v: unknown): string | null {
  if (v && typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  return null;
}

/** ExcelJS's many value shapes, reduced to the engine's typed cell values. */
export function toCellValue(raw: ExcelJS.CellValue): { value: CellValue; formula?: string } | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw === '' ? null : { value: { type: 'text', value: raw } };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: { type: 'number', value: raw } } : null;
  if (typeof raw === 'boolean') return { value: { type: 'boolean', value: raw } };
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : { value: { type: 'date', value: toIso(raw) } };
  const error = errorValue(raw);
  if (error) return { value: { type: 'error', value: error } };
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) {
      const text = raw.richText.map((part) => part.text ?? '').join('');
      return text ? { value: { type: 'text', value: text } } : null;
    }
    if ('formula' in raw || 'sharedFormula' in raw) {
      const f = raw as { formula?: string; sharedFormula?: string; result?: unknown };
      const result = f.result === undefined ? null : toCellValue(f.result as ExcelJS.CellValue);
      return { value: result?.value ?? { type: 'text', value: '' }, formula: f.formula ?? f.sharedFormula };
    }
    if ('text' in raw) {
      const t = (raw as { text: unknown }).text;
      const text = typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? (t as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('') : '';
      return text ? { value: { type: 'text', value: text } } : null;
    }
  }
  return null;
}

export function readSheet(ws: ExcelJS.Worksheet): SheetModel {
  const cells: CellModel[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const converted = toCellValue(cell.value);
      if (!converted) return;
      const model: CellModel = { row: r, col: c, value: converted.value };
      if (converted.formula) model.formula = converted.formula;
      if (cell.numFmt) model.numFmt = cell.numFmt;
      if (cell.font?.bold) model.bold = true;
      cells.push(model);
    });
  });
  const merges: MergedArea[] = [];
  for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
    const [from, to] = range.split(':');
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  const hiddenColumns: number[] = [];
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) hiddenColumns.push(i + 1);
  });
  return { name: ws.name, cells, merges, hiddenRows, hiddenColumns, visibility: ws.state ?? 'visible' };
}

/** A workbook file (a path or its bytes) as the ExcelJS reader modelled it. */
export async function exceljsWorkbookModel(file: string | Buffer): Promise<WorkbookModel> {
  const workbook = new ExcelJS.Workbook();
  if (typeof file === 'string') await workbook.xlsx.readFile(file);
  else await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheets = workbook.worksheets.map(readSheet);
  if (!workbook.properties.date1904) sheets.forEach(excelCalendar);
  return { sheets };
}

const EXCELJS_SERIAL_0 = Date.UTC(1899, 11, 30);
const EXCELJS_SERIAL_59 = Date.UTC(1900, 1, 27);
const DAY_MS = 86_400_000;

/**
 * ExcelJS counts every 1900-system serial from 30 December 1899, so serials 0 to 59 come out a day before the date
 * Excel shows: Excel counts a 29 February 1900 that never was (serial 60), and serial 1 is 1 January 1900. The
 * reader reads those serials as Excel shows them, as the Office.js adapter does; here the oracle's dates for them
 * (30 December 1899 to 27 February 1900 as ExcelJS gives them) move a day on to match. Serial 60 stays 28 February.
 */
function excelCalendar(sheet: SheetModel): void {
  for (const cell of sheet.cells) {
    if (cell.value.type !== 'date') continue;
    const time = Date.parse(cell.value.value);
    if (time >= EXCELJS_SERIAL_0 && time <= EXCELJS_SERIAL_59) cell.value = { type: 'date', value: new Date(time + DAY_MS).toISOString().slice(0, 10) };
  }
}
