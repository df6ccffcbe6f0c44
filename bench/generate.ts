/**
 * Generates large plans in the seed layouts, as workbook models, for the benchmark and the property tests:
 * Dudley-style (sections, repeated headers every 20 rows), Sefton-style (merged quality-statement column,
 * page-break continuations) and North Tyneside-style (two-row header with ● quarter markers).
 */
import { CellModel, MergedArea, SheetModel, WorkbookModel } from '../src/engine/workbook';

export type Layout = 'dudley' | 'sefton' | 'north-tyneside';

const LEADS = ['Head of Safeguarding - AH', 'Assistant Director Adult Social Care', 'Principal Social Worker', 'Commissioning Unit'];
const TIMESCALES = ['End March 2010', 'December 2009 and June 2010', 'Q3 2025/26', '31.03.2026', 'Short-term', 'Ongoing', 'Completed'];
const STATUSES = ['On Track', 'Started', 'To be started', 'Complete', 'Business Case to consider alignment -On Track'];

function text(row: number, col: number, value: string, bold = false): CellModel {
  return bold ? { row, col, value: { type: 'text', value }, bold } : { row, col, value: { type: 'text', value } };
}

function actionText(i: number): string {
  return `Action ${i}: review the arrangements for adult safeguarding referrals in locality team ${i % 37} and report to the Board.\n• audit ${i % 11} cases\n• agree improvements`;
}

export function generatePlan(actions: number, layout: Layout): WorkbookModel {
  const cells: CellModel[] = [];
  const merges: MergedArea[] = [];
  let r = 1;
  cells.push(text(r++, 1, 'Generated Council – Adult Social Care Improvement Plan 2025/26', true));
  r++;
  if (layout === 'north-tyneside') {
    const headers = ['Aim', 'Priority', 'Workstream', 'Milestones', 'Timescales', '', '', '', 'Responsible HoS / Senior Manager', 'KPIs'];
    headers.forEach((h, c) => h && cells.push(text(r, c + 1, h, true)));
    ['3m', '6m', '9m', '12m'].forEach((h, c) => cells.push(text(r + 1, c + 5, h, true)));
    merges.push({ top: r, left: 5, bottom: r, right: 8 });
    for (const c of [1, 2, 3, 4, 9, 10]) merges.push({ top: r, left: c, bottom: r + 1, right: c });
    r += 2;
    for (let i = 0; i < actions; i++, r++) {
      if (i % 50 === 0) {
        const span = Math.min(50, actions - i) - 1;
        cells.push(text(r, 1, `Aim ${i / 50 + 1}\nWe believe everyone deserves a fulfilling life.`));
        if (span > 0) merges.push({ top: r, left: 1, bottom: r + span, right: 1 });
      }
      if (i % 10 === 0) cells.push(text(r, 2, `Priority ${i / 10 + 1}`));
      cells.push(text(r, 3, `• ${actionText(i)}`));
      cells.push(text(r, 4, `Milestone one for ${i}.\nMilestone two for ${i}.`));
      cells.push(text(r, 5 + (i % 4), '●'));
      cells.push(text(r, 9, LEADS[i % LEADS.length]));
      cells.push(text(r, 10, `✓ Improving measure ${i % 13}.`));
    }
  } else {
    const headers =
      layout === 'dudley'
        ? ['No.', 'KEY ACTIONS', 'RESPONSIBLE MANAGER', 'TIMESCALE', 'PROGRESS REPORT', 'Outcomes for users of services and their carers']
        : ['Theme 1: Quality Statement', 'Action Ref', 'Areas of Focus', 'Actions We Are Taking', 'How we will know it has worked', 'Responsible Lead Officer', 'Status (Started/ On Track/ Complete)', 'Milestones'];
    const header = (): void => {
      headers.forEach((h, c) => cells.push(text(r, c + 1, h, true)));
      r++;
    };
    for (let i = 0; i < actions; i++) {
      if (i % 100 === 0) {
        cells.push(text(r, 1, layout === 'dudley' ? `SECTION ${i / 100 + 1} SAFEGUARDING VULNERABLE ADULTS` : `Theme ${i / 100 + 1} - Working with People: assessing needs`, true));
        merges.push({ top: r, left: 1, bottom: r, right: headers.length });
        r++;
      }
      if (i % 20 === 0) header();
      const ref = layout === 'dudley' ? `${Math.floor(i / 20) + 1}.${(i % 20) + 1}` : `T${Math.floor(i / 20) + 1}.${(i % 20) + 1}`;
      if (layout === 'dudley') {
        [ref, actionText(i), LEADS[i % LEADS.length], TIMESCALES[i % TIMESCALES.length], `Progress report ${i}: work has started.`, `Outcome ${i}.`].forEach((v, c) =>
          cells.push(text(r, c + 1, v)),
        );
      } else {
        if (i % 20 === 0) cells.push(text(r, 1, 'Assessing Needs: We maximise the effectiveness of people’s care and treatment'));
        [ref, `Area of focus ${i}`, actionText(i), `Measure ${i}`, LEADS[i % LEADS.length], STATUSES[i % STATUSES.length], `Framework April 2023\nEvaluation May-Sep 2023`].forEach((v, c) =>
          cells.push(text(r, c + 2, v)),
        );
      }
      r++;
    }
  }
  const sheet: SheetModel = { name: 'Action Plan', cells, merges };
  return { sheets: [sheet] };
}
