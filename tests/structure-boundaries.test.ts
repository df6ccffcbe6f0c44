/**
 * Where a table starts and ends. Legends (below, above and beside the table), sign-off and version lines, page
 * lines, footers below a blank gap, a second table on the same sheet and a plan split over two sheets: each
 * layout must read with every action found, no phantom action, nothing glued onto the last action or heading,
 * and nothing the officer wrote lost (what is not an action is kept as a title, heading or note).
 * Layouts are built here, worded unlike the seed plans; one goes through a real .xlsx file with coloured fills.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { structureWorkbook, StructureResult, StructuredAction } from '../src/engine/structure';
import { isKeyLabel, isPageText, legendEntryWord, legendListWords } from '../src/engine/structure/boundaries';
import { readSheet } from '../src/engine/structure/read-sheet';
import { cellText, WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { CellInput, sheet, workbook } from './helpers/model';

const OPTIONS = { today: '2026-01-15', planStart: '2025-04-01' };

const HEADER = ['Ref', 'Improvement action', 'Responsible officer', 'Deadline', 'Current status'];
const ACTIONS: CellInput[][] = [
  ['A1', 'Set up a carers forum that meets every quarter', 'Carers Lead', 'June 2026', 'On schedule'],
  ['A2', 'Publish an easy-read guide to charging', 'Finance Manager', 'September 2026', 'Slipping'],
  ['A3', 'Audit a sample of care act reviews each month', 'Principal Social Worker', 'Ongoing', 'Not commenced'],
];
const ACTION_TEXTS = ACTIONS.map((r) => r[1] as string);

function read(model: WorkbookModel): StructureResult {
  return structureWorkbook(model, OPTIONS);
}

const words = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** All an action's words, one string. */
function actionText(a: StructuredAction): string {
  return words(
    [a.ref, a.theme, a.qualityStatement, a.area, a.action, a.milestones, a.lead, a.timescale, a.statusText, a.ragText, a.progress, a.measures, a.outcomes]
      .filter(Boolean)
      .join(' | '),
  );
}

/**
 * Every action found, no other; none of the `foreign` texts (legend, footer, sign-off) in any action or heading;
 * and every non-empty cell kept somewhere: in its action, or in the layout's titles, headings, notes or headers.
 */
function expectClean(model: WorkbookModel, result: StructureResult, expected: string[], foreign: string[]): void {
  expect(result.actions.map((a) => a.action)).toEqual(expected);
  for (const a of result.actions) {
    for (const f of foreign) expect(actionText(a)).not.toContain(words(f));
  }
  for (const layout of result.sheets) {
    for (const s of layout.sections) for (const f of foreign) expect(words(s.text)).not.toContain(words(f));
  }
  const lost: string[] = [];
  for (const s of model.sheets) {
    const layout = result.sheets.find((x) => x.sheet === s.name)!;
    const headerRows = new Set(readSheet(s).headers.flatMap((h) => h.rows));
    const kept = words([...layout.titles, ...layout.notes, ...layout.sections].map((t) => t.text).join(' | '));
    for (const cell of s.cells) {
      const text = words(cellText(cell.value));
      if (!text || cell.value.type === 'date' || headerRows.has(cell.row)) continue;
      const owners = result.actions.filter((a) => a.source.sheet === s.name && a.rows.includes(cell.row));
      // A cell on an action's row beyond the table (a legend beside it) is kept as a note.
      const found = owners.some((a) => actionText(a).includes(text)) || kept.includes(text);
      if (!found) lost.push(`${s.name}!${cell.row}:${cell.col} ${text}`);
    }
  }
  expect(lost).toEqual([]);
}

describe('the evidence, cell by cell', () => {
  it.each([
    ['Amber – some slippage', 'Amber'],
    ['G = on course', 'On track'],
    ['Red (off track)', 'Red'],
    ['Completed', 'Complete'],
    ['Recruit two social workers', null],
    ['A', null],
    ['Complete the review of the front door and report', null],
  ])('legend entry %p names %p', (text, word) => {
    expect(legendEntryWord(text)).toBe(word);
  });

  it('a legend written in one cell lists its words; a sentence with one status word is no legend', () => {
    expect(legendListWords('Status key: On track / At risk / Off track / Complete')).toEqual(['On track', 'At risk', 'Off track', 'Complete']);
    expect(legendListWords('RAG: Red = stuck, Amber = slipping, Green = fine')).toEqual(['Red', 'Amber', 'Green']);
    expect(legendListWords('Review the policy, train staff, and report progress')).toEqual([]);
  });

  it.each(['Key', 'Status key:', 'RAG legend', 'Colour key –'])('%p labels a legend', (text) => expect(isKeyLabel(text)).toBe(true));
  it.each(['Key actions', 'Key worker reviews', 'Monkey'])('%p labels no legend', (text) => expect(isKeyLabel(text)).toBe(false));

  it.each(['Total', 'Total: 24', 'Approved by: Cabinet', 'Version 3.2', 'v1.4', 'Signed:', 'Signed off by the Director', 'Date of next review: March 2027', 'Page 1 of 3', '2 of 3', 'OFFICIAL', 'S:\\Adults\\tracker.xlsx'])(
    '%p is a page or document line',
    (text) => expect(isPageText(text)).toBe(true),
  );
  it.each(['Total transformation of the front door', 'Sign off the carers strategy', 'Agree the version control policy', 'Review the front door', 'Date the new contracts'])('%p is no page line', (text) =>
    expect(isPageText(text)).toBe(false),
  );
});

describe('a legend', () => {
  const legend: CellInput[][] = [
    [null, 'Colour key'],
    ['Green', 'Work is on course for the date agreed'],
    ['Amber', 'Some delay that can still be recovered'],
    ['Red', 'Serious delay that needs escalating'],
  ];
  const foreign = ['Colour key', 'Work is on course', 'Some delay that can', 'Serious delay'];

  it('directly below the table is not an action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, ...legend]));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, foreign);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([5, 6, 7, 8]);
  });

  it('below a blank gap is not an action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [], ...legend]));
    expectClean(model, read(model), ACTION_TEXTS, foreign);
  });

  it('with its own column captions ("Rating | What it means") below a gap is not an action', () => {
    const model = workbook(
      sheet('Improvement Plan', [HEADER, ...ACTIONS, [], ['Rating', 'What it means'], ['Green', 'On course to meet the date'], ['Amber', 'Behind but recoverable'], ['Red', 'Will not meet the date']]),
    );
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['What it means', 'Behind but recoverable']);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([6, 7, 8, 9]);
  });

  it('written on one line ("Progress key: …") under the table is not an action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [null, 'Progress key: On target / Behind schedule / Stalled / Delivered']]));
    expectClean(model, read(model), ACTION_TEXTS, ['Progress key']);
  });

  it('in the status column itself, under the last action, is not glued onto it', () => {
    const model = workbook(
      sheet('Improvement Plan', [HEADER, ...ACTIONS, [null, null, null, null, 'On schedule', 'as planned'], [null, null, null, null, 'Stalled', 'needs a decision']]),
    );
    expectClean(model, read(model), ACTION_TEXTS, ['as planned', 'needs a decision']);
  });

  it('directly above the header is a note, not the heading of every action nor the plan title', () => {
    const model = workbook(
      sheet('Improvement Plan', [
        ['Adult Social Care Improvement Programme 2026/27'],
        [],
        ['RAG key:'],
        ['Red = not achievable without help'],
        ['Amber = behind but recoverable'],
        ['Green = on course'],
        HEADER,
        ...ACTIONS,
      ]),
    );
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['not achievable', 'behind but recoverable', 'on course', 'RAG key']);
    expect(r.actions.every((a) => a.theme === null && a.area === null)).toBe(true);
    expect(r.title).toBe('Adult Social Care Improvement Programme 2026/27');
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([3, 4, 5, 6]);
  });

  it('above the header in two columns is a note, not a title', () => {
    const model = workbook(
      sheet('Improvement Plan', [
        ['Quality improvement tracker'],
        ['Blue', 'Finished and signed off'],
        ['Green', 'Going to plan'],
        ['Red', 'Off course'],
        [],
        HEADER,
        ...ACTIONS,
      ]),
    );
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Finished and signed off', 'Going to plan', 'Off course']);
    expect(r.sheets[0].titles.map((t) => t.row)).toEqual([1]);
  });

  it('under a "Key" label, in the officer\'s own words with no status word (the colours being fills), is not an action', () => {
    const key: CellInput[][] = [[null, 'Key:'], [null, 'Action finished and evidenced'], [null, 'Work moving but behind'], [null, 'No movement, needs escalation']];
    for (const gap of [[], [[]]]) {
      const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, ...gap, ...key]));
      expectClean(model, read(model), ACTION_TEXTS, ['finished and evidenced', 'moving but behind', 'needs escalation']);
    }
  });

  it('short actions under the table with no key label above them stay actions', () => {
    const rows: CellInput[][] = [HEADER, ...ACTIONS, [null, 'Write the carers offer'], [null, 'Launch the new website']];
    const model = workbook(sheet('Improvement Plan', rows));
    expectClean(model, read(model), [...ACTION_TEXTS, 'Write the carers offer', 'Launch the new website'], []);
  });

  it('straight under the header, before the first action, is not an action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, [null, 'Key: Blue = delivered, Green = on course, Red = stuck'], ['Grey', 'not yet begun'], ...ACTIONS]));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['delivered', 'stuck', 'not yet begun']);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([2, 3]);
  });

  it('beside the table under its own "Key" label is not a column of the plan', () => {
    const rows: CellInput[][] = [
      [...HEADER, null, 'Key'],
      [...ACTIONS[0], null, 'Green', 'On course'],
      [...ACTIONS[1], null, 'Amber', 'Slipping but recoverable'],
      [...ACTIONS[2], null, 'Red', 'Will miss the date'],
      [null, null, null, null, null, null, 'Blue', 'Done'],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['On course', 'Slipping but recoverable', 'Will miss the date', 'Key']);
    expect(r.sheets[0].columns.map((c) => c.header)).toEqual(HEADER);
    expect(r.actions.map((a) => a.statusText)).toEqual(['On schedule', 'Slipping', 'Not commenced']);
  });

  it('a column headed "Key" that explains no status words stays a column of the table', () => {
    const rows: CellInput[][] = [
      [...HEADER, 'Key'],
      [...ACTIONS[0], 'Yes'],
      [...ACTIONS[1], 'No'],
      ACTIONS[2],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, []);
    expect(r.sheets[0].columns.map((c) => c.header)).toEqual([...HEADER, 'Key']);
    expect(r.actions.map((a) => a.progress)).toEqual(['Key: Yes', 'Key: No', null]);
  });

  it('beside the table with no label in the header row is kept as notes and read into no action', () => {
    const rows: CellInput[][] = [
      HEADER,
      [...ACTIONS[0], null, null, 'Status legend'],
      [...ACTIONS[1], null, null, 'Complete', 'All milestones met'],
      [...ACTIONS[2], null, null, 'Overdue', 'Past its deadline'],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    expectClean(model, read(model), ACTION_TEXTS, ['Status legend', 'All milestones met', 'Past its deadline']);
  });
});

describe('sign-off, version and page lines', () => {
  it('below a gap are notes, not actions', () => {
    const lines: CellInput[][] = [
      [],
      ['Approved by: Cabinet Member for Adult Care'],
      ['Version 3.2 (final)'],
      ['Signed:', null, 'Date:'],
      ['Date of next review: March 2027'],
    ];
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, ...lines]));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Approved by', 'Version 3.2', 'Signed:', 'next review']);
    expect(r.findings).toEqual([]);
  });

  it('directly under the last action, in its own columns, are not glued onto it', () => {
    const model = workbook(
      sheet('Improvement Plan', [HEADER, ...ACTIONS, [null, 'Agreed by the Adults Leadership Team on 4 March 2026'], ['v1.4'], [null, 'Page 1 of 2']]),
    );
    expectClean(model, read(model), ACTION_TEXTS, ['Agreed by the Adults', 'v1.4', 'Page 1 of 2']);
  });

  it('a line merged across the foot of the table, and a totals line, are notes, not headings or actions', () => {
    const rows: CellInput[][] = [HEADER, ...ACTIONS, ['Total', 3], ['This tracker was agreed by the Adults Board on 3 March 2026'], ['Last updated: 12/03/2026']];
    const model = workbook(sheet('Improvement Plan', rows, { merges: ['A6:E6'] }));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Total', 'agreed by the Adults Board', 'Last updated']);
    expect(r.sheets[0].sections).toEqual([]);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([5, 6, 7]);
  });

  it('a page number, a file path and a protective marking under the table are notes', () => {
    const model = workbook(
      sheet('Improvement Plan', [HEADER, ...ACTIONS, [], [null, 'S:\\Adults\\Plans\\improvement tracker v2.xlsx'], ['OFFICIAL'], [null, null, 'Page 2 of 2']]),
    );
    expectClean(model, read(model), ACTION_TEXTS, ['improvement tracker v2', 'official', 'page 2 of 2']);
  });
});

describe('a footer below a blank gap', () => {
  it('a date two rows below the table is glued onto neither the last action nor its heading', () => {
    const rows: CellInput[][] = [HEADER, [{ v: 'Prevention and early help', bold: true }], ...ACTIONS, [], [], [{ date: '2026-03-12' }]];
    const model = workbook(sheet('Improvement Plan', rows, { merges: ['A2:E2'] }));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, []);
    const last = r.actions[2];
    expect(last.rows).toEqual([5]);
    expect(last.dueDate).toBeNull();
    expect(r.sheets[0].sections.map((s) => s.text)).toEqual(['Prevention and early help']);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([8]);
  });

  it('a date below a gap in the grouping column is not a new group of the last action', () => {
    const rows: CellInput[][] = [
      ['Priority area', 'Improvement action', 'Responsible officer', 'Deadline'],
      ['Carers', 'Set up a carers forum that meets every quarter', 'Carers Lead', 'June 2026'],
      [null, 'Publish an easy-read guide to charging', 'Finance Manager', 'September 2026'],
      [],
      [],
      [{ date: '2026-03-12' }],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS.slice(0, 2), []);
    expect(r.actions.map((a) => [a.area ?? a.theme, a.rows])).toEqual([
      ['Carers', [2]],
      ['Carers', [3]],
    ]);
  });

  it('a date in the deadline column below a gap does not date the last action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [], [null, null, null, { date: '2026-03-12' }]]));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, []);
    expect(r.actions[2].rows).toEqual([4]);
    expect(r.actions[2].timescale).toBe('Ongoing');
  });

  it('a line of text below a gap, outside the action column, is a note', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [], ['Produced by the Performance and Intelligence Team']]));
    expectClean(model, read(model), ACTION_TEXTS, ['Performance and Intelligence Team']);
  });

  it('a bold line below a gap is a note, not a heading', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [], [{ v: 'Prepared for the Health and Wellbeing Board', bold: true }]], { merges: ['A6:E6'] }));
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, []);
    expect(r.sheets[0].sections).toEqual([]);
  });

  it('rows below gaps are not cut off as footers when the action column above them is empty', () => {
    // The action column was read wrongly (nothing in it): the rows are left as rows for the officer to see.
    const rows: CellInput[][] = [HEADER, ['A1', null, 'Carers Lead', 'June 2026'], [], ['A2', null, 'Finance Manager', 'July 2026'], [], ['A3', null, 'Head of Service']];
    const r = read(workbook(sheet('Improvement Plan', rows)));
    expect(r.actions.map((a) => a.ref)).toEqual(['A1', 'A2', 'A3']);
  });

  it('an action below a gap is still an action', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, ...ACTIONS, [], ['A4', 'Recruit two more occupational therapists', 'Head of Service', 'March 2027']]));
    expectClean(model, read(model), [...ACTION_TEXTS, 'Recruit two more occupational therapists'], []);
  });
});

describe('what stays an action', () => {
  it('short last actions with different statuses are not mistaken for a legend', () => {
    const rows: CellInput[][] = [HEADER, ...ACTIONS, [null, 'Go live', null, null, 'Delayed'], [null, 'Evaluate', null, null, 'On schedule']];
    const model = workbook(sheet('Improvement Plan', rows));
    expectClean(model, read(model), [...ACTION_TEXTS, 'Go live', 'Evaluate'], []);
  });

  it('last actions that begin with a status word ("Ongoing – …") and have a lead and a date are actions', () => {
    const rows: CellInput[][] = [
      ['Action', 'Lead', 'By when'],
      ['Ongoing – monitor waiting lists weekly', 'Head of Service', 'March 2027'],
      ['Complete – restructure the duty team', 'Team Manager', 'June 2026'],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    expectClean(model, read(model), ['Ongoing – monitor waiting lists weekly', 'Complete – restructure the duty team'], []);
  });

  it('actions whose refs are letters (a, b) or look like a version (V2), or which begin "Sign off", are actions', () => {
    const rows: CellInput[][] = [
      HEADER,
      ['a', 'Agree the new eligibility guidance', 'Head of Practice', 'May 2026', 'Stalled'],
      ['b', 'Green light the brokerage pilot', 'Commissioning Lead', 'June 2026', 'On schedule'],
      ['V2', 'Sign off the revised safeguarding policy', 'Director', 'July 2026'],
      [null, 'Sign off the carers strategy at Cabinet'],
    ];
    const model = workbook(sheet('Improvement Plan', rows));
    expectClean(
      model,
      read(model),
      ['Agree the new eligibility guidance', 'Green light the brokerage pilot', 'Sign off the revised safeguarding policy', 'Sign off the carers strategy at Cabinet'],
      [],
    );
  });
});

describe('two tables on one sheet', () => {
  const second: CellInput[][] = [
    ['No.', 'What we will do', 'Owner', 'By when', 'RAG'],
    ['W1', 'Offer every new starter a named mentor', 'Workforce Lead', 'April 2026', 'Green'],
    ['W2', 'Run a recruitment day for personal assistants', 'Workforce Lead', 'July 2026', 'Amber'],
  ];

  it('are each read on their own, with their own columns and headings', () => {
    const model = workbook(
      sheet('Improvement Plan', [
        ['Part A: practice'],
        HEADER,
        ...ACTIONS,
        [],
        ['Part B: workforce'],
        ...second,
        [],
        ['Key: G = on course, A = at risk, R = off course'],
      ]),
    );
    const r = read(model);
    expectClean(model, r, [...ACTION_TEXTS, 'Offer every new starter a named mentor', 'Run a recruitment day for personal assistants'], ['Key:']);
    expect(r.actions.map((a) => a.theme)).toEqual(['Part A: practice', 'Part A: practice', 'Part A: practice', 'Part B: workforce', 'Part B: workforce']);
    expect(r.actions.slice(3).map((a) => [a.ref, a.lead, a.rag, a.statusText])).toEqual([
      ['W1', 'Workforce Lead', 'Green', null],
      ['W2', 'Workforce Lead', 'Amber', null],
    ]);
    expect(r.sheets[0].repeatedHeaders).toEqual([]);
  });

  it('with the same columns and a title between, each table is headed by its own title', () => {
    const model = workbook(
      sheet('Improvement Plan', [['Part A: practice'], HEADER, ...ACTIONS.slice(0, 2), [], ['Part B: workforce'], HEADER, ACTIONS[2], [], ['Version 0.3 draft']]),
    );
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Version 0.3']);
    expect(r.actions.map((a) => a.theme)).toEqual(['Part A: practice', 'Part A: practice', 'Part B: workforce']);
  });

  it('with only a gap between them, the second table carries nothing over from the first', () => {
    const model = workbook(sheet('Improvement Plan', [HEADER, [{ v: 'Prevention and early help', bold: true }], ...ACTIONS, [], [], ...second]));
    const r = read(model);
    expectClean(model, r, [...ACTION_TEXTS, 'Offer every new starter a named mentor', 'Run a recruitment day for personal assistants'], []);
    expect(r.actions.map((a) => a.theme)).toEqual(['Prevention and early help', 'Prevention and early help', 'Prevention and early help', null, null]);
    expect(r.actions[3].rows).toEqual([9]);
  });
});

describe('a plan split over two sheets, each with a legend', () => {
  it('reads each sheet on its own, with no legend line as an action', () => {
    const legendLine: CellInput[] = [null, 'Status key: On track / At risk / Off track / Complete'];
    const model = workbook(
      sheet('Quarter 1', [HEADER, ...ACTIONS.slice(0, 2), legendLine]),
      sheet('Quarter 2', [['Quarter 2 actions'], HEADER, ACTIONS[2], [], ['Green', 'On track'], ['Red', 'Off track']]),
    );
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Status key']);
    expect(r.actions.map((a) => a.source)).toEqual([
      { sheet: 'Quarter 1', row: 2 },
      { sheet: 'Quarter 1', row: 3 },
      { sheet: 'Quarter 2', row: 3 },
    ]);
  });
});

describe('a real .xlsx file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('with a "Key:" block of coloured fills, a sign-off and a footer date reads only its actions', async () => {
    const file = path.join(dir, 'tracker.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tracker');
    ws.addRow(['Learning Disability Services Improvement Tracker']);
    ws.addRow([]);
    ws.addRow(HEADER).font = { bold: true };
    for (const a of ACTIONS) ws.addRow(a as ExcelJS.CellValue[]);
    ws.addRow([]);
    ws.addRow(['Key:']);
    const fills: [string, string][] = [
      ['FF00B050', 'Completed'],
      ['FFFFC000', 'In progress'],
      ['FFFF0000', 'Not started'],
    ];
    for (const [colour, meaning] of fills) {
      const row = ws.addRow([null, meaning]);
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
    }
    ws.addRow([]);
    ws.addRow(['Signed off by the Director of Adult Social Services']);
    ws.addRow([]);
    ws.addRow([new Date(Date.UTC(2026, 2, 12))]).getCell(1).numFmt = 'dd/mm/yyyy';
    await wb.xlsx.writeFile(file);

    const model = await readWorkbook(file);
    const r = read(model);
    expectClean(model, r, ACTION_TEXTS, ['Key:', 'Signed off']);
    expect(r.actions.map((a) => a.ref)).toEqual(['A1', 'A2', 'A3']);
    expect(r.title).toBe('Learning Disability Services Improvement Tracker');
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([8, 9, 10, 11, 13, 15]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: whatever sits below (or above) a table (a legend, a footer, a sign-off), the actions read are the same.
// ---------------------------------------------------------------------------------------------------------------

const VERBS = ['Review', 'Publish', 'Recruit', 'Commission', 'Train', 'Agree', 'Launch', 'Audit', 'Extend', 'Map'];
const OBJECTS = ['the front door offer', 'a carers survey', 'two social workers', 'reablement capacity', 'the quality dashboard', 'direct payment rates'];
const LEADS = ['Head of Service', 'Carers Lead', 'Director of Adults', 'Team Manager'];
const WHEN = ['March 2027', 'Q2 2026/27', 'Ongoing', 'December 2026', { date: '2026-09-30' }];
const STATUS = ['On schedule', 'Slipping', 'Complete', 'Not commenced', null];
const LEGEND_WORDS = ['Green', 'Amber', 'Red', 'Blue', 'On track', 'At risk', 'Off track', 'Completed', 'Not started', 'Delayed'];
const MEANINGS = ['as planned', 'needs attention', 'will miss the date', 'finished', 'no work yet', 'recoverable'];
const SIGN_OFFS = ['Approved by Cabinet on 4 March 2026', 'Version 2.1', 'Signed:', 'Date of next review: June 2026', 'Page 1 of 1', 'Prepared by the Commissioning Team', 'OFFICIAL'];

interface Table {
  rows: CellInput[][];
  width: number;
}

const tableArb: fc.Arbitrary<Table> = fc
  .array(
    fc.record({
      verb: fc.constantFrom(...VERBS),
      object: fc.constantFrom(...OBJECTS),
      lead: fc.option(fc.constantFrom(...LEADS), { nil: null }),
      when: fc.option(fc.constantFrom(...WHEN), { nil: null }),
      status: fc.constantFrom(...STATUS),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((actions) => ({
    width: HEADER.length,
    rows: [HEADER, ...actions.map((a, i) => [`P${i + 1}`, `${a.verb} ${a.object}`, a.lead, a.when, a.status])],
  }));

/** A block to put next to a table: its rows, and how many blank rows stand between it and the table. */
type Block = { gap: number; rows: CellInput[][] };

// A legend of two to five different entries, with or without a label, in any of the table's columns.
const legendArb: fc.Arbitrary<Block> = fc
  .record({
    gap: fc.integer({ min: 0, max: 2 }),
    label: fc.option(fc.constantFrom('Key', 'Status key:', 'RAG legend', 'Colour key'), { nil: null }),
    entries: fc.uniqueArray(fc.constantFrom(...LEGEND_WORDS), { minLength: 2, maxLength: 5 }),
    meaning: fc.array(fc.constantFrom(...MEANINGS), { minLength: 5, maxLength: 5 }),
    at: fc.integer({ min: 0, max: 5 }),
    joined: fc.boolean(),
  })
  .map(({ gap, label, entries, meaning, at, joined }) => {
    const pad = (cells: CellInput[]) => [...Array<CellInput>(at).fill(null), ...cells];
    const rows = joined
      ? [pad([`${label ?? 'Key'}: ${entries.join(' / ')}`])]
      : [...(label ? [pad([label])] : []), ...entries.map((e, i) => pad([e, meaning[i]]))];
    return { gap, rows };
  });

// Sign-off, version and page lines, directly next to the table or set off by a gap.
const signOffArb: fc.Arbitrary<Block> = fc
  .record({
    gap: fc.integer({ min: 0, max: 2 }),
    lines: fc.array(fc.record({ text: fc.constantFrom(...SIGN_OFFS), at: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ gap, lines }) => ({ gap, rows: lines.map(({ text, at }) => [...Array<CellInput>(at).fill(null), text]) }));

// A footer below a blank gap: a date or a line of text anywhere but the action column.
const footerArb: fc.Arbitrary<Block> = fc
  .record({
    gap: fc.integer({ min: 1, max: 3 }),
    at: fc.constantFrom(0, 2, 3, 4),
    value: fc.constantFrom<CellInput>({ date: '2026-03-12' }, '12/03/2026', 'Printed for the Adults Board', 'Contact: performance team'),
  })
  .map(({ gap, at, value }) => ({ gap, rows: [[...Array<CellInput>(at).fill(null), value]] }));

const trailerArb = fc.oneof(legendArb, signOffArb, footerArb);

function actionsOf(result: StructureResult) {
  return result.actions.map((a) => ({ ref: a.ref, action: a.action, lead: a.lead, timescale: a.timescale, dueDate: a.dueDate, status: a.statusText, rows: a.rows }));
}

describe('property: a block next to the table never changes the actions read', () => {
  it('holds for a random legend or sign-off block above the header too', () => {
    fc.assert(
      // Not a lone line of text: directly above a header, that is the table's heading.
      fc.property(tableArb, fc.oneof(legendArb, signOffArb), fc.integer({ min: 0, max: 2 }), (table, block, gap) => {
        const plain = read(workbook(sheet('Plan', table.rows)));
        const above = [...block.rows, ...Array.from({ length: gap }, () => [])];
        const withBlock = read(workbook(sheet('Plan', [...above, ...table.rows])));
        const shift = (a: ReturnType<typeof actionsOf>[number]) => ({ ...a, rows: a.rows.map((r) => r - above.length) });
        expect(actionsOf(withBlock).map(shift)).toEqual(actionsOf(plain));
        expect(withBlock.actions.every((a) => a.theme === null && a.area === null)).toBe(true);
      }),
      { numRuns: 100, seed: 20260116 },
    );
  });

  it('holds for random tables and random legends, sign-offs and footers', () => {
    fc.assert(
      fc.property(tableArb, fc.array(trailerArb, { minLength: 1, maxLength: 3 }), (table, trailers) => {
        const plain = read(workbook(sheet('Plan', table.rows)));
        const rows = [...table.rows];
        for (const t of trailers) rows.push(...Array.from({ length: t.gap }, () => []), ...t.rows);
        const withTrailers = read(workbook(sheet('Plan', rows)));
        expect(actionsOf(withTrailers)).toEqual(actionsOf(plain));
        expect(withTrailers.actions).toHaveLength(table.rows.length - 1);
      }),
      { numRuns: 150, seed: 20260115 },
    );
  });
});
