/** A generated KPI workbook for the benchmarks: N KPIs × 60 monthly periods, in the canonical register/data layout. */
import { CellModel, SheetModel, WorkbookModel } from '../src/engine/workbook';

export const PERIODS = 60;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function text(row: number, col: number, value: string): CellModel {
  return { row, col, value: { type: 'text', value } };
}
function number(row: number, col: number, value: number): CellModel {
  return { row, col, value: { type: 'number', value } };
}

export function buildKpiModel(KPIS = 500): WorkbookModel {
  const register: CellModel[] = ['KPI ID', 'Name', 'Code', 'Unit', 'Good is', 'Frequency', 'Baseline', 'Target', 'Tolerance', 'Lead'].map((h, i) => text(1, i + 1, h));
  const data: CellModel[] = ['KPI ID', 'Period', 'Numerator', 'Denominator', 'Value', 'Note'].map((h, i) => text(1, i + 1, h));
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let row = 2;
  for (let k = 0; k < KPIS; k++) {
    const id = `KPI-${String(k + 1).padStart(3, '0')}`;
    const r = k + 2;
    const percentage = k % 3 !== 2;
    register.push(text(r, 1, id), text(r, 2, `Indicator ${k + 1}`), text(r, 4, percentage ? 'percentage' : 'number'), text(r, 5, k % 2 ? 'higher' : 'lower'), text(r, 6, 'monthly'), number(r, 8, percentage ? 75 : 500));
    if (k % 5 === 0) register.push(text(r, 3, 'ASCOF 2A'));
    if (k % 7 === 0) register.push(number(r, 9, 0.1));
    for (let p = 0; p < PERIODS; p++) {
      const month = (3 + p) % 12; // from April 2021
      const year = 2021 + Math.floor((3 + p) / 12);
      data.push(text(row, 1, id), text(row, 2, `${MONTHS[month]}-${String(year % 100).padStart(2, '0')}`));
      if (percentage) data.push(number(row, 3, Math.round(random() * 900)), number(row, 4, 1000));
      else data.push(number(row, 5, Math.round(random() * 1000)));
      row++;
    }
  }
  const sheet = (name: string, cells: CellModel[]): SheetModel => ({ name, cells, merges: [] });
  return { sheets: [sheet('KPIs', register), sheet('KPI Data', data), sheet('Plan Settings', [text(1, 1, 'Setting'), text(1, 2, 'Value'), text(2, 1, 'Reporting period'), text(2, 2, 'Mar-26')])] };
}

