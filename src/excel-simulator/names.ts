/**
 * Defined names (Workbook.names, Excel's NamedItemCollection, ExcelApi 1.4): enough to hold the names a workbook
 * has, so that table names can be checked against them as Excel checks them (see tables.ts).
 */
import { defineProps, SimClientObject, SimCollection } from './context';
import { invalidArgument, SimulatorError } from './errors';
import { SimName, SimWorkbookState } from './state';
import { address, ctxOf, q } from './shared';
import { SimRange } from './range';
import { nameInUse, validTableName } from './tables';

export class SimNamedItemCollection extends SimCollection<SimWorkbookState, SimNamedItem> {
  protected _itemsNow(state: SimWorkbookState): SimNamedItem[] {
    return state.names.map((n) => {
      const proxy = new SimNamedItem(this.context, `${this._path}.getItem(${q(n.name)})`, () => n);
      proxy._pin(n);
      return proxy;
    });
  }
  getItemOrNullObject(name: string): SimNamedItem {
    return new SimNamedItem(this.context, `${this._path}.getItemOrNullObject(${q(name)})`, () => this._target().names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
  /** NamedItemCollection.add(name, reference, comment): the reference as a range or as a formula ("=Sheet1!$A$1"). */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    const proxy = new SimNamedItem(this.context, `${this._path}.add(${q(name)})`, () => null);
    this._call('add', [name, typeof reference === 'string' ? reference : reference._path, comment ?? ''], (state) => {
      ctxOf(this).require('1.4', 'NamedItemCollection.add');
      // Names follow the rules table names follow (support.microsoft.com, "Define and use names in formulas").
      if (!validTableName(name)) throw invalidArgument(`"${name}" is not a valid name.`);
      // office-js#2875: a name already taken fails with "A resource with the same name or identifier already exists."
      if (nameInUse(state, name)) throw new SimulatorError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (name "${name}")`);
      const formula = typeof reference === 'string' ? reference : `=${address(reference._target())}`;
      const item: SimName = { name, formula: formula.startsWith('=') ? formula : `=${formula}` };
      state.names.push(item);
      proxy._pin(item);
    });
    return proxy;
  }
}
defineProps<SimWorkbookState>(SimNamedItemCollection, { count: { get: (s) => s.names.length } });

export class SimNamedItem extends SimClientObject<SimName> {
  declare readonly name: string;
  declare readonly formula: string;
}
defineProps<SimName>(SimNamedItem, { name: { get: (n) => n.name }, formula: { get: (n) => n.formula } });
