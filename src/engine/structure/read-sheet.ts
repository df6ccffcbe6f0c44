/**
 * Reads one sheet of a plan, whatever its layout, into data rows with their headings: finds the header rows,
 * skips titles, repeated headers, blank rows and notes, and tracks the section headings above each row.
 */
import { CellModel, cellText, MergedArea, SheetGrid, SheetModel } from '../workbook';
import { tidy } from '../text';
import { isLegendCell } from './boundaries';
import { sideLegends, withoutSideLegends } from './side-legends';
import { ColumnField, findHeaderByContent, HeaderBlock, headerScore, headsPlanByContent, isGroupHeaderAbove, readHeader, repeatsHeader } from './columns';
import { headingKind, HeadingKind, headingRank, isNoteText } from './headings';
import { actionColumns, hasTwoCellsWithin, isSingleText, looksLikeHeading, ownContent, tidyCell } from './row-content';
import {
  insideTable,
  lastColumn,
  leadInSections,
  legendAbove,
  newTableHeaders,
  RowClasses,
  sectionsAbove,
  segmentEnds,
  tableEdgeRows,
  withoutSideLegend,
} from './table-edges';

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

const NO_UNMAPPED: DataRow['unmapped'] = [];

/** A data row's cells by field (a Map will do; the reader makes a RowFieldCells). */
export interface RowFields {
  readonly size: number;
  get(field: ColumnField): FieldCell[] | undefined;
  has(field: ColumnField): boolean;
  /** Each field's cells, in the order the fields were first given cells. */
  forEach(each: (cells: FieldCell[], field: ColumnField) => void): void;
  /** False when no cell holds an Excel error (a Map, which cannot tell, has no such property). */
  readonly hasError?: boolean;
}

/**
 * A data row's cells by field, as two lists side by side searched in order: a row has a dozen fields at most. A Map
 * a row, its table grown twice as the fields were set, was about 23 MB at 50,000 actions.
 */
class RowFieldCells implements RowFields {
  private readonly fields: ColumnField[] = [];
  private readonly lists: FieldCell[][] = [];
  hasError = false;

  get size(): number {
    return this.fields.length;
  }

  get(field: ColumnField): FieldCell[] | undefined {
    const at = this.fields.indexOf(field);
    return at < 0 ? undefined : this.lists[at];
  }

  has(field: ColumnField): boolean {
    return this.fields.indexOf(field) >= 0;
  }

  add(field: ColumnField, cell: FieldCell): void {
    if (cell.error !== undefined) this.hasError = true;
    const at = this.fields.indexOf(field);
    if (at >= 0) this.lists[at].push(cell);
    else {
      this.fields.push(field);
      this.lists.push([cell]);
    }
  }

  forEach(each: (cells: FieldCell[], field: ColumnField) => void): void {
    for (let i = 0; i < this.fields.length; i++) each(this.lists[i], this.fields[i]);
  }
}

export interface DataRow {
  row: number;
  header: HeaderBlock;
  /** Cells per mapped field, in column order. */
  fields: RowFields;
  /** Non-empty cells in columns no field claims, with their header label. */
  unmapped: readonly { col: number; header: string; text: string }[];
  /** The headings over the row; rows under the same headings share one object, which is never changed. */
  headings: Readonly<{ theme: string | null; qualityStatement: string | null; area: string | null }>;
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
  /** The data rows, in order; empty when readSheet was given a RowSink, which had them instead. */
  rows: DataRow[];
  titles: { row: number; text: string }[];
  notes: { row: number; text: string }[];
  sections: SectionHeading[];
  /** Rows skipped as repeated headers. */
  repeatedHeaders: number[];
}

/**
 * Where a reading's data rows go instead of `reading.rows`, as they are read: so that a caller can assemble
 * actions as it goes and each row is let go young, rather than 50,000 rows kept to the end of the sheet.
 */
export interface RowSink {
  /** Before the first row: the headers `reading.headers` will list once the sheet is read, in order. */
  start(headers: readonly HeaderBlock[]): void;
  row(row: DataRow): void;
}

/** Rows of one-cell captions looked through, above a header, for the blank row that starts its table. */
const CAPTION_ROWS = 3;

/** A cell that shows some text; and one that does and is no whole legend written in one cell. */
const showsText = (c: CellModel): boolean => cellText(c.value).trim() !== '';
const showsValueNotLegend = (c: CellModel): boolean => showsText(c) && !isLegendCell(cellText(c.value));

/**
 * Whether the rows directly above `row` are one-cell captions (a title, a heading merged across the width), a few at
 * most, with a blank row or the top of the sheet above them: a new table's lead-in.
 */
function underCaptions(grid: SheetGrid, row: number, skip: ReadonlySet<number>): boolean {
  for (let r = row - 1; r >= Math.max(1, row - CAPTION_ROWS); r--) {
    if (!grid.hasRow(r)) return r < row - 1;
    if (skip.has(r)) return false;
    if (grid.countCells(r, showsText) !== 1) return false;
    if (r === 1) return true;
  }
  return false;
}

/**
 * Whether the row directly above holds two values or more, as a data row does (not a blank, heading or title; a
 * whole legend written in one cell beside a caption is no value of a row).
 */
function underDataRow(grid: SheetGrid, row: number): boolean {
  return grid.countCells(row - 1, showsValueNotLegend) >= 2;
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
export function readSheet(sheet: SheetModel, overrides?: ColumnOverrides, headerRow?: number, sink?: RowSink): SheetReading {
  const reading: SheetReading = { sheet: sheet.name, headers: [], rows: [], titles: [], notes: [], sections: [], repeatedHeaders: [] };
  // Legends beside the table are taken out before it is read, and kept as notes; a column the officer mapped is
  // never part of one.
  const whole = new SheetGrid(sheet);
  const legends = sideLegends(whole).filter((l) => !overrides || !Object.keys(overrides).some((c) => Number(c) >= l.fromCol));
  // The sheet's own grid serves when it has no side legend: a plan of 50,000 rows is not indexed twice.
  let grid = whole;
  if (legends.length) {
    const without = withoutSideLegends(sheet, legends);
    grid = new SheetGrid(without.sheet);
    reading.notes.push(...without.notes);
  }
  const rowNumbers = grid.rowNumbers;
  const headerAt = new Map<number, HeaderBlock>();
  const skip = new Set<number>();
  const addHeader = (r: number, groupAbove: boolean): HeaderBlock => {
    const block = applyOverrides(groupAbove ? readHeader(grid, r - 1, true) : readHeader(grid, r, false), overrides);
    if (groupAbove) headerAt.delete(r - 1);
    headerAt.set(block.rows[0], block);
    block.rows.forEach((x) => skip.add(x));
    return block;
  };
  if (headerRow !== undefined) {
    addHeader(headerRow, false);
    const first = headerAt.get(headerRow)!;
    for (let i = 0; i < rowNumbers.length; i++) {
      const r = rowNumbers[i];
      if (r > headerRow && !skip.has(r) && repeatsHeader(grid, r, first)) addHeader(r, false);
    }
  } else {
    let last: HeaderBlock | null = null;
    for (let i = 0; i < rowNumbers.length; i++) {
      const r = rowNumbers[i];
      if (skip.has(r) || !headerScore(grid, r)) continue;
      // Inside a table, a row straight under a data row is a header only when it repeats the one above (a page
      // break): short data ("Task and finish group | Head of Service") can read as labels, word by word.
      // A group header over the labels (merged across some of them) is no data row. (Side legends are out of the
      // grid already, so a caption they shared rows with reads as a caption.)
      if (last && underDataRow(grid, r) && !isGroupHeaderAbove(grid, r) && !repeatsHeader(grid, r, last)) continue;
      last = addHeader(r, isGroupHeaderAbove(grid, r) && !skip.has(r - 1));
    }
    // No header's words named an action: a row of labels over a column of free text may still head the table.
    const byContent = headerAt.size ? null : findHeaderByContent(grid);
    if (byContent !== null) addHeader(byContent, isGroupHeaderAbove(grid, byContent));
    // Each table on the sheet starts below a blank row (and perhaps a caption), or at the top; a header whose
    // words name no action surely may still head a plan that its columns' content reveals, above or below one
    // that the words found.
    for (let i = 0; i < rowNumbers.length; i++) {
      const r = rowNumbers[i];
      // A header has two labels of its own at least; a heading merged across the columns has one.
      if (skip.has(r) || headerAt.has(r) || grid.countCells(r) < 2) continue;
      // Directly below the blank row, or under one-cell captions; a header under group labels starts its table at
      // the group row. (The cheap look above comes first: this is asked of every row.)
      const startsHere = !grid.hasRow(r - 1) || underCaptions(grid, r, skip);
      const startsAbove = !startsHere && !skip.has(r - 1) && (!grid.hasRow(r - 2) || underCaptions(grid, r - 1, skip));
      const grouped = (startsHere || startsAbove) && !skip.has(r - 1) && isGroupHeaderAbove(grid, r);
      if (!startsHere && !grouped) continue;
      if (headsPlanByContent(grid, r)) addHeader(r, grouped);
    }
  }
  if (!headerAt.size) return reading;
  const headerRows = [...headerAt.keys()].sort((a, b) => a - b);
  const firstHeader = headerRows[0];
  for (const r of headerRows) {
    const block = headerAt.get(r)!;
    const reread = (lastCol: number) => applyOverrides(readHeader(grid, block.rows[0], block.rows.length > 1, lastCol), overrides);
    headerAt.set(r, withoutSideLegend(grid, block, overrides, (text) => reading.notes.push({ row: r, text }), reread));
  }
  const newTables = newTableHeaders(grid, headerRows.map((r) => headerAt.get(r)!));

  // Rows above the first header: a legend or page lines there are notes; the run of headings directly above it
  // are sections; the rest are titles.
  const pre = rowNumbers.filter((r) => r < firstHeader);
  const preNotes = legendAbove(grid, pre, headerAt.get(firstHeader)!);
  const preSections = sectionsAbove(grid, 0, firstHeader, (content) => preNotes.has(content.row));
  // The headings directly above each later header; above a new table, they are where that table starts.
  const leadIns = new Map<number, number>();
  for (let i = 1; i < headerRows.length; i++) {
    const block = headerAt.get(headerRows[i])!;
    const fresh = newTables.has(block);
    const sections = leadInSections(grid, headerAt.get(headerRows[i - 1])!, headerRows[i], !fresh);
    sections.forEach((r) => preSections.add(r));
    if (fresh) leadIns.set(sections.size ? Math.min(...sections) : headerRows[i], headerRows[i]);
  }

  // Which heading kinds this sheet uses decides which is the theme and which the area.
  let headingRows: { row: number; text: string; kind: HeadingKind }[] = [];
  const classified = new RowClasses();
  /** Each row's text beyond the right edge of its table (a legend beside it): kept as a note, never read as data. */
  const besideTable = new Map<number, string>();
  let header: HeaderBlock | null = null;
  for (let i = 0; i < rowNumbers.length; i++) {
    const r = rowNumbers[i];
    if (headerAt.has(r)) {
      header = headerAt.get(r)!;
      classified.set(r, 'header');
      continue;
    }
    if (skip.has(r)) {
      classified.set(r, 'header');
      continue;
    }
    // Most rows of a table are data: two cells or more within it make a row data, whatever they say.
    if (header && r > firstHeader && !preSections.has(r) && hasTwoCellsWithin(grid, r, lastColumn(header))) {
      classified.set(r, 'data');
      continue;
    }
    const own = ownContent(grid, r);
    if (!own.cells.length) {
      classified.set(r, 'blank');
      continue;
    }
    if (preSections.has(r)) {
      classified.set(r, 'section');
      headingRows.push({ row: r, text: own.cells[0].text, kind: headingKind(own.cells[0].text) });
      continue;
    }
    if (r < firstHeader) {
      const text = own.cells.map((c) => c.text).join('\n');
      if (preNotes.has(r)) {
        classified.set(r, 'note');
        reading.notes.push({ row: r, text });
      } else {
        classified.set(r, 'title');
        reading.titles.push({ row: r, text });
      }
      continue;
    }
    const content = insideTable(own, header!, besideTable);
    if (!content.cells.length) {
      classified.set(r, 'note');
      reading.notes.push({ row: r, text: besideTable.get(r)! });
      besideTable.delete(r);
      continue;
    }
    const single = isSingleText(content) ? content.cells[0].text : null;
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

  // Where each table ends: legends, sign-offs, page lines and footers at its foot are notes, not rows or headings.
  const footRows = tableEdgeRows(grid, headerRows.map((r) => headerAt.get(r)!), segmentEnds(headerRows, leadIns), classified);
  for (const r of footRows) {
    classified.set(r, 'note');
    const own = ownContent(grid, r);
    reading.notes.push({ row: r, text: own.cells.map((c) => c.text).join('\n') });
    besideTable.delete(r);
  }
  if (footRows.size) headingRows = headingRows.filter((h) => !footRows.has(h.row));

  const ranks = [...new Set(headingRows.filter((h) => h.kind !== 'quality-statement').map((h) => headingRank(h.kind)))].sort();
  const themeRank = ranks[0];
  const headings: { -readonly [K in keyof DataRow['headings']]: DataRow['headings'][K] } = { theme: null, qualityStatement: null, area: null };
  const fill = new Map<ColumnField, FieldCell>();
  /** A copy of `headings` for the rows under them, made for the first such row: a copy a row cost 50,000 objects. */
  let headingsNow: DataRow['headings'] | null = null;
  // By row: a plan of 50,000 actions has thousands of headings, and a search of the list for each was quadratic.
  const headingAt = new Map(headingRows.map((h) => [h.row, h]));
  // The headers the loop below will list: every header row it visits still classed as one.
  sink?.start(headerRows.filter((r) => grid.hasRow(r) && classified.get(r) === 'header').map((r) => headerAt.get(r)!));
  header = null;
  let lastData = 0;
  let pageBreak = false;
  let afterHeading = false;
  for (let i = 0; i < rowNumbers.length; i++) {
    const r = rowNumbers[i];
    const kind = classified.get(r);
    if (leadIns.has(r)) {
      // A new table starts here: nothing of the one above carries into it.
      headings.theme = headings.qualityStatement = headings.area = null;
      headingsNow = null;
      fill.clear();
      pageBreak = false;
      afterHeading = true;
    }
    if (kind === 'header') {
      if (headerAt.has(r)) {
        if (newTables.has(headerAt.get(r)!)) afterHeading = true;
        else if (header && lastData) {
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
      headingsNow = null;
      afterHeading = true;
      continue;
    }
    if (kind !== 'data' || !header) continue;

    const fields = new RowFieldCells();
    // Made for the first unmapped cell: most rows have none.
    let unmapped: { col: number; header: string; text: string }[] | undefined;
    for (const column of header.columns) {
      const merge = grid.merge(r, column.col);
      const shown = grid.shown(r, column.col);
      const text = tidyCell(cellText(shown?.value));
      if (!column.field) {
        if (text && !(merge && merge.top < r)) (unmapped ??= []).push({ col: column.col, header: column.header, text });
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
      fields.add(column.field, cell);
    }
    if (!fields.size && !unmapped) {
      // Nothing in any column of the table (a stray value far off to the side): not an action, but not lost.
      const content = ownContent(grid, r);
      reading.notes.push({ row: r, text: content.cells.map((c) => c.text).join('\n') });
      continue;
    }
    const beside = besideTable.get(r);
    if (beside) reading.notes.push({ row: r, text: beside });
    headingsNow ??= { ...headings };
    const dataRow: DataRow = { row: r, header, fields, unmapped: unmapped ?? NO_UNMAPPED, headings: headingsNow, afterPageBreak: pageBreak, afterHeading };
    if (sink) sink.row(dataRow);
    else reading.rows.push(dataRow);
    lastData = r;
    pageBreak = false;
    afterHeading = false;
  }
  // Notes come from several passes (above the table, beside it, at its foot): in sheet order for the officer.
  reading.notes.sort((a, b) => a.row - b.row);
  return reading;
}
