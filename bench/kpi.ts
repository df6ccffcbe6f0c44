/**
 * KPI engine budget: 500 KPIs × 60 monthly periods (30,000 data rows) must be computed in well under 200 ms.
 * Run with `npx tsx bench/kpi.ts`. Prints the median of several runs, after a warm-up, for each stage.
 */
import { performance } from 'node:perf_hooks';
import { computeKpis, kpiRegisterSheets, readKpiWorkbook } from '../src/engine/kpi';
import { DEFAULT_SETTINGS, PlanSettings } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import { buildKpiModel, PERIODS } from './kpi-model';

const KPIS = 500;

function median(fn: () => void, runs = 7): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const model = buildKpiModel(KPIS);
const settings: PlanSettings = { ...DEFAULT_SETTINGS, reportingPeriod: 'Mar-26', planStart: '2025-04-01' };
const reading = readKpiWorkbook(model.sheets, settings, new Set(['Plan Settings']));
const definitions = reading.reading.definitions.map((d) => d.definition);
const observations = reading.reading.observations.map((o) => o.observation);
if (definitions.length !== KPIS || observations.length !== KPIS * PERIODS) throw new Error(`read ${definitions.length} KPIs, ${observations.length} observations`);
if (reading.computation.kpis.some((k) => k.latest?.period !== 'Mar 2026')) throw new Error('latest period is not Mar 2026 for every KPI');

const compute = median(() => computeKpis(definitions, observations, settings));
const readAll = median(() => readKpiWorkbook(model.sheets, settings, new Set(['Plan Settings'])));
const structure = median(() => structureWorkbook(model, { today: '2026-04-15' }), 3);
const sheets = median(() => kpiRegisterSheets(reading.reading, model, settings, { register: 'KPI Register', calc: 'PlanAssure KPI Calc' }), 3);

console.log(`${KPIS} KPIs × ${PERIODS} periods (${observations.length} observations), median of runs after a warm-up:`);
console.log(`  compute (values, latest/previous, change, direction, variance, RAG): ${compute.toFixed(1)} ms`);
console.log(`  read + compute + findings from the workbook model:                    ${readAll.toFixed(1)} ms`);
console.log(`  whole structureWorkbook (plan and KPI sheets):                        ${structure.toFixed(1)} ms`);
console.log(`  KPI Register + Calc sheet plans (live formulas):                      ${sheets.toFixed(1)} ms`);
