/**
 * Where a table starts and ends: the rows around (and beside) a plan's table that belong to the page rather than
 * to the plan. Status and RAG legends, sign-off and version lines, page numbers, file paths and protective
 * markings are told apart by what they hold, not by where a seed put them: a legend enumerates several different
 * words of the status/RAG vocabularies and carries no commitment; a footer sits below a blank gap and holds
 * nothing in the action column.
 */
import { matchRag, matchStatus } from '../vocabulary';
import { SheetGrid } from '../workbook';
import { headerEvidence } from './roles/header-words';

/** One row's own cells, as the row classifier sees them. */
export interface RowCells {
  row: number;
  cells: { col: number; text: string; isDate?: boolean; bold?: boolean }[];
}

/**
 * Whether `text` has at least `count` letters A-Z (either case). Counted in place: taking out every other character
 * with replace made a copy of each cell looked at, and a replace's list of matches besides.
 */
function hasLetters(text: string, count: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length && found < count; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) found++;
  }
  return found >= count;
}

/** A vocabulary word of the status or RAG lists. Single letters ("A", "R") are too often refs to count alone. */
function vocabularyWord(text: string): string | null {
  const t = text.trim().replace(/[.:;*]+$/, '');
  if (!hasLetters(t, 3)) return null;
  return matchStatus(t) ?? matchRag(t);
}

/** Splits "Green – work on course", "G = on track", "Red (off track)" into the word and what it means. */
const MEANING_SEPARATOR = /\s*(?:[–—=]|\s-\s|-(?=\s)|:|\()\s*/;
/** Separators between the entries of a legend written in one cell: "On track / At risk / Off track". */
const ENTRY_SEPARATOR = /\s*(?:\/|\||;|,|\n|•)\s*/;

/**
 * The vocabulary word a legend entry explains ("Amber – some slippage" → At risk / Amber), when the entry is
 * short and leads with (or is explained by) one.
 */
export function legendEntryWord(text: string): string | null {
  const t = text.trim();
  if (!t || t.length > 120) return null;
  const whole = vocabularyWord(t);
  if (whole) return whole;
  const parts = t.split(MEANING_SEPARATOR).filter(Boolean);
  if (parts.length < 2 || parts.length > 3) return null;
  // "G = On track": the word may be the explanation of a letter or colour.
  for (const part of parts.slice(0, 2)) {
    const word = vocabularyWord(part.replace(/\)$/, ''));
    if (word) return word;
  }
  return null;
}

const KEY_OR_LEGEND = /key|legend/i;

/** A label that introduces a legend: "Key", "Status key:", "RAG legend", "Colour key –". */
export function isKeyLabel(text: string): boolean {
  // Asked of every short cell of a sheet: most name neither word, and the pattern below is slow to say so. (A
  // regular expression rather than a lower-case copy of each cell to search: the patterns below match only texts it
  // matches.)
  if (!KEY_OR_LEGEND.test(text)) return false;
  return /^([A-Za-z/&]+\s+){0,3}(key|legend)\s*[:\-–]?\s*$/i.test(text.trim()) || /^(key|legend)\s*[:\-–]\s*$/i.test(text.trim());
}

/** The text of a "Status key: On track / At risk / Off track" cell after its label, if it has one. */
function afterLabel(text: string): string {
  const at = text.indexOf(':');
  if (at > 0 && at <= 30 && text.slice(0, at).trim().split(/\s+/).length <= 3) return text.slice(at + 1);
  return text;
}

/**
 * A whole legend written in one cell under a key label ("Status key: On track / At risk / Complete"). A header that
 * lists its column's values with no such label ("Status (Started/ On Track/ Complete)") is not one.
 */
export function isLegendCell(text: string): boolean {
  const at = text.indexOf(':');
  return at > 0 && isKeyLabel(text.slice(0, at + 1)) && legendListWords(text).length >= 2;
}

/** The distinct vocabulary words a whole legend written in one cell lists, when most of its entries are such words. */
export function legendListWords(text: string): string[] {
  const entries = afterLabel(text).split(ENTRY_SEPARATOR).filter((e) => e.trim());
  if (entries.length < 2) return [];
  // Asked of every action's text: stop at the first entry too many that names no word (a sentence, a bullet).
  const allowedMisses = Math.floor(entries.length * 0.25);
  const found: string[] = [];
  let misses = 0;
  for (const entry of entries) {
    const word = legendEntryWord(entry);
    if (word !== null) found.push(word);
    else if (++misses > allowedMisses) return [];
  }
  return [...new Set(found)];
}

/** Words that sign a document off or version it: "Approved by …", "Version 3.2", "Signed:", "Date of next review". */
const SIGN_OFF = [
  /^(approved|agreed|endorsed|authori[sz]ed|ratified|adopted|prepared|produced|compiled|written|checked|verified|reviewed|owned)\s+(by|on|at)\b/i,
  /^(signed|signature|signed[- ]off|sign[- ]?off)\s*(by\b|[:\-–]|$)/i,
  /^(document\s+)?(version|ver\.?|v)\s*:?\s*\d+(\.\d+)*\b/i,
  /^(document\s+)?version\s*[:\-–]/i,
  /^(date\s+)?(of\s+)?(next\s+)?review(\s+date)?\s*[:\-–]/i,
  /^date\s+(of\s+)?(next\s+)?(review|approval|issue|publication|sign[- ]?off)\b/i,
  /^(next\s+review|review\s+due|last\s+(reviewed|revised|amended|saved|updated)|document\s+(owner|status|control|reference|author)|author|issue\s+date|date\s+(approved|issued|published|printed)|print(ed)?\s+(date|on)|printed|classification|protective\s+marking)\b\s*[:\-–]?/i,
  /^dated?\s*[:\-–]/i,
];

/** UK public-sector protective markings printed in page footers. */
const PROTECTIVE_MARKING = /^(official|official[\s-]+sensitive|not protectively marked|restricted|confidential)$/i;
/** A totals line under a table ("Total", "Total: 24", "Sub-total 12"): a count of the rows, not one of them. */
const TOTALS = /^(grand\s+)?(sub-?)?totals?\s*[:\-–]?\s*(\d[\d,.%\s]*)?$/i;
const PAGE_NUMBER = /^(page\s*\d+(\s*(of|\/)\s*\d+)?|-\s*\d+\s*-)$/i;
/** A bare "3 of 12" or "3/12": a page of a few hundred at most, never past the last ("2026/27" is a year). */
const BARE_PAGE_NUMBER = /^(\d{1,3})\s*(?:of|\/)\s*(\d{1,3})$/i;

function isPageNumber(text: string): boolean {
  if (PAGE_NUMBER.test(text)) return true;
  const bare = BARE_PAGE_NUMBER.exec(text);
  return !!bare && Number(bare[1]) >= 1 && Number(bare[1]) <= Number(bare[2]);
}
const FILE_PATH = /^([a-z]:\\|\\\\|\/[\w.-]+\/)|\.(xlsx|xlsm|xls|docx?|pdf|csv)$/i;

/** A line that belongs to the page or the document rather than the plan: sign-off, version, page number, path, totals. */
export function isPageText(text: string): boolean {
  const t = text.trim();
  return SIGN_OFF.some((re) => re.test(t)) || PROTECTIVE_MARKING.test(t) || isPageNumber(t) || FILE_PATH.test(t) || TOTALS.test(t);
}

/** A cell that holds only a date or a number: never an action's words. */
export function isBareValue(cell: { text: string; isDate?: boolean }): boolean {
  const t = cell.text.trim();
  return !!cell.isDate || !/[A-Za-z]{2,}/.test(t) || /^(\d{1,2}(st|nd|rd|th)?\s+)?[A-Za-z]{3,9}\.?,?\s+\d{2,4}$/.test(t);
}

/** Page-line cells are brief: a title, a page number, a date, a name. */
const PAGE_CELL = 80;

/**
 * A print line: a page number ("Page 2 of 4") among a few brief cells (the document's title, the print date).
 * No action row numbers its page.
 */
function isPrintLine(cells: RowCells['cells']): boolean {
  return cells.length >= 2 && cells.length <= 4 && cells.some((c) => isPageNumber(c.text.trim())) && cells.every((c) => c.text.length <= PAGE_CELL);
}

/**
 * A labelled sign-off: the row opens with a sign-off or date label ("Signed off by:", "Approved by:", "Date:")
 * followed by the values it labels, in pairs across the row. An action row opens with its ref or its action, never
 * with a label ending in a colon; a ref in the ref column ("V2:") is not a label.
 */
function isLabelledSignOff(cells: RowCells['cells'], roles: TableRoles): boolean {
  const first = cells[0];
  if (!first || cells.length > 6) return false;
  const label = first.text.trim();
  if (roles.ref.has(first.col) && /\d/.test(label)) return false;
  return /[:\-–]$/.test(label) && isPageText(label) && cells.every((c) => c.text.length <= PAGE_CELL);
}

/** What a row says about the table it sits under, once, for the walks below. */
export interface RowEvidence {
  row: number;
  /** The row is part of a legend: it explains vocabulary words, or is a legend's label. */
  legendWords: string[];
  keyLabel: boolean;
  /** The row is a page or document line (sign-off, version, page number, path, protective marking). */
  page: boolean;
  /** The row holds a commitment: words in the action column that are not a date, a legend or a page line. */
  actionText: boolean;
  /**
   * A short entry, one or two brief cells with no ref or date: what a legend whose colours are fills says
   * ("Action completed", "Not progressing"), without any vocabulary word to tell it by.
   */
  shortEntry: boolean;
  /** Every cell is a brief label of a few words (at most 30 characters), as captions are. */
  captionLike: boolean;
  /** How many brief labels the row holds when it is two or more, every one bold, and no vocabulary word (how another table's header is set); else 0. */
  headerLabels: number;
  /** The longest text in the action column (0 when it is empty). */
  actionLength: number;
  /** The ref column holds a ref (something numbered). */
  refLike: boolean;
  /** The ref column holds words and no number ("Owner(s)"): a row name of another table, not a ref. */
  refWords: boolean;
  /** The row's first cell is brief and names a column of a plan ("Owner(s)", "Completion by"), as a guidance table's rows do. */
  namesColumn: boolean;
}

/** The columns of a table by the role that matters here. */
export interface TableRoles {
  /** Columns holding the action. */
  action: ReadonlySet<number>;
  /** Columns whose own role is a status or RAG word: such a word there is a rating, not a legend. */
  rating: ReadonlySet<number>;
  /** Columns holding refs: a legend entry has none. */
  ref: ReadonlySet<number>;
}

/**
 * Reads a row against a table with the given column roles. A legend row has at most three cells, none of them
 * long, no date and no ref, and at least one vocabulary entry; its action-column cell, if any, is short; and a
 * vocabulary word in the table's own status or RAG column counts only on a row that holds no action.
 */
export function rowEvidence(content: RowCells, roles: TableRoles): RowEvidence {
  const { cells } = content;
  // A print line or a labelled sign-off is the page's, whatever lands in the action column (the plan's title,
  // the signatory's name).
  const pageLine = isPrintLine(cells) || isLabelledSignOff(cells, roles);
  const acrossRow = legendAcrossRow(cells);
  const actionText =
    !pageLine &&
    !acrossRow.length &&
    cells.some((c) => roles.action.has(c.col) && !isBareValue(c) && !isPageText(c.text) && !isKeyLabel(c.text) && !legendListWords(c.text).length);
  // A row with an action in it is never a page line, whatever its ref ("V2") looks like.
  const page = pageLine || (!actionText && cells.length <= 3 && isPageText(cells[0]?.text ?? ''));
  const keyLabel = cells.length <= 2 && cells.some((c) => isKeyLabel(c.text));
  let legendWords: string[] = [];
  const refLike = cells.some((c) => roles.ref.has(c.col) && /\d/.test(c.text));
  // A legend entry is a word and what it means; a third cell only as a colour's letter or swatch name ("G").
  const entryShaped = cells.length <= 2 || (cells.length === 3 && cells.some((c) => c.text.length <= 2 || !!matchRag(c.text)));
  if (entryShaped && !refLike && !cells.some((c) => c.isDate || c.text.length > 120)) {
    const words = new Set<string>();
    for (const c of cells) {
      if (actionText && roles.rating.has(c.col)) continue;
      const listed = legendListWords(c.text);
      if (listed.length) listed.forEach((w) => words.add(w));
      else {
        const w = legendEntryWord(c.text);
        if (w) words.add(w);
      }
    }
    const actionCell = cells.find((c) => roles.action.has(c.col));
    if (words.size && (!actionCell || actionCell.text.length <= 80)) legendWords = [...words];
  }
  if (acrossRow.length) legendWords = acrossRow;
  const shortEntry = cells.length >= 1 && cells.length <= 2 && !refLike && !cells.some((c) => c.isDate || c.text.length > SHORT_ENTRY);
  const captionLike = cells.every((c) => c.text.length <= 30 && !c.text.includes('\n'));
  const headerLabels = cells.length >= 2 && captionLike && !legendWords.length && cells.every((c) => c.bold && !c.isDate && !legendEntryWord(c.text)) ? cells.length : 0;
  const actionLength = Math.max(0, ...cells.filter((c) => roles.action.has(c.col)).map((c) => c.text.length));
  const refWords = cells.some((c) => roles.ref.has(c.col) && !/\d/.test(c.text) && /\p{L}{4,}/u.test(c.text));
  const first = cells[0]?.text ?? '';
  const namesColumn = first.length <= BRIEF_LABEL && Math.max(0, ...Object.values(headerEvidence(first)).map((e) => e.score)) >= 0.6;
  return { row: content.row, legendWords, keyLabel, page, actionText, shortEntry, captionLike, headerLabels, actionLength, refLike, refWords, namesColumn };
}

/** A legend laid out across one row: its label, then its words, a cell each ("Key: | Completed | On track | …"). */
function legendAcrossRow(cells: RowCells['cells']): string[] {
  if (cells.length < 3 || !isKeyLabel(cells[0].text)) return [];
  const words = cells.slice(1).map((c) => legendEntryWord(c.text)).filter((w): w is string => w !== null);
  return words.length >= 2 ? [...new Set(words)] : [];
}

/**
 * Whether a run of rows is a legend: it explains at least two different vocabulary words, or one under a key
 * label, or lists several in one cell. A run of real actions rarely repeats distinct status words with nothing
 * else in their action column; a legend always does.
 */
export function isLegendRun(run: readonly RowEvidence[]): boolean {
  if (isKeyedRun(run)) return true;
  if (!run.length || !run.every(isLegendEntry)) return false;
  const words = new Set(run.flatMap((e) => e.legendWords));
  return words.size >= 2 || (words.size >= 1 && run.some((e) => e.keyLabel));
}

/** The longest a legend's text cell runs ("Action completed and evidenced"), and the most entries it has. */
const SHORT_ENTRY = 60;
const LEGEND_ENTRIES = 10;

/**
 * A key label over a few short entries: a legend whose colours are cell fills, which the workbook model does not
 * carry, explained in words of the officer's own ("Key:" / "Action completed" / "Not progressing").
 */
function isKeyedRun(run: readonly RowEvidence[]): boolean {
  return run.length >= 3 && run.length <= LEGEND_ENTRIES + 1 && run[0].keyLabel && run.slice(1).every((e) => isLegendEntry(e) || e.shortEntry);
}

/**
 * The rows at the foot of one table that are not part of it, given the table's non-blank rows in order (each with
 * whether a blank row stands above it) and each row's evidence, worked out only for the rows the walk reaches.
 * Walking up from the bottom, block by block: legend and page lines at a block's foot are peeled off; a block
 * below a blank gap with no action text left in it is a footer (a lone date, text, a sign-off). The walk stops at
 * the block that ends the table, keeping what is left of it.
 */
export function trailingRows(rows: readonly { row: number; gapAbove: boolean }[], evidenceOf: (row: number) => RowEvidence): Set<number> {
  const trailing = new Set<number>();
  let blockEnd = rows.length;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (!rows[i].gapAbove && i > 0) continue;
    // rows[i .. blockEnd) is a block; i > 0 means a blank gap stands above it. Evidence is asked for lazily:
    // the block that ends a long table answers on its first rows.
    const block = rows.slice(i, blockEnd).map((r) => r.row);
    const peeled = peelFoot(block, evidenceOf);
    const rest = block.slice(0, block.length - peeled.length);
    const footer = i > 0 && rest.length <= FOOTER_ROWS && !rest.some((r) => evidenceOf(r).actionText) && actionAbove(rows, i, evidenceOf);
    // A legend's own column captions ("Rating | What it means") over it, below a gap.
    const caption = i > 0 && rest.length === 1 && peeled.length > 0 && isLegendEntry(evidenceOf(block[1])) && isCaption(evidenceOf(rest[0]));
    // Another table below a gap (a version history, a contacts list): its own header of bold labels, under a
    // caption or none, heads rows that are not this plan's, however many.
    const sideTable = i > 0 && actionAbove(rows, i, evidenceOf) && opensAnotherTable(block, evidenceOf, refsAbove(rows, i, evidenceOf));
    if (!rest.length || footer || caption || sideTable) {
      block.forEach((r) => trailing.add(r));
      blockEnd = i;
      continue;
    }
    peeled.forEach((r) => trailing.add(r));
    break;
  }
  return trailing;
}

/**
 * A footer is a few lines. A longer block with nothing in the action column is more likely a table whose action
 * column was misread than a footer: it is left for the officer to see as rows.
 */
const FOOTER_ROWS = 6;

/** Whether some row above `rows[i]` holds an action: with none, the table's action column is in doubt, not its foot. */
function actionAbove(rows: readonly { row: number }[], i: number, evidenceOf: (row: number) => RowEvidence): boolean {
  for (let k = i - 1; k >= 0; k--) if (evidenceOf(rows[k].row).actionText) return true;
  return false;
}

/** Whether some row above `rows[i]` has a ref in the table's ref column. */
function refsAbove(rows: readonly { row: number }[], i: number, evidenceOf: (row: number) => RowEvidence): boolean {
  for (let k = i - 1; k >= 0; k--) if (evidenceOf(rows[k].row).refLike) return true;
  return false;
}

/**
 * Whether a block opens with another table's header, or with a one-cell caption and then that header. `refs`: the
 * plan above numbers its actions in a ref column.
 */
function opensAnotherTable(block: readonly number[], evidenceOf: (row: number) => RowEvidence, refs: boolean): boolean {
  const first = evidenceOf(block[0]);
  const captioned = block.length > 1 && first.captionLike && first.shortEntry && !first.legendWords.length;
  const at = first.headerLabels ? 0 : captioned && evidenceOf(block[1]).headerLabels ? 1 : -1;
  if (at < 0) return false;
  // Two bold labels may also be a heading set in two cells ("1 | Leadership"): that heads more of the plan, whose
  // action column holds commitments; under another table's header it holds only brief labels.
  // Nor does a plan that numbers its actions go on with rows whose ref column holds names and no numbers, nor with
  // rows each named after a column of a plan (a guidance table: "Owner(s) | The named officer accountable …").
  const rows = block.slice(at + 1);
  if (evidenceOf(block[at]).headerLabels >= 3 || rows.every((r) => evidenceOf(r).actionLength <= BRIEF_LABEL)) return true;
  return rows.length >= 2 && (rows.every((r) => evidenceOf(r).namesColumn) || (refs && rows.every((r) => evidenceOf(r).refWords)));
}

/** The longest a brief label runs, such as a guidance table's row names ("Completion by"). */
const BRIEF_LABEL = 30;

/** A row of one or two brief labels, such as a legend's column captions. */
function isCaption(e: RowEvidence): boolean {
  return e.shortEntry && !e.legendWords.length && e.captionLike;
}

function isLegendEntry(e: RowEvidence): boolean {
  return e.legendWords.length > 0 || e.keyLabel;
}

/** The legend and page lines at the foot of the block that ends a table. */
function peelFoot(block: readonly number[], evidenceOf: (row: number) => RowEvidence): number[] {
  const peeled: number[] = [];
  const candidate = (e: RowEvidence) => e.page || isLegendEntry(e) || e.shortEntry;
  let end = block.length;
  for (;;) {
    // Legends are short: look no further up than a legend could reach (a table of short rows stays fast).
    let start = end;
    while (start > 0 && end - start <= LEGEND_ENTRIES + 1 && candidate(evidenceOf(block[start - 1]))) start--;
    if (start === end) break;
    // The longest run at the foot that is all page lines, or a legend once page lines are set aside.
    let cut = end;
    for (let k = start; k < end; k++) {
      const run = block.slice(k, end).map(evidenceOf);
      if (run.every((e) => e.page) || isLegendRun(run.filter((e) => !e.page))) {
        cut = k;
        break;
      }
    }
    // Otherwise page lines peel off alone.
    if (cut === end) while (cut > start && evidenceOf(block[cut - 1]).page) cut--;
    if (cut === end) break;
    for (let i = cut; i < end; i++) peeled.push(block[i]);
    end = cut;
  }
  return peeled;
}

/** The rows of a run next to a table (above it, nearest first; or under its header) that form a legend or page lines. */
export function leadingLegendRows(above: readonly RowEvidence[]): Set<number> {
  const found = new Set<number>();
  let run: RowEvidence[] = [];
  const flush = () => {
    if (isLegendRun(run)) run.forEach((e) => found.add(e.row));
    run = [];
  };
  for (const e of above) {
    if (e.page) found.add(e.row);
    if (e.legendWords.length || e.keyLabel) run.push(e);
    else flush();
  }
  flush();
  return found;
}

/** How far under a legend's label to look for its entries: legends are short. */
export const LEGEND_ROWS = 15;

/** Whether the cells under a label at (`row`, `col`) and the column beside it name different status or RAG words. */
export function readsAsLegend(grid: SheetGrid, row: number, col: number): boolean {
  const words = new Set<string>();
  for (let r = row + 1; r <= row + LEGEND_ROWS; r++) {
    if (!grid.hasRow(r)) continue;
    for (const c of [col, col + 1]) {
      const text = grid.text(r, c);
      if (!text) continue;
      const listed = legendListWords(text);
      if (listed.length) listed.forEach((w) => words.add(w));
      const word = legendEntryWord(text);
      if (word) words.add(word);
    }
  }
  return words.size >= 2;
}
