/**
 * repeatsHeader tells a header repeated further down a sheet (after a page break) from a data row. It normalises each
 * header's labels once and passes over texts too long to be a label without normalising them: neither may change an
 * answer. Checked against its plain definition (a cell counts where its text is at least 0.8 similar to its column's
 * label, or the label's part after ": ") on random rows: labels retyped with small changes, long texts, ampersands,
 * accents and empty cells.
 */
import fc from 'fast-check';
import { HeaderBlock, repeatsHeader } from '../src/engine/structure/columns';
import { isLegendCell } from '../src/engine/structure/boundaries';
import { similarity } from '../src/engine/text';
import { CellModel, SheetGrid } from '../src/engine/workbook';

function definedRepeats(grid: SheetGrid, row: number, header: HeaderBlock): boolean {
  const labels = new Map<number, string>();
  for (const c of grid.columnsShown(row)) {
    const t = grid.text(row, c);
    if (t && !isLegendCell(t)) labels.set(c, t);
  }
  if (labels.size < 2) return false;
  let same = 0;
  for (const col of header.columns) {
    const t = labels.get(col.col);
    if (!t) continue;
    const label = col.header.includes(': ') ? col.header.split(': ').pop()! : col.header;
    if (similarity(t, label) >= 0.8 || similarity(t, col.header) >= 0.8) same++;
  }
  return same >= 2 && same / labels.size >= 0.6;
}

const HEADERS = ['Ref', 'Action', 'Lead officer', 'Timescale', 'Progress: RAG', 'Status & update', 'Outcome(s)'];

test('a row repeats a header exactly when the plain definition says so', () => {
  const edit = fc.oneof(fc.constantFrom('', ' ', ':', '&', 'é', ' and'), fc.stringMatching(/^[a-z]{1,3}$/));
  // Each column's cell most often its own label retyped (cut short, a few letters added, in capitals), so that rows
  // near the line between a repeated header and a data row are common.
  const cellFor = (own: string) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 5, arbitrary: fc.tuple(edit, fc.boolean(), fc.nat(4)).map(([extra, upper, cut]) => `${(upper ? own.toUpperCase() : own).slice(0, Math.max(1, own.length - cut))}${extra}`) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      { weight: 1, arbitrary: fc.constantFrom('Review the arrangements for adult safeguarding referrals and report to the Board', 'RAG', 'Lead', 'A & B & C') },
    );
  fc.assert(
    fc.property(fc.tuple(...HEADERS.map(cellFor)), (texts) => {
      const header: HeaderBlock = { rows: [1], columns: HEADERS.map((h, i) => ({ col: i + 1, header: h, field: null, confidence: 1 })) };
      const cells: CellModel[] = HEADERS.map((h, i) => ({ row: 1, col: i + 1, value: { type: 'text', value: h } }));
      texts.forEach((t, i) => t !== null && cells.push({ row: 2, col: i + 1, value: { type: 'text', value: t } }));
      const grid = new SheetGrid({ name: 'Plan', cells, merges: [] });
      expect(repeatsHeader(grid, 2, header)).toBe(definedRepeats(grid, 2, header));
    }),
    { numRuns: 3000 },
  );
});
