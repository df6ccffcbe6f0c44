/**
 * The proxy objects: the part of the Excel JavaScript API that PlanAssure uses, over the plain state in state.ts.
 * Every method and property below queues work for context.sync(), as Office.js does; nothing reads or changes the
 * state until then. APIs check the requirement set they belong to at sync time and fail with ApiNotFound when the
 * simulated Excel is "too old", as a real old Excel does.
 */
import { boundingRect, cellCount, columnName, formatRect, intersect, MAX_COLUMNS, MAX_ROWS, parseRef, quoteSheet, Rect, splitSheet } from '../excel/address';
import { defineProps, PropSpec, RequestQueue, SimClientObject, SimClientResult, SimCollection, SimulatorLimits, SimulatorStats } from './context';
import { SimPageBreakCollection } from './page-breaks';
import { invalidArgument, invalidOperation, itemNotFound, SimulatorError } from './errors';
import {
  cellsIn,
  DEFAULT_COLUMN_WIDTH_POINTS,
  ensureCell,
  getCell,
  liveSheets,
  newSheet,
  SimCellFormat,
  SimChart,
  SimConditionalFormat,
  SimSheet,
  SimTable,
  SimValidation,
  SimWorkbookState,
  usedRect,
} from './state';
import { outputValue, outputValueType, writeInput } from './values';

export interface RequirementSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface SimHost {
  readonly state: SimWorkbookState;
  readonly stats: SimulatorStats;
  readonly limits: SimulatorLimits;
  readonly requirements: RequirementSupport;
}

/** Excel.RequestContext, simulated. */
export class SimRequestContext extends RequestQueue {
  readonly workbook: SimWorkbook;
  readonly application: SimApplication;
  /** Office.js has trackedObjects; the simulator needs no tracking but accepts the calls. */
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };

  constructor(readonly host: SimHost) {
    super(host.stats, host.limits, {
      before: () => {
        _setCurrentState(host.state);
        _setCurrentContext(this);
      },
      after: () => _setCurrentContext(null),
    });
    this.workbook = new SimWorkbook(this, 'workbook', () => host.state);
    this.application = this.workbook.application;
  }

  get state(): SimWorkbookState {
    return this.host.state;
  }

  /** Fails the request as Excel does when the API is newer than the running Excel. */
  require(version: string, api: string): void {
    if (!this.host.requirements.isSetSupported('ExcelApi', version)) {
      throw new SimulatorError('ApiNotFound', `The API you are trying to use could not be found (${api}, ExcelApi ${version}). It may be available in a newer version of Excel.`);
    }
  }
}

const ctxOf = (o: SimClientObject): SimRequestContext => o.context as SimRequestContext;
const q = (s: string) => JSON.stringify(s);

function checkSheetName(state: SimWorkbookState, name: string, except?: SimSheet): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw invalidArgument(`"${name}" is not a valid sheet name.`);
  }
  if (liveSheets(state).some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new SimulatorError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (sheet "${name}")`);
  }
}

function findSheet(state: SimWorkbookState, key: string): SimSheet | null {
  return liveSheets(state).find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key) ?? null;
}

// ---------------------------------------------------------------- workbook, application, settings

export class SimApplication extends SimClientObject<SimWorkbookState> {
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], () => {
      ctxOf(this).require('1.6', 'Application.suspendApiCalculationUntilNextSync');
      ctxOf(this).host.stats.calculationSuspensions++;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], () => {
      ctxOf(this).require('1.9', 'Application.suspendScreenUpdatingUntilNextSync');
      ctxOf(this).host.stats.screenUpdatingSuspensions++;
    });
  }
}
defineProps<SimWorkbookState>(SimApplication, { calculationMode: { get: () => 'Automatic' } });

export class SimWorkbook extends SimClientObject<SimWorkbookState> {
  private _children = new Map<string, SimClientObject>();
  private child<C extends SimClientObject>(key: string, make: () => C): C {
    let c = this._children.get(key) as C | undefined;
    if (!c) this._children.set(key, (c = make()));
    return c;
  }
  get application(): SimApplication {
    return this.child('application', () => new SimApplication(this.context, 'application', () => this._target()));
  }
  get worksheets(): SimWorksheetCollection {
    return this.child('worksheets', () => new SimWorksheetCollection(this.context, 'worksheets', () => this._target()));
  }
  get tables(): SimTableCollection {
    return this.child('tables', () => new SimTableCollection(this.context, 'tables', () => ({ state: this._target(), sheet: null })));
  }
  get settings(): SimSettingCollection {
    return this.child('settings', () => new SimSettingCollection(this.context, 'settings', () => this._target()));
  }
  getSelectedRange(): SimRange {
    return new SimRange(this.context, 'workbook.getSelectedRange()', () => {
      const state = this._target();
      if (state.selection) {
        const sheet = liveSheets(state).find((s) => s.id === state.selection!.sheetId);
        if (sheet) return { sheet, rect: state.selection.rect };
      }
      const sheet = activeSheet(state);
      return { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  getActiveCell(): SimRange {
    return this.getSelectedRange().getCell(0, 0);
  }
}
defineProps<SimWorkbookState>(SimWorkbook, { name: { get: () => 'Book1.xlsx' } });

/** The sheets by position (the order of the tabs), optionally the visible ones only. */
function sheetsInOrder(state: SimWorkbookState, visibleOnly: boolean): SimSheet[] {
  return liveSheets(state).filter((s) => !visibleOnly || s.visibility === 'Visible');
}

function activeSheet(state: SimWorkbookState): SimSheet {
  const live = liveSheets(state);
  return live.find((s) => s.id === state.activeSheetId) ?? live.find((s) => s.visibility === 'Visible') ?? live[0];
}

export class SimSetting extends SimClientObject<{ map: Map<string, unknown>; key: string }> {
  declare readonly key: string;
  declare value: unknown;
  delete(): void {
    this._call('delete', [], (t) => t.map.delete(t.key));
  }
}
defineProps<{ map: Map<string, unknown>; key: string }>(SimSetting, {
  key: { get: (t) => t.key },
  value: { get: (t) => t.map.get(t.key), set: (t, v) => t.map.set(t.key, v) },
});

export class SimSettingCollection extends SimCollection<SimWorkbookState, SimSetting> {
  protected _itemsNow(state: SimWorkbookState): SimSetting[] {
    ctxOf(this).require('1.4', 'Workbook.settings');
    return [...state.settings.keys()].map((key) => new SimSetting(this.context, `settings.getItem(${q(key)})`, () => ({ map: state.settings, key })));
  }
  add(key: string, value: unknown): SimSetting {
    const setting = new SimSetting(this.context, `settings.getItem(${q(key)})`, () => ({ map: this._target().settings, key }));
    this._call('add', [key, value], (state) => {
      ctxOf(this).require('1.4', 'SettingCollection.add');
      state.settings.set(key, value);
    });
    return setting;
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this.context, `settings.getItem(${q(key)})`, () => (this._target().settings.has(key) ? { map: this._target().settings, key } : null));
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.context, `settings.getItemOrNullObject(${q(key)})`, () => (this._target().settings.has(key) ? { map: this._target().settings, key } : null), true);
  }
}

// ---------------------------------------------------------------- worksheets

export class SimWorksheetCollection extends SimCollection<SimWorkbookState, SimWorksheet> {
  protected _itemsNow(state: SimWorkbookState): SimWorksheet[] {
    return liveSheets(state).map((sheet) => {
      const ws = new SimWorksheet(this.context, `worksheets.getItem(${q(sheet.id)})`, () => sheet);
      ws._pin(sheet);
      return ws;
    });
  }
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, `worksheets.getItem(${q(key)})`, () => findSheet(this._target(), key));
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${q(key)})`,
      () => {
        ctxOf(this).require('1.4', 'WorksheetCollection.getItemOrNullObject');
        return findSheet(this._target(), key);
      },
      true,
    );
  }
  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, 'worksheets.getActiveWorksheet()', () => activeSheet(this._target()));
  }
  /** The first (or last) sheet by position, hidden ones included unless visibleOnly (ExcelApi 1.5). */
  getFirst(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this.context, `worksheets.getFirst(${!!visibleOnly})`, () => {
      ctxOf(this).require('1.5', 'WorksheetCollection.getFirst');
      return sheetsInOrder(this._target(), !!visibleOnly)[0] ?? null;
    });
  }
  getLast(visibleOnly?: boolean): SimWorksheet {
    return new SimWorksheet(this.context, `worksheets.getLast(${!!visibleOnly})`, () => {
      ctxOf(this).require('1.5', 'WorksheetCollection.getLast');
      return sheetsInOrder(this._target(), !!visibleOnly).at(-1) ?? null;
    });
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.context._enqueue({ p: this._path, m: 'getCount' }, () => {
      const n = liveSheets(this._target()).length;
      this.context._stage(() => result._resolve(n));
      return n;
    });
    return result;
  }
  add(name?: string): SimWorksheet {
    const ws = new SimWorksheet(this.context, `worksheets.add(${q(name ?? '')})`, () => null);
    this._call('add', [name ?? null], (state) => {
      let finalName = name;
      if (!finalName) for (let i = 1; !finalName || findSheet(state, finalName); i++) finalName = `Sheet${i}`;
      checkSheetName(state, finalName);
      const sheet = newSheet(state, finalName);
      state.sheets.push(sheet);
      ws._pin(sheet);
    });
    return ws;
  }
}

type RangeTarget = { sheet: SimSheet; rect: Rect };

export class SimWorksheet extends SimClientObject<SimSheet> {
  declare name: string;
  declare readonly id: string;
  declare readonly position: number;
  declare visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  private _kids = new Map<string, SimClientObject>();
  private kid<C extends SimClientObject>(key: string, make: () => C): C {
    let c = this._kids.get(key) as C | undefined;
    if (!c) this._kids.set(key, (c = make()));
    return c;
  }
  protected override _checkAlive(sheet: SimSheet): SimSheet {
    if (sheet.deleted) throw itemNotFound(`${this._path} (the sheet was deleted)`);
    return sheet;
  }
  get tables(): SimTableCollection {
    return this.kid('tables', () => new SimTableCollection(this.context, `${this._path}.tables`, () => ({ state: ctxOf(this).state, sheet: this._target() })));
  }
  get charts(): SimChartCollection {
    return this.kid('charts', () => new SimChartCollection(this.context, `${this._path}.charts`, () => this._target()));
  }
  get freezePanes(): SimFreezePanes {
    return this.kid('freezePanes', () => new SimFreezePanes(this.context, `${this._path}.freezePanes`, () => this._target()));
  }
  get horizontalPageBreaks(): SimPageBreakCollection {
    return this.kid('horizontalPageBreaks', () => new SimPageBreakCollection(this.context, `${this._path}.horizontalPageBreaks`, () => this._target()));
  }
  get pageLayout(): SimPageLayout {
    return this.kid('pageLayout', () => new SimPageLayout(this.context, `${this._path}.pageLayout`, () => this._target()));
  }
  private rangeProxy(path: string, rect: () => Rect | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.${path}`,
      () => {
        const r = rect();
        return r ? { sheet: this._target(), rect: r } : null;
      },
      nullable,
    );
  }
  getRange(address?: string): SimRange {
    if (address === undefined) return this.rangeProxy('getRange()', () => ({ row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS }));
    return this.rangeProxy(`getRange(${q(address)})`, () => {
      const { sheet, ref } = splitSheet(address);
      if (sheet && sheet.toLowerCase() !== this._target().name.toLowerCase()) throw invalidArgument(`${address} is not on sheet ${this._target().name}.`);
      try {
        return parseRef(ref);
      } catch {
        throw invalidArgument(`"${address}" is not a range address.`);
      }
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this.rangeProxy(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      ctxOf(this).require('1.4', 'Worksheet.getRangeByIndexes');
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw invalidArgument('The range is outside the worksheet.');
      }
      return { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    });
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.rangeProxy(`getUsedRange(${!!valuesOnly})`, () => {
      if (valuesOnly) ctxOf(this).require('1.2', 'Worksheet.getUsedRange(valuesOnly)');
      return usedRect(this._target(), !!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.rangeProxy(
      `getUsedRangeOrNullObject(${!!valuesOnly})`,
      () => {
        ctxOf(this).require('1.4', 'Worksheet.getUsedRangeOrNullObject');
        return usedRect(this._target(), !!valuesOnly);
      },
      true,
    );
  }
  getCell(row: number, column: number): SimRange {
    return this.rangeProxy(`getCell(${row},${column})`, () => ({ row, col: column, rows: 1, cols: 1 }));
  }
  /**
   * The sheet after (or before) this one, hidden ones included unless visibleOnly (ExcelApi 1.5). getNext and
   * getPrevious fail at sync when there is none; the *OrNullObject forms give a null object, and so does either
   * form called on a null object, so a chain getFirst().getNextOrNullObject().getNextOrNullObject()… can be queued
   * past the last sheet and read in one sync.
   */
  getNext(visibleOnly?: boolean): SimWorksheet {
    return this.neighbour('getNext', 1, !!visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): SimWorksheet {
    return this.neighbour('getNextOrNullObject', 1, !!visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): SimWorksheet {
    return this.neighbour('getPrevious', -1, !!visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): SimWorksheet {
    return this.neighbour('getPreviousOrNullObject', -1, !!visibleOnly, true);
  }
  private neighbour(method: string, step: 1 | -1, visibleOnly: boolean, nullable: boolean): SimWorksheet {
    return new SimWorksheet(
      this.context,
      `${this._path}.${method}(${visibleOnly})`,
      () => {
        ctxOf(this).require('1.5', `Worksheet.${method}`);
        const sheet = this._target();
        const order = sheetsInOrder(ctxOf(this).state, false);
        for (let i = order.indexOf(sheet) + step; i >= 0 && i < order.length; i += step) {
          if (!visibleOnly || order[i].visibility === 'Visible') return order[i];
        }
        return null;
      },
      nullable,
    );
  }
  activate(): void {
    this._call('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible') throw invalidOperation('A hidden sheet cannot be activated.');
      ctxOf(this).state.activeSheetId = sheet.id;
    });
  }
  delete(): void {
    this._call('delete', [], (sheet) => {
      const state = ctxOf(this).state;
      if (!liveSheets(state).some((s) => s !== sheet && s.visibility === 'Visible')) {
        throw invalidOperation('This operation is not allowed: a workbook must contain at least one visible worksheet.');
      }
      sheet.deleted = true;
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
      // Other sheets' dropdowns that pointed at this sheet now point at nothing, as in Excel.
      const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
      const ref = new RegExp(`(=|^)(${escapeRegExp(quoted)}|${escapeRegExp(sheet.name)})!`, 'gi');
      for (const other of liveSheets(state)) {
        for (const v of other.validations) if (v.rule.list?.source) v.rule.list.source = v.rule.list.source.replace(ref, '$1#REF!');
      }
      if (state.activeSheetId === sheet.id) state.activeSheetId = null;
      if (state.selection?.sheetId === sheet.id) state.selection = null;
    });
  }
}
defineProps<SimSheet>(SimWorksheet, {
  name: {
    get: (s) => s.name,
    set: (s, v) => {
      const state = findState(s);
      if (state) checkSheetName(state, String(v), s);
      s.name = String(v);
    },
  },
  id: { get: (s) => s.id },
  position: { get: (s) => sheetPosition(s) },
  visibility: {
    get: (s) => s.visibility,
    set: (s, v) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalidArgument(`Visibility "${String(v)}" is not one of Visible, Hidden, VeryHidden.`);
      const state = findState(s);
      if (v !== 'Visible' && state && !liveSheets(state).some((o) => o !== s && o.visibility === 'Visible')) {
        throw invalidOperation('At least one sheet must stay visible.');
      }
      s.visibility = v;
    },
  },
});

// Sheets do not point back at their workbook; the running context registers it for the property setters above.
let currentState: SimWorkbookState | null = null;
export function _setCurrentState(state: SimWorkbookState): void {
  currentState = state;
}
function findState(sheet: SimSheet): SimWorkbookState | null {
  return currentState && currentState.sheets.includes(sheet) ? currentState : null;
}
function sheetPosition(sheet: SimSheet): number {
  return currentState ? liveSheets(currentState).indexOf(sheet) : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- ranges

function matrix<V>(rect: Rect, fn: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(fn(rect.row + r, rect.col + c));
    out.push(line);
  }
  return out;
}

function guardLoad(ctx: SimRequestContext, rect: Rect, what: string): void {
  if (cellCount(rect) > ctx.host.limits.maxLoadCells) {
    throw new SimulatorError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${what} of ${formatRect(rect)}: ${cellCount(rect)} cells).`);
  }
}

function checkMatrix(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value) || value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${formatRect(rect)} is ${rect.rows}×${rect.cols}).`);
  }
  return value as unknown[][];
}

function address(t: RangeTarget): string {
  return `${quoteSheet(t.sheet.name)}!${formatRect(t.rect)}`;
}

/** Resolves a range argument given as a proxy or as an address on the same sheet. */
function otherRect(self: SimRange, other: SimRange | string): Rect {
  if (typeof other === 'string') {
    const { sheet, ref } = splitSheet(other);
    if (sheet && sheet.toLowerCase() !== self._target().sheet.name.toLowerCase()) throw invalidArgument('Both ranges must be on the same sheet.');
    return parseRef(ref);
  }
  const t = other._target();
  if (t.sheet !== self._target().sheet) throw invalidArgument('Both ranges must be on the same sheet.');
  return t.rect;
}

export class SimRange extends SimClientObject<RangeTarget> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare readonly text: string[][];
  private _kids = new Map<string, SimClientObject>();
  private kid<C extends SimClientObject>(key: string, make: () => C): C {
    let c = this._kids.get(key) as C | undefined;
    if (!c) this._kids.set(key, (c = make()));
    return c;
  }
  protected override _checkAlive(t: RangeTarget): RangeTarget {
    if (t.sheet.deleted) throw itemNotFound(`${this._path} (the sheet was deleted)`);
    return t;
  }
  override _tryTarget(): RangeTarget | null {
    const t = super._tryTarget();
    if (t && t.sheet.deleted) throw itemNotFound(`${this._path} (the sheet was deleted)`);
    return t;
  }
  get format(): SimRangeFormat {
    return this.kid('format', () => new SimRangeFormat(this.context, `${this._path}.format`, () => this._target()));
  }
  get dataValidation(): SimDataValidation {
    return this.kid('dv', () => new SimDataValidation(this.context, `${this._path}.dataValidation`, () => this._target()));
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return this.kid('cf', () => new SimConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => this._target()));
  }
  get worksheet(): SimWorksheet {
    return this.kid('ws', () => new SimWorksheet(this.context, `${this._path}.worksheet`, () => this._target().sheet));
  }
  private derived(path: string, make: (t: RangeTarget) => Rect | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.${path}`,
      () => {
        const t = this._target();
        const rect = make(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }
  getCell(row: number, column: number): SimRange {
    return this.derived(`getCell(${row},${column})`, (t) => ({ row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }));
  }
  getEntireColumn(): SimRange {
    return this.derived('getEntireColumn()', (t) => ({ row: 0, col: t.rect.col, rows: MAX_ROWS, cols: t.rect.cols }));
  }
  getEntireRow(): SimRange {
    return this.derived('getEntireRow()', (t) => ({ row: t.rect.row, col: 0, rows: t.rect.rows, cols: MAX_COLUMNS }));
  }
  getRow(index: number): SimRange {
    return this.derived(`getRow(${index})`, (t) => ({ row: t.rect.row + index, col: t.rect.col, rows: 1, cols: t.rect.cols }));
  }
  getIntersection(other: SimRange | string): SimRange {
    return this.derived(`getIntersection(${argPath(other)})`, (t) => {
      ctxOf(this).require('1.2', 'Range.getIntersection');
      const r = intersect(t.rect, otherRect(this, other));
      if (!r) throw itemNotFound('The ranges do not intersect.');
      return r;
    });
  }
  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return this.derived(
      `getIntersectionOrNullObject(${argPath(other)})`,
      (t) => {
        ctxOf(this).require('1.4', 'Range.getIntersectionOrNullObject');
        return intersect(t.rect, otherRect(this, other));
      },
      true,
    );
  }
  getBoundingRect(other: SimRange | string): SimRange {
    return this.derived(`getBoundingRect(${argPath(other)})`, (t) => {
      ctxOf(this).require('1.2', 'Range.getBoundingRect');
      return boundingRect(t.rect, otherRect(this, other));
    });
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.derived(`getUsedRange(${!!valuesOnly})`, (t) => {
      const r = usedRect(t.sheet, !!valuesOnly, t.rect);
      if (!r) throw itemNotFound('The range has no used cells.');
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.derived(
      `getUsedRangeOrNullObject(${!!valuesOnly})`,
      (t) => {
        ctxOf(this).require('1.4', 'Range.getUsedRangeOrNullObject');
        return usedRect(t.sheet, !!valuesOnly, t.rect);
      },
      true,
    );
  }
  /** Merged areas whose top-left cell lies in this range; fails beyond 512 areas, as Excel documents. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        ctxOf(this).require('1.13', 'Range.getMergedAreasOrNullObject');
        const t = this._target();
        const areas = t.sheet.merges.filter((m) => m.row >= t.rect.row && m.row < t.rect.row + t.rect.rows && m.col >= t.rect.col && m.col < t.rect.col + t.rect.cols);
        if (areas.length > 512) throw new SimulatorError('GeneralException', `More than 512 merged areas in ${address(t)}: getMergedAreasOrNullObject fails.`);
        return areas.length ? { sheet: t.sheet, rects: [...areas].sort((a, b) => a.row - b.row || a.col - b.col) } : null;
      },
      true,
    );
  }
  getCellProperties(options: CellPropertiesOptions): SimClientResult<Record<string, unknown>[][]> {
    const result = new SimClientResult<Record<string, unknown>[][]>();
    this.context._enqueue({ p: this._path, m: 'getCellProperties', a: [options] }, () => {
      const ctx = ctxOf(this);
      ctx.require('1.9', 'Range.getCellProperties');
      // On a null object the method gives nothing (a null value), as the object methods give null objects.
      const t = this._tryTarget();
      if (t === null && this._isNullNow()) {
        ctx._stage(() => result._resolve(null as unknown as Record<string, unknown>[][]));
        return null;
      }
      if (t === null) throw itemNotFound(this._path);
      guardLoad(ctx, t.rect, 'getCellProperties');
      const value = matrix(t.rect, (r, c) => cellProperties(t.sheet, r, c, options));
      ctx._stage(() => result._resolve(value));
      return value;
    });
    return result;
  }
  merge(across?: boolean): void {
    this._call('merge', [!!across], (t) => {
      ctxOf(this).require('1.2', 'Range.merge');
      const state = ctxOf(this).state;
      if (state.tables.some((tb) => tb.sheetId === t.sheet.id && intersect(tb.rect, t.rect))) throw invalidOperation('Cells in a table cannot be merged.');
      const areas = across ? Array.from({ length: t.rect.rows }, (_, i) => ({ row: t.rect.row + i, col: t.rect.col, rows: 1, cols: t.rect.cols })) : [t.rect];
      for (const area of areas) {
        if (area.rows * area.cols === 1) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, area));
        for (const [r, c, cell] of cellsIn(t.sheet, area)) {
          if (r === area.row && c === area.col) continue;
          cell.value = null;
          delete cell.formula;
        }
        t.sheet.merges.push(area);
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', [], (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
    });
  }
  select(): void {
    this._call('select', [], (t) => {
      if (t.sheet.visibility !== 'Visible') throw invalidOperation('A range on a hidden sheet cannot be selected.');
      const state = ctxOf(this).state;
      state.selection = { sheetId: t.sheet.id, rect: t.rect };
      state.activeSheetId = t.sheet.id;
    });
  }
  clear(applyTo?: string): void {
    this._call('clear', [applyTo ?? 'All'], (t) => {
      for (const [, , cell] of cellsIn(t.sheet, t.rect)) {
        if (applyTo !== 'Formats') {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
        }
        if (applyTo !== 'Contents') {
          delete cell.numberFormat;
          delete cell.format;
        }
      }
    });
  }
}

function argPath(other: SimRange | string): string {
  return typeof other === 'string' ? q(other) : other._path;
}

const readMatrix =
  (what: string, fn: (cell: ReturnType<typeof getCell>) => unknown) =>
  (t: RangeTarget): unknown[][] => {
    const ctx = currentContext;
    if (ctx) guardLoad(ctx, t.rect, what);
    return matrix(t.rect, (r, c) => fn(getCell(t.sheet, r, c)));
  };

// The context running the current sync, for guards inside property getters.
let currentContext: SimRequestContext | null = null;
export function _setCurrentContext(ctx: SimRequestContext | null): void {
  currentContext = ctx;
}

defineProps<RangeTarget>(SimRange, {
  address: { get: (t) => address(t) },
  addressLocal: { get: (t) => address(t) },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.cols },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.col },
  cellCount: { get: (t) => cellCount(t.rect) },
  values: {
    get: readMatrix('values', outputValue),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'values');
      rows.forEach((line, r) => line.forEach((input, c) => writeInput(t.sheet, t.rect.row + r, t.rect.col + c, input, address(t))));
    },
  },
  formulas: {
    get: readMatrix('formulas', (cell) => cell?.formula ?? outputValue(cell)),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'formulas');
      rows.forEach((line, r) => line.forEach((input, c) => writeInput(t.sheet, t.rect.row + r, t.rect.col + c, input, address(t))));
    },
  },
  numberFormat: {
    get: readMatrix('numberFormat', (cell) => cell?.numberFormat ?? 'General'),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'numberFormat');
      rows.forEach((line, r) =>
        line.forEach((format, c) => {
          // null leaves the cell's format as it is; "" sets General, as Office.js documents for blank inputs.
          if (format === null || format === undefined) return;
          const cell = ensureCell(t.sheet, t.rect.row + r, t.rect.col + c);
          if (format === 'General' || format === '') delete cell.numberFormat;
          else cell.numberFormat = String(format);
        }),
      );
    },
  },
  valueTypes: { get: readMatrix('valueTypes', outputValueType) },
  text: { get: readMatrix('text', (cell) => String(outputValue(cell))) },
});

export interface CellPropertiesOptions {
  address?: boolean;
  format?: { font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean }; fill?: { color?: boolean }; wrapText?: boolean };
}

function cellProperties(sheet: SimSheet, row: number, col: number, options: CellPropertiesOptions): Record<string, unknown> {
  const f = getCell(sheet, row, col)?.format ?? {};
  const out: Record<string, unknown> = {};
  if (options.address) out.address = `${quoteSheet(sheet.name)}!${columnName(col)}${row + 1}`;
  if (options.format) {
    const format: Record<string, unknown> = {};
    if (options.format.font) {
      const font: Record<string, unknown> = {};
      if (options.format.font.bold) font.bold = !!f.bold;
      if (options.format.font.italic) font.italic = !!f.italic;
      if (options.format.font.color) font.color = f.color ?? '#000000';
      if (options.format.font.size) font.size = f.size ?? 11;
      format.font = font;
    }
    if (options.format.fill) format.fill = options.format.fill.color ? { color: f.fill ?? '#FFFFFF' } : {};
    if (options.format.wrapText) format.wrapText = !!f.wrap;
    out.format = format;
  }
  return out;
}

export class SimRangeAreas extends SimClientObject<{ sheet: SimSheet; rects: Rect[] }> {
  declare readonly address: string;
  declare readonly areaCount: number;
  get areas(): SimRangeCollection {
    return new SimRangeCollection(this.context, `${this._path}.areas`, () => this._target());
  }
}
defineProps<{ sheet: SimSheet; rects: Rect[] }>(SimRangeAreas, {
  address: { get: (t) => t.rects.map((rect) => address({ sheet: t.sheet, rect })).join(', ') },
  areaCount: { get: (t) => t.rects.length },
});

export class SimRangeCollection extends SimCollection<{ sheet: SimSheet; rects: Rect[] }, SimRange> {
  protected _itemsNow(t: { sheet: SimSheet; rects: Rect[] }): SimRange[] {
    return t.rects.map((rect, i) => new SimRange(this.context, `${this._path}.getItemAt(${i})`, () => ({ sheet: t.sheet, rect })));
  }
}

// ---------------------------------------------------------------- formats

const FORMAT_CELL_LIMIT = 2_000_000;

function eachFormat(t: RangeTarget, fn: (format: SimCellFormat, row: number, col: number) => void): void {
  if (cellCount(t.rect) > FORMAT_CELL_LIMIT) {
    throw new SimulatorError('NotImplemented', `The simulator does not model formatting whole rows or columns (${address(t)}); format the cells in use.`);
  }
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
      const cell = ensureCell(t.sheet, r, c);
      fn((cell.format ??= {}), r, c);
    }
  }
}

function uniform(t: RangeTarget, fn: (format: SimCellFormat) => unknown, fallback: unknown): unknown {
  if (cellCount(t.rect) > FORMAT_CELL_LIMIT) return null;
  let seen: unknown = undefined;
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
      const v = fn(getCell(t.sheet, r, c)?.format ?? {}) ?? fallback;
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
  }
  return seen ?? fallback;
}

function colour(value: unknown): string {
  const text = String(value);
  if (!/^#[0-9a-fA-F]{6}$/.test(text)) throw invalidArgument(`"${text}" is not a colour: use #RRGGBB.`);
  return text.toUpperCase();
}

export class SimRangeFormat extends SimClientObject<RangeTarget> {
  declare wrapText: boolean | null;
  declare horizontalAlignment: string | null;
  declare verticalAlignment: string | null;
  declare columnWidth: number | null;
  get font(): SimRangeFont {
    return new SimRangeFont(this.context, `${this._path}.font`, () => this._target());
  }
  get fill(): SimRangeFill {
    return new SimRangeFill(this.context, `${this._path}.fill`, () => this._target());
  }
  get borders(): SimRangeBorderCollection {
    return new SimRangeBorderCollection(this.context, `${this._path}.borders`, () => this._target());
  }
  autofitColumns(): void {
    this._call('autofitColumns', [], () => undefined);
  }
}
const ALIGN_H = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const ALIGN_V = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
defineProps<RangeTarget>(SimRangeFormat, {
  wrapText: { get: (t) => uniform(t, (f) => f.wrap, false), set: (t, v) => eachFormat(t, (f) => (f.wrap = !!v)) },
  horizontalAlignment: {
    get: (t) => uniform(t, (f) => f.horizontal, 'General'),
    set: (t, v) => {
      if (!ALIGN_H.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a horizontal alignment.`);
      eachFormat(t, (f) => (f.horizontal = String(v)));
    },
  },
  verticalAlignment: {
    get: (t) => uniform(t, (f) => f.vertical, 'Bottom'),
    set: (t, v) => {
      if (!ALIGN_V.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a vertical alignment.`);
      eachFormat(t, (f) => (f.vertical = String(v)));
    },
  },
  columnWidth: {
    get: (t) => {
      const widths = new Set<number>();
      for (let c = t.rect.col; c < t.rect.col + Math.min(t.rect.cols, 1000); c++) widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH_POINTS);
      return widths.size === 1 ? [...widths][0] : null;
    },
    set: (t, v) => {
      currentContext?.require('1.2', 'RangeFormat.columnWidth');
      const points = Number(v);
      if (!Number.isFinite(points) || points < 0 || points > 1800) throw invalidArgument(`Column width ${String(v)} points is out of range.`);
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, points);
    },
  },
});

export class SimRangeFont extends SimClientObject<RangeTarget> {
  declare bold: boolean | null;
  declare italic: boolean | null;
  declare size: number | null;
  declare color: string | null;
}
defineProps<RangeTarget>(SimRangeFont, {
  bold: { get: (t) => uniform(t, (f) => f.bold, false), set: (t, v) => eachFormat(t, (f) => (f.bold = !!v)) },
  italic: { get: (t) => uniform(t, (f) => f.italic, false), set: (t, v) => eachFormat(t, (f) => (f.italic = !!v)) },
  size: { get: (t) => uniform(t, (f) => f.size, 11), set: (t, v) => eachFormat(t, (f) => (f.size = Number(v))) },
  color: { get: (t) => uniform(t, (f) => f.color, '#000000'), set: (t, v) => eachFormat(t, (f) => (f.color = colour(v))) },
  name: { get: () => 'Calibri', set: () => undefined },
});

export class SimRangeFill extends SimClientObject<RangeTarget> {
  declare color: string | null;
  clear(): void {
    this._call('clear', [], (t) => eachFormat(t, (f) => delete f.fill));
  }
}
defineProps<RangeTarget>(SimRangeFill, {
  color: { get: (t) => uniform(t, (f) => f.fill, '#FFFFFF'), set: (t, v) => eachFormat(t, (f) => (f.fill = colour(v))) },
});

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class SimRangeBorderCollection extends SimClientObject<RangeTarget> {
  getItem(index: string): SimRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalidArgument(`"${index}" is not a border index.`);
    return new SimRangeBorder(this.context, `${this._path}.getItem(${q(index)})`, () => ({ ...this._target(), index }));
  }
}

type BorderTarget = RangeTarget & { index: string };

/** Which cell sides a border index touches: top/bottom/left/right of the cells on that edge or inside. */
function borderSides(t: BorderTarget, row: number, col: number): string[] {
  const { rect } = t;
  const top = row === rect.row;
  const bottom = row === rect.row + rect.rows - 1;
  const left = col === rect.col;
  const right = col === rect.col + rect.cols - 1;
  switch (t.index) {
    case 'EdgeTop':
      return top ? ['top'] : [];
    case 'EdgeBottom':
      return bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return left ? ['left'] : [];
    case 'EdgeRight':
      return right ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(top ? [] : ['top']), ...(bottom ? [] : ['bottom'])];
    case 'InsideVertical':
      return [...(left ? [] : ['left']), ...(right ? [] : ['right'])];
    default:
      return [t.index];
  }
}

function setBorder(t: BorderTarget, key: 'style' | 'color' | 'weight', value: string): void {
  eachFormat(t, (f, r, c) => {
    for (const side of borderSides(t, r, c)) {
      f.borders ??= {};
      const b = (f.borders[side] ??= { style: 'Continuous', color: '#000000', weight: 'Thin' });
      b[key] = value;
    }
  });
}

export class SimRangeBorder extends SimClientObject<BorderTarget> {
  declare style: string;
  declare color: string | null;
  declare weight: string | null;
}
defineProps<BorderTarget>(SimRangeBorder, {
  style: {
    get: (t) => getCell(t.sheet, t.rect.row, t.rect.col)?.format?.borders?.[borderSides(t, t.rect.row, t.rect.col)[0]]?.style ?? 'None',
    set: (t, v) => setBorder(t, 'style', String(v)),
  },
  color: { get: () => null, set: (t, v) => setBorder(t, 'color', colour(v)) },
  weight: { get: () => null, set: (t, v) => setBorder(t, 'weight', String(v)) },
});

// ---------------------------------------------------------------- data validation

function validationAt(t: RangeTarget): SimValidation | undefined {
  return t.sheet.validations.find((v) => v.rect.row === t.rect.row && v.rect.col === t.rect.col && v.rect.rows === t.rect.rows && v.rect.cols === t.rect.cols);
}

function checkListSource(source: string): void {
  const state = currentState;
  const m = /^=?(.+)!/.exec(source);
  if (!m || !state) return;
  const { sheet } = splitSheet(`${m[1]}!A1`);
  if (sheet && !findSheet(state, sheet)) throw invalidArgument(`The list source ${source} refers to a sheet that does not exist.`);
}

export class SimDataValidation extends SimClientObject<RangeTarget> {
  declare readonly type: string;
  declare rule: SimValidation['rule'];
  declare errorAlert: SimValidation['errorAlert'];
  declare ignoreBlanks: boolean;
  clear(): void {
    this._call('clear', [], (t) => {
      currentContext?.require('1.8', 'DataValidation.clear');
      t.sheet.validations = t.sheet.validations.filter((v) => !intersect(v.rect, t.rect));
    });
  }
}
defineProps<RangeTarget>(SimDataValidation, {
  type: {
    get: (t) => {
      currentContext?.require('1.8', 'DataValidation');
      const v = validationAt(t);
      return v ? (v.rule.list ? 'List' : 'Custom') : 'None';
    },
  },
  rule: {
    get: (t) => {
      currentContext?.require('1.8', 'DataValidation');
      return validationAt(t)?.rule ?? {};
    },
    set: (t, value) => {
      currentContext?.require('1.8', 'DataValidation.rule');
      const rule = value as SimValidation['rule'];
      const kinds = Object.keys(rule ?? {});
      if (kinds.length !== 1) throw invalidArgument('A data validation rule has exactly one kind (list, wholeNumber, …).');
      if (rule.list) {
        if (typeof rule.list.source !== 'string' || !rule.list.source) throw invalidArgument('A list rule needs a source.');
        checkListSource(rule.list.source);
      }
      t.sheet.validations = t.sheet.validations.filter((v) => !intersect(v.rect, t.rect));
      t.sheet.validations.push({
        rect: t.rect,
        rule: JSON.parse(JSON.stringify(rule)),
        errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
        ignoreBlanks: true,
      });
    },
  },
  errorAlert: {
    get: (t) => validationAt(t)?.errorAlert ?? null,
    set: (t, value) => {
      currentContext?.require('1.8', 'DataValidation.errorAlert');
      const v = validationAt(t);
      if (!v) throw invalidOperation('Set the rule before the error alert.');
      const alert = value as Partial<SimValidation['errorAlert']>;
      if (alert.style && !['Stop', 'Warning', 'Information'].includes(alert.style)) throw invalidArgument(`"${alert.style}" is not an error alert style.`);
      v.errorAlert = { ...v.errorAlert, ...alert };
    },
  },
  ignoreBlanks: {
    get: (t) => validationAt(t)?.ignoreBlanks ?? true,
    set: (t, value) => {
      const v = validationAt(t);
      if (v) v.ignoreBlanks = !!value;
    },
  },
});

// ---------------------------------------------------------------- conditional formats

type CfTarget = { sheet: SimSheet; cf: SimConditionalFormat };
const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

export class SimConditionalFormatCollection extends SimCollection<RangeTarget, SimConditionalFormatProxy> {
  protected _itemsNow(t: RangeTarget): SimConditionalFormatProxy[] {
    ctxOf(this).require('1.6', 'ConditionalFormatCollection');
    return t.sheet.conditionalFormats
      .filter((cf) => intersect(cf.rect, t.rect))
      .map((cf) => {
        const proxy = new SimConditionalFormatProxy(this.context, `${this._path}.getItem(${q(cf.id)})`, () => ({ sheet: t.sheet, cf }));
        proxy._pin({ sheet: t.sheet, cf });
        return proxy;
      });
  }
  add(type: string): SimConditionalFormatProxy {
    const proxy = new SimConditionalFormatProxy(this.context, `${this._path}.add(${q(type)})`, () => null);
    this._call('add', [type], (t) => {
      ctxOf(this).require('1.6', 'ConditionalFormatCollection.add');
      if (!CF_TYPES.includes(type)) throw invalidArgument(`"${type}" is not a conditional format type.`);
      if (type !== 'Custom' && type !== 'DataBar') throw new SimulatorError('NotImplemented', `The simulator models Custom and DataBar conditional formats, not ${type}.`);
      const state = ctxOf(this).state;
      // Excel adds a new conditional format at the top of the sheet's priority list.
      const cf: SimConditionalFormat = { id: `cf${state.nextId++}`, rect: t.rect, type, priority: 0, stopIfTrue: false };
      t.sheet.conditionalFormats.unshift(cf);
      renumber(t.sheet);
      proxy._pin({ sheet: t.sheet, cf });
    });
    return proxy;
  }
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersect(cf.rect, t.rect));
    });
  }
  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.context._enqueue({ p: this._path, m: 'getCount' }, () => {
      const t = this._target();
      const n = t.sheet.conditionalFormats.filter((cf) => intersect(cf.rect, t.rect)).length;
      this.context._stage(() => result._resolve(n));
      return n;
    });
    return result;
  }
}
function renumber(sheet: SimSheet): void {
  sheet.conditionalFormats.forEach((cf, i) => (cf.priority = i));
}

export class SimConditionalFormatProxy extends SimClientObject<CfTarget> {
  declare readonly type: string;
  declare readonly id: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  get custom(): SimCustomConditionalFormat {
    return new SimCustomConditionalFormat(this.context, `${this._path}.custom`, () => {
      const t = this._target();
      if (t.cf.type !== 'Custom') throw invalidOperation(`A ${t.cf.type} conditional format has no custom rule.`);
      return t;
    });
  }
  get dataBar(): SimDataBarConditionalFormat {
    return new SimDataBarConditionalFormat(this.context, `${this._path}.dataBar`, () => {
      const t = this._target();
      if (t.cf.type !== 'DataBar') throw invalidOperation(`A ${t.cf.type} conditional format has no data bar.`);
      return t;
    });
  }
  getRange(): SimRange {
    return new SimRange(this.context, `${this._path}.getRange()`, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: t.cf.rect };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
      renumber(t.sheet);
    });
  }
}
defineProps<CfTarget>(SimConditionalFormatProxy, {
  type: { get: (t) => t.cf.type },
  id: { get: (t) => t.cf.id },
  priority: {
    get: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
    set: (t, v) => {
      // Changing one priority moves the others, keeping the order contiguous, as Excel documents.
      const list = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
      list.splice(Math.max(0, Math.min(Number(v), list.length)), 0, t.cf);
      t.sheet.conditionalFormats = list;
      renumber(t.sheet);
    },
  },
  stopIfTrue: { get: (t) => t.cf.stopIfTrue, set: (t, v) => (t.cf.stopIfTrue = !!v) },
});

export class SimCustomConditionalFormat extends SimClientObject<CfTarget> {
  get rule(): SimConditionalFormatRule {
    return new SimConditionalFormatRule(this.context, `${this._path}.rule`, () => this._target());
  }
  get format(): SimConditionalRangeFormat {
    return new SimConditionalRangeFormat(this.context, `${this._path}.format`, () => this._target());
  }
}
export class SimConditionalFormatRule extends SimClientObject<CfTarget> {
  declare formula: string;
}
defineProps<CfTarget>(SimConditionalFormatRule, {
  formula: {
    get: (t) => t.cf.formula ?? null,
    set: (t, v) => {
      const f = String(v);
      if (!f.startsWith('=')) throw invalidArgument(`A conditional format formula starts with "=" (got ${f}).`);
      t.cf.formula = f;
    },
  },
});
export class SimConditionalRangeFormat extends SimClientObject<CfTarget> {
  get fill(): SimCfFill {
    return new SimCfFill(this.context, `${this._path}.fill`, () => this._target());
  }
  get font(): SimCfFont {
    return new SimCfFont(this.context, `${this._path}.font`, () => this._target());
  }
}
export class SimCfFill extends SimClientObject<CfTarget> {
  declare color: string;
}
defineProps<CfTarget>(SimCfFill, { color: { get: (t) => t.cf.fill ?? null, set: (t, v) => (t.cf.fill = colour(v)) } });
export class SimCfFont extends SimClientObject<CfTarget> {
  declare color: string;
  declare bold: boolean;
}
defineProps<CfTarget>(SimCfFont, {
  color: { get: (t) => t.cf.fontColor ?? null, set: (t, v) => (t.cf.fontColor = colour(v)) },
  bold: { get: (t) => t.cf.bold ?? null, set: (t, v) => (t.cf.bold = !!v) },
});

export class SimDataBarConditionalFormat extends SimClientObject<CfTarget> {
  declare lowerBoundRule: { type: string };
  declare upperBoundRule: { type: string };
  get positiveFormat(): SimDataBarPositive {
    return new SimDataBarPositive(this.context, `${this._path}.positiveFormat`, () => this._target());
  }
}
defineProps<CfTarget>(SimDataBarConditionalFormat, {
  lowerBoundRule: { get: (t) => ({ type: t.cf.lowerBound ?? 'Automatic' }), set: (t, v) => (t.cf.lowerBound = String((v as { type: string }).type)) },
  upperBoundRule: { get: (t) => ({ type: t.cf.upperBound ?? 'Automatic' }), set: (t, v) => (t.cf.upperBound = String((v as { type: string }).type)) },
});
export class SimDataBarPositive extends SimClientObject<CfTarget> {
  declare fillColor: string;
}
defineProps<CfTarget>(SimDataBarPositive, {
  fillColor: { get: (t) => t.cf.barColor ?? '#638EC6', set: (t, v) => (t.cf.barColor = colour(v)) },
});

// ---------------------------------------------------------------- tables

type TablesTarget = { state: SimWorkbookState; sheet: SimSheet | null };

function validTableName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]$/.test(name);
}

export class SimTableCollection extends SimCollection<TablesTarget, SimTableProxy> {
  protected _itemsNow(t: TablesTarget): SimTableProxy[] {
    return t.state.tables.filter((tb) => !t.sheet || tb.sheetId === t.sheet.id).map((tb) => this.proxyFor(`getItem(${q(tb.name)})`, () => tb, tb));
  }
  private proxyFor(path: string, resolve: () => SimTable | null, pin?: SimTable, nullable = false): SimTableProxy {
    const proxy = new SimTableProxy(this.context, `${this._path}.${path}`, resolve, nullable);
    if (pin) proxy._pin(pin);
    return proxy;
  }
  getItem(key: string): SimTableProxy {
    return this.proxyFor(`getItem(${q(key)})`, () => this._target().state.tables.find((tb) => tb.name.toLowerCase() === key.toLowerCase() || tb.id === key) ?? null);
  }
  getItemOrNullObject(key: string): SimTableProxy {
    return this.proxyFor(`getItemOrNullObject(${q(key)})`, () => this._target().state.tables.find((tb) => tb.name.toLowerCase() === key.toLowerCase()) ?? null, undefined, true);
  }
  add(addressOrRange: string | SimRange, hasHeaders: boolean): SimTableProxy {
    const proxy = this.proxyFor(`add(${argPath(addressOrRange)})`, () => null);
    this._call('add', [typeof addressOrRange === 'string' ? addressOrRange : addressOrRange._path, hasHeaders], (t) => {
      let sheet: SimSheet;
      let rect: Rect;
      if (typeof addressOrRange === 'string') {
        const parts = splitSheet(addressOrRange);
        const found = parts.sheet ? findSheet(t.state, parts.sheet) : t.sheet;
        if (!found) throw invalidArgument(`Say which sheet the table goes on: ${addressOrRange}.`);
        sheet = found;
        rect = parseRef(parts.ref);
      } else {
        const target = addressOrRange._target();
        sheet = target.sheet;
        rect = target.rect;
      }
      if (t.sheet && sheet !== t.sheet) throw invalidArgument('The table range is on another sheet.');
      if (!hasHeaders) throw new SimulatorError('NotImplemented', 'The simulator models tables with a header row only.');
      if (rect.rows < 2 && hasHeaders) throw invalidArgument('A table with headers needs at least two rows.');
      if (t.state.tables.some((tb) => tb.sheetId === sheet.id && intersect(tb.rect, rect))) throw invalidOperation('A table cannot overlap another table.');
      if (sheet.merges.some((m) => intersect(m, rect))) throw invalidOperation('A table cannot contain merged cells.');
      // Excel makes header names unique and non-empty.
      const seen = new Set<string>();
      for (let c = 0; c < rect.cols; c++) {
        const cell = ensureCell(sheet, rect.row, rect.col + c);
        const base = cell.value === null ? `Column${c + 1}` : String(cell.value);
        let name = base;
        for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base}${i}`;
        seen.add(name.toLowerCase());
        if (cell.value !== name) cell.value = name;
      }
      let n = 1;
      while (t.state.tables.some((tb) => tb.name.toLowerCase() === `table${n}`)) n++;
      const table: SimTable = { id: String(t.state.nextId++), name: `Table${n}`, sheetId: sheet.id, rect, style: 'TableStyleMedium2', showHeaders: true, showBandedRows: true };
      t.state.tables.push(table);
      proxy._pin(table);
    });
    return proxy;
  }
}
defineProps<TablesTarget>(SimTableCollection, { count: { get: (t) => t.state.tables.filter((tb) => !t.sheet || tb.sheetId === t.sheet.id).length } });

export class SimTableProxy extends SimClientObject<SimTable> {
  declare readonly id: string;
  declare name: string;
  declare style: string;
  declare showHeaders: boolean;
  declare showBandedRows: boolean;
  getRange(): SimRange {
    return new SimRange(this.context, `${this._path}.getRange()`, () => {
      const tb = this._target();
      const sheet = liveSheets(ctxOf(this).state).find((s) => s.id === tb.sheetId);
      return sheet ? { sheet, rect: tb.rect } : null;
    });
  }
  delete(): void {
    this._call('delete', [], (tb) => {
      const state = ctxOf(this).state;
      state.tables = state.tables.filter((x) => x !== tb);
    });
  }
}
defineProps<SimTable>(SimTableProxy, {
  id: { get: (t) => t.id },
  name: {
    get: (t) => t.name,
    set: (t, v) => {
      const name = String(v);
      if (!validTableName(name)) throw invalidArgument(`"${name}" is not a valid table name.`);
      const state = currentState;
      if (state?.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase())) {
        throw new SimulatorError('ItemAlreadyExists', `A table named "${name}" already exists.`);
      }
      t.name = name;
    },
  },
  style: { get: (t) => t.style, set: (t, v) => (t.style = String(v)) },
  showHeaders: { get: (t) => t.showHeaders, set: (t, v) => (t.showHeaders = !!v) },
  showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => (t.showBandedRows = !!v) },
});

// ---------------------------------------------------------------- charts (a minimal model: enough to list, add and delete)

export class SimChartCollection extends SimCollection<SimSheet, SimChartProxy> {
  protected _itemsNow(sheet: SimSheet): SimChartProxy[] {
    return sheet.charts.map((chart) => {
      const proxy = new SimChartProxy(this.context, `${this._path}.getItem(${q(chart.name)})`, () => ({ sheet, chart }));
      proxy._pin({ sheet, chart });
      return proxy;
    });
  }
  add(type: string, sourceData: SimRange, seriesBy?: string): SimChartProxy {
    const proxy = new SimChartProxy(this.context, `${this._path}.add(${q(type)})`, () => null);
    this._call('add', [type, sourceData._path, seriesBy ?? 'Auto'], (sheet) => {
      const source = sourceData._target();
      const state = ctxOf(this).state;
      const chart: SimChart = { id: String(state.nextId++), name: `Chart ${sheet.charts.length + 1}`, chartType: type, source: source.rect, seriesBy: seriesBy ?? 'Auto' };
      sheet.charts.push(chart);
      proxy._pin({ sheet, chart });
    });
    return proxy;
  }
  getItem(name: string): SimChartProxy {
    return new SimChartProxy(this.context, `${this._path}.getItem(${q(name)})`, () => {
      const sheet = this._target();
      const chart = sheet.charts.find((c) => c.name === name);
      return chart ? { sheet, chart } : null;
    });
  }
  getItemOrNullObject(name: string): SimChartProxy {
    return new SimChartProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${q(name)})`,
      () => {
        const sheet = this._target();
        const chart = sheet.charts.find((c) => c.name === name);
        return chart ? { sheet, chart } : null;
      },
      true,
    );
  }
}
defineProps<SimSheet>(SimChartCollection, { count: { get: (s) => s.charts.length } });

export class SimChartTitle extends SimClientObject<{ sheet: SimSheet; chart: SimChart }> {
  declare text: string;
}
defineProps<{ sheet: SimSheet; chart: SimChart }>(SimChartTitle, {
  text: { get: (t) => t.chart.title ?? '', set: (t, v) => (t.chart.title = String(v)) },
});

export class SimChartProxy extends SimClientObject<{ sheet: SimSheet; chart: SimChart }> {
  declare readonly id: string;
  declare name: string;
  declare chartType: string;
  private _title?: SimChartTitle;
  get title(): SimChartTitle {
    return (this._title ??= new SimChartTitle(this.context, `${this._path}.title`, () => this._target()));
  }
  /** Places the chart over the cells from startCell to endCell, as Excel's Chart.setPosition does. */
  setPosition(startCell: string, endCell?: string): void {
    this._call('setPosition', [startCell, endCell ?? null], (t) => {
      t.chart.position = { from: startCell, to: endCell ?? startCell };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}
defineProps<{ sheet: SimSheet; chart: SimChart }>(SimChartProxy, {
  id: { get: (t) => t.chart.id },
  name: { get: (t) => t.chart.name, set: (t, v) => (t.chart.name = String(v)) },
  chartType: { get: (t) => t.chart.chartType, set: (t, v) => (t.chart.chartType = String(v)) },
});

// ---------------------------------------------------------------- freeze panes, page layout

export class SimFreezePanes extends SimClientObject<SimSheet> {
  private freeze(method: string, args: unknown[], fn: (s: SimSheet) => void): void {
    this._call(method, args, (s) => {
      ctxOf(this).require('1.7', `WorksheetFreezePanes.${method}`);
      fn(s);
    });
  }
  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], (s) => (s.freeze = count ? { rows: count, columns: 0 } : null));
  }
  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], (s) => (s.freeze = count ? { rows: 0, columns: count } : null));
  }
  freezeAt(frozenRange: SimRange | string): void {
    this.freeze('freezeAt', [argPath(frozenRange)], (s) => {
      const rect = typeof frozenRange === 'string' ? parseRef(splitSheet(frozenRange).ref) : frozenRange._target().rect;
      s.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    });
  }
  unfreeze(): void {
    this.freeze('unfreeze', [], (s) => (s.freeze = null));
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const s = this._target();
        if (!s.freeze) return null;
        return { sheet: s, rect: { row: 0, col: 0, rows: Math.max(s.freeze.rows, 1), cols: Math.max(s.freeze.columns, 1) } };
      },
      true,
    );
  }
}

const PAPER = ['A4', 'A3', 'A5', 'Letter', 'Legal'];
export class SimPageLayout extends SimClientObject<SimSheet> {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  get headersFooters(): SimHeaderFooterGroup {
    return new SimHeaderFooterGroup(this.context, `${this._path}.headersFooters`, () => this._target());
  }
  setPrintTitleRows(rows: SimRange | string): void {
    this._call('setPrintTitleRows', [argPath(rows)], (s) => {
      ctxOf(this).require('1.9', 'PageLayout.setPrintTitleRows');
      const rect = typeof rows === 'string' ? parseRef(splitSheet(rows).ref) : rows._target().rect;
      if (rect.col !== 0 || rect.cols !== MAX_COLUMNS) throw invalidArgument('The print title rows must span entire rows, e.g. "$1:$1".');
      s.page.printTitleRows = rect;
    });
  }
  getPrintTitleRowsOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getPrintTitleRowsOrNullObject()`,
      () => {
        const s = this._target();
        return s.page.printTitleRows ? { sheet: s, rect: s.page.printTitleRows } : null;
      },
      true,
    );
  }
}
const pageSpec = (fn: (s: SimSheet, v: unknown) => void) => (s: SimSheet, v: unknown) => {
  currentContext?.require('1.9', 'PageLayout');
  fn(s, v);
};
defineProps<SimSheet>(SimPageLayout, {
  orientation: {
    get: (s) => s.page.orientation ?? 'Portrait',
    set: pageSpec((s, v) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`"${String(v)}" is not an orientation.`);
      s.page.orientation = v;
    }),
  },
  paperSize: {
    get: (s) => s.page.paperSize ?? 'Letter',
    set: pageSpec((s, v) => {
      if (!PAPER.includes(String(v))) throw invalidArgument(`"${String(v)}" is not a paper size the simulator knows.`);
      s.page.paperSize = String(v);
    }),
  },
  zoom: {
    get: (s) => s.page.zoom ?? { scale: 100 },
    set: pageSpec((s, v) => {
      const zoom = v as SimSheet['page']['zoom'];
      if (!zoom || typeof zoom !== 'object') throw invalidArgument('zoom is an object.');
      if (zoom.scale !== undefined && (zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined)) throw invalidArgument('Use a scale or fit-to-pages, not both.');
      s.page.zoom = { ...zoom };
    }),
  },
});

export class SimHeaderFooterGroup extends SimClientObject<SimSheet> {
  get defaultForAllPages(): SimHeaderFooter {
    return new SimHeaderFooter(this.context, `${this._path}.defaultForAllPages`, () => this._target());
  }
}
export class SimHeaderFooter extends SimClientObject<SimSheet> {
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
}
const hf = (part: 'headers' | 'footers', side: 'left' | 'center' | 'right'): PropSpec<SimSheet> => ({
  get: (s) => s.page[part][side],
  set: pageSpec((s, v) => (s.page[part][side] = String(v))),
});
defineProps<SimSheet>(SimHeaderFooter, {
  leftFooter: hf('footers', 'left'),
  centerFooter: hf('footers', 'center'),
  rightFooter: hf('footers', 'right'),
  leftHeader: hf('headers', 'left'),
  centerHeader: hf('headers', 'center'),
  rightHeader: hf('headers', 'right'),
});
