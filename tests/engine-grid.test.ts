/**
 * SheetGrid, the index every reader of a sheet goes through, checked against the plain meaning of the model on
 * random sheets: a cell is the model's last cell at that row and column; a covered cell shows the last merged
 * area over it. Cells out of order, repeated cells, overlapping areas and rows with many areas included.
 */
import fc from 'fast-check';
import { CellModel, MergedArea, SheetGrid, SheetModel } from '../src/engine/workbook';

const cell = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 40 }), n: fc.integer() });
const area = fc
  .record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 40 }), height: fc.integer({ min: 0, max: 3 }), width: fc.integer({ min: 0, max: 3 }) })
  .map(({ top, left, height, width }): MergedArea => ({ top, left, bottom: top + height, right: left + width }));
// Narrow one-row areas side by side: enough of them on a row to take the by-column path.
const manyOnRow = fc.integer({ min: 1, max: 12 }).map((row): MergedArea[] => Array.from({ length: 20 }, (_, i) => ({ top: row, left: 2 * i + 1, bottom: row, right: 2 * i + 2 })));

function sheetOf(cells: { row: number; col: number; n: number }[], merges: MergedArea[], sorted: boolean): SheetModel {
  const list: CellModel[] = cells.map((c) => ({ row: c.row, col: c.col, value: { type: 'number', value: c.n } }));
  if (sorted) list.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name: 'S', cells: list, merges };
}

describe('SheetGrid', () => {
  test('own, merge and shown agree with the model read plainly', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 120 }), fc.array(area, { maxLength: 12 }), fc.option(manyOnRow), fc.boolean(), (cells, areas, many, sorted) => {
        const merges = [...areas, ...(many ?? [])];
        const sheet = sheetOf(cells, merges, sorted);
        const grid = new SheetGrid(sheet);
        const last = new Map(sheet.cells.map((x) => [`${x.row},${x.col}`, x]));
        const ownOf = (r: number, c: number) => last.get(`${r},${c}`);
        const mergeOf = (r: number, c: number) => {
          for (let i = merges.length - 1; i >= 0; i--) {
            const m = merges[i];
            if (m.top <= r && r <= m.bottom && m.left <= c && c <= m.right) return m;
          }
          return undefined;
        };
        // Compared once a run, not cell by cell: an expect for each of 700 cells made the test slow.
        const actual: unknown[] = [];
        const expected: unknown[] = [];
        for (let r = 1; r <= 16; r++) {
          actual.push(grid.rowCells(r).map((x) => x.col));
          expected.push([...new Set(sheet.cells.filter((x) => x.row === r).map((x) => x.col))].sort((a, b) => a - b));
          for (let c = 1; c <= 44; c++) {
            const m = mergeOf(r, c);
            actual.push([r, c, grid.own(r, c), grid.merge(r, c), grid.shown(r, c)]);
            expected.push([r, c, ownOf(r, c), m, m ? ownOf(m.top, m.left) : ownOf(r, c)]);
          }
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
