/** Conditional formats on a range. */
import { intersect } from '../excel/address';
import { defineProps, SimClientObject, SimClientResult, SimCollection } from './context';
import { invalidArgument, invalidOperation, SimulatorError } from './errors';
import { SimConditionalFormat, SimSheet } from './state';
import { ctxOf, q, RangeTarget, colour, currentState } from './shared';
import { checkFormula, checkOperand } from './formula-check';
import { SimRange } from './range';

type CfTarget = { sheet: SimSheet; cf: SimConditionalFormat };
const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
/** The types the simulator models with Excel's rules: the adapter's (Custom, DataBar), and CellValue. */
const MODELLED_TYPES = ['Custom', 'DataBar', 'CellValue'];
/** Excel.ConditionalCellValueOperator, less "Invalid"; Between and NotBetween take two operands. */
const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

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
      if (!MODELLED_TYPES.includes(type)) throw new SimulatorError('NotImplemented', `The simulator models ${MODELLED_TYPES.join(', ')} conditional formats, not ${type}.`);
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
  get cellValue(): SimCellValueConditionalFormat {
    return new SimCellValueConditionalFormat(this.context, `${this._path}.cellValue`, () => {
      const t = this._target();
      if (t.cf.type !== 'CellValue') throw invalidOperation(`A ${t.cf.type} conditional format has no cell-value rule.`);
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
      checkFormula(f, currentState, 'ConditionalFormatRule.formula');
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

/** CellValueConditionalFormat: a comparison of each cell's value with one or two operands. */
export class SimCellValueConditionalFormat extends SimClientObject<CfTarget> {
  declare rule: { formula1: string; formula2?: string; operator: string };
  get format(): SimConditionalRangeFormat {
    return new SimConditionalRangeFormat(this.context, `${this._path}.format`, () => this._target());
  }
}
defineProps<CfTarget>(SimCellValueConditionalFormat, {
  rule: {
    get: (t) => ({ formula1: t.cf.formula1 ?? null, formula2: t.cf.formula2 ?? null, operator: t.cf.operator ?? 'Invalid' }),
    set: (t, v) => {
      const rule = (v ?? {}) as { formula1?: unknown; formula2?: unknown; operator?: unknown };
      const operator = String(rule.operator ?? '');
      if (!CELL_VALUE_OPERATORS.includes(operator)) throw invalidArgument(`"${operator}" is not a cell-value operator.`);
      const two = operator === 'Between' || operator === 'NotBetween';
      if (rule.formula1 === undefined || (two && rule.formula2 === undefined)) throw invalidArgument(`${operator} needs ${two ? 'formula1 and formula2' : 'formula1'}.`);
      t.cf.formula1 = checkOperand(rule.formula1, currentState, 'ConditionalCellValueRule.formula1');
      if (two) t.cf.formula2 = checkOperand(rule.formula2, currentState, 'ConditionalCellValueRule.formula2');
      else delete t.cf.formula2;
      t.cf.operator = operator;
    },
  },
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
