#!/usr/bin/env node
// The plan-assure command. It runs the TypeScript sources directly through tsx, so it works right after
// `npm ci` with no build step.
'use strict';
const { register } = require('tsx/cjs/api');
register();
// A reader that stops early (plan-assure … | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
