/**
 * The cover's author and version, and Blue, as the pane saves them (issue 15): an edit to Plan Settings, written into
 * real .xlsx files through the file adapter and read back, which the next run (the command here) then uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { bothSettingsEdits, packSettingsEdit, packSettingsOf, withSettingsEdit } from '../src/engine/pack-settings';
import { settingsEditFor } from '../src/engine/saved-mapping';
import { readSettingsSheet } from '../src/engine/settings';
import { applyPendingPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { loadWorkbook, readWorkbook } from '../src/xlsx/read-workbook';
import { editSettingsSheet, withSettingsSheet } from '../src/xlsx/settings-edit';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { writeModel } from './helpers/xlsx-files';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-settings-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PLAN: CellInput[][] = [
  ['Ref', 'Action', 'Lead', 'Due date', 'Status'],
  ['1', 'Publish the carers strategy', 'Head of Carers', { date: '2025-06-10' }, 'Complete'],
  ['2', 'Recruit two more occupational therapists', 'Head of OT', { date: '2026-02-20' }, 'On track'],
];
const CHOSEN = { author: 'Jo Bloggs, Commissioning', version: 'Draft 2', useBlue: false };

/** Writes the edit into a copy of `file` as the command does (a new sheet as a plan, an existing one in place). */
async function written(file: string, edit: ReturnType<typeof packSettingsEdit>, name: string): Promise<string> {
  const book = await loadWorkbook(file);
  const out = path.join(dir, name);
  await applyPendingPlan(book, withSettingsSheet({ sheets: [] }, edit), []);
  await editSettingsSheet(book, edit);
  await writeWorkbookAtomically(book, out);
  return out;
}

test('rows already there are overwritten in place, keeping the officer\'s label; every other row is left as it was', async () => {
  const file = path.join(dir, 'with-settings.xlsx');
  const settingsRows: CellInput[][] = [['Setting', 'Value'], ['Prepared by', 'A. Officer'], ['Reporting period', 'Q3 2025/26'], ['Use Blue', 'yes'], ['Protective marking', 'OFFICIAL-SENSITIVE']];
  await writeModel(workbook(sheet('Action Plan', PLAN), sheet('Plan Settings', settingsRows)), file);
  const model = await readWorkbook(file);
  expect(packSettingsOf(model)).toEqual({ author: 'A. Officer', version: null, useBlue: true });

  const edit = packSettingsEdit(model, CHOSEN)!;
  const out = await written(file, edit, 'with-settings-edited.xlsx');
  const after = await readWorkbook(out);
  expect(packSettingsOf(after)).toEqual(CHOSEN);
  // What the pane reads before writing is what the file reads after.
  expect(packSettingsOf(withSettingsEdit(model, edit))).toEqual(CHOSEN);
  const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet('Plan Settings')!;
  const rows = Array.from({ length: ws.rowCount }, (_, i) => [ws.getCell(i + 1, 1).text, ws.getCell(i + 1, 2).text]);
  expect(rows).toEqual([
    ['Setting', 'Value'],
    ['Prepared by', 'Jo Bloggs, Commissioning'],
    ['Reporting period', 'Q3 2025/26'],
    ['Use Blue', 'no'],
    ['Protective marking', 'OFFICIAL-SENSITIVE'],
    ['Version', 'Draft 2'],
  ]);
  expect(readSettingsSheet(after).settings).toMatchObject({ reportingPeriod: 'Q3 2025/26', protectiveMarking: 'OFFICIAL-SENSITIVE' });
});

test('nothing changed writes nothing; a cleared author clears its row', async () => {
  const model = workbook(sheet('Action Plan', PLAN), sheet('Plan Settings', [['Setting', 'Value'], ['Author', 'A. Officer']]));
  expect(packSettingsEdit(model, { author: ' A. Officer ', version: null, useBlue: true })).toBeNull();
  const cleared = packSettingsEdit(model, { author: null, version: null, useBlue: true })!;
  expect(cleared.rows).toEqual([{ row: 2, values: ['Author', null] }]);
  expect(packSettingsOf(withSettingsEdit(model, cleared)).author).toBeNull();
});

test('with no Plan Settings sheet one is added; confirmed columns saved in the same write go below; the next run uses them', async () => {
  const file = path.join(dir, 'no-settings.xlsx');
  await writeModel(workbook(sheet('Action Plan', PLAN)), file);
  const model = await readWorkbook(file);
  const pack = packSettingsEdit(model, CHOSEN)!;
  expect(pack.create).toBe(true);
  // The column roles the officer confirmed, computed on the workbook as the pack settings leave it (as the pane does).
  const columns = settingsEditFor(withSettingsEdit(model, pack), [{ sheet: 'Action Plan', col: 2, headerRow: 1, header: 'Action', field: 'action', fingerprint: 'abc123' }]);
  expect(columns.create).toBe(false);
  const out = await written(file, bothSettingsEdits(pack, columns), 'no-settings-edited.xlsx');
  const after = await readWorkbook(out);
  expect(packSettingsOf(after)).toEqual(CHOSEN);
  const ws = (await new ExcelJS.Workbook().xlsx.readFile(out)).getWorksheet('Plan Settings')!;
  expect(ws.getCell(5, 1).text).toBe("Column: 'Action Plan'!B1");

  // The next run reads them: the cover shows the author and version, and the complete action is Green, not Blue.
  const packFile = path.join(dir, 'no-settings-pack.xlsx');
  const run = await runCli(['run', out, '--out', packFile, '--json', '--today', '2026-01-31']);
  expect(run.code).toBeLessThan(2);
  const cover = (await new ExcelJS.Workbook().xlsx.readFile(packFile)).getWorksheet('Cover')!;
  const coverText: string[] = [];
  cover.eachRow((row) => coverText.push(row.values instanceof Array ? row.values.filter(Boolean).join(' | ') : ''));
  expect(coverText).toEqual(expect.arrayContaining(['Author | Jo Bloggs, Commissioning', 'Version | Draft 2']));
  expect((JSON.parse(run.stdout).actions as { ref: string; rag: string }[]).find((a) => a.ref === '1')?.rag).toBe('Green');
}, 120_000);
