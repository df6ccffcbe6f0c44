/**
 * The column roles kept in Plan Settings (src/engine/saved-mapping.ts): the header fingerprint, how saved roles fold
 * into structuring, and the Office.js write (src/excel/settings-edit.ts) into an existing Plan Settings sheet on the
 * Excel simulator, in the same requests as the tool's sheets.
 */
import { unrecognisedModel } from '../harness/unrecognised-seed';
import { ExcelSimulator } from '../src/excel-simulator';
import { applyWorkbookPlan } from '../src/excel/apply-plan';
import { headerFingerprint, readSavedMapping, savedColumnsFor, settingsEditFor, withSavedMapping } from '../src/engine/saved-mapping';
import { structureWorkbookPlan } from '../src/engine/sheet-plan/structure-plan';
import { structureWorkbook, StructureOptions } from '../src/engine/structure';
import { ColumnField } from '../src/engine/structure/columns';
import { CellModel, SheetModel, WorkbookModel } from '../src/engine/workbook';

const TODAY = '2026-01-15';
const ROLES = new Map<number, ColumnField | null>([
  [1, 'ref'],
  [2, 'action'],
  [3, 'lead'],
  [4, 'dueDate'],
  [5, 'progress'],
]);

const text = (row: number, col: number, value: string): CellModel => ({ row, col, value: { type: 'text', value } });

function withCell(sheet: SheetModel, cell: CellModel): SheetModel {
  return { ...sheet, cells: [...sheet.cells.filter((c) => c.row !== cell.row || c.col !== cell.col), cell].sort((a, b) => a.row - b.row || a.col - b.col) };
}

/** The unrecognised workbook with the roles saved in a Plan Settings sheet that also holds the officer's own rows. */
function savedModel(): WorkbookModel {
  const model = unrecognisedModel();
  const settings: SheetModel = {
    name: 'Plan Settings',
    merges: [],
    cells: [text(1, 1, 'Setting'), text(1, 2, 'Value'), text(2, 1, 'Plan start'), text(2, 2, '01/04/2025'), text(3, 1, 'Column: Other!B2'), text(3, 2, 'action')],
  };
  const edit = settingsEditFor({ sheets: [...model.sheets, settings] }, savedColumnsFor(model.sheets[0], 3, ROLES));
  for (const { row, values } of edit.rows) values.forEach((v, i) => v !== null && (settings.cells = withCell(settings, text(row, i + 1, v)).cells));
  return { sheets: [...model.sheets, settings] };
}

describe('the header fingerprint', () => {
  const sheet = unrecognisedModel().sheets[0];
  it('is the same for the same header row, whatever the case or spacing', () => {
    expect(headerFingerprint(withCell(sheet, text(3, 2, '  BRAVO ')), 3)).toBe(headerFingerprint(sheet, 3));
  });
  it('changes when a header is renamed, moved or added', () => {
    const print = headerFingerprint(sheet, 3);
    expect(headerFingerprint(withCell(sheet, text(3, 2, 'Bravo two')), 3)).not.toBe(print);
    expect(headerFingerprint(withCell(withCell(sheet, text(3, 2, 'Charlie')), text(3, 3, 'Bravo')), 3)).not.toBe(print);
    expect(headerFingerprint(withCell(sheet, text(3, 6, 'Foxtrot')), 3)).not.toBe(print);
  });
});

describe('saved roles in structuring', () => {
  it('read the plan as saved; the officer\'s own settings rows and other sheets\' rows are left as they are', () => {
    const model = savedModel();
    const result = structureWorkbook(model, { today: TODAY });
    expect(result.actions.map((a) => a.lead)).toEqual(['Jo Bloggs', 'Sam Patel', 'Alex Green']);
    expect(result.settings.planStart).toBe('2025-04-01');
    // "Other" is not a sheet of this workbook: its saved roles are set aside, with a warning naming it.
    expect(result.findings.filter((f) => f.rule === 'saved-columns-changed').map((f) => f.message)).toEqual([
      'The column roles saved for sheet “Other” were not used: there is no sheet called “Other” now.',
    ]);
  });

  it('a role given with this run wins for its column; the other saved roles still apply', () => {
    const { options } = withSavedMapping(savedModel(), { today: TODAY, columnOverrides: { Programme: { 3: null } } });
    expect(options.columnOverrides!.Programme).toEqual({ 1: 'ref', 2: 'action', 3: null, 4: 'dueDate', 5: 'progress' });
    expect(options.headerRowOverrides).toEqual({ Programme: 3 });
  });

  it('a different header row given with this run sets the saved roles aside', () => {
    const given: StructureOptions = { today: TODAY, columnOverrides: { Programme: { 2: 'action' } }, headerRowOverrides: { Programme: 1 } };
    const { options } = withSavedMapping(savedModel(), given);
    expect(options.columnOverrides!.Programme).toEqual({ 2: 'action' });
    expect(options.headerRowOverrides).toEqual({ Programme: 1 });
  });
});

describe('writing the roles through Office.js (Excel simulator)', () => {
  async function apply(model: WorkbookModel, withEdit: boolean): Promise<{ after: WorkbookModel; syncs: number }> {
    const result = structureWorkbook(model, { today: TODAY, columnOverrides: { Programme: Object.fromEntries(ROLES) }, headerRowOverrides: { Programme: 3 } });
    // The officer has since said to leave column E out.
    const edit = settingsEditFor(model, savedColumnsFor(model.sheets[0], 3, new Map([...ROLES, [5, null]])));
    const sim = new ExcelSimulator({ model });
    const restore = sim.installGlobals();
    try {
      await sim.run((context) => applyWorkbookPlan(context as unknown as Excel.RequestContext, structureWorkbookPlan(result, model), [], { requirements: null, settingsEdit: withEdit ? edit : undefined }));
      return { after: sim.model(), syncs: sim.stats.syncs };
    } finally {
      restore();
    }
  }

  it('replaces the saved rows in place in the same requests as the sheets, and keeps every other settings row', async () => {
    const model = savedModel();
    const plain = await apply(model, false);
    const edited = await apply(model, true);
    expect(edited.syncs).toBe(plain.syncs);
    const saved = readSavedMapping(edited.after);
    expect(saved.filter((c) => c.sheet === 'Programme').map((c) => [c.col, c.field])).toEqual([[1, 'ref'], [2, 'action'], [3, 'lead'], [4, 'dueDate'], [5, null]]);
    expect(saved.filter((c) => c.sheet === 'Other')).toHaveLength(1);
    const settings = edited.after.sheets.find((s) => s.name === 'Plan Settings')!;
    expect(settings.cells.filter((c) => c.row <= 2).map((c) => c.value.value)).toEqual(['Setting', 'Value', 'Plan start', '01/04/2025']);
  });

  it('adds a Plan Settings sheet when there is none', async () => {
    const { after } = await apply(unrecognisedModel(), true);
    expect(after.sheets.map((s) => s.name)).toContain('Plan Settings');
    expect(readSavedMapping(after).map((c) => c.field)).toEqual(['ref', 'action', 'lead', 'dueDate', null]);
    expect(structureWorkbook(after, { today: TODAY }).actions).toHaveLength(3);
  });
});
