/**
 * A tiny builder for in-memory WorkbookModel objects, so structuring tests can lay out a sheet as rows of values.
 *
 *   sheet('Action Plan', [
 *     ['Improvement plan 2025/26'],
 *     ['Ref', 'Action', 'Lead'],
 *     ['1.1', 'Do the thing', 'Head of Service'],
 *   ], { merges: ['A1:C1'] })
 *
 * Rows are 1-based from the first array entry; a value of null (or a missing trailing value) is an empty cell.
 * Cell forms: a string is text, a number is a number, { date: 'YYYY-MM-DD' } is a real date cell, and
 * { v, bold } is a bold text/number cell.
 */
import { CellModel, CellValue, MergedArea, parseA1, SheetModel, WorkbookModel } from '../../src/engine/workbook';

export type CellInput = string | number | null | undefined | { date: string } | { v: string | number; bold?: boolean };

export interface SheetOptions {
  /** Merged areas in A1 form, e.g. 'A1:D1'. */
  merges?: string[];
  /** Extra cells placed anywhere (e.g. a stray value at XFD1048576). */
  extra?: { address: string; value: string | number }[];
  hiddenRows?: number[];
}

function toValue(input: Exclude<CellInput, null | undefined>): { value: CellValue; bold?: boolean } {
  if (typeof input === 'string') return { value: { type: 'text', value: input } };
  if (typeof input === 'number') return { value: { type: 'number', value: input } };
  if ('date' in input) return { value: { type: 'date', value: input.date } };
  const inner = toValue(input.v);
  return { value: inner.value, bold: input.bold };
}

export function parseRange(range: string): MergedArea {
  const [from, to] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export function sheet(name: string, rows: CellInput[][], options: SheetOptions = {}): SheetModel {
  const cells: CellModel[] = [];
  rows.forEach((row, i) => {
    row.forEach((input, j) => {
      if (input === null || input === undefined || input === '') return;
      const { value, bold } = toValue(input);
      const cell: CellModel = { row: i + 1, col: j + 1, value };
      if (bold) cell.bold = true;
      cells.push(cell);
    });
  });
  for (const extra of options.extra ?? []) {
    const { row, col } = parseA1(extra.address);
    const { value } = toValue(extra.value);
    cells.push({ row, col, value });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    name,
    cells,
    merges: (options.merges ?? []).map(parseRange),
    hiddenRows: options.hiddenRows ?? [],
    hiddenColumns: [],
    visibility: 'visible',
  };
}

export function workbook(...sheets: SheetModel[]): WorkbookModel {
  return { sheets };
}
