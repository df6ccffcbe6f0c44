/**
 * Node only: preloads the simulator from an .xlsx file through the xlsx adapter (src/xlsx/read-workbook.ts →
 * WorkbookModel → simulator state). Kept apart from the simulator so that the simulator itself stays bundleable.
 */
import { readWorkbook } from '../xlsx/read-workbook';
import { ExcelSimulator, SimulatorOptions } from './simulator';

export async function loadSimulatorFromXlsx(file: string, options: Omit<SimulatorOptions, 'model'> = {}): Promise<ExcelSimulator> {
  return new ExcelSimulator({ ...options, model: await readWorkbook(file) });
}
