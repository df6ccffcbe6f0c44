/**
 * Column roles from evidence: the header's words, what the column holds, where it sits. Every workbook here is
 * built in code with header wording unlike the seeds', as a council we have never met would write it.
 */
import { ColumnMapping } from '../src/engine/structure/columns';
import { headerEvidence, stem } from '../src/engine/structure/roles/header-words';
import { structureWorkbook, StructureOptions, StructureResult } from '../src/engine/structure';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { CellInput, sheet, SheetOptions, workbook } from './helpers/model';
import { writeModel } from './helpers/xlsx-files';

const OPTIONS: StructureOptions = { today: '2026-01-15', planStart: '2025-04-01' };

function read(rows: CellInput[][], sheetOptions: SheetOptions = {}, options: Partial<StructureOptions> = {}): StructureResult {
  return structureWorkbook(workbook(sheet('Plan', rows, sheetOptions)), { ...OPTIONS, ...options });
}

function column(result: StructureResult, header: string): ColumnMapping {
  const found = result.sheets[0].columns.find((c) => c.header === header);
  if (!found) throw new Error(`no column "${header}" in ${JSON.stringify(result.sheets[0].columns.map((c) => c.header))}`);
  return found;
}

function fields(result: StructureResult): Record<string, string | null> {
  return Object.fromEntries(result.sheets[0].columns.map((c) => [c.header, c.field]));
}

/** The role a header's words alone favour. */
function wordsSay(label: string): string | null {
  const evidence = headerEvidence(label);
  let best: string | null = null;
  let score = 0;
  for (const [role, s] of Object.entries(evidence)) {
    if (s!.score > score) {
      best = role;
      score = s!.score;
    }
  }
  return best;
}

const COMMITMENTS = [
  'Bring the reablement and home care teams together under one manager so that people leave hospital sooner',
  'Publish a carers offer with partners, setting out the breaks and advice available in each locality',
  'Audit a sample of safeguarding enquiries every quarter and report the themes to the safeguarding board',
  'Introduce a single front door for adult social care with trusted assessors from the community health trust',
  'Train every practitioner in strengths-based conversations and review their practice through supervision',
];
const PEOPLE = ['Director of Adult Services', 'Head of Commissioning', 'Director of Adult Services', 'Principal Social Worker', 'Head of Commissioning'];
const WHEN = ['Q3 2025/26', 'March 2026', 'Ongoing', 'Sept 2026', '2026/27'];
const STATUS = ['On track', 'Not started', 'Completed', 'At risk', 'On track'];
const RAG = ['G', 'A', 'G', 'R', 'A'];
const UPDATES = [
  'The two teams now share one rota and the manager started in November; discharge delays are down by a fifth',
  'Draft offer agreed with the carers centre; the partnership board reviews it in January before publication',
  'First audit of twenty enquiries completed, and three themes reported to the board with an improvement plan',
  'Business case approved in principle; recruitment of the trusted assessors has begun with the health trust',
  'Two of four cohorts trained so far, and supervision templates updated to ask about strengths-based practice',
];

/** Five rows of a plan, one value per column, built from the lists above. */
function planRows(columns: CellInput[][]): CellInput[][] {
  return [0, 1, 2, 3, 4].map((i) => columns.map((values) => values[i]));
}

describe('header words', () => {
  it.each([
    ['Our commitments', 'action'],
    ['What needs to happen', 'action'],
    ['What will we do?', 'action'],
    ['Responsible director', 'lead'],
    ['Owner(s)', 'lead'],
    ["Officer's name", 'lead'],
    ['Accountable', 'lead'],
    ['Who?', 'lead'],
    ['Resp.', 'lead'],
    ['Dept.', 'lead'],
    ['By when?', 'timescale'],
    ['Completion by', 'timescale'],
    ['Target', 'timescale'],
    ['Tgt', 'timescale'],
    ['What will be different', 'outcomes'],
    ['Exp. outcome', 'outcomes'],
    ['Benefits', 'outcomes'],
    ['How will we tell it has worked?', 'measures'],
    ['Indicators of success', 'measures'],
    ['Latest commentary', 'progress'],
    ['Updates', 'progress'],
    ['Date last updated', 'lastUpdated'],
    ['Traffic light', 'rag'],
    ['Current state', 'status'],
    ['Priority areas', 'area'],
    ['Strategic pillar', 'theme'],
    ['Key deliverables', 'milestones'],
    ['Action owner', 'lead'],
    ['Action no.', 'ref'],
  ])('"%s" names %s', (label, role) => {
    expect(wordsSay(label)).toBe(role);
  });

  it('stems plurals, -ing and -ed forms to one word', () => {
    expect(stem('updates')).toBe(stem('update'));
    expect(stem('updating')).toBe(stem('update'));
    expect(stem('activities')).toBe(stem('activity'));
    expect(stem('status')).toBe('status');
  });

  it('an abbreviation is read, but never as surely as the word written out', () => {
    expect(headerEvidence('Resp.').lead!.score).toBeLessThan(headerEvidence('Responsible').lead!.score);
    expect(headerEvidence('Tgt').timescale!.score).toBeLessThan(headerEvidence('Target').timescale!.score);
  });

  it('words it does not know make it less sure, and a header of none of its words names nothing', () => {
    expect(headerEvidence('Responsible xyzzy').lead!.score).toBeLessThan(1);
    expect(headerEvidence('Xyzzy plugh')).toEqual({});
  });

  it('reads a whole plan whose headers are all unlike the seeds', () => {
    const r = read([
      ['Our improvement plan 2026'],
      ['Action no.', 'Our commitments', 'Owner(s)', 'Completion by', 'What will be different'],
      ...planRows([['1.1', '1.2', '1.3', '2.1', '2.2'], COMMITMENTS, PEOPLE, WHEN, UPDATES]),
    ]);
    expect(fields(r)).toEqual({
      'Action no.': 'ref',
      'Our commitments': 'action',
      'Owner(s)': 'lead',
      'Completion by': 'timescale',
      'What will be different': 'outcomes',
    });
    expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
    expect(r.actions[0]).toMatchObject({ ref: '1.1', lead: 'Director of Adult Services', timescale: 'Q3 2025/26' });
  });

  it('questions as headers: "Who?", "By when?", "What needs to happen"', () => {
    const r = read([['What needs to happen', 'Who?', 'By when?'], ...planRows([COMMITMENTS, PEOPLE, WHEN])]);
    expect(fields(r)).toEqual({ 'What needs to happen': 'action', 'Who?': 'lead', 'By when?': 'timescale' });
    expect(r.actions).toHaveLength(5);
  });
});

describe('content evidence', () => {
  it('columns whose headers name nothing are read from what they hold', () => {
    const r = read([
      ['Ref', 'Action', 'Column C', 'Column D', 'Column E', 'Column F'],
      ...planRows([['1', '2', '3', '4', '5'], COMMITMENTS, PEOPLE, WHEN, STATUS, RAG]),
    ]);
    expect(fields(r)).toMatchObject({ 'Column C': 'lead', 'Column D': 'timescale', 'Column E': 'status', 'Column F': 'rag' });
    expect(column(r, 'Column C').reasons!.join(' ')).toMatch(/names and job titles/);
    expect(column(r, 'Column D').reasons!.join(' ')).toMatch(/dates, months, quarters or years/);
    expect(column(r, 'Column E').reasons!.join(' ')).toMatch(/status words/);
    expect(r.actions[3]).toMatchObject({ lead: 'Principal Social Worker', status: 'At risk', rag: 'Red' });
  });

  it('finds the table by content when no header names the action: long free text, different on each row', () => {
    const r = read([
      ['Adult social care: what we heard and what we are doing'],
      [],
      ['#', 'Improvement', 'Lead officer', 'Deadline'],
      ...planRows([['a', 'b', 'c', 'd', 'e'], COMMITMENTS, PEOPLE, WHEN]),
    ]);
    expect(r.sheets[0].role).toBe('plan');
    expect(r.sheets[0].headerRows).toEqual([3]);
    expect(column(r, 'Improvement')).toMatchObject({ field: 'action' });
    expect(column(r, 'Improvement').reasons!.join(' ')).toMatch(/long free text, different on each row/);
    expect(column(r, '#')).toMatchObject({ field: 'ref' });
    expect(r.actions.map((a) => a.ref)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a header that names one role over content that is plainly another is less sure, and says why', () => {
    const r = read([['Action', 'Lead', 'Timescale'], ...planRows([COMMITMENTS, UPDATES, WHEN])]);
    const lead = column(r, 'Lead');
    expect(lead.confidence).toBeLessThan(1);
    expect(lead.reasons!.join(' ')).toMatch(/but what it holds looks like/);
    expect(column(r, 'Timescale').confidence).toBe(1);
  });

  it('samples: the first three values below the header', () => {
    const r = read([['Action', 'Who'], ...planRows([COMMITMENTS, PEOPLE])]);
    expect(column(r, 'Who').samples).toEqual(PEOPLE.slice(0, 3));
  });
});

describe('position', () => {
  it('a ref sits left of the action, and says so', () => {
    const r = read([['Item', 'Action', 'Lead'], ...planRows([['1.1', '1.2', '1.3', '1.4', '1.5'], COMMITMENTS, PEOPLE])]);
    expect(column(r, 'Item').field).toBe('ref');
    expect(column(r, 'Item').reasons).toContain('sits left of the action');
  });

  it('of two columns of free text with no header words, the left one is the action and the right the progress', () => {
    const r = read([['Who', 'Column B', 'Status', 'Column D'], ...planRows([PEOPLE, COMMITMENTS, STATUS, UPDATES])]);
    expect(fields(r)).toEqual({ Who: 'lead', 'Column B': 'action', Status: 'status', 'Column D': 'progress' });
    expect(column(r, 'Column D').reasons!.join(' ')).toMatch(/right of the (status|action)/);
  });
});

describe('which row is the header', () => {
  it('a short data row whose words name roles ("Task and finish group | Head of Service") is not a new header', () => {
    const r = read([
      ['Ref', 'Action', 'Lead', 'Timescale'],
      ['1.1', COMMITMENTS[0], PEOPLE[0], WHEN[0]],
      ['2.1', 'Task and finish group', 'Head of Service', 'Ongoing'],
      ['2.2', 'Owner review', 'Team manager', 'Target date tbc'],
      ['2.3', COMMITMENTS[1], PEOPLE[1], WHEN[1]],
    ]);
    expect(r.actions.map((a) => [a.ref, a.action])).toEqual([
      ['1.1', COMMITMENTS[0]],
      ['2.1', 'Task and finish group'],
      ['2.2', 'Owner review'],
      ['2.3', COMMITMENTS[1]],
    ]);
  });

  it('a data row written as a sentence is never a header, whatever its words', () => {
    const r = read([
      ['Action', 'Outcome', 'Lead'],
      ['Undertake a review of the team.', 'Measured via case file audits', 'Review the measures.'],
      ['Develop a workforce strategy', 'Better retention of staff', 'Head of Service'],
    ]);
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.actions).toHaveLength(2);
  });

  it('a header after a gap starts a new block, read on its own', () => {
    const r = read([
      ['Task', 'Owner'],
      [COMMITMENTS[0], PEOPLE[0]],
      [],
      ['Owner', 'Task'],
      [PEOPLE[1], COMMITMENTS[1]],
    ]);
    expect(r.actions.map((a) => [a.action, a.lead])).toEqual([
      [COMMITMENTS[0], PEOPLE[0]],
      [COMMITMENTS[1], PEOPLE[1]],
    ]);
  });
});

describe('a recommendation and the response to it', () => {
  // Each recommendation is merged down over the two responses to it.
  const rows: CellInput[][] = [
    ['Recommendation', 'Our response', 'Lead', 'By when'],
    ['Improve the timeliness of assessments', COMMITMENTS[0], PEOPLE[0], WHEN[0]],
    [null, COMMITMENTS[1], PEOPLE[1], WHEN[1]],
    ['Strengthen oversight of safeguarding', COMMITMENTS[2], PEOPLE[2], WHEN[2]],
    [null, COMMITMENTS[3], PEOPLE[3], WHEN[3]],
    [null, COMMITMENTS[4], PEOPLE[4], WHEN[4]],
  ];
  const merges = ['A2:A3', 'A4:A6'];

  it('the column of individual commitments is the action; the recommendation groups them', () => {
    const r = read(rows, { merges });
    expect(fields(r)).toMatchObject({ Recommendation: 'area', 'Our response': 'action' });
    expect(column(r, 'Recommendation').reasons!.join(' ')).toMatch(/groups them and is kept on each action/);
    expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
  });

  it('the recommendation is kept on each action it covers', () => {
    const r = read(rows, { merges });
    expect(r.actions.map((a) => a.area)).toEqual([
      'Improve the timeliness of assessments',
      'Improve the timeliness of assessments',
      'Strengthen oversight of safeguarding',
      'Strengthen oversight of safeguarding',
      'Strengthen oversight of safeguarding',
    ]);
  });

  it('where only a recommendation column exists, each recommendation is an action', () => {
    const r = read([['Recommendation', 'Responsible officer', 'Target date'], ...planRows([COMMITMENTS, PEOPLE, WHEN])]);
    expect(column(r, 'Recommendation').field).toBe('action');
    expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
  });

  it('a column of deliverables with no action column is the action; beside an action column, milestones stay milestones', () => {
    const alone = read([['Priority', 'Deliverable', 'Owner', 'Due'], ...planRows([['Prevention', 'Prevention', 'Carers', 'Carers', 'Carers'], COMMITMENTS, PEOPLE, WHEN])]);
    expect(fields(alone)).toMatchObject({ Priority: 'area', Deliverable: 'action', Owner: 'lead', Due: 'dueDate' });
    const beside = read([['Task', 'Milestones', 'Owner'], ...planRows([COMMITMENTS, UPDATES, PEOPLE])]);
    expect(fields(beside)).toEqual({ Task: 'action', Milestones: 'milestones', Owner: 'lead' });
  });

  it('a workstream repeated over several activities groups them', () => {
    const r = read([['Workstream', 'Activity', 'Lead'], ...planRows([['Front door', 'Front door', 'Carers', 'Carers', 'Carers'], COMMITMENTS, PEOPLE])]);
    expect(fields(r)).toEqual({ Workstream: 'area', Activity: 'action', Lead: 'lead' });
    expect(r.actions.map((a) => a.area)).toEqual(['Front door', 'Front door', 'Carers', 'Carers', 'Carers']);
  });

  it('and a column of findings likewise', () => {
    const r = read([['Finding', 'Accountable', 'Completion by'], ...planRows([COMMITMENTS, PEOPLE, WHEN])]);
    expect(column(r, 'Finding').field).toBe('action');
    expect(r.actions).toHaveLength(5);
  });
});

describe('confidence and reasons', () => {
  it('every column of a plan has a confidence in [0, 1] and reasons in plain words, not codes', () => {
    const r = read([['Ref', 'Our commitments', 'Who?', 'Column D', 'Xyzzy'], ...planRows([['1', '2', '3', '4', '5'], COMMITMENTS, PEOPLE, WHEN, ['x', 'y', 'z', 'x', 'y']])]);
    for (const c of r.sheets[0].columns) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.reasons!.length).toBeGreaterThan(0);
      for (const reason of c.reasons!) expect(reason).toMatch(/^[a-zA-Z"].* .*[a-z)"%]$/);
    }
    expect(column(r, 'Our commitments').reasons![0]).toBe('the header "Our commitments" names the action');
    expect(column(r, 'Xyzzy')).toMatchObject({ field: null, confidence: 0 });
  });

  it('a column read from its content alone is less sure than one its header names too', () => {
    const r = read([['Action', 'Who', 'Column C'], ...planRows([COMMITMENTS, PEOPLE, PEOPLE])]);
    expect(column(r, 'Column C').field).toBe('lead');
    expect(column(r, 'Column C').confidence).toBeLessThan(column(r, 'Who').confidence);
  });
});

describe('never a dead end', () => {
  const unnamed: CellInput[][] = [
    ['Column A', 'Column B', 'Column C', 'Column D'],
    ...planRows([['1', '2', '3', '4', '5'], COMMITMENTS, PEOPLE, WHEN]),
  ];

  it('no plan read: each sheet holding text gets its candidate columns, with letters, headers, samples and roles', () => {
    const r = read(unnamed);
    expect(r.actions).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['no-plan-table']);
    const candidates = r.sheets[0].candidates!;
    expect(candidates.headerRow).toBe(1);
    expect(candidates.columns.map((c) => [c.letter, c.header])).toEqual([
      ['A', 'Column A'],
      ['B', 'Column B'],
      ['C', 'Column C'],
      ['D', 'Column D'],
    ]);
    const b = candidates.columns[1];
    expect(b.samples).toEqual(COMMITMENTS.slice(0, 3));
    expect(b.roles[0].field).toBe('action');
    expect(b.roles[0].reasons.join(' ')).toMatch(/long free text/);
    expect(candidates.columns[2].roles[0]).toMatchObject({ field: 'lead' });
    expect(candidates.columns[3].roles[0]).toMatchObject({ field: 'timescale' });
  });

  it('a sheet with no header row at all still lists its columns, headerRow null', () => {
    const r = read(planRows([COMMITMENTS, PEOPLE]));
    const candidates = r.sheets[0].candidates!;
    expect(candidates.headerRow).toBeNull();
    expect(candidates.columns.map((c) => c.letter)).toEqual(['A', 'B']);
    expect(candidates.columns[0].samples).toEqual(COMMITMENTS.slice(0, 3));
  });

  it('no candidates where a plan was read, nor on sheets with no text', () => {
    const r = structureWorkbook(
      workbook(sheet('Plan', [['Action', 'Lead'], ...planRows([COMMITMENTS, PEOPLE])]), sheet('Notes', [['Just a note', 'and another']])),
      OPTIONS,
    );
    expect(r.sheets.map((s) => s.candidates)).toEqual([undefined, undefined]);
    const numbers = structureWorkbook(workbook(sheet('Figures', [[1, 2], [3, 4]])), OPTIONS);
    expect(numbers.sheets[0].candidates).toBeUndefined();
  });

  it("the officer's header row and columns read the table nothing was detected in", () => {
    const r = read(unnamed, {}, { headerRowOverrides: { Plan: 1 }, columnOverrides: { Plan: { 1: 'ref', 2: 'action', 3: 'lead', 4: 'timescale' } } });
    expect(r.findings.filter((f) => f.rule === 'no-plan-table')).toEqual([]);
    expect(r.sheets[0].role).toBe('plan');
    expect(r.sheets[0].headerRows).toEqual([1]);
    expect(r.actions.map((a) => [a.ref, a.action, a.lead, a.timescale])).toEqual(COMMITMENTS.map((c, i) => [String(i + 1), c, PEOPLE[i], WHEN[i]]));
  });

  it("the officer's header row wins over a row the detector would have chosen, and its repeats are skipped", () => {
    const rows: CellInput[][] = [
      ['Action', 'Lead'],
      ['Notes only', 'not a table'],
      ['Task', 'Person', 'Finish'],
      ...planRows([COMMITMENTS, PEOPLE, WHEN]).slice(0, 2),
      ['Task', 'Person', 'Finish'],
      ...planRows([COMMITMENTS, PEOPLE, WHEN]).slice(2),
    ];
    const r = read(rows, {}, { headerRowOverrides: { Plan: 3 } });
    expect(r.sheets[0].headerRows).toEqual([3]);
    expect(r.sheets[0].repeatedHeaders).toEqual([6]);
    expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
    expect(r.actions.map((a) => a.lead)).toEqual(PEOPLE);
  });
});

describe('on a real file, written and read through the xlsx adapter', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'roles-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a plan with a merged recommendation, question headers and real date cells reads with every action', async () => {
    const file = join(dir, 'inspection.xlsx');
    const rows: CellInput[][] = [
      ['Inspection response 2026'],
      [],
      ['Rec.', 'Recommendation', 'What will we do?', 'Who?', 'By when?', 'How is it going?'],
      ['1a', 'Improve the timeliness of assessments', COMMITMENTS[0], PEOPLE[0], { date: '2026-03-31' }, UPDATES[0]],
      ['1b', null, COMMITMENTS[1], PEOPLE[1], { date: '2026-06-30' }, UPDATES[1]],
      ['2a', 'Strengthen oversight of safeguarding', COMMITMENTS[2], PEOPLE[2], { date: '2026-09-30' }, UPDATES[2]],
      ['2b', null, COMMITMENTS[3], PEOPLE[3], { date: '2026-12-31' }, UPDATES[3]],
      ['2c', null, COMMITMENTS[4], PEOPLE[4], { date: '2027-03-31' }, UPDATES[4]],
    ];
    await writeModel(workbook(sheet('Response', rows, { merges: ['A1:F1', 'B4:B5', 'B6:B8'] })), file);
    const r = structureWorkbook(await readWorkbook(file), OPTIONS);
    expect(fields(r)).toEqual({
      'Rec.': 'ref',
      Recommendation: 'area',
      'What will we do?': 'action',
      'Who?': 'lead',
      'By when?': 'timescale',
      'How is it going?': 'progress',
    });
    expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
    expect(r.actions.map((a) => a.dueDate)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31']);
    expect(r.actions[4].area).toBe('Strengthen oversight of safeguarding');
  });

  it('a table nothing names: candidates to choose from, then read under the header row the officer gives', async () => {
    const file = join(dir, 'unnamed.xlsx');
    await writeModel(workbook(sheet('Sheet1', [['Column A', 'Column B', 'Column C'], ...planRows([COMMITMENTS, PEOPLE, WHEN])])), file);
    const model = await readWorkbook(file);
    const unsure = structureWorkbook(model, OPTIONS);
    expect(unsure.sheets[0].candidates!.columns.map((c) => [c.letter, c.roles[0]?.field])).toEqual([
      ['A', 'action'],
      ['B', 'lead'],
      ['C', 'timescale'],
    ]);
    const chosen = structureWorkbook(model, { ...OPTIONS, headerRowOverrides: { Sheet1: 1 }, columnOverrides: { Sheet1: { 1: 'action', 2: 'lead', 3: 'timescale' } } });
    expect(chosen.actions.map((a) => a.lead)).toEqual(PEOPLE);
  });
});

describe('property: any wording from the role vocabulary, in any column order', () => {
  // Headers a council might write for each role, none of them a seed's: plain, plural, possessive, abbreviated,
  // asked as a question.
  const WORDINGS = {
    ref: ['Ref.', 'Item no.', 'Reference', 'ID', '#'],
    action: ['Our commitments', 'What needs to happen', 'Tasks', 'Planned activity', 'What will we do?', 'Improvement actions'],
    lead: ['Owner(s)', 'Responsible director', 'Accountable', 'Who?', 'Resp.', "Officer's name", 'Lead manager'],
    timescale: ['By when?', 'Completion by', 'Target', 'Tgt', 'Deadline', 'Timeframe'],
    status: ['Current state', 'Status', 'Progress status', 'Where are we'],
    progress: ['Latest commentary', 'How is it going?', 'Updates', 'Progress to date', 'Comments'],
    outcomes: ['What will be different', 'Exp. outcome', 'Benefits', 'Impact on people'],
  } as const;
  const VALUES = {
    ref: ['1.1', '1.2', '2.1', '2.2', '3.1'],
    action: COMMITMENTS,
    lead: PEOPLE,
    timescale: WHEN,
    status: STATUS,
    progress: UPDATES,
    outcomes: UPDATES.map((u) => `People will notice that ${u.toLowerCase()}`),
  };
  type Field = keyof typeof WORDINGS;
  const FIELDS = Object.keys(WORDINGS) as Field[];

  it('every action is found, each field in its place, and nothing invented', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(FIELDS, { minLength: 3 }).filter((f) => f.includes('action')),
        fc.array(fc.nat(), { minLength: FIELDS.length, maxLength: FIELDS.length }),
        (order, picks) => {
          const headers = order.map((f, i) => WORDINGS[f][picks[i] % WORDINGS[f].length]);
          const r = read([headers, ...planRows(order.map((f) => VALUES[f]))]);
          expect(r.actions.map((a) => a.action)).toEqual(COMMITMENTS);
          if (order.includes('lead')) expect(r.actions.map((a) => a.lead)).toEqual(PEOPLE);
          if (order.includes('timescale')) expect(r.actions.map((a) => a.timescale)).toEqual(WHEN);
          if (order.includes('ref')) expect(r.actions.map((a) => a.ref)).toEqual(VALUES.ref);
          if (order.includes('status')) expect(r.actions.map((a) => a.statusText)).toEqual(STATUS);
          if (order.includes('progress')) r.actions.forEach((a, i) => expect(a.progress).toContain(UPDATES[i]));
          if (order.includes('outcomes')) r.actions.forEach((a, i) => expect(a.outcomes).toBe(VALUES.outcomes[i]));
        },
      ),
      { numRuns: 150 },
    );
  });
});
