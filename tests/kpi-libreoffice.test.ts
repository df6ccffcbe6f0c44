/**
 * End to end with a real spreadsheet application: the structured example is written as .xlsx (with the KPI Register's
 * live formulas and no cached results), then changed the way an officer would without the add-in (the reporting
 * period moved back quarter by quarter, a numerator corrected), and LibreOffice headless recalculates each copy
 * (`soffice --convert-to xlsx` into another folder, with a throwaway profile). The recalculated register must show
 * exactly what the engine computes for the same workbook.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { expectedRegisterValues, KPI_REGISTER_HEADERS, KPI_REGISTER_SHEET_NAME, readKpisForPlan } from '../src/engine/kpi';
import { ownedSheets, structureWorkbookPlan } from '../src/engine/sheet-plan/structure-plan';
import { structureWorkbook } from '../src/engine/structure';
import { applyWorkbookPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { loadWorkbook, workbookModel } from '../src/xlsx/read-workbook';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { requireTool } from './helpers/tools';

const hasLibreOffice = requireTool('soffice');
const EXAMPLE = path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx');
const OPTIONS = { today: '2026-01-31' };
const QUARTERS = ['Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26'];

interface Variant {
  name: string;
  change: (wb: ExcelJS.Workbook) => void;
}

const VARIANTS: Variant[] = [
  ...QUARTERS.map((q) => ({ name: `as-at-${q.replace(/[ /]/g, '-')}`, change: (wb: ExcelJS.Workbook) => (wb.getWorksheet('Plan Settings')!.getCell('B4').value = q) })),
  { name: 'numerator-corrected', change: (wb: ExcelJS.Workbook) => (wb.getWorksheet('KPI Data')!.getCell('C7').value = 460) },
];

/** A register cell as recalculated: the formula's result (0 included), or the value written. */
function cellResult(cell: ExcelJS.Cell): string | number | null {
  const model = cell.model as { formula?: string; result?: unknown; value?: unknown };
  const v = model.formula !== undefined ? model.result : cell.value;
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'object' && v && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  return v as string | number;
}

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-lo-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

(hasLibreOffice ? test : test.skip)('LibreOffice recalculates the written KPI Register to the engine’s values, for every KPI and period', async () => {
  // Write the structured workbook once, as the command does.
  const workbook = await loadWorkbook(EXAMPLE);
  const model = workbookModel(workbook);
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { ...OPTIONS, ownedSheets: owned });
  await applyWorkbookPlan(workbook, structureWorkbookPlan(result, model), owned);
  const written = path.join(tmp, 'written.xlsx');
  await writeWorkbookAtomically(workbook, written);

  // The officer's edits, made to copies of the written file (the formulas are not rewritten).
  const inDir = path.join(tmp, 'in');
  const outDir = path.join(tmp, 'out');
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const files: string[] = [];
  for (const v of VARIANTS) {
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(written);
    v.change(copy);
    const file = path.join(inDir, `${v.name}.xlsx`);
    await copy.xlsx.writeFile(file);
    files.push(file);
  }
  const converted = convertWithLibreOffice(files, 'xlsx', outDir);

  let compared = 0;
  const problems: string[] = [];
  for (const [i, v] of VARIANTS.entries()) {
    // The engine, on the same edited workbook (its own sheets are skipped as tool-owned).
    const edited = await loadWorkbook(files[i]);
    const editedModel = workbookModel(edited);
    const editedResult = structureWorkbook(editedModel, { ...OPTIONS, ownedSheets: ownedSheets(editedModel) });
    const expected = expectedRegisterValues(readKpisForPlan(editedModel, editedResult.settings, editedResult.sheets), editedResult.settings);

    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(converted[i]);
    const ws = recalculated.getWorksheet(KPI_REGISTER_SHEET_NAME)!;
    expect(KPI_REGISTER_HEADERS.map((_, c) => cellResult(ws.getCell(1, c + 1)))).toEqual([...KPI_REGISTER_HEADERS]);
    expected.forEach((e, r) => {
      KPI_REGISTER_HEADERS.forEach((h, c) => {
        const got = cellResult(ws.getCell(r + 2, c + 1));
        const want = e[h];
        // LibreOffice stores 15 significant digits.
        const ok = typeof want === 'number' && typeof got === 'number' ? Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)) : got === want;
        if (!ok) problems.push(`${v.name} ${e['KPI ID']} ${h}: LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
      });
      compared++;
    });
    if (v.name === 'numerator-corrected') expect(cellResult(ws.getCell(2, 15))).toBe('Green'); // 460/561 = 82.0% ≥ 80
  }
  expect(problems).toEqual([]);
  expect(compared).toBe(VARIANTS.length * 14);
  console.log(`kpi-libreoffice: ${compared} KPI-periods compared with LibreOffice`);
});
