/**
 * Bundle sizes of a production build, gzipped (what the browser downloads): the task pane's first load (the scripts
 * taskpane.html loads) and the chunks it loads on demand, the ribbon's function file, and the dialog.
 *
 *   npm run size                (measures dist/: run `npm run build` first)
 *   npx tsx harness/bundle-size.ts <folder>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './paths';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleSizes {
  /** Scripts each page loads up front. */
  pages: Record<'taskpane' | 'commands' | 'check-result', FileSize[]>;
  /** The task pane's chunks loaded on demand (the engine, the adapter, the lazy views), some shared with commands.html. */
  onDemand: FileSize[];
}

function size(dir: string, file: string): FileSize {
  const data = fs.readFileSync(path.join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function scriptsOf(dir: string, page: string): string[] {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

export function measure(dir: string): BundleSizes {
  const pages = {
    taskpane: scriptsOf(dir, 'taskpane.html').map((f) => size(dir, f)),
    commands: scriptsOf(dir, 'commands.html').map((f) => size(dir, f)),
    'check-result': scriptsOf(dir, 'check-result.html').map((f) => size(dir, f)),
  };
  const paneUpFront = new Set(pages.taskpane.map((f) => f.file));
  const otherEntries = /^(commands|check-result)\./;
  const onDemand = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !paneUpFront.has(f) && !otherEntries.test(f))
    .map((f) => size(dir, f));
  return { pages, onDemand };
}

export const total = (files: FileSize[]) => files.reduce((sum, f) => ({ bytes: sum.bytes + f.bytes, gzip: sum.gzip + f.gzip }), { bytes: 0, gzip: 0 });

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));
  const sizes = measure(dir);
  for (const [page, files] of Object.entries(sizes.pages)) {
    const t = total(files);
    console.log(`${page}.html first load: ${kib(t.gzip)} gzipped (${kib(t.bytes)} minified)`);
    for (const f of files) console.log(`  ${f.file.padEnd(44)} ${kib(f.gzip).padStart(10)}`);
  }
  const t = total(sizes.onDemand);
  console.log(`task pane, loaded on demand: ${kib(t.gzip)} gzipped (${kib(t.bytes)} minified)`);
  for (const f of sizes.onDemand) console.log(`  ${f.file.padEnd(44)} ${kib(f.gzip).padStart(10)}`);
}
