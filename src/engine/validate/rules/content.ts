/** Rules about what an action says: formula errors, SMART parts, ASCOF codes, quality statements. */
import { findFrameworkCodes, mentionsFramework } from '../../ascof';
import { QUALITY_STATEMENTS, QualityStatement } from '../../schema';
import { ActionField } from '../../structure/columns';
import { StructuredAction } from '../../structure/types';
import { hasFewerWords } from '../../text';
import { nearestQualityStatement } from '../../vocabulary';
import { parseA1 } from '../../workbook';
import { hasTimescaleColumn } from '../context';
import { actionLabel, collect, crossReference, errorFields, fallbackCell, fieldHeader, MEASURABLE_IN_TEXT, missingDueCell, plural, QS_COUNT, snippet, timescaleTextCell } from '../helpers';
import { defineRule, Hit } from '../rule-shape';

const ERROR_HINTS: Record<string, string> = {
  '#N/A': 'a lookup found no match',
  '#REF!': 'the formula refers to a cell or sheet that has been deleted',
  '#VALUE!': 'the formula is using the wrong type of value, such as text where a number is needed',
  '#DIV/0!': 'the formula divides by zero or by an empty cell',
  '#NAME?': 'the formula uses a name or function Excel does not recognise',
  '#NUM!': 'the formula gives an impossible number',
  '#NULL!': 'the formula refers to ranges that do not meet',
};

export const formulaError = defineRule<{ who: string; field: string; value: string }>({
  id: 'formula-error',
  defaultSeverity: 'error',
  title: 'A cell shows a formula error',
  checks: 'A mapped cell of an action shows an Excel error value (#N/A, #REF!, #VALUE!, #DIV/0! and the like). Points at that cell.',
  message: (p) => `${p.who}: the ${fieldHeader(p.field).toLowerCase()} cell shows ${p.value}${ERROR_HINTS[p.value] ? ` (${ERROR_HINTS[p.value]})` : ''}.`,
  fix: () => 'Fix the formula, or replace it with the value itself.',
  example: { who: 'Action 3.2 (row 12)', field: 'dueDate', value: '#REF!' },
  find: (context) =>
    collect(context, (a) => (a.errors.length ? a.errors.map((e) => ({ sheet: a.source.sheet, cell: e.cell, params: { who: actionLabel(a), field: e.field, value: e.value } })) : null)),
});

type SmartPart = 'Specific' | 'Measurable' | 'Assignable' | 'Time-bound';
const SMART_REASON: Record<SmartPart, string> = {
  Specific: 'Specific (the action is under five words)',
  Measurable: 'Measurable (no measure, number or percentage)',
  Assignable: 'Assignable (no lead)',
  'Time-bound': 'Time-bound (no due date)',
};
const SMART_FIX: Record<SmartPart, string> = {
  Specific: 'say exactly what will be done',
  Measurable: 'add how success will be measured (a KPI, number or percentage)',
  Assignable: 'name a lead',
  'Time-bound': 'give a due date',
};

export const smartIncomplete = defineRule<{ who: string; missing: SmartPart[] }>({
  id: 'smart-incomplete',
  defaultSeverity: 'info',
  title: 'Action is not fully SMART',
  checks:
    'Which of Specific (action text of at least five words), Measurable (measures text, or a number or percentage in ' +
    'the action), Assignable (a lead) and Time-bound (a due date) the action lacks. One finding per action, at the ' +
    'cell of the first missing part (the action cell where the sheet has no column for it). Assignable and Time-bound ' +
    'are only judged where the sheet has a lead or timescale column (otherwise missing-column reports it once). ' +
    'Cross-reference rows, empty rows and Complete actions are not checked.',
  message: (p) => `${p.who} is not fully SMART: not ${p.missing.map((m) => SMART_REASON[m]).join(', not ')}.`,
  fix: (p) => {
    const steps = p.missing.map((m) => SMART_FIX[m]);
    const text = steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}` : steps[0];
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
  example: { who: 'Action 1.3 (row 12)', missing: ['Measurable', 'Time-bound'] },
  find: (context) =>
    collect(context, (a, info) => {
      if (!a.action.trim() || crossReference(a) || a.status === 'Complete') return null;
      const missing: SmartPart[] = [];
      if (hasFewerWords(a.action, 5)) missing.push('Specific');
      if (!a.measures && !MEASURABLE_IN_TEXT.test(a.action)) missing.push('Measurable');
      // A sheet with no lead or timescale column at all gets one missing-column finding, not one note per action.
      if (!a.lead && info.fields.has('lead')) missing.push('Assignable');
      if (!a.dueDate && (hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale)) missing.push('Time-bound');
      if (!missing.length) return null;
      const cellFor = (part: SmartPart): string | undefined =>
        part === 'Specific'
          ? a.cells.get('action')
          : part === 'Measurable'
            ? a.cells.get('measures')
            : part === 'Assignable'
              ? a.cells.get('lead')
              : hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale
                ? a.dueDate === null && a.timescale
                  ? timescaleTextCell(a, info)
                  : missingDueCell(a, info)
                : undefined;
      const cell = missing.map(cellFor).find((c) => c) ?? fallbackCell(a);
      return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), missing } };
    }),
});

const FRAMEWORK_FIELDS: ActionField[] = ['measures', 'action', 'outcomes', 'progress', 'milestones', 'area'];

export const unknownFrameworkCode = defineRule<{ who: string; raw: string; field: ActionField }>({
  id: 'unknown-framework-code',
  defaultSeverity: 'warning',
  title: 'ASCOF code in neither framework',
  checks:
    'The text cites “ASCOF <code>” and the code is in neither the current (2023-24) ASCOF nor the pre-2023 one. ' +
    'Roman-numeral parts are read the old way (“2Aii” is 2A(2)). Valid codes give no finding. Local or survey ' +
    'indicator numbers (“Indicator 5.11”, “ACAS Indicator 8.5a”) are not ASCOF codes and are not reported.',
  message: (p) => `${p.who} cites ASCOF ${p.raw} in its ${fieldHeader(p.field).toLowerCase()}, which is not a code in the current (2023-24) or pre-2023 ASCOF.`,
  fix: () => 'Check the code against the ASCOF handbook; if it is a local indicator, label it as local (for example “Local indicator 5.11”).',
  example: { who: 'Action PS2.2 (row 12)', raw: '9Z', field: 'measures' },
  find: (context) =>
    collect(context, (a) => {
      // Made only for an action whose text cites the framework: most cite nothing, and this runs for every action.
      let hits: Hit<{ who: string; raw: string; field: ActionField }>[] | null = null;
      for (const field of FRAMEWORK_FIELDS) {
        const text = a[field];
        if (typeof text !== 'string' || !mentionsFramework(text)) continue;
        const cell = a.cells.get(field);
        if (!cell) continue;
        // Made only for a text with an unknown code: most texts cite none, and this runs for every action.
        let seen: Set<string> | undefined;
        for (const c of findFrameworkCodes(text)) {
          if (c.matches.length || seen?.has(c.code)) continue;
          (seen ??= new Set()).add(c.code);
          (hits ??= []).push({ sheet: a.source.sheet, cell, params: { who: actionLabel(a), raw: c.raw, field } });
        }
      }
      return hits;
    }),
});

export const themeNotInFramework = defineRule<{ who: string; value: string; nearest: QualityStatement; count: number }>({
  id: 'theme-not-in-framework',
  defaultSeverity: 'warning',
  title: 'Quality statement not in the CQC framework',
  checks:
    `In a CQC plan (one where at least one action has a recognised quality statement, or a sheet has a quality-statement ` +
    `column), an action’s quality statement matches none of CQC’s ${QS_COUNT} (variants such as “Supporting people to ` +
    'lead healthier lives” are accepted). Names the nearest statement. A run of consecutive actions under the same ' +
    'value is reported once, at the first.',
  message: (p) =>
    `${p.who}${p.count > 1 ? ` and the ${plural(p.count - 1, 'action')} after it are` : ' is'} filed under “${snippet(p.value, 60)}”, which is not one of CQC’s ${QS_COUNT} quality statements; the nearest is “${p.nearest}”.`,
  fix: (p) => `Change it to “${p.nearest}” or another of the ${QS_COUNT} quality statements, or move the action out of the CQC sections if it does not belong to one.`,
  example: { who: 'Action T2.8 (row 40)', value: 'Workforce equality, diversity, and inclusion', nearest: 'Equity in experience and outcomes', count: 1 },
  find: (context) => {
    if (!context.isCqcPlan) return [];
    const hits: Hit<{ who: string; value: string; nearest: QualityStatement; count: number }>[] = [];
    for (const info of context.sheets.values()) {
      let run: { first: StructuredAction; value: string; col: number; count: number } | null = null;
      const flush = (): void => {
        if (!run) return;
        const a = run.first;
        hits.push({
          sheet: a.source.sheet,
          cell: a.cells.get('qualityStatement') ?? fallbackCell(a),
          params: { who: actionLabel(a), value: run.value, nearest: nearestQualityStatement(run.value).statement, count: run.count },
        });
        run = null;
      };
      for (const a of info.actions) {
        const qs = a.qualityStatement;
        const bad = qs !== null && !(QUALITY_STATEMENTS as readonly string[]).includes(qs) && !errorFields(a).has('qualityStatement');
        if (!bad) {
          flush();
          continue;
        }
        const cell = a.cells.get('qualityStatement');
        const col = cell ? parseA1(cell).col : 0;
        if (run && run.value === qs && run.col === col) run.count++;
        else {
          flush();
          run = { first: a, value: qs!, col, count: 1 };
        }
      }
      flush();
    }
    return hits;
  },
});
