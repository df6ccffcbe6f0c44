/** Workbook, application and settings proxies. */
import { defineProps, SimClientObject, SimCollection } from './context';
import { liveSheets, SimWorkbookState } from './state';
import { ctxOf, q, activeSheet } from './shared';
import { SimWorksheetCollection } from './worksheet';
import { SimRange } from './range';
import { SimTableCollection } from './tables';
import { SimNamedItemCollection } from './names';

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
  get names(): SimNamedItemCollection {
    return this.child('names', () => new SimNamedItemCollection(this.context, 'names', () => this._target()));
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
