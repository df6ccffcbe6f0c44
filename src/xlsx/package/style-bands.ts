/**
 * The range styles of a sheet plan, found row by row as the writer goes down the sheet. The styles are kept by band
 * of rows rather than by row: a 50,000-row Plan has styles over every row, and a list for each row was 50,000
 * arrays that lived (and were copied by the garbage collector) through the whole write.
 */
import { SheetPlan } from '../../engine/sheet-plan/types';
import { Rect } from './cell-range';

/** A range style with its place in the plan's list and its range parsed. */
export interface RangeStyleRect {
  index: number;
  rect: Rect;
  style: SheetPlan['styles'][number];
}

/** The range styles over a run of rows, in the plan's order, and the right edge of the widest. */
export interface StyleBand {
  styles: RangeStyleRect[];
  right: number;
}

const NO_STYLES: StyleBand = { styles: [], right: 0 };

/**
 * A sheet's rows cut into bands with the same range styles over them: a band starts at each row where a style
 * starts or the row after one ends. `at` is asked of rows in ascending order and moves through the bands as it goes.
 */
export class StyleBands {
  private readonly starts: number[];
  private readonly bands: StyleBand[];
  private current = -1;

  constructor(rects: RangeStyleRect[]) {
    const starting = new Map<number, RangeStyleRect[]>();
    const ending = new Map<number, Set<RangeStyleRect>>();
    for (const s of rects) {
      if (s.rect.bottom < s.rect.top) continue;
      const starts = starting.get(s.rect.top);
      if (starts) starts.push(s);
      else starting.set(s.rect.top, [s]);
      const after = s.rect.bottom + 1;
      const ends = ending.get(after);
      if (ends) ends.add(s);
      else ending.set(after, new Set([s]));
    }
    this.starts = [...new Set([...starting.keys(), ...ending.keys()])].sort((a, b) => a - b);
    let active: RangeStyleRect[] = [];
    this.bands = this.starts.map((row) => {
      const ends = ending.get(row);
      const starts = starting.get(row);
      if (ends) active = active.filter((s) => !ends.has(s));
      if (starts) active = [...active, ...starts].sort((a, b) => a.index - b.index);
      return { styles: active, right: active.reduce((m, s) => Math.max(m, s.rect.right), 0) };
    });
  }

  /** The styles over `row`, which is at or below the row last asked about. */
  at(row: number): StyleBand {
    while (this.current + 1 < this.starts.length && this.starts[this.current + 1] <= row) this.current++;
    return this.current < 0 ? NO_STYLES : this.bands[this.current];
  }
}
