/**
 * Recognises the header rows of KPI sheets, whatever the sheet is called: a register (one row per KPI), long data
 * (one row per KPI per period: "KPI ID | Period | Numerator | Denominator | Value | Note") and the wide scorecards
 * officers already keep (one column per period, "Good is", "Target 2025/26", the ASCOF code in the indicator's name).
 */
import { normalise, tidy } from '../text';
import { SheetGrid } from '../workbook';
import { financialYearIn, periodLabel } from './period';
import { readFigure } from './read/typed-numbers';
import { headerPeriod, HeaderPeriod, marksProvisional } from './period-words';

export type KpiField =
  | 'id'
  | 'name'
  | 'code'
  | 'unit'
  | 'polarity'
  | 'frequency'
  | 'baseline'
  | 'target'
  | 'tolerance'
  | 'lead'
  | 'period'
  | 'numerator'
  | 'denominator'
  | 'value'
  | 'note'
  | 'rag'
  | 'direction';

const SYNONYMS: Record<Exclude<KpiField, 'baseline' | 'target' | 'tolerance'>, readonly string[]> = {
  id: ['kpi id', 'id', 'ref', 'kpi ref', 'reference', 'kpi reference', 'kpi no', 'kpi number', 'pi ref', 'pi no', 'indicator id', 'indicator ref', 'measure id', 'measure ref', 'local ref', 'local id', 'no', 'kpi code'],
  name: ['name', 'kpi name', 'kpi', 'indicator', 'indicator name', 'measure', 'measure name', 'description', 'kpi description', 'performance indicator', 'key performance indicator', 'title', 'kpi title', 'performance measure', 'metric', 'indicator description', 'measure description'],
  code: ['code', 'ascof', 'ascof code', 'ascof ref', 'ascof reference', 'ascof measure', 'framework code', 'framework ref', 'framework reference', 'national indicator', 'national code'],
  unit: ['unit', 'units', 'unit of measure', 'measure type', 'format', 'type', 'data type', 'kpi type'],
  polarity: ['good is', 'polarity', 'good performance is', 'better is', 'good performance', 'aim', 'desired direction', 'direction of good performance', 'good direction', 'higher or lower is better', 'what good looks like', 'is higher better', 'aim to', 'better if', 'good if', 'better when', 'higher or lower', 'high or low', 'good is high or low', 'higher is better', 'lower is better', 'direction of improvement', 'preferred direction'],
  frequency: ['frequency', 'reporting frequency', 'period type', 'reported', 'how often'],
  lead: ['lead', 'owner', 'lead officer', 'responsible officer', 'kpi owner', 'accountable officer', 'responsible', 'lead manager', 'service lead', 'indicator owner', 'data owner'],
  period: ['period', 'reporting period', 'quarter', 'month', 'year', 'date', 'period ending', 'time period', 'financial quarter'],
  numerator: ['numerator', 'num'],
  denominator: ['denominator', 'denom'],
  value: ['value', 'actual', 'result', 'performance', 'outturn', 'figure', 'actual value', 'current value', 'data value', 'measure value', 'indicator value'],
  rag: ['rag', 'rag status', 'rag rating', 'status', 'rating', 'performance status', 'current rag', 'latest rag', 'rag rating latest'],
  direction: ['direction of travel', 'dot', 'trend', 'direction', 'travel', 'direction of travel dot', 'trend since last period', 'improving or worsening', 'better or worse'],
  note: ['note', 'notes', 'comment', 'comments', 'commentary', 'narrative', 'explanation', 'data note'],
};

const INDEX = new Map<string, KpiField>();
for (const [field, phrases] of Object.entries(SYNONYMS) as [KpiField, readonly string[]][]) for (const p of phrases) INDEX.set(normalise(p), field);

export interface KpiColumn {
  col: number;
  label: string;
  field: KpiField | 'period-column' | null;
  /** For a period column: the period it holds. */
  period?: HeaderPeriod;
  /** For a target or baseline column: the financial year named in the header ("Target 2025/26"), if any. */
  year?: number | null;
  /** For a tolerance column: values are in the KPI's unit ("Tolerance (points)"), not a fraction of target. */
  absolute?: boolean;
}

/** The field a header label names outright: a known label word for word, or a target, baseline or tolerance column. */
export function kpiFieldExact(label: string): { field: KpiField; year?: number | null; absolute?: boolean } | null {
  const text = tidy(label);
  const h = normalise(text);
  if (!h || h.length > 60) return null;
  if (/\btarget\b/.test(h)) return { field: 'target', year: financialYearIn(text) };
  if (/\bbaseline\b/.test(h)) return { field: 'baseline', year: financialYearIn(text) };
  if (/\b(tolerance|threshold)\b/.test(h)) return { field: 'tolerance', absolute: /\b(abs|absolute|points?|pts|pp|units?)\b/.test(h) };
  // "RAG Q2", "Q2 RAG rating", "DoT (vs last quarter)": one per period is common; the last one is the latest.
  if (/\brag\b/.test(h)) return { field: 'rag' };
  if (/\b(direction of travel|dot)\b/.test(h)) return { field: 'direction' };
  const exact = INDEX.get(h);
  return exact ? { field: exact } : null;
}

/** "KPI ID (local)", "Performance indicator description": a known phrase inside a longer label. */
export function kpiFieldContained(label: string): KpiField | null {
  const h = normalise(tidy(label));
  if (!h || h.length > 60) return null;
  let best: { field: KpiField; length: number } | null = null;
  for (const [phrase, field] of INDEX) {
    if (phrase.length < 4) continue;
    if (` ${h} `.includes(` ${phrase} `) && (!best || phrase.length > best.length)) best = { field, length: phrase.length };
  }
  return best ? best.field : null;
}

export type KpiSheetKind = 'register' | 'long' | 'wide';

export interface KpiHeader {
  kind: KpiSheetKind;
  row: number;
  columns: KpiColumn[];
  /** The first column of each field (period columns are listed in `periods`). */
  byField: Partial<Record<KpiField, KpiColumn>>;
  /** Every target column, for scorecards that keep one per year. */
  targets: KpiColumn[];
  /** Period columns of a wide scorecard, in column order. */
  periods: KpiColumn[];
}

function labelsOf(grid: SheetGrid, row: number): { col: number; label: string }[] {
  const out: { col: number; label: string }[] = [];
  for (let c = 1; c <= grid.maxCol; c++) {
    const t = grid.text(row, c);
    if (t) out.push({ col: c, label: t });
  }
  return out;
}

/**
 * The financial year a bare "Q3" or "Apr" header belongs to: the year of a "Target 2025/26" column, else one named
 * in the title rows above the header, else the year after the last full year shown ("2024/25 outturn | Q1 | Q2"),
 * else the latest year of the quarters written in full (the next one, if the bare quarters would repeat them), else
 * `fallback`.
 */
function inferFinancialYear(labels: { label: string }[], titleYear: number | null, fallback: number | null): number | null {
  const explicitQuarters: number[] = [];
  const bareQuarters: number[] = [];
  let lastFullYear: number | null = null;
  let targetYear: number | null = null;
  for (const { label } of labels) {
    const field = kpiFieldExact(label);
    if (field?.field === 'target' && field.year) targetYear = Math.max(targetYear ?? 0, field.year);
    if (field) continue;
    const p = headerPeriod(label, null);
    if (!p) {
      const bare = headerPeriod(label, 2000);
      if (bare && bare.label.startsWith('Q')) bareQuarters.push(Number(bare.label[1]));
      continue;
    }
    if (/^\d{4}\//.test(p.label)) lastFullYear = Math.max(lastFullYear ?? 0, Number(p.label.slice(0, 4)));
    else if (/^Q/.test(p.label)) explicitQuarters.push(Number(/ (\d{4})\//.exec(p.label)![1]) * 10 + Number(p.label[1]));
  }
  if (targetYear) return targetYear;
  if (titleYear) return titleYear;
  if (lastFullYear) return lastFullYear + 1;
  if (explicitQuarters.length) {
    const year = Math.floor(Math.max(...explicitQuarters) / 10);
    return bareQuarters.some((q) => explicitQuarters.includes(year * 10 + q)) ? year + 1 : year;
  }
  return fallback;
}

/**
 * The financial year of each column under a band of years in the row above ("2024/25" merged over "Q1 … Q4", or
 * written over the first of them and running until the next): bare quarters and months belong to their band.
 */
function yearBands(grid: SheetGrid, row: number): Map<number, number> {
  const out = new Map<number, number>();
  if (row <= 1) return out;
  let band: number | null = null;
  for (let c = 1; c <= grid.maxCol; c++) {
    const text = grid.text(row - 1, c);
    // A band sits over bare periods; a title over the table's first columns is not one.
    const overBarePeriod = !!headerPeriod(grid.text(row, c), 2000) && !headerPeriod(grid.text(row, c), null);
    if (text) band = overBarePeriod ? financialYearIn(text) : null;
    if (band !== null) out.set(c, band);
  }
  return out;
}

/** Rows under a header looked at to tell what an unknown column holds. */
const CONTENT_ROWS = 20;

/**
 * Whether the columns headed as figures (a long table's "Value", "Result", "Numerator"; a wide table's periods) hold
 * figures below the header: numbers, numbers typed as text, or suppressed markers, more than words. A plan's
 * "Result for residents" column of outcomes in words is no column of values, whatever its header says.
 */
function holdsFigures(grid: SheetGrid, row: number, columns: readonly KpiColumn[], emptyIsFigures = false): boolean {
  let figures = 0;
  let words = 0;
  for (const r of grid.rowNumbers) {
    if (r <= row) continue;
    if (r > row + CONTENT_ROWS) break;
    for (const c of columns) {
      const cell = grid.own(r, c.col);
      if (cell?.value.type === 'date') {
        words++;
        continue;
      }
      const f = readFigure(cell, 1);
      if (f.value !== null || f.missing) figures++;
      else if (f.unreadable) words++;
    }
  }
  return (figures > 0 || (emptyIsFigures && !words)) && figures >= words;
}

/**
 * Period columns with no column headed as the name or id ("Outcome | Target 21/22 | 2019-2020 | …"): the first
 * unknown column before the periods names the KPIs if what it holds is words, row after row.
 */
function nameColumnByContent(grid: SheetGrid, row: number, columns: KpiColumn[]): void {
  const periods = columns.filter((c) => c.field === 'period-column');
  if (periods.length < 2 || columns.some((c) => c.field === 'id' || c.field === 'name')) return;
  const candidate = columns.find((c) => c.field === null && c.col < periods[0].col);
  if (!candidate) return;
  let words = 0;
  let others = 0;
  for (const r of grid.rowNumbers) {
    if (r <= row) continue;
    if (r > row + CONTENT_ROWS) break;
    const text = grid.text(r, candidate.col);
    if (!text) continue;
    const hasFigures = periods.some((p) => grid.text(r, p.col));
    if (!hasFigures) continue;
    if (/[a-z]{3,}.*\s.*[a-z]{3,}/i.test(text)) words++;
    else others++;
  }
  if (words >= 2 && words > others * 3) candidate.field = 'name';
}

/** A column of figures for a period the officer confirmed: kept as its key, whatever its header says. */
export interface PinnedPeriod {
  periodKey: number;
}

/**
 * The officer's corrections to a KPI sheet's columns, by column number (1-based): a field, 'period-column' for a
 * column of figures under a period header (the period read from the header), a pinned period, or null to ignore the
 * column. Mirrors the plan's column overrides.
 */
export type KpiColumnOverrides = Record<number, KpiField | 'period-column' | PinnedPeriod | null>;

/** The period a pinned column holds: its own key, provisional when its header says so. */
function pinnedPeriod(pin: PinnedPeriod, label: string): HeaderPeriod {
  return { key: pin.periodKey, label: periodLabel(pin.periodKey), explicit: true, provisional: marksProvisional(label), relative: false };
}

function overridden(columns: KpiColumn[], overrides: KpiColumnOverrides, fy: number | null, reportingKey: number | null): KpiColumn[] {
  const byCol = new Map(columns.map((c) => [c.col, c]));
  for (const [key, field] of Object.entries(overrides)) {
    const col = Number(key);
    const label = byCol.get(col)?.label ?? '';
    if (field !== null && typeof field === 'object') byCol.set(col, { col, label, field: 'period-column', period: pinnedPeriod(field, label) });
    else if (field === 'period-column') {
      const period = headerPeriod(label, fy, reportingKey);
      byCol.set(col, period ? { col, label, field, period } : { col, label, field: null });
    } else if (field === 'target' || field === 'baseline') byCol.set(col, { col, label, field, year: financialYearIn(label) });
    else if (field === 'tolerance') byCol.set(col, { col, label, field, absolute: /\b(abs|absolute|points?|pts|pp|units?)\b/i.test(label) });
    else byCol.set(col, { col, label, field });
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

/** Each label's field or period, from its words alone (`fy`: the year a bare "Q3" belongs to). */
function columnsByLabel(grid: SheetGrid, row: number, labels: { col: number; label: string }[], fy: number | null, reportingKey: number | null): KpiColumn[] {
  const bands = yearBands(grid, row);
  return labels.map(({ col, label }) => {
    const f = kpiFieldExact(label);
    if (f) return { col, label, field: f.field, year: f.year, absolute: f.absolute };
    const band = bands.get(col);
    const period = headerPeriod(label, band !== undefined && !headerPeriod(label, null) ? band : fy, reportingKey);
    if (period) return { col, label, field: 'period-column', period };
    return { col, label, field: kpiFieldContained(label) };
  });
}

/**
 * A row's columns as a KPI header would take them, whether or not the row reads as one: what the officer is offered
 * to start from when a sheet looks like a scorecard but could not be read.
 */
export function kpiColumnsByLabel(grid: SheetGrid, row: number, fallbackYear: number | null, reportingKey: number | null = null): KpiColumn[] {
  const labels = labelsOf(grid, row);
  return columnsByLabel(grid, row, labels, inferFinancialYear(labels, null, fallbackYear), reportingKey);
}

/**
 * Reads one row as a KPI header, or null. `fallbackYear` places bare quarters when the row names no year; with
 * `overrides`, the officer's mapping wins and the row is read however few of its labels we recognise.
 */
export function readKpiHeader(
  grid: SheetGrid,
  row: number,
  fallbackYear: number | null,
  titleYear: number | null = null,
  reportingKey: number | null = null,
  overrides?: KpiColumnOverrides,
): KpiHeader | null {
  const labels = labelsOf(grid, row);
  if (!overrides && (labels.length < 2 || labels.some((l) => l.label.length > 120))) return null;
  const fy = inferFinancialYear(labels, titleYear, fallbackYear);
  let columns = columnsByLabel(grid, row, labels, fy, reportingKey);
  if (overrides) columns = overridden(columns, overrides, fy, reportingKey);
  else nameColumnByContent(grid, row, columns);
  const byField: Partial<Record<KpiField, KpiColumn>> = {};
  for (const c of columns) if (c.field && c.field !== 'period-column' && (!byField[c.field] || c.field === 'rag' || c.field === 'direction')) byField[c.field] = c;
  const targets = columns.filter((c) => c.field === 'target');
  const periods = columns.filter((c) => c.field === 'period-column');
  // A "Target" column of dates is a plan's timescale, not a KPI's target: it counts only over figures (or nothing yet).
  const figureTargets = !targets.length || !!overrides || holdsFigures(grid, row, targets, true);
  const has = (f: KpiField) => !!byField[f] && (f !== 'target' || figureTargets);
  const recognised = columns.filter((c) => c.field).length;
  if (!overrides && recognised / columns.length < 0.5) return null;
  const base = { row, columns, byField, targets, periods };
  const figureColumns = [byField.value, byField.numerator, byField.denominator].filter((c): c is KpiColumn => !!c);
  const figures = figureColumns.length > 0 && (!!overrides || holdsFigures(grid, row, figureColumns));
  if (has('id') && has('period') && figures) return { kind: 'long', ...base };
  // A long table keyed by its framework code or its names ("Measure | Month | Value"): no period columns across.
  if ((has('code') || has('name')) && has('period') && figures && !periods.length) return { kind: 'long', ...base };
  const described = has('id') || has('name');
  const scorecardish = has('target') || has('polarity') || has('unit') || has('code');
  // Period columns hold figures: a plan's "Position at 30 September 2025" over its progress and RAG is no scorecard.
  if (described && (periods.length >= 2 || (periods.length === 1 && (scorecardish || !!overrides))) && (!!overrides || holdsFigures(grid, row, periods))) return { kind: 'wide', ...base };
  if (periods.length) return null;
  // An id and a name alone are any numbered list's (a plan's refs and measures): a register also says something
  // only a KPI has, its unit, polarity, target, baseline, frequency or tolerance.
  const measured = has('unit') || has('polarity') || has('target') || has('baseline') || has('frequency') || has('tolerance') || has('code');
  if ((has('id') && has('name') && measured) || (has('name') && scorecardish && [has('unit'), has('polarity'), has('target'), has('code')].filter(Boolean).length >= 2)) {
    return { kind: 'register', ...base };
  }
  return null;
}

/** The first KPI header in the top rows of a sheet. */
export function findKpiHeader(grid: SheetGrid, fallbackYear: number | null, scanRows = 30, reportingKey: number | null = null): KpiHeader | null {
  let scanned = 0;
  let titleYear: number | null = null;
  for (const row of grid.rowNumbers) {
    if (scanned++ >= scanRows) break;
    const header = readKpiHeader(grid, row, fallbackYear, titleYear, reportingKey);
    if (header) return header;
    // A title above the table ("ASC scorecard 2025/26") names the year bare quarters belong to.
    const labels = labelsOf(grid, row);
    if (labels.length === 1) titleYear = financialYearIn(labels[0].label) ?? titleYear;
  }
  return null;
}
