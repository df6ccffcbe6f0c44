/** A1 ranges as rectangles of 1-based rows and columns. */
import { parseA1 } from '../../engine/workbook';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(range: string): Rect {
  const [from, to] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
