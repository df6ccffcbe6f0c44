/** The helpers the proxies share: argument checks, matrices, and the workbook state and context of the sync that is running. */
import { cellCount, formatRect, Rect } from '../excel/address';
import { quoteSheet } from '../engine/workbook';
import { SimClientObject } from './context';
import { invalidArgument, SimulatorError } from './errors';
import { liveSheets, SimSheet, SimWorkbookState } from './state';
import { SimRequestContext } from './request-context';

export const ctxOf = (o: SimClientObject): SimRequestContext => o.context as SimRequestContext;
export const q = (s: string) => JSON.stringify(s);

export function checkSheetName(state: SimWorkbookState, name: string, except?: SimSheet): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw invalidArgument(`"${name}" is not a valid sheet name.`);
  }
  if (liveSheets(state).some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new SimulatorError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (sheet "${name}")`);
  }
}

export function findSheet(state: SimWorkbookState, key: string): SimSheet | null {
  return liveSheets(state).find((s) => s.name.toLowerCase() === key.toLowerCase() || s.id === key) ?? null;
}

/** The sheets by position (the order of the tabs), optionally the visible ones only. */
export function sheetsInOrder(state: SimWorkbookState, visibleOnly: boolean): SimSheet[] {
  return liveSheets(state).filter((s) => !visibleOnly || s.visibility === 'Visible');
}

export function activeSheet(state: SimWorkbookState): SimSheet {
  const live = liveSheets(state);
  return live.find((s) => s.id === state.activeSheetId) ?? live.find((s) => s.visibility === 'Visible') ?? live[0];
}

export type RangeTarget = { sheet: SimSheet; rect: Rect };

// Sheets do not point back at their workbook; the running context registers it for the property setters above.
export let currentState: SimWorkbookState | null = null;
export function _setCurrentState(state: SimWorkbookState): void {
  currentState = state;
}
export function findState(sheet: SimSheet): SimWorkbookState | null {
  return currentState && currentState.sheets.includes(sheet) ? currentState : null;
}
export function sheetPosition(sheet: SimSheet): number {
  return currentState ? liveSheets(currentState).indexOf(sheet) : 0;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matrix<V>(rect: Rect, fn: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(fn(rect.row + r, rect.col + c));
    out.push(line);
  }
  return out;
}

export function guardLoad(ctx: SimRequestContext, rect: Rect, what: string): void {
  if (cellCount(rect) > ctx.host.limits.maxLoadCells) {
    throw new SimulatorError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${what} of ${formatRect(rect)}: ${cellCount(rect)} cells).`);
  }
}

export function checkMatrix(value: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(value) || value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${formatRect(rect)} is ${rect.rows}×${rect.cols}).`);
  }
  return value as unknown[][];
}

export function address(t: RangeTarget): string {
  return `${quoteSheet(t.sheet.name)}!${formatRect(t.rect)}`;
}

// The context running the current sync, for guards inside property getters.
export let currentContext: SimRequestContext | null = null;
export function _setCurrentContext(ctx: SimRequestContext | null): void {
  currentContext = ctx;
}

export function colour(value: unknown): string {
  const text = String(value);
  if (!/^#[0-9a-fA-F]{6}$/.test(text)) throw invalidArgument(`"${text}" is not a colour: use #RRGGBB.`);
  return text.toUpperCase();
}
