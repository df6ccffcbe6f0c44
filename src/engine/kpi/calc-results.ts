/**
 * What the KPI Calc sheet's per-row observation formulas show (id, period text, shape, month-kind, key, figure,
 * ratio), as the engine reads the same cells with the functions those formulas mirror (formulas.ts, period.ts). They
 * are written beside each formula, so readers that do not calculate see them. Where a cell could read differently in
 * a spreadsheet app (an error, a number Excel would write with an exponent), the result is left out (undefined) and
 * the file adapter calculates it. The steps across rows (rows found, latest and previous) are left to it too.
 */
import { CellValue } from '../workbook';
import { excelTrim, keyFromMonthKind, numberMonthKind, textMonthKind } from './period';

/** A stored result: "" for a formula that shows nothing; undefined when the engine leaves it to be calculated. */
export type CalcResult = number | string | undefined;

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as a formula sees it: a number (dates are serial numbers), text, or undefined for an error or a doubt. */
function asFormulaSees(value: CellValue | undefined): number | string | boolean | null | undefined {
  if (!value) return null;
  if (value.type === 'date') {
    const [y, m, d] = value.value.split('-').map(Number);
    return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / DAY_MS);
  }
  if (value.type === 'error') return undefined;
  return value.value;
}

/** `cell & ""`: Excel writes a number with up to 15 significant digits, without an exponent in this range. */
function joined(v: number | string | boolean | null | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v) || Math.abs(v) >= 1e15 || (v !== 0 && Math.abs(v) < 1e-4)) return undefined;
  return String(Number(v.toPrecision(15)));
}

/** Every digit written as 9, as shapeFormula does. */
const shape = (t: string): string => t.replace(/[0-8]/g, '9');

export interface LongRowCells {
  id: CellValue | undefined;
  period: CellValue | undefined;
  /** undefined: the block has no such column. */
  numerator?: CellValue;
  denominator?: CellValue;
  value?: CellValue;
}

export interface LongRowResults {
  id: CalcResult;
  text: CalcResult;
  shape: CalcResult;
  monthKind: CalcResult;
  key: CalcResult;
  figure: CalcResult;
  ratio: CalcResult;
}

/** ISNUMBER(cell) and the number: an error, text or TRUE is no number (ISNUMBER does not pass an error on). */
function numberIn(value: CellValue | undefined): number | null {
  const v = asFormulaSees(value);
  return typeof v === 'number' ? v : null;
}

/** The figure and ratio formulas' results (IFERROR(IF(both, IF(den = 0, value, num ÷ den), value), "")). */
function figureOf(cells: LongRowCells, columns: { ratio: boolean; value: boolean }, valueFactor: number): { figure: CalcResult; ratio: CalcResult } {
  const val = columns.value ? numberIn(cells.value) : null;
  const valueOr: CalcResult = val === null ? '' : valueFactor !== 1 ? val * valueFactor : val;
  const num = columns.ratio ? numberIn(cells.numerator) : null;
  const den = columns.ratio ? numberIn(cells.denominator) : null;
  if (num === null || den === null) return { figure: valueOr, ratio: 0 };
  return den === 0 ? { figure: valueOr, ratio: 0 } : { figure: num / den, ratio: 1 };
}

/** The results of a long data row's observation formulas. */
export function longRowResults(cells: LongRowCells, columns: { ratio: boolean; value: boolean }, valueFactor: number): LongRowResults {
  const idText = joined(asFormulaSees(cells.id));
  const period = asFormulaSees(cells.period);
  const text = joined(period);
  const upper = text === undefined ? undefined : excelTrim(text).toUpperCase();
  let monthKind: CalcResult;
  if (period === undefined) monthKind = '';
  else if (typeof period === 'number') monthKind = numberMonthKind(period) ?? '';
  else monthKind = upper === undefined ? undefined : (textMonthKind(upper) ?? '');
  const key: CalcResult = monthKind === undefined ? undefined : typeof monthKind === 'number' ? (keyFromMonthKind(monthKind) ?? '') : '';
  return {
    id: idText === undefined ? undefined : excelTrim(idText),
    text: upper,
    shape: upper === undefined ? undefined : shape(upper),
    monthKind,
    key,
    ...figureOf(cells, columns, valueFactor),
  };
}

/** The result of a wide scorecard cell's figure formula: IF(ISNUMBER(cell), cell × factor, ""). */
export function wideFigureResult(value: CellValue | undefined, factor: number): CalcResult {
  const v = numberIn(value);
  return v === null ? '' : factor !== 1 ? v * factor : v;
}
