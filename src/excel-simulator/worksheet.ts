/** The worksheet collection and the worksheet proxy. */
import { MAX_COLUMNS, MAX_ROWS, parseRef, Rect, splitSheet } from '../excel/address';
import { sheetRef } from '../engine/workbook';
import { defineProps, SimClientObject, SimClientResult, SimCollection } from './context';
import { invalidArgument, invalidOperation, itemNotFound } from './errors';
import { liveSheets, newSheet, SimSheet, SimWorkbookState, usedRect } from './state';
import { ctxOf, q, checkSheetName, findSheet, sheetsInOrder, activeSheet, findState, sheetPosition, escapeRegExp } from './shared';
import { SimRange } from './range';
import { SimTableCollection } from './tables';
import { SimChartCollection } from './charts';
import { SimFreezePanes, SimPageLayout } from './page-layout';
import { SimPageBreakCollection } from './page-breaks';

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
      const quoted = sheetRef(sheet.name);
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
