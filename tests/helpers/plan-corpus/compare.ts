/**
 * Compares what the engine read with a layout's truth, as problems in words (empty when the reading is right):
 * actions missing, actions invented (phantoms), and wrong key fields on the actions found.
 */
import { StructuredAction } from '../../../src/engine/structure';
import { TruthAction } from './plan';

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
const short = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

const CHECKED = ['ref', 'lead', 'dueDate', 'status', 'rag'] as const;

export function readingProblems(truth: TruthAction[], actions: StructuredAction[]): string[] {
  const problems: string[] = [];
  const unmatched = [...actions];
  for (const want of truth) {
    const at = unmatched.findIndex((a) => a.source.sheet === want.sheet && tidy(a.action) === tidy(want.action));
    if (at === -1) {
      const glued = actions.find((a) => a.source.sheet === want.sheet && tidy(a.action).includes(tidy(want.action)));
      const elsewhere = actions.find((a) => tidy(a.action) === tidy(want.action));
      problems.push(
        `missing on "${want.sheet}": "${short(want.action)}"` +
          (glued ? ` (read with more text: "${short(tidy(glued.action))}")` : elsewhere ? ` (read on sheet "${elsewhere.source.sheet}")` : ''),
      );
      continue;
    }
    const [got] = unmatched.splice(at, 1);
    for (const field of CHECKED) {
      if (want[field] === undefined) continue;
      const value = got[field] ?? null;
      if (value !== want[field]) problems.push(`"${short(want.action)}": ${field} expected ${JSON.stringify(want[field])}, got ${JSON.stringify(value)}`);
    }
  }
  for (const extra of unmatched) problems.push(`phantom on "${extra.source.sheet}" row ${extra.source.row}: "${short(tidy(extra.action))}"`);
  return problems;
}
