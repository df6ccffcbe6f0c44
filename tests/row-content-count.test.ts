/**
 * The row classifier's quick count of a row's cells must agree with the full reading of the row it stands in for:
 * two cells of its own or more (ownContent), none of them past the table's last column. Random rows of text, blank
 * and white-space-only text, numbers and dates, under random merged areas.
 */
import fc from 'fast-check';
import { CellModel, CellValue, MergedArea, SheetGrid } from '../src/engine/workbook';
import { hasTwoCellsWithin, ownContent } from '../src/engine/structure/row-content';

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom('Action', '  ', '', '\u00a0', ' x ', '\n\n', 'a\n ', '\t', '•').map((t): CellValue => ({ type: 'text', value: t })),
  fc.integer({ min: -5, max: 5 }).map((n): CellValue => ({ type: 'number', value: n })),
  fc.constant<CellValue>({ type: 'date', value: '2026-03-31' }),
);

const sheet = fc.record({
  cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 4 }), col: fc.integer({ min: 1, max: 8 }), value }), { maxLength: 20 }),
  merges: fc.array(fc.record({ top: fc.integer({ min: 1, max: 4 }), left: fc.integer({ min: 1, max: 8 }), height: fc.integer({ min: 0, max: 2 }), width: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
});

describe('hasTwoCellsWithin', () => {
  test('is ownContent having two cells or more, none past the last column', () => {
    fc.assert(
      fc.property(sheet, fc.integer({ min: 1, max: 8 }), ({ cells, merges }, lastCol) => {
        // One value a position, as a sheet has.
        const unique = new Map<string, CellModel>(cells.map((c) => [`${c.row},${c.col}`, c]));
        const areas: MergedArea[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width }));
        const grid = new SheetGrid({ name: 'Plan', cells: [...unique.values()], merges: areas });
        for (let row = 1; row <= 4; row++) {
          const own = ownContent(grid, row).cells;
          expect(hasTwoCellsWithin(grid, row, lastCol)).toBe(own.length >= 2 && own.every((c) => c.col <= lastCol));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
