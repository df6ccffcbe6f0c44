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

/** Bytes of SHA-1 at the head of the cache file: the digest of the bundle the cache was made from. */
const DIGEST_BYTES = 20;

/**
 * Loads the compiled CLI with V8's code cache beside it (main.js.cache). Parsing the 0.8 MB bundle was about 40% of
 * a `--help` run on Node 20, which has no built-in compile cache (module.enableCompileCache came in Node 22). A cache
 * V8 rejects (another Node version) is rebuilt; one that cannot be written is simply not kept.
 *
 * V8 checks a cache against the length of the source only. A rebuilt bundle of the same length (code moved from one
 * module to another, a digit changed) then ran the old bundle's compiled code and failed part-way, with a stack
 * overflow in code that had not changed. So the cache starts with the SHA-1 of the bundle it was made from, and a
 * cache made from any other bundle is not used (hashing the bundle takes a few milliseconds).
 */
function loadCompiled(file) {
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  const digest = require('node:crypto').createHash('sha1').update(bytes).digest();
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    const cache = fs.readFileSync(cacheFile);
    if (cache.length > DIGEST_BYTES && cache.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = cache.subarray(DIGEST_BYTES);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written aside and renamed into place, so a run starting meanwhile reads the old cache or the new one, never
    // a mixture of two (a cache spliced from two writes crashed V8 as it read the compiled code back).
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
      fs.renameSync(temporary, cacheFile);
    } catch {
      // A read-only install (or, on Windows, a cache another run has open): run without writing the cache.
      fs.rmSync(temporary, { force: true });
    }
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, (id) => mod.require(id), mod, file, path.dirname(file));
  return mod.exports;
}

const compiled = path.join(__dirname, '..', 'build', 'cli', 'main.js');
const args = process.argv.slice(2);

// Help needs only its text: print it without loading (or parsing) the engine.
const usage = path.join(__dirname, '..', 'build', 'cli', 'usage.js');
if (args.length === 1 && ['--help', '-h', 'help'].includes(args[0]) && fs.existsSync(usage)) {
  process.stdout.write(`${require(usage).USAGE}\n`);
  return;
}

// One run, then exit: how far the heap may grow after each full collection, set for each part of the run. V8 reads
// this setting each time it sizes the heap, so each applies from when it is set; neither caps anything.
// - While the file is read, 1500%: the heap is small and grows fast, nearly all of it what was read. At 30% V8
//   made six full collections in reading a 50,000-action plan (each marking everything read so far), at 300% two.
//   The first comes at V8's starting limit (24-30 MB, with 13-18 MB alive); at 1500% the limit it leaves (about
//   16 times what is alive) stands above all a 50,000-action run holds, so the second, which marked about 70 MB
//   for 20-30 ms of the collector's time, is not made: the share of the run spent collecting fell from a mean of
//   10.1% to 9.1% (four interleaved profiled runs each). The 100,000-action peak was 348-358 MB, against
//   318-362 MB at 300% (at 2000% it rose to 410-416 MB, at 1000% the second collection came at the end instead).
// - From then on, 30% instead of V8's default of up to 4 times what survived: the live data of a 100,000-action run
//   is about 250 to 350 MB, and with the default the garbage around it took the process to 0.8 to 1.1 GB before the
//   next full collection; with this, about 0.4 GB, for a few more full collections (docs/PERFORMANCE.md).
const v8 = require('node:v8');
const WHILE_READING = '--heap-growing-percent=1500';
const AFTER_READING = '--heap-growing-percent=30';
v8.setFlagsFromString(WHILE_READING);

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
cli.main(args, process.stdout, process.stderr, { read: () => v8.setFlagsFromString(AFTER_READING) }).then((code) => {
  process.exitCode = code;
});
