#!/usr/bin/env node
/**
 * Compiles the plan-assure command to one JavaScript file, build/cli/main.js (and its help text to usage.js), so that no TypeScript compiler runs
 * when it starts. `npm ci` runs this through `prepare`, and `npm run build` runs it too.
 *
 * esbuild rather than tsc: it bundles the engine and its few runtime libraries (zod, jszip, saxes, date-fns,
 * fastest-levenshtein) into a single file in well under a second, and one file loads faster than hundreds of
 * modules resolved one by one. Types are checked separately (`npm run typecheck`).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ?? join(root, 'build', 'cli');

// The old bundle's code cache goes with it (bin/plan-assure.js would not use it for the new bundle either).
rmSync(join(outdir, 'main.js.cache'), { force: true });

// main.js is the command; usage.js is its help text alone, which `--help` loads without the engine.
await build({
  entryPoints: [join(root, 'src', 'cli', 'main.ts'), join(root, 'src', 'cli', 'usage.ts')],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});
