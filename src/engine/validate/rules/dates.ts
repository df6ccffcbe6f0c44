/** Rules about dates: a timescale that gives no date, an action with none, an action past its due date. */
import { Status } from '../../schema';
import { hasTimescaleColumn } from '../context';
import { actionLabel, collect, crossReference, dueCell, errorFields, isOverdue, missingDueCell, snippet, timescaleTextCell } from '../helpers';
import { ukDate } from '../../uk-date';
import { defineRule } from '../rule-shape';

export const unparseableTimescale = defineRule<{ who: string; text: string; reason: 'unset' | 'unreadable' | 'no-start' }>({
  id: 'unparseable-timescale',
  defaultSeverity: 'warning',
  title: 'Timescale gives no date',
  checks:
    'The timescale text gives no date and is not a known no-date term (“Ongoing”, “Completed”, “See 3.1”). “TBC”, ' +
    '“TBA” and “To be confirmed” count as unparseable: they are dates nobody has set. Relative terms (“Short-term”, ' +
    '“6m”) are fine when the plan has a start date. Not reported when a due-date cell gives the date anyway.',
  message: (p) =>
    p.reason === 'unset'
      ? `${p.who} has the timescale “${snippet(p.text, 40)}”: the date has not been set.`
      : p.reason === 'no-start'
        ? `${p.who} has the relative timescale “${snippet(p.text, 40)}”, but the plan has no start date to count from.`
        : `${p.who} has the timescale “${snippet(p.text, 40)}”, which gives no date PlanAssure can read.`,
  fix: (p) =>
    p.reason === 'no-start'
      ? 'Set “Plan start” in the Plan Settings sheet, or give a date.'
      : 'Enter a date such as 31/03/2026, a month such as “March 2026” or a quarter such as “Q4 2025/26”; write “Ongoing” if it has no end date.',
  example: { who: 'Action PS2.5 (row 15)', text: 'TBC', reason: 'unset' },
  find: (context) =>
    collect(context, (a, info) => {
      if (a.dueDate || !a.timescale || errorFields(a).has('timescale')) return null;
      if (a.timescaleKind !== 'unparseable' && a.timescaleKind !== 'relative') return null;
      if (a.timescaleKind === 'relative' && context.settings.planStart) return null;
      const unset = a.timescale.split('\n').every((l) => /^(tbc|tbd|tba|to be confirmed|to be agreed)[.\s]*$/i.test(l.trim()));
      const reason = a.timescaleKind === 'relative' ? 'no-start' : unset ? 'unset' : 'unreadable';
      return { sheet: a.source.sheet, cell: timescaleTextCell(a, info), params: { who: actionLabel(a), text: a.timescale, reason } };
    }),
});

export const missingDueDate = defineRule<{ who: string }>({
  id: 'missing-due-date',
  defaultSeverity: 'warning',
  title: 'An action has no timescale',
  checks:
    'The sheet has a timescale, due-date or quarter-marker column, but this action has nothing in it (and no dated ' +
    'milestone). Cross-reference rows and actions already Complete are not checked. A sheet with no timescale column ' +
    'at all gets one missing-column finding instead of one per action. Points at the empty due-date (or timescale) cell.',
  message: (p) => `${p.who} has no timescale or due date.`,
  fix: () => 'Enter when it will be done, for example 31/03/2026 or “Q4 2025/26”, or “Ongoing” if it has no end date.',
  example: { who: 'The action on row 71 (“Expand multi-disciplinary support”)' },
  find: (context) =>
    collect(context, (a, info) => {
      const dated = hasTimescaleColumn(info.fields) || info.milestonesServeAsTimescale;
      if (!dated || a.dueDate || a.timescaleKind !== 'empty' || !a.action.trim() || crossReference(a) || a.status === 'Complete') return null;
      if (a.errors.some((e) => e.field === 'timescale' || e.field === 'dueDate')) return null;
      return { sheet: a.source.sheet, cell: missingDueCell(a, info), params: { who: actionLabel(a) } };
    }),
});

export const overdue = defineRule<{ who: string; due: string; status: Status | null }>({
  id: 'overdue',
  defaultSeverity: 'warning',
  title: 'An action is overdue',
  checks:
    'The due date is before today and the status is not Complete (an action with no status counts as not complete; one ' +
    'whose status is not recognised is left to invalid-status). Points at the cell the due date comes from: the due-date ' +
    'cell, or the timescale (or latest quarter-marker) cell it was read from.',
  message: (p) => `${p.who} was due on ${ukDate(p.due)} and is not marked Complete${p.status ? ` (status: ${p.status})` : ''}.`,
  fix: () => 'If it is done, set the status to Complete; if not, agree a new date and record why in the progress update.',
  example: { who: 'Action WP1.6 (row 7)', due: '2025-09-30', status: 'In progress' },
  find: (context) =>
    collect(context, (a, info) =>
      isOverdue(a, context.today)
        ? { sheet: a.source.sheet, cell: dueCell(a, info, context.settings), params: { who: actionLabel(a), due: a.dueDate!, status: a.status } }
        : null,
    ),
});
