/**
 * The shipped command: bin/plan-assure.js runs the compiled bundle (build/cli/main.js), not the TypeScript sources,
 * and gives the same answers as the sources do.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runCli } from './helpers/run-cli';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'plan-assure.js');
const seed = path.join(root, 'seeds', 'sefton-peer-review-action-plan.xlsx');

beforeAll(() => {
  // Compile from today's sources, as `npm ci` (prepare) and `npm run build` do.
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
});

test('the bin runs the compiled bundle, with no TypeScript compiler loaded', () => {
  // --trace-... would be fragile; instead ask Node which modules were loaded once the command has run.
  const probe = `process.on('exit', () => { const tsx = Object.keys(require.cache).filter((f) => /[\\\\/]tsx[\\\\/]/.test(f)); process.stderr.write('TSX:' + tsx.length); });`;
  const run = spawnSync(process.execPath, ['-e', `${probe} process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)})`, '--', '--help'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/^Usage:/);
  expect(run.stderr).toContain('TSX:0');
  expect(run.stderr).not.toMatch(/missing/);
});

test('the compiled command gives the same JSON as the sources', async () => {
  const args = ['structure', seed, '--json', '--today', '2023-02-15', '--plan-start', '2022-11-01'];
  const compiled = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const sources = await runCli(args);
  expect(compiled.status).toBe(sources.code);
  expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(sources.stdout));
  expect(JSON.parse(compiled.stdout).actions.length).toBeGreaterThan(10);
});
