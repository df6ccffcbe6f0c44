/**
 * Reads the open workbook into the engine's WorkbookModel through Office.js: the Office.js twin of
 * src/xlsx/read-workbook.ts.
 *
 * Syncs: ONE, without knowing the sheet names. Every per-sheet call (getUsedRange, getRange, getCellProperties…)
 * needs a Worksheet proxy, and Office.js has no collection-level way to reach every sheet's cells; but a proxy need
 * not name its sheet. The read walks the tabs: worksheets.getFirst(), then getNextOrNullObject() on each, chained
 * SHEET_WALK (16) links deep (ExcelApi 1.5), and queues for every link, in the same batch, its name and visibility,
 * its used range, its bounded cells and its merged areas. Past the last sheet the links are null objects: calls on
 * a null object give null objects and loading them is allowed, so they cost no error, only their share of the
 * request (some 1.9 KB a link as Office.js serialises it: 30 KB for the walk); after the sync, the first link whose
 * isNullObject is true ends the workbook. One more link, its name only, tells whether there are sheets past the
 * chain: only a workbook of more than 16 sheets walks on from there in a follow-up sync, 16 sheets a time.
 *   - options.knownSheets (the task pane's list) is still honoured: the names and the cells of those sheets in one
 *     sync, the names loaded checked against the guess (a renamed sheet costs one more sync);
 *   - an Excel older than ExcelApi 1.5 (no getFirst/getNextOrNullObject): sync 1 loads the names, sync 2 the rest.
 * Excel on the web also refuses a RESPONSE over 5 MB: then the cells are read again in blocks of rows (paged: one
 * sync for the sizes, walked the same way, then one per block), which a plan of some 7,000 Dudley-sized rows needs.
 *
 * Bounded: the window read is A1 → the used range's bottom-right corner, intersected with A1:(maxColumns)(maxRows),
 * built from range methods (getBoundingRect, getIntersection) so it is bounded before Excel materialises it: a stray
 * value at XFD1048576 costs nothing, and the officer gets a warning naming the sheet and the limit.
 *
 * What it reads: values, formulas, number formats (a number in a date format becomes a date, 1900 date system), bold
 * (Range.getCellProperties, ExcelApi 1.9), merged areas (getMergedAreasOrNullObject, ExcelApi 1.13), visibility.
 * Merged areas are looked up ONCE per sheet, over the area read (A1 to the used range's far corner): a request that
 * costs what the sheet holds, not what the limits allow. Excel fails that look-up, and the request with it, beyond
 * 512 areas; then the read is done again with the merges in bands of 500 rows over the read limits (maxRows / 500
 * bands a sheet, queued before the used range is known): one sync more, for a sheet that merges that much. A formula
 * cell's value is its result and its formula is kept beside it (CellModel.formula, as the xlsx reader gives it), for
 * the copy "Restore the previous version" brings back: only the cells that hold formulas are asked for theirs
 * (getSpecialCellsOrNullObject, ExcelApi 1.9), in the same request (see queueFormulas). Not read: hidden rows and columns (the engine does not use
 * them).
 * Errors are recognised by their text (#N/A, #REF!…), as Range.values returns them.
 */
import { CellModel, MergedArea, SheetModel, WorkbookModel } from '../engine/workbook';
import { columnName, parseRef, splitAreas, splitSheet } from './address';
import { isDateFormat, serialToIso } from '../engine/excel-dates';
import { estimateOperations, SAFE_REQUEST_BYTES } from './apply-plan';
import { Notice, RequirementChecker, Requirements } from './requirements';
import { TABLES_LOAD, tablesFrom, WorkbookTable } from './workbook-tables';

export const DEFAULT_MAX_ROWS = 100_000;
export const DEFAULT_MAX_COLUMNS = 200;
/** Excel fails getMergedAreasOrNullObject beyond 512 areas: the retried read looks merges up in bands of this many rows. */
export const MERGE_BAND_ROWS = 500;
/**
 * How many sheets one request walks (getFirst, then getNextOrNullObject): a workbook with more takes a sync more
 * per 16. Each link costs its share of the request whether or not the sheet exists (some 1.9 KB as Office.js
 * serialises it), so the walk's request is some 30 KB: a workbook of a few hundred cells reads in well under 50 KB.
 */
export const SHEET_WALK = 16;
/** What the walk's request may be estimated at: fewer links per request when the limits make each link bigger. */
const WALK_REQUEST_BUDGET = SAFE_REQUEST_BYTES;
/** Paged reads: what one response aims at, and the bytes a cell is reckoned to cost (value, number format, bold). */
const PAGE_TARGET_BYTES = 4_000_000;
const PAGE_BYTES_PER_CELL = 100;

export interface ReadOptions {
  maxRows?: number;
  maxColumns?: number;
  /**
   * The sheet names the task pane already knows (from its last read, kept current with the worksheet collection's
   * onAdded / onDeleted / onNameChanged events). With them the read takes ONE sync: the names and every sheet's
   * data are loaded in the same batch, and the names loaded are checked against the guess. A wrong guess costs a
   * sync more, never a wrong model.
   */
  knownSheets?: readonly string[];
  /** Defaults to Office.context.requirements. */
  requirements?: RequirementChecker | null;
}

export interface ReadWorkbookResult extends WorkbookModel {
  /** Plain-English notes for the officer: sheets cut at the read limit, features this Excel lacks. */
  warnings: string[];
  notices: Notice[];
  /** context.sync() calls made (including a refused one, when a response was too big for Excel on the web). */
  syncs: number;
  /** Each request's estimated size in bytes (estimatePayloadBytes per queued operation: on the safe side). */
  requestBytes: number[];
  /** True when a response was too big for one request and the cells were read in blocks of rows. */
  paged: boolean;
  /**
   * The workbook's defined names (Formulas > Name Manager), loaded in the first request: a table may not take one
   * (office-js#551), so the write that follows picks its table a free name without a sync of its own.
   */
  definedNames: string[];
  /**
   * The workbook's tables and the sheet each is on, loaded with the defined names: a table name is taken workbook-wide,
   * so the write gives its table a name no table on the officer's sheets has, again without a sync of its own.
   */
  tables: WorkbookTable[];
}

const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!']);

const VISIBILITY: Record<string, SheetModel['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** One block of a sheet's cells: values, number formats and bold, starting at row `top` (0-based). */
interface Block {
  top: number;
  range: Excel.Range;
  bold: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  /** The block's formula cells; null where this Excel cannot say (before ExcelApi 1.9). */
  formulas: Excel.RangeAreas | null;
}

interface SheetLoad {
  used: Excel.Range;
  /** Paged reads only: the used range within the read limits (a null object for a sheet with no values there). */
  extent: Excel.Range | null;
  blocks: Block[];
  merges: Excel.RangeAreas[];
}

const BOLD = { format: { font: { bold: true } } };
/** What is loaded of every cell. */
const CELL_PROPERTIES = 'values,numberFormat';
/** What is loaded of the cells that hold formulas (Range.getSpecialCellsOrNullObject, ExcelApi 1.9). */
const FORMULA_PROPERTIES = 'areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas';

/**
 * The formulas of a block of cells, asked for in the same request: only the cells that hold one
 * (getSpecialCellsOrNullObject('Formulas')), so the response grows with the formulas a sheet has, not with its
 * size, as loading Range.formulas for every cell would (it repeats every constant: half as much again, which tips
 * a big sheet on Excel on the web into one more paged block). The copy kept for "Restore the previous version"
 * then gives a formula back its formula, not its last result, as the xlsx reader's model does.
 */
function queueFormulas(range: Excel.Range, queued: (operations: number, ...args: unknown[]) => void): Excel.RangeAreas {
  const areas = range.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType);
  areas.load(FORMULA_PROPERTIES);
  queued(1, 'getSpecialCellsOrNullObject', 'Formulas', FORMULA_PROPERTIES);
  return areas;
}

const errorCode = (error: unknown) => (error as { code?: string })?.code;
/** Excel on the web's refusal of a big response, or the cell-count limit of one load: both mean "read less at once". */
const TOO_BIG = new Set(['ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

export async function readWorkbookModel(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadWorkbookResult> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxColumns = options.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const requirements = new Requirements(options.requirements === undefined ? undefined : options.requirements);
  requirements.require('read');
  const readBold = requirements.use('bold');
  const readMerges = requirements.use('mergedAreas');
  const readFormulas = requirements.use('formulaCells');
  const lastColumn = columnName(maxColumns - 1);
  let syncs = 0;
  const requestBytes: number[] = [];
  let pendingBytes = 0;
  /** `operations`: the object paths and actions Office.js sends for what is queued (see estimateOperations). */
  const queued = (operations: number, ...args: unknown[]) => (pendingBytes += estimateOperations(operations, ...args));
  // The defined names and the tables ride on the first request that Excel accepts, whichever way the sheets are read.
  const names = context.workbook.names;
  const tables = context.workbook.tables;
  let namesLoaded = false;
  const sync = async () => {
    if (!namesLoaded) {
      names.load('items/name');
      queued(2, 'names', 'items/name');
      tables.load(TABLES_LOAD);
      queued(2, 'tables', TABLES_LOAD);
    }
    syncs++;
    requestBytes.push(pendingBytes);
    pendingBytes = 0;
    await context.sync();
    namesLoaded = true;
  };

  let mergeBands = false;
  const loads = new Map<string, SheetLoad>();
  let paged = false;

  /** Queues everything about one sheet: its used range, its cells (bounded) and its merged areas. */
  const queueSheet = (ws: Excel.Worksheet, withCells = true): SheetLoad => {
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    queued(2, 'getUsedRange', 'rowIndex,columnIndex,rowCount,columnCount');
    const blocks: Block[] = [];
    const limitsAddress = `A1:${lastColumn}${maxRows}`;
    const limits = ws.getRange(limitsAddress);
    let extent: Excel.Range | null = null;
    if (withCells) {
      // A1 to the used range's far corner, clipped to the limits: never null, never unbounded.
      const window = ws.getRange('A1').getBoundingRect(used).getIntersection(limits);
      window.load(CELL_PROPERTIES);
      queued(5, 'A1', limitsAddress, CELL_PROPERTIES);
      const bold = readBold ? window.getCellProperties(BOLD) : null;
      if (bold) queued(1, BOLD);
      blocks.push({ top: 0, range: window, bold, formulas: readFormulas ? queueFormulas(window, queued) : null });
    } else {
      // Only loaded, never chained on: what Office.js documents as safe for a possibly-null object.
      extent = limits.getUsedRangeOrNullObject(true);
      extent.load('rowIndex,columnIndex,rowCount,columnCount');
      queued(3, limitsAddress, 'rowIndex,columnIndex,rowCount,columnCount');
    }
    const merges: Excel.RangeAreas[] = [];
    if (readMerges && !mergeBands) {
      // One look-up over the area read (A1 to the used range's far corner, within the limits): proportional to what
      // the sheet holds. Excel fails it beyond 512 areas; then the read is retried in bands (see readWorkbookModel).
      const area = blocks[0]?.range ?? ws.getRange('A1').getBoundingRect(used).getIntersection(limits);
      const areas = area.getMergedAreasOrNullObject();
      areas.load('address');
      queued(blocks.length ? 2 : 5, 'A1', 'getMergedAreasOrNullObject', 'address');
      merges.push(areas);
    } else if (readMerges) {
      for (let top = 1; top <= maxRows; top += MERGE_BAND_ROWS) {
        const band = `A${top}:${lastColumn}${Math.min(top + MERGE_BAND_ROWS - 1, maxRows)}`;
        const areas = ws.getRange(band).getMergedAreasOrNullObject();
        areas.load('address');
        queued(3, band, 'address');
        merges.push(areas);
      }
    }
    return { used, extent, blocks, merges };
  };

  interface Found {
    ws: Excel.Worksheet;
    name: string;
    visibility: string;
  }
  /** Reads the names and every sheet (see the header); loads and paged say what was read. */
  const readAll = async (): Promise<Found[]> => {
    const worksheets = context.workbook.worksheets;
    const item = (name: string) => {
      queued(1, name);
      return worksheets.getItem(name);
    };

    /**
     * Walks the tabs in order, SHEET_WALK links per request, queueing everything about each link (with its cells, or
     * only its extent for a paged read): see the header. Returns the sheets found, their loads in `loads`.
     */
    const walk = async (withCells: boolean): Promise<Found[]> => {
      const found: Found[] = [];
      // The first link is never a null object: getFirst() (a workbook has a sheet), or the sheet found past a chain.
      let start: Excel.Worksheet = worksheets.getFirst();
      // SHEET_WALK links, fewer if a link's share is too big (the banded retry: 1 merge band per 500 rows of the limits).
      let links = SHEET_WALK;
      for (;;) {
        const chain: { ws: Excel.Worksheet; mayBeNull: boolean; load: SheetLoad }[] = [];
        for (let i = 0; i < links; i++) {
          const ws = i === 0 ? start : chain[i - 1].ws.getNextOrNullObject();
          ws.load('name,visibility');
          const before = pendingBytes;
          queued(2, 'getNextOrNullObject', 'name,visibility');
          chain.push({ ws, mayBeNull: i > 0, load: queueSheet(ws, withCells) });
          if (i === 0) links = Math.max(1, Math.min(SHEET_WALK, Math.floor(WALK_REQUEST_BUDGET / (pendingBytes - before))));
        }
        // One link more, its name only: a null object says the walk saw the last sheet, as it does for workbooks of
        // up to SHEET_WALK sheets.
        const after = chain[links - 1].ws.getNextOrNullObject();
        after.load('name');
        queued(2, 'getNextOrNullObject', 'name');
        await sync();
        for (const link of chain) {
          if (link.mayBeNull && link.ws.isNullObject) return found;
          found.push({ ws: link.ws, name: link.ws.name, visibility: link.ws.visibility as string });
          loads.set(link.ws.name.toLowerCase(), link.load);
        }
        if (after.isNullObject) return found;
        // More than SHEET_WALK sheets (the only case that costs this follow-up sync): walk on from the next one.
        start = after;
      }
    };
    const named = () => worksheets.items.map((ws) => ({ ws, name: ws.name, visibility: ws.visibility as string }));

    let sheets: Found[];
    if (options.knownSheets?.length) {
      // One sync: the names, and the data of the sheets we expect, together.
      worksheets.load('items/name,items/visibility');
      queued(3, 'items/name,items/visibility');
      for (const name of options.knownSheets) loads.set(name.toLowerCase(), queueSheet(item(name)));
      try {
        await sync();
      } catch (error) {
        loads.clear();
        worksheets.load('items/name,items/visibility');
        queued(3, 'items/name,items/visibility');
        if (TOO_BIG.has(errorCode(error) ?? '')) {
          // The names were right but the cells too many for one response: learn the sizes with the names, then page.
          paged = true;
          for (const name of options.knownSheets) loads.set(name.toLowerCase(), queueSheet(item(name), false));
        } else if (errorCode(error) !== 'ItemNotFound') {
          throw error;
        }
        // (ItemNotFound: a sheet was renamed or deleted since the names were learnt; read them afresh.)
        await sync();
      }
      sheets = named();
    } else if (requirements.use('walkSheets')) {
      try {
        sheets = await walk(true);
      } catch (error) {
        if (!TOO_BIG.has(errorCode(error) ?? '')) throw error;
        // Too many cells for one response: walk again for the names and the sizes only, then page.
        loads.clear();
        paged = true;
        sheets = await walk(false);
      }
    } else {
      // No getFirst / getNextOrNullObject (ExcelApi 1.5): the names first, then everything else.
      worksheets.load('items/name,items/visibility');
      queued(3, 'items/name,items/visibility');
      await sync();
      sheets = named();
    }
    const missing = sheets.filter((s) => !loads.has(s.name.toLowerCase()));
    if (missing.length && !paged) {
      for (const s of missing) loads.set(s.name.toLowerCase(), queueSheet(s.ws));
      try {
        await sync();
      } catch (error) {
        if (!TOO_BIG.has(errorCode(error) ?? '')) throw error;
        paged = true;
      }
    }
    if (paged) {
      // Excel on the web refused a response over 5 MB (or a stray far cell made the window huge): learn where each
      // sheet's values are within the limits, then read them in blocks of rows, halving a block that is still too big.
      for (const [key, load] of loads) if (load.blocks.length) loads.delete(key);
      const unsized = sheets.filter((s) => !loads.has(s.name.toLowerCase()));
      for (const s of unsized) loads.set(s.name.toLowerCase(), queueSheet(s.ws, false));
      if (unsized.length) await sync();
      for (const s of sheets) {
        const load = loads.get(s.name.toLowerCase())!;
        const extent = load.extent!;
        if (extent.isNullObject) continue;
        const rows = extent.rowIndex + extent.rowCount;
        const cols = extent.columnIndex + extent.columnCount;
        // Start from a block that should fit (about 100 bytes a cell with its format and bold); halve it if not.
        const blocksNeeded = Math.ceil((extent.rowCount * cols * PAGE_BYTES_PER_CELL) / PAGE_TARGET_BYTES);
        let size = Math.max(1, Math.ceil(extent.rowCount / Math.max(1, blocksNeeded)));
        for (let top = extent.rowIndex; top < rows; ) {
          const count = Math.min(size, rows - top);
          const address = `A${top + 1}:${columnName(cols - 1)}${top + count}`;
          const range = s.ws.getRange(address);
          range.load(CELL_PROPERTIES);
          queued(2, address, CELL_PROPERTIES);
          const bold = readBold ? range.getCellProperties(BOLD) : null;
          if (bold) queued(1, BOLD);
          const formulas = readFormulas ? queueFormulas(range, queued) : null;
          try {
            await sync();
          } catch (error) {
            if (!TOO_BIG.has(errorCode(error) ?? '') || count === 1) throw error;
            size = Math.ceil(count / 2);
            continue;
          }
          load.blocks.push({ top, range, bold, formulas });
          top += count;
        }
      }
    }

    return sheets;
  };

  let sheets: Found[];
  try {
    sheets = await readAll();
  } catch (error) {
    // Excel fails a merged-area look-up over more than 512 areas, and the whole request with it ("Note that if the
    // merged areas count in this range is more than 512, then this method will fail to return the result":
    // Range.getMergedAreasOrNullObject, learn.microsoft.com/javascript/api/excel/excel.range). Read again with the
    // merges in bands of MERGE_BAND_ROWS rows: one sync more, for a sheet that merges that much. Any other error
    // fails that read too, and is thrown.
    if (!readMerges || mergeBands || errorCode(error) === undefined || TOO_BIG.has(errorCode(error) ?? '')) throw error;
    mergeBands = true;
    loads.clear();
    paged = false;
    pendingBytes = 0;
    sheets = await readAll();
  }

  const warnings: string[] = [];
  const models = sheets.map((s) => {
    const load = loads.get(s.name.toLowerCase())!;
    const usedBottom = load.used.rowIndex + load.used.rowCount;
    const usedRight = load.used.columnIndex + load.used.columnCount;
    if (usedBottom > maxRows || usedRight > maxColumns) {
      warnings.push(
        `"${s.name}" has values beyond row ${maxRows.toLocaleString('en-GB')} or column ${lastColumn} (its last value is at ${columnName(usedRight - 1)}${usedBottom}): ` +
          `PlanAssure read only the first ${maxRows.toLocaleString('en-GB')} rows and ${maxColumns} columns. Move the plan into that area, or delete the stray cells, if anything is missing.`,
      );
    }
    return sheetFrom(s.name, s.visibility, load);
  });
  for (const notice of requirements.notices) warnings.push(notice.message);
  const definedNames = names.items.map((n) => n.name);
  return { sheets: models, warnings, notices: requirements.notices, syncs, requestBytes, paged, definedNames, tables: tablesFrom(tables) };
}

function sheetFrom(name: string, visibility: string, load: SheetLoad): SheetModel {
  const merges: MergedArea[] = [];
  for (const areas of load.merges) {
    if (areas.isNullObject) continue;
    for (const area of splitAreas(areas.address)) {
      const rect = parseRef(splitSheet(area).ref);
      merges.push({ top: rect.row + 1, left: rect.col + 1, bottom: rect.row + rect.rows, right: rect.col + rect.cols });
    }
  }
  const covered = new Set<string>();
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const cells: CellModel[] = [];
  for (const block of load.blocks) {
    const formats = block.range.numberFormat;
    const formulas = formulasOf(block);
    const bold = block.bold?.value;
    block.range.values.forEach((line, i) =>
      line.forEach((raw: unknown, c) => {
        const row = block.top + i + 1;
        if (covered.has(`${row}:${c + 1}`)) return;
        const written = formulas.get(`${row}:${c + 1}`);
        const formula = typeof written === 'string' && written.startsWith('=') && written.length > 1 ? written.slice(1) : undefined;
        // A formula that shows nothing is still a cell, with empty text, as the xlsx reader gives it.
        const shown = raw === null || raw === undefined ? '' : raw;
        if (shown === '' && !formula) return;
        const format = formats[i]?.[c];
        const cell = toCell(row, c + 1, shown, typeof format === 'string' ? format : undefined);
        if (!cell) return;
        if (formula) cell.formula = formula;
        if (bold?.[i]?.[c]?.format?.font?.bold) cell.bold = true;
        cells.push(cell);
      }),
    );
  }
  return { name, cells, merges, hiddenRows: [], hiddenColumns: [], visibility: VISIBILITY[visibility] ?? 'visible' };
}

/**
 * A block's formulas by "row:col" (1-based). Only cells inside the block count: Excel's Find Special Cells on a
 * single cell searches the whole used range, as its desktop dialog does.
 */
function formulasOf(block: Block): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const areas = block.formulas;
  if (!areas || areas.isNullObject) return out;
  // Every block starts in column A, at row block.top (0-based), and is as big as its values.
  const values = block.range.values;
  const [rowIndex, columnIndex, rowCount, columnCount] = [block.top, 0, values.length, values[0]?.length ?? 0];
  for (const area of areas.areas.items) {
    area.formulas.forEach((line, r) =>
      line.forEach((formula, c) => {
        const row = area.rowIndex + r;
        const col = area.columnIndex + c;
        if (row >= rowIndex && row < rowIndex + rowCount && col >= columnIndex && col < columnIndex + columnCount) out.set(`${row + 1}:${col + 1}`, formula);
      }),
    );
  }
  return out;
}

/** One value as Office.js returns it, with its number format, as the engine's typed cell. */
export function toCell(row: number, col: number, raw: unknown, format: string | undefined): CellModel | null {
  const numFmt = format && format !== 'General' ? format : undefined;
  const withFormat = (cell: CellModel): CellModel => (numFmt ? { ...cell, numFmt } : cell);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    if (isDateFormat(format)) {
      const iso = serialToIso(raw);
      if (iso) return withFormat({ row, col, value: { type: 'date', value: iso } });
    }
    return withFormat({ row, col, value: { type: 'number', value: raw } });
  }
  if (typeof raw === 'boolean') return withFormat({ row, col, value: { type: 'boolean', value: raw } });
  const text = String(raw);
  if (ERROR_TEXTS.has(text)) return withFormat({ row, col, value: { type: 'error', value: text } });
  return withFormat({ row, col, value: { type: 'text', value: text } });
}
