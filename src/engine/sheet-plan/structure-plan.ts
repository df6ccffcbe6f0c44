/**
 * What `structure` writes: the canonical Plan sheet and the hidden lists sheet, named so they never clash with
 * the officer's own sheets. Ownership is recorded on the lists sheet so a re-run replaces exactly these sheets.
 */
import { actionKpiRags, KPI_CALC_SHEET_NAME, KPI_REGISTER_SHEET_NAME, kpiRegisterSheets, kpiReports, readKpisForPlan } from '../kpi';
import { StructureResult } from '../structure/types';
import { isScorecardOnly } from '../structure/workbook-kind';
import { WorkbookModel } from '../workbook';
import { listsSheet, LISTS_SHEET_NAME, OWNED_LIST_HEADER, ownedSheetName, PLAN_SHEET_NAME, planSheet } from './plan-sheet';
import { SheetPlan, WorkbookPlan } from './types';

/** Reads which sheets an earlier run wrote, from the lists sheet's ownership column. */
export function ownedSheets(model: WorkbookModel): string[] {
  const lists = model.sheets.find((s) => s.name === LISTS_SHEET_NAME);
  if (!lists) return [];
  const header = lists.cells.find((c) => c.row === 1 && c.value.type === 'text' && c.value.value === OWNED_LIST_HEADER);
  if (!header) return [];
  const names = lists.cells
    .filter((c) => c.col === header.col && c.row > 1 && c.value.type === 'text')
    .map((c) => String(c.value.value));
  return [...new Set([LISTS_SHEET_NAME, ...names.filter((n) => model.sheets.some((s) => s.name === n))])];
}

/**
 * The filled KPI register (a tool-owned copy: the officer's own KPI sheets are never changed) and its hidden
 * calculation sheet, when the workbook has KPIs. The register comes first.
 */
export function kpiSheetsFor(result: StructureResult, model: WorkbookModel, existing: readonly string[], owned: readonly string[]): SheetPlan[] {
  if (!result.kpis.length) return [];
  return kpiRegisterSheets(readKpisForPlan(model, result.settings, result.sheets), model, result.settings, {
    register: ownedSheetName(KPI_REGISTER_SHEET_NAME, existing, owned),
    calc: ownedSheetName(KPI_CALC_SHEET_NAME, existing, owned),
  });
}

export function structureWorkbookPlan(result: StructureResult, model: WorkbookModel): WorkbookPlan {
  const existing = model.sheets.map((s) => s.name);
  const owned = ownedSheets(model);
  const planName = ownedSheetName(PLAN_SHEET_NAME, existing, owned);
  const listsName = LISTS_SHEET_NAME;
  const kpiSheets = kpiSheetsFor(result, model, existing, owned);
  // A scorecard-only workbook gets its KPI register, and no empty Plan sheet.
  if (isScorecardOnly(result)) {
    return { sheets: [...kpiSheets, listsSheet(listsName, [...kpiSheets.map((s, i) => ({ name: s.name, role: i === 0 ? 'kpi-register' : 'kpi-calc' })), { name: listsName, role: 'lists' }])] };
  }
  return {
    sheets: [
      planSheet(planName, listsName, result.actions, { kpiRags: actionKpiRags(result.actions, kpiReports(result)) }),
      ...kpiSheets,
      listsSheet(listsName, [
        { name: planName, role: 'plan' },
        ...kpiSheets.map((s, i) => ({ name: s.name, role: i === 0 ? 'kpi-register' : 'kpi-calc' })),
        { name: listsName, role: 'lists' },
      ]),
    ],
  };
}
