/**
 * Moves a whole sheet plan down by some rows, as inserting rows above it in a spreadsheet would: values, styles,
 * merges, formats, data bars, charts, heights, the frozen rows and the print titles all move, and so do the
 * references in its formulas and rule expressions (to its own cells; references to other sheets stay).
 */
import { SheetPlan } from './types';

/** A reference to the sheet's own cells or ranges ("B9", "$B$9", "B9:B12"), or to another sheet's (kept as is). */
const REFERENCE = /"(?:[^"]|"")*"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?(?![\w(])/g;

/** A formula or rule expression with its references to its own sheet moved down `by` rows. */
export function shiftFormula(formula: string, by: number): string {
  return formula.replace(REFERENCE, (whole: string, sheet: string | undefined, col: string, row: string, col2: string | undefined, row2: string | undefined, at: number) => {
    // Strings, other sheets' cells, and names that merely end in digits ("LOG10", "Q1") stay.
    if (whole.startsWith('"') || sheet || (at > 0 && /[\w.$]/.test(formula[at - 1]))) return whole;
    return `${col}${Number(row) + by}${col2 ? `:${col2}${Number(row2) + by}` : ''}`;
  });
}

/** "B9" or "A8:F12" moved down `by` rows. */
export function shiftRange(range: string, by: number): string {
  return range.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_whole, col: string, row: string) => `${col}${Number(row) + by}`);
}

/** "1:1" (rows to repeat on every printed page) moved down `by` rows. */
function shiftRowSpan(rows: string, by: number): string {
  return rows.replace(/\d+/g, (row) => String(Number(row) + by));
}

/** Moves everything on the sheet down `by` rows, in place; rows 1 to `by` are left empty for the caller to fill. */
export function shiftSheetDown(sheet: SheetPlan, by: number): void {
  // Only rows with formulas are copied: a board sheet of 25,000 exceptions copied every row, and the copies lived
  // until the sheet was written.
  const moved = (row: SheetPlan['rows'][number]) => (row?.some((v) => v?.kind === 'formula') ? row.map((v) => (v?.kind === 'formula' ? { ...v, formula: shiftFormula(v.formula, by) } : v)) : row);
  sheet.rows = [...Array.from({ length: by }, () => []), ...sheet.rows.map(moved)];
  sheet.styles = sheet.styles.map((s) => ({ ...s, range: shiftRange(s.range, by) }));
  sheet.merges = sheet.merges.map((m) => shiftRange(m, by));
  sheet.validations = sheet.validations.map((v) => ({ ...v, range: shiftRange(v.range, by) }));
  sheet.conditionalFormats = sheet.conditionalFormats.map((cf) => ({
    range: shiftRange(cf.range, by),
    rules: cf.rules.map((rule) => ({ ...rule, expression: shiftFormula(rule.expression, by) })),
  }));
  sheet.dataBars = sheet.dataBars.map((bar) => ({ ...bar, range: shiftRange(bar.range, by) }));
  if (sheet.charts) sheet.charts = sheet.charts.map((c) => ({ ...c, source: shiftRange(c.source, by), from: shiftRange(c.from, by), to: shiftRange(c.to, by) }));
  if (sheet.table) sheet.table = { ...sheet.table, range: shiftRange(sheet.table.range, by) };
  if (sheet.rowHeights) {
    const heights: Record<number, number> = {};
    for (const row in sheet.rowHeights) heights[Number(row) + by] = sheet.rowHeights[row];
    sheet.rowHeights = heights;
  }
  if (sheet.freeze?.rows) sheet.freeze = { ...sheet.freeze, rows: sheet.freeze.rows + by };
  if (sheet.page?.printTitleRows) sheet.page = { ...sheet.page, printTitleRows: shiftRowSpan(sheet.page.printTitleRows, by) };
}
