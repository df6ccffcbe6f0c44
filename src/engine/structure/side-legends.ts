/**
 * Legends set beside a table ("Status key" over "Complete | Action delivered", "On track | Progressing as planned"),
 * found before the table is read and taken out of the grid it reads. Their entries share rows with the table's
 * header, its data, its headings and a second table below, and every rule that reads a row (is it a header, a
 * caption, a blank, a data row?) would otherwise have to step around them. Their text is kept as notes.
 */
import { cellText, SheetGrid, SheetModel } from '../workbook';
import { isKeyLabel, LEGEND_ROWS, legendEntryWord, readsAsLegend } from './boundaries';
import { addToGroup } from '../group';

/** A legend beside a table: its label's row to its last entry's row, from its label's column rightwards. */
export interface SideLegend {
  top: number;
  bottom: number;
  fromCol: number;
}

/** A legend's label is a few words. */
const LABEL_LENGTH = 40;

/**
 * Every legend beside a table on the sheet: a key label ("Key", "Status key", "RAG legend") over entries that name
 * two vocabulary words or more, in its column or the one beside it, with something left of it in the rows it spans
 * (a legend above or below a table, with nothing beside it, is read as the table's head or foot instead).
 */
export function sideLegends(grid: SheetGrid): SideLegend[] {
  const found: SideLegend[] = [];
  for (const row of grid.rowNumbers) {
    for (let i = grid.rowFrom(row), to = grid.rowTo(row); i < to; i++) {
      const cell = grid.cellAt(i);
      if (cell.col < 2 || cell.value.type !== 'text') continue;
      const label = cell.value.value.trim();
      if (!label || label.length > LABEL_LENGTH || !isKeyLabel(label)) continue;
      if (found.some((l) => row >= l.top && row <= l.bottom && cell.col >= l.fromCol)) continue;
      if (!readsAsLegend(grid, row, cell.col)) continue;
      const bottom = lastEntryRow(grid, row, cell.col);
      if (!besideSomething(grid, row, bottom, cell.col)) continue;
      found.push({ top: row, bottom, fromCol: cell.col });
    }
  }
  return found;
}

/** The last row of the run of entries under a legend's label, in its column or the one beside it. */
function lastEntryRow(grid: SheetGrid, labelRow: number, col: number): number {
  let bottom = labelRow;
  for (let r = labelRow + 1; r <= labelRow + LEGEND_ROWS; r++) {
    // Each entry names its word ("On track", "G = On track"): a row that names none (a header straight under a
    // legend above the table) is past the legend.
    if (!entryWord(grid.text(r, col)) && !entryWord(grid.text(r, col + 1))) break;
    bottom = r;
  }
  return bottom;
}

/** A legend entry's word, whole or opening a longer entry in the officer's words ("At risk of slipping"). */
function entryWord(text: string): string | null {
  const whole = legendEntryWord(text);
  if (whole) return whole;
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const word = legendEntryWord(words.slice(0, n).join(' '));
    if (word) return word;
  }
  return null;
}

/** Whether the rows a legend spans hold something left of it: a table it stands beside. */
function besideSomething(grid: SheetGrid, top: number, bottom: number, col: number): boolean {
  for (let r = top; r <= bottom; r++) if (grid.rowCells(r).some((c) => c.col < col && cellText(c.value).trim())) return true;
  return false;
}

/** The sheet without its side legends' cells, and each legend row's text (for the notes). */
export function withoutSideLegends(sheet: SheetModel, legends: readonly SideLegend[]): { sheet: SheetModel; notes: { row: number; text: string }[] } {
  const inLegend = (row: number, col: number) => legends.some((l) => row >= l.top && row <= l.bottom && col >= l.fromCol);
  const texts = new Map<number, string[]>();
  const cells = sheet.cells.filter((c) => {
    if (!inLegend(c.row, c.col)) return true;
    const text = cellText(c.value).trim();
    if (text) addToGroup(texts, c.row, text);
    return false;
  });
  const merges = sheet.merges.filter((m) => !inLegend(m.top, m.left));
  const notes = [...texts].map(([row, parts]) => ({ row, text: parts.join('\n') }));
  return { sheet: { ...sheet, cells, merges }, notes };
}
