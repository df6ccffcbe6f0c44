/**
 * Where each of an action's fields is in its source sheet, as an A1 address, worked out when asked: from the column
 * each field has under the action's header (shared by every action under it) and the action's first row. Only a
 * field whose cell is elsewhere (on a later row of the action, or placed afterwards, as a year heading's) is kept
 * as an address. Kept as an address for every field of every action, a 50,000-action plan held 300,000 short
 * strings and 50,000 maps of them to the end of the run, which the young-generation collector copied twice over.
 *
 * Made as an object literal, with its functions shared, rather than as a class instance: V8 can make an object
 * literal in the old generation from the start once it sees that what the literal makes lives on (as every action's
 * cells do to the end of the run), but never a class instance. As an instance, each action's cells were made young
 * and copied twice by the young-generation collector, and the action, already in the old generation, pointed at
 * them until they were.
 */
import { a1 } from '../workbook';
import type { ActionField } from './columns';

export interface ActionCells {
  /** The field's cell, or undefined where the sheet has no column for it (and none was placed). */
  get(field: ActionField): string | undefined;
  /** Whether the field has a cell (what get would give an address for), without making the address. */
  has(field: ActionField): boolean;
  /** Puts the field's cell at `address`. */
  place(field: ActionField, address: string): void;
  /** An independent copy (placing a cell in one leaves the other as it was). */
  copy(): ActionCells;
}

interface CellsState extends ActionCells {
  /** Fields whose cell is not on the action's first row in the field's column. */
  placed: Partial<Record<ActionField, string>> | null;
  readonly columns: ReadonlyMap<ActionField, number>;
  readonly row: number;
}

/** The cells of an action under a header whose columns hold `columns`, starting on `row`. */
export function actionCells(columns: ReadonlyMap<ActionField, number>, row: number, placed: CellsState['placed'] = null): ActionCells {
  const cells: CellsState = { placed, columns, row, get: cellOf, has: hasCell, place: placeCell, copy: copyCells };
  return cells;
}

function cellOf(this: CellsState, field: ActionField): string | undefined {
  const placed = this.placed?.[field];
  if (placed !== undefined) return placed;
  const col = this.columns.get(field);
  return col === undefined ? undefined : a1(this.row, col);
}

function hasCell(this: CellsState, field: ActionField): boolean {
  return this.placed?.[field] !== undefined || this.columns.has(field);
}

function placeCell(this: CellsState, field: ActionField, address: string): void {
  (this.placed ??= {})[field] = address;
}

function copyCells(this: CellsState): ActionCells {
  return actionCells(this.columns, this.row, this.placed && { ...this.placed });
}
