/**
 * Reads an .xlsx file into the engine's workbook model with ExcelJS. Every way a file can be unusable ends in an
 * UnusableInputError whose message names the file and says what to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CellModel, CellValue, MergedArea, parseA1, SheetModel, WorkbookModel } from '../engine/workbook';

export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function checkFile(file: string): Buffer {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new UnusableInputError(`${file}: no such file. Check the path and try again.`);
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new UnusableInputError(`${file} is a folder, not a workbook. Give the path of an .xlsx file.`);
  if (stat.size === 0) throw new UnusableInputError(`${name} is empty (0 bytes). Save the workbook again from Excel as .xlsx and retry.`);
  const data = fs.readFileSync(file);
  if (data.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new UnusableInputError(
      `${name} is password-protected or in the old .xls format. In Excel, remove the password (File > Info > Protect Workbook) or use File > Save As > Excel Workbook (.xlsx), then retry.`,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UnusableInputError(`${name} is not an Excel workbook (.xlsx). Open it in Excel and save it as an Excel Workbook (.xlsx), then retry.`);
  }
  return data;
}

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

function readSheet(ws: ExcelJS.Worksheet): SheetModel {
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

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const data = checkFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UnusableInputError(
      `${path.basename(file)} could not be read as an Excel workbook: it may be damaged or incomplete. Open it in Excel, save a fresh copy as .xlsx, and retry.`,
    );
  }
  // A table saved without style information (LibreOffice saves tables so) loads, but ExcelJS cannot write it back:
  // give it an empty style, which spreadsheet apps read the same way (no banding, no style).
  for (const ws of workbook.worksheets) {
    for (const table of Object.values((ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {})) {
      if (table.table && !table.table.style) table.table.style = {};
    }
  }
  // A zip that is not a workbook (a .docx renamed, a workbook whose sheets are missing) loads as no sheets at all;
  // Excel never saves a workbook without one.
  if (!workbook.worksheets.length) {
    throw new UnusableInputError(
      `${path.basename(file)} has no worksheets that can be read: it may be damaged, or not an Excel workbook. Open it in Excel, save a fresh copy as .xlsx, and retry.`,
    );
  }
  return workbook;
}

export function workbookModel(workbook: ExcelJS.Workbook): WorkbookModel {
  return { sheets: workbook.worksheets.map(readSheet) };
}

export async function readWorkbook(file: string): Promise<WorkbookModel> {
  return workbookModel(await loadWorkbook(file));
}
