/**
 * Runs the same "structure" command through both adapters and puts the results in one comparable shape:
 *   - ExcelJS: src/xlsx (read file → engine → apply → write a temp file → read it back);
 *   - Office.js: src/excel on the Excel simulator preloaded from the same file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { structureWorkbookPlan, ownedSheets } from '../../src/engine/sheet-plan/structure-plan';
import { structureWorkbook } from '../../src/engine/structure';
import { CellModel, WorkbookModel } from '../../src/engine/workbook';
import { structureInExcel, StructureInExcelResult } from '../../src/excel/structure-command';
import { ExcelSimulator, SheetDetails, SimulatorOptions } from '../../src/excel-simulator';
import { loadSimulatorFromXlsx } from '../../src/excel-simulator/node-loader';
import { applyWorkbookPlan, writeWorkbookAtomically } from '../../src/xlsx/apply-plan';
import { loadWorkbook, workbookModel } from '../../src/xlsx/read-workbook';
import { TODAY } from './seeds';

export interface Outcome {
  model: WorkbookModel;
  details: SheetDetails[];
}

/** Runs structure on the simulator (Office.js adapter) with the simulator's Office globals installed. */
export async function structureOnSimulator(sim: ExcelSimulator, planStart?: string, today = TODAY): Promise<StructureInExcelResult> {
  const restore = sim.installGlobals();
  try {
    return await sim.run((context) => structureInExcel(context as unknown as Excel.RequestContext, { today, planStart }));
  } finally {
    restore();
  }
}

export async function simulatorOutcome(file: string, planStart: string, options: Omit<SimulatorOptions, 'model'> = {}): Promise<Outcome & { sim: ExcelSimulator }> {
  const sim = await loadSimulatorFromXlsx(file, options);
  await structureOnSimulator(sim, planStart);
  return { sim, model: sim.model(), details: sim.details() };
}

export async function exceljsOutcome(file: string, planStart: string): Promise<Outcome> {
  const workbook = await loadWorkbook(file);
  const model = workbookModel(workbook);
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { today: TODAY, planStart, ownedSheets: owned });
  await applyWorkbookPlan(workbook, structureWorkbookPlan(result, model), owned);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planassure-contract-'));
  const out = path.join(dir, 'structured.xlsx');
  try {
    await writeWorkbookAtomically(workbook, out);
    // Read back twice: the model by our reader, the formats by ExcelJS, an independent reader of the same file.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    return { model: workbookModel(await loadWorkbook(out)), details: back.worksheets.map(exceljsSheetDetails) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const hex = (argb: string | undefined) => argb?.replace(/^FF/i, '').toUpperCase();

function parseFooter(text: string | undefined): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  if (!text) return out;
  for (const m of text.matchAll(/&([LCR])((?:(?!&[LCR]).)*)/g)) out[m[1] === 'L' ? 'left' : m[1] === 'C' ? 'center' : 'right'] = m[2];
  return out;
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** ExcelJS keeps a validation per cell once read back: group cells by rule and give each group's range. */
function validations(ws: ExcelJS.Worksheet): SheetDetails['validations'] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  const groups = new Map<string, { rule: ExcelJS.DataValidation; cells: { row: number; col: number }[] }>();
  for (const [address, rule] of Object.entries(model)) {
    const key = JSON.stringify([rule.formulae, rule.error, rule.errorStyle, rule.errorTitle]);
    const m = /^([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ''));
    if (!m) throw new Error(`Unexpected validation address ${address}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const group = groups.get(key) ?? { rule, cells: [] };
    group.cells.push({ row: Number(m[2]), col });
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ rule, cells }) => {
      const top = Math.min(...cells.map((c) => c.row));
      const bottom = Math.max(...cells.map((c) => c.row));
      const left = Math.min(...cells.map((c) => c.col));
      const right = Math.max(...cells.map((c) => c.col));
      if ((bottom - top + 1) * (right - left + 1) !== cells.length) throw new Error('A validation group is not one rectangle');
      return {
        range: `${colLetters(left)}${top}:${colLetters(right)}${bottom}`,
        source: String(rule.formulae?.[0] ?? '').replace(/^=/, ''),
        errorStyle: rule.showErrorMessage ? String(rule.errorStyle ?? 'stop') : 'none',
        errorTitle: rule.errorTitle ?? '',
        message: rule.error ?? '',
      };
    })
    .sort((a, b) => a.range.localeCompare(b.range));
}

type CfRule = { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } }; color?: { argb?: string } };

export function exceljsSheetDetails(ws: ExcelJS.Worksheet): SheetDetails {
  const model = ws.model as unknown as {
    merges?: string[];
    tables?: { name: string; tableRef?: string; ref?: string; style?: { theme?: string } }[];
    conditionalFormattings?: { ref: string; rules: CfRule[] }[];
    views?: { state?: string; xSplit?: number; ySplit?: number }[];
    pageSetup?: { paperSize?: number; orientation?: string; fitToPage?: boolean; fitToWidth?: number; printTitlesRow?: string };
    headerFooter?: { oddFooter?: string };
  };
  // From the columns as read from the file's <cols>: ws.model.cols would leave out a 9-character column (ExcelJS
  // takes 9 for its own default), which is exactly the width the file must keep.
  const widths: Record<number, number> = {};
  (ws.columns ?? []).forEach((c, i) => {
    if (c?.width !== undefined) widths[i + 1] = Math.round(c.width * 100) / 100;
  });
  const frozen = model.views?.find((v) => v.state === 'frozen');
  const page = model.pageSetup;
  const touched = page && (page.paperSize === 9 || page.printTitlesRow || page.fitToPage);
  return {
    name: ws.name,
    visibility: (ws.state ?? 'visible') as SheetDetails['visibility'],
    columnWidths: widths,
    merges: [...(model.merges ?? [])].sort(),
    tables: (model.tables ?? []).map((t) => ({ name: t.name, range: String(t.tableRef ?? t.ref), style: String(t.style?.theme) })),
    validations: validations(ws),
    conditionalFormats: (model.conditionalFormattings ?? [])
      .map((cf) => ({
        range: cf.ref,
        rules: cf.rules.map((r) =>
          r.type === 'dataBar'
            ? { type: 'dataBar' as const, color: hex(r.color?.argb) }
            : { type: 'expression' as const, formula: r.formulae?.[0], fill: hex(r.style?.fill?.bgColor?.argb), fontColor: hex(r.style?.font?.color?.argb), bold: r.style?.font?.bold ?? false },
        ),
      }))
      .sort((a, b) => a.range.localeCompare(b.range)),
    freeze: frozen ? { rows: frozen.ySplit ?? 0, columns: frozen.xSplit ?? 0 } : null,
    page: touched
      ? {
          orientation: page!.orientation ?? 'portrait',
          paper: page!.paperSize === 9 ? 'A4' : String(page!.paperSize),
          fitToWidth: page!.fitToPage ? (page!.fitToWidth ?? null) : null,
          printTitleRows: page!.printTitlesRow ?? null,
          footer: parseFooter(model.headerFooter?.oddFooter),
        }
      : null,
  };
}

/**
 * A sheet's cells in a comparable form, one line per cell: the value (or the formula), the number format where it
 * matters (dates and numbers: the Text format the Office.js adapter gives text cells is how it keeps text as text)
 * and bold.
 */
export function cellLines(model: WorkbookModel, sheet: string): string[] {
  const s = model.sheets.find((x) => x.name === sheet);
  if (!s) return [`(no sheet ${sheet})`];
  return s.cells.map((c: CellModel) => {
    // A formula's result is the reader's to calculate: the file stores one (cached), the simulator computes none.
    // The formula and its format are compared.
    if (c.formula) return `${colLetters(c.col)}${c.row} =${c.formula} fmt=${c.numFmt && c.numFmt !== 'General' ? c.numFmt : 'General'}${c.bold ? ' bold' : ''}`;
    const fmt = c.value.type === 'date' || c.value.type === 'number' ? ` fmt=${c.numFmt && c.numFmt !== 'General' ? c.numFmt : 'General'}` : '';
    return `${colLetters(c.col)}${c.row} ${c.value.type}:${JSON.stringify(c.value.value)}${c.formula ? ` =${c.formula}` : ''}${fmt}${c.bold ? ' bold' : ''}`;
  });
}
