/** Data validation on a range. */
import { intersect, splitSheet } from '../excel/address';
import { defineProps, SimClientObject } from './context';
import { invalidArgument, invalidOperation } from './errors';
import { SimValidation } from './state';
import { findSheet, RangeTarget, currentState, currentContext } from './shared';

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
