/**
 * Turns a sheet's data rows into canonical actions: one action per real action however many rows it spans,
 * with its timescale read as a due date and its status and RAG made canonical. Nothing is dropped: words the
 * canonical fields cannot hold (an unrecognised status, a column we do not know) are kept in the action.
 */
import { PlanSettings, Rag, Status } from '../schema';
import { joinDistinct } from '../text';
import { parseTimescale } from '../timescale';
import { findEmbeddedStatus, matchQualityStatement, matchRag, matchStatus } from '../vocabulary';
import { a1 } from '../workbook';
import { ActionField, ColumnField } from './columns';
import { DataRow, FieldCell, SheetReading } from './read-sheet';
import { StructuredAction } from './types';

/** How bad a status is, for a cell that lists several: the worst one speaks for the action. */
const STATUS_SEVERITY: Status[] = ['Off track', 'At risk', 'Not started', 'In progress', 'On track', 'Complete'];

function texts(rows: DataRow[], field: ColumnField): string[] {
  const out: string[] = [];
  for (const row of rows) for (const cell of row.fields.get(field) ?? []) out.push(cell.text);
  return out;
}

function firstCell(rows: DataRow[], field: ColumnField): { row: number; cell: FieldCell } | null {
  for (const row of rows) {
    const cell = row.fields.get(field)?.[0];
    if (cell) return { row: row.row, cell };
  }
  return null;
}

/** A grouping cell's name: the first line when the cell goes on to describe it ("Empowering people\nWe believe …"). */
function groupName(text: string): string {
  const [first, ...rest] = text.split('\n');
  const description = rest.join(' ');
  const isName = rest.length > 0 && first.length <= 60 && !/[.;:,]$/.test(first.trim()) && description.length > first.length;
  return isName ? first.trim() : text;
}

/** The names of a grouping field's cells across the action's rows. */
function groupNames(rows: DataRow[], field: ColumnField): string | null {
  return joinDistinct(texts(rows, field).map(groupName));
}

function readStatus(raw: string | null): { status: Status | null; remainder: string | null; recognised: boolean } {
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
}

/** Whether `row` carries on the action in `current` rather than starting a new one. */
function continues(current: DataRow[], row: DataRow, context: AssembleContext): boolean {
  if (!current.length || row.afterHeading) return false;
  const action = row.fields.get('action')?.[0];
  const refCell = row.fields.get('ref')?.[0];
  const currentRef = firstCell(current, 'ref')?.cell.text ?? null;
  // An action (or ref) cell merged down over several rows is one action.
  const mergedFromAbove = (cell: FieldCell | undefined) => cell?.merge !== undefined && cell.merge.top < row.row && current.some((r) => r.row >= cell.merge!.top);
  if (mergedFromAbove(action) || mergedFromAbove(refCell)) return true;
  if (refCell) return false;
  if (!action) return true;
  if (/^(\(?\s*cont(inue)?d\b|\.\.\.)/i.test(action.text)) return true;
  // In a plan with refs, a row without one straight after a page break continues the action above it.
  return context.sheetHasRefs && row.afterPageBreak && currentRef !== null;
}

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
  const cells: StructuredAction['cells'] = {};
  const fieldsPresent = new Set<ActionField>();
  for (const row of rows) {
    for (const column of row.header.columns) {
      if (column.field && column.field !== 'marker') {
        fieldsPresent.add(column.field);
        if (!cells[column.field]) cells[column.field] = a1(first.row, column.col);
      }
    }
  }
  for (const field of Object.keys(cells) as ActionField[]) {
    const found = firstCell(rows, field);
    if (found) cells[field] = a1(found.row, found.cell.col);
  }

  const text = (field: ColumnField): string | null => joinDistinct(texts(rows, field));
  const markers = rows.flatMap((row) =>
    (row.fields.get('marker') ?? []).map((cell) => {
      const column = row.header.columns.find((c) => c.col === cell.col)!;
      return { label: column.header.split(': ').pop()!, col: cell.col };
    }),
  );
  const markerLabels = [...new Map(markers.map((m) => [m.col, m.label])).entries()].sort((a, b) => a[0] - b[0]).map((m) => m[1]);

  let timescale = text('timescale');
  if (markerLabels.length) timescale = joinDistinct([timescale, markerLabels.join(', ')]);
  let milestones = text('milestones');
  const settings = context.settings;
  if (!fieldsPresent.has('timescale') && !context.sheetHasMarkers && milestones) {
    // Plans with no timescale column date their milestones instead ("Framework April 2023").
    timescale = milestones;
  }
  // A due-date column, when the plan has one, wins over what the timescale text implies.
  const parsed = parseTimescale(timescale, settings.planStart, settings.relativeTerms);
  const dueColumn = firstCell(rows, 'dueDate')?.cell;
  const timescaleCell = firstCell(rows, 'timescale')?.cell;
  const dueFromColumn = dueColumn ? dueColumn.date ?? parseTimescale(dueColumn.text, settings.planStart, settings.relativeTerms).dueDate : null;
  const dueDate = dueFromColumn ?? timescaleCell?.date ?? parsed.dueDate;
  if (parsed.dates.length > 1 && !milestones) {
    milestones = parsed.dates.slice(0, -1).join('\n');
  }

  const statusRaw = text('status');
  const status = readStatus(statusRaw);
  let statusValue = status.status;
  if (!fieldsPresent.has('status') && parsed.impliesComplete) statusValue = 'Complete';

  const ragRaw = text('rag');
  const rag: Rag | null = ragRaw ? matchRag(ragRaw) : null;

  const extras: string[] = [];
  if (status.recognised && status.remainder) extras.push(status.remainder);
  for (const row of rows) for (const u of row.unmapped) extras.push(`${u.header}: ${u.text}`);
  const progress = joinDistinct([text('progress'), ...extras]);

  const qsText = text('qualityStatement');
  const qsColumn = groupNames(rows, 'qualityStatement');
  const qualityStatement = qsText
    ? matchQualityStatement(qsText) ?? qsColumn
    : first.headings.qualityStatement
      ? matchQualityStatement(first.headings.qualityStatement) ?? first.headings.qualityStatement
      : null;

  const fullTexts: Record<string, string> = {};
  for (const field of ['theme', 'area', 'qualityStatement'] as const) {
    const t = text(field);
    if (t) fullTexts[field] = t;
  }

  return {
    ref: text('ref'),
    theme: groupNames(rows, 'theme') ?? first.headings.theme,
    qualityStatement,
    area: groupNames(rows, 'area') ?? first.headings.area,
    action: text('action') ?? '',
    milestones,
    lead: text('lead'),
    timescale,
    dueDate: dueDate ?? null,
    status: statusValue,
    rag,
    progress,
    measures: text('measures'),
    outcomes: text('outcomes'),
    lastUpdated: firstCell(rows, 'lastUpdated')?.cell.date ?? null,
    source: { sheet, row: first.row },
    rows: rows.map((r) => r.row),
    cells,
    columns: [...fieldsPresent],
    statusText: statusRaw,
    ragText: ragRaw,
    groupTexts: fullTexts,
    timescaleKind: parsed.kind,
    errors: rows.flatMap((row) =>
      [...row.fields.entries()].flatMap(([field, list]) =>
        list.filter((c) => c.error && !(c.merge && c.merge.top < row.row)).map((c) => ({ field, cell: a1(row.row, c.col), value: c.error! })),
      ),
    ),
  };
}
