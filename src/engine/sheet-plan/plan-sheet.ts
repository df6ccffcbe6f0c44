/**
 * The canonical "Plan" sheet, as a sheet plan: an Excel table with the schema's headers, dropdowns for status,
 * RAG and quality statement, a frozen header, wrapped long text and dd/mm/yyyy dates.
 */
import { PLAN_COLUMNS, QUALITY_STATEMENTS, Rag, RAGS, STATUSES } from '../schema';
import { ragFormat, statusFormat } from '../rag/rag-formats';
import { StructuredAction } from '../structure/types';
import { columnLetters } from '../workbook';
import { emptySheet, PlanValue, PlanValuePool, RowSource, rowNum, rowText, SheetPlan, StreamedSheet, streamedPlan, text } from './types';

export const PLAN_SHEET_NAME = 'Plan';
export const LISTS_SHEET_NAME = 'PlanAssure Lists';
export const PLAN_TABLE_NAME = 'PlanAssurePlan';
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Where each dropdown's values sit on the hidden lists sheet. */
const LISTS = [
  { header: 'Status', values: STATUSES },
  { header: 'RAG', values: RAGS },
  { header: 'Quality statement', values: QUALITY_STATEMENTS },
] as const;

function listSource(listsSheet: string, header: string): string {
  const index = LISTS.findIndex((l) => l.header === header);
  const col = columnLetters(index + 1);
  const count = LISTS[index].values.length;
  return `'${listsSheet}'!$${col}$2:$${col}$${count + 1}`;
}

/** The header of the lists sheet's ownership column: every reader of ownership looks for this cell. */
export const OWNED_LIST_HEADER = 'PlanAssure owned sheet';

/** The hidden sheet holding the dropdown lists and the names of the sheets the tool owns. */
export function listsSheet(name: string, owned: { name: string; role: string }[]): SheetPlan {
  const sheet = emptySheet(name);
  sheet.visibility = 'veryHidden';
  const height = Math.max(...LISTS.map((l) => l.values.length), owned.length) + 1;
  for (let r = 0; r < height; r++) {
    const row: PlanValue[] = LISTS.map((l) => (r === 0 ? text(l.header) : text(l.values[r - 1])));
    row.push(null, r === 0 ? text(OWNED_LIST_HEADER) : text(owned[r - 1]?.name), r === 0 ? text('Role') : text(owned[r - 1]?.role));
    sheet.rows.push(row);
  }
  sheet.columns = [20, 10, 44, 4, 28, 16].map((width) => ({ width }));
  return sheet;
}

function cellValue(action: StructuredAction, key: (typeof PLAN_COLUMNS)[number]['key'], kpiRag: Rag | null, rag: Rag | undefined, shared: PlanValuePool): PlanValue {
  switch (key) {
    case 'kpiRag':
      return shared.text(kpiRag);
    case 'dueDate':
      return shared.date(action.dueDate);
    case 'lastUpdated':
      return shared.date(action.lastUpdated);
    case 'status':
      return shared.text(action.status ?? action.statusText);
    case 'rag':
      return shared.text(rag ?? action.rag ?? action.ragText);
    case 'sourceSheet':
      return shared.text(action.source.sheet);
    case 'sourceRow':
      return rowNum(action.source.row);
    case 'theme':
    case 'qualityStatement':
    case 'lead':
    case 'timescale':
      return shared.text(action[key]);
    default:
      return rowText(action[key]);
  }
}

export interface PlanSheetOptions {
  /** Colour the Status, RAG and KPI RAG columns by rule (the board pack does; plain structuring does not). */
  ragColours?: boolean;
  /** Each action's linked KPIs' worst RAG, in action order (from the KPI ids or codes its measures cite). */
  kpiRags?: readonly (Rag | null)[];
  /**
   * The RAG to show for each action, in action order, in place of the one entered (the board pack shows the
   * effective RAG). Given alongside the actions rather than as copies of them: copying 10,000 actions cost more
   * than writing the sheet.
   */
  rags?: readonly Rag[];
}

export function planSheet(name: string, listsSheetName: string, actions: StructuredAction[], options: PlanSheetOptions = {}): SheetPlan {
  return streamedPlan(planSheetRows(name, listsSheetName, actions, options));
}

/** The Plan sheet with its rows made as they are written: a row per action, from the actions themselves. */
export function planSheetRows(name: string, listsSheetName: string, actions: StructuredAction[], options: PlanSheetOptions = {}): StreamedSheet {
  const sheet = emptySheet(name);
  const lastCol = columnLetters(PLAN_COLUMNS.length);
  const lastRow = actions.length + 1;
  sheet.columns = PLAN_COLUMNS.map((c) => ({
    width: c.width,
    wrap: c.kind === 'longtext',
    numFmt: c.kind === 'date' ? DATE_FORMAT : c.kind === 'integer' ? '0' : undefined,
  }));
  const shared = new PlanValuePool();
  const rows: RowSource = {
    count: actions.length + 1,
    at: (index) => {
      if (index === 0) return PLAN_COLUMNS.map((c) => rowText(c.header));
      const i = index - 1;
      return PLAN_COLUMNS.map((c) => cellValue(actions[i], c.key, options.kpiRags?.[i] ?? null, options.rags?.[i], shared));
    },
  };
  sheet.styles.push({ range: `A1:${lastCol}1`, bold: true, wrap: true, vertical: 'top' });
  PLAN_COLUMNS.forEach((c, i) => {
    if (c.kind === 'longtext' && actions.length) sheet.styles.push({ range: `${columnLetters(i + 1)}2:${columnLetters(i + 1)}${lastRow}`, wrap: true });
  });
  if (actions.length) sheet.table = { name: PLAN_TABLE_NAME, range: `A1:${lastCol}${lastRow}`, style: 'TableStyleLight9' };
  // Dropdowns reach beyond the last action so that rows the officer adds get them too.
  const validationEnd = Math.max(lastRow, 500);
  PLAN_COLUMNS.forEach((c, i) => {
    if (!c.list) return;
    const col = columnLetters(i + 1);
    sheet.validations.push({
      range: `${col}2:${col}${validationEnd}`,
      source: listSource(listsSheetName, c.header),
      message: `Choose a ${c.header.toLowerCase()} from the list.`,
    });
  });
  if (options.ragColours) {
    // Colour by rule over the same reach as the dropdowns, so rows the officer adds are coloured too.
    const column = (key: string) => columnLetters(PLAN_COLUMNS.findIndex((c) => c.key === key) + 1);
    sheet.conditionalFormats.push(statusFormat(`${column('status')}2:${column('status')}${validationEnd}`));
    sheet.conditionalFormats.push(ragFormat(`${column('rag')}2:${column('rag')}${validationEnd}`));
    sheet.conditionalFormats.push(ragFormat(`${column('kpiRag')}2:${column('kpiRag')}${validationEnd}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.page = { orientation: 'landscape', paper: 'A4', fitToWidth: 1, printTitleRows: '1:1' };
  return { plan: sheet, rows, fitHeightsFrom: 2 };
}

/** A sheet name the tool may use: its own name unless an officer's sheet already has it. */
export function ownedSheetName(preferred: string, existing: readonly string[], owned: readonly string[]): string {
  const taken = (n: string) => existing.some((e) => e.toLowerCase() === n.toLowerCase()) && !owned.some((o) => o.toLowerCase() === n.toLowerCase());
  if (!taken(preferred)) return preferred;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `PlanAssure ${preferred}` : `PlanAssure ${preferred} ${i}`;
    if (!taken(candidate)) return candidate.slice(0, 31);
  }
}
