/**
 * The way back (issue 17): the very hidden copy of the tool's sheets round-trips through the sheet plan within
 * Excel's 32,767-character cell limit, says so when it is too big, and the preview finds what the officer typed.
 */
import { CHUNK_CHARS, MAX_COPY_CHARS, PREVIOUS_VERSION_SHEET_NAME, previousVersionSheet, readPreviousVersion, restoredSheets } from '../src/engine/sheet-plan/previous-version';
import { replacementPreview } from '../src/engine/sheet-plan/replace-preview';
import { SheetPlan } from '../src/engine/sheet-plan/types';
import { CellModel, SheetModel, WorkbookModel } from '../src/engine/workbook';

const t = (row: number, col: number, value: string): CellModel => ({ row, col, value: { type: 'text', value } });

/** The model an adapter would read back from a written sheet plan's text cells. */
function asRead(plan: SheetPlan): SheetModel {
  const cells: CellModel[] = [];
  plan.rows.forEach((row, r) => row.forEach((v, c) => v?.kind === 'text' && cells.push(t(r + 1, c + 1, v.text))));
  return { name: plan.name, cells, merges: [], visibility: plan.visibility };
}

const plan: SheetModel = {
  name: 'Plan',
  merges: [],
  cells: [t(1, 1, 'Action'), { row: 2, col: 1, value: { type: 'number', value: 3.5 } }, { row: 2, col: 2, value: { type: 'date', value: '2025-06-30' } }, { row: 3, col: 3, value: { type: 'number', value: 7 }, formula: 'SUM(A1:A2)' }, { row: 4, col: 1, value: { type: 'boolean', value: true } }],
};
const lists: SheetModel = { name: 'PlanAssure Lists', merges: [], visibility: 'veryHidden', cells: [t(1, 5, 'PlanAssure owned sheet'), t(2, 5, 'Plan')] };
const officer: SheetModel = { name: 'Action Plan', merges: [], cells: [t(1, 1, 'mine')] };

describe('the copy of the tool\'s sheets', () => {
  it('round-trips values, formulas, dates and visibility, and leaves the officer\'s sheets out', () => {
    const model: WorkbookModel = { sheets: [officer, plan, lists] };
    const sheet = previousVersionSheet(model, ['Plan', 'PlanAssure Lists'], '2026-12-04T13:00:00.000Z');
    expect(sheet.visibility).toBe('veryHidden');
    const back = readPreviousVersion({ sheets: [officer, asRead(sheet)] })!;
    expect(back.at).toBe('2026-12-04T13:00:00.000Z');
    expect(back.sheets.map((s) => s.name)).toEqual(['Plan', 'PlanAssure Lists']);
    const [restoredPlan, restoredLists] = restoredSheets(back);
    expect(restoredLists.visibility).toBe('veryHidden');
    expect(restoredPlan.rows[0][0]).toEqual({ kind: 'text', text: 'Action' });
    expect(restoredPlan.rows[1]).toEqual([{ kind: 'number', value: 3.5 }, { kind: 'date', iso: '2025-06-30' }]);
    expect(restoredPlan.rows[2][2]).toEqual({ kind: 'formula', formula: 'SUM(A1:A2)' });
    expect(restoredPlan.rows[3][0]).toEqual({ kind: 'text', text: 'TRUE' });
  });

  it('keeps each cell\'s number format where the writer would not give it anyway, as styles down each column', () => {
    const pct = (row: number): CellModel => ({ row, col: 2, value: { type: 'number', value: row / 10 }, numFmt: '0.0%' });
    const formatted: SheetModel = {
      name: 'Plan',
      merges: [],
      cells: [
        { ...t(1, 1, 'Outturn'), numFmt: '@' },
        t(2, 1, 'typed into a General cell'),
        { row: 3, col: 1, value: { type: 'date', value: '2026-03-31' }, numFmt: 'dd/mm/yyyy' },
        pct(2),
        pct(3),
        { ...pct(4), formula: 'SUM(B2:B3)' },
        pct(6),
      ],
    };
    const back = readPreviousVersion({ sheets: [asRead(previousVersionSheet({ sheets: [formatted] }, ['Plan'], 'x'))] })!;
    expect(restoredSheets(back)[0].styles).toEqual([
      { range: 'A2', numFmt: 'General' },
      { range: 'B2:B4', numFmt: '0.0%' },
      { range: 'B6', numFmt: '0.0%' },
    ]);
  });

  it('cuts a large copy into cells under Excel\'s 32,767 characters, and reads it back whole', () => {
    const big: SheetModel = { name: 'Plan', merges: [], cells: Array.from({ length: 3000 }, (_, i) => t(i + 1, 1, `Action ${i} `.repeat(4))) };
    const sheet = previousVersionSheet({ sheets: [big] }, ['Plan'], 'x');
    const chunks = sheet.rows.slice(2).map((r) => (r[0]?.kind === 'text' ? r[0].text.length : 0));
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(CHUNK_CHARS).toBeLessThan(32_767);
    expect(readPreviousVersion({ sheets: [asRead(sheet)] })!.sheets[0].cells).toHaveLength(3000);
  });

  it('keeps no copy when it is too big, and says so: an older copy never stands in for it', () => {
    const huge: SheetModel = { name: 'Plan', merges: [], cells: Array.from({ length: 1 + MAX_COPY_CHARS / 1000 }, (_, i) => t(i + 1, 1, 'x'.repeat(1000))) };
    const sheet = previousVersionSheet({ sheets: [huge] }, ['Plan'], 'x');
    expect(sheet.rows).toHaveLength(2);
    expect(readPreviousVersion({ sheets: [asRead(sheet)] })).toBeNull();
    expect(replacementPreview({ sheets: [huge] }, { sheets: [] }, ['Plan']).copyKept).toBe(false);
  });

  it('reads no copy from a sheet whose chunks were cut short', () => {
    const sheet = asRead(previousVersionSheet({ sheets: [plan] }, ['Plan'], 'x'));
    expect(readPreviousVersion({ sheets: [{ ...sheet, cells: sheet.cells.slice(0, 2) }] })).toBeNull();
    expect(readPreviousVersion({ sheets: [{ ...sheet, name: 'Other' }] })).toBeNull();
    expect(sheet.name).toBe(PREVIOUS_VERSION_SHEET_NAME);
  });
});

describe('what a write replaces', () => {
  const next: SheetPlan = { name: 'Plan', visibility: 'visible', columns: [], rows: [[{ kind: 'text', text: 'Action' }], [{ kind: 'text', text: 'Row moved' }], [{ kind: 'formula', formula: 'A1' }]], styles: [], merges: [], validations: [], conditionalFormats: [], dataBars: [] };

  it('lists the officer\'s typing, not rows that only moved, nor cells the new version fills with a formula', () => {
    const now: SheetModel = { name: 'Plan', merges: [], cells: [t(1, 1, 'Action'), t(3, 1, 'Typed by me'), t(4, 1, 'Row moved'), t(5, 2, 'Comment')] };
    const preview = replacementPreview({ sheets: [officer, now, lists] }, { sheets: [next] }, ['Plan', 'PlanAssure Lists']);
    expect(preview.sheets.map((s) => s.name)).toEqual(['Plan']);
    expect(preview.sheets[0].changed).toEqual([{ cell: 'B5', text: 'Comment' }]);
    expect(preview.sheets[0]).toMatchObject({ rewritten: true, cells: 4, changedCount: 1 });
    expect(preview.copyKept).toBe(true);
  });

  it('lists nothing when the write replaces none of the tool\'s sheets', () => {
    expect(replacementPreview({ sheets: [officer] }, { sheets: [next] }, []).sheets).toEqual([]);
  });
});
