/**
 * The writer finds the range styles over each row through StyleBands: for any set of ranges, asked row by row going
 * down, it must give exactly the styles whose rows include that row, in the plan's order.
 */
import fc from 'fast-check';
import { RangeStyleRect, StyleBands } from '../src/xlsx/package/style-bands';

const rect = fc.record({ top: fc.integer({ min: 1, max: 30 }), height: fc.integer({ min: -1, max: 12 }), left: fc.integer({ min: 1, max: 5 }), width: fc.integer({ min: 0, max: 4 }) });

function styles(rects: { top: number; height: number; left: number; width: number }[]): RangeStyleRect[] {
  return rects.map((r, index) => ({ index, rect: { top: r.top, bottom: r.top + r.height, left: r.left, right: r.left + r.width }, style: { range: `R${index}` } }));
}

describe('StyleBands', () => {
  it('gives each row the styles over it, in order, and their right edge', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (rects, step) => {
        const all = styles(rects);
        const bands = new StyleBands(all);
        for (let row = 1; row <= 45; row += step) {
          const over = all.filter((s) => s.rect.top <= row && row <= s.rect.bottom);
          const band = bands.at(row);
          expect(band.styles.map((s) => s.index)).toEqual(over.map((s) => s.index));
          expect(band.right).toBe(over.reduce((m, s) => Math.max(m, s.rect.right), 0));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a style over every row of a long sheet without a list per row', () => {
    const all = styles([{ top: 2, height: 49_998, left: 1, width: 0 }, { top: 1, height: 0, left: 1, width: 17 }]);
    const bands = new StyleBands(all);
    expect(bands.at(1).styles.map((s) => s.index)).toEqual([1]);
    const second = bands.at(2).styles;
    expect(second.map((s) => s.index)).toEqual([0]);
    // Rows of the same band share one list.
    expect(bands.at(50_000).styles).toBe(second);
    expect(bands.at(50_001).styles).toEqual([]);
  });
});
