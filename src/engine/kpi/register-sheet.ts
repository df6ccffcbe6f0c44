/**
 * The filled KPI register, as sheet plans: a tool-owned "KPI Register" sheet (the officer's "KPIs" sheet is never
 * touched) whose latest period, latest and previous values, change, direction, variance and RAG are LIVE formulas
 * over the officer's own data cells, and a hidden "PlanAssure KPI Calc" sheet holding the intermediate steps so each
 * formula stays short enough to read. Edit a numerator, a target or a tolerance without the add-in and the register
 * follows; rows added below the data (up to SPARE_ROWS) are picked up too.
 *
 * Calc sheet, observation block (one row per data cell or row, newest reading order first so that MATCH finds the
 * row that wins a duplicate):
 *   A KPI ID · B period text · C its shape (digits as 9) · D month-kind · E period key · F figure (numerator ÷
 *   denominator, or the value) · G 1 when F is a ratio (to be scaled by unit) · H the KPI's row in the register ·
 *   I composite H×10000+E · J E again when the row counts
 * The id in A is the cell's trimmed text, or the engine's id for the row as a value where the text is not it (a KPI
 * read by its name or code takes its definition's id) or apps would write the cell as text differently (a number such
 * as 1E+20, a date, TRUE): the register then finds the same KPI the report does.
 * Rows whose text the formulas cannot read as the engine does (a period with words around it, a figure typed as
 * "1,234" or "75%") hold the engine's reading as values in B, E, F and G: typing a number over them later is not
 * followed until the add-in runs again, but the register never disagrees with the report.
 * Calc sheet, per-KPI block (row r for register row r):
 *   L KPI number · M latest composite · N latest key · O its row · P previous composite · Q previous key · R its row
 *   S unit scale · T latest value · U previous value · V 1 when Grey (no figure for the latest period of its kind)
 *   W the register id as matched: H is MATCH of A's key among these (id-match.ts: no wildcards in either)
 * Calc sheet, reporting period: Y2 text · Z2 shape · AA2 month-kind · AB2 key from settings · AC2 the reporting key used.
 */
import { PlanSettings } from '../schema';
import { readSettingsSheet } from '../settings';
import { ragFormat } from '../rag/rag-formats';
import { normalise } from '../text';
import { emptySheet, fitRowHeights, formula, num, PlanValue, SheetPlan, text } from '../sheet-plan/types';
import { a1, cellText, CellValue, columnLetters, SheetGrid, SheetModel, sheetRef, WorkbookModel } from '../workbook';
import { joinsAlike, longRowResults, ObservationShown, perKpiResults, reportingKeyResult, rowTailResults, shownBy, wideFigureResult } from './calc-results';
import { computeKpis, DIRECTION_LABELS, KpiComputed, polarityUnconfirmed } from './compute';
import {
  keyFromMonthKindFormula,
  labelFormula,
  monthKindFormula,
  periodTextFormula,
  scaleFormula,
  shapeFormula,
  staleFormula,
  str,
} from './formulas';
import { idKey, idKeyFormula, registerMatcher } from './id-match';
import { periodKey, reportingPeriodKey } from './period';
import { idTextOf } from './read/ids';
import { KpiDefinitionSource, KpiReading, readKpis, SPARE_ROWS } from './read';
import { settlePolarities } from './saved-polarity';

export const KPI_REGISTER_SHEET_NAME = 'KPI Register';
export const KPI_CALC_SHEET_NAME = 'PlanAssure KPI Calc';

/** The register's columns, in order. */
export const KPI_REGISTER_HEADERS = [
  'KPI ID',
  'Name',
  'Code',
  'Unit',
  'Good is',
  'Target',
  'Amber band (±)',
  'Latest period',
  'Latest value',
  'Previous period',
  'Previous value',
  'Change',
  'Direction',
  'Variance',
  'RAG',
  'Source sheet',
  'Source row',
] as const;
export type KpiRegisterHeader = (typeof KPI_REGISTER_HEADERS)[number];
const COL = Object.fromEntries(KPI_REGISTER_HEADERS.map((h, i) => [h, columnLetters(i + 1)])) as Record<KpiRegisterHeader, string>;


/**
 * A polarity not yet confirmed is written as this word, not as the guess: the Direction and RAG formulas judge only a
 * "higher" or "lower" and otherwise show NOT_RATED_CELL, as the engine withholds them (compute.ts).
 */
export const UNCONFIRMED_POLARITY = 'Unconfirmed';
export const NOT_RATED_CELL = 'Not rated';

/** The register's "Good is" cell: the polarity, or UNCONFIRMED_POLARITY while it is a guess. */
function polarityCell(definition: KpiDefinitionSource['definition']): string {
  return polarityUnconfirmed(definition) ? UNCONFIRMED_POLARITY : definition.polarity;
}

export interface KpiSheetNames {
  register: string;
  calc: string;
}

/** Where the Plan Settings values the formulas read live: the cell, when the settings came from it. */
function settingsCells(model: WorkbookModel, settings: PlanSettings): { reporting: string | null; reportingCell?: CellValue; tolerance: string | null } {
  const { sheet } = readSettingsSheet(model);
  const out = { reporting: null as string | null, reportingCell: undefined as CellValue | undefined, tolerance: null as string | null };
  if (!sheet) return out;
  const s = model.sheets.find((x) => x.name === sheet)!;
  const labelAt = new Map<number, string>();
  const valueAt = new Map<number, SheetModel['cells'][number]>();
  for (const c of s.cells) {
    if (c.col === 1) labelAt.set(c.row, normalise(cellText(c.value)));
    if (c.col === 2 && cellText(c.value).trim()) valueAt.set(c.row, c);
  }
  for (const [row, label] of [...labelAt].sort((x, y) => x[0] - y[0])) {
    const cell = valueAt.get(row);
    if (!cell) continue;
    const ref = `${sheetRef(sheet)}!${a1(row, 2)}`;
    if (label === 'reporting period') {
      const written = cellText(cell.value).trim();
      // Live only when the formula reads the cell as the engine does (a text date is read by the engine alone).
      const sameReading = cell.value.type !== 'text' || periodKey(written) !== null || reportingPeriodKey(written) === null;
      out.reporting = settings.reportingPeriod === written && sameReading ? ref : null;
      out.reportingCell = cell.value;
    }
    if ((label === 'rag tolerance' || label === 'tolerance') && cell.value.type === 'number') out.tolerance = settings.ragTolerance === cell.value.value ? ref : null;
  }
  return out;
}

function toleranceFormula(d: KpiDefinitionSource, target: string, defaultTolerance: string): string {
  if (d.toleranceCell) {
    const t = `${sheetRef(d.definition.source.sheet)}!${d.toleranceCell.cell}`;
    const given = `AND(ISNUMBER(${t}),${t}>=0)`;
    return d.toleranceCell.absolute
      ? `IF(ISNUMBER(${target}),IF(${given},${t},${defaultTolerance}*ABS(${target})),"")`
      : `IF(ISNUMBER(${target}),IF(${given},IF(${t}<1,${t},${t}/100),${defaultTolerance})*ABS(${target}),"")`;
  }
  const tol = d.definition.tolerance;
  if (tol?.kind === 'absolute') return `IF(ISNUMBER(${target}),${tol.value},"")`;
  if (tol) return `IF(ISNUMBER(${target}),${tol.value}*ABS(${target}),"")`;
  return `IF(ISNUMBER(${target}),${defaultTolerance}*ABS(${target}),"")`;
}

/** Whether every app joins the cell into the same text (`cell & ""`): empty, text, an error or a plain number. */
function joinedAlike(value: CellValue | undefined): boolean {
  return !value || value.type === 'text' || value.type === 'error' || (value.type === 'number' && joinsAlike(value.value));
}

/** Calc sheet columns (see the module comment). */
const OBS = { id: 'A', text: 'B', shape: 'C', monthKind: 'D', key: 'E', figure: 'F', ratio: 'G', kpi: 'H', composite: 'I', counted: 'J' } as const;
const PER = { kpi: 'L', latest: 'M', latestKey: 'N', latestRow: 'O', previous: 'P', previousKey: 'Q', previousRow: 'R', scale: 'S', latestValue: 'T', previousValue: 'U', grey: 'V', idKey: 'W' } as const;
const REP = { text: 'Y', shape: 'Z', monthKind: 'AA', fromSettings: 'AB', key: 'AC' } as const;
const CALC_HEADERS: [string, string][] = [
  [OBS.id, 'KPI ID'], [OBS.text, 'Period text'], [OBS.shape, 'Shape'], [OBS.monthKind, 'Month-kind'], [OBS.key, 'Period key'],
  [OBS.figure, 'Figure'], [OBS.ratio, 'Ratio'], [OBS.kpi, 'KPI number'], [OBS.composite, 'Composite'], [OBS.counted, 'Key with figure'],
  [PER.kpi, 'KPI number'], [PER.latest, 'Latest composite'], [PER.latestKey, 'Latest key'], [PER.latestRow, 'Latest row'],
  [PER.previous, 'Previous composite'], [PER.previousKey, 'Previous key'], [PER.previousRow, 'Previous row'], [PER.scale, 'Scale'],
  [PER.latestValue, 'Latest value'], [PER.previousValue, 'Previous value'], [PER.grey, 'Grey'], [PER.idKey, 'ID as matched'],
  [REP.text, 'Reporting period text'], [REP.shape, 'Shape'], [REP.monthKind, 'Month-kind'], [REP.fromSettings, 'Key from settings'], [REP.key, 'Reporting key'],
];
const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Placeholders no formula contains (private-use characters). */
const CALC_ROW = '\uE001';
const SOURCE_ROW = '\uE002';

/**
 * A formula built once with placeholders for the Calc row and the source row, then filled in per row: a data sheet
 * can have tens of thousands of rows, and rebuilding the period grammar for each would dominate the run time.
 */
function compile(formula: string): (calcRow: number, sourceRow: number) => string {
  const parts = formula.split(/([\uE001\uE002])/);
  return (calcRow, sourceRow) => {
    let out = '';
    for (const p of parts) out += p === CALC_ROW ? calcRow : p === SOURCE_ROW ? sourceRow : p;
    return out;
  };
}

/** The register sheet and its hidden calculation sheet, for a reading of the workbook's KPI sheets. */
export function kpiRegisterSheets(reading: KpiReading, model: WorkbookModel, settings: PlanSettings, names: KpiSheetNames): SheetPlan[] {
  const register = emptySheet(names.register);
  const calc = emptySheet(names.calc);
  calc.visibility = 'hidden';
  const R = sheetRef(names.register);
  const C = sheetRef(names.calc);
  const defs = reading.definitions;
  const kpiCount = defs.length;
  const live = settingsCells(model, settings);
  const width = colIndex(REP.key) + 1;
  const put = (row: PlanValue[], col: string, value: PlanValue) => (row[colIndex(col)] = value);

  // ---- Calc: observation block (newest reading order first) ----------------------------------------------------
  const obsRows: PlanValue[][] = [];
  const t = (col: string) => `${col}${CALC_ROW}`;
  const grids = new Map<string, SheetGrid>();
  const gridOf = (name: string) => {
    if (!grids.has(name)) grids.set(name, new SheetGrid(model.sheets.find((s) => s.name === name) ?? { name, cells: [], merges: [] }));
    return grids.get(name)!;
  };
  // Each long row's KPI id, as the engine gave it (sheet → row → id).
  const idOfRow = new Map<string, Map<number, string>>();
  for (const o of reading.observations) {
    if (o.layout !== 'long') continue;
    const { sheet, row } = o.observation.source;
    if (!idOfRow.has(sheet)) idOfRow.set(sheet, new Map());
    idOfRow.get(sheet)!.set(row, o.observation.kpiId);
  }
  for (const block of [...reading.blocks].reverse()) {
    const S = sheetRef(block.sheet);
    const grid = gridOf(block.sheet);
    if (block.kind === 'long') {
      const ref = (col: number | undefined) => (col ? `${S}!${columnLetters(col)}${SOURCE_ROW}` : null);
      const id = ref(block.columns.id) ?? '""';
      const period = ref(block.columns.period)!;
      const numerator = ref(block.columns.numerator);
      const denominator = ref(block.columns.denominator);
      const value = ref(block.columns.value);
      const valueOr = value ? `IF(ISNUMBER(${value}),${value}${block.valueFactor !== 1 ? `*${block.valueFactor}` : ''},"")` : '""';
      const both = numerator && denominator ? `AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}))` : null;
      const formulas = {
        id: compile(`TRIM(${id}&"")`),
        text: compile(periodTextFormula(period)),
        shape: compile(shapeFormula(t(OBS.text))),
        monthKind: compile(monthKindFormula(period, t(OBS.text), t(OBS.shape))),
        key: compile(keyFromMonthKindFormula(t(OBS.monthKind))),
        figure: compile(both ? `IFERROR(IF(${both},IF(${denominator}=0,${valueOr},${numerator}/${denominator}),${valueOr}),"")` : `IFERROR(${valueOr},"")`),
        ratio: compile(both ? `IF(${both},IF(${denominator}=0,0,1),0)` : '0'),
      };
      for (let row = block.lastRow + SPARE_ROWS; row > block.headerRow; row--) {
        const r = obsRows.length + 2;
        const cells: PlanValue[] = [];
        // What each formula shows, as the engine reads the same cells: written with it, for readers that do not calculate.
        const cell = (col: number | undefined) => (col ? grid.own(row, col)?.value : undefined);
        const { columns } = block;
        const shows = longRowResults(
          { id: cell(columns.id), period: cell(columns.period), numerator: cell(columns.numerator), denominator: cell(columns.denominator), value: cell(columns.value) },
          { ratio: !!(numerator && denominator), value: !!value },
          block.valueFactor,
        );
        const asWritten = block.readAsWritten.get(row);
        const idCell = cell(columns.id);
        // The row's KPI as the engine named it: a KPI read by its name or code carries its definition's id.
        const engineId = idOfRow.get(block.sheet)?.get(row);
        const formulaFindsIt = joinedAlike(idCell) && (!engineId || (typeof shows.id === 'string' && shows.id.toUpperCase() === engineId.toUpperCase()));
        put(cells, OBS.id, formulaFindsIt ? formula(formulas.id(r, row), shows.id) : text(engineId || idTextOf(idCell)));
        if (asWritten) {
          // Words around the period or a figure typed as text: the engine's reading, as values (see read/types.ts).
          put(cells, OBS.text, text(asWritten.label));
          put(cells, OBS.key, num(asWritten.key));
          put(cells, OBS.figure, num(asWritten.figure));
          put(cells, OBS.ratio, num(asWritten.ratio ? 1 : 0));
          obsRows.push(cells);
          continue;
        }
        put(cells, OBS.text, formula(formulas.text(r, row), shows.text));
        put(cells, OBS.shape, formula(formulas.shape(r, row), shows.shape));
        put(cells, OBS.monthKind, formula(formulas.monthKind(r, row), shows.monthKind));
        put(cells, OBS.key, formula(formulas.key(r, row), shows.key));
        put(cells, OBS.figure, formula(formulas.figure(r, row), shows.figure));
        put(cells, OBS.ratio, formula(formulas.ratio(r, row), shows.ratio));
        obsRows.push(cells);
      }
    } else {
      for (const cell of [...block.cells].reverse()) {
        const src = `${S}!${a1(cell.row, cell.col)}`;
        const cells: PlanValue[] = [];
        put(cells, OBS.id, text(cell.kpiId));
        put(cells, OBS.text, text(cell.label));
        put(cells, OBS.key, num(cell.key));
        const shows = wideFigureResult(grid.own(cell.row, cell.col)?.value, cell.factor);
        put(cells, OBS.figure, cell.typed !== undefined ? num(cell.typed) : formula(`IF(ISNUMBER(${src}),${src}${cell.factor !== 1 ? `*${cell.factor}` : ''},"")`, shows));
        put(cells, OBS.ratio, num(0));
        obsRows.push(cells);
      }
    }
  }
  const lastObs = Math.max(2, obsRows.length + 1);
  const range = (col: string) => `$${col}$2:$${col}$${lastObs}`;
  const H = range(OBS.composite);
  const registerKeys = `$${PER.idKey}$2:$${PER.idKey}$${Math.max(2, kpiCount + 1)}`;
  const tail = {
    kpi: compile(`IFERROR(MATCH(${idKeyFormula(t(OBS.id))},${registerKeys},0),"")`),
    composite: compile(`IF(AND(ISNUMBER(${t(OBS.key)}),ISNUMBER(${t(OBS.figure)}),ISNUMBER(${t(OBS.kpi)})),${t(OBS.kpi)}*10000+${t(OBS.key)},"")`),
    counted: compile(`IF(ISNUMBER(${t(OBS.composite)}),${t(OBS.key)},"")`),
  };
  // The steps across rows, as the engine finds them from each row's results (left to be calculated when one is unknown).
  const kpiOf = registerMatcher(defs.map((d) => d.definition.id));
  const shown: ObservationShown[] = obsRows.map((cells, i) => {
    const r = i + 2;
    const at = (col: string) => shownBy(cells[colIndex(col)]);
    const shows = rowTailResults(at(OBS.id), at(OBS.key), at(OBS.figure), kpiOf);
    put(cells, OBS.kpi, formula(tail.kpi(r, 0), shows.kpi));
    put(cells, OBS.composite, formula(tail.composite(r, 0), shows.composite));
    put(cells, OBS.counted, formula(tail.counted(r, 0), shows.counted));
    return { composite: shows.composite, figure: at(OBS.figure), ratio: at(OBS.ratio), counted: shows.counted };
  });
  const composites = shown.flatMap((o) => (typeof o.composite === 'number' ? [o.composite] : []));
  const rep = live.reporting ? longRowResults({ id: undefined, period: live.reportingCell }, { ratio: false, value: false }, 1) : null;
  const fromSettings = rep ? rep.key : (reportingPeriodKey(settings.reportingPeriod) ?? '');
  const reportingShown = reportingKeyResult(fromSettings, shown);

  // ---- Calc: per-KPI block and reporting period --------------------------------------------------------------
  const reportingKey = `$${REP.key}$2`;
  const per = {
    latest: compile(`IFERROR(LARGE(${H},COUNTIF(${H},">"&(${t(PER.kpi)}*10000+${reportingKey}))+1),0)`),
    latestKey: compile(`IF(${t(PER.latest)}>${t(PER.kpi)}*10000,${t(PER.latest)}-${t(PER.kpi)}*10000,0)`),
    latestRow: compile(`IF(${t(PER.latestKey)}=0,0,MATCH(${t(PER.latest)},${H},0))`),
    previous: compile(`IF(${t(PER.latestKey)}=0,0,IFERROR(LARGE(${H},COUNTIF(${H},">"&(${t(PER.latest)}-1))+1),0))`),
    previousKey: compile(`IF(${t(PER.previous)}>${t(PER.kpi)}*10000,${t(PER.previous)}-${t(PER.kpi)}*10000,0)`),
    previousRow: compile(`IF(${t(PER.previousKey)}=0,0,MATCH(${t(PER.previous)},${H},0))`),
    scale: compile(scaleFormula(`${R}!$D${CALC_ROW}`)),
    latestValue: compile(`IF(${t(PER.latestRow)}=0,"",INDEX(${range(OBS.figure)},${t(PER.latestRow)})*IF(INDEX(${range(OBS.ratio)},${t(PER.latestRow)})=1,${t(PER.scale)},1))`),
    previousValue: compile(`IF(${t(PER.previousRow)}=0,"",INDEX(${range(OBS.figure)},${t(PER.previousRow)})*IF(INDEX(${range(OBS.ratio)},${t(PER.previousRow)})=1,${t(PER.scale)},1))`),
    grey: compile(staleFormula(t(PER.latestKey), reportingKey)),
  };
  const calcRows: PlanValue[][] = [];
  const header: PlanValue[] = Array(width).fill(null);
  for (const [col, label] of CALC_HEADERS) put(header, col, text(label));
  calcRows.push(header);
  const height = Math.max(obsRows.length, kpiCount, 1);
  for (let i = 0; i < height; i++) {
    const r = i + 2;
    const row: PlanValue[] = obsRows[i] ?? [];
    while (row.length < width) row.push(null);
    if (i < kpiCount) {
      put(row, PER.kpi, num(i + 1));
      put(row, PER.idKey, formula(idKeyFormula(`${R}!$A${r}`), idKey(defs[i].definition.id)));
      const shows = perKpiResults(i + 1, defs[i].definition.unit ?? '', reportingShown, shown, composites);
      for (const key of ['latest', 'latestKey', 'latestRow', 'previous', 'previousKey', 'previousRow', 'scale', 'latestValue', 'previousValue', 'grey'] as const) {
        put(row, PER[key], formula(per[key](r, 0), shows[key]));
      }
    }
    if (i === 0) {
      if (live.reporting) {
        put(row, REP.text, formula(periodTextFormula(live.reporting), rep?.text));
        put(row, REP.shape, formula(shapeFormula(`${REP.text}2`), rep?.shape));
        put(row, REP.monthKind, formula(monthKindFormula(live.reporting, `${REP.text}2`, `${REP.shape}2`), rep?.monthKind));
        put(row, REP.fromSettings, formula(keyFromMonthKindFormula(`${REP.monthKind}2`), rep?.key));
      } else {
        put(row, REP.text, text(settings.reportingPeriod));
        put(row, REP.fromSettings, num(reportingPeriodKey(settings.reportingPeriod)));
      }
      put(row, REP.key, formula(`IF(ISNUMBER(${REP.fromSettings}2),${REP.fromSettings}2,MAX(${range(OBS.counted)}))`, reportingShown));
    }
    calcRows.push(row);
  }
  calc.rows = calcRows;
  calc.columns = Array.from({ length: width }, () => ({ width: 11 }));
  calc.styles.push({ range: `A1:${REP.key}1`, bold: true });

  // ---- Register --------------------------------------------------------------------------------------------
  register.rows.push(KPI_REGISTER_HEADERS.map((h) => text(h)));
  const defaultTolerance = live.tolerance ? `IF(ISNUMBER(${live.tolerance}),${live.tolerance},${settings.ragTolerance})` : String(settings.ragTolerance);
  // What each formula shows, as the engine computes it: written with it, for readers that do not calculate.
  const expected = expectedRegisterValues(reading, settings);
  defs.forEach((d, i) => {
    const r = i + 2;
    const def = d.definition;
    const shows = expected[i]?.['KPI ID'] === def.id ? expected[i] : null;
    const f = (text: string, header: KpiRegisterHeader) => formula(text, shows ? shows[header] : undefined);
    const target = d.targetCell
      ? f(`IF(ISNUMBER(${sheetRef(def.source.sheet)}!${d.targetCell}),${sheetRef(def.source.sheet)}!${d.targetCell}${d.targetFactor !== 1 ? `*${d.targetFactor}` : ''},"")`, 'Target')
      : num(def.target);
    const targetRef = `${COL.Target}${r}`;
    const latest = `${C}!$${PER.latestKey}${r}`;
    const previous = `${C}!$${PER.previousKey}${r}`;
    const I = `${COL['Latest value']}${r}`;
    const K = `${COL['Previous value']}${r}`;
    const L = `${COL.Change}${r}`;
    const E = `${COL['Good is']}${r}`;
    const G = `${COL['Amber band (±)']}${r}`;
    // Only a stated polarity is judged by: an unconfirmed one shows the not-rated word instead.
    const judged = `OR(${E}="higher",${E}="lower")`;
    register.rows.push([
      text(def.id),
      text(def.name),
      text(def.code),
      text(def.unit),
      text(polarityCell(def)),
      target,
      f(toleranceFormula(d, targetRef, defaultTolerance), 'Amber band (±)'),
      f(`IF(${latest}=0,"",${labelFormula(latest)})`, 'Latest period'),
      f(`${C}!$${PER.latestValue}${r}`, 'Latest value'),
      f(`IF(${previous}=0,"",${labelFormula(previous)})`, 'Previous period'),
      f(`${C}!$${PER.previousValue}${r}`, 'Previous value'),
      f(`IF(AND(ISNUMBER(${I}),ISNUMBER(${K})),${I}-${K},"")`, 'Change'),
      f(
        `IF(ISNUMBER(${L}),IF(${judged},IF(${L}=0,${str(DIRECTION_LABELS['no change'])},IF((${L}>0)=(${E}="higher"),${str(DIRECTION_LABELS.improving)},${str(DIRECTION_LABELS.worsening)})),${str(NOT_RATED_CELL)}),"")`,
        'Direction',
      ),
      f(`IF(AND(ISNUMBER(${I}),ISNUMBER(${targetRef})),${I}-${targetRef},"")`, 'Variance'),
      f(
        `IF(${C}!$${PER.grey}${r}=1,"Grey",IF(AND(ISNUMBER(${targetRef}),ISNUMBER(${G})),IF(${judged},IF(IF(${E}="lower",${I}<=${targetRef},${I}>=${targetRef}),"Green",IF(ABS(${I}-${targetRef})<=${G},"Amber","Red")),${str(NOT_RATED_CELL)}),""))`,
        'RAG',
      ),
      text(def.source.sheet),
      num(def.source.row),
    ]);
  });
  const widths: Record<KpiRegisterHeader, number> = {
    'KPI ID': 10,
    Name: 44,
    Code: 14,
    Unit: 14,
    'Good is': 8,
    Target: 9,
    'Amber band (±)': 9,
    'Latest period': 12,
    'Latest value': 10,
    'Previous period': 12,
    'Previous value': 10,
    Change: 9,
    Direction: 14,
    Variance: 9,
    RAG: 8,
    'Source sheet': 14,
    'Source row': 8,
  };
  register.columns = KPI_REGISTER_HEADERS.map((h) => ({ width: widths[h], wrap: h === 'Name' }));
  const last = columnLetters(KPI_REGISTER_HEADERS.length);
  register.styles.push({ range: `A1:${last}1`, bold: true, wrap: true, vertical: 'top', fill: 'F3F2F1' });
  defs.forEach((d, i) => {
    const r = i + 2;
    const fmt = d.definition.unit === 'number' || d.definition.unit === 'days' ? '#,##0' : '0.0';
    for (const h of ['Target', 'Amber band (±)', 'Latest value', 'Previous value', 'Change', 'Variance'] as const) {
      register.styles.push({ range: `${COL[h]}${r}`, numFmt: h === 'Amber band (±)' || h === 'Change' || h === 'Variance' ? (fmt === '#,##0' ? '#,##0.#' : '0.0') : fmt });
    }
  });
  if (kpiCount) {
    register.styles.push({ range: `A2:${last}${kpiCount + 1}`, vertical: 'top' });
    register.conditionalFormats.push(ragFormat(`${COL.RAG}2:${COL.RAG}${kpiCount + 1}`));
  }
  // Wrapped names and headers need taller rows: spreadsheet apps do not always refit them.
  register.rowHeights = fitRowHeights(register, 2);
  const headerLines = Math.max(...KPI_REGISTER_HEADERS.map((h) => Math.ceil(h.length / Math.max(4, Math.floor(widths[h] * 1.05)))));
  if (headerLines > 1) register.rowHeights[1] = headerLines * 15 + 3;
  register.freeze = { rows: 1, columns: 1 };
  register.page = { orientation: 'landscape', paper: 'A4', fitToWidth: 1, printTitleRows: '1:1' };
  return [register, calc];
}

/** Whether the rule would have judged a RAG but withholds it because the polarity is not confirmed. */
function withheldRag(k: KpiComputed): boolean {
  return k.notRated && !k.stale && k.target !== null && k.band !== null;
}

/** What the register shows for each KPI, as the engine computes it (the formulas must agree). */
export function expectedRegisterValues(reading: KpiReading, settings: PlanSettings): Record<KpiRegisterHeader, string | number | null>[] {
  const computation = computeKpis(
    reading.definitions.map((d) => d.definition),
    reading.observations.map((o) => o.observation),
    settings,
  );
  return computation.kpis.map((k) => ({
    'KPI ID': k.definition.id,
    Name: k.definition.name,
    Code: k.definition.code,
    Unit: k.definition.unit,
    'Good is': polarityCell(k.definition),
    Target: k.target,
    'Amber band (±)': k.band,
    'Latest period': k.latest?.period ?? null,
    'Latest value': k.latest?.value ?? null,
    'Previous period': k.previous?.period ?? null,
    'Previous value': k.previous?.value ?? null,
    Change: k.change,
    Direction: k.direction ? DIRECTION_LABELS[k.direction] : k.notRated && k.change !== null ? NOT_RATED_CELL : null,
    Variance: k.variance,
    RAG: k.rag ?? (withheldRag(k) ? NOT_RATED_CELL : null),
    'Source sheet': k.definition.source.sheet,
    'Source row': k.definition.source.row,
  }));
}

/** Reads the workbook's KPI sheets the way structuring did: every sheet it did not give another role. */
export function readKpisForPlan(model: WorkbookModel, settings: PlanSettings, sheetRoles: { sheet: string; role: string }[]): KpiReading {
  const skip = new Set(sheetRoles.filter((s) => s.role !== 'kpi-register' && s.role !== 'kpi-data').map((s) => s.sheet));
  const reading = readKpis(model.sheets, { settings, skipSheets: skip });
  settlePolarities(reading, settings.kpiPolarities);
  return reading;
}

