/**
 * THE SCORECARD CORPUS: the acceptance test for reading real KPI scorecards (issue 19, deliverable 8).
 *
 * Why: the tool was built and tested on one example (a KPI register plus a long "KPI ID | Period | Numerator |
 * Denominator | Value" sheet). Published council scorecards look nothing like it, and on three of them the tool got
 * 32%, 17% and 0% of the KPI fields right. This corpus holds layouts as councils actually keep them, each with the
 * answer worked out independently, so the reading rules can be judged on scorecards they were not written for.
 *
 * How it is made (one module per job):
 *  - catalogue.ts  realistic ASC measures: ASCOF in both numberings (pre-2023 1A–4B and the 2023+ set, codes, units and
 *                  polarity from /work/shared/domain.md and src/engine/ascof.ts), old National Indicators and
 *                  councils' own measures, each saying whether its words alone show its polarity;
 *  - periods.ts    financial years, quarters and months, with the header spellings councils use ("2022/23 outturn",
 *                  "2023/24 provisional", "Q1 24/25", "Qtr 2", "Jul–Sep 2024", "Sep-25", "September 2025", dates …);
 *  - series.ts     seeded value series and targets, so each layout holds Green, Amber, Red and moving-away KPIs;
 *  - cells.ts      figures as officers type them: numbers, fractions with a % format, "1,234", "45.2%", "£1.2m",
 *                  "12.5 days", and suppression markers ("*", "<5", "n/a", "-", "[c]");
 *  - scorecard.ts  layout transforms: wide (periods across), long (a row per KPI and period) and transposed (periods
 *                  down rows, KPIs across); title blocks, notes, sections, ids in their own column under any header,
 *                  at the start of the name cell, or absent; target, polarity, unit, RAG and trend columns; year bands;
 *  - truth.ts      the answer per KPI by the documented rules (README, src/engine/kpi/compute.ts), re-stated rather
 *                  than imported: latest and previous by real time up to the reporting period, direction by polarity,
 *                  RAG with the 5% tolerance, Grey when the reporting period has no figure;
 *  - layouts.ts    the layouts themselves (at least 25), each tagged with the features it covers;
 *  - xlsx.ts       a real .xlsx writer (ExcelJS) and an in-memory model for the property tests.
 *
 * What the truth says it cannot know: a KPI's polarity when the sheet gives no polarity column, no framework code,
 * no telling words (delays, waits, complaints, "not in …", re-referrals; satisfaction, "still at home", "receiving …")
 * and no target set against a baseline. Then the tool must mark it unsure (polarityEvidence 'unsure') and ask, not
 * guess. Where the truth knows the polarity it asserts the value, not the kind of evidence.
 *
 * Rules of the corpus: figures are whole or one-decimal values as councils show them; targets are round numbers; no
 * latest value sits on the 5% amber edge (a float coin-toss, not a test of the rule); the reporting period is the latest
 * period with any figure unless the layout has a "Plan Settings" sheet (needed for "This period", "Last period").
 * Everything is seeded by the layout's key, so a failure reproduces exactly.
 */
import { seededRng, seedOf } from './series';
import { buildLayout, BuiltLayout } from './scorecard';
import { LAYOUTS } from './layouts';

export { LAYOUTS } from './layouts';
export { buildLayout } from './scorecard';
export type { BuiltLayout, Feature, KpiPlan, LayoutSpec } from './scorecard';
export type { KpiTruth } from './truth';
export { MEASURES } from './catalogue';
export { writeXlsx, toModel } from './xlsx';

export function buildCorpus(): BuiltLayout[] {
  return LAYOUTS.map((spec) => buildLayout(spec, seededRng(seedOf(spec.key))));
}
