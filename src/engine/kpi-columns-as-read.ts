/**
 * A KPI sheet's columns as the reader took them, for the officer to check: each column's KPI role and how sure the
 * reading is, in words. What the command line saves after --columns, and what the pane's column review shows.
 */
import { KpiColumn, KpiColumnOverrides, kpiColumnsByLabel, kpiFieldExact, KpiHeader } from './kpi/headers';
import { reportingPeriodKey } from './kpi/period';
import { fallbackFinancialYear } from './kpi/read';
import { kpiRoleOf } from './kpi-column-roles';
import type { PlanSettings } from './schema';
import { KpiColumnAsRead } from './structure/types';
import { SheetGrid, SheetModel } from './workbook';

const SURE = 0.95;
const UNSURE = 0.4;

function sureness(column: KpiColumn): { confidence: number; reasons: string[] } {
  if (column.field === null) return { confidence: 0, reasons: ['nothing here is read: the header names no KPI field or period'] };
  if (column.field === 'period-column') {
    const period = column.period!;
    if (period.relative) return { confidence: UNSURE, reasons: [`“${column.label}” is taken as ${period.label}, counting from the reporting period`] };
    if (!period.explicit) return { confidence: UNSURE, reasons: [`the header names no year, so this is taken as ${period.label}`] };
    return { confidence: SURE, reasons: [`the header names the period, ${period.label}`] };
  }
  if (kpiFieldExact(column.label)?.field === column.field) return { confidence: SURE, reasons: ['the header says so'] };
  return { confidence: UNSURE, reasons: ['the header only partly says so, or what the column holds suggests it'] };
}

/** Each labelled column of a KPI header with its role as read; the columns in `given` (the officer's) are sure. */
export function kpiColumnsAsRead(header: Pick<KpiHeader, 'columns'>, given: KpiColumnOverrides = {}): KpiColumnAsRead[] {
  return header.columns.map((column) => {
    const role = kpiRoleOf(column);
    const reading = given[column.col] !== undefined ? { confidence: 1, reasons: ['as the officer confirmed'] } : sureness(column);
    return { col: column.col, header: column.label, role, ...reading };
  });
}

/**
 * The columns under a row of a sheet that could not be read as KPIs, each with the role its header alone suggests
 * (a period, a target …) and how sure that is: where the officer starts from when mapping the sheet.
 */
export function kpiColumnsUnder(sheet: SheetModel, row: number, settings: Pick<PlanSettings, 'reportingPeriod' | 'planStart'>): KpiColumnAsRead[] {
  const columns = kpiColumnsByLabel(new SheetGrid(sheet), row, fallbackFinancialYear(settings), reportingPeriodKey(settings.reportingPeriod));
  return kpiColumnsAsRead({ columns });
}
