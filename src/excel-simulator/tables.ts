/** Tables: the collection (workbook or sheet) and the table proxy. */
import { intersect, parseRef, Rect, splitSheet } from '../excel/address';
import { defineProps, SimClientObject, SimCollection } from './context';
import { invalidArgument, invalidOperation, SimulatorError } from './errors';
import { ensureCell, liveSheets, SimSheet, SimTable, SimWorkbookState } from './state';
import { ctxOf, q, findSheet, currentState } from './shared';
import { SimRange, argPath } from './range';
import { SimWorksheet } from './worksheet';

type TablesTarget = { state: SimWorkbookState; sheet: SimSheet | null };

/**
 * Excel's rules for a table name ("Rename an Excel table", support.microsoft.com): it starts with a letter, an
 * underscore or a backslash; letters, digits, full stops and underscores follow; at most 255 characters; not a cell
 * reference ("A1", "R1C1"), nor "C", "c", "R" or "r".
 */
export function validTableName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]\d*([cC]\d*)?$/.test(name);
}

/**
 * Whether a name is taken in the workbook: tables and defined names share one namespace, case-insensitively, across
 * all sheets ("Duplicate names aren't allowed", "Rename an Excel table"; a table is a name in Excel's Name Manager).
 * Excel refuses a table name that is taken, on any sheet, with the vague "The argument is invalid or missing or has
 * an incorrect format." (InvalidArgument: office-js#551).
 */
export function nameInUse(state: SimWorkbookState, name: string, except?: SimTable): boolean {
  const key = name.toLowerCase();
  return state.tables.some((t) => t !== except && t.name.toLowerCase() === key) || state.names.some((n) => n.name.toLowerCase() === key);
}

/** Excel's message for a table name it refuses, whatever the reason (office-js#551). */
const tableNameRefused = (name: string) => invalidArgument(`The argument is invalid or missing or has an incorrect format. (table name "${name}")`);

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
      while (nameInUse(t.state, `Table${n}`)) n++;
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
  private _worksheet: SimWorksheet | undefined;
  /** The sheet the table is on (Excel.Table.worksheet): one proxy, so that what is loaded through it stays readable. */
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= new SimWorksheet(this.context, `${this._path}.worksheet`, () => {
      const tb = this._target();
      return liveSheets(ctxOf(this).state).find((s) => s.id === tb.sheetId) ?? null;
    }));
  }
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
      if (!validTableName(name)) throw tableNameRefused(name);
      const state = currentState;
      if (state && nameInUse(state, name, t)) throw tableNameRefused(name);
      t.name = name;
    },
  },
  style: { get: (t) => t.style, set: (t, v) => (t.style = String(v)) },
  showHeaders: { get: (t) => t.showHeaders, set: (t, v) => (t.showHeaders = !!v) },
  showBandedRows: { get: (t) => t.showBandedRows, set: (t, v) => (t.showBandedRows = !!v) },
});
