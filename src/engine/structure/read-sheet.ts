/**
 * Reads one sheet of a plan, whatever its layout, into data rows with their headings: finds the header rows,
 * skips titles, repeated headers, blank rows and notes, and tracks the section headings above each row.
 */
import { cellText, MergedArea, SheetGrid, SheetModel } from '../workbook';
import { tidy } from '../text';
import { ColumnField, findHeaderByContent, HeaderBlock, headerScore, isGroupHeaderAbove, readHeader, repeatsHeader } from './columns';
import { headingKind, HeadingKind, headingRank, isNoteText } from './headings';

export interface FieldCell {
  col: number;
  text: string;
  /** The merged area the value shows from, when the cell is covered by one. */
  merge?: MergedArea;
  /** A real date in the cell (YYYY-MM-DD). */
  date?: string;
  /** An Excel error value in the cell. */
  error?: string;
}

export interface DataRow {
  row: number;
  header: HeaderBlock;
  /** Cells per mapped field, in column order. */
  fields: Map<ColumnField, FieldCell[]>;
  /** Non-empty cells in columns no field claims, with their header label. */
  unmapped: { col: number; header: string; text: string }[];
  headings: { theme: string | null; qualityStatement: string | null; area: string | null };
  /** A repeated header (a page break) stands between this row and the previous data row. */
  afterPageBreak: boolean;
  /** A section heading stands between this row and the previous data row. */
  afterHeading: boolean;
}

export interface SectionHeading {
  row: number;
  kind: HeadingKind;
  text: string;
}

export interface SheetReading {
  sheet: string;
  headers: HeaderBlock[];
  rows: DataRow[];
  titles: { row: number; text: string }[];
  notes: { row: number; text: string }[];
  sections: SectionHeading[];
  /** Rows skipped as repeated headers. */
  repeatedHeaders: number[];
}

interface RowContent {
  row: number;
  cells: { col: number; text: string; merge?: MergedArea; bold: boolean }[];
}

/** The cells a row itself holds: its own values and merged areas that start on it. */
function ownContent(grid: SheetGrid, row: number): RowContent {
  const cells: RowContent['cells'] = [];
  for (const cell of grid.rowCells(row)) {
    const col = cell.col;
    const merge = grid.merge(row, col);
    if (merge && (merge.top !== row || merge.left !== col)) continue;
    const text = tidyCell(cellText(cell.value));
    if (text) cells.push({ col, text, merge, bold: !!cell.bold });
  }
  return { row, cells };
}

/**
 * Something the line-by-line tidy below would change: a tab, a double space, a blank line, or a line that starts
 * or ends with white space.
 */
const UNTIDY = /\t| {2}|^\s|\s$|\s\n|\n\s/;

function tidyCell(text: string): string {
  // Most cells are already tidy, multi-line ones included: skip the split and join (this runs for every cell of
  // every row, twice).
  if (!UNTIDY.test(text)) return text;
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const TITLE_LIKE = /\b(19|20)\d{2}\b|\b(plan|strategy|appendix|draft|inspection|report|council|directorate)\b/i;

function isSingleText(content: RowContent): boolean {
  return content.cells.length === 1;
}

function looksLikeHeading(content: RowContent, actionCols: Set<number>): boolean {
  if (!isSingleText(content)) return false;
  const cell = content.cells[0];
  if (cell.merge && cell.merge.right > cell.merge.left) return true;
  if (cell.bold) return true;
  if (!actionCols.has(cell.col) && headingKind(cell.text) !== 'plain') return true;
  return false;
}

function actionColumns(header: HeaderBlock): Set<number> {
  return new Set(header.columns.filter((c) => c.field === 'action').map((c) => c.col));
}

/** Whether the row directly above holds two values or more, as a data row does (not a blank, heading or title). */
function underDataRow(grid: SheetGrid, row: number): boolean {
  return grid.rowCells(row - 1).filter((c) => cellText(c.value).trim()).length >= 2;
}

/** The officer's corrections to a sheet's column mapping: column number → field, or null to ignore the column. */
export type ColumnOverrides = Record<number, ColumnField | null>;

function applyOverrides(block: HeaderBlock, overrides: ColumnOverrides | undefined): HeaderBlock {
  if (!overrides) return block;
  return {
    ...block,
    columns: block.columns.map((c) =>
      c.col in overrides
        ? { ...c, field: overrides[c.col], confidence: overrides[c.col] ? 1 : 0, reasons: [overrides[c.col] ? 'chosen by the officer' : 'left out by the officer'] }
        : c,
    ),
  };
}

/**
 * @param headerRow the officer's header row (1-based): the table is read under it, and under rows repeating it,
 * whatever the detection makes of the sheet.
 */
export function readSheet(sheet: SheetModel, overrides?: ColumnOverrides, headerRow?: number): SheetReading {
  const grid = new SheetGrid(sheet);
  const reading: SheetReading = { sheet: sheet.name, headers: [], rows: [], titles: [], notes: [], sections: [], repeatedHeaders: [] };
  const rowNumbers = grid.rowNumbers;
  const headerAt = new Map<number, HeaderBlock>();
  const skip = new Set<number>();
  const addHeader = (r: number, groupAbove: boolean): HeaderBlock => {
    const block = applyOverrides(groupAbove ? readHeader(grid, r - 1, true) : readHeader(grid, r), overrides);
    if (groupAbove) headerAt.delete(r - 1);
    headerAt.set(block.rows[0], block);
    block.rows.forEach((x) => skip.add(x));
    return block;
  };
  if (headerRow !== undefined) {
    addHeader(headerRow, false);
    const first = headerAt.get(headerRow)!;
    for (const r of rowNumbers) if (r > headerRow && !skip.has(r) && repeatsHeader(grid, r, first)) addHeader(r, false);
  } else {
    let last: HeaderBlock | null = null;
    for (const r of rowNumbers) {
      if (skip.has(r) || !headerScore(grid, r)) continue;
      // Inside a table, a row straight under a data row is a header only when it repeats the one above (a page
      // break): short data ("Task and finish group | Head of Service") can read as labels, word by word.
      if (last && underDataRow(grid, r) && !repeatsHeader(grid, r, last)) continue;
      last = addHeader(r, isGroupHeaderAbove(grid, r) && !skip.has(r - 1));
    }
    // No header's words named an action: a row of labels over a column of free text may still head the table.
    const byContent = headerAt.size ? null : findHeaderByContent(grid);
    if (byContent !== null) addHeader(byContent, isGroupHeaderAbove(grid, byContent));
  }
  if (!headerAt.size) return reading;
  const firstHeader = Math.min(...headerAt.keys());

  // Rows above the first header: the run of headings directly above it are sections, the rest are titles.
  const pre = rowNumbers.filter((r) => r < firstHeader);
  const preSections = new Set<number>();
  let crossedBlank = false;
  let expected = firstHeader - 1;
  for (let i = pre.length - 1; i >= 0; i--) {
    const r = pre[i];
    if (r < expected) crossedBlank = true;
    expected = r - 1;
    const content = ownContent(grid, r);
    if (!isSingleText(content)) break;
    const text = content.cells[0].text;
    const kind = headingKind(text);
    if (kind !== 'theme' && kind !== 'quality-statement' && TITLE_LIKE.test(text)) break;
    if (kind === 'plain' && crossedBlank) break;
    preSections.add(r);
  }

  // Which heading kinds this sheet uses decides which is the theme and which the area.
  const headingRows: { row: number; text: string; kind: HeadingKind }[] = [];
  const classified = new Map<number, 'title' | 'section' | 'note' | 'header' | 'data' | 'blank'>();
  let header: HeaderBlock | null = null;
  for (const r of rowNumbers) {
    if (headerAt.has(r)) {
      header = headerAt.get(r)!;
      classified.set(r, 'header');
      continue;
    }
    if (skip.has(r)) {
      classified.set(r, 'header');
      continue;
    }
    const content = ownContent(grid, r);
    if (!content.cells.length) {
      classified.set(r, 'blank');
      continue;
    }
    const single = isSingleText(content) ? content.cells[0].text : null;
    if (r < firstHeader) {
      if (preSections.has(r)) {
        classified.set(r, 'section');
        headingRows.push({ row: r, text: single!, kind: headingKind(single!) });
      } else {
        classified.set(r, 'title');
        reading.titles.push({ row: r, text: content.cells.map((c) => c.text).join('\n') });
      }
      continue;
    }
    if (single !== null && isNoteText(single)) {
      classified.set(r, 'note');
      reading.notes.push({ row: r, text: single });
      continue;
    }
    // Only a row with a single value can be a heading: only for those are the action columns worth collecting.
    if (single !== null && looksLikeHeading(content, actionColumns(header!))) {
      classified.set(r, 'section');
      headingRows.push({ row: r, text: single!, kind: headingKind(single!) });
      continue;
    }
    classified.set(r, 'data');
  }

  const ranks = [...new Set(headingRows.filter((h) => h.kind !== 'quality-statement').map((h) => headingRank(h.kind)))].sort();
  const themeRank = ranks[0];
  const headings: DataRow['headings'] = { theme: null, qualityStatement: null, area: null };
  const fill = new Map<ColumnField, FieldCell>();
  // By row: a plan of 50,000 actions has thousands of headings, and a search of the list for each was quadratic.
  const headingAt = new Map(headingRows.map((h) => [h.row, h]));
  header = null;
  let lastData = 0;
  let pageBreak = false;
  let afterHeading = false;
  for (const r of rowNumbers) {
    const kind = classified.get(r);
    if (kind === 'header') {
      if (headerAt.has(r)) {
        if (header && lastData) {
          reading.repeatedHeaders.push(r);
          pageBreak = true;
        }
        header = headerAt.get(r)!;
        reading.headers.push(header);
      }
      continue;
    }
    if (kind === 'section') {
      const h = headingAt.get(r)!;
      reading.sections.push({ row: r, kind: h.kind, text: h.text });
      const text = tidy(h.text);
      if (h.kind === 'quality-statement') {
        headings.qualityStatement = text;
        headings.area = null;
      } else if (headingRank(h.kind) === themeRank) {
        headings.theme = text;
        headings.qualityStatement = null;
        headings.area = null;
        fill.clear();
      } else {
        headings.area = text;
      }
      afterHeading = true;
      continue;
    }
    if (kind !== 'data' || !header) continue;

    const fields = new Map<ColumnField, FieldCell[]>();
    const unmapped: DataRow['unmapped'] = [];
    for (const column of header.columns) {
      const merge = grid.merge(r, column.col);
      const shown = grid.shown(r, column.col);
      const text = tidyCell(cellText(shown?.value));
      if (!column.field) {
        if (text && !(merge && merge.top < r)) unmapped.push({ col: column.col, header: column.header, text });
        continue;
      }
      let cell: FieldCell | undefined;
      if (text) {
        cell = { col: column.col, text, merge };
        if (shown?.value.type === 'date') cell.date = shown.value.value;
        if (shown?.value.type === 'error') cell.error = shown.value.value;
      }
      // Grouping columns fill down into blank cells until the next heading.
      if (column.field === 'theme' || column.field === 'qualityStatement' || column.field === 'area') {
        if (cell) fill.set(column.field, cell);
        else cell = fill.get(column.field);
      }
      if (!cell) continue;
      const list = fields.get(column.field) ?? [];
      list.push(cell);
      fields.set(column.field, list);
    }
    if (!fields.size && !unmapped.length) {
      // Nothing in any column of the table (a stray value far off to the side): not an action, but not lost.
      const content = ownContent(grid, r);
      reading.notes.push({ row: r, text: content.cells.map((c) => c.text).join('\n') });
      continue;
    }
    reading.rows.push({ row: r, header, fields, unmapped, headings: { ...headings }, afterPageBreak: pageBreak, afterHeading });
    lastData = r;
    pageBreak = false;
    afterHeading = false;
  }
  return reading;
}
