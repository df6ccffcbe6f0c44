/**
 * Writes a layout's sheets as a real .xlsx (ExcelJS, as Excel would save it: number formats, bold, merges, date
 * cells), and as an in-memory WorkbookModel for the property tests, which run too many cases to go through files.
 */
import ExcelJS from 'exceljs';
import { CellModel, parseA1, WorkbookModel } from '../../../src/engine/workbook';
import { Cell, SheetSpec } from './cells';

function parts(cell: Exclude<Cell, null>): { v: string | number | Date; numFmt?: string; bold?: boolean } {
  return typeof cell === 'object' && !(cell instanceof Date) ? cell : { v: cell };
}

export async function writeXlsx(sheets: SheetSpec[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || cell === undefined) return;
        const { v, numFmt, bold } = parts(cell);
        const target = ws.getCell(r + 1, c + 1);
        target.value = v;
        if (numFmt) target.numFmt = numFmt;
        else if (v instanceof Date) target.numFmt = 'mmm-yy';
        if (bold) target.font = { bold: true };
      }),
    );
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

export function toModel(sheets: SheetSpec[]): WorkbookModel {
  return {
    sheets: sheets.map((spec) => {
      const cells: CellModel[] = [];
      spec.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null || cell === undefined) return;
          const { v, numFmt, bold } = parts(cell);
          const value: CellModel['value'] =
            v instanceof Date ? { type: 'date', value: v.toISOString().slice(0, 10) } : typeof v === 'number' ? { type: 'number', value: v } : { type: 'text', value: v };
          cells.push({ row: r + 1, col: c + 1, value, ...(numFmt ? { numFmt } : v instanceof Date ? { numFmt: 'mmm-yy' } : {}), ...(bold ? { bold } : {}) });
        }),
      );
      const merges = (spec.merges ?? []).map((m) => {
        const [a, b] = m.split(':').map(parseA1);
        return { top: a.row, left: a.col, bottom: b.row, right: b.col };
      });
      return { name: spec.name, cells, merges };
    }),
  };
}
