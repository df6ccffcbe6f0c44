/**
 * Reads KPIs where officers keep them: a register sheet and a long data sheet (the canonical "KPIs" + "KPI Data"),
 * or a wide scorecard with one column per period. Sheets are recognised by their headers, whatever their names.
 *
 * Besides the schema's definitions and observations, the reading keeps where every value came from (the cells the
 * live formulas of the KPI register point at, and the cells findings name).
 */
import { AscofEntry, findFrameworkCodes, FrameworkCodeCitation, lookupCode, parseFrameworkCode } from '../ascof';
import { KpiDefinition, KpiObservation, KpiUnit, PlanSettings, Polarity, Tolerance } from '../schema';
import { normalise, tidy } from '../text';
import { a1, CellModel, CellValue, cellText, columnLetters, SheetGrid, SheetModel } from '../workbook';
import { findKpiHeader, KpiColumn, KpiField, KpiHeader, KpiSheetKind } from './headers';
import { excelTrim, financialYearOf, periodKeyOfCell, periodLabel, reportingPeriodKey } from './period';

// ---------------------------------------------------------------------------------------------------------------
// What a reading holds
// ---------------------------------------------------------------------------------------------------------------

export interface KpiDefinitionSource {
  definition: KpiDefinition;
  /** A1 addresses in the source sheet: the cell of each field, or where it would go when the sheet has the column. */
  cells: Partial<Record<'id' | 'name' | 'code' | 'unit' | 'polarity' | 'target' | 'tolerance', string>>;
  /** The target cell the register's formula reads (null: the target is written as a number, or is missing). */
  targetCell: string | null;
  /** The target cell holds a fraction shown as a percentage (0.8 shown 80%). */
  targetFactor: number;
  /** The tolerance cell the register's formula reads, when it holds a number. */
  toleranceCell: { cell: string; absolute: boolean } | null;
  /** Where the unit and polarity came from. */
  unitFrom: 'cell' | 'framework' | 'name' | 'default';
  polarityFrom: 'cell' | 'framework' | 'name' | 'default';
  /** Framework citations in the code cell or the name. */
  citations: FrameworkCodeCitation[];
  citedIn: 'code' | 'name' | null;
}

/** Where one observation's cells are, and what the engine reads from them. */
export interface KpiObservationSource {
  observation: KpiObservation;
  layout: 'long' | 'wide';
  cells: Partial<Record<'id' | 'period' | 'numerator' | 'denominator' | 'value', string>>;
  /** The period cell as a key (null: empty or not a period). */
  key: number | null;
  /** The id cell had text (or a number), trimmed as Excel's TRIM does. */
  idText: string;
  /** The period cell was not empty. */
  hasPeriod: boolean;
  /** Non-numeric text in a numerator, denominator or value cell. */
  textValues: readonly { cell: string; text: string }[];
}

/** A long data sheet: one row per KPI per period. */
export interface LongBlock {
  kind: 'long';
  sheet: string;
  headerRow: number;
  lastRow: number;
  columns: Partial<Record<'id' | 'period' | 'numerator' | 'denominator' | 'value' | 'note', number>>;
  /** 100 when the Value column holds fractions shown as percentages. */
  valueFactor: number;
}

/** A wide scorecard: one row per KPI, one column per period. */
export interface WideBlock {
  kind: 'wide';
  sheet: string;
  headerRow: number;
  /** Every KPI-row × period-column cell, in reading order (row by row, left to right), filled or not. */
  cells: { row: number; col: number; kpiId: string; key: number; label: string; factor: number }[];
}

export type DataBlock = LongBlock | WideBlock;

export interface KpiSheetLayout {
  sheet: string;
  kind: KpiSheetKind;
  headerRow: number;
  header: KpiHeader;
}

export interface KpiReading {
  layouts: KpiSheetLayout[];
  definitions: KpiDefinitionSource[];
  /** In reading order: sheets in workbook order, then rows (and, in a wide scorecard, columns). Later wins. */
  observations: KpiObservationSource[];
  blocks: DataBlock[];
  /** Definitions dropped because their id was already in the register. */
  duplicateDefinitions: { id: string; sheet: string; cell: string; firstRow: number; firstSheet: string }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------------------------

/** A cell's number as Excel's ISNUMBER sees it: numbers, and dates (serial numbers underneath). */
export function numberOf(value: CellValue | undefined): number | null {
  if (!value) return null;
  if (value.type === 'number') return value.value;
  if (value.type === 'date') {
    const [y, m, d] = value.value.split('-').map(Number);
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  }
  return null;
}

function isPercentFormat(cell: CellModel | undefined): boolean {
  return !!cell?.numFmt && /%/.test(cell.numFmt.replace(/"[^"]*"/g, ''));
}

/** Id as the register formula compares it: Excel's TRIM of the cell's text. */
export function idTextOf(value: CellValue | undefined): string {
  if (!value || value.type === 'error') return '';
  if (value.type === 'number') return excelTrim(String(value.value));
  return excelTrim(cellText(value));
}

/** Ids match as Excel's MATCH does: ignoring case. */
export function idMatchKey(id: string): string {
  return id.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Units, polarity, frequency, tolerance and targets as written
// ---------------------------------------------------------------------------------------------------------------

export function parseUnit(text: string): KpiUnit | null {
  const raw = text.trim();
  if (!raw) return null;
  const h = normalise(raw);
  if (/%/.test(raw) || /\b(percent|percentage|proportion|pct|per cent)\b/.test(h)) return 'percentage';
  if (/\bper\s*100\s*(000|k)\b|\brate\b|\bper 100 000\b/.test(h)) return 'rate per 100,000';
  if (/\bdays?\b/.test(h)) return 'days';
  if (/\b(score|index|rating)\b/.test(h)) return 'score';
  if (/\b(number|count|no|total|volume|people|cases|numeric|integer|whole number)\b/.test(h)) return 'number';
  return null;
}

export function unitFromName(name: string): KpiUnit | null {
  const h = normalise(name);
  if (/%/.test(name) || /^(percentage|proportion|percent)\b/.test(h) || /\b(percentage|proportion) of\b/.test(h)) return 'percentage';
  if (/\bper\s*100\s*(000|k)\b|\bper 100 000\b/.test(h)) return 'rate per 100,000';
  if (/\b(days|waiting time|average time|time taken)\b/.test(h)) return 'days';
  if (/\bscore\b/.test(h)) return 'score';
  if (/^(number|no|count|total) of\b/.test(h) || /\bnumber of\b/.test(h)) return 'number';
  return null;
}

export function parsePolarity(text: string): Polarity | null {
  const raw = text.trim();
  if (!raw) return null;
  if (/[↓▼⬇⇩]/.test(raw) || /\b(low|lower|lowest|small|smaller|less|decrease|decreasing|down|reduce|reducing|reduction|minimi[sz]e|fewer)\b/i.test(raw)) return 'lower';
  if (/[↑▲⬆⇧]/.test(raw) || /\b(high|higher|highest|big|bigger|more|increase|increasing|up|maximi[sz]e|greater)\b/i.test(raw)) return 'higher';
  if (/^(h)$/i.test(raw)) return 'higher';
  if (/^(l)$/i.test(raw)) return 'lower';
  return null;
}

export function polarityFromName(name: string): Polarity | null {
  return /\b(waiting|wait|delays?|delayed|admissions?|admitted|backlogs?|overdue|complaints?|turnover|locums?|vacanc(y|ies)|sickness|re-?referrals?|readmissions?|time taken|days to)\b/i.test(name) ? 'lower' : null;
}

function parseFrequency(text: string): KpiDefinition['frequency'] {
  const h = normalise(text);
  if (/\bmonth/.test(h)) return 'monthly';
  if (/\bquarter/.test(h)) return 'quarterly';
  if (/\b(annual|annually|year|yearly)\b/.test(h)) return 'annual';
  return null;
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

/** A target or baseline cell: numbers (× 100 when a fraction is shown as a percentage), or a number in text. */
function parseTargetNumber(cell: CellModel | undefined, unit: KpiUnit): { value: number | null; factor: number; live: boolean } {
  const n = numberOf(cell?.value);
  if (n !== null) {
    const factor = isPercentFormat(cell) && unit === 'percentage' ? 100 : 1;
    return { value: n * factor, factor, live: true };
  }
  if (cell?.value.type === 'text') {
    const m = /(-?\d+(?:,\d{3})*(?:\.\d+)?)/.exec(cell.value.value);
    if (m) return { value: Number(m[1].replace(/,/g, '')), factor: 1, live: false };
  }
  return { value: null, factor: 1, live: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Framework codes
// ---------------------------------------------------------------------------------------------------------------

/** ASCOF citations in a code cell: "ASCOF 2A", "2A", "ASCOF 1C(2A)"; a cell naming ASCOF with no readable code too. */
export function codeCitations(text: string): FrameworkCodeCitation[] {
  const t = text.trim();
  if (!t) return [];
  const found = findFrameworkCodes(t);
  if (found.length) return found;
  const bare = parseFrameworkCode(t);
  if (bare) return [{ raw: t, code: bare, matches: lookupCode(bare) }];
  const ascof = /\bASCOF\b\s*[:\-–]?\s*([^\s,;)]+)/i.exec(t);
  if (ascof && !/^indicator$/i.test(ascof[1])) return [{ raw: ascof[1], code: ascof[1].toUpperCase(), matches: [] }];
  return [];
}

/** The catalogue's unit and polarity for the cited codes: the current framework's exact entry first. */
export function frameworkSuggestion(citations: FrameworkCodeCitation[]): AscofEntry | null {
  for (const c of citations) {
    const current = c.matches.filter((m) => m.framework === 'current' && m.code?.toUpperCase() === c.code.toUpperCase());
    if (current.length) return current[0];
    const exact = c.matches.filter((m) => m.code?.toUpperCase() === c.code.toUpperCase());
    if (exact.length) return exact[0];
    if (c.matches.length && c.matches.every((m) => m.unit === c.matches[0].unit && m.polarity === c.matches[0].polarity)) return c.matches[0];
  }
  return null;
}

/** The indicator's name without the code cited in it: "Admissions … (ASCOF 2B)" → "Admissions …". */
export function nameWithoutCode(name: string): string {
  return tidy(
    name
      .replace(/\s*\(\s*ASCOF\b(?:[^()]|\([^()]*\))*\)/gi, ' ')
      .replace(/\s*\[\s*ASCOF\b[^\]]*\]/gi, ' ')
      .replace(/\s*[-–:]\s*ASCOF\s+\S+\s*$/i, ' '),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------------------------

export interface ReadKpiOptions {
  settings: PlanSettings;
  /** Sheets not to read: the tool's own, the settings sheet, plan sheets. */
  skipSheets: ReadonlySet<string>;
}

/** Rows a long data sheet's formulas reach below its last row, so rows the officer adds are counted too. */
export const SPARE_ROWS = 200;

function fallbackFinancialYear(settings: PlanSettings): number | null {
  const reporting = reportingPeriodKey(settings.reportingPeriod);
  if (reporting !== null) return financialYearOf(reporting);
  if (settings.planStart) {
    const [y, m] = settings.planStart.split('-').map(Number);
    return m >= 4 ? y : y - 1;
  }
  return null;
}

function cellOf(grid: SheetGrid, row: number, column: KpiColumn | undefined): CellModel | undefined {
  if (!column) return undefined;
  // Most data sheets have no merged cells: skip the merge lookup for them.
  return grid.sheet.merges.length ? grid.shown(row, column.col) : grid.own(row, column.col);
}

function textOf(grid: SheetGrid, row: number, column: KpiColumn | undefined): string {
  const cell = cellOf(grid, row, column);
  return cell ? cellText(cell.value).trim() : '';
}

function isRepeatedHeader(grid: SheetGrid, row: number, header: KpiHeader): boolean {
  // Cheap first: a repeated header repeats the first header cell's words somewhere in the row's first labels.
  const first = header.columns[0];
  const second = header.columns[1];
  const quick = (c: KpiColumn) => textOf(grid, row, c).toLowerCase() === c.label.trim().toLowerCase();
  if (!quick(first) && !(second && quick(second))) {
    let cheap = 0;
    for (const c of header.columns.slice(2)) if (quick(c)) cheap++;
    if (cheap < 2) return false;
  }
  let same = 0;
  for (const c of header.columns) if (normalise(textOf(grid, row, c)) === normalise(c.label)) same++;
  return same >= 2;
}

interface DefinitionInput {
  sheet: string;
  row: number;
  grid: SheetGrid;
  header: KpiHeader;
  settings: PlanSettings;
  /** The target column to use (wide scorecards with one per year). */
  target: KpiColumn | undefined;
  /** Period kinds seen in the KPI's data on this sheet, to infer the frequency. */
  periodKinds?: number[];
}

function readDefinition(input: DefinitionInput): KpiDefinitionSource | null {
  const { sheet, row, grid, header } = input;
  const f = header.byField;
  const id = idTextOf(cellOf(grid, row, f.id)?.value);
  const nameRaw = textOf(grid, row, f.name);
  if (!id && !nameRaw) return null;
  const codeText = textOf(grid, row, f.code);
  let citations = codeText ? codeCitations(codeText) : [];
  let citedIn: KpiDefinitionSource['citedIn'] = codeText ? 'code' : null;
  let code: string | null = codeText || null;
  if (!codeText && nameRaw) {
    const inName = findFrameworkCodes(nameRaw);
    if (inName.length) {
      citations = inName;
      citedIn = 'name';
      code = inName.map((c) => `ASCOF ${c.raw}`).join(', ');
    } else {
      const unknown = codeCitations(/\bASCOF\b/i.test(nameRaw) ? (/\bASCOF\b[^)\],;]*/i.exec(nameRaw)?.[0] ?? '') : '');
      if (unknown.length) {
        citations = unknown;
        citedIn = 'name';
        code = `ASCOF ${unknown[0].raw}`;
      }
    }
  }
  const name = citedIn === 'name' ? nameWithoutCode(nameRaw) || nameRaw : nameRaw;
  const suggestion = frameworkSuggestion(citations);

  const unitCell = parseUnit(textOf(grid, row, f.unit));
  let unit: KpiUnit;
  let unitFrom: KpiDefinitionSource['unitFrom'];
  if (unitCell) [unit, unitFrom] = [unitCell, 'cell'];
  else if (suggestion) [unit, unitFrom] = [suggestion.unit, 'framework'];
  else if (unitFromName(nameRaw)) [unit, unitFrom] = [unitFromName(nameRaw)!, 'name'];
  else [unit, unitFrom] = ['number', 'default'];

  const polarityCell = parsePolarity(textOf(grid, row, f.polarity));
  let polarity: Polarity;
  let polarityFrom: KpiDefinitionSource['polarityFrom'];
  if (polarityCell) [polarity, polarityFrom] = [polarityCell, 'cell'];
  else if (suggestion) [polarity, polarityFrom] = [suggestion.polarity, 'framework'];
  else if (polarityFromName(nameRaw)) [polarity, polarityFrom] = [polarityFromName(nameRaw)!, 'name'];
  else [polarity, polarityFrom] = ['higher', 'default'];

  let frequency = parseFrequency(textOf(grid, row, f.frequency));
  if (!frequency && input.periodKinds?.length) {
    const kinds = new Set(input.periodKinds);
    if (kinds.size === 1) frequency = kinds.has(1) ? 'monthly' : kinds.has(2) ? 'quarterly' : 'annual';
  }

  const targetCellModel = cellOf(grid, row, input.target);
  const target = parseTargetNumber(targetCellModel, unit);
  const baseline = parseTargetNumber(cellOf(grid, row, f.baseline), unit).value;
  const toleranceModel = cellOf(grid, row, f.tolerance);
  const tolerance = parseTolerance(toleranceModel?.value, !!f.tolerance?.absolute);
  const address = (column: KpiColumn | undefined) => (column ? a1(row, column.col) : undefined);

  const definition: KpiDefinition = {
    id: id || code || `${sheet} row ${row}`,
    name: name || id,
    code,
    unit,
    polarity,
    frequency,
    baseline,
    target: target.value,
    tolerance,
    lead: textOf(grid, row, f.lead) || null,
    source: { sheet, row },
  };
  return {
    definition,
    cells: {
      id: address(f.id),
      name: address(f.name),
      code: citedIn === 'name' ? address(f.name) : address(f.code),
      unit: address(f.unit),
      polarity: address(f.polarity),
      target: address(input.target),
      tolerance: address(f.tolerance),
    },
    // Live references: a number, or an empty cell the officer may fill in later (text is read once, as written).
    targetCell: input.target && (target.live || !cellText(targetCellModel?.value).trim()) ? a1(row, input.target.col) : null,
    targetFactor: target.factor,
    toleranceCell:
      f.tolerance && ((numberOf(toleranceModel?.value) ?? -1) >= 0 || !cellText(toleranceModel?.value).trim())
        ? { cell: a1(row, f.tolerance.col), absolute: !!f.tolerance.absolute }
        : null,
    unitFrom,
    polarityFrom,
    citations,
    citedIn,
  };
}

/** Majority vote: do the numeric cells show fractions as percentages? */
function percentFactor(cells: (CellModel | undefined)[]): number {
  let numeric = 0;
  let percent = 0;
  for (const c of cells) {
    if (!c || numberOf(c.value) === null) continue;
    numeric++;
    if (isPercentFormat(c)) percent++;
  }
  return numeric > 0 && percent * 2 > numeric ? 100 : 1;
}

function readRegister(sheet: SheetModel, grid: SheetGrid, header: KpiHeader, settings: PlanSettings): KpiDefinitionSource[] {
  const out: KpiDefinitionSource[] = [];
  for (const row of grid.rowNumbers) {
    if (row <= header.row || isRepeatedHeader(grid, row, header)) continue;
    const d = readDefinition({ sheet: sheet.name, row, grid, header, settings, target: chooseTarget(header.targets, null) });
    if (d) out.push(d);
  }
  return out;
}

/** The target column for the reporting year: its own year's column, else one with no year, else the latest year's. */
export function chooseTarget(targets: KpiColumn[], financialYear: number | null): KpiColumn | undefined {
  if (!targets.length) return undefined;
  if (financialYear !== null) {
    const same = targets.find((t) => t.year === financialYear);
    if (same) return same;
  }
  const plain = targets.find((t) => !t.year);
  if (plain) return plain;
  return [...targets].sort((x, y) => (y.year ?? 0) - (x.year ?? 0))[0];
}

/**
 * Visits the rows below a header with the cells of the given columns (the array is reused: copy what you keep). A
 * data sheet can hold tens of thousands of rows, so a sheet without merged cells is read in one pass over its
 * row-major cells rather than through the grid.
 */
function forEachDataRow(
  sheet: SheetModel,
  grid: SheetGrid | null,
  header: KpiHeader,
  columns: (KpiColumn | undefined)[],
  visit: (row: number, cells: (CellModel | undefined)[]) => void,
): void {
  if (sheet.merges.length || grid) {
    const full = grid ?? new SheetGrid(sheet);
    for (const row of full.rowNumbers) if (row > header.row) visit(row, columns.map((c) => cellOf(full, row, c)));
    return;
  }
  const slots = new Map<number, number[]>();
  columns.forEach((c, i) => {
    if (c) slots.set(c.col, [...(slots.get(c.col) ?? []), i]);
  });
  const cells: (CellModel | undefined)[] = new Array(columns.length).fill(undefined);
  let current = -1;
  for (const cell of sheet.cells) {
    if (cell.row <= header.row) continue;
    if (cell.row !== current) {
      if (current !== -1) visit(current, cells);
      current = cell.row;
      cells.fill(undefined);
    }
    const at = slots.get(cell.col);
    if (at) for (const i of at) cells[i] = cell;
  }
  if (current !== -1) visit(current, cells);
}

type CellField = 'id' | 'period' | 'numerator' | 'denominator' | 'value';
const NO_TEXT: readonly { cell: string; text: string }[] = Object.freeze([]);

/** A long data row's cell addresses, built only when a finding needs one. */
class RowCells implements Partial<Record<CellField, string>> {
  constructor(
    private readonly letters: Record<CellField, string | null>,
    private readonly row: number,
  ) {}
  private at(field: CellField): string | undefined {
    const l = this.letters[field];
    return l ? `${l}${this.row}` : undefined;
  }
  get id(): string | undefined {
    return this.at('id');
  }
  get period(): string | undefined {
    return this.at('period');
  }
  get numerator(): string | undefined {
    return this.at('numerator');
  }
  get denominator(): string | undefined {
    return this.at('denominator');
  }
  get value(): string | undefined {
    return this.at('value');
  }
}

function readLong(sheet: SheetModel, grid: SheetGrid | null, header: KpiHeader): { block: LongBlock; observations: KpiObservationSource[] } {
  const f = header.byField;
  const valueCells: (CellModel | undefined)[] = [];
  if (f.value) forEachDataRow(sheet, grid, header, [f.value], (_row, cells) => valueCells.push(cells[0]));
  const valueFactor = percentFactor(valueCells);
  const observations: KpiObservationSource[] = [];
  // Column letters once: the data sheet may have tens of thousands of rows.
  const letters = (column: KpiColumn | undefined) => (column ? columnLetters(column.col) : null);
  const [idL, periodL, numL, denL, valL] = [letters(f.id), letters(f.period), letters(f.numerator), letters(f.denominator), letters(f.value)];
  const rowLetters: Record<CellField, string | null> = { id: idL, period: periodL, numerator: numL, denominator: denL, value: valL };
  const textIn = (c: CellModel | undefined): string => (c && c.value.type !== 'number' && c.value.type !== 'date' ? cellText(c.value).trim() : '');
  let lastRow = header.row;
  forEachDataRow(sheet, grid, header, [f.id, f.period, f.numerator, f.denominator, f.value, f.note], (row, cells) => {
    const [idCell, periodCell, numCell, denCell, valCell, noteCell] = cells;
    const idText = idTextOf(idCell?.value);
    const periodText = periodCell ? cellText(periodCell.value).trim() : '';
    const numerator = numberOf(numCell?.value);
    const denominator = numberOf(denCell?.value);
    const rawValue = numberOf(valCell?.value);
    const numText = numerator === null ? textIn(numCell) : '';
    const denText = denominator === null ? textIn(denCell) : '';
    const valText = rawValue === null ? textIn(valCell) : '';
    if (!idText && !periodText && numerator === null && denominator === null && rawValue === null && !numText && !denText && !valText) return;
    lastRow = row;
    // A header repeated further down (a page break in an export): the id and period cells repeat their labels.
    if (f.id && f.period && idText.length === f.id.label.length && normalise(idText) === normalise(f.id.label) && normalise(periodText) === normalise(f.period.label)) return;
    const key = periodKeyOfCell(periodCell?.value);
    let textValues = NO_TEXT;
    if (numText || denText || valText) {
      textValues = [
        ...(numText ? [{ cell: `${numL}${row}`, text: numText }] : []),
        ...(denText ? [{ cell: `${denL}${row}`, text: denText }] : []),
        ...(valText ? [{ cell: `${valL}${row}`, text: valText }] : []),
      ];
    }
    const period = periodCell?.value.type === 'text' || key === null ? excelTrim(periodText) : periodLabel(key);
    observations.push({
      layout: 'long',
      observation: {
        kpiId: idText,
        period,
        numerator,
        denominator,
        value: rawValue === null ? null : rawValue * valueFactor,
        note: noteCell ? cellText(noteCell.value).trim() || null : null,
        source: { sheet: sheet.name, row },
      },
      cells: new RowCells(rowLetters, row),
      key,
      idText,
      hasPeriod: !!periodText,
      textValues,
    });
  });
  const columns: LongBlock['columns'] = {};
  for (const k of ['id', 'period', 'numerator', 'denominator', 'value', 'note'] as const) if (f[k]) columns[k] = f[k]!.col;
  return { block: { kind: 'long', sheet: sheet.name, headerRow: header.row, lastRow, columns, valueFactor }, observations };
}

function readWide(
  sheet: SheetModel,
  grid: SheetGrid,
  header: KpiHeader,
  settings: PlanSettings,
): { block: WideBlock; definitions: KpiDefinitionSource[]; observations: KpiObservationSource[] } {
  const definitions: KpiDefinitionSource[] = [];
  const observations: KpiObservationSource[] = [];
  const cells: WideBlock['cells'] = [];
  // The reporting year picks the target column: the settings' period, else the latest period with any figure.
  let latestKey: number | null = reportingPeriodKey(settings.reportingPeriod);
  if (latestKey === null) {
    for (const row of grid.rowNumbers) {
      if (row <= header.row) continue;
      for (const p of header.periods) if (numberOf(grid.shown(row, p.col)?.value) !== null) latestKey = Math.max(latestKey ?? 0, p.period!.key);
    }
  }
  const target = chooseTarget(header.targets, latestKey === null ? null : financialYearOf(latestKey));
  for (const row of grid.rowNumbers) {
    if (row <= header.row || isRepeatedHeader(grid, row, header)) continue;
    const periodCells = header.periods.map((p) => grid.shown(row, p.col));
    const filled = periodCells.filter((c) => c && cellText(c.value).trim()).length;
    const nonEmpty = grid.rowCells(row).filter((c) => cellText(c.value).trim()).length;
    // A theme heading inside the scorecard: one cell, no figures.
    if (!filled && nonEmpty <= 1) continue;
    const definition = readDefinition({
      sheet: sheet.name,
      row,
      grid,
      header,
      settings,
      target,
      periodKinds: header.periods.map((p) => p.period!.key % 10),
    });
    if (!definition) continue;
    definitions.push(definition);
    const factor = definition.definition.unit === 'percentage' ? percentFactor(periodCells) : 1;
    header.periods.forEach((p, i) => {
      const c = periodCells[i];
      const key = p.period!.key;
      const label = p.period!.label;
      const address = a1(row, p.col);
      cells.push({ row, col: p.col, kpiId: definition.definition.id, key, label, factor });
      const n = numberOf(c?.value);
      const text = c ? cellText(c.value).trim() : '';
      observations.push({
        layout: 'wide',
        observation: {
          kpiId: definition.definition.id,
          period: label,
          numerator: null,
          denominator: null,
          value: n === null ? null : n * factor,
          note: null,
          source: { sheet: sheet.name, row },
        },
        cells: { id: definition.cells.id ?? definition.cells.name, period: a1(header.row, p.col), value: address },
        key,
        idText: definition.definition.id,
        hasPeriod: n !== null,
        textValues: n === null && text ? [{ cell: address, text }] : NO_TEXT,
      });
    });
  }
  return { block: { kind: 'wide', sheet: sheet.name, headerRow: header.row, cells }, definitions, observations };
}

const HEADER_SCAN_ROWS = 30;

/** The sheet's first `rows` rows that hold anything (cells are row-major), with the merges that start there. */
function headOf(sheet: SheetModel, rows: number): SheetModel {
  let seen = 0;
  let lastRow = 0;
  let end = 0;
  for (; end < sheet.cells.length; end++) {
    const r = sheet.cells[end].row;
    if (r !== lastRow) {
      if (++seen > rows) break;
      lastRow = r;
    }
  }
  return { ...sheet, cells: sheet.cells.slice(0, end), merges: sheet.merges.filter((m) => m.top <= lastRow) };
}

/** Reads every KPI sheet of the workbook. */
export function readKpis(sheets: readonly SheetModel[], options: ReadKpiOptions): KpiReading {
  const layouts: KpiSheetLayout[] = [];
  const fallbackYear = fallbackFinancialYear(options.settings);
  const found: { sheet: SheetModel; grid: SheetGrid | null; header: KpiHeader }[] = [];
  for (const sheet of sheets) {
    if (options.skipSheets.has(sheet.name)) continue;
    // Headers sit in the first rows: look there first, and index the whole sheet only when it is a KPI sheet that
    // needs it (a long data sheet is read in one pass).
    const header = findKpiHeader(new SheetGrid(headOf(sheet, HEADER_SCAN_ROWS)), fallbackYear, HEADER_SCAN_ROWS);
    if (!header) continue;
    found.push({ sheet, grid: header.kind === 'long' ? null : new SheetGrid(sheet), header });
    layouts.push({ sheet: sheet.name, kind: header.kind, headerRow: header.row, header });
  }
  const definitions: KpiDefinitionSource[] = [];
  const duplicateDefinitions: KpiReading['duplicateDefinitions'] = [];
  const known = new Map<string, KpiDefinitionSource>();
  const addDefinition = (d: KpiDefinitionSource): boolean => {
    const key = idMatchKey(d.definition.id);
    const first = known.get(key);
    if (first) {
      duplicateDefinitions.push({
        id: d.definition.id,
        sheet: d.definition.source.sheet,
        cell: d.cells.id ?? d.cells.name ?? a1(d.definition.source.row, 1),
        firstRow: first.definition.source.row,
        firstSheet: first.definition.source.sheet,
      });
      return false;
    }
    known.set(key, d);
    definitions.push(d);
    return true;
  };
  // Registers first (they define KPIs), then scorecards (which define and hold data), then long data sheets.
  for (const { sheet, grid, header } of found) if (header.kind === 'register') for (const d of readRegister(sheet, grid!, header, options.settings)) addDefinition(d);
  const observations: KpiObservationSource[] = [];
  const blocks: DataBlock[] = [];
  for (const { sheet, grid, header } of found) {
    if (header.kind === 'wide') {
      const wide = readWide(sheet, grid!, header, options.settings);
      for (const d of wide.definitions) {
        // A scorecard row for a KPI already in a register adds data, not a second definition.
        if (!known.has(idMatchKey(d.definition.id))) addDefinition(d);
      }
      blocks.push(wide.block);
      observations.push(...wide.observations);
    } else if (header.kind === 'long') {
      const long = readLong(sheet, grid, header);
      blocks.push(long.block);
      observations.push(...long.observations);
    }
  }
  return { layouts, definitions, observations, blocks, duplicateDefinitions };
}

export type { KpiField };
