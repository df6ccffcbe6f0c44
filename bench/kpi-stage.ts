/** The KPI stage of the benchmark: computing KPI figures for a plan, and 500 KPIs × 60 periods on their own. */
import { performance } from 'node:perf_hooks';
import { computeKpis as computeFigures, kpiReports, readKpiWorkbook } from '../src/engine/kpi';
import { DEFAULT_SETTINGS, KpiReport, PlanSettings } from '../src/engine/schema';
import { StructureResult } from '../src/engine/structure';
import { WorkbookModel } from '../src/engine/workbook';
import { buildKpiModel } from './kpi-model';

export function computeKpis(_model: WorkbookModel, result: StructureResult): KpiReport[] {
  return kpiReports(result);
}

/** Median ms to compute N KPIs × 60 periods (values, latest and previous, change, direction, variance, RAG). */
export function kpiStage(kpis: number): { kpiMs: number; kpiReadMs: number } {
  const model = buildKpiModel(kpis);
  const settings: PlanSettings = { ...DEFAULT_SETTINGS, reportingPeriod: 'Mar-26', planStart: '2025-04-01' };
  const reading = readKpiWorkbook(model.sheets, settings, new Set(['Plan Settings']));
  const definitions = reading.reading.definitions.map((d) => d.definition);
  const observations = reading.reading.observations.map((o) => o.observation);
  const median = (fn: () => void) => {
    fn();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b)[3];
  };
  return {
    kpiMs: median(() => computeFigures(definitions, observations, settings)),
    kpiReadMs: median(() => readKpiWorkbook(model.sheets, settings, new Set(['Plan Settings']))),
  };
}
