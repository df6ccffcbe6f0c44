/**
 * The Plan table as CSV, for analysts who load plans into other tools. The same rows and headers as the Plan sheet,
 * with dates day-first (dd/mm/yyyy, as a UK spreadsheet reads them).
 *
 * CSV has no cell types, so a spreadsheet opening it runs any cell that starts like a formula. Following OWASP's
 * guidance on CSV injection, a cell whose text starts with =, +, -, @, a tab or a carriage return is written with a
 * leading apostrophe, so it opens as the words the officer wrote; and every cell is quoted, with quotes doubled.
 * (`--json` is different: it carries the officer's text exactly, and what reads it must treat it as data.)
 */
import { actionKpiRags, kpiReports } from '../kpi';
import { StructureResult } from '../structure/types';
import { planSheet } from './plan-sheet';
import { PlanValue } from './types';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text made safe to open in a spreadsheet: formula-like text gets a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function dayFirst(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function cellText(value: PlanValue): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return neutralise(value.text);
    case 'number':
      return String(value.value);
    case 'date':
      return dayFirst(value.iso);
    case 'formula':
      // The Plan sheet holds no formulas; should one appear, it is shown as text, never run.
      return neutralise(`=${value.formula}`);
  }
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The Plan table as CSV text (CRLF line ends, as RFC 4180 and Excel write them). */
export function planCsv(result: StructureResult): string {
  const sheet = planSheet('Plan', 'PlanAssure Lists', result.actions, { kpiRags: actionKpiRags(result.actions, kpiReports(result)) });
  return sheet.rows.map((row) => row.map((value) => quoted(cellText(value))).join(',')).join('\r\n') + '\r\n';
}
