/**
 * structureWorkbook over small in-memory layouts: header detection, headings, row grouping and assembly.
 * Every layout is built in code (tests/helpers/model.ts), so each behaviour is pinned by the smallest sheet showing it.
 */
import { structureWorkbook, StructureResult, StructuredAction } from '../src/engine/structure';
import { WorkbookModel } from '../src/engine/workbook';
import { CellInput, sheet, SheetOptions, workbook } from './helpers/model';

const OPTIONS = { today: '2026-01-15', planStart: '2025-04-01' };

function run(model: WorkbookModel): StructureResult {
  return structureWorkbook(model, OPTIONS);
}

function one(rows: CellInput[][], options: SheetOptions = {}, name = 'Action Plan'): StructureResult {
  return run(workbook(sheet(name, rows, options)));
}

function byRef(result: StructureResult, ref: string): StructuredAction {
  const found = result.actions.filter((a) => a.ref === ref);
  expect(found).toHaveLength(1);
  return found[0];
}

const HEADER = ['Ref', 'Action', 'Lead', 'Timescale'];

// ---------------------------------------------------------------------------------------------------------------
// Header detection
// ---------------------------------------------------------------------------------------------------------------

describe('header row', () => {
  it('is found below title rows; the titles are not actions', () => {
    const r = one(
      [
        ['Dudley MBC Adult Social Care Action Plan 2009'],
        ['Draft for consultation'],
        [],
        HEADER,
        ['1.1', 'Review the arrangements', 'Assistant Director', 'March 2026'],
        ['1.2', 'Train all staff', 'Head of Service', 'Q3 2025/26'],
      ],
      { merges: ['A1:D1', 'A2:D2'] },
    );
    expect(r.sheets[0].role).toBe('plan');
    expect(r.sheets[0].headerRows).toEqual([4]);
    expect(r.sheets[0].titles.map((t) => t.row)).toEqual([1, 2]);
    expect(r.title).toContain('Dudley MBC Adult Social Care Action Plan 2009');
    expect(r.actions.map((a) => a.action)).toEqual(['Review the arrangements', 'Train all staff']);
    expect(r.actions.map((a) => a.source.row)).toEqual([5, 6]);
    expect(r.actions[0]).toMatchObject({ ref: '1.1', lead: 'Assistant Director', timescale: 'March 2026', dueDate: '2026-03-31' });
    expect(r.findings).toEqual([]);
  });

  it('a header row that is the first row is found there', () => {
    const r = one([HEADER, ['1', 'Do it', 'Bob', 'Dec-2026']]);
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.actions).toHaveLength(1);
    expect(r.title).toBeNull();
  });

  it('a row of labels without an action column is not a header', () => {
    const r = one([
      ['Ref', 'Lead', 'Timescale'],
      ['1', 'Bob', 'March 2026'],
    ]);
    expect(r.sheets[0].role).toBe('not-a-plan');
    expect(r.actions).toEqual([]);
  });
});

describe('two-row header', () => {
  const groupOverRefAndAction: CellInput[][] = [
    ['Recommendation', null, 'Lead', 'Timescale'],
    ['Ref', 'Action', null, null],
    ['R1', 'Publish the carers strategy', 'Head of Commissioning', 'March 2026'],
    ['R2', 'Recruit two social workers', 'Head of Service', 'Dec-2026'],
  ];
  const merges = ['A1:B1', 'C1:C2', 'D1:D2'];

  it('maps the real headers ("Ref", "Action") beneath a merged "Recommendation" group header', () => {
    const r = one(groupOverRefAndAction, { merges });
    expect(r.actions).toHaveLength(2);
    expect(r.actions[0]).toMatchObject({
      ref: 'R1',
      action: 'Publish the carers strategy',
      lead: 'Head of Commissioning',
      timescale: 'March 2026',
      dueDate: '2026-03-31',
      source: { sheet: 'Action Plan', row: 3 },
    });
    expect(r.actions[1]).toMatchObject({ ref: 'R2', action: 'Recruit two social workers', dueDate: '2026-12-31', source: { row: 4 } });
  });

  it('reads the merged group row as part of the header, not as the plan title', () => {
    const r = one(groupOverRefAndAction, { merges });
    expect(r.sheets[0].headerRows).toEqual([1, 2]);
    expect(r.sheets[0].titles).toEqual([]);
    expect(r.title).toBeNull();
  });

  it('folds the group label into the column header when the group row itself has the action column', () => {
    const r = one(
      [
        ['Recommendation', null, 'Action', 'Lead'],
        ['Ref', 'Area', null, null],
        ['R1', 'Front door', 'Review the front door', 'Bob'],
      ],
      { merges: ['A1:B1', 'C1:C2', 'D1:D2'] },
    );
    expect(r.sheets[0].headerRows).toEqual([1, 2]);
    const cols = r.sheets[0].columns.map((c) => [c.header, c.field]);
    expect(cols).toEqual([
      ['Recommendation: Ref', 'ref'],
      ['Recommendation: Area', 'area'],
      ['Action', 'action'],
      ['Lead', 'lead'],
    ]);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatchObject({ ref: 'R1', area: 'Front door', action: 'Review the front door', lead: 'Bob', source: { row: 3 } });
  });

  describe('"Timescales" merged over 3m/6m/9m/12m marker columns', () => {
    const rows: CellInput[][] = [
      ['Ref', 'Action', 'Lead', 'Timescales', null, null, null],
      [null, null, null, '3m', '6m', '9m', '12m'],
      ['1', 'Refresh the carers offer', 'Bob', null, '●', '●', null],
      ['2', 'Launch the portal', 'Sue', '●', null, null, null],
      ['3', 'Review all packages', 'Ann', null, null, null, null],
    ];
    const opts = { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1'] };

    it('reads the marker columns under the group header', () => {
      const r = one(rows, opts);
      expect(r.sheets[0].headerRows).toEqual([1, 2]);
      expect(r.sheets[0].columns.filter((c) => c.field === 'marker').map((c) => c.col)).toEqual([4, 5, 6, 7]);
    });

    it('● under 6m and 9m → timescale "6m, 9m", due 2025-12-31 (9 months from 2025-04-01)', () => {
      const a = byRef(one(rows, opts), '1');
      expect(a.timescale).toBe('6m, 9m');
      expect(a.dueDate).toBe('2025-12-31');
    });

    it('a single ● under 3m → "3m", due 2025-06-30', () => {
      const a = byRef(one(rows, opts), '2');
      expect(a.timescale).toBe('3m');
      expect(a.dueDate).toBe('2025-06-30');
    });

    it('no ● → no timescale and no due date', () => {
      const a = byRef(one(rows, opts), '3');
      expect(a.timescale).toBeNull();
      expect(a.dueDate).toBeNull();
    });
  });
});

describe('rows that are not actions', () => {
  const rows: CellInput[][] = [
    HEADER,
    ['1.1', 'Do A', 'Bob', 'March 2026'],
    [],
    [null, null, null, null],
    ['1.2', 'Do B', 'Sue', 'Q3 2025/26'],
    HEADER,
    ['1.3', 'Do C', 'Ann', 'Dec-2026'],
    ['Key: R = off track, A = at risk, G = on track'],
  ];

  it('skips blank rows, repeated header rows and a key row', () => {
    const r = one(rows, { merges: ['A8:D8'] });
    expect(r.actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
    expect(r.actions.map((a) => a.source.row)).toEqual([2, 5, 7]);
    expect(r.sheets[0].repeatedHeaders).toEqual([6]);
    expect(r.sheets[0].notes.map((n) => n.row)).toEqual([8]);
    expect(r.actions.some((a) => /Key|Ref/.test(a.action))).toBe(false);
  });

  it('a key row that is not merged (one cell in the action column) is still not an action', () => {
    const r = one([HEADER, ['1', 'Do A', 'Bob', 'March 2026'], [null, 'Key: R = off track, A = at risk, G = on track']]);
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0].action).toBe('Do A');
    expect(r.actions[0].rows).toEqual([2]);
  });

  it('a repeated header does not start a new header block that loses columns', () => {
    const r = one(rows, { merges: ['A8:D8'] });
    expect(byRef(r, '1.3')).toMatchObject({ action: 'Do C', lead: 'Ann', timescale: 'Dec-2026', dueDate: '2026-12-31' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------------------------------

describe('section headings', () => {
  it('Dudley: CAPS theme, numbered area, Roman-numbered theme', () => {
    const area1 = '1. Assurance that staff and managers in all relevant agencies know how to recognise and manage concerns appropriately.';
    const r = one(
      [
        ['SAFEGUARDING VULNERABLE ADULTS'],
        ['No.', 'KEY ACTIONS', 'RESPONSIBLE MANAGER', 'TIMESCALE'],
        [area1],
        ['1.1', 'A Review is carried out', 'Assistant Director', 'End March 2010'],
        ['1.2', 'Train staff', 'Assistant Director', 'December 2009 and June 2010'],
        ['II IMPROVED QUALITY OF LIFE FOR OLDER PEOPLE'],
        ['2. Older people are supported to live at home'],
        ['2.1', 'Expand reablement', 'Head of Service', '2010'],
      ],
      { merges: ['A1:D1', 'A3:D3', 'A6:D6', 'A7:D7'] },
    );
    expect(r.actions).toHaveLength(3);
    expect(byRef(r, '1.1')).toMatchObject({ theme: 'SAFEGUARDING VULNERABLE ADULTS', area: area1, qualityStatement: null });
    expect(byRef(r, '1.2')).toMatchObject({
      theme: 'SAFEGUARDING VULNERABLE ADULTS',
      area: area1,
      dueDate: '2010-06-30',
      milestones: '2009-12-31',
    });
    expect(byRef(r, '2.1')).toMatchObject({
      theme: 'II IMPROVED QUALITY OF LIFE FOR OLDER PEOPLE',
      area: '2. Older people are supported to live at home',
      dueDate: '2010-12-31',
    });
    // Headings are not actions.
    expect(r.actions.some((a) => /SAFEGUARDING|IMPROVED|Assurance/.test(a.action))).toBe(false);
  });

  it('a new theme clears the area of the previous theme', () => {
    const r = one(
      [
        HEADER,
        ['SAFEGUARDING VULNERABLE ADULTS'],
        ['1. Assurance that staff know what to do'],
        ['1.1', 'Do A', 'Bob', 'March 2010'],
        ['COMMISSIONING'],
        ['2.1', 'Do B', 'Sue', 'June 2010'],
      ],
      { merges: ['A2:D2', 'A3:D3', 'A5:D5'] },
    );
    expect(byRef(r, '1.1')).toMatchObject({ theme: 'SAFEGUARDING VULNERABLE ADULTS', area: '1. Assurance that staff know what to do' });
    expect(byRef(r, '2.1')).toMatchObject({ theme: 'COMMISSIONING', area: null });
  });

  it('"Theme 2 - Providing Support: …" heading is the theme of the rows beneath it', () => {
    const theme2 = 'Theme 2 - Providing Support: how the local authority provides support';
    const r = one(
      [
        HEADER,
        ['T1.1', 'Do A', 'Bob', 'Q2 2025/26'],
        [theme2],
        ['T2.1', 'Do B', 'Sue', 'Q3 2025/26'],
        ['T2.2', 'Do C', 'Sue', 'Q4 2025/26'],
      ],
      { merges: ['A3:D3'] },
    );
    expect(byRef(r, 'T1.1').theme).toBeNull();
    expect(byRef(r, 'T2.1').theme).toBe(theme2);
    expect(byRef(r, 'T2.2').theme).toBe(theme2);
    expect(r.actions).toHaveLength(3);
  });

  it('a short theme heading straight under the header row is a heading, not a second header row', () => {
    const r = one(
      [
        HEADER,
        ['Theme 1: Working with people'],
        ['1.1', 'Reduce waiting times', 'Head of Assessment', 'March 2026'],
        ['1.2', 'Raise carer awareness', 'Principal Social Worker', 'Q3 2025/26'],
      ],
      { merges: ['A2:D2'] },
    );
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.actions).toHaveLength(2);
    expect(r.actions[0]).toMatchObject({
      ref: '1.1',
      theme: 'Theme 1: Working with people',
      action: 'Reduce waiting times',
      lead: 'Head of Assessment',
      dueDate: '2026-03-31',
    });
  });

  it('a quality statement heading ("Safeguarding") sets qualityStatement; the next theme clears it', () => {
    const r = one(
      [
        HEADER,
        ['2.9', 'Last action of theme 2', 'Bob', 'March 2026'],
        ['Theme 3 - Ensuring safety within the system'],
        ['Safeguarding'],
        ['3.1', 'Refresh the safeguarding board', 'Sue', 'Q3 2025/26'],
        ['3.2', 'Audit section 42 enquiries', 'Sue', 'Q4 2025/26'],
        ['Theme 4 - Leadership'],
        ['4.1', 'Publish the workforce plan', 'Ann', 'Q4 2025/26'],
      ],
      { merges: ['A3:D3', 'A4:D4', 'A7:D7'] },
    );
    expect(byRef(r, '2.9').qualityStatement).toBeNull();
    expect(byRef(r, '3.1')).toMatchObject({ theme: 'Theme 3 - Ensuring safety within the system', qualityStatement: 'Safeguarding' });
    expect(byRef(r, '3.2').qualityStatement).toBe('Safeguarding');
    expect(byRef(r, '4.1')).toMatchObject({ theme: 'Theme 4 - Leadership', qualityStatement: null });
    expect(r.actions.map((a) => a.ref)).toEqual(['2.9', '3.1', '3.2', '4.1']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Grouping columns
// ---------------------------------------------------------------------------------------------------------------

describe('grouping columns', () => {
  const aim = 'Empowering people\nWe believe that people should be empowered to live the lives they want in their own communities.';
  const rows: CellInput[][] = [
    ['Aim', 'Priority', 'Action', 'Lead'],
    [aim, 'A good life', 'Do A', 'Bob'],
    [null, null, 'Do B', 'Sue'],
    [null, 'Staying well', 'Do C', 'Ann'],
    ['Connected communities', 'Home', 'Do D', 'Jo'],
    [null, null, 'Do E', 'Jo'],
  ];
  const opts = { merges: ['A2:A4'] };

  it('an Aim merged down over 3 rows is the theme of each row, by its short name', () => {
    const r = one(rows, opts);
    expect(r.actions.map((a) => a.theme)).toEqual([
      'Empowering people',
      'Empowering people',
      'Empowering people',
      'Connected communities',
      'Connected communities',
    ]);
  });

  it('merged grouping rows stay separate actions (one per action cell)', () => {
    const r = one(rows, opts);
    expect(r.actions.map((a) => a.action)).toEqual(['Do A', 'Do B', 'Do C', 'Do D', 'Do E']);
    expect(r.actions.map((a) => a.rows)).toEqual([[2], [3], [4], [5], [6]]);
  });

  it('blank grouping cells fill down from the cell above', () => {
    const r = one(rows, opts);
    expect(r.actions.map((a) => a.area)).toEqual(['A good life', 'A good life', 'Staying well', 'Home', 'Home']);
  });

  it('fill-down stops at a new theme heading', () => {
    const r = one(
      [
        ['THEME ONE'],
        ['Ref', 'Priority', 'Action', 'Lead'],
        ['1', 'Priority one', 'Do A', 'Bob'],
        ['2', null, 'Do B', 'Bob'],
        ['THEME TWO'],
        ['3', null, 'Do C', 'Bob'],
      ],
      { merges: ['A1:D1', 'A5:D5'] },
    );
    expect(byRef(r, '2')).toMatchObject({ theme: 'THEME ONE', area: 'Priority one' });
    expect(byRef(r, '3')).toMatchObject({ theme: 'THEME TWO', area: null });
  });

  it('two refs under the same merged theme cell stay two actions', () => {
    const r = one(
      [
        ['Theme', 'Ref', 'Action', 'Lead'],
        ['Working with people', '1.1', 'Do A', 'Bob'],
        [null, '1.2', 'Do B', 'Sue'],
        [null, '1.3', 'Do C', 'Sue'],
      ],
      { merges: ['A2:A4'] },
    );
    expect(r.actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
    expect(r.actions.every((a) => a.theme === 'Working with people')).toBe(true);
    expect(r.actions.map((a) => a.rows)).toEqual([[2], [3], [4]]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Row grouping: what is one action
// ---------------------------------------------------------------------------------------------------------------

describe('one action per real action', () => {
  it('a cell with several bullet points is ONE action, its text kept whole', () => {
    const text = 'Improve case recording:\n• Train all staff\n• Audit 50 files a quarter\n• Report findings to the board';
    const r = one([HEADER, ['1', text, 'Bob', 'March 2026'], ['2', 'Other action', 'Sue', 'June 2026']]);
    expect(r.actions).toHaveLength(2);
    expect(r.actions[0].action).toBe(text);
    expect(r.actions[0].rows).toEqual([2]);
  });

  describe('an action continued after a page break', () => {
    const rows: CellInput[][] = [
      HEADER,
      ['1.1', 'Do A, first part of the text', 'Bob', 'March 2026'],
      HEADER,
      [null, 'and the rest of the text', null, null],
      ['1.2', 'Do B', 'Sue', 'Q3 2025/26'],
      [null, 'A separate action without a ref', 'Ann', 'Dec-2026'],
    ];

    it('a row with an empty ref after a repeated header continues the action above (rows = [r1, r2])', () => {
      const r = one(rows);
      const a = byRef(r, '1.1');
      expect(a.rows).toEqual([2, 4]);
      expect(a.source.row).toBe(2);
      expect(a.action).toBe('Do A, first part of the text\nand the rest of the text');
      expect(a.lead).toBe('Bob');
      expect(a.dueDate).toBe('2026-03-31');
    });

    it('a row without a ref NOT after a page break stays its own action', () => {
      const r = one(rows);
      expect(r.actions).toHaveLength(3);
      expect(r.actions[2]).toMatchObject({ ref: '1', refGenerated: true, action: 'A separate action without a ref', lead: 'Ann', rows: [6], source: { row: 6 } });
      expect(byRef(r, '1.2').rows).toEqual([5]);
    });

    it('a row WITH a ref after a page break starts a new action', () => {
      const r = one([HEADER, ['1.1', 'Do A', 'Bob', 'March 2026'], HEADER, ['1.2', 'Do B', 'Sue', 'June 2026']]);
      expect(r.actions.map((a) => a.rows)).toEqual([[2], [4]]);
    });
  });

  describe('an action cell merged down over 3 outcome rows', () => {
    it('is one action, its outcomes and measures joined (no ref column)', () => {
      const r = one(
        [
          ['Action', 'Outcomes', 'Outcome Measures', 'Lead'],
          ['Review the front door', 'Outcome one', 'Measure one', 'Assistant Director'],
          [null, 'Outcome two', 'Measure two', null],
          [null, 'Outcome three', 'Measure three', 'Heads of Locality'],
          ['Re-purpose the teams', 'Outcome four', 'Measure four', 'Assistant Director'],
          ['Improve information', 'Outcome five', 'Measure five', 'Head of Digital'],
        ],
        { merges: ['A2:A4'] },
      );
      expect(r.actions).toHaveLength(3);
      expect(r.actions[0]).toMatchObject({
        action: 'Review the front door',
        outcomes: 'Outcome one\nOutcome two\nOutcome three',
        measures: 'Measure one\nMeasure two\nMeasure three',
        lead: 'Assistant Director\nHeads of Locality',
        rows: [2, 3, 4],
        source: { row: 2 },
      });
      expect(r.actions[1]).toMatchObject({ action: 'Re-purpose the teams', rows: [5] });
      expect(r.actions[2]).toMatchObject({ action: 'Improve information', rows: [6] });
    });

    it('is one action when its ref cell is merged down with it', () => {
      const r = one(
        [
          ['Ref', 'Action', 'Outcomes', 'Lead'],
          ['1', 'Review the front door', 'Outcome one', 'Bob'],
          [null, null, 'Outcome two', null],
          [null, null, 'Outcome three', null],
          ['2', 'Re-purpose the teams', 'Outcome four', 'Sue'],
        ],
        { merges: ['A2:A4', 'B2:B4', 'D2:D4'] },
      );
      expect(r.actions).toHaveLength(2);
      expect(r.actions[0]).toMatchObject({
        ref: '1',
        action: 'Review the front door',
        outcomes: 'Outcome one\nOutcome two\nOutcome three',
        rows: [2, 3, 4],
      });
      expect(r.actions[1]).toMatchObject({ ref: '2', rows: [5] });
    });
  });

  it('"See 12.1" cross-reference rows are folded into the action they name, with their text kept', () => {
    const r = one([
      HEADER,
      ['12.1', 'Develop the carers hub', 'Bob', 'March 2026'],
      ['12.2', 'See 12.1', null, 'See 12.1'],
      ['12.3', 'Refresh the strategy', 'Sue', 'June 2026'],
    ]);
    expect(r.actions.map((a) => a.ref)).toEqual(['12.1', '12.3']);
    expect(byRef(r, '12.1')).toMatchObject({ rows: [2, 3], linked: [{ ref: '12.2', text: 'See 12.1', sheet: 'Action Plan', row: 3 }] });
    expect(byRef(r, '12.1').progress).toBe('Also listed as 12.2 (row 3): “See 12.1”; timescale: See 12.1');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Status, RAG, dates
// ---------------------------------------------------------------------------------------------------------------

describe('status', () => {
  it('"Completed" / "In place" in the timescale with no status column → Complete, no due date', () => {
    const r = one([
      HEADER,
      ['1', 'Done thing', 'Bob', 'Completed'],
      ['2', 'Thing in place', 'Bob', 'In place'],
      ['3', 'Ongoing thing', 'Bob', 'Ongoing'],
      ['4', 'Dated thing', 'Bob', 'March 2026'],
    ]);
    expect(byRef(r, '1')).toMatchObject({ status: 'Complete', dueDate: null, timescale: 'Completed' });
    expect(byRef(r, '2')).toMatchObject({ status: 'Complete', dueDate: null });
    expect(byRef(r, '3')).toMatchObject({ status: null, dueDate: null });
    expect(byRef(r, '4')).toMatchObject({ status: null, dueDate: '2026-03-31' });
  });

  it('"Completed" in the timescale does not override a status column', () => {
    const r = one([
      ['Ref', 'Action', 'Timescale', 'Status'],
      ['1', 'Thing', 'Completed', 'In progress'],
      ['2', 'Other thing', 'Completed', null],
    ]);
    expect(byRef(r, '1').status).toBe('In progress');
    expect(byRef(r, '2').status).toBeNull();
  });

  const statusRows: CellInput[][] = [
    ['Ref', 'Action', 'Status', 'RAG'],
    ['1', 'A', 'To be started', 'R'],
    ['2', 'B', 'Started', 'a'],
    ['3', 'C', 'Commenced and ongoing', 'G'],
    ['4', 'D', 'Completed', 'B'],
    ['5', 'E', 'On Track', 'Purple'],
    ['6', 'F', 'Waiting for the board', null],
  ];

  it.each([
    ['1', 'Not started'],
    ['2', 'In progress'],
    ['3', 'In progress'],
    ['4', 'Complete'],
    ['5', 'On track'],
  ])('status synonyms: ref %s → %s', (ref, status) => {
    expect(byRef(one(statusRows), ref).status).toBe(status);
  });

  it('an unrecognised status → null, the words kept', () => {
    const a = byRef(one(statusRows), '6');
    expect(a.status).toBeNull();
    expect(a.statusText).toBe('Waiting for the board');
  });

  it.each([
    ['1', 'Red'],
    ['2', 'Amber'],
    ['3', 'Green'],
    ['4', 'Blue'],
  ])('RAG letters: ref %s → %s', (ref, rag) => {
    expect(byRef(one(statusRows), ref).rag).toBe(rag);
  });

  it('an unrecognised RAG → null, the words kept; an empty RAG → null', () => {
    const r = one(statusRows);
    expect(byRef(r, '5')).toMatchObject({ rag: null, ragText: 'Purple' });
    expect(byRef(r, '6')).toMatchObject({ rag: null, ragText: null });
  });

  it('an embedded status ("… Shared Care records -On Track") → On track; the rest kept as progress', () => {
    const r = one([
      ['Action Ref', 'Actions We Are Taking', 'Responsible Lead Officer', 'Status (Started/ On Track/ Complete)', 'Milestones'],
      ['1.1', 'Align structures', 'Bob', 'Business Case to consider greater structural alignment Shared Care records -On Track', 'March 2023'],
      ['1.2', 'Review records', 'Bob', 'Work is complete on phase one of the review of records', 'March 2023'],
    ]);
    const a = byRef(r, '1.1');
    expect(a.status).toBe('On track');
    expect(a.progress).toContain('Business Case to consider greater structural alignment Shared Care records');
    // "complete" inside a sentence is not a status.
    expect(byRef(r, '1.2').status).toBeNull();
  });
});

describe('due dates from cells', () => {
  it('a real date cell in a "Target date" column → that dueDate', () => {
    const r = one([
      ['Ref', 'Action', 'Lead', 'Target date'],
      ['1', 'A', 'Bob', { date: '2026-03-31' }],
      ['2', 'B', 'Sue', '30/06/2026'],
      ['3', 'C', 'Sue', null],
    ]);
    expect(byRef(r, '1').dueDate).toBe('2026-03-31');
    expect(byRef(r, '2').dueDate).toBe('2026-06-30');
    expect(byRef(r, '3').dueDate).toBeNull();
  });

  it('a real date cell in a "Due date" column → that dueDate, whatever the timescale says', () => {
    const r = one([
      ['Ref', 'Action', 'Timescale', 'Due date'],
      ['1', 'A', 'Q3 2025/26', { date: '2025-11-30' }],
      ['2', 'B', 'Q3 2025/26', null],
    ]);
    expect(byRef(r, '1').dueDate).toBe('2025-11-30');
    expect(byRef(r, '2').dueDate).toBe('2025-12-31');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Columns, provenance, no plan, stray cells
// ---------------------------------------------------------------------------------------------------------------

describe('column mapping confidence', () => {
  it('1 for exact synonyms, below 1 (but still mapped) for fuzzy labels', () => {
    const r = one([
      ['Ref', 'Key actions', 'Responsible HoS / Senior Mgr', 'Timescale'],
      ['1', 'A', 'Bob', 'March 2026'],
    ]);
    const cols = r.sheets[0].columns;
    const conf = (field: string) => cols.find((c) => c.field === field)!.confidence;
    expect(conf('ref')).toBe(1);
    expect(conf('action')).toBe(1);
    expect(conf('timescale')).toBe(1);
    expect(conf('lead')).toBeLessThan(1);
    expect(conf('lead')).toBeGreaterThan(0);
    expect(r.actions[0].lead).toBe('Bob');
  });

  it('an unrecognised column → field null, confidence 0, its words kept in progress', () => {
    const r = one([
      ['Ref', 'Action', 'Lead', 'Xyzzy'],
      ['1', 'A', 'Bob', 'plugh'],
    ]);
    const col = r.sheets[0].columns.find((c) => c.header === 'Xyzzy')!;
    expect(col.field).toBeNull();
    expect(col.confidence).toBe(0);
    expect(r.actions[0].progress).toContain('plugh');
  });
});

describe('provenance', () => {
  it("every action's source.row is its first source row (1-based), source.sheet its sheet", () => {
    const r = run(
      workbook(
        sheet('Cover', [['Improvement plan 2025/26']]),
        sheet('Plan A', [['Title row 2025'], [], HEADER, ['1', 'A', 'Bob', 'March 2026'], HEADER, [null, 'A continued', null, null], ['2', 'B', 'Sue', 'June 2026']]),
      ),
    );
    expect(r.actions.map((a) => [a.source.sheet, a.source.row, a.rows])).toEqual([
      ['Plan A', 4, [4, 6]],
      ['Plan A', 7, [7]],
    ]);
    for (const a of r.actions) expect(a.source.row).toBe(a.rows[0]);
  });
});

describe('no plan table', () => {
  it('a sheet with no recognisable header → no actions and a no-plan-table error', () => {
    const r = run(workbook(sheet('Notes', [['Some notes about the plan'], ['Another line', 'more words']])));
    expect(r.actions).toEqual([]);
    expect(r.sheets[0].role).toBe('not-a-plan');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'no-plan-table', severity: 'error', sheet: 'Notes', cell: 'A1' });
    expect(r.findings[0].message).toBeTruthy();
  });

  it('no no-plan-table finding when another sheet has a plan', () => {
    const r = run(workbook(sheet('Notes', [['Some notes']]), sheet('Plan', [HEADER, ['1', 'A', 'Bob', 'March 2026']])));
    expect(r.findings.filter((f) => f.rule === 'no-plan-table')).toEqual([]);
    expect(r.actions).toHaveLength(1);
    expect(r.sheets.map((s) => s.role)).toEqual(['not-a-plan', 'plan']);
  });

  it('an empty workbook → a no-plan-table error, no crash', () => {
    const r = run(workbook(sheet('Sheet1', [])));
    expect(r.actions).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['no-plan-table']);
  });
});

describe('a stray cell at XFD1048576', () => {
  const stray = { extra: [{ address: 'XFD1048576', value: 'x' }] };

  it('does not blow up, and is not an action', () => {
    const start = Date.now();
    const r = one([HEADER, ['1', 'A', 'Bob', 'March 2026'], ['2', 'B', 'Sue', 'June 2026']], stray);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(r.actions.map((a) => a.ref)).toEqual(['1', '2']);
    expect(r.actions.some((a) => a.source.row === 1048576)).toBe(false);
    expect(r.actions.some((a) => a.action === 'x')).toBe(false);
  });

  it('is not folded into the last action (its rows stay [3])', () => {
    const r = one([HEADER, ['1', 'A', 'Bob', 'March 2026'], ['2', 'B', 'Sue', 'June 2026']], stray);
    expect(r.actions.map((a) => a.rows)).toEqual([[2], [3]]);
  });

  it('alone on a sheet → no actions, a no-plan-table error', () => {
    const r = one([], stray);
    expect(r.actions).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['no-plan-table']);
  });
});

describe('column overrides (the officer corrects the mapping before structuring)', () => {
  const rows = [
    ['Ref', 'Action', 'Column C', 'Finish'],
    ['1.1', 'Do A', 'Bob', 'March 2026'],
    ['Ref', 'Action', 'Column C', 'Finish'],
    ['1.2', 'Do B', 'Sue', 'June 2026'],
  ];
  const model = { sheets: [sheet('Plan', rows)] };

  test('an override maps a column the detector left out, on every header, with confidence 1', () => {
    const before = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01' });
    expect(before.actions.map((a) => a.lead)).toEqual([null, null]);
    const after = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01', columnOverrides: { Plan: { 3: 'lead', 4: 'timescale' } } });
    expect(after.actions.map((a) => [a.lead, a.dueDate])).toEqual([
      ['Bob', '2026-03-31'],
      ['Sue', '2026-06-30'],
    ]);
    expect(after.sheets[0].columns.find((c) => c.col === 3)).toMatchObject({ field: 'lead', confidence: 1 });
  });

  test('null ignores a column; overrides for another sheet change nothing', () => {
    const ignored = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01', columnOverrides: { Plan: { 1: null } } });
    // With the ref column ignored the plan has no refs of its own: generated ones, in plan order.
    expect(ignored.actions.map((a) => [a.ref, a.refGenerated])).toEqual([
      ['1', true],
      ['2', true],
    ]);
    const other = structureWorkbook(model, { today: '2026-01-15', planStart: '2025-04-01', columnOverrides: { Elsewhere: { 1: null } } });
    expect(other.actions.map((a) => a.ref)).toEqual(['1.1', '1.2']);
  });
});
