/**
 * What the KPI Calc sheet's formulas show, as the engine reads the same cells with the functions those formulas
 * mirror (formulas.ts, period.ts, id-match.ts): each row's reading (id, period text, shape, month-kind, key, figure,
 * ratio), the steps across rows (the KPI each row is, composites, the latest and previous rows found, Grey) and the
 * reporting key. They are written beside each formula, so readers that do not calculate see them. An error in a cell
 * read (#N/A) is passed on as Excel passes it on: a stored error is a result too. Where apps could differ (an id longer
 * than MATCH takes, one only a looser comparison calls the same as a register id, a period text with a letter such as
 * "ß" that UPPER writes differently), the result is left out
 * (undefined), with everything that depends on it, and the file asks the spreadsheet app to calculate on opening.
 */
import { isoToSerial } from '../excel-dates';
import { PlanValue } from '../sheet-plan/types';
import { CellValue } from '../workbook';
import { simplyCased } from './id-match';
import { excelTrim, expectedEndOffset, keyEndOffset, keyFromMonthKind, keyKind, numberMonthKind, textMonthKind } from './period';

/** An error a formula shows, such as #N/A: stored as the cell's result (t="e" in a file). */
export interface ErrorResult {
  error: string;
}

/** A stored result: "" for a formula that shows nothing; undefined when the engine leaves it to be calculated. */
export type CalcResult = number | string | ErrorResult | undefined;

export const isError = (v: unknown): v is ErrorResult => typeof v === 'object' && v !== null && 'error' in v;

/** The errors every spreadsheet app stores and passes on alike (newer ones such as #SPILL! are not in the file format). */
const CLASSIC_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

type Seen = number | string | boolean | null | ErrorResult | undefined;

/** A cell as a formula sees it: a number (dates are serial numbers), text, TRUE/FALSE, an error, or undefined for a doubt. */
function asFormulaSees(value: CellValue | undefined): Seen {
  if (!value) return null;
  if (value.type === 'date') return isoToSerial(value.value);
  if (value.type === 'error') return CLASSIC_ERRORS.has(value.value.toUpperCase()) ? { error: value.value.toUpperCase() } : undefined;
  return value.value;
}

/**
 * Whether every app writes the number joined into text (`cell & ""`) as JavaScript does: up to 15 significant digits
 * and no exponent. Beyond that they differ (1E+20 in Excel, 1E+020 in LibreOffice, 100000000000000000000 in
 * HyperFormula; 1E-05 in Excel, 0.00001 elsewhere), so the Calc sheet never joins such a number (see register-sheet.ts).
 */
export function joinsAlike(v: number): boolean {
  const size = Math.abs(v);
  if (!Number.isFinite(v) || (size !== 0 && (size < 1e-4 || size >= 1e15))) return false;
  const written = String(size);
  return !written.includes('e') && written.replace('.', '').replace(/^0+/, '').length <= 15;
}

/** `cell & ""`, for text, TRUE/FALSE and numbers every app joins alike; an error passes on. */
function joined(v: Seen): string | ErrorResult | undefined {
  if (v === undefined || isError(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return joinsAlike(v) ? String(v) : undefined;
}

/** A text function applied to a result: an error passes on, a doubt stays one. */
function onText(v: string | ErrorResult | undefined, f: (t: string) => string): string | ErrorResult | undefined {
  return typeof v === 'string' ? f(v) : v;
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
  // A figure too large for a number is #NUM!, which IFERROR shows as nothing.
  const finite = (v: number): CalcResult => (Number.isFinite(v) ? v : '');
  const valueOr: CalcResult = val === null ? '' : finite(val * valueFactor);
  const num = columns.ratio ? numberIn(cells.numerator) : null;
  const den = columns.ratio ? numberIn(cells.denominator) : null;
  if (num === null || den === null) return { figure: valueOr, ratio: 0 };
  return den === 0 ? { figure: valueOr, ratio: 0 } : { figure: finite(num / den), ratio: 1 };
}

/**
 * The results of a long data row's observation formulas. The period text is that of a text cell only (a number or
 * date is read as one by the month-kind formula, and its text would differ between apps: periodTextFormula).
 */
export function longRowResults(cells: LongRowCells, columns: { ratio: boolean; value: boolean }, valueFactor: number): LongRowResults {
  const period = asFormulaSees(cells.period);
  const trimmed = typeof period === 'number' ? '' : onText(joined(period), excelTrim);
  // UPPER of a letter with no simple upper case ("ß": "SS" in JavaScript, "ß" in Excel) differs between apps: the
  // period text and its shape are left to be calculated.
  const spelledAlike = typeof trimmed !== 'string' || simplyCased(trimmed);
  const text = spelledAlike ? onText(trimmed, (t) => t.toUpperCase()) : undefined;
  let monthKind: CalcResult;
  // IFERROR around it: a period cell holding an error is no period.
  if (isError(period) || period === null) monthKind = '';
  else if (typeof period === 'number') monthKind = numberMonthKind(period) ?? '';
  else if (typeof trimmed === 'string' && !spelledAlike) monthKind = periodInNeitherSpelling(trimmed) ? '' : undefined;
  else monthKind = typeof text === 'string' ? (textMonthKind(text) ?? '') : undefined;
  const key: CalcResult = monthKind === undefined ? undefined : typeof monthKind === 'number' ? (keyFromMonthKind(monthKind) ?? '') : '';
  return {
    id: onText(joined(asFormulaSees(cells.id)), excelTrim),
    text,
    shape: onText(text, shape),
    monthKind,
    key,
    ...figureOf(cells, columns, valueFactor),
  };
}

/** Whether a text is no period whichever way UPPER writes its letters with no simple upper case (as JavaScript, or kept). */
function periodInNeitherSpelling(trimmed: string): boolean {
  const kept = [...trimmed].map((c) => (simplyCased(c) ? c.toUpperCase() : c)).join('');
  return textMonthKind(trimmed.toUpperCase()) === null && textMonthKind(kept) === null;
}

/** The result of a wide scorecard cell's figure formula: IF(ISNUMBER(cell), cell × factor, ""). */
export function wideFigureResult(value: CellValue | undefined, factor: number): CalcResult {
  const v = numberIn(value);
  if (v === null) return '';
  return Number.isFinite(v * factor) ? v * factor : { error: '#NUM!' };
}

/** What a Calc cell shows: its value, or a formula's stored result (undefined when it has none yet). */
export function shownBy(v: PlanValue | undefined): CalcResult {
  if (v === null || v === undefined) return '';
  if (v.kind === 'text') return v.text;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'formula') return typeof v.cached === 'boolean' ? undefined : v.cached;
  return undefined;
}

/**
 * The KPI number (MATCH of the id's key among the register ids' keys: id-match.ts), the composite and the key counted,
 * for one observation row. An id that is an error is no KPI's (IFERROR).
 */
export function rowTailResults(id: CalcResult, key: CalcResult, figure: CalcResult, kpiOf: (id: string) => number | '' | undefined): { kpi: CalcResult; composite: CalcResult; counted: CalcResult } {
  const kpi: CalcResult = isError(id) ? '' : typeof id === 'number' ? kpiOf(String(id)) : id === undefined ? undefined : kpiOf(id);
  if (kpi === undefined || key === undefined || figure === undefined) return { kpi, composite: undefined, counted: undefined };
  const composite = typeof key === 'number' && typeof figure === 'number' && typeof kpi === 'number' ? kpi * 10000 + key : '';
  return { kpi, composite, counted: composite === '' ? '' : key };
}

export interface ObservationShown {
  composite: CalcResult;
  figure: CalcResult;
  ratio: CalcResult;
  counted: CalcResult;
}

/** The reporting key used: the one from settings when it is a number, else the latest key with a figure (MAX). */
export function reportingKeyResult(fromSettings: CalcResult, observations: readonly ObservationShown[]): CalcResult {
  if (typeof fromSettings === 'number') return fromSettings;
  if (fromSettings === undefined || observations.some((o) => o.counted === undefined)) return undefined;
  return Math.max(0, ...observations.map((o) => (typeof o.counted === 'number' ? o.counted : 0)));
}

type PerKpi = 'latest' | 'latestKey' | 'latestRow' | 'previous' | 'previousKey' | 'previousRow' | 'scale' | 'latestValue' | 'previousValue' | 'grey';

/**
 * The per-KPI steps for KPI number `k` (see register-sheet.ts): the latest composite at or before the reporting key
 * (LARGE over COUNTIF), its row (MATCH, the first), the one before it, the unit's scale, the values and Grey.
 * Undefined throughout when any row's composite is not known.
 */
export function perKpiResults(k: number, unit: string, reportingKey: CalcResult, observations: readonly ObservationShown[], composites: readonly number[]): Record<PerKpi, CalcResult> {
  const none = { latest: undefined, latestKey: undefined, latestRow: undefined, previous: undefined, previousKey: undefined, previousRow: undefined, scale: undefined, latestValue: undefined, previousValue: undefined, grey: undefined };
  if (typeof reportingKey !== 'number' || observations.some((o) => o.composite === undefined)) return none;
  // LARGE(H, COUNTIF(H, ">"&cap) + 1): the largest composite at or below cap, or 0 (IFERROR) when there is none.
  const atOrBelow = (cap: number) => composites.reduce((best, c) => (c <= cap && c > best ? c : best), -Infinity);
  const found = (cap: number) => (Number.isFinite(atOrBelow(cap)) ? atOrBelow(cap) : 0);
  const rowOf = (composite: number) => observations.findIndex((o) => o.composite === composite) + 1;
  const keyOf = (composite: number) => (composite > k * 10000 ? composite - k * 10000 : 0);
  const scale = unit.toLowerCase() === 'percentage' ? 100 : unit.toLowerCase() === 'rate per 100,000' ? 100000 : 1;
  const valueAt = (row: number): CalcResult => {
    if (row === 0) return '';
    const o = observations[row - 1];
    return typeof o.figure === 'number' ? o.figure * (o.ratio === 1 ? scale : 1) : undefined;
  };
  const latest = found(k * 10000 + reportingKey);
  const latestKey = keyOf(latest);
  const latestRow = latestKey === 0 ? 0 : rowOf(latest);
  const previous = latestKey === 0 ? 0 : found(latest - 1);
  const previousKey = keyOf(previous);
  const previousRow = previousKey === 0 ? 0 : rowOf(previous);
  const grey = latestKey === 0 || keyEndOffset(latestKey) < expectedEndOffset(keyKind(latestKey), reportingKey) ? 1 : 0;
  return { latest, latestKey, latestRow, previous, previousKey, previousRow, scale, latestValue: valueAt(latestRow), previousValue: valueAt(previousRow), grey };
}
