/**
 * A scorecard turned round: periods running down one column and the KPIs across one row ("Month | ASC-07 Number
 * waiting … | ASC-08 Average wait …", then a row per month). Councils keep trend sheets this way, often with a
 * "Target" or "Ref" row between the names and the figures.
 *
 * It is recognised by what its cells hold, not by its labels: a run of rows whose first cell is a period (a date, or a
 * month, quarter or year in any wording) with figures beside it, and above them, in the same block of rows, a row of
 * words over those figures naming the KPIs. The block is then read as the wide scorecard it is when turned back
 * (rows ↔ columns), and every address the reading keeps is turned back to the cell as laid out, so findings, live
 * register formulas and source rows point at the officer's cells.
 */
import { a1, CellModel, cellText, MergedArea, parseA1, SheetGrid, SheetModel } from '../../workbook';
import { KpiColumnOverrides, KpiHeader, readKpiHeader } from '../headers';
import { periodKeyOfCell } from '../period';
import { headerPeriod } from '../period-words';
import { readFigure } from './typed-numbers';
import { KpiDefinitionSource, KpiObservationSource, WideBlock } from './types';

/** Columns looked at for the period column: it is the table's first, and tables start near the left edge. */
const PERIOD_COLUMN_SCAN = 6;
/** Two periods make a series (this one and the last), as for a wide scorecard; the names row is the stronger evidence. */
const MIN_PERIODS = 2;

export interface TransposedScorecard {
  /** The block turned back: its rows are the sheet's columns, and its columns the sheet's rows. */
  view: SheetModel;
  /** The header read in the turned view (its row is the period column, its columns the sheet's rows). */
  header: KpiHeader;
  /** The sheet row naming the KPIs. */
  nameRow: number;
}

function isPeriodCell(cell: CellModel | undefined, fallbackYear: number | null, reportingKey: number | null): boolean {
  if (!cell) return false;
  if (cell.value.type === 'date' || cell.value.type === 'number') return cell.value.type === 'date' && periodKeyOfCell(cell.value) !== null;
  const text = cellText(cell.value).trim();
  return !!text && text.length <= 60 && headerPeriod(text, fallbackYear, reportingKey) !== null;
}

/** A KPI's name as councils write one: at least two words (the same evidence a name column is known by). */
const NAME_LIKE = /[a-z]{3,}.*\s.*[a-z]{3,}/i;

/** The rows of the block holding `row`: consecutive rows with anything in them (a blank row ends a table). */
function blockAround(grid: SheetGrid, row: number): number[] {
  const rows = grid.rowNumbers;
  let i = rows.indexOf(row);
  let start = i;
  while (start > 0 && rows[start - 1] === rows[start] - 1) start--;
  while (i < rows.length - 1 && rows[i + 1] === rows[i] + 1) i++;
  return rows.slice(start, i + 1);
}

/**
 * The transposed scorecard on a sheet, or null. Only for sheets no header was found on: a scorecard laid out the
 * usual way is never read turned round.
 */
export function findTransposed(sheet: SheetModel, fallbackYear: number | null, reportingKey: number | null): TransposedScorecard | null {
  const grid = new SheetGrid(sheet);
  for (let col = 1; col <= Math.min(grid.maxCol, PERIOD_COLUMN_SCAN); col++) {
    const periodRows = grid.rowNumbers.filter((r) => isPeriodCell(grid.own(r, col), fallbackYear, reportingKey));
    if (periodRows.length < MIN_PERIODS) continue;
    const found = readBlock(grid, col, periodRows, fallbackYear, reportingKey);
    if (found) return found;
  }
  return null;
}

function readBlock(grid: SheetGrid, periodCol: number, periodRows: number[], fallbackYear: number | null, reportingKey: number | null): TransposedScorecard | null {
  const block = blockAround(grid, periodRows[0]);
  const inBlock = periodRows.filter((r) => block.includes(r));
  if (inBlock.length < MIN_PERIODS) return null;
  // Columns of figures: a figure (or a marker of none) beside most periods, at least one a real figure.
  const figureCols: number[] = [];
  for (let c = periodCol + 1; c <= grid.maxCol; c++) {
    let readable = 0;
    let figures = 0;
    for (const r of inBlock) {
      const f = readFigure(grid.own(r, c), 1);
      if (f.value !== null) figures++;
      if (f.value !== null || f.missing) readable++;
    }
    if (figures >= 1 && readable * 2 >= inBlock.length) figureCols.push(c);
  }
  if (!figureCols.length) return null;
  // The names row: above the periods, words over most columns of figures; of several such rows (a "Ref" row of
  // codes too), the one with the most words.
  let nameRow: number | null = null;
  let bestWords = 0;
  for (const r of block) {
    if (r >= inBlock[0]) break;
    const texts = figureCols.map((c) => grid.text(r, c).trim());
    const named = texts.filter((t) => NAME_LIKE.test(t)).length;
    if (named * 2 < figureCols.length) continue;
    const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
    if (words > bestWords) [nameRow, bestWords] = [r, words];
  }
  if (nameRow === null) return null;
  const rows = block.filter((r) => r >= nameRow!);
  const view = turned(grid.sheet, rows, periodCol);
  const overrides: KpiColumnOverrides = { [nameRow]: 'name' };
  const header = readKpiHeader(new SheetGrid(view), periodCol, fallbackYear, null, reportingKey, overrides);
  if (!header || header.kind !== 'wide' || header.periods.length < MIN_PERIODS) return null;
  return { view, header, nameRow };
}

/** The sheet's cells in `rows`, from `fromCol` rightwards, with rows and columns swapped. */
function turned(sheet: SheetModel, rows: number[], fromCol: number): SheetModel {
  const keep = new Set(rows);
  const cells = sheet.cells.filter((c) => keep.has(c.row) && c.col >= fromCol).map((c) => ({ ...c, row: c.col, col: c.row }));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const merges = sheet.merges.filter((m) => keep.has(m.top) && m.left >= fromCol).map(swapArea);
  return { name: sheet.name, cells, merges };
}

const swapArea = (m: MergedArea): MergedArea => ({ top: m.left, left: m.top, bottom: m.right, right: m.bottom });

/** An address in the turned view as the cell it is on the sheet. */
function back(address: string): string {
  const { row, col } = parseA1(address);
  return a1(col, row);
}

function backAll<K extends string>(cells: Partial<Record<K, string>>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(cells) as [K, string | undefined][]) if (v) out[k] = back(v);
  return out;
}

/**
 * Turns a reading of the view back to the sheet as laid out: every cell address, each KPI's source row (the row
 * naming it) and each observation's (the row of its period).
 */
export function turnBack(
  reading: { block: WideBlock; definitions: KpiDefinitionSource[]; observations: KpiObservationSource[] },
  nameRow: number,
): void {
  for (const d of reading.definitions) {
    d.cells = backAll(d.cells);
    if (d.unreadable) d.unreadable = d.unreadable.map((u) => ({ ...u, cell: back(u.cell) }));
    if (d.targetCell) d.targetCell = back(d.targetCell);
    if (d.toleranceCell) d.toleranceCell = { ...d.toleranceCell, cell: back(d.toleranceCell.cell) };
    d.definition.source = { ...d.definition.source, row: nameRow };
  }
  for (const o of reading.observations) {
    o.cells = backAll(o.cells);
    o.textValues = o.textValues.map((t) => ({ ...t, cell: back(t.cell) }));
    if (o.cells.value) o.observation.source = { ...o.observation.source, row: parseA1(o.cells.value).row };
  }
  reading.block.headerRow = nameRow;
  reading.block.cells = reading.block.cells.map((c) => ({ ...c, row: c.col, col: c.row }));
}
