/**
 * The CLI writes the board pack a sheet at a time (boardPackSheets + applyPendingPlan), so a big pack's sheet plans
 * are never all in memory at once. The file must be exactly the one the whole-plan path writes, part for part and
 * in the same order, and each sheet is built once, in the plan's order, only after the sheet before it is written.
 * Checked on real seed files read and written through the xlsx adapter.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { boardPackSheets, boardPackWorkbookPlan } from '../src/engine/board-pack';
import { ownedSheets } from '../src/engine/sheet-plan/structure-plan';
import { structureWorkbook } from '../src/engine/structure';
import { validatePlan } from '../src/engine/validate';
import { applyPendingPlan, applyWorkbookPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { loadWorkbook, workbookModel } from '../src/xlsx/read-workbook';

const ROOT = path.resolve(__dirname, '..');
const TODAY = '2026-01-15';
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planassure-streamed-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function parts(file: string): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f): Promise<[string, string]> => [f.name, await f.async('string')]));
}

/** Reads a seed as the CLI does, and gives what a board pack needs. */
async function opened(seed: string) {
  const workbook = await loadWorkbook(path.join(ROOT, 'seeds', seed));
  const model = workbookModel(workbook);
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { today: TODAY, ownedSheets: owned });
  const findings = [...result.findings, ...validatePlan(result, { today: TODAY })];
  return { workbook, model, owned, result, options: { today: TODAY, judgedAt: TODAY, findings } };
}

/** The board pack built whole and written, as the task pane's path does; gives the file's parts. */
async function writtenWhole(seed: string, file: string): Promise<[string, string][]> {
  const whole = await opened(seed);
  await applyWorkbookPlan(whole.workbook, boardPackWorkbookPlan(whole.result, whole.model, whole.options).plan, whole.owned);
  await writeWorkbookAtomically(whole.workbook, path.join(tmp, file));
  return parts(path.join(tmp, file));
}

// A plan with a KPI register and one without.
describe.each(['north-tyneside-delivery-plan-2025-26.xlsx', 'dudley-cqc-action-plan-2009.xlsx'])('%s', (seed) => {
  test('the pack written a sheet at a time is the same file as the pack written whole', async () => {
    const whole = await writtenWhole(seed, 'whole.xlsx');
    const streamed = await opened(seed);
    const pack = boardPackSheets(streamed.result, streamed.model, streamed.options);
    const built: string[] = [];
    const worksheetsWritten: number[] = [];
    const countWorksheets = () => Object.keys(streamed.workbook.pkg.zip.files).filter((f) => f.startsWith('xl/worksheets/sheet')).length;
    const before = countWorksheets();
    const plan = {
      sheets: pack.plan.sheets.map((s) => ({
        name: s.name,
        build: () => {
          built.push(s.name);
          worksheetsWritten.push(countWorksheets() - before);
          return s.build();
        },
      })),
    };
    await applyPendingPlan(streamed.workbook, plan, streamed.owned);
    await writeWorkbookAtomically(streamed.workbook, path.join(tmp, 'streamed.xlsx'));

    expect(built).toEqual(pack.plan.sheets.map((s) => s.name));
    // The seed's own sheets are replaced by none of ours here, so sheet k is built once k sheets are written.
    expect(worksheetsWritten).toEqual(built.map((_, k) => k));
    expect(await parts(path.join(tmp, 'streamed.xlsx'))).toEqual(whole);
  });
});

// The Exceptions, Plan and snapshot sheets hold a row per listed action: the file writer makes each of their rows as it writes it.
// Medway's plan has no exceptions at TODAY (so no Exceptions sheet); Sefton's has some.
describe.each([
  ['medway-cqc-improvement-action-plan.xlsx', ['Plan', 'PlanAssure Snapshot']],
  ['sefton-peer-review-action-plan.xlsx', ['Exceptions', 'Plan', 'PlanAssure Snapshot']],
])('%s', (seed, streamedSheets) => {
  test('the sheets written row by row are the same as those built whole', async () => {
    const built = await writtenWhole(seed, 'built.xlsx');
    const rowByRow = await opened(seed);
    const pack = boardPackSheets(rowByRow.result, rowByRow.model, rowByRow.options);
    expect(pack.plan.sheets.filter((s) => s.stream).map((s) => s.name)).toEqual(streamedSheets);
    const plan = {
      sheets: pack.plan.sheets.map((s) => ({
        ...s,
        build: () => {
          // A sheet the writer can stream is never built whole.
          if (s.stream) throw new Error(`${s.name} was built whole`);
          return s.build();
        },
      })),
    };
    await applyPendingPlan(rowByRow.workbook, plan, rowByRow.owned);
    await writeWorkbookAtomically(rowByRow.workbook, path.join(tmp, 'row-by-row.xlsx'));
    expect(await parts(path.join(tmp, 'row-by-row.xlsx'))).toEqual(built);
  });
});

test('the lists sheet\'s note holds a fingerprint of every other sheet, those written after it included', async () => {
  const first = await opened('dudley-cqc-action-plan-2009.xlsx');
  await applyPendingPlan(first.workbook, boardPackSheets(first.result, first.model, first.options).plan, first.owned);
  const once = path.join(tmp, 'once.xlsx');
  await writeWorkbookAtomically(first.workbook, once);
  const note = (await parts(once)).find(([name]) => name.startsWith('xl/comments'))![1];
  const recorded = JSON.parse(note.slice(note.indexOf('{'), note.lastIndexOf('}') + 1).replace(/&quot;/g, '"')) as Record<string, string>;
  const pack = boardPackSheets(first.result, first.model, first.options).plan.sheets.map((s) => s.name);
  expect(Object.keys(recorded)).toEqual(pack.filter((n) => n !== 'PlanAssure Lists'));
  for (const print of Object.values(recorded)) expect(print).toMatch(/^\S{8,}/);
});
