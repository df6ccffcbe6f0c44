/**
 * Refs for actions the officer gave none: numbers in plan order (1, 2, 3 …, counting only the actions without a
 * ref, across the sheets in workbook order), skipping any number an officer's ref already uses. The same plan
 * always gets the same refs, so an action keeps its ref from one run to the next while the plan is unchanged.
 * Each such action is marked `refGenerated`, so that messages about it still name it by its row and words (the
 * officer's sheet does not show the generated ref) and the missing-ref note can say which ref it was given.
 */
import { normalise } from '../text';
import { StructuredAction } from './types';

export function generateRefs(actions: StructuredAction[]): void {
  let used: Set<string> | null = null;
  let next = 1;
  for (const a of actions) {
    if (a.ref) continue;
    used ??= officerRefs(actions);
    while (used.has(String(next))) next++;
    a.ref = String(next++);
    a.refGenerated = true;
  }
}

/** Every ref the officer wrote, including those of cross-reference rows folded into other actions ("15.1": "See 12.1"). */
function officerRefs(actions: StructuredAction[]): Set<string> {
  const used = new Set<string>();
  for (const a of actions) {
    if (a.ref) used.add(normalise(a.ref));
    for (const linked of a.linked ?? []) if (linked.ref) used.add(normalise(linked.ref));
  }
  return used;
}
