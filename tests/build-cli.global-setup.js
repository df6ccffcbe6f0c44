/**
 * Before any test: compile the CLI from today's sources (build/cli/main.js), so the tests that run the shipped
 * command (bin/plan-assure.js) never run a bundle older than the code beside it. esbuild takes about a second.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`could not compile the CLI for the tests: ${run.stderr}`);
};
