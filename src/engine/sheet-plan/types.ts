/**
 * The declarative sheet plan: everything the tool will write, as data. The engine builds it; the adapters
 * (src/xlsx for files, src/excel for Office.js) apply it. Rows are written as 2-D arrays, never cell by cell.
 */

/** A formula's result as stored beside it. */
export type CachedResult = number | string | boolean | { error: string };

export type PlanValue =
  /** Written as text, always: "=see minutes" stays words, never becomes a formula. */
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** A date, YYYY-MM-DD, shown dd/mm/yyyy. */
  | { kind: 'date'; iso: string }
  /**
   * A live formula, without the leading "=". Only the engine writes these, never from the officer's text. `cached`
   * is its result as the engine computes it, written beside the formula so that readers which do not calculate
   * (Power BI, pandas, a file previewer) see the figure; "" for a formula that shows nothing; { error } for one that
   * shows an error (#N/A), as a formula reading an error cell does.
   */
  | { kind: 'formula'; formula: string; cached?: CachedResult }
  | null;

export interface ColumnPlan {
  width: number;
  wrap?: boolean;
  numFmt?: string;
}

/** A style over an A1 range ("A1:Q1"). Colours are 6-digit hex without "#". */
export interface RangeStyle {
  range: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  vertical?: 'top' | 'middle';
  horizontal?: 'left' | 'center' | 'right';
  numFmt?: string;
  border?: boolean;
}

export interface TablePlan {
  name: string;
  /** Header row and first column of the table; it spans `columns` columns and all rows below to the last. */
  range: string;
  style: string;
}

export interface ListValidationPlan {
  range: string;
  /** The list's source, as a formula over a range: "'PlanAssure Lists'!$A$2:$A$7". */
  source: string;
  /** Shown when the officer types something off the list; entry is still allowed (warning style). */
  message: string;
}

export interface ExpressionRulePlan {
  /** An Excel formula without "=", relative to the range's top-left cell, e.g. `$K2="Red"`. */
  expression: string;
  fill: string;
  fontColor: string;
  bold?: boolean;
}

export interface ConditionalFormatPlan {
  range: string;
  rules: ExpressionRulePlan[];
}

export interface DataBarPlan {
  range: string;
  color: string;
}

/**
 * A native chart over the sheet's own cells. Written through the Excel charts API by the Office.js adapter, and as
 * drawing and chart parts by the xlsx writer (src/xlsx/package/chart-xml.ts). An empty cell in the source is a gap
 * in the chart, never a zero: the engine leaves a figure out of a chart by leaving its cell empty.
 */
export interface ChartPlan {
  kind: 'stackedBar' | 'line';
  title: string;
  /** The source range, including its header row and first (label) column. */
  source: string;
  seriesBy: 'columns' | 'rows';
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export interface PagePlan {
  orientation: 'landscape' | 'portrait';
  paper: 'A4';
  fitToWidth: 1;
  /** Rows repeated at the top of every printed page, e.g. "1:1". */
  printTitleRows?: string;
  /** Manual page breaks: a new page starts after each of these 1-based rows (so a chart is never cut in two). */
  rowBreaks?: number[];
  footerLeft?: string;
  footerRight?: string;
}

export interface SheetPlan {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  columns: ColumnPlan[];
  /** Row 1 first; each row's first value is column A. */
  rows: PlanValue[][];
  styles: RangeStyle[];
  merges: string[];
  table?: TablePlan;
  validations: ListValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  dataBars: DataBarPlan[];
  freeze?: { rows: number; columns: number };
  page?: PagePlan;
  /** Row heights in points, by 1-based row: wrapped text needs them, as spreadsheet apps do not always refit. */
  rowHeights?: Record<number, number>;
  charts?: ChartPlan[];
  /**
   * Columns (1-based) the officer fills in on a sheet the tool owns, such as the Exceptions commentary: the tool reads
   * what is typed there before it rewrites the sheet, so typing there is not an edit that stops the next run.
   */
  officerColumns?: number[];
}

export interface WorkbookPlan {
  /** Sheets to write, replacing any earlier sheet the tool owns with the same role. */
  sheets: SheetPlan[];
}

/**
 * A sheet of a plan named before it is built. An adapter builds, writes and drops each in turn, so a big pack's
 * sheets (the Plan and snapshot sheets hold a row per action, Exceptions one per exception) are never all in
 * memory at once. `build` is called once, in the plan's order.
 */
export interface PendingSheet {
  name: string;
  build: () => SheetPlan;
  /**
   * The same sheet with its rows made one at a time as they are written, for an adapter that writes row by row
   * (the xlsx writer). Given for the sheets of a row per action (the Plan, snapshot and Exceptions sheets): built
   * whole, their 50,000 rows of values lived until the sheet was written, and the garbage collector copied them as
   * they grew.
   * `build` gives the same sheet with its rows made.
   */
  stream?: () => StreamedSheet;
}

/** A sheet's rows as a count and a way to make each: row `index` (0-based, row 1 first) is made afresh on each call. */
export interface RowSource {
  count: number;
  at: (index: number) => PlanValue[];
}

/** A sheet plan whose `rows` are left empty, and the source of the rows that stand for them. */
export interface StreamedSheet {
  plan: SheetPlan;
  rows: RowSource;
  /**
   * Rows from this one (1-based) on have the heights fitRowHeights gives them, fitted as they are written rather
   * than in a pass of their own (the plan's rowHeights then hold only the rows above it).
   */
  fitHeightsFrom?: number;
}

/** An empty row: a row a plan never set, or one past a sheet's last. */
export const NO_VALUES: readonly PlanValue[] = [];

/** A built sheet plan's rows as a row source (a row never set is an empty row). */
export const rowsOf = (plan: SheetPlan): RowSource => ({ count: plan.rows.length, at: (index) => plan.rows[index] ?? [] });

/** The sheet plan of a streamed sheet, with its rows made and their heights fitted. */
export function streamedPlan({ plan, rows, fitHeightsFrom }: StreamedSheet): SheetPlan {
  const built = { ...plan, rows: Array.from({ length: rows.count }, (_, i) => rows.at(i)) };
  if (fitHeightsFrom !== undefined) {
    const fitted = fitRowHeights(built, fitHeightsFrom);
    // Rows above fitHeightsFrom keep the plan's own heights (copied only when it has any: a 50,000-row sheet's).
    built.rowHeights = plan.rowHeights && Object.keys(plan.rowHeights).length ? { ...plan.rowHeights, ...fitted } : fitted;
  }
  return built;
}

/** A pending sheet that an adapter may write row by row, or build whole. */
export const streamedSheet = (name: string, stream: () => StreamedSheet): PendingSheet => ({ name, build: () => streamedPlan(stream()), stream });

/** A workbook plan whose sheets are built one at a time, as the adapter writes them. */
export interface PendingWorkbookPlan {
  sheets: PendingSheet[];
}

/** Each sheet of a plan already built, as a pending sheet. */
export const pendingSheets = (plan: WorkbookPlan): PendingWorkbookPlan => ({ sheets: plan.sheets.map((sheet) => ({ name: sheet.name, build: () => sheet })) });

/** Builds every sheet of a pending plan, in order: for adapters that need the whole plan at once (Office.js). */
export const builtPlan = (plan: PendingWorkbookPlan): WorkbookPlan => ({ sheets: plan.sheets.map((s) => s.build()) });

export function emptySheet(name: string): SheetPlan {
  return { name, visibility: 'visible', columns: [], rows: [], styles: [], merges: [], validations: [], conditionalFormats: [], dataBars: [] };
}

export const text = (value: string | null | undefined): PlanValue => (value === null || value === undefined || value === '' ? null : { kind: 'text', text: value });
export const num = (value: number | null | undefined): PlanValue => (value === null || value === undefined || !Number.isFinite(value) ? null : { kind: 'number', value });
export const date = (iso: string | null | undefined): PlanValue => (iso ? { kind: 'date', iso } : null);
/**
 * text(), num() and date() again, for the rows of a streamed sheet, made as they are written and dropped. Functions
 * of their own on purpose: V8 decides for each place in the code that makes objects whether to make them straight
 * in the old generation, from how many of them outlive a young-generation collection. The values of sheets built
 * whole live until the sheet is written, so text() and num() came to make their objects there, and the 50,000 rows
 * of a streamed sheet then filled the old generation with garbage that only a full collection frees (about 20 MB at
 * 50,000 actions, by a sampled profile of the writing).
 */
export const rowText = (value: string | null | undefined): PlanValue => (value === null || value === undefined || value === '' ? null : { kind: 'text', text: value });
export const rowNum = (value: number | null | undefined): PlanValue => (value === null || value === undefined || !Number.isFinite(value) ? null : { kind: 'number', value });
export const rowDate = (iso: string | null | undefined): PlanValue => (iso ? { kind: 'date', iso } : null);
/** A formula with the result the engine computed for it (null: it shows nothing, ""). */
export const formula = (text: string, cached?: CachedResult | null): PlanValue =>
  cached === undefined ? { kind: 'formula', formula: text } : { kind: 'formula', formula: text, cached: cached ?? '' };

/**
 * Plan values shared by content, for columns whose few values repeat down thousands of rows (a status, a RAG, a
 * lead, a due date): one value per distinct text or date rather than one per cell. Plan values are never changed
 * once made, so sharing them is safe. At 50,000 actions up to 875,000 cells are in such columns (10 on the Plan
 * sheet, 3 on the snapshot, 6 on Exceptions), each an object the garbage collector would otherwise copy as the
 * sheet plan grows. Past `limit` distinct entries the pool stops adding, so a column of unique text costs no more
 * than before.
 */
export class PlanValuePool {
  private readonly texts = new Map<string, PlanValue>();
  private readonly dates = new Map<string, PlanValue>();

  constructor(private readonly limit = 2000) {}

  text(value: string | null | undefined): PlanValue {
    return this.pooled(this.texts, value, text);
  }

  date(iso: string | null | undefined): PlanValue {
    return this.pooled(this.dates, iso, date);
  }

  private pooled(pool: Map<string, PlanValue>, key: string | null | undefined, make: (key: string) => PlanValue): PlanValue {
    if (!key) return null;
    let value = pool.get(key);
    if (value === undefined) {
      value = make(key);
      if (pool.size < this.limit) pool.set(key, value);
    }
    return value;
  }
}

const LINE_POINTS = 15;

/**
 * Heights that fit each row's wrapped text: a cell of width w characters holds about w characters a line.
 * Rows that fit on one line keep the default height.
 */
export function fitRowHeights(sheet: SheetPlan, fromRow = 1): Record<number, number> {
  const heights: Record<number, number> = {};
  const fit = rowHeightFitter(sheet);
  if (!fit) return heights;
  for (let i = Math.max(0, Math.ceil(fromRow - 1)); i < sheet.rows.length; i++) {
    // A plan's rows may have gaps (a row never set): those hold nothing to fit.
    const height = fit(sheet.rows[i] ?? NO_VALUES);
    if (height !== undefined) heights[i + 1] = height;
  }
  return heights;
}

/**
 * The height that fits one row's wrapped text (undefined: the default height), as fitRowHeights fits each row; null
 * for a sheet with no wrapped column. The file writer fits a streamed sheet's rows with it as it looks them over.
 */
export function rowHeightFitter(sheet: SheetPlan): ((row: readonly PlanValue[]) => number | undefined) | null {
  // Only wrapped text makes a row taller: in other columns it stays on one line. So only those columns are looked
  // at, each with its characters a line worked out once (a 50,000-row sheet has a few wrapped columns of many).
  const wrapped: { index: number; perLine: number }[] = [];
  sheet.columns.forEach((column, index) => {
    if (column?.wrap) wrapped.push({ index, perLine: Math.max(4, Math.floor(column.width * 1.05)) });
  });
  if (!wrapped.length) return null;
  return (row) => {
    let lines = 1;
    for (const { index, perLine } of wrapped) {
      const value = row[index];
      if (value && value.kind === 'text') lines = Math.max(lines, wrappedLines(value.text, perLine));
    }
    return lines > 1 ? Math.min(409, lines * LINE_POINTS + 3) : undefined;
  };
}

/** Lines a text takes when wrapped at word breaks, `perLine` characters a line (a longer word breaks where it must). */
export function wrappedLines(value: string, perLine: number): number {
  // Text whose words are parted by single spaces (nearly all) is wrapped a line at a time; any other white space
  // (tabs, runs of spaces) word by word.
  const lineAtATime = !OTHER_SPACE.test(value);
  let lines = 0;
  // indexOf rather than split: this runs for every wrapped cell of every sheet the tool writes.
  for (let start = 0; ; ) {
    const end = value.indexOf('\n', start);
    const to = end === -1 ? value.length : end;
    lines += lineAtATime ? paragraphLinesByLine(value, start, to, perLine) : paragraphLines(value, start, to, perLine);
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** White space other than single spaces and line breaks: a run of spaces, a tab, any other control character. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const OTHER_SPACE = /[\x00-\x09\x0b-\x1f]| {2}/;

/**
 * paragraphLines for a paragraph whose words are parted by single spaces, a line at a time: each line ends at the
 * last space within `perLine` characters of its start, found by lastIndexOf, where paragraphLines looks at every
 * character (the row heights of a 50,000-action pack looked at about 30 million). With single spaces a line's text
 * is its words and the spaces between them, so its length is what paragraphLines adds up word by word.
 */
function paragraphLinesByLine(value: string, from: number, to: number, perLine: number): number {
  let start = from;
  while (start < to && value.charCodeAt(start) === 32) start++;
  let lines = 1;
  for (;;) {
    // What is left fits on this line (a space at its end holds nothing).
    if (to - start <= perLine) return lines;
    const edge = start + perLine;
    let next: number;
    if (value.charCodeAt(edge) === 32) next = edge + 1;
    else {
      const space = value.lastIndexOf(' ', edge);
      if (space > start) next = space + 1;
      else {
        // A word longer than a line breaks where it must; its last part starts a line that more words may join.
        let wordEnd = value.indexOf(' ', start);
        if (wordEnd === -1 || wordEnd > to) wordEnd = to;
        // At least one line more: the word runs past the line's edge (no space up to it).
        const extra = Math.max(1, Math.ceil((wordEnd - start) / perLine) - 1);
        lines += extra;
        start += extra * perLine;
        continue;
      }
    }
    while (next < to && value.charCodeAt(next) === 32) next++;
    if (next >= to) return lines;
    start = next;
    lines++;
  }
}

/** Lines one paragraph (value[from, to)) takes, filled word by word: a word that does not fit starts a new line. */
export function paragraphLines(value: string, from: number, to: number, perLine: number): number {
  if (to - from <= perLine) return 1;
  let lines = 1;
  let used = 0;
  let i = from;
  while (i < to) {
    while (i < to && value.charCodeAt(i) <= 32) i++;
    let j = i;
    while (j < to && value.charCodeAt(j) > 32) j++;
    const word = j - i;
    if (!word) break;
    if (used && used + 1 + word <= perLine) used += 1 + word;
    else {
      if (used) lines++;
      const extra = Math.ceil(word / perLine) - 1;
      lines += extra;
      used = word - extra * perLine;
    }
    i = j;
  }
  return lines;
}
