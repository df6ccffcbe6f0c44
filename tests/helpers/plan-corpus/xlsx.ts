/** Writes a corpus workbook as a real .xlsx with ExcelJS: values, real dates shown dd/mm/yyyy, bold, italic, fills, merges, widths. */
import ExcelJS from 'exceljs';
import { DraftWorkbook } from './draft';

export async function writeDraft(draft: DraftWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of draft.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const [row, line] of sheet.cells) {
      for (const [col, cell] of line) {
        const target = ws.getCell(row, col);
        target.value = cell.value;
        if (cell.value instanceof Date) target.numFmt = 'dd/mm/yyyy';
        if (cell.bold || cell.italic) target.font = { bold: cell.bold, italic: cell.italic };
        if (cell.fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: cell.fill } };
        if (typeof cell.value === 'string' && cell.value.length > 60) target.alignment = { wrapText: true, vertical: 'top' };
      }
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const [col, width] of sheet.widths) ws.getColumn(col).width = width;
  }
  await wb.xlsx.writeFile(file);
}
