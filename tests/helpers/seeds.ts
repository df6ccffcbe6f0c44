/** Loads a seed workbook and structures it, as the CLI would. */
import * as path from 'node:path';
import { SeedPlan, SEED_DIR } from '../../scripts/seed-data';
import { structureWorkbook, StructureResult } from '../../src/engine/structure';
import { readWorkbook } from '../../src/xlsx/read-workbook';

export const TODAY = '2026-11-23';

export async function structureSeed(plan: SeedPlan): Promise<StructureResult> {
  const model = await readWorkbook(path.join(SEED_DIR, plan.file));
  return structureWorkbook(model, { today: TODAY, planStart: plan.planStart });
}
