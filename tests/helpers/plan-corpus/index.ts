/**
 * The plan-layout corpus: plans laid out as councils we have never met might lay them out, each with its truth.
 *
 * WHY. Every real plan is unseen. The seeds taught the engine five councils' headers; this corpus asks whether
 * the reading holds for a sixth. It is the acceptance test for reading column roles (issue 14 deliverable 1),
 * finding where tables start and end (deliverable 2) and plans with no refs or inspection recommendations
 * (deliverable 3).
 *
 * PARTS (one module each):
 * - roles.ts: the role vocabulary. Header wordings per role in three styles (plain: "Our commitments",
 *   "Owner(s)", "Completion by"; question: "Who leads?", "When by?"; abbreviated: "Resp.", "Tgt date",
 *   "Exp. outcome"), and group labels ("Delivery", "Monitoring", "Position at 30 September 2025"). No wording is,
 *   after normalising, a seed header or a phrase in the engine's FIELD_SYNONYMS as they were before issue 14
 *   (seed-phrases.ts keeps that list frozen); the corpus test checks every header actually written against both.
 * - content.ts: realistic ASC content. Commitments as actions, recommendations and findings, leads (job titles,
 *   names with titles, two names), themes, progress, measures, outcomes, notes; timescales as real date cells,
 *   "31/03/2026", "March 2026", "End Sept 2026", "Dec-26", "Q3 2025/26", "2025/26", "Ongoing", "TBC"; statuses
 *   and RAGs in varied words ("Underway", "Behind schedule", "G", "AMBER") with fills.
 * - decorations.ts: what is not an action: title blocks (incl. a "Prepared by … Last updated" row of several
 *   cells), legends ("Status key" block, RAG legend with coloured cells, a row of coloured key cells, the one-line
 *   "Status key: On track / At risk / Off track / Complete"), sign-off and version lines (incl. a "Signed off by:
 *   … Date: …" row of several cells), page footers (page numbers, marking, a lone date cell, a print line).
 * - side-tables.ts: tables that are not plans: a guidance table ("Column" / "What to put in it") and a version
 *   history (version, date, author, changes), on their own sheets or below the plan.
 * - build.ts: lays a plan out and records the truth as it writes each action row; draft.ts holds the cells,
 *   merges and widths until xlsx.ts writes them; random.ts is the seeded source that makes every build repeatable.
 * - catalogue.ts: the named layouts, one per thing to test; random-layout.ts: random layouts from the same parts.
 * - xlsx.ts: writes the layout as a real .xlsx (ExcelJS), which the test reads back through src/xlsx.
 * - plain-variant.ts: each layout's control (the same content under plain headers, one table a sheet, nothing
 *   around it: shows the truth is sound), and the layout under plain headers (isolates table boundaries from
 *   column roles, so a failure can be routed);
 * - compare.ts: compares the engine's reading with the truth, as a list of problems in words; on a failure it
 *   adds how each sheet's columns were read ("column C \"Owner(s)\": read as nothing, is lead"), for routing.
 *
 * TRANSFORMS AND WHAT EACH COVERS:
 * - column order shuffled (lead or status before the action, ref last, action last, progress left of the
 *   action): roles must come from the header's meaning, the column's content and position, not a fixed order;
 * - question-word and abbreviated headers: header words by stem, not whole phrases;
 * - merged group headers over sub-headers (two header rows): the sub-header names the role;
 * - legends above, below and beside the table, page footers, a date two rows under the table, sign-off lines:
 *   none is an action, and none is glued onto the last action or heading;
 * - notes columns and blank spacer columns: not the action, and do not break the table;
 * - two tables on one sheet (with and without captions): each read on its own;
 * - plans split over sheets, with a cover sheet and a key sheet: every plan sheet read, the others give nothing;
 * - theme heading rows (merged, or bold in the first column) and theme columns (merged down, first row only):
 *   headings are not actions;
 * - inspection plans: a recommendation column with no action column is the action; a recommendation merged
 *   over several responses makes the responses the actions;
 * - milestones: checkpoints one a row under an action that spans the rows (merged down, or on its first row
 *   only), or listed in one cell: the rows below are the same action, not new ones;
 * - a ref column with no header at all (the refs speak for it);
 * - headers broken over two lines, and headers with hints ("Target (dd/mm/yyyy or quarter)");
 * - guidance and version-history tables (on their own sheets or below the plan): no actions in them;
 * - plans with no refs; refs as 1.1, T2.4, R3, a/b/c, ASC-01, and 1, 2, 3 held as numbers;
 * - a longer plan (40 actions), so that reading by content sees a real spread of values.
 *
 * TRUTH. An action is what the builder wrote as one: one row, or several rows with one checkpoint each. Its text
 * is the whole commitment cell ("We will …", bullet lines and all) or, with no action column, the recommendation
 * cell. Checked for each: found, by its exact text (white space tidied) on its sheet (so a key line glued onto it
 * fails); no action read that is not in the truth (phantoms); ref when the table has refs; lead as
 * written when there is a lead column; status (canonical) when there is a status column; RAG (canonical) when
 * there is a RAG column; the due date when there is a timescale column: the date a real date cell holds, or the
 * last day of the month, financial-year quarter or financial year named (Q3 2025/26 → 31/12/2025, 2025/26 →
 * 31/03/2026), and none for "Ongoing" and "TBC" (unchecked when dated checkpoints sit beside them: ambiguous).
 * Plan start is 1 April 2025. Everything else (themes, progress, generated refs) is left to the seeds' own tests.
 *
 * THE TEST (tests/structure-corpus.test.ts), four groups: the corpus itself (size, vocabulary unlike the seeds,
 * repeatable builds) with one control per layout; each named layout as its own test; each named layout under
 * plain headers; and fast-check properties over random layouts (fixed seed; PLAN_CORPUS_SEED explores others).
 */
export { buildLayout } from './build';
export type { BuiltLayout } from './build';
export { CATALOGUE } from './catalogue';
export { columnDiagnosis, readingProblems } from './compare';
export { plainVariant, withPlainHeaders } from './plain-variant';
export { layoutFromChoices, OPTIONAL_ROLES } from './random-layout';
export type { LayoutChoices } from './random-layout';
export { allWordings, ROLE_WORDINGS } from './roles';
export { writeDraft } from './xlsx';
export { REF_STYLES } from './content';
export { PRE_ISSUE_14_HEADER_PHRASES } from './seed-phrases';
export * from './plan';
