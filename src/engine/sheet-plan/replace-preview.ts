/**
 * What a write is about to replace, for the officer to confirm first: each of the tool's sheets it deletes, and on
 * each the cells holding something the new version will not hold anywhere in the same column, which is what the
 * officer typed there since the tool wrote it (or what has changed in the plan since). A row that only moves is
 * not counted: its text is still in the column.
 *
 * Cells where the new version puts a formula are not compared: the formula's result is not known until Excel works
 * it out.
 */
import { a1, cellText, CellValue, WorkbookModel } from '../workbook';
import { LISTS_SHEET_NAME } from './plan-sheet';
import { PREVIOUS_VERSION_SHEET_NAME, previousVersionSize } from './previous-version';
import { PlanValue, SheetPlan, WorkbookPlan } from './types';

/** Cells listed per sheet; the count says how many there are in all. */
const SHOWN_PER_SHEET = 8;
const SHOWN_CHARS = 80;

export interface ChangedCell {
  /** A1 address, e.g. "F5". */
  cell: string;
  /** What the cell holds now (shortened to 80 characters). */
  text: string;
}

export interface ReplacedSheet {
  name: string;
  visible: boolean;
  /** Non-empty cells on the sheet now. */
  cells: number;
  /** False when the write removes the sheet without writing it again (its role moves to a new sheet). */
  rewritten: boolean;
  /** Cells whose content the new version does not hold; at most SHOWN_PER_SHEET of them. */
  changed: ChangedCell[];
  changedCount: number;
}

export interface ReplacePreview {
  /** The tool's sheets the write replaces, visible ones first (its internal lists sheet and copy left out). */
  sheets: ReplacedSheet[];
  /** Whether a copy of these sheets can be kept for "Restore the previous version" (false: too big). */
  copyKept: boolean;
}

function valueOf(value: PlanValue): CellValue | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'text':
      return { type: 'text', value: value.text };
    case 'number':
      return { type: 'number', value: value.value };
    case 'date':
      return { type: 'date', value: value.iso };
    case 'formula':
      return null;
  }
}

const shorten = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text);

function changedCells(current: WorkbookModel['sheets'][number], next: SheetPlan | undefined): ChangedCell[] {
  const columns = new Map<number, Set<string>>();
  const formulas = new Set<string>();
  next?.rows.forEach((row, r) =>
    row?.forEach((value, c) => {
      if (value?.kind === 'formula') formulas.add(`${r + 1}:${c + 1}`);
      const v = valueOf(value ?? null);
      if (!v) return;
      let texts = columns.get(c + 1);
      if (!texts) columns.set(c + 1, (texts = new Set()));
      texts.add(cellText(v).trim());
    }),
  );
  const changed: ChangedCell[] = [];
  for (const cell of current.cells) {
    const text = cellText(cell.value).trim();
    if (!text || formulas.has(`${cell.row}:${cell.col}`)) continue;
    if (columns.get(cell.col)?.has(text)) continue;
    changed.push({ cell: a1(cell.row, cell.col), text: shorten(text) });
  }
  return changed;
}

/** What writing `plan`, replacing the tool's sheets `owned`, would replace in `model`. */
export function replacementPreview(model: WorkbookModel, plan: WorkbookPlan, owned: readonly string[]): ReplacePreview {
  const replacing = new Set(owned.map((n) => n.toLowerCase()));
  const internal = new Set([LISTS_SHEET_NAME, PREVIOUS_VERSION_SHEET_NAME].map((n) => n.toLowerCase()));
  const sheets = model.sheets
    .filter((s) => replacing.has(s.name.toLowerCase()) && !internal.has(s.name.toLowerCase()))
    .map((s): ReplacedSheet => {
      const next = plan.sheets.find((p) => p.name.toLowerCase() === s.name.toLowerCase());
      const changed = changedCells(s, next);
      return {
        name: s.name,
        visible: (s.visibility ?? 'visible') === 'visible',
        cells: s.cells.filter((c) => cellText(c.value).trim()).length,
        rewritten: !!next,
        changed: changed.slice(0, SHOWN_PER_SHEET),
        changedCount: changed.length,
      };
    })
    .sort((a, b) => Number(b.visible) - Number(a.visible));
  return { sheets, copyKept: previousVersionSize(model, owned) !== null };
}
