/**
 * The edges of each table on a sheet, for the row classifier: its columns (a legend beside it is no column of
 * it), where a new table starts rather than a header repeating at a page break, the headings directly above a
 * table, and the rows at its foot that belong to the page (legends, sign-offs, footers; see boundaries.ts).
 */
import { SheetGrid } from '../workbook';
import { isKeyLabel, isPageText, readsAsLegend, leadingLegendRows, RowCells, RowEvidence, rowEvidence, TableRoles, trailingRows } from './boundaries';
import { ColumnField, HeaderBlock, repeatsHeader } from './columns';
import { headingKind, isNoteText } from './headings';
import { ColumnOverrides } from './read-sheet';
import { actionColumns, isSingleText, ownContent, RowContent, TITLE_LIKE } from './row-content';

export type RowClass = 'title' | 'section' | 'note' | 'header' | 'data' | 'blank';

/**
 * Each row's class, by row number. A list rather than a map: every row of a sheet gets one, and at 50,000 rows
 * hashing the numbers and growing the map made 27 MB for the young-generation collector to sweep.
 */
export class RowClasses {
  private readonly byRow: (RowClass | undefined)[] = [];

  get(row: number): RowClass | undefined {
    return this.byRow[row];
  }

  set(row: number, kind: RowClass): void {
    this.byRow[row] = kind;
  }
}

/** The last column a table's header labels (or spans with a merged label). */
export function lastColumn(header: HeaderBlock): number {
  return header.columns.length ? header.columns[header.columns.length - 1].col : 0;
}

/**
 * A row's cells within its table's columns. Cells beyond the table's right edge (a legend or note beside it) are
 * left out, their text kept in `beside` by row when given.
 */
export function insideTable(content: RowContent, header: HeaderBlock, beside?: Map<number, string>): RowContent {
  const last = lastColumn(header);
  if (!content.cells.some((c) => c.col > last)) return content;
  const outside = content.cells.filter((c) => c.col > last);
  beside?.set(content.row, outside.map((c) => c.text).join('\n'));
  return { row: content.row, cells: content.cells.filter((c) => c.col <= last) };
}

export function toRowCells(content: RowContent, grid: SheetGrid): RowCells {
  return {
    row: content.row,
    cells: content.cells.map((c) => ({ col: c.col, text: c.text, isDate: grid.shown(content.row, c.col)?.value.type === 'date', bold: c.bold })),
  };
}

export function tableRoles(header: HeaderBlock): TableRoles {
  const cols = (...fields: ColumnField[]) => new Set(header.columns.filter((c) => c.field && fields.includes(c.field)).map((c) => c.col));
  return { action: cols('action'), rating: cols('status', 'rag'), ref: cols('ref') };
}

/**
 * A header's columns without a legend set beside the table under its own label ("Key", "RAG key"): that column
 * explains the plan's words rather than holding a field of each action. It counts as a legend only when what
 * lies under the label reads as one (a few rows naming different status or RAG words). The officer's own mapping
 * of a column wins. `reread` reads the header again up to a given column.
 */
export function withoutSideLegend(
  grid: SheetGrid,
  header: HeaderBlock,
  overrides: ColumnOverrides | undefined,
  keep: (text: string) => void,
  reread: (lastCol: number) => HeaderBlock,
): HeaderBlock {
  const first = sideLegendStart(header, overrides);
  if (first === Infinity) return header;
  // From the top header row: a key label over two header rows has its first entry in the lower one.
  if (!readsAsLegend(grid, header.rows[0], first)) return header;
  // The legend is what lies right of its label; the table keeps the columns left of it. Its roles are decided
  // again without the legend: its "Status key" column must not have taken the status role from the table's own
  // status column, and its entries, counted as rows of the table, made the table's columns look less individual.
  const alone = reread(first - 1);
  const columns = header.columns.filter((c) => c.col < first);
  const kept = alone.columns.some((c) => c.field === 'action') ? alone : columns.some((c) => c.field === 'action') ? { ...header, columns } : null;
  if (!kept) return header;
  header.columns.filter((c) => c.col >= first).forEach((c) => keep(c.header));
  return kept;
}

/**
 * The first column of a header labelled as a legend ("Key", "Status key"), or Infinity where none is. The label may
 * sit in either header row: "Status key" above the legend's first entry is a group label too. A column the officer
 * mapped is never a legend.
 */
export function sideLegendStart(header: HeaderBlock, overrides?: ColumnOverrides): number {
  const legend = header.columns.filter((c) => !(overrides && c.col in overrides) && c.header.split(': ').some(isKeyLabel));
  return legend.length ? Math.min(...legend.map((c) => c.col)) : Infinity;
}

/** Header blocks that start a new table rather than repeat the one above at a page break: their labels differ. */
export function newTableHeaders(grid: SheetGrid, blocks: HeaderBlock[]): Set<HeaderBlock> {
  const fresh = new Set<HeaderBlock>();
  for (let i = 1; i < blocks.length; i++) {
    const rows = blocks[i].rows;
    if (!repeatsHeader(grid, rows[rows.length - 1], blocks[i - 1])) fresh.add(blocks[i]);
  }
  return fresh;
}

/**
 * The run of headings directly above a table's header, looking up from it to the row after `from`: single
 * values, not titles, and not across a blank row unless they name a theme or number a section. `stop` ends the
 * run at a row that cannot be a heading here.
 */
export function sectionsAbove(grid: SheetGrid, from: number, headerRow: number, stop: (row: RowContent) => boolean): Set<number> {
  const sections = new Set<number>();
  let crossedBlank = false;
  let expected = headerRow - 1;
  for (let r = headerRow - 1; r > from; r--) {
    if (!grid.hasRow(r)) continue;
    const content = ownContent(grid, r);
    if (!content.cells.length) continue;
    if (r < expected) crossedBlank = true;
    expected = r - 1;
    if (stop(content) || !isSingleText(content)) break;
    const text = content.cells[0].text;
    const kind = headingKind(text);
    if (kind !== 'theme' && kind !== 'quality-statement' && TITLE_LIKE.test(text)) break;
    if (kind === 'plain' && crossedBlank) break;
    if (isNoteText(text) || isPageText(text)) break;
    sections.add(r);
  }
  return sections;
}

/** The rows above a table (`rows`, in sheet order) that form a legend or are page lines: notes, not titles or headings. */
export function legendAbove(grid: SheetGrid, rows: number[], header: HeaderBlock): Set<number> {
  const roles = tableRoles(header);
  const nearestFirst = rows
    .slice()
    .reverse()
    .map((r) => ownContent(grid, r))
    .filter((content) => content.cells.length)
    .map((content) => rowEvidence(toRowCells(content, grid), roles));
  return leadingLegendRows(nearestFirst);
}

/**
 * The headings directly above a later header (at `top`), between it and the table `above`. Plain text in the
 * action column of the table above is that table's action, not a heading. Above a header that repeats the one
 * before (`repeat`), only headings set off by a blank row count: a lone value straight under the last action
 * belongs to that action.
 */
export function leadInSections(grid: SheetGrid, above: HeaderBlock, top: number, repeat: boolean): Set<number> {
  const from = above.rows[above.rows.length - 1];
  const actionCols = actionColumns(above);
  const actionOfAbove = (content: RowContent) => {
    const cell = content.cells[0];
    return !!cell && actionCols.has(cell.col) && !cell.bold && !(cell.merge && cell.merge.right > cell.merge.left);
  };
  const sections = sectionsAbove(grid, from, top, actionOfAbove);
  if (repeat && sections.size) {
    const first = Math.min(...sections);
    if (first - 1 > from && grid.hasRow(first - 1) && ownContent(grid, first - 1).cells.length) return new Set();
  }
  return sections;
}

/** Where each table on a sheet ends: the row before the next table's headings, or before the next header. */
export function segmentEnds(headerRows: number[], leadIns: ReadonlyMap<number, number>): number[] {
  const leadInOf = new Map([...leadIns].map(([start, top]) => [top, start]));
  return headerRows.map((_, i) => {
    const next = headerRows[i + 1];
    return next === undefined ? Infinity : leadInOf.get(next) ?? next;
  });
}

/**
 * The rows at the foot of each table (`blocks` in sheet order, each table ending before `ends[i]`) that are
 * legends, sign-offs, page lines or footers, and a legend straight under its header: notes, not rows or headings.
 */
export function tableEdgeRows(grid: SheetGrid, blocks: HeaderBlock[], ends: number[], classified: Pick<RowClasses, 'get'>): Set<number> {
  const rowNumbers = grid.rowNumbers;
  const footRows = new Set<number>();
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const bodyStart = block.rows[block.rows.length - 1];
    const body: number[] = [];
    while (at < rowNumbers.length && rowNumbers[at] < ends[i]) {
      const r = rowNumbers[at++];
      const kind = classified.get(r);
      if (r <= bodyStart || !(kind === 'data' || kind === 'section' || kind === 'note')) continue;
      // A row with nothing inside the table's columns (a legend's label off to its side) is a blank row to it.
      if (kind === 'note' && !insideTable(ownContent(grid, r), block).cells.length) continue;
      body.push(r);
    }
    // Headings at the foot of a table that another header follows head that table, not this one's footer.
    if (i + 1 < blocks.length) while (body.length && classified.get(body[body.length - 1]) === 'section') body.pop();
    const rows = body.map((r, k) => ({ row: r, gapAbove: k > 0 && body[k - 1] !== r - 1 }));
    const roles = tableRoles(block);
    const memo = new Map<number, RowEvidence>();
    const evidenceOf = (r: number): RowEvidence => {
      let e = memo.get(r);
      if (!e) memo.set(r, (e = rowEvidence(toRowCells(insideTable(ownContent(grid, r), block), grid), roles)));
      return e;
    };
    for (const r of trailingRows(rows, evidenceOf)) if (classified.get(r) !== 'note') footRows.add(r);
    // Headings after the last table's last action head nothing (a line merged across the foot of the sheet), and
    // page lines among them belong to the page.
    if (i + 1 === blocks.length) {
      for (let k = body.length - 1; k >= 0; k--) {
        const r = body[k];
        const kind = classified.get(r);
        if (footRows.has(r) || kind === 'note') continue;
        if (kind === 'section' || evidenceOf(r).page) footRows.add(r);
        else break;
      }
    }
    // A legend set straight under the header, before the first action.
    const head: RowEvidence[] = [];
    for (const r of body) {
      const e = evidenceOf(r);
      if (!(e.page || e.keyLabel || e.legendWords.length) || footRows.has(r)) break;
      head.push(e);
    }
    for (const r of leadingLegendRows(head)) if (classified.get(r) !== 'note') footRows.add(r);
  }
  return footRows;
}
