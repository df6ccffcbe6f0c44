/** What several rules share: how a message names an action, which cell a finding points at, and small words. */
import { STATUS_SWATCH } from '../rag/rag-formats';
import { PLAN_COLUMNS, PlanSettings, QUALITY_STATEMENTS, Rag, RAGS, STATUSES, Status } from '../schema';
import { crossReferenceTarget } from '../structure/cross-references';
import { StructuredAction } from '../structure/types';
import { normalise, similarity } from '../text';
import { parseTimescale } from '../timescale';
import { a1 } from '../workbook';
import { SheetInfo, ValidationContext } from './context';
import { Hit } from './rule-shape';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function snippet(text: string, max = 48): string {
  const first = text.split('\n')[0].replace(/^[•\-–\s]+/, '').trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}

/**
 * How a message names an action: by its ref where the officer gave one, else by its row and opening words (a
 * generated ref is not in the officer's sheet, where the finding points).
 */
export function actionLabel(a: StructuredAction): string {
  if (a.ref && !a.refGenerated) return `Action ${a.ref} (row ${a.source.row})`;
  if (a.action) return `The action on row ${a.source.row} (“${snippet(a.action)}”)`;
  return `Row ${a.source.row}`;
}

export function fallbackCell(a: StructuredAction): string {
  return a.cells.get('action') ?? a.cells.get('ref') ?? a1(a.source.row, 1);
}

/** The ref a cross-reference row points to ("See 12.1", "Refer to 13.1"), or null for an ordinary action. */
export function crossReference(a: StructuredAction): string | null {
  return crossReferenceTarget(a.action);
}

export function errorFields(a: StructuredAction): Set<string> {
  return new Set(a.errors.map((e) => e.field));
}

/** The quarter-marker column cell for a label ("9m"), on the action's first row. */
export function markerCell(a: StructuredAction, info: SheetInfo, which: 'latest' | 'first'): string | undefined {
  const markers = info.layout.columns.filter((c) => c.field === 'marker');
  if (!markers.length) return undefined;
  if (which === 'first' || !a.timescale) return a1(a.source.row, markers[0].col);
  const labels = a.timescale.split(/[\n,]+/).map((l) => normalise(l)).filter(Boolean);
  const last = labels[labels.length - 1];
  const column = markers.find((c) => normalise(c.header.split(': ').pop() ?? c.header) === last);
  return a1(a.source.row, (column ?? markers[markers.length - 1]).col);
}

/** The cell that holds (or should hold) an action's timescale text. */
export function timescaleTextCell(a: StructuredAction, info: SheetInfo): string {
  return a.cells.get('timescale') ?? markerCell(a, info, 'latest') ?? (info.milestonesServeAsTimescale ? a.cells.get('milestones') : undefined) ?? a.cells.get('dueDate') ?? fallbackCell(a);
}

/** The cell that gives an action its due date: the due-date cell, or the timescale it was read from. */
export function dueCell(a: StructuredAction, info: SheetInfo, settings: PlanSettings): string {
  const cell = a.cells.get('dueDate');
  if (cell) {
    if (!a.timescale || !(a.cells.get('timescale') || info.milestonesServeAsTimescale || markerCell(a, info, 'first'))) return cell;
    const parsed = parseTimescale(a.timescale, settings.planStart, settings.relativeTerms);
    if (parsed.dueDate !== a.dueDate) return cell;
  }
  return timescaleTextCell(a, info);
}

/** Where to write a due date that is missing altogether. */
export function missingDueCell(a: StructuredAction, info: SheetInfo): string {
  return a.cells.get('dueDate') ?? a.cells.get('timescale') ?? markerCell(a, info, 'first') ?? (info.milestonesServeAsTimescale ? a.cells.get('milestones') : undefined) ?? fallbackCell(a);
}

/** Unrecognised status text (invalid-status reports it); such an action is not judged overdue until it is fixed. */
export function hasUnrecognisedStatus(a: StructuredAction): boolean {
  return !!a.statusText && a.status === null;
}

export function isOverdue(a: StructuredAction, today: string): boolean {
  return a.dueDate !== null && a.dueDate < today && a.status !== 'Complete' && !hasUnrecognisedStatus(a);
}

export function fieldHeader(field: string): string {
  return PLAN_COLUMNS.find((c) => c.key === field)?.header ?? (field === 'marker' ? 'Timescale' : field);
}

export function nearestRag(text: string): Rag {
  let best: Rag = RAGS[0];
  let score = -1;
  for (const rag of RAGS) {
    const s = similarity(text, rag);
    if (s > score) {
      score = s;
      best = rag;
    }
  }
  return best;
}

/** The next unused ref after `ref` ("ES3.5" → "ES3.6"), for a suggested fix. */
export function nextFreeRef(ref: string, used: Set<string>): string {
  const m = /^(.*?)(\d+)([^\d]*)$/.exec(ref);
  if (!m) return `${ref}-2`;
  let n = Number(m[2]);
  for (let i = 0; i < 1000; i++) {
    n++;
    const candidate = `${m[1]}${n}${m[3]}`;
    if (!used.has(normalise(candidate))) return candidate;
  }
  return `${ref}-2`;
}

export const MEASURABLE_IN_TEXT = /\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)|\b(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)?\b/i;

/** The RAG each status implies: the same table the colours use. */
export const EXPECTED_RAG: Record<Status, Rag> = STATUS_SWATCH;

/**
 * Each plan action's hits, given one at a time as they are found: a rule's findings are made from them as they come,
 * so a check with tens of thousands of hits (overdue, at 50,000 actions) no longer holds them all, each a hit and its
 * params, until the last is found.
 */
export function collect<P>(context: ValidationContext, fn: (a: StructuredAction, info: SheetInfo) => Hit<P> | Hit<P>[] | null | undefined): Iterable<Hit<P>> {
  return { [Symbol.iterator]: () => new HitsOneByOne(context, fn) };
}

/**
 * The walk `collect` hands out, as an iterator of its own rather than a generator: a generator makes a new
 * { value, done } for every hit it hands on (37 MB at 50,000 actions), where this hands on one it refills.
 * Whatever takes the hits (a for-of loop) reads each before asking for the next.
 */
class HitsOneByOne<P> implements Iterator<Hit<P>> {
  private readonly sheets: SheetInfo[];
  private sheet = 0;
  private action = 0;
  /** The hits one action gave as a list, and how many of them are handed on. */
  private list: Hit<P>[] | null = null;
  private listed = 0;
  private readonly result: { done: boolean; value: Hit<P> | undefined } = { done: false, value: undefined };

  constructor(
    context: ValidationContext,
    private readonly fn: (a: StructuredAction, info: SheetInfo) => Hit<P> | Hit<P>[] | null | undefined,
  ) {
    this.sheets = [...context.sheets.values()];
  }

  next(): IteratorResult<Hit<P>> {
    for (;;) {
      if (this.list) {
        if (this.listed < this.list.length) return this.handOn(this.list[this.listed++]);
        this.list = null;
      }
      const info = this.sheets[this.sheet];
      if (!info) {
        this.result.done = true;
        this.result.value = undefined;
        return this.result as IteratorResult<Hit<P>>;
      }
      if (this.action >= info.actions.length) {
        this.sheet++;
        this.action = 0;
        continue;
      }
      const h = this.fn(info.actions[this.action++], info);
      if (Array.isArray(h)) {
        this.list = h;
        this.listed = 0;
      } else if (h) return this.handOn(h);
    }
  }

  private handOn(hit: Hit<P>): IteratorResult<Hit<P>> {
    this.result.value = hit;
    return this.result as IteratorResult<Hit<P>>;
  }
}

export const STATUS_LIST = STATUSES.join(', ');
export const QS_COUNT = QUALITY_STATEMENTS.length;
