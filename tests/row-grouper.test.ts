/**
 * Actions are assembled as a sheet's rows are read (RowGrouper), before the sheet is known to have refs. Whatever
 * the rows, the groups must be those groupRows gives all at once, told whether the sheet has two ref rows.
 */
import fc from 'fast-check';
import { AssembleContext, groupRows, newAssembleMemo, RowGrouper } from '../src/engine/structure/assemble';
import { DataRow, FieldCell, SheetReading } from '../src/engine/structure/read-sheet';
import { DEFAULT_SETTINGS } from '../src/engine/schema';
import { ColumnField } from '../src/engine/structure/columns';

const HEADER = { rows: [1], columns: [] } as unknown as DataRow['header'];

interface RowSpec {
  ref: boolean;
  action: 'none' | 'words' | 'continued';
  /** The action (or ref) cell shows a merged area starting this many rows up (0: not merged). */
  mergedUp: number;
  afterHeading: boolean;
  afterPageBreak: boolean;
}

/** True in about `tenths` draws of ten: fast-check's numbers lean to their bounds, so a draw from ten is used. */
const chance = (tenths: number) => fc.constantFrom(...Array.from({ length: 10 }, (_, i) => i < tenths));

const rowSpec = (refTenths: number): fc.Arbitrary<RowSpec> => fc.record({
  ref: refTenths ? chance(refTenths) : fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, true),
  action: fc.constantFrom('none', 'words', 'words', 'continued'),
  mergedUp: fc.constantFrom(0, 0, 0, 1, 2),
  afterHeading: chance(1),
  afterPageBreak: fc.boolean(),
});

function dataRows(specs: RowSpec[]): DataRow[] {
  return specs.map((spec, i) => {
    const row = i + 2;
    const merge = spec.mergedUp ? { top: row - spec.mergedUp, left: 1, bottom: row, right: 1 } : undefined;
    const fields = new Map<ColumnField, FieldCell[]>();
    if (spec.ref) fields.set('ref', [{ col: 1, text: `R${i}`, merge }]);
    if (spec.action !== 'none') fields.set('action', [{ col: 2, text: spec.action === 'continued' ? 'Cont. from above' : `Do thing ${i}`, merge }]);
    return { row, header: HEADER, fields, unmapped: [], headings: { theme: null, qualityStatement: null, area: null }, afterPageBreak: spec.afterPageBreak, afterHeading: spec.afterHeading };
  });
}

function context(sheetHasRefs: boolean): AssembleContext {
  return { settings: { ...DEFAULT_SETTINGS }, sheetHasRefs, sheetHasMarkers: false, memo: newAssembleMemo() };
}

const rowsOf = (groups: DataRow[][]) => groups.map((g) => g.map((r) => r.row));

describe('RowGrouper', () => {
  it('groups rows as they come exactly as groupRows groups them all at once', () => {
    let heldAndSettled = 0;
    fc.assert(
      // Refs are rare in some sheets and on most rows of others: a sheet with one ref row matters most.
      fc.property(fc.constantFrom(0, 1, 3, 7).chain((rate) => fc.array(rowSpec(rate), { minLength: 3, maxLength: 40 })), (specs) => {
        const rows = dataRows(specs);
        const refRows = rows.filter((r) => r.fields.get('ref')?.length).length;
        const reading = { rows } as SheetReading;
        const expected = rowsOf(groupRows(reading, context(refRows >= 2)));
        const streamed: DataRow[][] = [];
        const grouper = new RowGrouper(context(false), (group) => streamed.push(group));
        for (const row of rows) grouper.add(row);
        grouper.finish();
        expect(rowsOf(streamed)).toEqual(expected);
        // The case the grouper must hold rows for: the answers with and without refs differ.
        if (JSON.stringify(expected) !== JSON.stringify(rowsOf(groupRows(reading, context(refRows < 2))))) heldAndSettled++;
      }),
      { numRuns: 2000 },
    );
    // The property reaches the rows whose grouping depends on the whole sheet, not only the easy ones.
    expect(heldAndSettled).toBeGreaterThan(50);
  });
});
