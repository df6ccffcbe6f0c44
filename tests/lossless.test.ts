/**
 * Nothing lost: the text of every non-empty cell of every seed workbook appears in the structured output.
 * Cells of action rows must appear in the actions' fields; titles, headings, header and note rows in the
 * layout the engine reports (titles, section headings, column headers, notes).
 */
import * as path from 'node:path';
import { loadSeedPlans, SEED_DIR, SeedPlan } from '../scripts/seed-data';
import { structureWorkbook } from '../src/engine/structure';
import { cellText, SheetGrid, WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { TODAY } from './helpers/seeds';

const plans = loadSeedPlans();

function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

describe.each(plans.map((p) => [p.id, p] as [string, SeedPlan]))('%s', (_id, plan) => {
  let model: WorkbookModel;
  beforeAll(async () => {
    model = await readWorkbook(path.join(SEED_DIR, plan.file));
  });

  test('every non-empty source cell appears in some field of the output', () => {
    const result = structureWorkbook(model, { today: TODAY, planStart: plan.planStart });
    const textOf = (a: (typeof result.actions)[number]) =>
      words(
        [a.ref, a.theme, a.qualityStatement, a.area, a.action, a.milestones, a.lead, a.timescale, a.statusText, a.ragText, a.progress, a.measures, a.outcomes, ...Object.values(a.groupTexts)]
          .filter(Boolean)
          .join(' | '),
      );
    const lost: string[] = [];
    let checked = 0;
    for (const sheet of model.sheets) {
      const layout = result.sheets.find((s) => s.sheet === sheet.name)!;
      // Sheets that hold no plan table are not structured; they stay in the workbook as they are.
      if (layout.role !== 'plan') continue;
      const markerLabels = new Map(layout.columns.filter((c) => c.field === 'marker').map((c) => [c.col, c.header.split(': ').pop()!]));
      const layoutText = words(
        [
          ...layout.titles.map((t) => t.text),
          ...layout.notes.map((t) => t.text),
          ...layout.sections.map((t) => t.text),
          ...layout.columns.map((c) => c.header),
        ].join(' | '),
      );
      const grid = new SheetGrid(sheet);
      for (const cell of sheet.cells) {
        const text = words(cellText(cell.value));
        if (!text || cell.value.type === 'date') continue;
        checked++;
        // Header rows repeated at page breaks carry the same labels as the first header.
        const headerRow = layout.repeatedHeaders.includes(cell.row) || layout.headerRows.includes(cell.row);
        const label = markerLabels.get(cell.col);
        if (label && !headerRow) {
          // A quarter marker (●) is kept as its column's label in the action's timescale.
          const owner = result.actions.find((a) => a.source.sheet === sheet.name && a.rows.includes(cell.row));
          if (!owner?.timescale?.split(', ').includes(label)) lost.push(`${sheet.name}!${cell.row}:${cell.col} marker ${label}`);
          continue;
        }
        // The action the cell belongs to; a cell merged down over several rows belongs to every action there.
        const merge = grid.merge(cell.row, cell.col);
        const owners = result.actions.filter(
          (a) => a.source.sheet === sheet.name && a.rows.some((r) => r === cell.row || (merge !== undefined && r >= merge.top && r <= merge.bottom)),
        );
        // A cell holding two named actions is split between them: together, in order, they hold it.
        const splitCell = () => owners.length > 1 && words(owners.map((a) => a.action).join('\n')).includes(text);
        const found = owners.length ? owners.every((a) => textOf(a).includes(text)) || splitCell() : layoutText.includes(text);
        if (!found && !headerRow) lost.push(`${sheet.name}!${cell.row}:${cell.col} "${text.slice(0, 60)}"`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(lost).toEqual([]);
  });
});
