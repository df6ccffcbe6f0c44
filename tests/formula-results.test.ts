/**
 * A formula the engine writes without a result gets one from HyperFormula when the file is written, reading the
 * officer's sheets it names and taking the tool's other formulas as their stored results. Written through the file
 * adapter and read back with SheetJS, which takes stored results as they are.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from 'xlsx';
import { emptySheet, formula, text } from '../src/engine/sheet-plan/types';
import { applyWorkbookPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { loadWorkbook } from '../src/xlsx/read-workbook';
import { sheet, workbook } from './helpers/model';
import { writeModel } from './helpers/xlsx-files';

test('formulas without a result are calculated; those with one keep it, and others read it as their input', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'formula-results-'));
  try {
    const file = path.join(dir, 'in.xlsx');
    await writeModel(workbook(sheet('KPI Data', [['Value'], [21]]), sheet('Notes', [['Not named by any formula']])), file);
    const calc = emptySheet('Calc');
    calc.rows = [
      [text('Label'), formula("'KPI Data'!A2*2"), formula('B1+1', 7), formula('C1*10'), formula('UPPER("a")&B1')],
    ];
    const book = await loadWorkbook(file);
    await applyWorkbookPlan(book, { sheets: [calc] }, []);
    const out = path.join(dir, 'out.xlsx');
    await writeWorkbookAtomically(book, out);
    const ws = XLSX.readFile(out, { cellFormula: true }).Sheets.Calc!;
    // B1 from the officer's cell; C1 keeps the engine's 7 (not B1 + 1 = 43); D1 reads C1 as 7.
    expect([ws.B1?.v, ws.C1?.v, ws.D1?.v, ws.E1?.v]).toEqual([42, 7, 70, 'A42']);
    expect(ws.B1?.f).toBe("'KPI Data'!A2*2");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
