/**
 * Recognises header rows and maps their columns to schema fields from evidence (the header's words, what each
 * column holds, where it sits; see roles/), with a confidence and the reasons in words for each column.
 */
import { readKpiHeader } from '../kpi/headers';
import { Action } from '../schema';
import { moreLettersThan, normalise, normalisedSimilarity, tidy } from '../text';
import { cellText, columnLetters, SheetGrid } from '../workbook';
import { isLegendCell } from './boundaries';
import { assignRoles, ColumnRole, MIN_CONFIDENCE } from './roles/combine';
import { contentEvidence } from './roles/content';
import { Role } from './roles/evidence';
import { headerEvidence } from './roles/header-words';
import { best } from './roles/position';
import { firstIndexAfter, SAMPLE_ROWS, sampleBelow } from './roles/sample';
import type { ColumnCandidates } from './types';

export type ActionField = Exclude<keyof Action, 'source'>;
/** A quarter-marker column ("3m", "6m" … under "Timescales"), whose ● marks make up the timescale. */
export type ColumnField = ActionField | 'marker';

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

const MARKER_LABEL = /^(\d{1,2})\s*(m|mths?|months?)$/i;

/** A quarter-marker label: "3m", "6 months", or "Q1" under a group header about time. */
function isMarkerLabel(label: string, group?: string): boolean {
  const text = tidy(label);
  return MARKER_LABEL.test(text) || (/^q[1-4]$/i.test(text) && !!group && /time/i.test(group));
}

function rowLabels(grid: SheetGrid, row: number): Map<number, string> {
  const labels = new Map<number, string>();
  for (const c of grid.columnsShown(row)) {
    const t = grid.text(row, c);
    // A whole legend in one cell ("Status key: On track / At risk / …") labels no column, as readHeader has it.
    if (t && !isLegendCell(t)) labels.set(c, t);
  }
  return labels;
}

/** The role a header label's words favour, and how strongly. */
function headerBest(label: string): { role: Role | null; score: number } {
  if (isMarkerLabel(label)) return { role: null, score: 1 };
  const evidence = headerEvidence(label);
  const role = best(evidence);
  return { role, score: role ? evidence[role]!.score : 0 };
}

/** A label written as a sentence: a full stop after several words, or too many words for a header. */
function isSentence(label: string): boolean {
  const words = label.trim().split(/\s+/).length;
  return words > 12 || (words >= 3 && /[.!]$/.test(label.trim()));
}

/** Roles that say who does an action, by when, or how it is going: what makes a list of text a plan. */
const DOING_ROLES: ReadonlySet<ColumnField> = new Set(['lead', 'timescale', 'dueDate', 'status', 'rag', 'progress', 'milestones', 'marker']);

/** Header words this sure of the action need nothing more; weaker ones ("Description", "Finding") need content too. */
const SURE_ACTION = 0.75;

/**
 * Whether a row reads as a header row for an action table: short labels, at least half of them naming a role,
 * one of them the action. A weaker action label counts only over a column of free text, and never in a row that
 * reads as a KPI register's header.
 */
export function headerScore(grid: SheetGrid, row: number): { fields: Set<ColumnField>; labelled: number } | null {
  // Cheap test first, on the row's own cells: header labels are short.
  const own = grid.rowCells(row);
  if (own.length < 2) return null;
  for (const cell of own) if (cell.value.type === 'text' && cell.value.value.length > 90) return null;
  const labels = rowLabels(grid, row);
  if (labels.size < 2) return null;
  // Header labels are short, and not sentences: one long cell, or one written as a sentence, means a data row
  // ("Undertake a practice review." names no column, whatever its words).
  for (const [, label] of labels) if (label.length > 90 || isSentence(label)) return null;
  const fields = new Set<ColumnField>();
  let recognised = 0;
  let sureAction = false;
  const weakAction: number[] = [];
  for (const [col, label] of labels) {
    const top = headerBest(label);
    if (top.score >= MIN_CONFIDENCE) {
      recognised++;
      fields.add(top.role ?? 'marker');
    }
    const action = headerEvidence(label).action?.score ?? 0;
    if (action >= SURE_ACTION) sureAction = true;
    else if (action >= MIN_CONFIDENCE) weakAction.push(col);
  }
  if (recognised / labels.size < 0.5) return null;
  fields.delete('action');
  if (fields.size < 1) return null;
  if (!sureAction) {
    // A weaker action label heads a plan only beside a column saying who, when or how it is going: without one,
    // a column of descriptions is a list (a glossary of quality statements, a KPI register), not a plan.
    if (!weakAction.length || ![...fields].some((f) => DOING_ROLES.has(f)) || readKpiHeader(grid, row, null)) return null;
    const below = sampleBelow(grid, row, weakAction, labels);
    if (!weakAction.some((col) => (contentEvidence(below.get(col)!).action?.score ?? 0) >= 0.5)) return null;
  }
  fields.add('action');
  return { fields, labelled: labels.size };
}

/** One header column, before its role is decided. */
interface LabelledColumn {
  col: number;
  /** The header as shown to the officer ("Timescales: 3m" under a group header). */
  header: string;
  /** The label whose words are read: the lower one under a group header, or the group's where the lower says nothing. */
  words: string;
  marker: boolean;
}

/** Columns given roles from their header words, what they hold and where they sit, with samples for the officer. */
function mapColumns(grid: SheetGrid, lastHeaderRow: number, labelled: LabelledColumn[]): (ColumnRole & { header: string; samples: string[] })[] {
  const profiles = sampleBelow(grid, lastHeaderRow, labelled.map((c) => c.col), rowLabels(grid, lastHeaderRow));
  const roles = assignRoles(labelled.filter((c) => !c.marker).map((c) => ({ col: c.col, header: c.words, profile: profiles.get(c.col)! })));
  const byCol = new Map(roles.map((r) => [r.col, r]));
  return labelled.map((c) => {
    const samples = profiles.get(c.col)!.cells.filter((x) => x.own).slice(0, 3).map((x) => x.text);
    if (c.marker) {
      return { col: c.col, header: c.header, samples, field: null, confidence: 1, reasons: [`"${c.header}" marks a period of the timescale`], candidates: [] };
    }
    return { ...byCol.get(c.col)!, header: c.header, samples };
  });
}

/** How many columns left of a header's first label may hold its refs with no label of their own. */
const UNLABELLED_REF_REACH = 1;

/** Header blocks already read on a sheet, by their labels: a repeated header is read the way the first one was. */
const readHeaders = new WeakMap<SheetGrid, Map<string, ColumnMapping[]>>();

/**
 * Reads the header at `row`, folding in a second header row beneath a merged group header. Columns right of
 * `lastCol` (a legend set beside the table) are no part of it and take no role from its columns.
 */
export function readHeader(grid: SheetGrid, row: number, forceTwoRows = false, lastCol = Infinity): HeaderBlock {
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
    const allShort = [...nextOwn.values()].every((t) => t.length <= 40 && !isSentence(t));
    const underGroup = [...nextOwn.keys()].filter((c) => {
      const m = grid.merge(row, c);
      return m && m.right > m.left;
    }).length;
    // Only asked when it decides: the row under most headers is data, whose long texts would fill the header cache.
    const allRecognised = () => [...nextOwn.values()].every((t) => headerBest(t).score >= MIN_CONFIDENCE);
    if (forceTwoRows || (allShort && (underGroup > 0 || allRecognised()))) {
      lower = nextOwn;
      rows.push(next);
    }
  }
  const labelled: LabelledColumn[] = [];
  for (const c of [...new Set([...upper.keys(), ...(lower?.keys() ?? [])])].sort((a, b) => a - b)) {
    if (c > lastCol) continue;
    const top = upper.get(c) ?? '';
    const bottom = lower?.get(c) ?? '';
    const label = bottom || top;
    // A whole legend written in one cell beside the header ("Status key: On track / At risk / …") is no column.
    if (!label || isLegendCell(label)) continue;
    const words = bottom && Object.keys(headerEvidence(bottom)).length === 0 && top ? top : label;
    labelled.push({
      col: c,
      header: bottom && top && top !== bottom ? `${top}: ${bottom}` : label,
      words,
      marker: isMarkerLabel(label, bottom ? top : undefined),
    });
  }
  // A ref column is often left without a header, the refs below speaking for it: the columns just left of the
  // first label are read by content too, and kept only if what they hold is refs.
  const firstLabelled = labelled.length ? labelled[0].col : 1;
  const unlabelled: LabelledColumn[] = [];
  for (let c = Math.max(1, firstLabelled - UNLABELLED_REF_REACH); c < firstLabelled && c <= lastCol; c++) unlabelled.push({ col: c, header: '', words: '', marker: false });
  const key = `${rows.length}\u0000${labelled.map((c) => `${c.col}\u0001${c.header}`).join('\u0000')}`;
  let known = readHeaders.get(grid);
  if (!known) readHeaders.set(grid, (known = new Map()));
  const seen = known.get(key);
  if (seen) return { rows, columns: seen.map((c) => ({ ...c })) };
  const mapped = mapColumns(grid, rows[rows.length - 1], [...unlabelled, ...labelled]).filter((c) => c.header || c.field === 'ref');
  const columns: ColumnMapping[] = mapped.map((c) => ({
    col: c.col,
    header: c.header,
    field: c.field ?? (labelled.find((l) => l.col === c.col)?.marker ? 'marker' : null),
    confidence: c.confidence,
    reasons: c.reasons,
    samples: c.samples,
  }));
  known.set(key, columns);
  return { rows, columns: columns.map((c) => ({ ...c })) };
}

/** Rows looked at from the top of a sheet for a header that only the columns' content reveals. */
const CONTENT_SCAN_ROWS = 60;

/**
 * The header row of a sheet whose header words alone found no table: the first row of short labels, some naming
 * roles, over columns whose content gives an action and at least one other role.
 */
export function findHeaderByContent(grid: SheetGrid): number | null {
  let scanned = 0;
  for (const row of grid.rowNumbers) {
    if (scanned++ >= CONTENT_SCAN_ROWS) break;
    if (headsPlanByContent(grid, row)) return row;
  }
  return null;
}

/**
 * Whether `row` heads a plan once its columns' content is read: short labels, at least one naming a role, and
 * under them an action column beside one saying who, when or how it is going, with most columns given a role.
 */
export function headsPlanByContent(grid: SheetGrid, row: number): boolean {
  const labels = rowLabels(grid, row);
  if (labels.size < 2 || [...labels.values()].some((l) => l.length > 60)) return false;
  const named = [...labels.values()].filter((l) => headerBest(l).score >= MIN_CONFIDENCE).length;
  if (!named || readKpiHeader(grid, row, null)) return false;
  const block = readHeader(grid, row, false);
  if (block.columns.length < 2) return false;
  const mapped = block.columns.filter((c) => c.field);
  const action = mapped.find((c) => c.field === 'action');
  // Commitments under a header that surely names them, numbered in a ref column, are a plan even with nothing yet
  // saying who or when (a list of descriptions under weaker words is not: a glossary, a register).
  // The header may name them weakly ("Agreed improvement", "Area for improvement": a recommendation that is the only
  // commitment column) where what the column holds, long free text different on each row, makes it the action; a
  // header with no word of an action or finding ("Definition", "Indicator") never does.
  const namesCommitments = !!action && (headerEvidence(action.header).action?.score ?? 0) > 0 && action.confidence >= MIN_CONFIDENCE;
  const numberedCommitments = namesCommitments && mapped.some((c) => c.field === 'ref');
  const plan = !!action && (mapped.some((c) => c.field && DOING_ROLES.has(c.field)) || numberedCommitments);
  return plan && mapped.length / block.columns.length >= 0.5;
}

/**
 * For a sheet where no table reached confidence: the likeliest header row and every column with its header, three
 * samples and the roles it could hold, so that the officer can be asked instead of told nothing was found.
 */
export function columnCandidates(grid: SheetGrid): ColumnCandidates | null {
  const headerRow = likeliestHeaderRow(grid);
  const labels = headerRow === null ? new Map<number, string>() : rowLabels(grid, headerRow);
  // Every column that holds something below the header, labelled or not.
  const cols = new Set(labels.keys());
  const start = headerRow ?? 0;
  let scanned = 0;
  for (let i = firstIndexAfter(grid.rowNumbers, start); i < grid.rowNumbers.length && scanned++ < SAMPLE_ROWS; i++) {
    for (const cell of grid.rowCells(grid.rowNumbers[i])) if (cellText(cell.value).trim()) cols.add(cell.col);
  }
  if (!cols.size) return null;
  const labelled = [...cols].sort((a, b) => a - b).map((col) => {
    const header = labels.get(col) ?? '';
    return { col, header, words: header, marker: !!header && isMarkerLabel(header) };
  });
  const columns = mapColumns(grid, start, labelled).map((c) => ({
    col: c.col,
    letter: columnLetters(c.col),
    header: c.header,
    samples: c.samples,
    roles: c.candidates.map((r) => ({ field: r.field as ColumnField, confidence: r.confidence, reasons: r.reasons })),
  }));
  return { headerRow, columns };
}

/** The row that most reads as a header: the most short labels naming roles, in the top rows of the sheet. */
function likeliestHeaderRow(grid: SheetGrid): number | null {
  let bestRow: number | null = null;
  let bestScore = 0;
  let scanned = 0;
  for (const row of grid.rowNumbers) {
    if (scanned++ >= CONTENT_SCAN_ROWS) break;
    const labels = rowLabels(grid, row);
    if (labels.size < 2 || [...labels.values()].some((l) => l.length > 90)) continue;
    // Short labels look like a header even when they name nothing ("Column A"); labels naming roles, more so.
    const short = [...labels.values()].every((l) => l.length <= 40 && !isSentence(l) && !/^[\d\s.,/%£:-]+$/.test(l));
    let score = short ? 0.1 * labels.size : 0;
    for (const label of labels.values()) score += headerBest(label).score;
    if (score > bestScore) {
      bestScore = score;
      bestRow = row;
    }
  }
  return bestRow;
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

/** How alike a repeated header's label must be to the header's own (similarity). */
const REPEATED_LABEL = 0.8;

interface NormalisedLabel {
  col: number;
  /** The label's last part after ": " (a group label's column), and the whole label, normalised. */
  label: string;
  whole: string;
  /** The most letters and digits a cell's text can have, normalised, and still be REPEATED_LABEL alike to either. */
  mostLetters: number;
}

/** Each header's labels normalised once, rather than again for every row checked against them. */
const normalisedLabels = new WeakMap<HeaderBlock, NormalisedLabel[]>();

function labelsOf(header: HeaderBlock): NormalisedLabel[] {
  let labels = normalisedLabels.get(header);
  if (!labels) {
    labels = header.columns.map((col) => {
      const label = normalise(col.header.includes(': ') ? col.header.split(': ').pop()! : col.header);
      const whole = normalise(col.header);
      // Edit distance is at least the difference in length, so a text longer than 5/4 of the longer label (1 /
      // REPEATED_LABEL, in whole numbers) is less alike than REPEATED_LABEL to both.
      return { col: col.col, label, whole, mostLetters: Math.floor((Math.max(label.length, whole.length) * 5) / 4) };
    });
    normalisedLabels.set(header, labels);
  }
  return labels;
}

/** Whether `row` repeats (or nearly repeats) the labels of a header already read. */
export function repeatsHeader(grid: SheetGrid, row: number, header: HeaderBlock): boolean {
  const labels = rowLabels(grid, row);
  if (labels.size < 2) return false;
  let same = 0;
  for (const col of labelsOf(header)) {
    const t = labels.get(col.col);
    if (!t) continue;
    // Most rows are data, whose long texts need not be normalised to tell they are no label.
    if (moreLettersThan(t, col.mostLetters)) continue;
    const n = normalise(t);
    if (normalisedSimilarity(n, col.label) >= REPEATED_LABEL || normalisedSimilarity(n, col.whole) >= REPEATED_LABEL) same++;
  }
  return same >= 2 && same / labels.size >= 0.6;
}
