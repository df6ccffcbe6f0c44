/**
 * Scorecards for the KPI reading tests: written as real .xlsx files with ExcelJS and read back through the xlsx
 * adapter, so number formats, text cells and dates arrive as they would from a council's file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { expectedRegisterValues, KPI_REGISTER_HEADERS, kpiRegisterSheets, readKpiWorkbook, KpiWorkbookReading } from '../../src/engine/kpi';
import { DEFAULT_SETTINGS, PlanSettings } from '../../src/engine/schema';
import { PlanValue, SheetPlan } from '../../src/engine/sheet-plan/types';
import { CellValue, columnLetters, WorkbookModel } from '../../src/engine/workbook';
import { hyperFormulaError } from './odd-kpi-cells';
import { readWorkbook } from '../../src/xlsx/read-workbook';

/** A cell: a value, or a number with its number format ({ n: 0.28, fmt: '0%' }). */
export type Cell = string | number | null | { n: number; fmt: string };

export async function xlsxModel(sheets: Record<string, Cell[][]>): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = ws.getCell(r + 1, c + 1);
        if (typeof cell === 'object') {
          target.value = cell.n;
          target.numFmt = cell.fmt;
        } else target.value = cell;
      }),
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-reading-'));
  const file = path.join(dir, 'scorecard.xlsx');
  await wb.xlsx.writeFile(file);
  try {
    return await readWorkbook(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function settingsAt(reportingPeriod: string | null, extra: Partial<PlanSettings> = {}): PlanSettings {
  return { ...DEFAULT_SETTINGS, reportingPeriod, planStart: '2025-04-01', ...extra };
}

export async function readScorecard(sheets: Record<string, Cell[][]>, reportingPeriod: string | null = 'Q2 2025/26'): Promise<{ model: WorkbookModel; read: KpiWorkbookReading; settings: PlanSettings }> {
  const model = await xlsxModel(sheets);
  const settings = settingsAt(reportingPeriod);
  return { model, read: readKpiWorkbook(model.sheets, settings, new Set()), settings };
}

/** The computed KPI with this id. */
export function kpi(read: KpiWorkbookReading, id: string) {
  const k = read.computation.kpis.find((x) => x.definition.id === id);
  if (!k) throw new Error(`no KPI ${id}; found ${read.computation.kpis.map((x) => x.definition.id).join(', ')}`);
  return k;
}

type Raw = string | number | boolean | null;

function raw(value: CellValue): Raw {
  if (value.type === 'text') return `'${value.value}`;
  if (value.type === 'date') {
    const [y, m, d] = value.value.split('-').map(Number);
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  }
  return value.type === 'error' ? hyperFormulaError(value.value) : value.value;
}

function planValue(v: PlanValue): Raw {
  if (v === null) return null;
  if (v.kind === 'formula') return `=${v.formula}`;
  if (v.kind === 'text') return `'${v.text}`;
  if (v.kind === 'number') return v.value;
  return null;
}

/** Each formula of a sheet plan without a stored result, or with one other than the calculated value. */
function storedDisagreements(plan: SheetPlan, values: unknown[][]): string[] {
  const problems: string[] = [];
  plan.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v?.kind !== 'formula') return;
      const at = `${plan.name}!${columnLetters(c + 1)}${r + 1}`;
      if (v.cached === undefined) return void problems.push(`${at}: no stored result`);
      const calculated = values[r]?.[c] ?? '';
      const got = calculated instanceof DetailedCellError ? { error: calculated.value } : calculated;
      const same = typeof v.cached === 'number' && typeof got === 'number' ? Math.abs(v.cached - got) <= 1e-9 * Math.max(1, Math.abs(got)) : JSON.stringify(v.cached) === JSON.stringify(got);
      if (!same) problems.push(`${at}: stored ${JSON.stringify(v.cached)}, calculated ${JSON.stringify(got)}`);
    }),
  );
  return problems;
}

/**
 * The register's live formulas evaluated with HyperFormula over the officer's sheets, compared cell by cell with the
 * engine; and every formula's stored result (KPI Register and Calc sheet), for readers that do not calculate, compared
 * with what HyperFormula calculates for it. Returns the differences (empty when they agree).
 */
export function registerDisagreements(model: WorkbookModel, read: KpiWorkbookReading, settings: PlanSettings): string[] {
  const names = { register: 'KPI Register', calc: 'PlanAssure KPI Calc' };
  const plans = kpiRegisterSheets(read.reading, model, settings, names);
  const sheets: Record<string, Raw[][]> = {};
  for (const s of model.sheets) {
    const grid: Raw[][] = [];
    for (const c of s.cells) {
      while (grid.length < c.row) grid.push([]);
      const row = grid[c.row - 1];
      while (row.length < c.col) row.push(null);
      row[c.col - 1] = raw(c.value);
    }
    sheets[s.name] = grid;
  }
  for (const p of plans) sheets[p.name] = p.rows.map((r) => r.map(planValue));
  // Accents count, as in Excel's MATCH ("Å1" is not "A1"); HyperFormula ignores them unless told.
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false, accentSensitive: true });
  const values = hf.getSheetValues(hf.getSheetId(names.register)!);
  const expected = expectedRegisterValues(read.reading, settings);
  const problems: string[] = [];
  expected.forEach((e, i) =>
    KPI_REGISTER_HEADERS.forEach((h, j) => {
      const got = values[i + 1]?.[j] ?? null;
      const g = got === '' ? null : got;
      const want = e[h];
      const same = typeof want === 'number' && typeof g === 'number' ? Math.abs(want - g) <= 1e-9 * Math.max(1, Math.abs(want)) : g === want;
      if (!same) problems.push(`${e['KPI ID']} ${h}: formula ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`);
    }),
  );
  for (const p of plans) problems.push(...storedDisagreements(p, hf.getSheetValues(hf.getSheetId(p.name)!)));
  return problems;
}
