/**
 * Turns a sheet's data rows into canonical actions: one action per real action however many rows it spans,
 * with its timescale read as a due date and its status and RAG made canonical. Nothing is dropped: words the
 * canonical fields cannot hold (an unrecognised status, a column we do not know) are kept in the action.
 */
import { PlanSettings, QualityStatement, Rag, Status } from '../schema';
import { joinDistinct } from '../text';
import { ParsedTimescale, parseTimescale } from '../timescale';
import { findEmbeddedStatus, matchQualityStatement, matchRag, matchStatus } from '../vocabulary';
import { a1 } from '../workbook';
import { actionCells } from './action-cells';
import { ActionField, ColumnField } from './columns';
import { DataRow, FieldCell, SheetReading } from './read-sheet';
import { StructuredAction } from './types';

/** How bad a status is, for a cell that lists several: the worst one speaks for the action. */
const STATUS_SEVERITY: Status[] = ['Off track', 'At risk', 'Not started', 'In progress', 'On track', 'Complete'];

/**
 * A field's text over the action's rows: its distinct non-empty cell texts, one a line. Most actions are one row
 * with one cell a field, which is that cell's trimmed text: taken directly, without the lists `joinDistinct`
 * builds, as this runs for every field of every action.
 */
function fieldText(rows: DataRow[], field: ColumnField): string | null {
  if (rows.length === 1) {
    const cells = rows[0].fields.get(field);
    if (!cells) return null;
    if (cells.length === 1) return cells[0].text.trim() || null;
  }
  return joinDistinct(texts(rows, field));
}

function texts(rows: DataRow[], field: ColumnField): string[] {
  const out: string[] = [];
  for (const row of rows) for (const cell of row.fields.get(field) ?? []) out.push(cell.text);
  return out;
}

/** The first of the action's rows with a cell for the field. */
function firstRowWith(rows: DataRow[], field: ColumnField): DataRow | null {
  for (const row of rows) if (row.fields.get(field)?.length) return row;
  return null;
}

/** The field's first cell over the action's rows. */
function firstCell(rows: DataRow[], field: ColumnField): FieldCell | undefined {
  return firstRowWith(rows, field)?.fields.get(field)![0];
}

/** A grouping cell's name: the first line when the cell goes on to describe it ("Empowering people\nWe believe …"). */
function groupName(text: string): string {
  if (!text.includes('\n')) return text;
  const [first, ...rest] = text.split('\n');
  const description = rest.join(' ');
  const isName = rest.length > 0 && first.length <= 60 && !/[.;:,]$/.test(first.trim()) && description.length > first.length;
  return isName ? first.trim() : text;
}

/** The names of a grouping field's cells across the action's rows. */
function groupNames(rows: DataRow[], field: ColumnField): string | null {
  // One row with one cell (most actions), or none: taken directly, as fieldText does, without the three lists.
  if (rows.length === 1) {
    const cells = rows[0].fields.get(field);
    if (!cells) return null;
    if (cells.length === 1) return groupName(cells[0].text).trim() || null;
  }
  return joinDistinct(texts(rows, field).map(groupName));
}

interface StatusReading {
  status: Status | null;
  remainder: string | null;
  recognised: boolean;
}

function readStatus(raw: string | null): StatusReading {
  if (!raw) return { status: null, remainder: null, recognised: true };
  const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  const found: Status[] = [];
  const remainder: string[] = [];
  for (const line of lines) {
    const whole = matchStatus(line);
    if (whole) {
      found.push(whole);
      continue;
    }
    const embedded = findEmbeddedStatus(line);
    if (embedded) {
      found.push(embedded.status);
      remainder.push(embedded.rest);
      continue;
    }
    remainder.push(line);
  }
  if (!found.length) return { status: null, remainder: raw, recognised: false };
  const status = STATUS_SEVERITY.find((s) => found.includes(s)) ?? found[0];
  return { status, remainder: remainder.filter(Boolean).join('\n') || null, recognised: true };
}

export interface AssembleContext {
  settings: PlanSettings;
  sheetHasRefs: boolean;
  /** The sheet shows timescales as quarter-marker columns (3m, 6m, 9m, 12m). */
  sheetHasMarkers: boolean;
  /** Answers already worked out in this run (see `newAssembleMemo`). */
  memo: AssembleMemo;
}

/**
 * Readings of texts that plans repeat over many actions (the same timescales, the same quality statement merged
 * down a column), each worked out once per structuring run rather than once per action. One memo serves one
 * run, whose plan start and relative terms are fixed, and goes when the run ends.
 */
export interface AssembleMemo {
  timescales: Map<string, ParsedTimescale>;
  qualityStatements: Map<string, QualityStatement | null>;
  statuses: Map<string, StatusReading>;
  /** The fields each header's columns hold, with the first column holding each: the same for all its rows. */
  headerFields: Map<DataRow['header'], Map<ActionField, number>>;
  /** Those fields as a list (an action's `columns`), one list for all the actions under a header. */
  fieldLists: WeakMap<Map<ActionField, number>, ActionField[]>;
}

export function newAssembleMemo(): AssembleMemo {
  return { timescales: new Map(), qualityStatements: new Map(), statuses: new Map(), headerFields: new Map(), fieldLists: new WeakMap() };
}

/** The fields as a list, shared by every action whose rows share the fields: nothing changes an action's list. */
function fieldList(fields: Map<ActionField, number>, memo: AssembleMemo): ActionField[] {
  let list = memo.fieldLists.get(fields);
  if (!list) {
    list = [...fields.keys()];
    memo.fieldLists.set(fields, list);
  }
  return list;
}

/** The grouping fields whose whole text an action keeps beside its group's name. */
const GROUP_FIELDS = ['theme', 'area', 'qualityStatement'] as const;

/** No cell errors, and no group texts: one of each for all the actions that have none (most have neither). */
const NO_ERRORS: StructuredAction['errors'] = Object.freeze([]) as unknown as StructuredAction['errors'];
const NO_GROUP_TEXTS: StructuredAction['groupTexts'] = Object.freeze({});

/** Each field the rows' columns hold, in the order they first appear, with the first column that holds it. */
function fieldsOfColumns(rows: DataRow[], memo: AssembleMemo): Map<ActionField, number> {
  const header = rows[0].header;
  let single = true;
  for (const row of rows) if (row.header !== header) single = false;
  const known = single ? memo.headerFields.get(header) : undefined;
  if (known) return known;
  const fields = new Map<ActionField, number>();
  for (const row of single ? [rows[0]] : rows) {
    for (const column of row.header.columns) {
      if (column.field && column.field !== 'marker' && !fields.has(column.field)) fields.set(column.field, column.col);
    }
  }
  if (single) memo.headerFields.set(header, fields);
  return fields;
}

function remembered<T, A extends unknown[]>(memo: Map<string, T>, text: string, work: (text: string, ...args: A) => T, ...args: A): T {
  if (memo.has(text)) return memo.get(text)!;
  const value = work(text, ...args);
  memo.set(text, value);
  return value;
}

function readTimescale(text: string | null, context: AssembleContext): ParsedTimescale {
  // The settings passed on rather than closed over: an arrow over them was a context object and a function a call.
  return remembered(context.memo.timescales, text ?? '', parseTimescale, context.settings.planStart, context.settings.relativeTerms);
}

function qualityStatementOf(text: string, context: AssembleContext): QualityStatement | null {
  return remembered(context.memo.qualityStatements, text, matchQualityStatement);
}

/** Whether the cell is part of an area merged down from a row of the action being gathered. */
function mergedFromAbove(cell: FieldCell | undefined, row: DataRow, current: DataRow[]): boolean {
  const top = cell?.merge?.top;
  if (top === undefined || top >= row.row) return false;
  for (const r of current) if (r.row >= top) return true;
  return false;
}

/**
 * Whether `row` carries on the action in `current` rather than starting a new one. (Asked twice a row: it and the
 * functions below that run for every action make no arrow functions over their own variables, for each one made
 * V8 a context object a call.)
 */
function continues(current: DataRow[], row: DataRow, context: AssembleContext): boolean {
  if (!current.length || row.afterHeading) return false;
  const action = row.fields.get('action')?.[0];
  const refCell = row.fields.get('ref')?.[0];
  const currentRef = firstCell(current, 'ref')?.text ?? null;
  // An action (or ref) cell merged down over several rows is one action.
  if (mergedFromAbove(action, row, current) || mergedFromAbove(refCell, row, current)) return true;
  if (refCell) return false;
  if (!action) return true;
  if (/^(\(?\s*cont(inue)?d\b|\.\.\.)/i.test(action.text)) return true;
  // In a plan with refs, a row without one straight after a page break continues the action above it.
  return context.sheetHasRefs && row.afterPageBreak && currentRef !== null;
}

/**
 * groupRows for rows as they are read: each group is handed on as soon as the next row starts another, so its rows
 * can be let go. Whether the sheet has refs (two rows with one, which groupRows is told) is known only at the end
 * of the sheet; it matters only where a row without a ref follows a page break under an action with one. If that
 * happens before a second ref row is seen, the rows from there on are held, and grouped once a second ref row comes
 * or the sheet ends. The groups are always those groupRows gives for the same rows.
 */
export class RowGrouper {
  private current: DataRow[] = [];
  private refRows = 0;
  /** Rows held while whether the sheet has refs is open; null while nothing is held. */
  private held: DataRow[] | null = null;
  private readonly withRefs: AssembleContext;
  private readonly withoutRefs: AssembleContext;

  constructor(
    context: AssembleContext,
    private readonly emit: (group: DataRow[]) => void,
  ) {
    this.withRefs = { ...context, sheetHasRefs: true };
    this.withoutRefs = { ...context, sheetHasRefs: false };
  }

  add(row: DataRow): void {
    if (row.fields.get('ref')?.length) this.refRows++;
    if (this.held) {
      this.held.push(row);
      // A second ref row settles it: the sheet has refs, and the held rows are grouped knowing so.
      if (this.refRows >= 2) this.release();
      return;
    }
    this.place(row);
  }

  /** The end of the sheet: the rows still held are grouped as a sheet without refs, and the last group handed on. */
  finish(): void {
    if (this.held) this.release();
    if (this.current.length) this.emit(this.current);
    this.current = [];
  }

  private place(row: DataRow): void {
    const joins = continues(this.current, row, this.withRefs);
    // Settled when the sheet is known to have refs, or when the answer is the same either way.
    if (this.refRows < 2 && joins !== continues(this.current, row, this.withoutRefs)) {
      this.held = [row];
      return;
    }
    this.take(row, joins);
  }

  /** The row joins the action being gathered, or starts the next one (handing on the one before). */
  private take(row: DataRow, joins: boolean): void {
    if (joins) this.current.push(row);
    else {
      if (this.current.length) this.emit(this.current);
      this.current = [row];
    }
  }

  private release(): void {
    const rows = this.held!;
    this.held = null;
    // With two ref rows seen every decision is settled; without, none needs holding again (refs stay under two).
    const context = this.refRows >= 2 ? this.withRefs : this.withoutRefs;
    for (const row of rows) this.take(row, continues(this.current, row, context));
  }
}

/**
 * The rows of a reading grouped into actions, all at once, with whether the sheet has refs given: the plain
 * definition of grouping, which RowGrouper must match (tests/row-grouper.test.ts holds it to this).
 */
export function groupRows(reading: SheetReading, context: AssembleContext): DataRow[][] {
  const groups: DataRow[][] = [];
  let current: DataRow[] = [];
  for (const row of reading.rows) {
    if (continues(current, row, context)) current.push(row);
    else {
      if (current.length) groups.push(current);
      current = [row];
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

export function assembleAction(sheet: string, rows: DataRow[], context: AssembleContext): StructuredAction {
  const first = rows[0];
  // Shared by the actions under one header: read, never changed.
  const fieldsPresent = fieldsOfColumns(rows, context.memo);
  // A field's cell is the first cell with a value in it, else its column on the action's first row.
  const cells = actionCells(fieldsPresent, first.row);
  // Over the fields' shared list, which iterating the map itself (a pair a field) or forEach (an arrow over this
  // call's variables) would each make objects for, every action.
  const columns = fieldList(fieldsPresent, context.memo);
  for (const field of columns) {
    const row = firstRowWith(rows, field);
    if (!row) continue;
    const cell = row.fields.get(field)![0];
    if (row.row !== first.row || cell.col !== fieldsPresent.get(field)) cells.place(field, a1(row.row, cell.col));
  }

  const markerLabels = quarterMarkerLabels(rows);

  let timescale = fieldText(rows, 'timescale');
  if (markerLabels.length) timescale = joinDistinct([timescale, markerLabels.join(', ')]);
  let milestones = fieldText(rows, 'milestones');
  if (!fieldsPresent.has('timescale') && !context.sheetHasMarkers && milestones) {
    // Plans with no timescale column date their milestones instead ("Framework April 2023").
    timescale = milestones;
  }
  // A due-date cell whose text gives no date ("By end Q4", a US "12/31/2025") is the action's timescale when it has
  // none: dropped, it was lost from the Plan sheet and reported as a date never entered; kept, the check asks about
  // the words the officer wrote.
  const dueColumn = firstCell(rows, 'dueDate');
  const dueText = dueColumn && !dueColumn.date ? dueColumn.text : null;
  const dueFromText = dueText ? readTimescale(dueText, context).dueDate : null;
  if (!timescale && dueText && !dueFromText) timescale = dueText;
  // A due-date column, when the plan has one, wins over what the timescale text implies.
  const parsed = readTimescale(timescale, context);
  const timescaleCell = firstCell(rows, 'timescale');
  const dueFromColumn = dueColumn ? dueColumn.date ?? dueFromText : null;
  const dueDate = dueFromColumn ?? timescaleCell?.date ?? parsed.dueDate;
  if (parsed.dates.length > 1 && !milestones) {
    milestones = parsed.dates.slice(0, -1).join('\n');
  }

  let statusRaw = fieldText(rows, 'status');
  let status = statusRaw ? remembered(context.memo.statuses, statusRaw, readStatus) : readStatus(null);
  let ragRaw = fieldText(rows, 'rag');
  // A plan with no RAG column often rates its actions in the status column ("Green", "Red - delayed"): there the
  // rating is the action's RAG. Read as a status, "Green" was an unknown status and went to the board with no RAG,
  // and the "Red" of "Red - delayed" went into the progress while the status made the action Amber.
  if (!fieldsPresent.has('rag') && statusRaw) {
    if (!status.recognised && matchRag(statusRaw)) {
      ragRaw = statusRaw;
      statusRaw = null;
      status = readStatus(null);
    } else if (status.recognised && status.remainder && matchRag(status.remainder)) {
      ragRaw = status.remainder;
      status = { ...status, remainder: null };
    }
  }
  let statusValue = status.status;
  if (!fieldsPresent.has('status') && parsed.impliesComplete) statusValue = 'Complete';

  const rag: Rag | null = ragRaw ? matchRag(ragRaw) : null;

  const extras: string[] = [];
  if (status.recognised && status.remainder) extras.push(status.remainder);
  for (const row of rows) for (const u of row.unmapped) extras.push(`${u.header}: ${u.text}`);
  // Most actions have nothing to add to their progress: then it is the field's text as it is (already trimmed).
  const progress = extras.length ? joinDistinct([fieldText(rows, 'progress'), ...extras]) : fieldText(rows, 'progress');

  const qsText = fieldText(rows, 'qualityStatement');
  const qsColumn = groupNames(rows, 'qualityStatement');
  const qualityStatement = qsText
    ? qualityStatementOf(qsText, context) ?? qsColumn
    : first.headings.qualityStatement
      ? qualityStatementOf(first.headings.qualityStatement, context) ?? first.headings.qualityStatement
      : null;

  let fullTexts: Record<string, string> | null = null;
  for (const field of GROUP_FIELDS) {
    const t = fieldText(rows, field);
    if (t) (fullTexts ??= {})[field] = t;
  }

  return {
    ref: fieldText(rows, 'ref'),
    theme: groupNames(rows, 'theme') ?? first.headings.theme,
    qualityStatement,
    area: groupNames(rows, 'area') ?? first.headings.area,
    action: fieldText(rows, 'action') ?? '',
    milestones,
    lead: fieldText(rows, 'lead'),
    timescale,
    dueDate: dueDate ?? null,
    status: statusValue,
    rag,
    progress,
    measures: fieldText(rows, 'measures'),
    outcomes: fieldText(rows, 'outcomes'),
    lastUpdated: firstCell(rows, 'lastUpdated')?.date ?? null,
    source: { sheet, row: first.row },
    rows: rows.map((r) => r.row),
    cells,
    columns,
    statusText: statusRaw,
    ragText: ragRaw,
    groupTexts: fullTexts ?? NO_GROUP_TEXTS,
    timescaleKind: parsed.kind,
    errors: cellErrors(rows),
  };
}

/** The labels of the quarter-marker columns ("3m", "6m") marked on the action's rows, in column order. */
function quarterMarkerLabels(rows: DataRow[]): string[] {
  // Most plans have no marker columns: skip the lists below for them.
  if (!rows.some((row) => row.fields.has('marker'))) return [];
  // Column → label, the last label seen for a column winning; a handful of entries, so a list rather than a map.
  const markers: [col: number, label: string][] = [];
  for (const row of rows) {
    for (const cell of row.fields.get('marker') ?? []) {
      const header = row.header.columns.find((c) => c.col === cell.col)!.header;
      const at = header.lastIndexOf(': ');
      const label = at === -1 ? header : header.slice(at + 2);
      const known = markers.find((m) => m[0] === cell.col);
      if (known) known[1] = label;
      else markers.push([cell.col, label]);
    }
  }
  return markers.sort((a, b) => a[0] - b[0]).map((m) => m[1]);
}

/** Excel error values in the action's own cells (not in a merged cell's copies on later rows), in row and field order. */
function cellErrors(rows: DataRow[]): StructuredAction['errors'] {
  const errors: StructuredAction['errors'] = [];
  for (const row of rows) {
    // Most rows hold no error: passed over without making the arrow below (a context object and a function a row).
    if (row.fields.hasError === false) continue;
    // forEach rather than for…of: no [field, list] pair made for every field of every row.
    row.fields.forEach((list, field) => {
      for (const c of list) if (c.error && !(c.merge && c.merge.top < row.row)) errors.push({ field, cell: a1(row.row, c.col), value: c.error });
    });
  }
  return errors.length ? errors : NO_ERRORS;
}
