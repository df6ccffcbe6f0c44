/** Quick check of the structuring budget: 10,000 actions in under 1 s of engine time, growing linearly. */
import { structureWorkbook } from '../src/engine/structure';
import { generatePlan, Layout } from './generate';

function time(fn: () => unknown, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

for (const layout of ['dudley', 'sefton', 'north-tyneside'] as Layout[]) {
  const results = [1000, 10000, 50000].map((n) => {
    const model = generatePlan(n, layout);
    let count = 0;
    const ms = time(() => (count = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01' }).actions.length), n >= 50000 ? 1 : 3);
    return { n, ms, count };
  });
  for (const r of results) console.log(`${layout.padEnd(15)} ${String(r.n).padStart(6)} actions → ${String(r.count).padStart(6)} found, ${r.ms.toFixed(0).padStart(6)} ms (${(r.ms / (r.n / 1000)).toFixed(1)} ms per 1,000)`);
  console.log(`${layout.padEnd(15)} growth 10k→50k: ${(results[2].ms / results[1].ms).toFixed(2)}×`);
}
