/**
 * A mistyped option or command is answered with the one probably meant, in the command's own words, rather than
 * Node's parser's message about positional arguments and "--".
 */
import * as path from 'node:path';
import { nearestWord } from '../src/cli/typos';
import { failureOnStdout, runCli } from './helpers/run-cli';

const PLAN = path.join(__dirname, '..', 'seeds', 'dudley-cqc-action-plan-2009.xlsx');
const firstLine = (stderr: string) => stderr.split('\n')[0];

test.each([
  ['--todya 2026-01-15', 'plan-assure: Unknown option --todya. Did you mean --today?'],
  ['--jsn', 'plan-assure: Unknown option --jsn. Did you mean --json?'],
  ['--max-cels 5', 'plan-assure: Unknown option --max-cels. Did you mean --max-cells?'],
  ['--otu x.xlsx', 'plan-assure: Unknown option --otu. Did you mean --out?'],
  ['--zzz', 'plan-assure: Unknown option --zzz.'],
  ['--today', 'plan-assure: --today needs a value after it.'],
  ['--today --plan-start 2025-04-01', 'plan-assure: --today needs a value after it.'],
])('validate plan.xlsx %s: exit 2, "%s", then the usage', async (options, said) => {
  const run = await runCli(['validate', PLAN, ...options.split(' ')]);
  expect(run.code).toBe(2);
  expect(firstLine(run.stderr)).toBe(said);
  expect(run.stderr).toContain('Usage');
  expect(run.stdout).toBe('');
});

test.each([
  ['validat', 'plan-assure: Unknown command "validat". Did you mean "validate"?'],
  ['restructure', 'plan-assure: Unknown command "restructure". Did you mean "structure"?'],
  ['runn', 'plan-assure: Unknown command "runn". Did you mean "run"?'],
  ['check', 'plan-assure: Unknown command "check".'],
])('a mistyped command, %s', async (command, said) => {
  const run = await runCli([command, PLAN]);
  expect(run.code).toBe(2);
  expect(firstLine(run.stderr)).toBe(said);
});

test('with --json the suggestion is in the failure object too, on one line', async () => {
  const run = await runCli(['validate', PLAN, '--json', '--plan-strat', '2025-04-01']);
  expect(run.code).toBe(2);
  expect(failureOnStdout(run.stdout, 2)).toBe('Unknown option --plan-strat. Did you mean --plan-start?');
  const missing = await runCli(['validate', PLAN, '--today', '--json']);
  expect(failureOnStdout(missing.stdout, 2)).toBe('--today needs a value after it.');
});

test('a "--json" after "--" is a word, not the option: no JSON on stdout', async () => {
  const run = await runCli(['validate', '--todya', '--', PLAN, '--json']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
});

test('a word is matched only when it is one letter out, or two in a word of three letters or more', () => {
  const known = ['out', 'json', 'today', 'csv', 'run'];
  expect(nearestWord('todya', known)).toBe('today');
  expect(nearestWord('ot', known)).toBe('out');
  expect(nearestWord('otu', known)).toBe('out');
  expect(nearestWord('cvs', known)).toBe('csv');
  expect(nearestWord('x', known)).toBeNull();
  expect(nearestWord('zzz', known)).toBeNull();
  expect(nearestWord('tomorrow', known)).toBeNull();
});
