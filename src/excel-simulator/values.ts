/**
 * How Excel stores what an add-in writes through Range.values / Range.formulas: the same way as if the officer had
 * typed it. A string that looks like a number becomes a number ("1.10" → 1.1), "TRUE" a boolean, "=…", "+…", "-…"
 * and "@…" a formula, unless the cell's number format is Text ("@") or the string starts with an apostrophe. This
 * is where "text stays text" bugs hide, so the simulator reproduces it.
 */
import { invalidArgument } from './errors';
import { isoToSerial } from '../engine/excel-dates';
import { ensureCell, SimCell, SimSheet } from './state';

const NUMBER = /^\s*([-+]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?\s*(%?)\s*$/;

export function parseTypedNumber(text: string): { value: number; percent: boolean } | null {
  const m = NUMBER.exec(text);
  if (!m || (!m[2] && !m[4])) return null;
  const value = Number(`${m[1]}${(m[2] ?? '').replace(/,/g, '')}${m[4] ?? ''}${m[5] ?? ''}`);
  if (!Number.isFinite(value)) return null;
  return m[6] ? { value: value / 100, percent: true } : { value, percent: false };
}

/** Applies one input value to one cell. `null`/`undefined` leaves the cell as it is, as in Office.js. */
export function writeInput(sheet: SimSheet, row: number, col: number, input: unknown, where: string): void {
  if (input === null || input === undefined) return;
  const cell: SimCell = ensureCell(sheet, row, col);
  delete cell.formula;
  delete cell.error;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`A cell value must be a finite number (${where}).`);
    cell.value = input;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw invalidArgument(`A cell value must be a string, number or boolean (${where}).`);
  if (input === '') {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  const number = parseTypedNumber(input);
  if (number) {
    cell.value = number.value;
    if (number.percent && cell.numberFormat === undefined) cell.numberFormat = '0%';
    return;
  }
  if (input.length > 1 && /^[=+\-@]/.test(input)) {
    // A formula. The simulator does not calculate: the cached result is unknown (null), as in a file saved unrecalculated.
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = null;
    return;
  }
  if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === 'true';
    return;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(input) && !Number.isNaN(Date.parse(`${input}T00:00:00Z`))) {
    cell.value = isoToSerial(input);
    if (cell.numberFormat === undefined) cell.numberFormat = 'yyyy-mm-dd';
    return;
  }
  cell.value = input;
}

/** What Range.values returns for a cell: "" when empty, an error's text for an error. */
export function outputValue(cell: SimCell | undefined): string | number | boolean {
  if (!cell || cell.value === null) return '';
  return cell.value;
}

export function outputValueType(cell: SimCell | undefined): string {
  if (!cell || cell.value === null) return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}
