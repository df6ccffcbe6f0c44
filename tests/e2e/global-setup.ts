/** Builds the production pane, the harness and the seed models once for all browser tests. */
import { buildAll } from '../../harness/build';
import { findTool } from '../helpers/tools';

export default async function globalSetup(): Promise<void> {
  // Without Chromium the tests skip (or, under CI=true, fail at once): no point building.
  if (findTool('chromium') === null) return;
  if (process.env.E2E_SKIP_BUILD === '1') {
    console.log('\nE2E_SKIP_BUILD=1: using the last harness build in .tmp/harness/.');
    return;
  }
  const started = Date.now();
  await buildAll((line) => console.log(`  ${line}`));
  console.log(`  (built in ${Math.round((Date.now() - started) / 1000)} s)`);
}
