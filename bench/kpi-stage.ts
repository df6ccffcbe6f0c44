/** The KPI stage of the benchmark. (Placeholder until the KPI engine lands: reports no KPI time.) */
import { KpiReport } from '../src/engine/schema';
import { StructureResult } from '../src/engine/structure';
import { WorkbookModel } from '../src/engine/workbook';

export function computeKpis(_model: WorkbookModel, _result: StructureResult): KpiReport[] {
  return [];
}

export function kpiStage(_kpis: number): { kpiMs: number | null } {
  return { kpiMs: null };
}
