/** What a workbook holds to check: a plan, KPIs, or both. A workbook holding only a KPI scorecard is a normal input. */
import { SheetLayout, StructureResult } from './types';

/** Whether structuring found something to check: a plan table, or a KPI register, data sheet or scorecard. */
export function hasPlanOrKpis(sheets: readonly Pick<SheetLayout, 'role'>[]): boolean {
  return sheets.some((s) => s.role === 'plan' || s.role === 'kpi-register' || s.role === 'kpi-data');
}

/** Whether the workbook holds KPIs but no plan table: its board pack is the KPI scorecard alone. */
export function isScorecardOnly(result: Pick<StructureResult, 'sheets' | 'kpis'>): boolean {
  return !result.sheets.some((s) => s.role === 'plan') && result.kpis.length > 0;
}
