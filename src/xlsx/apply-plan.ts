/**
 * Applies a declarative workbook plan to an ExcelJS workbook, and writes files atomically. Only the sheets the
 * tool owns are removed or added; every other sheet is left exactly as it was read.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { PlanValue, RangeStyle, SheetPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { isToolRagRule } from '../engine/rag/rag-formats';
import { parseA1 } from '../engine/workbook';

/** Excel's limit on the characters in one cell: a file with a longer text opens only after a "repair". */
export const EXCEL_MAX_CELL_TEXT = 32_767;
const CUT_NOTE = ' … [cut to fit Excel’s 32,767-character limit: the whole text is in the source sheet]';

/** Text that fits in one Excel cell: longer text (joined from several source cells) is cut, and says so. */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_MAX_CELL_TEXT) return text;
  let cut = EXCEL_MAX_CELL_TEXT - CUT_NOTE.length;
  // Never split a surrogate pair (an emoji) in two.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + CUT_NOTE;
}

function toExcel(value: PlanValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      // ExcelJS writes strings as shared strings: "=…" stays text and is never evaluated.
      return fitCellText(value.text);
    case 'number':
      return value.value;
    case 'date': {
      const [y, m, d] = value.iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'formula':
      return { formula: value.formula } as ExcelJS.CellFormulaValue;
  }
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [from, to] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) fn(ws.getCell(r, c));
}

function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

function applyStyle(ws: ExcelJS.Worksheet, style: RangeStyle): void {
  eachCell(ws, style.range, (cell) => {
    if (style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontSize) {
      cell.font = {
        ...cell.font,
        ...(style.bold !== undefined ? { bold: style.bold } : {}),
        ...(style.italic !== undefined ? { italic: style.italic } : {}),
        ...(style.fontSize ? { size: style.fontSize } : {}),
        ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      };
    }
    if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
    if (style.wrap !== undefined || style.vertical || style.horizontal) {
      cell.alignment = {
        ...cell.alignment,
        ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
        ...(style.vertical ? { vertical: style.vertical } : {}),
        ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      };
    }
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (style.border) {
      const thin = { style: 'thin' as const, color: { argb: 'FFB1B4B6' } };
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  });
}

/**
 * A table name no other sheet uses: table names are workbook-wide in Excel, and an officer who renamed an earlier
 * Plan sheet to keep it still has its table, under the tool's table name. Two tables of one name make Excel
 * "repair" the file.
 */
function freeTableName(workbook: ExcelJS.Workbook, preferred: string): string {
  const used = new Set<string>();
  for (const ws of workbook.worksheets) {
    for (const name of Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})) used.add(name.toLowerCase());
  }
  if (!used.has(preferred.toLowerCase())) return preferred;
  for (let i = 2; ; i++) if (!used.has(`${preferred}${i}`.toLowerCase())) return `${preferred}${i}`;
}

/**
 * Sets a column's width in characters, so that ExcelJS always writes it. ExcelJS takes a width of exactly 9 for its
 * own default (Column.isCustomWidth is `width !== 9`, and Column.toModel leaves a "default" column out of <cols>),
 * so a 9-character column would open at Excel's real default of 8.43. Excel has no such rule: marking the column
 * custom makes ExcelJS write <col width="9" customWidth="1"/>, exactly what Excel writes for it.
 */
function setColumnWidth(column: ExcelJS.Column, width: number): void {
  column.width = width;
  if (!column.isCustomWidth) Object.defineProperty(column, 'isCustomWidth', { configurable: true, get: () => column.width !== undefined });
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.addWorksheet(plan.name, { state: plan.visibility });
  plan.columns.forEach((c, i) => setColumnWidth(ws.getColumn(i + 1), c.width));
  if (plan.table && plan.rows.length > 1) {
    const start = parseA1(plan.table.range.split(':')[0]);
    const header = plan.rows[start.row - 1].slice(start.col - 1);
    ws.addTable({
      name: freeTableName(workbook, plan.table.name),
      ref: plan.table.range.split(':')[0],
      headerRow: true,
      style: { theme: plan.table.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
      columns: header.map((h) => ({ name: h && h.kind === 'text' ? h.text : '', filterButton: true })),
      rows: plan.rows.slice(start.row).map((row) => row.slice(start.col - 1).map(toExcel)),
    });
    // Rows outside the table (none today) are still written.
    plan.rows.slice(0, start.row - 1).forEach((row, r) => row.forEach((v, c) => v && (ws.getCell(r + 1, c + 1).value = toExcel(v))));
  } else {
    plan.rows.forEach((row, r) => {
      if (row.some((v) => v !== null)) ws.getRow(r + 1).values = row.map(toExcel);
    });
  }
  plan.columns.forEach((c, i) => {
    if (!c.numFmt && !c.wrap) return;
    ws.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, r) => {
      if (c.numFmt && r > 1) cell.numFmt = c.numFmt;
      if (c.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    });
  });
  for (const style of plan.styles) applyStyle(ws, style);
  for (const range of plan.merges) ws.mergeCells(range);
  for (const v of plan.validations) {
    (ws as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [v.source],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Not on the list',
      error: v.message,
    });
  }
  for (const cf of plan.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((rule, i) => ({
        type: 'expression',
        priority: i + 1,
        formulae: [rule.expression],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) }, fgColor: { argb: argb(rule.fill) } },
          font: { color: { argb: argb(rule.fontColor) }, bold: rule.bold ?? false },
        },
      })),
    });
  }
  for (const bar of plan.dataBars) {
    ws.addConditionalFormatting({
      ref: bar.range,
      rules: [
        {
          type: 'dataBar',
          priority: 1,
          cfvo: [{ type: 'min' }, { type: 'max' }],
          color: { argb: argb(bar.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  if (plan.freeze) ws.views = [{ state: 'frozen', xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }];
  if (plan.page) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: plan.page.orientation,
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: plan.page.printTitleRows,
    };
    const footer = `${plan.page.footerLeft ? `&L${plan.page.footerLeft}` : ''}&RPage &P of &N`;
    ws.headerFooter = { ...ws.headerFooter, oddFooter: footer };
  }
}

type ConditionalFormatting = { ref: string; rules: ExcelJS.ConditionalFormattingRule[] };

/**
 * Conditional formats an officer added to a sheet the tool owns: everything except the tool's own RAG rules
 * and data bars. They are carried over when the sheet is rewritten, so a re-run never removes them.
 */
function officerRules(ws: ExcelJS.Worksheet, plan: SheetPlan | undefined): ConditionalFormatting[] {
  const existing = ((ws as unknown as { conditionalFormattings?: ConditionalFormatting[] }).conditionalFormattings ?? []);
  const toolBars = new Set(plan?.dataBars.map((b) => b.range) ?? []);
  return existing
    .map((cf) => ({
      ref: cf.ref,
      rules: cf.rules.filter((rule) => {
        const formula = (rule as { formulae?: string[] }).formulae?.[0] ?? '';
        if (rule.type === 'expression' && isToolRagRule(String(formula))) return false;
        if (rule.type === 'dataBar' && toolBars.has(cf.ref)) return false;
        return true;
      }),
    }))
    .filter((cf) => cf.rules.length > 0);
}

/** A sheet the officer owns has a name the tool needs (only the hidden "PlanAssure Lists" can clash today). */
export class SheetNameClashError extends Error {
  constructor(readonly sheet: string) {
    super(`already has a sheet named "${sheet}", a name PlanAssure keeps for its own hidden sheet. Rename that sheet (right-click its tab > Rename), then retry.`);
    this.name = 'SheetNameClashError';
  }
}

/** A sheet the tool wrote on an earlier run has been changed by hand since: replacing it would lose those changes. */
export class EditedToolSheetError extends Error {
  constructor(readonly sheet: string) {
    super(
      `the sheet "${sheet}" was written by PlanAssure and has been changed by hand since, so a new run would lose those changes. ` +
        `Copy what you typed into a sheet of your own (or undo it), or delete "${sheet}" to let PlanAssure write it afresh, then retry.`,
    );
    this.name = 'EditedToolSheetError';
  }
}

const OWNED_HEADER = 'PlanAssure owned sheet';
const FINGERPRINT_NOTE = 'PlanAssure: a fingerprint of each sheet it wrote, to tell whether one was changed by hand before replacing it.';

function fingerprintValue(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return `s:${value.replace(/\r\n?/g, '\n')}`;
  if (typeof value === 'number') return `n:${Number(value.toPrecision(12))}`;
  if (typeof value === 'boolean') return `b:${value}`;
  // A date is a number with a date format: whichever way a reader returns it, it counts the same.
  if (value instanceof Date) return `n:${Number(((value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000).toPrecision(12))}`;
  if (typeof value === 'object') {
    // Formulas by their presence only: Excel stores results and rewrites repeated formulas as shared ones on save.
    if ('formula' in value || 'sharedFormula' in value) return 'f';
    if ('error' in value) return `e:${String(value.error)}`;
    if ('richText' in value) return `s:${value.richText.map((p) => p.text).join('').replace(/\r\n?/g, '\n')}`;
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      return fingerprintValue(typeof t === 'string' ? t : ((t as ExcelJS.CellRichTextValue)?.richText ?? []).map((p) => p.text).join(''));
    }
  }
  return `j:${JSON.stringify(value)}`;
}

/**
 * What an officer can change in a sheet the tool wrote: its values, row by row, in any row order (sorting or
 * filtering the Plan table is not an edit). Formats, widths and conditional formats are not counted.
 */
export function sheetFingerprint(ws: ExcelJS.Worksheet): string {
  const rows: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const parts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = fingerprintValue(cell.value);
      if (v !== null) parts.push(`${c}\u0001${v}`);
    });
    if (parts.length) rows.push(parts.join('\u0002'));
  });
  return createHash('sha256').update(rows.sort().join('\u0003')).digest('hex').slice(0, 32);
}

/**
 * The ownership list's header cell on the tool's hidden lists sheet, and the fingerprints kept in its note. A
 * note, not cells, so the sheet holds exactly the cells the engine planned (the Office.js adapter writes the same).
 */
function ownershipHeader(ws: ExcelJS.Worksheet): ExcelJS.Cell | null {
  let found: ExcelJS.Cell | null = null;
  ws.getRow(1).eachCell({ includeEmpty: false }, (cell) => {
    if (!found && cell.value === OWNED_HEADER) found = cell;
  });
  return found;
}

function recordedFingerprints(ws: ExcelJS.Worksheet): Record<string, string> {
  const note = ownershipHeader(ws)?.note as string | { texts?: { text: string }[] } | undefined;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  try {
    const parsed = JSON.parse(text.slice(text.indexOf('{'))) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  // Excel's sheet names are unique ignoring case, and ExcelJS refuses a second "plan" beside "Plan".
  return workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/**
 * Replaces the sheets the tool owns with those in the plan; the officer's sheets are not touched. A tool sheet
 * the officer has changed by hand since the last run (its fingerprint no longer matches) is not replaced: the
 * run stops with an EditedToolSheetError, before anything is written. Each sheet written gets a fingerprint on
 * the ownership list, so the next run can tell.
 */
export function applyWorkbookPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan, owned: readonly string[]): void {
  const ownedLower = owned.map((n) => n.toLowerCase());
  const isOwned = (n: string) => ownedLower.includes(n.toLowerCase());
  const replace = new Set([...owned, ...plan.sheets.map((s) => s.name)].filter((n) => isOwned(n) || !findSheet(workbook, n)));
  const recorded = new Map<string, string>();
  for (const name of owned) {
    const ws = findSheet(workbook, name);
    for (const [sheet, print] of Object.entries(ws ? recordedFingerprints(ws) : {})) if (typeof print === 'string') recorded.set(sheet, print);
  }
  for (const name of replace) {
    const ws = findSheet(workbook, name);
    const print = recorded.get(name);
    if (ws && print && sheetFingerprint(ws) !== print) throw new EditedToolSheetError(ws.name);
  }
  for (const sheet of plan.sheets) {
    const ws = findSheet(workbook, sheet.name);
    if (ws && !replace.has(ws.name)) throw new SheetNameClashError(ws.name);
  }
  const kept = new Map<string, ConditionalFormatting[]>();
  for (const name of replace) {
    const ws = findSheet(workbook, name);
    if (!ws) continue;
    kept.set(name, officerRules(ws, plan.sheets.find((s) => s.name === name)));
    workbook.removeWorksheet(ws.id);
  }
  for (const sheet of plan.sheets) {
    writeSheet(workbook, sheet);
    const ws = workbook.getWorksheet(sheet.name)!;
    for (const cf of kept.get(sheet.name) ?? []) ws.addConditionalFormatting({ ref: cf.ref, rules: cf.rules });
  }
  for (const sheet of plan.sheets) {
    const lists = workbook.getWorksheet(sheet.name)!;
    const header = ownershipHeader(lists);
    if (!header) continue;
    const prints: Record<string, string> = {};
    for (const other of plan.sheets) if (other.name !== lists.name) prints[other.name] = sheetFingerprint(workbook.getWorksheet(other.name)!);
    header.note = `${FINGERPRINT_NOTE}\n${JSON.stringify(prints)}`;
  }
}

/**
 * Fast deflate: level 1 writes a 10,000-action board pack about twice as fast as ExcelJS's default, for files
 * some 15% larger. Workbooks are read far more often than they are written by us.
 */
export const WRITE_OPTIONS = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;

/** The output file cannot be written: the message names it, says why in plain words and what to do. */
export class OutputNotWritableError extends Error {
  constructor(readonly target: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'part of that path is a file, not a folder'
        : code === 'EISDIR'
          ? 'a folder of that name is in the way'
          : code === 'EACCES' || code === 'EPERM'
            ? 'you do not have permission to write there'
            : code === 'EROFS'
              ? 'that place is read-only'
              : code === 'ENOSPC'
                ? 'the disk is full'
                : code === 'ENAMETOOLONG'
                  ? 'the path is too long'
                  : ((cause as Error)?.message ?? String(cause));
    super(`could not write ${target}: ${why}. Nothing was written. Give --out a file name in a folder you can write to, then retry.`);
    this.name = 'OutputNotWritableError';
  }
}

/**
 * Writes to a temporary file beside the target, then renames: a crash never leaves a half-written workbook. The
 * workbook is built in memory first, so a failure while building it leaves no temporary file either.
 */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const data = Buffer.from(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (its folder could not be): nothing to tidy.
    }
    throw new OutputNotWritableError(target, error);
  }
}
