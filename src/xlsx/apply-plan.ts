/**
 * Applies a declarative workbook plan to an ExcelJS workbook, and writes files atomically. Only the sheets the
 * tool owns are removed or added; every other sheet is left exactly as it was read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { PlanValue, RangeStyle, SheetPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { isToolRagRule } from '../engine/rag/rag-formats';
import { parseA1 } from '../engine/workbook';

function toExcel(value: PlanValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      // ExcelJS writes strings as shared strings: "=…" stays text and is never evaluated.
      return value.text;
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

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = workbook.addWorksheet(plan.name, { state: plan.visibility });
  plan.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
  });
  if (plan.table && plan.rows.length > 1) {
    const start = parseA1(plan.table.range.split(':')[0]);
    const header = plan.rows[start.row - 1].slice(start.col - 1);
    ws.addTable({
      name: plan.table.name,
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
    const [from] = cf.range.split(':');
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
    void from;
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

/** Replaces the sheets the tool owns with those in the plan; the officer's sheets are not touched. */
export function applyWorkbookPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan, owned: readonly string[]): void {
  const replace = new Set([...owned, ...plan.sheets.map((s) => s.name)].filter((n) => owned.includes(n) || !workbook.getWorksheet(n)));
  const kept = new Map<string, ConditionalFormatting[]>();
  for (const name of replace) {
    const ws = workbook.getWorksheet(name);
    if (!ws) continue;
    kept.set(name, officerRules(ws, plan.sheets.find((s) => s.name === name)));
    workbook.removeWorksheet(ws.id);
  }
  for (const sheet of plan.sheets) {
    if (workbook.getWorksheet(sheet.name)) throw new Error(`Sheet "${sheet.name}" belongs to the officer and will not be overwritten.`);
    writeSheet(workbook, sheet);
    const ws = workbook.getWorksheet(sheet.name)!;
    for (const cf of kept.get(sheet.name) ?? []) ws.addConditionalFormatting({ ref: cf.ref, rules: cf.rules });
  }
}

/**
 * Fast deflate: level 1 writes a 10,000-action board pack about twice as fast as ExcelJS's default, for files
 * some 15% larger. Workbooks are read far more often than they are written by us.
 */
export const WRITE_OPTIONS = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as unknown as Partial<ExcelJS.XlsxWriteOptions>;

/** Writes to a temporary file beside the target, then renames: a crash never leaves a half-written workbook. */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await workbook.xlsx.writeFile(temp, WRITE_OPTIONS);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
