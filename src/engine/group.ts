/**
 * Adds an item to its key's list, creating the list the first time. Pushing in place keeps grouping linear: copying
 * the list for every item added (`[...list, item]`) is quadratic in the items that share a key, which on a long
 * sheet (a settings sheet of thousands of saved columns, say) is minutes of copying and a heap of garbage.
 */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, item: V): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}
