/**
 * The pane's column review for KPI sheets (src/taskpane/column-review.ts), without a browser: a sheet that looks
 * like a scorecard but could not be read is offered from nothing with KPI roles (never the plan's), starting from
 * what its headers suggest; the officer's role words become the engine's KPI overrides; and what they confirm is
 * saved as the same Plan Settings rows the command line writes.
 */
import { unreadScorecardModel, UNREAD_SCORECARD_HEADERS } from '../harness/unread-scorecard-seed';
import { unrecognisedModel } from '../harness/unrecognised-seed';
import { analyse } from '../src/taskpane/engine-bridge';
import { kpiOverrides, mappingReview, mappingToSave, sheetReady } from '../src/taskpane/column-review';
import { EMPTY_SETTINGS } from '../src/taskpane/settings';

const TODAY = '2026-01-15';
const WORDS = { Tracker: { 1: 'id', 2: 'name', 3: 'period: Jun 2025', 4: 'period: Jul 2025', 5: 'target' } };

describe('a sheet that looks like a scorecard but could not be read', () => {
  const model = unreadScorecardModel();
  const first = analyse(model, { today: TODAY, settings: EMPTY_SETTINGS });
  const [review] = mappingReview(first.result, model, first.period?.label);

  it('is offered from nothing with KPI roles, each column with its header and first values', () => {
    expect([review.kind, review.found, review.headerRows]).toEqual(['kpi', false, [3]]);
    expect(review.columns.map((c) => c.header)).toEqual(UNREAD_SCORECARD_HEADERS);
    expect(review.columns[1].samples).toHaveLength(3);
    expect(review.choices.map((c) => c.label)).toEqual(expect.arrayContaining(['KPI name', 'Target', 'Figures for Jun 2025', 'Figures for Q3 2025/26']));
    expect(review.choices.map((c) => c.field)).not.toContain('action');
    expect(review.columns.every((c) => c.candidates.length === 0)).toBe(true);
  });

  it('starts from what the headers suggest: the month columns hold figures for their month', () => {
    expect(review.columns.map((c) => c.field)).toEqual([null, null, 'period: Jun 2025', 'period: Jul 2025', null]);
  });

  it('is ready only once a column names the KPIs', () => {
    expect(sheetReady(review, review.columns.map((c) => c.field))).toBe(false);
    expect(sheetReady(review, ['name', null])).toBe(true);
    expect(sheetReady(review, ['id'])).toBe(true);
    expect(sheetReady(review, ['action'])).toBe(false);
  });

  it('the officer\'s role words read the KPIs, and are saved as the command line saves them', () => {
    expect(kpiOverrides(WORDS).Tracker[2]).toBe('name');
    expect(kpiOverrides({ Tracker: { 1: 'not a role', 2: null } })).toEqual({ Tracker: { 2: null } });
    const again = analyse(model, { today: TODAY, settings: EMPTY_SETTINGS, kpiColumns: WORDS, kpiHeaderRows: { Tracker: 3 } });
    expect(again.result.kpis.map((k) => k.id)).toEqual(['T1', 'T2', 'T3']);
    const edit = mappingToSave(model, again.result, {}, WORDS)!;
    expect(edit.rows.slice(1).map((r) => r.values.slice(0, 2))).toEqual(UNREAD_SCORECARD_HEADERS.map((_, i) => [`Column: Tracker!${String.fromCharCode(65 + i)}3`, Object.values(WORDS.Tracker)[i]]));
    const [after] = mappingReview(again.result, model, again.period?.label);
    expect([after.kind, after.found, after.columns.map((c) => c.confidence)]).toEqual(['kpi', true, [1, 1, 1, 1, 1]]);
  });
});

test('a sheet that does not look like a scorecard is still offered as a plan from nothing', () => {
  const model = unrecognisedModel();
  const { result } = analyse(model, { today: TODAY, settings: EMPTY_SETTINGS });
  expect(mappingReview(result, model).map((r) => [r.kind, r.found])).toEqual([['plan', false]]);
});
