/**
 * The columns the officer can choose roles from, on every sheet that holds a plan or might: what the command line
 * lists when it cannot tell which column is the action, and what the pane's column review shows.
 *
 * For a plan sheet, the columns as read; for a sheet where no table reached confidence, the engine's candidates
 * (SheetLayout.candidates); when a sheet has neither, its likeliest header row (the first row of two or more short
 * labels with something below) and every labelled column with its first values, so the officer is never left with
 * nothing to choose from.
 */
import { ColumnCandidate, SheetLayout, StructureResult } from './structure/types';
import { ColumnField } from './structure/columns';
import { cellText, columnLetters, SheetGrid, SheetModel, WorkbookModel } from './workbook';

export interface ChoosableSheet {
  sheet: string;
  /** The row read as the header. */
  headerRow: number;
  /** A table was found here (the columns carry their roles as read); false when the officer is asked from nothing. */
  found: boolean;
  columns: ColumnCandidate[];
}

const SAMPLES = 3;
const SAMPLE_LENGTH = 80;
const LABEL_LENGTH = 90;

/** The first three non-empty values below the header row in a column, shortened for display. */
export function columnSamples(grid: SheetGrid, headerRow: number, col: number): string[] {
  const samples: string[] = [];
  for (const r of grid.rowNumbers) {
    if (r <= headerRow) continue;
    const text = cellText(grid.shown(r, col)?.value).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    samples.push(text.length > SAMPLE_LENGTH ? `${text.slice(0, SAMPLE_LENGTH - 1)}…` : text);
    if (samples.length === SAMPLES) break;
  }
  return samples;
}

/** Rows of two or more short labels with something below them, from the top: where a header could be. */
function labelRows(grid: SheetGrid, limit: number): number[] {
  const rows = grid.rowNumbers;
  const found: number[] = [];
  for (let i = 0; i < rows.length - 1 && found.length < limit; i++) {
    const labels = grid.columnsShown(rows[i]).map((c) => grid.text(rows[i], c)).filter(Boolean);
    if (labels.length >= 2 && labels.every((t) => t.length <= LABEL_LENGTH)) found.push(rows[i]);
  }
  return found;
}

/** The first row that could be a header: where a header most likely is, when nothing better is known. */
function likeliestHeaderRow(grid: SheetGrid): number | null {
  return labelRows(grid, 1)[0] ?? null;
}

/**
 * The rows the officer may say hold the headers, when no table was found: the suggested row, then the first few
 * rows of short labels; each with its columns, headers and first values.
 */
export function headerRowOptions(sheet: SheetModel, suggested: number, limit = 8): { row: number; columns: ColumnCandidate[] }[] {
  const grid = new SheetGrid(sheet);
  const rows = [...new Set([suggested, ...labelRows(grid, limit)])].sort((a, b) => a - b);
  return rows.map((row) => ({ row, columns: plainColumns(grid, row) }));
}

function plainColumns(grid: SheetGrid, headerRow: number): ColumnCandidate[] {
  return grid
    .columnsShown(headerRow)
    .filter((col) => grid.text(headerRow, col))
    .map((col) => ({ col, letter: columnLetters(col), header: grid.text(headerRow, col), samples: columnSamples(grid, headerRow, col), roles: [] }));
}

function choosable(layout: SheetLayout, sheet: SheetModel): ChoosableSheet | null {
  // Indexed only when needed: a plan sheet read with samples of every column needs no grid, and at 50,000 rows
  // indexing one again cost 55 ms.
  let indexed: SheetGrid | undefined;
  const grid = () => (indexed ??= new SheetGrid(sheet));
  if (layout.role === 'plan' && layout.headerRows.length) {
    const headerRow = layout.headerRows[0];
    const labelRow = layout.headerRows[layout.headerRows.length - 1];
    const columns = layout.columns.map((c) => ({
      col: c.col,
      letter: columnLetters(c.col),
      header: c.header,
      samples: c.samples ?? columnSamples(grid(), labelRow, c.col),
      roles: c.field ? [{ field: c.field, confidence: c.confidence, reasons: c.reasons ?? [] }] : [],
    }));
    return { sheet: layout.sheet, headerRow, found: true, columns };
  }
  if (layout.role !== 'not-a-plan') return null;
  if (layout.candidates?.headerRow) {
    return { sheet: layout.sheet, headerRow: layout.candidates.headerRow, found: false, columns: layout.candidates.columns };
  }
  const headerRow = likeliestHeaderRow(grid());
  return headerRow === null ? null : { sheet: layout.sheet, headerRow, found: false, columns: plainColumns(grid(), headerRow) };
}

export function choosableSheets(model: WorkbookModel, result: StructureResult): ChoosableSheet[] {
  return result.sheets.flatMap((layout) => {
    const sheet = model.sheets.find((s) => s.name === layout.sheet);
    const choice = sheet && choosable(layout, sheet);
    return choice ? [choice] : [];
  });
}

/** Where a column's sample values are long on average: the likeliest action where nothing else says so. */
function averageLength(c: ColumnCandidate): number {
  return c.samples.length ? c.samples.reduce((n, s) => n + s.length, 0) / c.samples.length : 0;
}

/**
 * A role for each column worth suggesting, likeliest first: each role and each column used once, at the confidence
 * the engine gave. Without any candidate roles, the column with the longest values is suggested as the action.
 */
export function suggestedRoles(sheet: ChoosableSheet, minimum = 0.3): { col: number; letter: string; field: ColumnField; reasons: string[] }[] {
  const pairs = sheet.columns.flatMap((c) => c.roles.map((r) => ({ c, ...r }))).filter((p) => p.confidence >= minimum);
  pairs.sort((a, b) => b.confidence - a.confidence);
  const usedFields = new Set<ColumnField>();
  const usedCols = new Set<number>();
  const out: { col: number; letter: string; field: ColumnField; reasons: string[] }[] = [];
  for (const p of pairs) {
    if (usedFields.has(p.field) || usedCols.has(p.c.col) || p.field === 'marker') continue;
    usedFields.add(p.field);
    usedCols.add(p.c.col);
    out.push({ col: p.c.col, letter: p.c.letter, field: p.field, reasons: p.reasons });
  }
  if (!usedFields.has('action')) {
    const longest = sheet.columns.filter((c) => !usedCols.has(c.col)).sort((a, b) => averageLength(b) - averageLength(a))[0];
    if (longest && averageLength(longest) > 0) {
      out.unshift({ col: longest.col, letter: longest.letter, field: 'action', reasons: [`holds the longest text (about ${Math.round(averageLength(longest))} characters a row)`] });
    }
  }
  return out.sort((a, b) => (a.field === 'action' ? -1 : b.field === 'action' ? 1 : a.col - b.col));
}
