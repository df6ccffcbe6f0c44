/** Numbers as cells hold them: Excel's ISNUMBER view, percentage formats, tolerances and targets as written. */
import { Tolerance } from '../../schema';
import { isoToSerial } from '../../excel-dates';
import { CellModel, CellValue } from '../../workbook';

/** A cell's number as Excel's ISNUMBER sees it: numbers, and dates (serial numbers underneath). */
export function numberOf(value: CellValue | undefined): number | null {
  if (!value) return null;
  if (value.type === 'number') return value.value;
  if (value.type === 'date') return isoToSerial(value.value);
  return null;
}

export function isPercentFormat(cell: CellModel | undefined): boolean {
  return !!cell?.numFmt && /%/.test(cell.numFmt.replace(/"[^"]*"/g, ''));
}


/**
 * A tolerance as written. A number below 1 is a fraction of target (0.1 = 10%), a number from 1 up is a percentage
 * (5 = 5%), unless the column says it is in points; text says what it is ("5%", "±2", "2 pts", "3 days").
 * Mirrors `toleranceFormula` in register-sheet.ts for number cells.
 */
export function parseTolerance(value: CellValue | undefined, absoluteColumn: boolean): Tolerance | null {
  const n = numberOf(value);
  if (n !== null) {
    if (n < 0) return null;
    if (absoluteColumn) return { kind: 'absolute', value: n };
    return { kind: 'relative', value: n < 1 ? n : n / 100 };
  }
  if (value?.type !== 'text') return null;
  const t = value.value.trim();
  const m = /^[±+]?\s*(\d+(?:\.\d+)?)\s*(%|pc|per ?cent)?\s*(pts?|points?|pp|percentage points?|days?|units?|abs(?:olute)?)?\s*$/i.exec(t);
  if (!m) return null;
  const v = Number(m[1]);
  if (m[3] || /^[±+]/.test(t) || absoluteColumn) return { kind: 'absolute', value: v };
  if (m[2]) return { kind: 'relative', value: v / 100 };
  return { kind: 'relative', value: v < 1 ? v : v / 100 };
}
