/**
 * The fingerprints a run records, through the shipped command on a real workbook: a version-2 print written now is
 * checked on the next run; a version-1 print, as earlier versions recorded, still is; and a print of a later version
 * (from a newer PlanAssure) stops the run with words that say so, rather than claiming the sheet was edited.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { modelFingerprint } from '../src/xlsx/package/fingerprint';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { runCli } from './helpers/run-cli';

const SEED = path.join(__dirname, '..', 'seeds', 'sefton-peer-review-action-plan.xlsx');
const TODAY = '2026-01-15';
let dir: string;
let written: string;

/** The output with the print recorded for one sheet replaced: the note keeps the prints as JSON, XML-escaped. */
async function withPrint(file: string, sheet: string, print: (old: string) => string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const note = Object.keys(zip.files).find((name) => /^xl\/comments\d*\.xml$/.test(name))!;
  const xml = await zip.file(note)!.async('string');
  const entry = new RegExp(`(&quot;${sheet}&quot;:&quot;)([^&|]+)`);
  expect(xml).toMatch(entry);
  zip.file(note, xml.replace(entry, (_m, head: string, old: string) => `${head}${print(old)}`));
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fingerprint-versions-'));
  written = path.join(dir, 'written.xlsx');
  const run = await runCli(['run', SEED, '--out', written, '--today', TODAY]);
  expect([0, 1]).toContain(run.code);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a workbook written now records version-2 prints, and runs again without being taken for an edited one', async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(written));
  const note = Object.keys(zip.files).find((name) => /^xl\/comments\d*\.xml$/.test(name))!;
  expect(await zip.file(note)!.async('string')).toMatch(/&quot;Plan&quot;:&quot;v2:[0-9a-f]{32}&quot;/);
  const again = await runCli(['run', written, '--out', path.join(dir, 'again.xlsx'), '--today', TODAY]);
  expect(again.stderr).toBe('');
  expect([0, 1]).toContain(again.code);
});

test('a version-1 print, as earlier versions recorded it, is still checked: unchanged runs, edited stops', async () => {
  const plan = (await readWorkbook(written)).sheets.find((s) => s.name === 'Plan')!;
  const v1 = path.join(dir, 'v1.xlsx');
  await withPrint(written, 'Plan', () => modelFingerprint(plan, [], 1), v1);
  const unchanged = await runCli(['run', v1, '--out', path.join(dir, 'v1-out.xlsx'), '--today', TODAY]);
  expect(unchanged.stderr).toBe('');
  expect([0, 1]).toContain(unchanged.code);

  // The same version-1 print, of a sheet one cell different: the officer's change is not lost.
  const edited = { ...plan, cells: plan.cells.map((c, i) => (i === plan.cells.length - 1 ? { ...c, value: { type: 'text' as const, value: 'typed by hand' } } : c)) };
  const v1Edited = path.join(dir, 'v1-edited.xlsx');
  await withPrint(written, 'Plan', () => modelFingerprint(edited, [], 1), v1Edited);
  const out = path.join(dir, 'v1-edited-out.xlsx');
  const stopped = await runCli(['run', v1Edited, '--out', out, '--today', TODAY]);
  expect(stopped.code).toBe(2);
  expect(stopped.stderr).toMatch(/"Plan" was written by PlanAssure and has been changed by hand/);
  expect(fs.existsSync(out)).toBe(false);
});

test('a print of a later version stops the run saying a newer PlanAssure wrote the sheet, and writes nothing', async () => {
  const later = path.join(dir, 'later.xlsx');
  await withPrint(written, 'Plan', (old) => old.replace(/^v2:/, 'v3:'), later);
  const out = path.join(dir, 'later-out.xlsx');
  const run = await runCli(['run', later, '--out', out, '--today', TODAY]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/"Plan" was written by a newer version of PlanAssure/);
  expect(run.stderr).not.toMatch(/changed by hand since\. Copy/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(fs.existsSync(out)).toBe(false);
});
