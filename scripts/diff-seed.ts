/** Development aid: prints where the structuring engine disagrees with a seed's written expectations. */
import * as path from 'node:path';
import { loadSeedPlan, SEED_DATA_DIR } from './seed-data';
import { structureSeed } from '../tests/helpers/seeds';

(async () => {
  const plan = loadSeedPlan(path.join(SEED_DATA_DIR, `${process.argv[2]}.yaml`));
  const result = await structureSeed(plan);
  console.log(`${plan.id}: expected ${plan.actions.length}, got ${result.actions.length}`);
  const n = Math.min(plan.actions.length, result.actions.length);
  let shown = 0;
  for (let i = 0; i < n && shown < Number(process.argv[3] ?? 30); i++) {
    const e = plan.actions[i] as unknown as Record<string, unknown>;
    const a = result.actions[i] as unknown as Record<string, unknown>;
    for (const k of ['ref', 'theme', 'qualityStatement', 'area', 'action', 'lead', 'timescale', 'dueDate', 'status', 'rag']) {
      if ((e[k] ?? null) !== (a[k] ?? null)) {
        console.log(`#${i + 1} row ${(a.source as { row: number }).row} ${k}: expected ${JSON.stringify(e[k])?.slice(0, 150)}\n      got      ${JSON.stringify(a[k])?.slice(0, 150)}`);
        shown++;
      }
    }
  }
})();
