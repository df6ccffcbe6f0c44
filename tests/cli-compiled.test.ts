/**
 * The shipped command: bin/plan-assure.js runs the compiled bundle (build/cli/main.js), not the TypeScript sources,
 * and gives the same answers as the sources do.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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
  // Ask Node which modules were loaded once the command has run: no tsx, and the compiled bundle.
  const probe = `process.on('exit', () => { const files = Object.keys(require.cache); const tsx = files.filter((f) => /[\\\\/]tsx[\\\\/]/.test(f)); process.stderr.write('TSX:' + tsx.length); });`;
  const command = ['structure', seed, '--json', '--today', '2023-02-15'];
  const run = spawnSync(process.execPath, ['-e', `${probe} process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)})`, '--', ...command], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status).toBeLessThan(2);
  expect(JSON.parse(run.stdout).actions.length).toBeGreaterThan(10);
  expect(run.stderr).toContain('TSX:0');
  expect(run.stderr).not.toMatch(/missing/);
});

test('--help prints the usage from its own small module, the same text the command uses', async () => {
  const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const sources = await runCli(['--help']);
  expect(run.stdout).toBe(sources.stdout);
  expect(run.stdout).toMatch(/^Usage:/);
});

test('the compiled command gives the same JSON as the sources', async () => {
  const args = ['structure', seed, '--json', '--today', '2023-02-15', '--plan-start', '2022-11-01'];
  const compiled = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const sources = await runCli(args);
  expect(compiled.status).toBe(sources.code);
  expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(sources.stdout));
  expect(JSON.parse(compiled.stdout).actions.length).toBeGreaterThan(10);
});

test('the bin sets how far the heap grows, while reading and after, for a command that does work and not for --help', () => {
  // Record what the bin asks of V8.
  const probe = `const v8 = require('node:v8'); const set = v8.setFlagsFromString; v8.setFlagsFromString = (flags) => { process.stderr.write('FLAGS:' + flags + '\\n'); set(flags); };`;
  const run = (command: string[]) =>
    spawnSync(process.execPath, ['-e', `${probe} process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)})`, '--', ...command], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const structure = run(['structure', seed, '--json', '--today', '2023-02-15']);
  expect(structure.status).toBeLessThan(2);
  // Freely while the file is read, then slowly once it is in the model.
  const flags = structure.stderr.split('\n').filter((line) => line.startsWith('FLAGS:'));
  expect(flags).toEqual(['FLAGS:--heap-growing-percent=1500', 'FLAGS:--heap-growing-percent=30']);
  const help = run(['--help']);
  expect(help.status).toBe(0);
  expect(help.stderr).not.toContain('FLAGS:');
});

test('a rebuilt bundle of the same length does not run the old bundle’s cached code', () => {
  // V8 checks a code cache against the source's length only; the bin must check the cache is of this very bundle.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-cache-'));
  try {
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.mkdirSync(path.join(dir, 'build', 'cli'), { recursive: true });
    fs.copyFileSync(bin, path.join(dir, 'bin', 'plan-assure.js'));
    const bundle = path.join(dir, 'build', 'cli', 'main.js');
    const run = (word: string) => {
      fs.writeFileSync(bundle, `const word = '${word}';\nexports.main = async () => { process.stdout.write(word); return 0; };\n`);
      return spawnSync(process.execPath, [path.join(dir, 'bin', 'plan-assure.js'), 'run'], { encoding: 'utf8' });
    };
    expect(run('AAAA').stdout).toBe('AAAA');
    expect(fs.existsSync(`${bundle}.cache`)).toBe(true);
    // The cache is written aside and renamed into place: nothing is left beside it.
    expect(fs.readdirSync(path.dirname(bundle)).sort()).toEqual(['main.js', 'main.js.cache']);
    expect(run('BBBB').stdout).toBe('BBBB');
    expect(run('BBBB').stdout).toBe('BBBB');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
