/**
 * Output fingerprint of the engine stages on generated plans, for checking that a performance change leaves every
 * output unchanged: prints one sha256 per layout and size (run before and after, and compare).
 *   tsx bench/golden.ts [actions…]
 */
import { createHash } from 'node:crypto';
import { boardPackWorkbookPlan, packActions } from '../src/engine/board-pack';
import { structureWorkbook } from '../src/engine/structure';
import { validatePlan } from '../src/engine/validate';
import { generatePlan, Layout } from './generate';
import { computeKpis } from './kpi-stage';

const TODAY = '2026-01-15';
const PLAN_START = '2025-04-01';

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v.values()] };
    if (v === undefined) return '__undefined__';
    return v;
  });
}

const sizes = process.argv.slice(2).map(Number);
for (const layout of ['dudley', 'sefton', 'north-tyneside'] as Layout[]) {
  for (const count of sizes.length ? sizes : [1000, 10000]) {
    const model = generatePlan(count, layout);
    const result = structureWorkbook(model, { today: TODAY, planStart: PLAN_START });
    const findings = [...result.findings, ...validatePlan(result, { today: TODAY })];
    const kpis = computeKpis(model, result);
    const packed = packActions(result, TODAY);
    const pack = boardPackWorkbookPlan(result, model, { today: TODAY, kpis, findings });
    const parts = { result, findings, kpis, packed, pack };
    const hashes = Object.entries(parts).map(([k, v]) => `${k}=${createHash('sha256').update(stable(v)).digest('hex').slice(0, 12)}`);
    console.log(layout, count, hashes.join(' '));
  }
}
