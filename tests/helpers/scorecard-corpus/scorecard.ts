/**
 * Layout transforms: one KPI plan (measures, ids, scenarios, suppressions) laid out as a wide scorecard (periods
 * across), a long table (one row per KPI and period) or a transposed table (periods down rows, KPIs across), with
 * the layout's title block, notes, id placement, target, polarity, RAG and trend columns; and the truth for each KPI.
 */
import { Direction, Rag } from '../../../src/engine/schema';
import { Measure } from './catalogue';
import { Cell, figureCell, NumberStyle, SheetSpec } from './cells';
import { Period } from './periods';
import { generateSeries, Rng, Scenario } from './series';
import { KpiTruth, Observed, PolarityBasis, ragOf, resolve, TOLERANCE } from './truth';

export type Feature =
  | 'annual'
  | 'quarterly'
  | 'monthly'
  | 'wide'
  | 'long'
  | 'with targets'
  | 'without targets'
  | 'stated RAG'
  | 'trend words'
  | 'trend arrows'
  | 'text numbers'
  | 'suppressed values'
  | 'ids in name cells'
  | 'id column with unusual header'
  | 'no ids'
  | 'ASCOF pre-2023 numbering'
  | 'ASCOF 2023+ numbering'
  | 'lower is better'
  | 'fractions with % format'
  | 'percentages typed as numbers'
  | 'title block and notes'
  | 'relative headers'
  | 'provisional marks'
  | 'polarity unknowable';

export interface KpiPlan {
  measure: Measure;
  /** The id or code as the sheet writes it ("ASCOF 2B", "2A(1)", "NI 130", "ASC-07"); null: none. */
  id: string | null;
  /** Whether `id` is an ASCOF code (so the catalogue gives the polarity). */
  ascof?: boolean;
  scenario: Scenario;
  /** Period indexes whose figure is suppressed, with the marker written. */
  suppressed?: Record<number, string>;
  /** Period indexes left blank. */
  blank?: number[];
  /** The council's trend where it differs from the rule: 'by value' is "Improving" for any rise, whatever the polarity. */
  statedDirection?: 'by value';
  /** A section heading row placed before this KPI. */
  section?: string;
}

export interface PeriodColumn {
  period: Period;
  header: Cell;
  provisional?: boolean;
}

export interface LayoutSpec {
  key: string;
  /** What the layout is like, for the test's name. */
  title: string;
  features: Feature[];
  form: 'wide' | 'long' | 'transposed';
  sheetName: string;
  titleRows?: string[];
  notes?: string[];
  periods: PeriodColumn[];
  kpis: KpiPlan[];
  numbers: NumberStyle;
  /** Header of the id column; the id goes in the name cell when `idInName` is set, nowhere when neither. */
  idHeader?: string;
  idInName?: (id: string, name: string) => string;
  nameHeader: string;
  target?: { header: string; style?: NumberStyle };
  polarity?: { header: string; write: (p: 'higher' | 'lower') => string };
  unit?: { header: string; write: (m: Measure) => string };
  /** The council's RAG column; `tolerance` is the council's own amber band (default the rule's 5%). */
  rag?: { header: string; write: (r: Rag) => string; tolerance?: number };
  trend?: { header: string; write: (d: Direction) => string };
  /** Free-text columns after the figures (commentary, lead). */
  extra?: { header: string; write: (m: Measure) => string }[];
  /** Long form: the period column's header and the order rows run in. */
  long?: { periodHeader: string; valueHeader: string; order: 'by KPI' | 'by period' | 'newest first' };
  /** A "Plan Settings" sheet giving the reporting period (needed for relative headers). */
  reportingPeriod?: Period;
  /** Extra sheets (a cover or a notes sheet) that hold no KPIs. */
  otherSheets?: SheetSpec[];
  /** Wide form: a row above the header with each period's financial year, merged across its columns ("2024/25" over "Q1" … "Q4"). */
  yearBand?: (p: Period) => string;
}

export interface BuiltLayout {
  spec: LayoutSpec;
  sheets: SheetSpec[];
  truth: KpiTruth[];
  reporting: Period;
}

interface Prepared {
  plan: KpiPlan;
  observed: Observed[];
  cells: Cell[];
  target: number | null;
  basis: PolarityBasis;
  name: string;
}

function basisOf(spec: LayoutSpec, plan: KpiPlan, target: number | null): PolarityBasis {
  if (spec.polarity) return 'stated';
  // The catalogue settles polarity only when the code is on the sheet (in its own column or the name cell).
  if (plan.ascof && plan.id && (spec.idHeader || spec.idInName)) return 'framework';
  if (plan.measure.cue) return 'words';
  if (target !== null && spec.periods.length >= 3) return 'target';
  return 'unknowable';
}

function prepare(spec: LayoutSpec, plan: KpiPlan, rng: Rng): Prepared {
  const m = plan.measure;
  const { values, target } = generateSeries(m, spec.periods.length, spec.target ? plan.scenario : 'none', rng);
  const observed: Observed[] = [];
  const cells: Cell[] = [];
  spec.periods.forEach((pc, i) => {
    const marker = plan.suppressed?.[i];
    const blank = plan.blank?.includes(i);
    const value = marker !== undefined || blank ? null : values[i];
    observed.push({ period: pc.period, value, provisional: !!pc.provisional && value !== null });
    cells.push(marker !== undefined ? marker : blank ? null : figureCell(values[i], m, spec.numbers));
  });
  const name = plan.id && spec.idInName ? spec.idInName(plan.id, m.name) : m.name;
  return { plan, observed, cells, target, basis: basisOf(spec, plan, target), name };
}

function reportingOf(spec: LayoutSpec, prepared: Prepared[]): Period {
  if (spec.reportingPeriod) return spec.reportingPeriod;
  const withFigures = prepared.flatMap((p) => p.observed.filter((o) => o.value !== null).map((o) => o.period));
  return withFigures.reduce((a, b) => (b.end > a.end ? b : a));
}

function truthOf(spec: LayoutSpec, p: Prepared, reporting: Period, row: number): KpiTruth {
  const resolved = resolve(p.observed, p.target, p.plan.measure.polarity, reporting);
  const truth: KpiTruth = {
    id: p.plan.id && (spec.idHeader || spec.idInName) ? p.plan.id : null,
    name: p.plan.measure.name,
    measure: p.plan.measure,
    polarity: p.plan.measure.polarity,
    polarityBasis: p.basis,
    target: p.target,
    ...resolved,
    provisional: p.observed.filter((o) => o.provisional && o.period.end <= reporting.end).map((o) => o.period.label),
    observed: p.observed,
    sheet: spec.sheetName,
    row,
  };
  if (spec.rag) truth.statedRag = councilRag(resolved, p, spec.rag.tolerance ?? TOLERANCE);
  if (spec.trend) truth.statedDirection = p.plan.statedDirection === 'by value' ? byValue(resolved) : resolved.direction;
  return truth;
}

/** The council's RAG: the rule's, on the council's own tolerance; blank where the rule gives Grey or none. */
function councilRag(resolved: Pick<KpiTruth, 'latest' | 'rag'>, p: Prepared, tolerance: number): Rag | null {
  if (resolved.rag === 'Grey' || resolved.rag === null || !resolved.latest || p.target === null) return null;
  const { value } = resolved.latest;
  if (ragOf(value, p.target, p.plan.measure.polarity) === 'Green') return 'Green';
  return Math.abs(value - p.target) <= tolerance * Math.abs(p.target) ? 'Amber' : 'Red';
}

/** A trend written for the value's movement, not for performance: "Improving" for any rise. */
function byValue(resolved: Pick<KpiTruth, 'latest' | 'previous'>): Direction | null {
  if (!resolved.latest || !resolved.previous) return null;
  const change = resolved.latest.value - resolved.previous.value;
  return change === 0 ? 'no change' : change > 0 ? 'improving' : 'worsening';
}

function titleBlock(spec: LayoutSpec): Cell[][] {
  return spec.titleRows?.length ? [...spec.titleRows.map((t, i): Cell[] => [i === 0 ? { v: t, bold: true } : t]), []] : [];
}

function notesBlock(spec: LayoutSpec): Cell[][] {
  return spec.notes?.length ? [[], ...spec.notes.map((n): Cell[] => [n])] : [];
}

function settingsSheet(spec: LayoutSpec): SheetSpec[] {
  return spec.reportingPeriod ? [{ name: 'Plan Settings', rows: [['Setting', 'Value'], ['Reporting period', spec.reportingPeriod.label]] }] : [];
}

function targetCell(spec: LayoutSpec, p: Prepared): Cell {
  return p.target === null ? null : figureCell(p.target, p.plan.measure, spec.target?.style ?? spec.numbers);
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The year band above a wide header: each run of periods in the same year, labelled once and merged across. */
function yearBandRow(spec: LayoutSpec, firstPeriodCol: number, rowNumber: number): { row: Cell[]; merges: string[] } {
  const row: Cell[] = Array(firstPeriodCol - 1).fill(null);
  const merges: string[] = [];
  let start = 0;
  spec.periods.forEach((pc, i) => {
    const label = spec.yearBand!(pc.period);
    const next = spec.periods[i + 1];
    row.push(i === start ? { v: label, bold: true } : null);
    if (!next || spec.yearBand!(next.period) !== label) {
      if (i > start) merges.push(`${columnLetter(firstPeriodCol + start)}${rowNumber}:${columnLetter(firstPeriodCol + i)}${rowNumber}`);
      start = i + 1;
    }
  });
  return { row, merges };
}

function wide(spec: LayoutSpec, prepared: Prepared[], reporting: Period): { rows: Cell[][]; truth: KpiTruth[]; merges: string[] } {
  const header: Cell[] = [];
  if (spec.idHeader) header.push(spec.idHeader);
  header.push(spec.nameHeader);
  if (spec.polarity) header.push(spec.polarity.header);
  if (spec.unit) header.push(spec.unit.header);
  if (spec.target) header.push(spec.target.header);
  header.push(...spec.periods.map((p) => p.header));
  if (spec.rag) header.push(spec.rag.header);
  if (spec.trend) header.push(spec.trend.header);
  header.push(...(spec.extra ?? []).map((e) => e.header));
  const rows: Cell[][] = [...titleBlock(spec)];
  let merges: string[] = [];
  if (spec.yearBand) {
    const band = yearBandRow(spec, header.length - spec.periods.length - (spec.rag ? 1 : 0) - (spec.trend ? 1 : 0) - (spec.extra?.length ?? 0) + 1, rows.length + 1);
    rows.push(band.row);
    merges = band.merges;
  }
  rows.push(header.map((h) => (h === null || typeof h === 'object' ? h : { v: h, bold: true })));
  const truth: KpiTruth[] = [];
  for (const p of prepared) {
    if (p.plan.section) rows.push([{ v: p.plan.section, bold: true }]);
    const t = truthOf(spec, p, reporting, rows.length + 1);
    const row: Cell[] = [];
    if (spec.idHeader) row.push(p.plan.id);
    row.push(p.name);
    if (spec.polarity) row.push(spec.polarity.write(p.plan.measure.polarity));
    if (spec.unit) row.push(spec.unit.write(p.plan.measure));
    if (spec.target) row.push(targetCell(spec, p));
    row.push(...p.cells);
    if (spec.rag) row.push(t.statedRag ? spec.rag.write(t.statedRag) : null);
    if (spec.trend) row.push(t.statedDirection ? spec.trend.write(t.statedDirection) : 'New measure');
    row.push(...(spec.extra ?? []).map((e) => e.write(p.plan.measure)));
    rows.push(row);
    truth.push(t);
  }
  return { rows: [...rows, ...notesBlock(spec)], truth, merges };
}

function long(spec: LayoutSpec, prepared: Prepared[], reporting: Period): { rows: Cell[][]; truth: KpiTruth[] } {
  const l = spec.long!;
  const header: Cell[] = [...(spec.idHeader ? [spec.idHeader] : []), spec.nameHeader, l.periodHeader, l.valueHeader];
  if (spec.target) header.push(spec.target.header);
  if (spec.polarity) header.push(spec.polarity.header);
  const rows: Cell[][] = [...titleBlock(spec), header];
  const entries = prepared.flatMap((p, k) => spec.periods.map((pc, i) => ({ p, k, pc, i })));
  if (l.order === 'by period') entries.sort((a, b) => a.i - b.i || a.k - b.k);
  if (l.order === 'newest first') entries.sort((a, b) => a.k - b.k || b.i - a.i);
  // A long table defines each KPI by the row of its latest period (where its current target and polarity are), so
  // that is the row a finding about the KPI names, whatever order the rows run in.
  const latestRow = new Map<number, number>();
  for (const { p, k, pc, i } of entries) {
    if (i === spec.periods.length - 1) latestRow.set(k, rows.length + 1);
    const row: Cell[] = [...(spec.idHeader ? [p.plan.id] : []), p.name, pc.header, p.cells[i]];
    if (spec.target) row.push(targetCell(spec, p));
    if (spec.polarity) row.push(spec.polarity.write(p.plan.measure.polarity));
    rows.push(row);
  }
  const truth = prepared.map((p, k) => truthOf(spec, p, reporting, latestRow.get(k)!));
  return { rows: [...rows, ...notesBlock(spec)], truth };
}

function transposed(spec: LayoutSpec, prepared: Prepared[], reporting: Period): { rows: Cell[][]; truth: KpiTruth[] } {
  const l = spec.long!;
  const rows: Cell[][] = [...titleBlock(spec)];
  const headerRow = rows.length + 1;
  rows.push([l.periodHeader, ...prepared.map((p) => p.name)]);
  if (spec.idHeader) rows.push([spec.idHeader, ...prepared.map((p) => p.plan.id)]);
  if (spec.polarity) rows.push([spec.polarity.header, ...prepared.map((p) => spec.polarity!.write(p.plan.measure.polarity))]);
  if (spec.target) rows.push([spec.target.header, ...prepared.map((p) => targetCell(spec, p))]);
  spec.periods.forEach((pc, i) => rows.push([pc.header, ...prepared.map((p) => p.cells[i])]));
  return { rows: [...rows, ...notesBlock(spec)], truth: prepared.map((p) => truthOf(spec, p, reporting, headerRow)) };
}

export function buildLayout(spec: LayoutSpec, rng: Rng): BuiltLayout {
  const prepared = spec.kpis.map((plan) => prepare(spec, plan, rng));
  const reporting = reportingOf(spec, prepared);
  const laid: { rows: Cell[][]; truth: KpiTruth[]; merges?: string[] } = spec.form === 'wide' ? wide(spec, prepared, reporting) : spec.form === 'long' ? long(spec, prepared, reporting) : transposed(spec, prepared, reporting);
  const merges = laid.merges ?? [];
  const sheets: SheetSpec[] = [...(spec.otherSheets ?? []), { name: spec.sheetName, rows: laid.rows, merges }, ...settingsSheet(spec)];
  return { spec, sheets, truth: laid.truth, reporting };
}
