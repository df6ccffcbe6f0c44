/**
 * What the KPI Calc sheet's formulas show, as the engine reads the same cells with the functions those formulas
 * mirror (formulas.ts, period.ts): each row's reading (id, period text, shape, month-kind, key, figure, ratio), the
 * steps across rows (the KPI each row is, composites, the latest and previous rows found, Grey) and the reporting key.
 * They are written beside each formula, so readers that do not calculate see them. Where a cell could read
 * differently in a spreadsheet app (an error, a number Excel writes with an exponent, an id with a wildcard), the
 * result is left out (undefined), with everything that depends on it, and the file adapter calculates those.
 */
import { PlanValue } from '../sheet-plan/types';
import { CellValue } from '../workbook';
import { excelTrim, expectedEndOffset, keyEndOffset, keyFromMonthKind, keyKind, numberMonthKind, textMonthKind } from './period';

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

/** What a Calc cell shows: its value, or a formula's stored result (undefined when it has none yet). */
export function shownBy(v: PlanValue | undefined): CalcResult {
  if (v === null || v === undefined) return '';
  if (v.kind === 'text') return v.text;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'formula') return typeof v.cached === 'boolean' ? undefined : v.cached;
  return undefined;
}

/** The register's ids in upper case, each with its (first) position among them, as MATCH finds it. */
export function registerIdNumbers(ids: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!numbers.has(id.toUpperCase())) numbers.set(id.toUpperCase(), i + 1);
  });
  return numbers;
}

/**
 * The KPI number (MATCH of the id among the register's ids, blind to case as Excel's is), the composite and the key
 * counted, for one observation row. An id with a wildcard (* ? ~) or a character outside ASCII is left to be calculated.
 */
export function rowTailResults(id: CalcResult, key: CalcResult, figure: CalcResult, registerIds: ReadonlyMap<string, number>): { kpi: CalcResult; composite: CalcResult; counted: CalcResult } {
  const kpi: CalcResult = typeof id === 'string' && !/[*?~]|[^\x20-\x7e]/.test(id) ? (registerIds.get(id.toUpperCase()) ?? '') : undefined;
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
