/**
 * Where each of an action's fields is in its source sheet, as an A1 address, worked out when asked: from the column
 * each field has under the action's header (shared by every action under it) and the action's first row. Only a
 * field whose cell is elsewhere (on a later row of the action, or placed afterwards, as a year heading's) is kept
 * as an address. Kept as an address for every field of every action, a 50,000-action plan held 300,000 short
 * strings and 50,000 maps of them to the end of the run, which the young-generation collector copied twice over.
 */
import { a1 } from '../workbook';
import type { ActionField } from './columns';

export class ActionCells {
  /** Fields whose cell is not on the action's first row in the field's column. */
  private placed: Partial<Record<ActionField, string>> | null = null;

  constructor(
    private readonly columns: ReadonlyMap<ActionField, number>,
    private readonly row: number,
  ) {}

  /** The field's cell, or undefined where the sheet has no column for it (and none was placed). */
  get(field: ActionField): string | undefined {
    const placed = this.placed?.[field];
    if (placed !== undefined) return placed;
    const col = this.columns.get(field);
    return col === undefined ? undefined : a1(this.row, col);
  }

  /** Whether the field has a cell (what get would give an address for), without making the address. */
  has(field: ActionField): boolean {
    return this.placed?.[field] !== undefined || this.columns.has(field);
  }

  /** Puts the field's cell at `address`. */
  place(field: ActionField, address: string): void {
    (this.placed ??= {})[field] = address;
  }

  /** An independent copy (placing a cell in one leaves the other as it was). */
  copy(): ActionCells {
    const copy = new ActionCells(this.columns, this.row);
    if (this.placed) copy.placed = { ...this.placed };
    return copy;
  }
}
