#!/usr/bin/env node
// The plan-assure command. It runs the compiled CLI (build/cli/main.js, made by `npm ci` through `prepare`, or by
// `npm run build:cli`), so no TypeScript compiler runs when it starts. In a checkout where the compiled file is
// missing it says so and falls back to compiling the sources through tsx.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

// A reader that stops early (plan-assure … | head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/**
 * Loads the compiled CLI with V8's code cache beside it (main.js.cache). Parsing the 0.8 MB bundle was about 40% of
 * a `--help` run on Node 20, which has no built-in compile cache (module.enableCompileCache came in Node 22). A cache
 * V8 rejects (another Node version) is rebuilt; one that cannot be written is simply not kept.
 */
function loadCompiled(file) {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // A read-only install: run without the cache.
    }
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, (id) => mod.require(id), mod, file, path.dirname(file));
  return mod.exports;
}

const compiled = path.join(__dirname, '..', 'build', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = loadCompiled(compiled);
} else {
  process.stderr.write('plan-assure: build/cli/main.js is missing (run `npm run build:cli`); compiling the sources instead, which is slower.\n');
  require('tsx/cjs/api').register();
  cli = require('../src/cli/main.ts');
}
// Ctrl-C or SIGTERM part-way through a write removes the temporary file (the sources' main has it too).
cli.removeTemporariesOnInterrupt?.();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
