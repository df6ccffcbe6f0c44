/**
 * Precomputes each seed workbook (seeds/*.xlsx) to the engine's WorkbookModel as JSON, with the xlsx adapter
 * (src/xlsx/read-workbook.ts), so the harness page can preload the browser-safe Excel simulator without ExcelJS.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../src/xlsx/read-workbook';
import type { SeedInfo } from './page';
import { REPO_ROOT, SEEDS_DIR } from './paths';
import { unrecognisedModel, UNRECOGNISED_SEED } from './unrecognised-seed';
import { unreadScorecardModel, UNREAD_SCORECARD_SEED } from './unread-scorecard-seed';

export async function buildSeeds(outDir: string = SEEDS_DIR): Promise<SeedInfo[]> {
  const seedDir = path.join(REPO_ROOT, 'seeds');
  fs.mkdirSync(outDir, { recursive: true });
  const index: SeedInfo[] = [];
  for (const file of fs.readdirSync(seedDir).filter((f) => f.endsWith('.xlsx')).sort()) {
    const id = path.basename(file, '.xlsx');
    const model = await readWorkbook(path.join(seedDir, file));
    fs.writeFileSync(path.join(outDir, `${id}.json`), JSON.stringify(model));
    index.push({ id, file, sheets: model.sheets.map((s) => s.name) });
  }
  // One workbook made here, not a council's: headers nothing can read, for the pane's column review from nothing.
  const unrecognised = unrecognisedModel();
  fs.writeFileSync(path.join(outDir, `${UNRECOGNISED_SEED}.json`), JSON.stringify(unrecognised));
  index.push({ id: UNRECOGNISED_SEED, file: 'harness/unrecognised-seed.ts', sheets: unrecognised.sheets.map((s) => s.name) });
  // And a scorecard whose columns nothing can read, for the same review with KPI roles.
  const scorecard = unreadScorecardModel();
  fs.writeFileSync(path.join(outDir, `${UNREAD_SCORECARD_SEED}.json`), JSON.stringify(scorecard));
  index.push({ id: UNREAD_SCORECARD_SEED, file: 'harness/unread-scorecard-seed.ts', sheets: scorecard.sheets.map((s) => s.name) });
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, null, 2));
  return index;
}
