/**
 * Compares what the engine read with a layout's truth, as problems in words (empty when the reading is right):
 * actions missing, actions invented (phantoms), and wrong key fields on the actions found.
 */
import { StructureResult, StructuredAction } from '../../../src/engine/structure';
import { LayoutPlan, TruthAction } from './plan';
import { CorpusRole } from './roles';

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

/** The engine fields a corpus column may rightly be read as; roles not listed (notes, spacers) may be read as anything. */
function acceptedFields(role: CorpusRole, tableHasAction: boolean): readonly string[] | null {
  switch (role) {
    case 'recommendation':
      return tableHasAction ? ['area', 'theme'] : ['action'];
    case 'theme':
      return ['theme', 'area'];
    case 'timescale':
      return ['timescale', 'dueDate'];
    case 'notes':
    case 'spacer':
    case 'progress':
    case 'measures':
    case 'outcomes':
      return null;
    default:
      return [role];
  }
}

const letter = (col: number): string => {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
};

/**
 * For a failed reading, how the first table of each sheet was mapped where it matters: "column C \"Owner(s)\" read
 * as nothing, is lead". Said only alongside other problems, to route the failure; never a failure by itself.
 */
export function columnDiagnosis(plan: LayoutPlan, result: StructureResult): string[] {
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    const table = sheet.tables[0];
    if (!table) continue;
    const layout = result.sheets.find((s) => s.sheet === sheet.name);
    if (!layout || layout.role !== 'plan') {
      out.push(`sheet "${sheet.name}": no plan table found (${layout?.role ?? 'not read'})`);
      continue;
    }
    const hasAction = table.columns.some((c) => c.role === 'action');
    table.columns.forEach((column, i) => {
      const accepted = acceptedFields(column.role, hasAction);
      if (!accepted) return;
      const col = (table.firstCol ?? 1) + i;
      const read = layout.columns.find((m) => m.col === col)?.field ?? null;
      if (!read || !accepted.includes(read)) out.push(`sheet "${sheet.name}" column ${letter(col)} "${column.header.replace(/\n/g, ' ')}": read as ${read ?? 'nothing'}, is ${accepted[0]}`);
    });
  }
  return out;
}
