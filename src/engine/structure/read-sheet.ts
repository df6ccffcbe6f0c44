/**
 * Reads one sheet of a plan, whatever its layout, into data rows with their headings: finds the header rows,
 * skips titles, repeated headers, blank rows and notes, and tracks the section headings above each row.
 */
import { cellText, MergedArea, SheetGrid, SheetModel } from '../workbook';
import { tidy } from '../text';
import { ColumnField, HeaderBlock, headerScore, isGroupHeaderAbove, readHeader, repeatsHeader } from './columns';
import { isKeyLabel, isPageText, leadingLegendRows, RowCells, RowEvidence, rowEvidence, TableRoles, trailingRows } from './boundaries';
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

/** The officer's corrections to a sheet's column mapping: column number → field, or null to ignore the column. */
export type ColumnOverrides = Record<number, ColumnField | null>;

function applyOverrides(block: HeaderBlock, overrides: ColumnOverrides | undefined): HeaderBlock {
  if (!overrides) return block;
  return {
    ...block,
    columns: block.columns.map((c) => (c.col in overrides ? { ...c, field: overrides[c.col], confidence: overrides[c.col] ? 1 : 0 } : c)),
  };
}

type RowClass = 'title' | 'section' | 'note' | 'header' | 'data' | 'blank';

/** The last column a table's header labels (or spans with a merged label). */
function lastColumn(header: HeaderBlock): number {
  return header.columns.length ? header.columns[header.columns.length - 1].col : 0;
}

/**
 * A row's cells within its table's columns. Cells beyond the table's right edge (a legend or note beside it) are
 * left out, their text kept in `beside` by row when given.
 */
function insideTable(content: RowContent, header: HeaderBlock, beside?: Map<number, string>): RowContent {
  const last = lastColumn(header);
  if (!content.cells.some((c) => c.col > last)) return content;
  const outside = content.cells.filter((c) => c.col > last);
  beside?.set(content.row, outside.map((c) => c.text).join('\n'));
  return { row: content.row, cells: content.cells.filter((c) => c.col <= last) };
}

function toRowCells(content: RowContent, grid: SheetGrid): RowCells {
  return {
    row: content.row,
    cells: content.cells.map((c) => ({ col: c.col, text: c.text, isDate: grid.shown(content.row, c.col)?.value.type === 'date' })),
  };
}

function tableRoles(header: HeaderBlock): TableRoles {
  const cols = (...fields: ColumnField[]) => new Set(header.columns.filter((c) => c.field && fields.includes(c.field)).map((c) => c.col));
  return { action: cols('action'), rating: cols('status', 'rag'), ref: cols('ref') };
}

/**
 * A header's columns without a legend set beside the table under its own label ("Key", "RAG key"): that column
 * explains the plan's words rather than holding a field of each action. The officer's own mapping of a column wins.
 */
function withoutSideLegend(header: HeaderBlock, overrides: ColumnOverrides | undefined, keep: (text: string) => void): HeaderBlock {
  const legend = header.columns.filter((c) => !(overrides && c.col in overrides) && isKeyLabel(c.header.split(': ').pop()!));
  if (!legend.length) return header;
  const first = Math.min(...legend.map((c) => c.col));
  // The legend is what lies right of its label; the table keeps the columns left of it.
  const columns = header.columns.filter((c) => c.col < first);
  if (!columns.some((c) => c.field === 'action')) return header;
  header.columns.filter((c) => c.col >= first).forEach((c) => keep(c.header));
  return { ...header, columns };
}

/** Header blocks that start a new table rather than repeat the one above at a page break: their labels differ. */
function newTableHeaders(grid: SheetGrid, blocks: HeaderBlock[]): Set<HeaderBlock> {
  const fresh = new Set<HeaderBlock>();
  for (let i = 1; i < blocks.length; i++) {
    const rows = blocks[i].rows;
    if (!repeatsHeader(grid, rows[rows.length - 1], blocks[i - 1])) fresh.add(blocks[i]);
  }
  return fresh;
}

/**
 * The run of headings directly above a table's header (`rows` are the rows above it, in sheet order): single
 * values, not titles, and not across a blank row unless they name a theme or number a section.
 */
function sectionsAbove(grid: SheetGrid, rows: number[], headerRow: number, stop: ReadonlySet<number>): Set<number> {
  const sections = new Set<number>();
  let crossedBlank = false;
  let expected = headerRow - 1;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const content = ownContent(grid, r);
    if (!content.cells.length) continue;
    if (r < expected) crossedBlank = true;
    expected = r - 1;
    if (stop.has(r) || !isSingleText(content)) break;
    const text = content.cells[0].text;
    const kind = headingKind(text);
    if (kind !== 'theme' && kind !== 'quality-statement' && TITLE_LIKE.test(text)) break;
    if (kind === 'plain' && crossedBlank) break;
    if (isNoteText(text) || isPageText(text)) break;
    sections.add(r);
  }
  return sections;
}

export function readSheet(sheet: SheetModel, overrides?: ColumnOverrides): SheetReading {
  const grid = new SheetGrid(sheet);
  const reading: SheetReading = { sheet: sheet.name, headers: [], rows: [], titles: [], notes: [], sections: [], repeatedHeaders: [] };
  const rowNumbers = grid.rowNumbers;
  const headerAt = new Map<number, HeaderBlock>();
  const skip = new Set<number>();
  for (const r of rowNumbers) {
    if (skip.has(r)) continue;
    if (headerScore(grid, r)) {
      const groupAbove = isGroupHeaderAbove(grid, r) && !skip.has(r - 1);
      const block = applyOverrides(groupAbove ? readHeader(grid, r - 1, true) : readHeader(grid, r), overrides);
      if (groupAbove) headerAt.delete(r - 1);
      headerAt.set(block.rows[0], block);
      block.rows.forEach((x) => skip.add(x));
    }
  }
  if (!headerAt.size) return reading;
  const headerRows = [...headerAt.keys()].sort((a, b) => a - b);
  const firstHeader = headerRows[0];
  for (const r of headerRows) headerAt.set(r, withoutSideLegend(headerAt.get(r)!, overrides, (text) => reading.notes.push({ row: r, text })));
  const newTables = newTableHeaders(grid, headerRows.map((r) => headerAt.get(r)!));

  // Rows above the first header: a legend or page lines there are notes; the run of headings directly above it
  // are sections; the rest are titles.
  const pre = rowNumbers.filter((r) => r < firstHeader);
  const firstRoles = tableRoles(headerAt.get(firstHeader)!);
  const preEvidence = (r: number) => rowEvidence(toRowCells(ownContent(grid, r), grid), firstRoles);
  const preNotes = leadingLegendRows(
    pre
      .slice()
      .reverse()
      .filter((r) => ownContent(grid, r).cells.length)
      .map(preEvidence),
  );
  const preSections = sectionsAbove(grid, pre, firstHeader, preNotes);
  // A second table's own headings directly above its header.
  const leadIns = new Map<number, number>();
  for (const block of newTables) {
    const top = block.rows[0];
    const previous = headerRows.filter((r) => r < top).pop()!;
    const between = rowNumbers.filter((r) => r > Math.max(...headerAt.get(previous)!.rows) && r < top);
    // The table above would read plain text in its action column as an action: that is no heading of this one.
    const actionCols = actionColumns(headerAt.get(previous)!);
    const actionOfAbove = new Set(between.filter((r) => {
      const cell = ownContent(grid, r).cells[0];
      return cell && actionCols.has(cell.col) && !cell.bold && !(cell.merge && cell.merge.right > cell.merge.left);
    }));
    const sections = sectionsAbove(grid, between, top, actionOfAbove);
    sections.forEach((r) => preSections.add(r));
    leadIns.set(sections.size ? Math.min(...sections) : top, top);
  }

  // Which heading kinds this sheet uses decides which is the theme and which the area.
  let headingRows: { row: number; text: string; kind: HeadingKind }[] = [];
  const classified = new Map<number, RowClass>();
  /** Each row's text beyond the right edge of its table (a legend beside it): kept as a note, never read as data. */
  const besideTable = new Map<number, string>();
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
  const footRows = new Set<number>();
  const segmentEnds = headerRows.map((top, i) => {
    const next = headerRows[i + 1];
    if (next === undefined) return Infinity;
    return [...leadIns].find(([, t]) => t === next)?.[0] ?? next;
  });
  let at = 0;
  for (let i = 0; i < headerRows.length; i++) {
    const block = headerAt.get(headerRows[i])!;
    const bodyStart = block.rows[block.rows.length - 1];
    const body: number[] = [];
    while (at < rowNumbers.length && rowNumbers[at] < segmentEnds[i]) {
      const r = rowNumbers[at++];
      const kind = classified.get(r);
      if (r > bodyStart && (kind === 'data' || kind === 'section' || kind === 'note')) body.push(r);
    }
    // Headings at the foot of a table that another header follows head that table, not this one's footer.
    if (i + 1 < headerRows.length) while (body.length && classified.get(body[body.length - 1]) === 'section') body.pop();
    const rows = body.map((r, k) => ({ row: r, gapAbove: k > 0 && body[k - 1] !== r - 1 }));
    const roles = tableRoles(block);
    const memo = new Map<number, RowEvidence>();
    const evidenceOf = (r: number): RowEvidence => {
      let e = memo.get(r);
      if (!e) memo.set(r, (e = rowEvidence(toRowCells(insideTable(ownContent(grid, r), block), grid), roles)));
      return e;
    };
    for (const r of trailingRows(rows, evidenceOf)) if (classified.get(r) !== 'note') footRows.add(r);
  }
  for (const r of footRows) {
    classified.set(r, 'note');
    const own = ownContent(grid, r);
    reading.notes.push({ row: r, text: own.cells.map((c) => c.text).join('\n') });
    besideTable.delete(r);
  }
  if (footRows.size) headingRows = headingRows.filter((h) => !footRows.has(h.row));

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
    if (leadIns.has(r)) {
      // A new table starts here: nothing of the one above carries into it.
      headings.theme = headings.qualityStatement = headings.area = null;
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
    const beside = besideTable.get(r);
    if (beside) reading.notes.push({ row: r, text: beside });
    reading.rows.push({ row: r, header, fields, unmapped, headings: { ...headings }, afterPageBreak: pageBreak, afterHeading });
    lastData = r;
    pageBreak = false;
    afterHeading = false;
  }
  // Notes come from several passes (above the table, beside it, at its foot): in sheet order for the officer.
  reading.notes.sort((a, b) => a.row - b.row);
  return reading;
}
