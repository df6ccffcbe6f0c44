/**
 * Results for any formula the engine writes without one: on the hidden KPI Calc sheet, a cell the engine could not be
 * sure a spreadsheet app reads as it does (an error, a number Excel would write with an exponent, an id with a
 * wildcard), and whatever depends on it. These are calculated with HyperFormula over the tool's sheets and the
 * officer's sheets those formulas name, every formula with a result taken as that result, so that a reader which
 * does not calculate (Power BI, pandas, a file previewer) sees them too. Most files need none of this, and the
 * library is then not loaded. Only files need it: Excel calculates in the pane.
 */
import type { HyperFormula } from 'hyperformula';
import { PlanValue, SheetPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { CellValue, WorkbookModel } from '../engine/workbook';

type Raw = string | number | boolean | null;

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An officer's cell as a formula engine holds it: text is quoted with ' so that "2025" or "01/04/2025" stay text. */
function rawCell(value: CellValue): Raw {
  if (value.type === 'text') return `'${value.value}`;
  if (value.type === 'date') return dateSerial(value.value);
  return value.value;
}

function dateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
}

function rawPlanValue(value: PlanValue): Raw {
  if (value === null) return null;
  // A formula whose result the engine gave is that result here: only the others need calculating.
  if (value.kind === 'formula') return value.cached === undefined ? `=${value.formula}` : typeof value.cached === 'string' ? `'${value.cached}` : value.cached;
  if (value.kind === 'text') return `'${value.text}`;
  if (value.kind === 'date') return dateSerial(value.iso);
  return value.value;
}

const needsResult = (v: PlanValue): boolean => v?.kind === 'formula' && v.cached === undefined;

/** Whether a formula names the sheet ('KPI Data'!A1, or Data!A1 where no quotes are needed). */
function names(formula: string, sheet: string): boolean {
  const f = formula.toLowerCase();
  const name = sheet.toLowerCase();
  return f.includes(`'${name.replace(/'/g, "''")}'!`) || f.includes(`${name}!`);
}

/**
 * The workbook as it will be written, as far as the formulas to calculate need it: the plan's sheets, and the
 * officer's sheets those formulas name (the tool's other formulas are taken as their results, so the officer's data
 * sheets, however large, are seldom needed).
 */
function sheetsAfterPlan(model: WorkbookModel, plan: WorkbookPlan): Record<string, Raw[][]> {
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const toCalculate = plan.sheets.flatMap((s) => s.rows.flatMap((row) => row.flatMap((v) => (needsResult(v) && v?.kind === 'formula' ? [v.formula] : []))));
  const sheets: Record<string, Raw[][]> = {};
  for (const s of model.sheets) {
    if (planned.has(s.name.toLowerCase()) || !toCalculate.some((f) => names(f, s.name))) continue;
    const grid: Raw[][] = [];
    for (const c of s.cells) {
      while (grid.length < c.row) grid.push([]);
      const row = grid[c.row - 1];
      while (row.length < c.col) row.push(null);
      row[c.col - 1] = rawCell(c.value);
    }
    sheets[s.name] = grid;
  }
  for (const p of plan.sheets) sheets[p.name] = p.rows.map((r) => r.map(rawPlanValue));
  return sheets;
}

/** A calculated value as a stored result: an error, or anything else a cell cannot store, leaves none. */
function storable(value: unknown): number | string | boolean | undefined {
  if (value === null) return '';
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : undefined;
}

function withResults(sheet: SheetPlan, values: unknown[][]): SheetPlan {
  const rows = sheet.rows.map((row, r) =>
    row.map((v, c) => {
      if (!needsResult(v) || v?.kind !== 'formula') return v;
      const cached = storable(values[r]?.[c] ?? null);
      return cached === undefined ? v : { ...v, cached };
    }),
  );
  return { ...sheet, rows };
}

/** The plan with a result beside every formula that had none (unchanged when every formula has one). */
export async function withFormulaResults(model: WorkbookModel, plan: WorkbookPlan): Promise<WorkbookPlan> {
  if (!plan.sheets.some((s) => s.rows.some((row) => row.some(needsResult)))) return plan;
  // Loaded only when needed: most runs write no such formula, and the library is large.
  const { HyperFormula: Engine } = await import('hyperformula');
  const hf: HyperFormula = Engine.buildFromSheets(sheetsAfterPlan(model, plan), { licenseKey: 'gpl-v3', smartRounding: false });
  try {
    const sheets = plan.sheets.map((s) => (s.rows.some((row) => row.some(needsResult)) ? withResults(s, hf.getSheetValues(hf.getSheetId(s.name)!)) : s));
    return { ...plan, sheets };
  } finally {
    hf.destroy();
  }
}
