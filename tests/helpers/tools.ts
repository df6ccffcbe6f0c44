/**
 * External command-line tools that some tests need (xmllint, LibreOffice, Chromium).
 *
 * Policy, the same for every tool:
 *  - tool on PATH            → `requireTool` returns true: run the tests that need it;
 *  - missing and CI=true     → `requireTool` throws: CI must never silently skip these tests;
 *  - missing on a dev box    → a loud console.warn and `false`: the caller skips those tests.
 *
 * Usage:
 *   const hasXmllint = requireTool('xmllint');
 *   (hasXmllint ? it : it.skip)('validates the manifest', () => { ... });
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian package that provides each known tool (used in the install hint). */
export const TOOL_PACKAGES: Readonly<Record<string, string>> = {
  xmllint: 'libxml2-utils',
  soffice: 'libreoffice-calc-nogui',
  chromium: 'chromium',
  pdftotext: 'poppler-utils',
};

/** How to install `name` on Debian/Ubuntu (the CI image), as one line. */
export function installHint(name: string): string {
  const pkg = TOOL_PACKAGES[name];
  return pkg
    ? `install Debian's ${pkg} (apt-get install -y ${pkg})`
    : `install the package that provides '${name}' and put it on PATH`;
}

/** Absolute path of executable `name` on PATH, or null. */
export function findTool(name: string, pathEnv: string = process.env.PATH ?? ''): string | null {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return null;
}

/**
 * True when `name` is on PATH. When it is missing: throws if process.env.CI === 'true';
 * otherwise prints a loud warning and returns false so the caller can skip the tests that need it.
 */
export function requireTool(name: string): boolean {
  if (findTool(name) !== null) return true;
  const message = `${name} not found on PATH: ${installHint(name)}`;
  if (process.env.CI === 'true') {
    throw new Error(`${message}. CI=true, so tests that need ${name} must not be skipped.`);
  }
  const bar = '!'.repeat(78);
  console.warn(
    `${bar}\n!! SKIPPING TESTS: ${message}\n!! These tests will FAIL in CI (CI=true) until ${name} is installed.\n${bar}`,
  );
  return false;
}
