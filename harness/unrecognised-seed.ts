/**
 * A workbook for the harness whose headers say nothing PlanAssure can read ("Alpha" … "Echo"), with two columns of
 * long text: no column is the action with confidence, so the pane has to ask the officer. Built here rather than in
 * seeds/, which holds councils' published plans.
 */
import type { CellModel, WorkbookModel } from '../src/engine/workbook';

export const UNRECOGNISED_SEED = 'unrecognised-headers';

export const UNRECOGNISED_HEADERS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];

export const UNRECOGNISED_ROWS: [string, string, string, string, string][] = [
  ['1', 'Recruit two more occupational therapists to cut the wait for an assessment', 'Jo Bloggs', '2026-03-31', 'Advert placed in January and interviews booked for February'],
  ['2', 'Publish a carers offer with the carers centre and review it with carers each quarter', 'Sam Patel', '2025-12-01', 'Draft shared with the carers forum, who asked for a plainer version'],
  ['3', 'Bring the annual review backlog under 200 people by moving reviews to localities', 'Alex Green', '2026-06-30', 'Backlog down from 640 to 410 since the localities started'],
];

export function unrecognisedModel(): WorkbookModel {
  const cells: CellModel[] = [{ row: 1, col: 1, value: { type: 'text', value: 'Our programme for the year' } }];
  UNRECOGNISED_HEADERS.forEach((h, i) => cells.push({ row: 3, col: i + 1, value: { type: 'text', value: h } }));
  UNRECOGNISED_ROWS.forEach((r, i) =>
    r.forEach((v, c) => cells.push(c === 3 ? { row: 4 + i, col: c + 1, value: { type: 'date', value: v }, numFmt: 'dd/mm/yyyy' } : { row: 4 + i, col: c + 1, value: { type: 'text', value: v } })),
  );
  return { sheets: [{ name: 'Programme', cells, merges: [] }] };
}
