/**
 * ActionCells works out an action's cell addresses from its header's columns and its first row, keeping only the
 * cells that are elsewhere: what it gives must be what a map of every address would have held.
 */
import { actionCells } from '../src/engine/structure/action-cells';
import type { ActionField } from '../src/engine/structure/columns';

describe('actionCells', () => {
  const columns = new Map<ActionField, number>([
    ['ref', 1],
    ['action', 2],
    ['lead', 4],
    ['progress', 28],
  ]);

  it('gives each field its column on the action’s first row, and nothing for a field with no column', () => {
    const cells = actionCells(columns, 12);
    expect(cells.get('ref')).toBe('A12');
    expect(cells.get('action')).toBe('B12');
    expect(cells.get('lead')).toBe('D12');
    expect(cells.get('progress')).toBe('AB12');
    expect(cells.get('status')).toBeUndefined();
  });

  it('says a field has a cell exactly when get gives it one', () => {
    const cells = actionCells(columns, 12);
    cells.place('timescale', 'A3');
    for (const field of ['ref', 'action', 'lead', 'progress', 'status', 'timescale', 'dueDate'] as ActionField[]) {
      expect(cells.has(field)).toBe(cells.get(field) !== undefined);
    }
    expect(cells.has('timescale')).toBe(true);
    expect(cells.has('status')).toBe(false);
  });

  it('gives a placed cell instead, for a field with a column or without one', () => {
    const cells = actionCells(columns, 12);
    cells.place('lead', 'D14');
    cells.place('timescale', 'A3');
    expect(cells.get('lead')).toBe('D14');
    expect(cells.get('timescale')).toBe('A3');
  });

  it('copies independently: placing a cell in the copy leaves the original, and the reverse', () => {
    const original = actionCells(columns, 5);
    original.place('lead', 'D6');
    const copy = original.copy();
    copy.place('action', 'B7');
    original.place('ref', 'A9');
    expect([copy.get('lead'), copy.get('action'), copy.get('ref')]).toEqual(['D6', 'B7', 'A5']);
    expect([original.get('lead'), original.get('action'), original.get('ref')]).toEqual(['D6', 'B5', 'A9']);
  });
});
