#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates docs/taskpane-home.png, taskpane-findings.png and taskpane-mapping.png by running
 * the pane's browser test on Sefton's plan with screenshots switched on. `npm test` never writes them, so a test run
 * leaves the working tree as it was.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(process.execPath, [jest, '-c', 'tests/e2e/jest.e2e.config.js', '--runInBand', 'tests/e2e/pane.e2e.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PLAN_ASSURE_SCREENSHOTS: '1' },
});
process.exit(run.status ?? 1);
