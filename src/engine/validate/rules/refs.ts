/** Rules about refs: two actions sharing one, an action with none, a cross-reference to a ref that does not exist. */
import { StructuredAction } from '../../structure/types';
import { normalise } from '../../text';
import { actionLabel, collect, crossReference, nextFreeRef, plural, snippet } from '../helpers';
import { defineRule, Hit } from '../rule-shape';

export const duplicateRef = defineRule<{ who: string; ref: string; first: string; suggestion: string }>({
  id: 'duplicate-ref',
  defaultSeverity: 'error',
  title: 'Two actions share a ref',
  checks:
    'The same ref (ignoring case and spacing) is used by more than one action anywhere in the plan. Reported at the ' +
    'second and any later occurrence, not the first.',
  message: (p) => `${p.who} uses the ref ${p.ref}, which ${p.first} already uses.`,
  fix: (p) => `Give this action its own ref, for example ${p.suggestion}, and update anything that refers to it.`,
  example: { who: 'Action ES3.5 (row 21)', ref: 'ES3.5', first: 'row 20', suggestion: 'ES3.6' },
  find: (context) => {
    const seen = new Map<string, StructuredAction>();
    // Every ref in use, for suggesting a free one: made at the first duplicate, as most plans have none.
    let used: Set<string> | null = null;
    return collect(context, (a) => {
      if (!a.ref || !a.cells.has('ref')) return null;
      const key = normalise(a.ref);
      if (!key) return null;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, a);
        return null;
      }
      const where = first.source.sheet === a.source.sheet ? `row ${first.source.row}` : `row ${first.source.row} of “${first.source.sheet}”`;
      used ??= new Set(context.result.actions.filter((b) => b.ref).map((b) => normalise(b.ref!)));
      const suggestion = nextFreeRef(a.ref, used);
      used.add(normalise(suggestion));
      return { sheet: a.source.sheet, cell: a.cells.get('ref')!, params: { who: actionLabel(a), ref: a.ref, first: where, suggestion } };
    });
  },
});

type MissingRefParams = { kind: 'row'; who: string; ref: string } | { kind: 'sheet'; sheet: string; count: number; cell: string; first: string; last: string };

export const missingRef = defineRule<MissingRefParams>({
  id: 'missing-ref',
  defaultSeverity: 'info',
  title: 'An action has no ref (one is generated)',
  checks:
    'Where the sheet has a ref column, each action whose ref cell is empty (at that cell). Where the sheet has no ref ' +
    'column at all, once for the sheet, at the header cell where a Ref column would go. Either way PlanAssure gives ' +
    'such actions refs of their own, numbered in plan order (1, 2, 3 …, skipping numbers the plan already uses), which ' +
    'the Plan sheet and the board pack show; the same plan always gets the same refs. So this is for information.',
  message: (p) =>
    p.kind === 'row'
      ? `${p.who} has no ref; PlanAssure has given it the ref ${p.ref}, numbered in plan order.`
      : `The “${p.sheet}” sheet has no ref column; PlanAssure has numbered its ${plural(p.count, 'action')} in plan order (${p.first === p.last ? p.first : `${p.first} to ${p.last}`}).`,
  fix: (p) =>
    p.kind === 'row'
      ? 'Type a ref in the ref cell if you want to choose it yourself.'
      : `Add a “Ref” column (for example at ${p.cell}) if you want to choose the refs yourself.`,
  example: { kind: 'sheet', sheet: 'Delivery plan', count: 12, cell: 'E5', first: '1', last: '12' },
  find: (context) => {
    const hits: Hit<MissingRefParams>[] = [];
    for (const [sheet, info] of context.sheets) {
      const cell = info.missing.get('ref');
      if (cell) {
        const generated = info.actions.filter((a) => a.refGenerated);
        if (generated.length) {
          const [first, last] = [generated[0].ref!, generated[generated.length - 1].ref!];
          hits.push({ sheet, cell, params: { kind: 'sheet', sheet, count: info.actions.length, cell, first, last } });
        }
        continue;
      }
      for (const a of info.actions) {
        const cell = a.cells.get('ref');
        if (a.refGenerated && cell && a.action.trim()) hits.push({ sheet, cell, params: { kind: 'row', who: actionLabel(a), ref: a.ref! } });
      }
    }
    return hits;
  },
});

export const crossReferenceNotFound = defineRule<{ who: string; text: string; target: string }>({
  id: 'cross-reference-not-found',
  defaultSeverity: 'warning',
  title: 'Cross-reference to a ref that does not exist',
  checks: 'An action that only points to another (“See 12.1”, “Refer to 13.1”) names a ref no action in the plan has. Points at the action cell.',
  message: (p) => `${p.who} says “${snippet(p.text, 40)}”, but no action in the plan has the ref ${p.target}.`,
  fix: () => 'Correct the reference, or write the action out in full.',
  example: { who: 'Action 15.1 (row 142)', text: 'See 12.1', target: '12.1' },
  find: (context) => {
    // Built at the first cross-reference: most plans have none.
    let refs: Set<string> | null = null;
    return collect(context, (a) => {
      const target = crossReference(a);
      if (!target) return null;
      // Only the officer's refs: a generated number is not what the text points to.
      refs ??= new Set(context.result.actions.filter((x) => x.ref && !x.refGenerated).map((x) => normalise(x.ref!)));
      const cell = a.cells.get('action');
      if (refs.has(normalise(target)) || !cell) return null;
      return { sheet: a.source.sheet, cell, params: { who: actionLabel(a), text: a.action, target } };
    });
  },
});
