/**
 * A workbook for the harness holding only a KPI scorecard whose headers PlanAssure cannot read on its own: figures
 * under month headings, but nothing heading the KPIs' names or ids ("Item", "Service"). It looks like a scorecard,
 * so the pane says so and offers its columns with KPI roles. Built here rather than in seeds/, which holds
 * councils' published plans.
 */
import type { CellModel, WorkbookModel } from '../src/engine/workbook';

export const UNREAD_SCORECARD_SEED = 'unread-scorecard';

export const UNREAD_SCORECARD_HEADERS = ['Item', 'Service', 'Jun-25', 'Jul-25', 'Aspiration'];

export const UNREAD_SCORECARD_ROWS: [string, string, number, number, number][] = [
  ['T1', 'Care packages started on the agreed date (%)', 88, 91, 95],
  ['T2', 'People waiting over 28 days for an assessment', 140, 118, 100],
  ['T3', 'Carers given a break in the quarter', 310, 335, 300],
];

export function unreadScorecardModel(): WorkbookModel {
  const cells: CellModel[] = [{ row: 1, col: 1, value: { type: 'text', value: 'Weekly tracker' } }];
  UNREAD_SCORECARD_HEADERS.forEach((h, i) => cells.push({ row: 3, col: i + 1, value: { type: 'text', value: h } }));
  UNREAD_SCORECARD_ROWS.forEach((r, i) =>
    r.forEach((v, c) => cells.push({ row: 4 + i, col: c + 1, value: typeof v === 'number' ? { type: 'number', value: v } : { type: 'text', value: v } })),
  );
  return { sheets: [{ name: 'Tracker', cells, merges: [] }] };
}
