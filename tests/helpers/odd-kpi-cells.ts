/**
 * The example plan's KPI sheets with the cells that spreadsheet apps read in different ways, for the tests of the
 * results stored beside the KPI Calc sheet's formulas: ids with wildcard characters (each placed after the id its
 * wildcard would also match, so a lookup that read it as a pattern finds the wrong KPI), an id only a case-blind
 * comparison of non-ASCII letters matches, numbers whose text apps write differently (1E+20, 1E-07), and error cells
 * in the id, period, numerator and value columns.
 */
import { CellValue, parseA1, WorkbookModel } from '../../src/engine/workbook';

/** A copy of the model with one cell changed (or added, or removed with null). */
export function edit(model: WorkbookModel, sheetName: string, address: string, value: CellValue | null): WorkbookModel {
  const { row, col } = parseA1(address);
  return {
    sheets: model.sheets.map((s) => {
      if (s.name !== sheetName) return s;
      const cells = s.cells.filter((c) => !(c.row === row && c.col === col));
      if (value) cells.push({ row, col, value });
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      return { ...s, cells };
    }),
  };
}

const textCell = (value: string): CellValue => ({ type: 'text', value });
const numberCell = (value: number): CellValue => ({ type: 'number', value });
const errorCell = (value: string): CellValue => ({ type: 'error', value });

/** Each KPI renamed (KPIs!A row) with the data rows that are its own (KPI Data!A rows, inclusive). */
const RENAMED: [registerRow: number, first: number, last: number, id: CellValue][] = [
  [2, 2, 7, textCell('AX1')],
  [3, 8, 13, textCell('A*1')],
  [4, 14, 19, textCell('KX2')],
  [5, 20, 25, textCell('K?2')],
  [6, 26, 31, textCell('3')],
  [7, 32, 37, textCell('~3')],
  [8, 38, 44, textCell('Å1')],
  [9, 45, 50, numberCell(1e20)],
  [10, 51, 56, numberCell(1e-7)],
];

/** The odd cells, sheet by sheet, as edits of the example plan. */
export const ODD_KPI_CELLS: [sheet: string, address: string, value: CellValue | null][] = [
  ...RENAMED.flatMap(([registerRow, first, last, id]): [string, string, CellValue][] => [
    ['KPIs', `A${registerRow}`, id],
    ...Array.from({ length: last - first + 1 }, (_, i): [string, string, CellValue] => ['KPI Data', `A${first + i}`, id]),
  ]),
  // Å1 in lower case: one row of KPI-07's data, matched as Excel's MATCH matches, blind to case.
  ['KPI Data', 'A40', textCell('å1')],
  ['KPI Data', 'A58', errorCell('#N/A')],
  ['KPI Data', 'B60', errorCell('#DIV/0!')],
  ['KPI Data', 'C62', errorCell('#VALUE!')],
  ['KPI Data', 'B64', numberCell(1e20)],
  ['KPI Data', 'B65', numberCell(1e-7)],
  ['KPI Data', 'E84', errorCell('#N/A')],
];

/** The model with every odd cell written in. */
export function withOddKpiCells(model: WorkbookModel): WorkbookModel {
  return ODD_KPI_CELLS.reduce((m, [sheet, address, value]) => edit(m, sheet, address, value), model);
}

/** A formula that gives the error, for HyperFormula, which takes no error typed in as a value. */
export function hyperFormulaError(error: string): string {
  const formulas: Record<string, string> = { '#N/A': '=NA()', '#DIV/0!': '=1/0', '#VALUE!': '=1+"a"', '#NUM!': '=SQRT(-1)' };
  if (!formulas[error]) throw new Error(`no formula gives ${error}`);
  return formulas[error];
}
