/**
 * What an officer can change in a sheet the tool wrote: its values, row by row, in any row order (sorting or
 * filtering the Plan table is not an edit). Formats, widths and conditional formats are not counted, nor the
 * columns a sheet leaves for the officer to fill in (SheetPlan.officerColumns: what they type there is read back
 * and kept). The same fingerprint is taken of a sheet plan as it is written and of the sheet as it is read back on
 * the next run; the officer's columns travel with it ("<digest>|officer:10,11").
 */
import { createHash } from 'node:crypto';
import { PlanValue, SheetPlan } from '../../engine/sheet-plan/types';
import { CellValue, SheetModel } from '../../engine/workbook';
import { fitCellText } from './cell-text';
import { dateSerial, parseRange } from './sheet-xml';

const text = (t: string) => `s:${t.replace(/\r\n?/g, '\n')}`;
const number = (n: number) => `n:${Number(n.toPrecision(12))}`;

function modelValue(value: CellValue, formula: string | undefined): string | null {
  // Formulas by their presence only: Excel stores results and rewrites repeated formulas as shared ones on save.
  if (formula !== undefined) return 'f';
  switch (value.type) {
    case 'text':
      return value.value === '' ? null : text(value.value);
    case 'number':
      return number(value.value);
    // A date is a number with a date format: whichever way it is read, it counts the same.
    case 'date':
      return number(dateSerial(value.value, false));
    case 'boolean':
      return `b:${value.value}`;
    case 'error':
      return `e:${value.value}`;
  }
}

function planValue(value: PlanValue): string | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return value.text === '' ? null : text(fitCellText(value.text));
    case 'number':
      return number(value.value);
    case 'date':
      return number(dateSerial(value.iso, false));
    case 'formula':
      return 'f';
  }
}

function digest(rows: Map<number, string[]>): string {
  const lines = [...rows.values()].filter((parts) => parts.length).map((parts) => parts.join('\u0002'));
  return createHash('sha256').update(lines.sort().join('\u0003')).digest('hex').slice(0, 32);
}

const OFFICER = '|officer:';

export function modelFingerprint(sheet: SheetModel, officerColumns: readonly number[] = []): string {
  const rows = new Map<number, string[]>();
  for (const cell of sheet.cells) {
    if (officerColumns.includes(cell.col)) continue;
    const v = modelValue(cell.value, cell.formula);
    if (v === null) continue;
    const parts = rows.get(cell.row) ?? [];
    parts.push(`${cell.col}\u0001${v}`);
    rows.set(cell.row, parts);
  }
  return digest(rows);
}

/** Whether a sheet read back still matches the fingerprint recorded when the tool wrote it. */
export function unchangedSince(sheet: SheetModel, recorded: string): boolean {
  const at = recorded.indexOf(OFFICER);
  if (at < 0) return modelFingerprint(sheet) === recorded;
  const officer = recorded.slice(at + OFFICER.length).split(',').map(Number).filter(Number.isInteger);
  return modelFingerprint(sheet, officer) === recorded.slice(0, at);
}

export function planFingerprint(plan: SheetPlan): string {
  const officer = plan.officerColumns ?? [];
  // Cells hidden under a merged area are not read back: leave them out here too.
  const covered = plan.merges.map(parseRange);
  const hidden = (r: number, c: number) => covered.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  const rows = new Map<number, string[]>();
  plan.rows.forEach((row, i) => {
    const parts: string[] = [];
    row.forEach((value, j) => {
      const v = planValue(value);
      if (v !== null && !officer.includes(j + 1) && !(covered.length && hidden(i + 1, j + 1))) parts.push(`${j + 1}\u0001${v}`);
    });
    rows.set(i + 1, parts);
  });
  return officer.length ? `${digest(rows)}${OFFICER}${officer.join(',')}` : digest(rows);
}
