/**
 * Two named actions in one cell. Some plans put two actions, each a label and its bullets, in one action cell:
 *
 *   Enhance consistency in assessments:
 *   • Standardise Care Act assessment forms …
 *   • Provide additional training …
 *   Allocate workers for continuity:
 *   • Move to an agile allocated worker model …
 *
 * Each "Label:" with its bullets is an action of its own; the row's other fields (lead, timescale, measures …) are
 * shared by both. A cell that is one label with bullets stays one action, and so does any cell with a line that is
 * neither a label nor a bullet (prose, a sentence ending in a colon and going on): only a cell made wholly of two or
 * more label-and-bullets blocks is split.
 */
import { StructuredAction } from './types';

const BULLET = /^(?:[•●▪◦‣∙·*\-–—]|o\s|\d+[.)]\s|[a-z][.)]\s)/;

/**
 * A short line ending in a colon that is not itself a bullet: a name for the bullets below it ("Reduce discharge
 * delays:"), not a sentence that runs on into them ("This will be co-produced with the board and reported:").
 */
function isLabel(line: string): boolean {
  return line.endsWith(':') && !BULLET.test(line) && line.length <= 60 && line.split(/\s+/).length <= 8;
}

/** The cell's label-and-bullets blocks, or null unless the cell is wholly two or more of them. */
export function namedActionBlocks(text: string): string[] | null {
  // Quick test first: a cell with fewer than two lines ending in a colon cannot be two named actions.
  if ((text.match(/:\s*(\n|$)/g) ?? []).length < 2) return null;
  const blocks: string[][] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (isLabel(line)) blocks.push([line]);
    else if (BULLET.test(line) && blocks.length) blocks[blocks.length - 1].push(line);
    else return null;
  }
  if (blocks.length < 2 || blocks.some((b) => b.length < 2)) return null;
  return blocks.map((b) => b.join('\n'));
}

/**
 * The action as it stands, or one action per named block of its action cell. Parts of an action with a ref of its
 * own get the ref with a letter ("3.1a", "3.1b"), so that each can be told apart and none repeats another's ref.
 */
export function splitNamedActions(action: StructuredAction): StructuredAction[] {
  const blocks = namedActionBlocks(action.action);
  if (!blocks) return [action];
  return blocks.map((text, i) => ({
    ...action,
    ref: action.ref ? `${action.ref}${String.fromCharCode(97 + i)}` : null,
    action: text,
    rows: [...action.rows],
    cells: action.cells.copy(),
    columns: [...action.columns],
    errors: [...action.errors],
    groupTexts: { ...action.groupTexts },
    split: { part: i + 1, of: blocks.length, cellText: action.action },
  }));
}
