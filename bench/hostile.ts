/**
 * The hostile section of `npm run bench`: what refusing a bomb costs. Each bomb is built here, then the shipped
 * command (bin/plan-assure.js) validates it under a 1 GB heap in a process of its own, which reports its own peak
 * memory. The budget (Hardening II): refusing the cell bomb peaks at 1 GB or less and takes 10 s or less.
 *   tsx bench/hostile.ts            prints one JSON line: [{ name, ms, maxRssMB, exit, says }]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeDeflatedZip, minimalWorkbookParts, repeatedPart } from '../tests/helpers/zip-files';

const MB = 1024 * 1024;
const HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const TAIL = '</sheetData></worksheet>';
const bin = path.join(__dirname, '..', 'bin', 'plan-assure.js');

/** Rewrites the declared (inflated) size of `part` in a zip's headers: a bomb that hides its size. */
function lieAboutSize(zip: Buffer, part: string, bytes: number): Buffer {
  const name = Buffer.from(part);
  for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
    if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(bytes, at - 30 + 22);
    if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(bytes, at - 46 + 24);
  }
  return zip;
}

const cellRow = '<row>' + '<c><v>1</v></c>'.repeat(1000) + '</row>';
const bombs: { name: string; make: () => Buffer }[] = [
  { name: 'cell bomb, 400 MB of tiny cells', make: () => makeDeflatedZip(minimalWorkbookParts(repeatedPart(HEAD, cellRow, TAIL, 400 * MB))) },
  {
    name: 'the same cell bomb, hiding its size',
    make: () => lieAboutSize(makeDeflatedZip(minimalWorkbookParts(repeatedPart(HEAD, cellRow, TAIL, 400 * MB))), 'xl/worksheets/sheet1.xml', 1000),
  },
  {
    name: 'whitespace bomb, 1 GB, hiding its size',
    make: () => lieAboutSize(makeDeflatedZip(minimalWorkbookParts(repeatedPart(HEAD, '                ', TAIL, 1024 * MB))), 'xl/worksheets/sheet1.xml', 1000),
  },
];

// `tsx bench/hostile.ts make <n> <file>` builds bomb n. Each bomb is built in a process of its own, because on
// Linux a child's peak-memory figure starts from its parent's at the fork: a bench holding a 1 GB buffer would
// report every refusal as costing 1 GB.
if (process.argv[2] === 'make') {
  fs.writeFileSync(process.argv[4], bombs[Number(process.argv[3])].make());
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-hostile-'));
const TSX = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');
const results: { name: string; fileMB: number; ms: number; maxRssMB: number; exit: number | null; says: string }[] = [];
try {
  for (const [index, bomb] of bombs.entries()) {
    const file = path.join(dir, 'bomb.xlsx');
    const made = spawnSync(TSX, [__filename, 'make', String(index), file], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`could not build ${bomb.name}: ${made.stderr}`);
    // The child reports its own peak resident memory as it exits.
    const probe = `process.on('exit', () => process.stderr.write('\\nMAXRSS:' + process.resourceUsage().maxRSS)); process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)});`;
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--max-old-space-size=1024', '-e', probe, '--', 'validate', file], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const rss = Number(/MAXRSS:(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
    results.push({ name: bomb.name, fileMB: Number((fs.statSync(file).size / MB).toFixed(1)), ms: Math.round(ms), maxRssMB: Math.round(rss), exit: run.status, says: run.stderr.split('\n')[0].slice(0, 160) });
    fs.rmSync(file);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);
