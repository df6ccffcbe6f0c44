/** Range formats: the format, font, fill and borders proxies. */
import { cellCount } from '../excel/address';
import { defineProps, SimClientObject } from './context';
import { invalidArgument, SimulatorError } from './errors';
import { DEFAULT_COLUMN_WIDTH_POINTS, ensureCell, getCell, SimCellFormat } from './state';
import { q, RangeTarget, address, currentContext, colour } from './shared';

const FORMAT_CELL_LIMIT = 2_000_000;

function eachFormat(t: RangeTarget, fn: (format: SimCellFormat, row: number, col: number) => void): void {
  if (cellCount(t.rect) > FORMAT_CELL_LIMIT) {
    throw new SimulatorError('NotImplemented', `The simulator does not model formatting whole rows or columns (${address(t)}); format the cells in use.`);
  }
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
      const cell = ensureCell(t.sheet, r, c);
      fn((cell.format ??= {}), r, c);
    }
  }
}

function uniform(t: RangeTarget, fn: (format: SimCellFormat) => unknown, fallback: unknown): unknown {
  if (cellCount(t.rect) > FORMAT_CELL_LIMIT) return null;
  let seen: unknown = undefined;
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
      const v = fn(getCell(t.sheet, r, c)?.format ?? {}) ?? fallback;
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
  }
  return seen ?? fallback;
}

export class SimRangeFormat extends SimClientObject<RangeTarget> {
  declare wrapText: boolean | null;
  declare horizontalAlignment: string | null;
  declare verticalAlignment: string | null;
  declare columnWidth: number | null;
  get font(): SimRangeFont {
    return new SimRangeFont(this.context, `${this._path}.font`, () => this._target());
  }
  get fill(): SimRangeFill {
    return new SimRangeFill(this.context, `${this._path}.fill`, () => this._target());
  }
  get borders(): SimRangeBorderCollection {
    return new SimRangeBorderCollection(this.context, `${this._path}.borders`, () => this._target());
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], () => undefined);
  }
}
const ALIGN_H = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const ALIGN_V = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
defineProps<RangeTarget>(SimRangeFormat, {
  wrapText: { get: (t) => uniform(t, (f) => f.wrap, false), set: (t, v) => eachFormat(t, (f) => (f.wrap = !!v)) },
  horizontalAlignment: {
    get: (t) => uniform(t, (f) => f.horizontal, 'General'),
    set: (t, v) => {
      if (!ALIGN_H.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a horizontal alignment.`);
      eachFormat(t, (f) => (f.horizontal = String(v)));
    },
  },
  verticalAlignment: {
    get: (t) => uniform(t, (f) => f.vertical, 'Bottom'),
    set: (t, v) => {
      if (!ALIGN_V.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a vertical alignment.`);
      eachFormat(t, (f) => (f.vertical = String(v)));
    },
  },
  columnWidth: {
    get: (t) => {
      const widths = new Set<number>();
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, 1000); c++) widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS);
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t, v) => {
      currentContext?.require('1.2', 'RangeFormat.columnWidth');
      const points = Number(v);
      if (!Number.isFinite(points) || points < 0 || points > 1800) throw invalidArgument(`Column width ${String(v)} points is out of range.`);
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, points);
    },
  },
});

export class SimRangeFont extends SimClientObject<RangeTarget> {
  declare bold: boolean | null;
  declare italic: boolean | null;
  declare size: number | null;
  declare color: string | null;
}
defineProps<RangeTarget>(SimRangeFont, {
  bold: { get: (t) => uniform(t, (f) => f.bold, false), set: (t, v) => eachFormat(t, (f) => (f.bold = !!v)) },
  italic: { get: (t) => uniform(t, (f) => f.italic, false), set: (t, v) => eachFormat(t, (f) => (f.italic = !!v)) },
  size: { get: (t) => uniform(t, (f) => f.size, 11), set: (t, v) => eachFormat(t, (f) => (f.size = Number(v))) },
  color: { get: (t) => uniform(t, (f) => f.color, '#000000'), set: (t, v) => eachFormat(t, (f) => (f.color = colour(v))) },
  name: { get: () => 'Calibri', set: () => undefined },
});

export class SimRangeFill extends SimClientObject<RangeTarget> {
  declare color: string | null;
  clear(): void {
    this._call('clear', [], (t) => eachFormat(t, (f) => delete f.fill));
  }
}
defineProps<RangeTarget>(SimRangeFill, {
  color: { get: (t) => uniform(t, (f) => f.fill, '#FFFFFF'), set: (t, v) => eachFormat(t, (f) => (f.fill = colour(v))) },
});

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class SimRangeBorderCollection extends SimClientObject<RangeTarget> {
  getItem(index: string): SimRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalidArgument(`"${index}" is not a border index.`);
    return new SimRangeBorder(this.context, `${this._path}.getItem(${q(index)})`, () => ({ ...this._target(), index }));
  }
}

type BorderTarget = RangeTarget & { index: string };

/** Which cell sides a border index touches: top/bottom/left/right of the cells on that edge or inside. */
function borderSides(t: BorderTarget, row: number, col: number): string[] {
  const { rect } = t;
  const top = row === rect.row;
  const bottom = row === rect.row + rect.rows - 1;
  const left = col === rect.col;
  const right = col === rect.col + rect.cols - 1;
  switch (t.index) {
    case 'EdgeTop':
      return top ? ['top'] : [];
    case 'EdgeBottom':
      return bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return left ? ['left'] : [];
    case 'EdgeRight':
      return right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(top ? [] : ['top']), ...(bottom ? [] : ['bottom'])];
    case 'InsideVertical':
      return [...(left ? [] : ['left']), ...(right ? [] : ['right'])];
    default:
      return [t.index];
  }
}

function setBorder(t: BorderTarget, key: 'style' | 'color' | 'weight', value: string): void {
  eachFormat(t, (f, r, c) => {
    for (const side of borderSides(t, r, c)) {
      f.borders ??= {};
      const b = (f.borders[side] ??= { style: 'Continuous', color: '#000000', weight: 'Thin' });
      b[key] = value;
    }
  });
}

export class SimRangeBorder extends SimClientObject<BorderTarget> {
  declare style: string;
  declare color: string | null;
  declare weight: string | null;
}
defineProps<BorderTarget>(SimRangeBorder, {
  style: {
    get: (t) => getCell(t.sheet, t.rect.row, t.rect.col)?.format?.borders?.[borderSides(t, t.rect.row, t.rect.col)[0]]?.style ?? 'None',
    set: (t, v) => setBorder(t, 'style', String(v)),
  },
  color: { get: () => null, set: (t, v) => setBorder(t, 'color', colour(v)) },
  weight: { get: () => null, set: (t, v) => setBorder(t, 'weight', String(v)) },
});
