/**
 * Applies a declarative WorkbookPlan to the open workbook through Office.js: the Office.js twin of
 * src/xlsx/apply-plan.ts, with the same semantics. The sheets the tool owns are deleted and written afresh; an
 * officer's sheet is never touched (except the rows of Plan Settings that hold the column roles the officer
 * confirmed, when asked: ApplyOptions.settingsEdit), and a plan sheet whose name belongs to the officer stops the
 * command with an error naming it.
 *
 * Requests. Everything is queued as a few large operations (2-D arrays per block of rows, one operation per style
 * range, never cell by cell) and sent in as few context.sync() calls as Excel on the web's 5 MB request limit
 * allows. Each request is packed up to SAFE_REQUEST_BYTES, estimated as the JSON length of what is queued
 * (estimatePayloadBytes, with an allowance for each operation's framing), leaving a margin for Office.js's own;
 * a block of rows that does not fit is cut between rows so that it fills the request. The sheets are new, so a
 * block writes only the runs of columns that hold something, and General is written as "" (a blank number format
 * is General): fewer bytes for the same workbook.
 *   - names known (the caller read the workbook in this run and passes its sheet names): plans up to ~4.5 MB
 *     take ONE sync, up to ~9 MB two, and so on;
 *   - names unknown: the first sync also loads the sheet names. So that it still carries writes, new sheets are
 *     added under temporary names and filled; the second sync checks the names, deletes the tool's old sheets,
 *     renames the new ones and writes the rest (tables, dropdowns and conditional formats, which refer to sheet
 *     and table names, wait for it). Up to ~4.5 MB of values: two syncs; beyond, one more per ~4.5 MB.
 * A plan over ~9 MB cannot fit in two requests of under 5 MB: it takes as many as it needs, reported in
 * ApplyReport.syncs. Calculation and screen updating are suspended for every request (when Excel supports it).
 *
 * Text stays text: every text cell gets the Text number format ("@") in the same request, before its value, so
 * Excel stores "=see minutes", "+44…", "-", "@home", "1.10", "TRUE" and "01/04" exactly as written instead of
 * typing them into formulas, numbers, booleans or dates. Dates are written as serial numbers (1900 date system)
 * with dd/mm/yyyy; formulas as "=" + formula.
 *
 * Column widths: plans give characters; Excel takes points: points = (characters × 7 + 5) × 0.75 (see units.ts).
 */
import type { SettingsEdit } from '../engine/saved-mapping';
import { queueSettingsEdit, settingsEditBytes } from './settings-edit';
import { ConditionalFormatPlan, PlanValue, RangeStyle, SheetPlan, WorkbookPlan } from '../engine/sheet-plan/types';
import { DATE_FORMAT } from '../engine/sheet-plan/plan-sheet';
import { claimTableName, TableNameHolder } from '../engine/sheet-plan/table-name';
import { columnName, parseRef } from './address';
import { isoToSerial } from '../engine/excel-dates';
import { Notice, RequirementChecker, Requirements } from './requirements';
import { charactersToPoints } from './units';
import { TABLES_LOAD, tablesFrom, WorkbookTable } from './workbook-tables';

/** Excel on the web refuses a request over 5 MB; the simulator enforces 5,000,000 bytes. */
export const REQUEST_LIMIT_BYTES = 5_000_000;
/** What one request is packed up to, leaving 10% for Office.js's framing of the queued operations. */
export const SAFE_REQUEST_BYTES = 4_500_000;
/** Value writes are cut into blocks of rows of about this size, so that requests can be packed tightly. */
export const BLOCK_BYTES = 256 * 1024;
/** Allowance per queued operation for its object path and framing. */
export const OPERATION_OVERHEAD_BYTES = 220;

export interface ApplyOptions {
  /** The workbook's sheet names, when the caller has just read them in this Excel.run: saves a request. */
  existingSheets?: readonly string[];
  /** Defaults to Office.context.requirements. */
  requirements?: RequirementChecker | null;
  /** Defaults to SAFE_REQUEST_BYTES. */
  maxRequestBytes?: number;
  /** Rows to write into the officer's Plan Settings sheet, in the last request (the column roles they confirmed). */
  settingsEdit?: SettingsEdit;
  /**
   * The workbook's defined names, when the caller has just read them (ReadWorkbookResult.definedNames): a table may
   * not take one. Without them the first request loads them, and the tables wait for the next.
   */
  definedNames?: readonly string[];
  /**
   * The workbook's tables, read with the defined names (ReadWorkbookResult.tables): a table may not take the name of
   * one on the officer's sheets either. Both are needed to spare the request that loads them.
   */
  existingTables?: readonly WorkbookTable[];
}

export interface ApplyReport {
  /** context.sync() calls made. */
  syncs: number;
  /** The estimated size of each request sent, in bytes. */
  requestBytes: number[];
  /** Features this Excel lacks, skipped, with the officer's note for each. */
  notices: Notice[];
}

const encoder = new TextEncoder();
function utf8(text: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/** The request payload an operation adds, estimated as the JSON length of its arguments plus a fixed overhead. */
export function estimatePayloadBytes(...args: unknown[]): number {
  return utf8(JSON.stringify(args)) + OPERATION_OVERHEAD_BYTES;
}

/** The same for a step that queues `operations` operations (each property set, method call and object path). */
export function estimateOperations(operations: number, ...args: unknown[]): number {
  return estimatePayloadBytes(...args) + OPERATION_OVERHEAD_BYTES * Math.max(0, operations - 1);
}

/** One unit of work: queued into the request it is packed into. */
interface Step {
  bytes: number;
  /** Refers to sheet or table names (dropdown sources, table names, conditional-format formulas): after renaming. */
  needsFinalNames: boolean;
  /** Adds a table: it waits until the workbook's defined names are known (see TableNames). */
  addsTable?: boolean;
  queue: (sheets: SheetLookup) => void;
  /** Values steps only: the first rows that fit in `room` bytes, and the rest; null when not even a row fits. */
  split?: (room: number) => [Step, Step] | null;
}
type SheetLookup = (name: string) => Excel.Worksheet;

/**
 * The names tables are given. Excel refuses a table whose name is already a defined name or another table's, with
 * only "The argument is invalid or missing or has an incorrect format" (office-js#551; table names and defined names
 * share one namespace, case-insensitively, across all sheets). A plan's table whose name the officer's workbook
 * already uses gets the first free one with a number after it (PlanAssurePlan2…), and the officer is told in words.
 * Tables on the sheets the tool owns do not count: those sheets are deleted before any table is added.
 */
class TableNames {
  private taken: Map<string, TableNameHolder> | null = null;
  /** Why a table was given another name than planned, for the officer. */
  readonly notices: string[] = [];
  know(definedNames: readonly string[], tables: readonly WorkbookTable[], owned: readonly string[]): void {
    const ownedSheets = new Set(owned.map(lower));
    this.taken = new Map(definedNames.map((n): [string, TableNameHolder] => [lower(n), { kind: 'name' }]));
    for (const t of tables) if (!ownedSheets.has(lower(t.sheet))) this.taken.set(lower(t.name), { kind: 'table', sheet: t.sheet });
  }
  get known(): boolean {
    return this.taken !== null;
  }
  /** The name for a table planned as `planned` on the sheet `sheet`, taken from now on. */
  free(planned: string, sheet: string): string {
    const { given, notice } = claimTableName(planned, sheet, this.taken ?? new Map<string, TableNameHolder>());
    if (notice) this.notices.push(notice);
    return given;
  }
}

const lower = (s: string) => s.toLowerCase();

function conflictError(name: string): Error {
  return new Error(`Sheet "${name}" belongs to the officer and will not be overwritten.`);
}

function findConflict(plan: WorkbookPlan, existing: readonly string[], owned: readonly string[]): string | null {
  const ownedSet = new Set(owned.map(lower));
  const existingSet = new Set(existing.map(lower));
  return plan.sheets.find((s) => existingSet.has(lower(s.name)) && !ownedSet.has(lower(s.name)))?.name ?? null;
}

export async function applyWorkbookPlan(context: Excel.RequestContext, plan: WorkbookPlan, owned: readonly string[], options: ApplyOptions = {}): Promise<ApplyReport> {
  const requirements = new Requirements(options.requirements === undefined ? undefined : options.requirements);
  requirements.require('write');
  // ownedSheets() lists the lists sheet twice (it names itself): delete each sheet once, as the xlsx adapter's Set does.
  owned = [...new Map(owned.map((n) => [lower(n), n])).values()];
  const limit = options.maxRequestBytes ?? SAFE_REQUEST_BYTES;
  const report: ApplyReport = { syncs: 0, requestBytes: [], notices: requirements.notices };
  const namesKnown = options.existingSheets !== undefined;
  if (namesKnown) {
    const conflict = findConflict(plan, options.existingSheets!, owned);
    if (conflict) throw conflictError(conflict);
  }
  const token = Math.random().toString(36).slice(2, 8);
  const tempName = (i: number) => `PlanAssure new ${token} ${i + 1}`;

  const pageChecks: PageCheck[] = [];
  const tableNames = new TableNames();
  if (options.definedNames && options.existingTables) tableNames.know(options.definedNames, options.existingTables, owned);
  const steps = plan.sheets.flatMap((sheet) => sheetSteps(sheet, requirements, pageChecks, tableNames));
  // Visibility last: Excel will not hide a sheet that is the only visible one, and the officer's sheets are visible.
  for (const sheet of plan.sheets) {
    if (sheet.visibility === 'visible') continue;
    const visibility = sheet.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
    steps.push({ bytes: estimatePayloadBytes(sheet.name, visibility), needsFinalNames: false, queue: (get) => (get(sheet.name).visibility = visibility) });
  }

  // Pack the steps into requests.
  const batches: Step[][] = [[]];
  let size = estimatePayloadBytes(plan.sheets.map((s) => s.name), owned) * 2;
  for (let step of steps) {
    const current = batches[batches.length - 1];
    // Without the names, the first request adds sheets under temporary names: nothing that names a sheet or table yet.
    // Nor a table before the defined names are known.
    const mustWait = batches.length === 1 && ((!namesKnown && step.needsFinalNames) || (!tableNames.known && !!step.addsTable));
    if (mustWait || (current.length && size + step.bytes > limit)) {
      // A block of values that does not fit is cut between rows: its first rows fill this request to the brim.
      const parts = mustWait ? null : (step.split?.(limit - size) ?? null);
      if (parts) {
        current.push(parts[0]);
        step = parts[1];
      }
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(step);
    size += step.bytes;
  }
  if (!namesKnown && batches.length === 1) batches.push([]);
  const edit = options.settingsEdit;
  if (edit) batches[batches.length - 1].push({ bytes: settingsEditBytes(edit), needsFinalNames: false, queue: () => queueSettingsEdit(context, edit) });

  const worksheets = context.workbook.worksheets;
  const suspend = () => {
    if (requirements.use('suspendCalculation')) context.workbook.application.suspendApiCalculationUntilNextSync();
    if (requirements.use('suspendScreenUpdating')) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  };
  const added = new Map<string, Excel.Worksheet>();
  const byFinalName: SheetLookup = (name) => worksheets.getItem(name);
  const sync = async (bytes: number) => {
    report.syncs++;
    report.requestBytes.push(bytes);
    await context.sync();
  };
  const batchBytes = (batch: Step[]) => batch.reduce((sum, s) => sum + s.bytes, 0);

  // First request.
  suspend();
  const definedNames = tableNames.known ? null : context.workbook.names;
  definedNames?.load('items/name');
  const tables = tableNames.known ? null : context.workbook.tables;
  tables?.load(TABLES_LOAD);
  if (namesKnown) {
    const present = new Set(options.existingSheets!.map(lower));
    for (const name of owned) if (present.has(lower(name))) worksheets.getItem(name).delete();
    for (const sheet of plan.sheets) added.set(sheet.name, worksheets.add(sheet.name));
  } else {
    worksheets.load('items/name');
    plan.sheets.forEach((sheet, i) => added.set(sheet.name, worksheets.add(tempName(i))));
  }
  for (const step of batches[0]) step.queue((name) => added.get(name) ?? byFinalName(name));
  await sync(batchBytes(batches[0]));
  if (definedNames && tables) tableNames.know(definedNames.items.map((n) => n.name), tablesFrom(tables), owned);

  let rest = batches.slice(1);
  if (!namesKnown) {
    // Second request: check the names, then swap the new sheets in for the tool's old ones.
    const temps = new Set(plan.sheets.map((_, i) => lower(tempName(i))));
    const existing = worksheets.items.map((ws) => ws.name).filter((n) => !temps.has(lower(n)));
    const conflict = findConflict(plan, existing, owned);
    if (conflict) {
      for (const ws of added.values()) ws.delete();
      await sync(0);
      throw conflictError(conflict);
    }
    suspend();
    const present = new Set(existing.map(lower));
    for (const name of owned) if (present.has(lower(name))) worksheets.getItem(name).delete();
    for (const [name, ws] of added) ws.name = name;
    const second = rest[0] ?? [];
    for (const step of second) step.queue((name) => added.get(name) ?? byFinalName(name));
    await sync(batchBytes(second));
    rest = rest.slice(1);
  }
  for (const batch of rest) {
    suspend();
    for (const step of batch) step.queue(byFinalName);
    await sync(batchBytes(batch));
  }
  await checkPageFit(context, pageChecks, report, sync);
  report.notices.push(...tableNames.notices.map((message) => ({ feature: 'write' as const, message })));
  return report;
}

// ---------------------------------------------------------------- print scale where fit-to-width was not kept

/** A sheet whose print setup asked to fit its columns on one page wide, with the setting read back. */
interface PageCheck {
  sheet: string;
  layout: Excel.PageLayout;
  fitToWidth: number;
  /** The print scale that fits the plan's columns on one A4 page wide: the fallback. */
  scale: number;
}

/** A4's printable width in points with Excel's Normal margins (0.7 inch left and right): 297 or 210 mm less 1.4 inch. */
const A4_PRINTABLE_POINTS = { landscape: 841.9 - 100.8, portrait: 595.3 - 100.8 };

/** The print scale (10–100%) at which columns of these widths (in characters) fit one A4 page wide. */
export function scaleToFit(widths: readonly number[], orientation: 'landscape' | 'portrait'): number {
  const total = widths.reduce((sum, w) => sum + charactersToPoints(w), 0);
  if (total <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((A4_PRINTABLE_POINTS[orientation] / total) * 100)));
}

/**
 * Excel may ignore PageLayout.zoom's fit-to-pages unless the Page Layout tab is open (office-js#1860: "horizontal
 * FitToPages does not set if Page Layout tab is not selected"), though it keeps a print scale. Where the setting read
 * back is not what was set, the sheet gets the scale that fits its columns on one page wide, read back too, in one
 * request more (none when Excel kept the fit); the officer is told which sheets, and what to do if even that failed.
 */
async function checkPageFit(context: Excel.RequestContext, checks: PageCheck[], report: ApplyReport, sync: (bytes: number) => Promise<void>): Promise<void> {
  const ignored = checks.filter((c) => c.layout.zoom?.horizontalFitToPages !== c.fitToWidth);
  if (!ignored.length) return;
  const fixes = ignored.map((c) => {
    const layout = context.workbook.worksheets.getItem(c.sheet).pageLayout;
    layout.zoom = { scale: c.scale };
    layout.load('zoom');
    return { ...c, layout };
  });
  await sync(fixes.reduce((sum, f) => sum + estimateOperations(5, f.sheet, f.scale), 0));
  for (const f of fixes) {
    const kept = f.layout.zoom?.scale === f.scale;
    report.notices.push({
      feature: 'pageLayout',
      message: kept
        ? `Excel did not keep "fit all columns on one page wide" for "${f.sheet}", so PlanAssure set its print scale to ${f.scale}%, which fits the columns it wrote on one A4 page wide.`
        : `Excel did not keep the print settings for "${f.sheet}": to print it one page wide, choose Page Layout > Scale to Fit > Width: 1 page.`,
    });
  }
}

// ---------------------------------------------------------------- what one sheet needs

type Cell = string | number | boolean;

function cellOf(value: PlanValue): Cell {
  if (value === null) return '';
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return value.value;
    case 'date':
      return isoToSerial(value.iso);
    case 'formula':
      return `=${value.formula}`;
  }
}

/**
 * The number format a cell is written with: Text for text, so that Excel never retypes it. General is written as
 * "" (Office.js: a blank number format sets General), 3 bytes a cell instead of 10 in every request.
 */
function formatOf(value: PlanValue, columnFormat: string | undefined): string {
  if (value === null) return GENERAL;
  switch (value.kind) {
    case 'text':
      return '@';
    case 'date':
      return columnFormat ?? DATE_FORMAT;
    default:
      return columnFormat ?? GENERAL;
  }
}
const GENERAL = '';

function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = `${columnName(left)}${top + 1}`;
  return top === bottom && left === right ? a : `${a}:${columnName(right)}${bottom + 1}`;
}

/**
 * The runs of columns [left, right] that hold a value in rows [top, end). A gap of empty columns splits a run only
 * when writing its "" cells would cost more than a second operation does.
 */
function columnRuns(rows: readonly (readonly PlanValue[])[], top: number, end: number, width: number): [number, number][] {
  const used = Array.from({ length: width }, (_, c) => {
    for (let r = top; r < end; r++) if ((rows[r][c] ?? null) !== null) return true;
    return false;
  });
  const runs: [number, number][] = [];
  const gapWorthSplitting = Math.ceil((2 * OPERATION_OVERHEAD_BYTES) / (6 * (end - top)));
  for (let c = 0; c < width; c++) {
    if (!used[c]) continue;
    const last = runs[runs.length - 1];
    if (last && c - last[1] - 1 < gapWorthSplitting) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** Cuts rows [0, count) into blocks of about BLOCK_BYTES, by the estimated size of each row. */
function blocks(count: number, rowBytes: (r: number) => number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < count; r++) {
    const bytes = rowBytes(r);
    if (r > start && size + bytes > BLOCK_BYTES) {
      out.push([start, r]);
      start = r;
      size = 0;
    }
    size += bytes;
  }
  if (count > start) out.push([start, count]);
  return out;
}

function sheetSteps(plan: SheetPlan, requirements: Requirements, pageChecks: PageCheck[], tableNames: TableNames): Step[] {
  const steps: Step[] = [];
  const name = plan.name;
  const step = (bytes: number, queue: (ws: Excel.Worksheet) => void, needsFinalNames = false) =>
    steps.push({ bytes, needsFinalNames, queue: (get) => queue(get(name)) });

  // Column widths (the xlsx adapter: <col width>).
  plan.columns.forEach((c, i) => {
    const points = charactersToPoints(c.width);
    step(estimatePayloadBytes(i, points), (ws) => (ws.getRange(`${columnName(i)}:${columnName(i)}`).format.columnWidth = points));
  });

  // Values and their number formats, in blocks of whole rows; within a block, only the runs of columns that hold
  // something (the sheet is new: an empty cell needs no "" written, nor its General format).
  // A row the plan leaves out (a hole in the array) is an empty row, not a reason to drop the block it falls in.
  const rows: readonly (readonly PlanValue[])[] = Array.from(plan.rows, (row) => row ?? []);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width && rows.length) {
    const values = rows.map((row) => Array.from({ length: width }, (_, c) => cellOf(row[c] ?? null)));
    const formats = rows.map((row, r) => Array.from({ length: width }, (_, c) => formatOf(row[c] ?? null, r > 0 ? plan.columns[c]?.numFmt : undefined)));
    const rowBytes = (r: number) => utf8(JSON.stringify(values[r])) + utf8(JSON.stringify(formats[r]));
    // A block of rows [top, end) of columns [left, right]; cut between rows when a request has room for part of it.
    const valueStep = (top: number, end: number, left: number, right: number): Step => {
      const v = values.slice(top, end).map((line) => line.slice(left, right + 1));
      const f = formats.slice(top, end).map((line) => line.slice(left, right + 1));
      const address = rangeAddress(top, left, end - 1, right);
      return {
        bytes: estimatePayloadBytes(address, f) + estimatePayloadBytes(v),
        needsFinalNames: false,
        queue: (get) => {
          const range = get(name).getRange(address);
          range.numberFormat = f; // first: a Text cell keeps "=…" as words
          range.values = v;
        },
        split: (room) => {
          let bytes = 2 * OPERATION_OVERHEAD_BYTES + 64;
          let cut = top;
          while (cut < end - 1 && bytes + utf8(JSON.stringify(v[cut - top])) + utf8(JSON.stringify(f[cut - top])) + 2 <= room) {
            bytes += utf8(JSON.stringify(v[cut - top])) + utf8(JSON.stringify(f[cut - top])) + 2;
            cut++;
          }
          for (; cut > top; cut--) {
            const head = valueStep(top, cut, left, right);
            if (head.bytes <= room) return [head, valueStep(cut, end, left, right)];
          }
          return null;
        },
      };
    };
    for (const [top, end] of blocks(rows.length, rowBytes)) {
      for (const [left, right] of columnRuns(rows, top, end, width)) steps.push(valueStep(top, end, left, right));
    }
  }

  // The table (the xlsx adapter: a table part over the header row and the rows below), only when there are rows under the header.
  if (plan.table && plan.rows.length > 1) {
    const table = plan.table;
    steps.push({
      bytes: estimateOperations(3, table.range, table.name, table.style),
      needsFinalNames: true,
      addsTable: true,
      queue: (get) => {
        const ws = get(name);
        const t = ws.tables.add(ws.getRange(table.range), true);
        t.name = tableNames.free(table.name, name);
        t.style = table.style;
      },
    });
  }

  for (const style of plan.styles) steps.push(...styleSteps(name, style));
  for (const range of plan.merges) step(estimatePayloadBytes(range), (ws) => ws.getRange(range).merge(false));

  if (plan.validations.length && requirements.use('dataValidation')) {
    for (const v of plan.validations) {
      step(
        estimateOperations(4, v.range, v.source, v.message),
        (ws) => {
          const dv = ws.getRange(v.range).dataValidation;
          dv.ignoreBlanks = true;
          dv.rule = { list: { inCellDropDown: true, source: `=${v.source}` } };
          dv.errorAlert = { showAlert: true, style: 'Warning', title: 'Not on the list', message: v.message };
        },
        true,
      );
    }
  }

  if ((plan.conditionalFormats.length || plan.dataBars.length) && requirements.use('conditionalFormats')) {
    let priority = 0;
    for (const cf of plan.conditionalFormats) steps.push(...conditionalSteps(name, cf, () => priority++));
    for (const bar of plan.dataBars) {
      const p = priority++;
      step(
        estimateOperations(7, bar),
        (ws) => {
          const f = ws.getRange(bar.range).conditionalFormats.add('DataBar');
          f.dataBar.positiveFormat.fillColor = `#${bar.color}`;
          f.dataBar.lowerBoundRule = { type: 'LowestValue' };
          f.dataBar.upperBoundRule = { type: 'HighestValue' };
          f.priority = p;
        },
        true,
      );
    }
  }

  if (plan.charts?.length && requirements.use('charts')) {
    for (const chart of plan.charts) {
      step(
        estimateOperations(5, chart),
        (ws) => {
          const type = chart.kind === 'stackedBar' ? 'BarStacked' : 'Line';
          const added = ws.charts.add(type as Excel.ChartType, ws.getRange(chart.source), chart.seriesBy === 'rows' ? 'Rows' : 'Columns');
          added.title.text = chart.title;
          added.setPosition(chart.from, chart.to);
        },
        true,
      );
    }
  }

  if (plan.freeze && (plan.freeze.rows || plan.freeze.columns) && requirements.use('freezePanes')) {
    const { rows, columns } = plan.freeze;
    step(estimatePayloadBytes(plan.freeze), (ws) => {
      if (rows && columns) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, rows - 1, columns - 1)));
      else if (rows) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(columns);
    });
  }

  if (plan.page && requirements.use('pageLayout')) {
    const page = plan.page;
    step(estimateOperations(9 + 2 * (page.rowBreaks?.length ?? 0), page), (ws) => {
      const layout = ws.pageLayout;
      layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      // Fit all columns on one page wide; 0 pages tall means "automatic", as fitToHeight 0 does in the file. Excel
      // may ignore this unless the Page Layout tab is open (office-js#1860): it is read back in the same request,
      // and set as a print scale (which Excel keeps) where it was not kept: see checkPageFit.
      layout.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: 0 };
      layout.load('zoom');
      pageChecks.push({ sheet: name, layout, fitToWidth: page.fitToWidth, scale: scaleToFit(plan.columns.map((c) => c.width), page.orientation) });
      if (page.printTitleRows) layout.setPrintTitleRows(page.printTitleRows.replace(/(\d+)/g, '$$$1'));
      // As the xlsx adapter writes it: the left footer when the plan has one, and "Page n of m" on the right.
      const footer = layout.headersFooters.defaultForAllPages;
      if (page.footerLeft) footer.leftFooter = page.footerLeft;
      footer.rightFooter = 'Page &P of &N';
      // Same API set as the print titles (1.9): a new page starts below each break row.
      for (const row of page.rowBreaks ?? []) ws.horizontalPageBreaks.add(ws.getRange(`A${row + 1}`));
    });
  }
  return steps;
}

const VERTICAL = { top: 'Top', middle: 'Center' } as const;
const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

function styleSteps(sheet: string, style: RangeStyle): Step[] {
  const steps: Step[] = [];
  const on = (bytes: number, queue: (range: Excel.Range) => void): void => {
    steps.push({ bytes, needsFinalNames: false, queue: (get) => queue(get(sheet).getRange(style.range)) });
  };
  const sets = ['bold', 'italic', 'fontSize', 'fontColor', 'fill', 'wrap', 'vertical', 'horizontal'].filter((k) => style[k as keyof RangeStyle] !== undefined).length;
  on(estimateOperations(3 + sets + (style.border ? BORDER_EDGES.length * 4 : 0), style), (range) => {
    const font = range.format.font;
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize) font.size = style.fontSize;
    if (style.fontColor) font.color = `#${style.fontColor}`;
    if (style.fill) range.format.fill.color = `#${style.fill}`;
    if (style.wrap !== undefined) range.format.wrapText = style.wrap;
    if (style.vertical) range.format.verticalAlignment = VERTICAL[style.vertical];
    if (style.horizontal) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
    if (style.border) {
      for (const edge of BORDER_EDGES) {
        const border = range.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.weight = 'Thin';
        border.color = '#B1B4B6';
      }
    }
  });
  if (style.numFmt) {
    // Number formats go as 2-D arrays, in blocks of rows so that no single operation is too big for a request.
    const [from, to = from] = style.range.split(':');
    const a = parseRef(from);
    const b = parseRef(to);
    const rowBytes = utf8(JSON.stringify(Array(b.col - a.col + 1).fill(style.numFmt)));
    for (const [top, end] of blocks(b.row - a.row + 1, () => rowBytes)) {
      const address = rangeAddress(a.row + top, a.col, a.row + end - 1, b.col);
      const matrix = Array.from({ length: end - top }, () => Array(b.col - a.col + 1).fill(style.numFmt));
      steps.push({ bytes: rowBytes * (end - top) + OPERATION_OVERHEAD_BYTES, needsFinalNames: false, queue: (get) => (get(sheet).getRange(address).numberFormat = matrix) });
    }
  }
  return steps;
}

function conditionalSteps(sheet: string, cf: ConditionalFormatPlan, nextPriority: () => number): Step[] {
  return cf.rules.map((rule) => {
    const priority = nextPriority();
    return {
      bytes: estimateOperations(10, cf.range, rule),
      needsFinalNames: true,
      queue: (get: SheetLookup) => {
        const f = get(sheet).getRange(cf.range).conditionalFormats.add('Custom');
        f.custom.rule.formula = `=${rule.expression}`;
        f.custom.format.fill.color = `#${rule.fill}`;
        f.custom.format.font.color = `#${rule.fontColor}`;
        f.custom.format.font.bold = rule.bold ?? false;
        f.priority = priority;
      },
    };
  });
}
