#!/usr/bin/env node
/**
 * Offline validation of the PlanAssure add-in manifest.
 *
 *   node scripts/validate-manifest.mjs manifest.xml      (npm run validate)
 *
 * 1. XSD: runs `xmllint --noout --schema <schemas>/OfficeAppManifestV1_1.xsd <manifest>`.
 *    <schemas> is the project's own `schemas/manifest`, or $PLAN_ASSURE_MANIFEST_SCHEMAS when set.
 *    (`office-addin-manifest validate` needs an online Microsoft service, which is not reachable
 *    from the build machines or CI; see schemas/manifest/README.md.)
 * 2. Dev-server URLs: every https://localhost:3000/... URL must name a file that webpack builds
 *    into dist/ (the HtmlWebpackPlugin pages and the help pages below, or a PNG that CopyWebpackPlugin copies from
 *    assets/), and no URL may point at another localhost port.
 *
 * Exit status 0 when both pass; otherwise 1, with one clear message per problem on stderr.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_FILE = 'OfficeAppManifestV1_1.xsd';
const DEV_ORIGIN_PORT = '3000';
/** Pages emitted by HtmlWebpackPlugin in webpack.config.js (keep in step with it), and the help pages built from docs/. */
const { PAGES: HELP_PAGES } = createRequire(import.meta.url)('./help-pages.js');
const BUILT_PAGES = new Set(['taskpane.html', 'commands.html', ...HELP_PAGES.map((page) => page.file)]);

function fail(message) {
  console.error(message);
  process.exit(1);
}

const manifestArg = process.argv[2];
if (!manifestArg) fail('usage: node scripts/validate-manifest.mjs <manifest.xml>');
const manifestPath = resolve(manifestArg);
if (!existsSync(manifestPath) || !statSync(manifestPath).isFile()) {
  fail(`manifest not found: ${manifestPath}`);
}

const schemaDir = resolve(process.env.PLAN_ASSURE_MANIFEST_SCHEMAS || join(repoRoot, 'schemas', 'manifest'));
const schemaPath = join(schemaDir, SCHEMA_FILE);
if (!existsSync(schemaPath)) {
  fail(
    `manifest schemas not found: ${schemaPath} does not exist ` +
      '(set PLAN_ASSURE_MANIFEST_SCHEMAS to the folder holding OfficeAppManifestV1_1.xsd)',
  );
}

// ---- 1. XSD validation with xmllint -------------------------------------------------------------
const lint = spawnSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], { encoding: 'utf8' });
if (lint.error) {
  if (lint.error.code === 'ENOENT') {
    fail("xmllint not found: install Debian's libxml2-utils (apt-get install -y libxml2-utils)");
  }
  fail(`could not run xmllint: ${lint.error.message}`);
}
if (lint.status !== 0) {
  const lines = `${lint.stderr ?? ''}${lint.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.length > 0);
  console.error(`${manifestArg}: invalid against ${SCHEMA_FILE} (xmllint exit ${lint.status}):`);
  for (const line of lines) console.error(`  ${line}`);
  process.exit(1);
}

// ---- 2. Dev-server URLs name built files ---------------------------------------------------------
// XML comments are blanked out (newlines kept, so line numbers stay right): URLs in prose don't count.
const text = readFileSync(manifestPath, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
const lineOf = (index) => text.slice(0, index).split('\n').length;
const problems = [];
let checked = 0;
const urlPattern = /https?:\/\/(?:localhost|127\.0\.0\.1)(?::(\d+))?(\/[^"'<>\s]*)?/g;
for (const match of text.matchAll(urlPattern)) {
  const [url, port, rawPath = '/'] = match;
  const where = `${manifestArg}:${lineOf(match.index)}`;
  if (port !== DEV_ORIGIN_PORT) {
    problems.push(`${where}: ${url} is not on the dev server's port ${DEV_ORIGIN_PORT}`);
    continue;
  }
  checked++;
  const path = rawPath.replace(/[?#].*$/, '').replace(/^\//, '');
  const asset = /^assets\/([^/]+\.png)$/.exec(path);
  const built = BUILT_PAGES.has(path) || (asset !== null && existsSync(join(repoRoot, 'assets', asset[1])));
  if (!built) {
    problems.push(
      `${where}: ${url} names a file webpack does not build ` +
        `(expected ${[...BUILT_PAGES].join(', ')} or assets/<name>.png present in assets/)`,
    );
  }
}
if (problems.length > 0) {
  console.error(`${manifestArg}: ${problems.length} URL problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

console.log(
  `${manifestArg} validates against ${SCHEMA_FILE}; ${checked} localhost:${DEV_ORIGIN_PORT} URL(s) name files webpack builds.`,
);
