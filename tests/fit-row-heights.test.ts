/**
 * Row heights that fit wrapped text (fitRowHeights): only wrapped columns count, rows from `fromRow` on, and a
 * plan's rows may have gaps.
 */
import { emptySheet, fitRowHeights, PlanValue } from '../src/engine/sheet-plan/types';

const text = (t: string): PlanValue => ({ kind: 'text', text: t });
const LONG = 'word '.repeat(30).trim();

function sheet(rows: PlanValue[][]) {
  const plan = emptySheet('S');
  plan.columns = [{ width: 10, wrap: true }, { width: 10 }];
  plan.rows = rows;
  return plan;
}

describe('fitRowHeights', () => {
  it('makes rows with long wrapped text taller, and leaves short or unwrapped text alone', () => {
    const heights = fitRowHeights(sheet([[text('Short')], [text(LONG)], [null, text(LONG)]]));
    expect(Object.keys(heights)).toEqual(['2']);
    // 149 characters at 10 characters a line: 15 or more lines, each 15 points.
    expect(heights[2]).toBeGreaterThanOrEqual(15 * 15);
  });

  it('skips rows above fromRow, a whole row or a fraction of one', () => {
    expect(fitRowHeights(sheet([[text(LONG)], [text(LONG)]]), 2)).toEqual({ 2: expect.any(Number) });
    expect(fitRowHeights(sheet([[text(LONG)], [text(LONG)]]), 1.5)).toEqual({ 2: expect.any(Number) });
  });

  it('reads past gaps in the rows (rows never set)', () => {
    const rows: PlanValue[][] = [];
    rows[0] = [text(LONG)];
    rows[3] = [text(LONG)];
    expect(Object.keys(fitRowHeights(sheet(rows)))).toEqual(['1', '4']);
  });
});
