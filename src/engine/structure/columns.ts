/**
 * Recognises header rows and maps their columns to schema fields, by synonyms first and fuzzy matching second,
 * with a confidence for each column.
 */
import { Action } from '../schema';
import { distance } from 'fastest-levenshtein';
import { normalise, similarity, tidy } from '../text';
import { SheetGrid } from '../workbook';

export type ActionField = Exclude<keyof Action, 'source'>;
/** A quarter-marker column ("3m", "6m" … under "Timescales"), whose ● marks make up the timescale. */
export type ColumnField = ActionField | 'marker';

export const FIELD_SYNONYMS: Record<ActionField, readonly string[]> = {
  ref: ['ref', 'action ref', 'ref no', 'reference', 'no', 'number', 'id', 'action id', 'action no', 'item', 'rec no', 'recommendation no'],
  theme: ['theme', 'aim', 'cqc theme', 'strategic theme', 'section', 'domain', 'strategic aim', 'ambition'],
  qualityStatement: ['quality statement', 'cqc quality statement', 'quality statements', 'qs'],
  area: [
    'area', 'areas of focus', 'area of focus', 'areas of focus identified within the report', 'priority', 'priorities',
    'recommendation', 'issue', 'finding', 'key line of enquiry', 'objective', 'sub theme', 'focus', 'workstream area',
  ],
  action: [
    'action', 'actions', 'key actions', 'key action', 'actions we are taking', 'workstream', 'workstreams', 'improvement action',
    'improvement actions', 'what we will do', 'activity', 'activities', 'task', 'action required', 'actions to be taken',
    'action to be taken', 'planned action', 'planned actions', 'what will we do',
  ],
  milestones: ['milestones', 'milestone', 'key milestones', 'deliverables', 'key deliverables'],
  lead: [
    'lead', 'owner', 'responsible', 'responsible manager', 'responsible lead officer', 'responsible hos senior manager',
    'responsible officer', 'lead officer', 'accountable officer', 'by whom', 'who', 'action owner', 'lead officer s', 'responsible lead',
  ],
  timescale: [
    'timescale', 'timescales', 'estimated timescales', 'estimated timescale', 'target date', 'deadline', 'by when', 'when',
    'completion date', 'timeframe', 'time frame', 'target completion date', 'date',
  ],
  dueDate: ['due date', 'due', 'date due'],
  status: ['status', 'progress status', 'current status', 'action status', 'delivery status'],
  rag: ['rag', 'rag status', 'rag rating', 'brag', 'brag status', 'rating', 'rag rated'],
  progress: [
    'progress', 'progress report', 'update', 'progress to date', 'progress update', 'latest update', 'updates',
    'comments', 'commentary', 'evidence', 'current position', 'position', 'latest progress',
  ],
  measures: [
    'measures', 'how we will know it has worked', 'we will know we have made a difference by kpis', 'key performance indicators',
    'kpis', 'kpi', 'outcome measures', 'success measures', 'measures of success', 'measure of success', 'performance measures',
    'how will we measure success', 'how will we know', 'indicators', 'success criteria',
  ],
  outcomes: [
    'outcomes', 'outcome', 'impact', 'outcomes for users of services and their carers', 'expected outcome', 'expected outcomes',
    'intended outcomes', 'benefits', 'desired outcome',
  ],
  lastUpdated: ['last updated', 'date updated', 'updated', 'date of update', 'last update'],
};

const synonymIndex: { field: ActionField; phrase: string }[] = [];
for (const [field, phrases] of Object.entries(FIELD_SYNONYMS) as [ActionField, readonly string[]][]) {
  for (const phrase of phrases) synonymIndex.push({ field, phrase: normalise(phrase) });
}

export interface FieldMatch {
  field: ColumnField;
  confidence: number;
}

const MARKER_LABEL = /^(\d{1,2})\s*(m|mths?|months?)$/i;

const headerCache = new Map<string, FieldMatch | null>();

/** The field a header label names, and how sure we are (1 = a known synonym, word for word). */
export function matchHeader(label: string, group?: string): FieldMatch | null {
  // Plans repeat the same short texts (leads, statuses, headers) thousands of times: remember the answers.
  const key = `${group ?? ''}\u0000${label}`;
  const cached = headerCache.get(key);
  if (cached !== undefined) return cached;
  const match = matchHeaderUncached(label, group);
  if (headerCache.size > 50_000) headerCache.clear();
  headerCache.set(key, match);
  return match;
}

function matchHeaderUncached(label: string, group?: string): FieldMatch | null {
  const text = tidy(label);
  if (!text) return null;
  if (MARKER_LABEL.test(text) || (/^q[1-4]$/i.test(text) && group && /time/i.test(group))) return { field: 'marker', confidence: 1 };
  const h = normalise(text);
  if (!h || h.length > 80) return null;
  let best: FieldMatch | null = null;
  const consider = (field: ActionField, confidence: number): void => {
    if (!best || confidence > best.confidence) best = { field, confidence };
  };
  for (const { field, phrase } of synonymIndex) {
    if (h === phrase) consider(field, 1);
    else if (` ${h} `.includes(` ${phrase} `)) consider(field, 0.6 + 0.35 * (phrase.length / h.length));
    else if (h.length >= 4 && phrase.length >= 4 && Math.abs(h.length - phrase.length) <= 0.2 * Math.max(h.length, phrase.length)) {
      // Both sides are already normalised; the length test above skips pairs that cannot reach 0.8.
      const s = 1 - distance(h, phrase) / Math.max(h.length, phrase.length);
      if (s >= 0.8) consider(field, s * 0.9);
    }
  }
  return best;
}

export interface ColumnMapping {
  col: number;
  header: string;
  field: ColumnField | null;
  confidence: number;
  /** Why the column was given its role, in plain words ("header says \"Owner(s)\"", "mostly names and job titles"). */
  reasons?: string[];
  /** The first three non-empty values below the header, for the officer's review. */
  samples?: string[];
}

export interface HeaderBlock {
  /** The header rows (one, or two when a group header sits above the real one). */
  rows: number[];
  columns: ColumnMapping[];
}

const MIN_CONFIDENCE = 0.6;

function rowLabels(grid: SheetGrid, row: number): Map<number, string> {
  const labels = new Map<number, string>();
  for (const c of grid.columnsShown(row)) {
    const t = grid.text(row, c);
    if (t) labels.set(c, t);
  }
  return labels;
}

/**
 * Whether a row reads as a header row for an action table: short labels, at least two of them recognised,
 * one of them the action column.
 */
export function headerScore(grid: SheetGrid, row: number): { fields: Set<ColumnField>; labelled: number } | null {
  // Cheap test first, on the row's own cells: header labels are short.
  const own = grid.rowCells(row);
  if (own.length < 2) return null;
  for (const cell of own) if (cell.value.type === 'text' && cell.value.value.length > 90) return null;
  const labels = rowLabels(grid, row);
  if (labels.size < 2) return null;
  // Header labels are short: one long cell means a data row, whatever else it holds.
  for (const [, label] of labels) if (label.length > 90) return null;
  const fields = new Set<ColumnField>();
  let recognised = 0;
  for (const [, label] of labels) {
    const m = matchHeader(label);
    if (m && m.confidence >= MIN_CONFIDENCE) {
      fields.add(m.field);
      recognised++;
    }
  }
  if (!fields.has('action') || fields.size < 2 || recognised / labels.size < 0.5) return null;
  return { fields, labelled: labels.size };
}

/** Reads the header at `row`, folding in a second header row beneath a merged group header. */
export function readHeader(grid: SheetGrid, row: number, forceTwoRows = false): HeaderBlock {
  const rows = [row];
  const upper = rowLabels(grid, row);
  let lower: Map<number, string> | null = null;
  const next = row + 1;
  const nextOwn = new Map<number, string>();
  for (const c of grid.columnsShown(next)) {
    const m = grid.merge(next, c);
    // Skip cells covered by a header cell merged down from above, and the tail of a merge across.
    if (m && (m.top < next || m.left < c)) continue;
    const t = grid.text(next, c);
    if (t) nextOwn.set(c, t);
  }
  if (nextOwn.size >= 2 || forceTwoRows) {
    const allShort = [...nextOwn.values()].every((t) => t.length <= 40);
    const underGroup = [...nextOwn.keys()].filter((c) => {
      const m = grid.merge(row, c);
      return m && m.right > m.left;
    }).length;
    // Only asked when it decides: the row under most headers is data, whose long texts are slow to match and
    // would fill the header cache.
    const allRecognised = () => [...nextOwn.values()].every((t) => (matchHeader(t)?.confidence ?? 0) >= MIN_CONFIDENCE);
    if (forceTwoRows || (allShort && (underGroup > 0 || allRecognised()))) {
      lower = nextOwn;
      rows.push(next);
    }
  }
  const columns: ColumnMapping[] = [];
  for (const c of [...new Set([...upper.keys(), ...(lower?.keys() ?? [])])].sort((a, b) => a - b)) {
    const top = upper.get(c) ?? '';
    const bottom = lower?.get(c) ?? '';
    const label = bottom || top;
    if (!label) continue;
    const match = bottom ? matchHeader(bottom, top) ?? matchHeader(top) : matchHeader(top);
    const usable = match && match.confidence >= MIN_CONFIDENCE;
    columns.push({
      col: c,
      header: bottom && top && top !== bottom ? `${top}: ${bottom}` : label,
      field: usable ? match.field : null,
      confidence: usable ? Math.round(match.confidence * 100) / 100 : 0,
    });
  }
  return { rows, columns };
}

/**
 * Whether the row above a header row is a group header over it: short labels, with a label merged across
 * several columns above the real headers ("Recommendation" over "Ref" and "Action"), or headings merged down
 * into the header row.
 */
export function isGroupHeaderAbove(grid: SheetGrid, headerRow: number): boolean {
  const above = headerRow - 1;
  if (above < 1 || !grid.hasRow(above)) return false;
  const labelled: number[] = [];
  for (const c of grid.columnsShown(headerRow)) if (grid.text(headerRow, c)) labelled.push(c);
  let grouped = false;
  for (const c of grid.columnsShown(above)) {
    const m = grid.merge(above, c);
    const t = grid.text(above, c);
    if (t.length > 40) return false;
    if (!m || m.top !== above || m.left !== c) continue;
    // A group label spans some of the header's columns, not all of them (that would be a section heading).
    const spansSome = m.right > m.left && m.bottom === above && labelled.some((x) => x >= m.left && x <= m.right) && labelled.some((x) => x < m.left || x > m.right);
    if (spansSome || m.bottom >= headerRow) grouped = true;
  }
  return grouped;
}

/** Whether `row` repeats (or nearly repeats) the labels of a header already read. */
export function repeatsHeader(grid: SheetGrid, row: number, header: HeaderBlock): boolean {
  const labels = rowLabels(grid, row);
  if (labels.size < 2) return false;
  let same = 0;
  for (const col of header.columns) {
    const t = labels.get(col.col);
    if (!t) continue;
    const label = col.header.includes(': ') ? col.header.split(': ').pop()! : col.header;
    if (similarity(t, label) >= 0.8 || similarity(t, col.header) >= 0.8) same++;
  }
  return same >= 2 && same / labels.size >= 0.6;
}
