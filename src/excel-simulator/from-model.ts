/** Builds simulator state from the engine's WorkbookModel (what src/xlsx/read-workbook.ts reads from a file). */
import { isoToSerial } from '../engine/excel-dates';
import { CellModel, SheetModel, WorkbookModel } from '../engine/workbook';
import { emptyState, ensureCell, newSheet, SimSheet, SimWorkbookState } from './state';

const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

function putCell(sheet: SimSheet, model: CellModel): void {
  const cell = ensureCell(sheet, model.row - 1, model.col - 1);
  const v = model.value;
  switch (v.type) {
    case 'date':
      cell.value = isoToSerial(v.value);
      cell.numberFormat = model.numFmt ?? 'dd/mm/yyyy';
      break;
    case 'error':
      cell.value = v.value;
      cell.error = true;
      break;
    default:
      cell.value = v.type === 'text' && v.value === '' ? null : v.value;
  }
  if (v.type !== 'date' && model.numFmt && model.numFmt !== 'General') cell.numberFormat = model.numFmt;
  if (model.formula !== undefined) cell.formula = `=${model.formula}`;
  if (model.bold) cell.format = { bold: true };
}

export function sheetFromModel(state: SimWorkbookState, model: SheetModel): SimSheet {
  const sheet = newSheet(state, model.name);
  sheet.visibility = VISIBILITY[model.visibility ?? 'visible'];
  for (const cell of model.cells) putCell(sheet, cell);
  sheet.merges = model.merges.map((m) => ({ row: m.top - 1, col: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }));
  return sheet;
}

export function stateFromModel(model: WorkbookModel): SimWorkbookState {
  const state = emptyState();
  for (const sheet of model.sheets) state.sheets.push(sheetFromModel(state, sheet));
  return state;
}
