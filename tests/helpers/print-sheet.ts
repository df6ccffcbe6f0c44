/** Makes a copy of a workbook in which only one sheet is visible, so LibreOffice prints just that sheet. */
import ExcelJS from 'exceljs';

export async function onlySheet(file: string, sheet: string, copy: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) => (ws.state = ws.name === sheet ? 'visible' : ws.state === 'veryHidden' ? 'veryHidden' : 'hidden'));
  // The active tab must be the visible one, or LibreOffice shows (and prints) the hidden active sheet.
  const index = wb.worksheets.findIndex((ws) => ws.name === sheet);
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: index, activeTab: index, visibility: 'visible' }];
  await wb.xlsx.writeFile(copy);
}
