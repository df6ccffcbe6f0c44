/**
 * Generated Dudley-like plans of any size, built as a WorkbookModel directly: title rows merged across the table,
 * a header row, a merged bold section heading every ten actions, and action rows of ref, action, lead, timescale,
 * progress and outcome, with text of the lengths the Dudley plan has (the sentences vary, so no two rows match).
 */
import { CellModel, MergedArea, WorkbookModel } from '../../src/engine/workbook';

const VERBS = ['Review', 'Strengthen', 'Improve', 'Audit', 'Embed', 'Publish', 'Extend', 'Monitor'];
const AREAS = ['safeguarding arrangements', 'carers assessments', 'direct payments uptake', 'reablement capacity', 'hospital discharge', 'quality assurance of care homes'];
const LEADS = ['Head of Safeguarding - AH', 'Assistant Director Adult Social Care - RC', 'Commissioning Unit', 'Head of HR Learning and Development - AP'];
const WHEN = ['End March 2010', 'December 2009', 'June 2010', 'Commenced and ongoing', 'End October 2009'];

export function dudleyLikePlan(actions: number): WorkbookModel {
  const cells: CellModel[] = [];
  const merges: MergedArea[] = [];
  const text = (row: number, col: number, value: string, bold = false) => cells.push({ row, col, value: { type: 'text', value }, ...(bold ? { bold } : {}) });
  text(1, 1, 'DUDLEY MBC DACHS', true);
  text(2, 1, 'CQC ADULT SOCIAL CARE INSPECTION – GENERATED ACTION PLAN', true);
  merges.push({ top: 1, left: 1, bottom: 1, right: 6 }, { top: 2, left: 1, bottom: 2, right: 6 });
  ['No.', 'KEY ACTIONS', 'RESPONSIBLE MANAGER', 'TIMESCALE', 'PROGRESS REPORT', 'Outcomes for users of services and their carers'].forEach((h, i) => text(4, i + 1, h, true));
  let row = 5;
  for (let i = 0; i < actions; i++) {
    const section = Math.floor(i / 10) + 1;
    if (i % 10 === 0) {
      text(row, 1, `${section}. Ensure that ${AREAS[section % AREAS.length]} are consistent across all partner agencies (theme ${section}).`, true);
      merges.push({ top: row, left: 1, bottom: row, right: 6 });
      row++;
    }
    const area = AREAS[i % AREAS.length];
    text(row, 1, `${section}.${(i % 10) + 1}`);
    text(row, 2, `${VERBS[i % VERBS.length]} the ${area} for action ${i + 1}, with partner agencies and the Board.`);
    text(row, 3, LEADS[i % LEADS.length]);
    text(row, 4, WHEN[i % WHEN.length]);
    text(row, 5, `Work on the ${area} commenced; a report on action ${i + 1} goes to the DMT and the Board next quarter.`);
    text(row, 6, `The ${area} are more effective (${i + 1}).`);
    row++;
  }
  return { sheets: [{ name: 'Action Plan', cells, merges, hiddenRows: [], hiddenColumns: [], visibility: 'visible' }] };
}
