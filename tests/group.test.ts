import { addToGroup } from '../src/engine/group';

describe('addToGroup', () => {
  it('keeps every item under its key, in the order added, in one list per key', () => {
    const groups = new Map<string, number[]>();
    ['a', 'b', 'a', 'a', 'c', 'b'].forEach((key, i) => addToGroup(groups, key, i));
    expect([...groups]).toEqual([
      ['a', [0, 2, 3]],
      ['b', [1, 5]],
      ['c', [4]],
    ]);
  });

  it('adds to the same list rather than copying it, so grouping 200,000 items under one key stays linear', () => {
    const groups = new Map<string, number[]>();
    addToGroup(groups, 'sheet', 0);
    const first = groups.get('sheet');
    for (let i = 1; i < 200_000; i++) addToGroup(groups, 'sheet', i);
    expect(groups.get('sheet')).toBe(first);
    expect(first).toHaveLength(200_000);
  });
});
