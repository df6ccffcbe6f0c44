/** Findings as a to-do list (issue 17): done marks that last until the cell changes, and the tab-separated copy. */
import { cellPrint, findingPrints, findingRows, isDone, liveMarks, markFor, parseMarks, tabSeparated } from '../src/engine/findings-todo';
import { findingsSheet } from '../src/engine/sheet-plan/findings-sheet';
import type { Finding } from '../src/engine/schema';
import { WorkbookModel } from '../src/engine/workbook';

const model = (lead: string | null): WorkbookModel => ({
  sheets: [{ name: 'Action Plan', merges: [], cells: lead === null ? [] : [{ row: 5, col: 3, value: { type: 'text', value: lead } }] }],
});
const finding: Finding = { rule: 'lead-missing', severity: 'warning', sheet: 'Action Plan', cell: 'C5', message: 'No lead\tnamed', fix: 'Name a lead.\nThen save.' };

describe('done marks', () => {
  it('stay done while the cell is unchanged, and are undone once it changes', () => {
    const prints = findingPrints(model('TBC'), [finding]);
    const marks = [markFor(finding, prints)];
    expect(isDone(marks, finding, prints)).toBe(true);
    expect(isDone(marks, finding, findingPrints(model('TBC '), [finding]))).toBe(false);
    expect(isDone(marks, finding, findingPrints(model(null), [finding]))).toBe(false);
    expect(isDone(marks, { ...finding, rule: 'other' }, prints)).toBe(false);
    expect(cellPrint(model('TBC'), 'Action Plan', '$C$5')).toBe(prints['Action Plan!C5']);
  });

  it('keeps only the marks of current findings whose cells have not changed, and reads stored marks safely', () => {
    const prints = findingPrints(model('TBC'), [finding]);
    const mark = markFor(finding, prints);
    expect(liveMarks([mark, { ...mark, print: 'stale' }], [finding], prints)).toEqual([mark]);
    expect(parseMarks(JSON.stringify([mark, { rule: 1 }]))).toEqual([mark]);
    expect(parseMarks('not json')).toEqual([]);
  });
});

describe('the findings as rows', () => {
  it('copies as tab-separated text, one finding a line, with tabs and line breaks in a field made spaces', () => {
    const rows = findingRows([finding], () => 'Lead is missing', () => true);
    expect(tabSeparated(rows).split('\n')).toEqual(['Severity\tSheet\tCell\tRule\tFinding\tHow to fix\tDone', 'Warning\tAction Plan\tC5\tLead is missing\tNo lead named\tName a lead. Then save.\tDone']);
  });

  it('writes the same rows to the findings sheet, as text, with a frozen header', () => {
    const sheet = findingsSheet('Findings', findingRows([finding], (id) => id, () => false));
    expect(sheet.rows[1][2]).toEqual({ kind: 'text', text: 'C5' });
    expect(sheet.rows[1][6]).toBeNull();
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
  });
});
