/**
 * Builds everything the harness serves, into .tmp/harness/:
 *   pane/    the production task pane, ribbon function file and dialog: webpack.config.js in production mode,
 *            exactly as `npm run build` makes dist/ (only the output folder differs)
 *   build/   the harness page and the Office.js stand-in (harness/webpack.harness.config.js)
 *   seeds/   the seed workbooks as WorkbookModel JSON (harness/seeds.ts)
 *
 *   npx tsx harness/build.ts
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildSeeds } from './seeds';
import { BUILD_DIR, PANE_DIR, REPO_ROOT } from './paths';

function webpack(args: string[], what: string): void {
  const cli = path.join(REPO_ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`webpack failed building ${what} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}

export async function buildAll(log: (line: string) => void = () => undefined): Promise<void> {
  log('Building the production task pane…');
  webpack(['--mode', 'production', '--output-path', PANE_DIR, '--no-stats'], 'the task pane');
  log('Building the harness page…');
  webpack(['--config', path.join(REPO_ROOT, 'harness', 'webpack.harness.config.js'), '--no-stats', '--output-path', BUILD_DIR], 'the harness');
  log('Reading the seed workbooks…');
  const seeds = await buildSeeds();
  log(`Harness built: ${seeds.length} seed workbooks.`);
}

if (require.main === module) {
  buildAll((line) => console.log(line)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
