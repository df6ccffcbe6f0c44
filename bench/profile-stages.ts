/**
 * CPU-profiling driver for the engine stages (what bench/worker.ts times), without the xlsx adapter:
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-stages.ts <layout> <actions> [runs]
 * Runs the stages `runs` times (default 3) after a small warm-up so the profile shows steady-state code.
 */
import { boardPackWorkbookPlan, packActions } from '../src/engine/board-pack';
import { structureWorkbook } from '../src/engine/structure';
import { validatePlan } from '../src/engine/validate';
import { generatePlan, Layout } from './generate';
import { computeKpis } from './kpi-stage';

const TODAY = '2026-01-15';
const layout = (process.argv[2] ?? 'sefton') as Layout;
const count = Number(process.argv[3] ?? 10_000);
const runs = Number(process.argv[4] ?? 3);

function run(actions: number): void {
  const model = generatePlan(actions, layout);
  const result = structureWorkbook(model, { today: TODAY, planStart: '2025-04-01' });
  const findings = [...result.findings, ...validatePlan(result, { today: TODAY })];
  const kpis = computeKpis(model, result);
  packActions(result, TODAY);
  boardPackWorkbookPlan(result, model, { today: TODAY, kpis, findings });
}

run(200);
for (let i = 0; i < runs; i++) run(count);
