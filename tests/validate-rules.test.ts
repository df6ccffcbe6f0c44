/**
 * Every validation rule: a small plan that triggers it and one that must not. The plans are built as workbook
 * models in code and go through the real engine (structureWorkbook, then validatePlan): nothing is mocked.
 */
import { Finding } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import { RULES, RULE_IDS, summariseFindings, validatePlan } from '../src/engine/validate';
import { CellModel, CellValue, MergedArea, SheetModel, WorkbookModel } from '../src/engine/workbook';

// ---------------------------------------------------------------------------------------------------------------
// A tiny workbook builder
// ---------------------------------------------------------------------------------------------------------------

type In = string | number | null | { date: string } | { error: string } | { v: string; across?: number; down?: number; bold?: boolean };

function toValue(cell: Exclude<In, null>): CellValue {
  if (typeof cell === 'string') return { type: 'text', value: cell };
  if (typeof cell === 'number') return { type: 'number', value: cell };
  if ('date' in cell) return { type: 'date', value: cell.date };
  if ('error' in cell) return { type: 'error', value: cell.error };
  return { type: 'text', value: cell.v };
}

/** A sheet from rows of cells, starting at row 1 (or `firstRow`). Merges come from {v, across, down}. */
function sheet(name: string, rows: In[][], firstRow = 1): SheetModel {
  const cells: CellModel[] = [];
  const merges: MergedArea[] = [];
  rows.forEach((row, i) => {
    const r = firstRow + i;
    row.forEach((cell, j) => {
      if (cell === null || cell === '') return;
      const c = j + 1;
      const model: CellModel = { row: r, col: c, value: toValue(cell) };
      if (typeof cell === 'object' && 'v' in cell) {
        if (cell.bold) model.bold = true;
        if (cell.across || cell.down) merges.push({ top: r, left: c, bottom: r + (cell.down ?? 0), right: c + (cell.across ?? 0) });
      }
      cells.push(model);
    });
  });
  return { name, cells, merges };
}

const HEADER = ['Ref', 'Action', 'Lead', 'Timescale', 'Status', 'RAG', 'Progress', 'Measures'];

/** A clean action: specific, measured, led, dated in the future, In progress and Green. */
function good(ref: string, overrides: Partial<Record<(typeof HEADER)[number], In>> = {}): In[] {
  const base: Record<string, In> = {
    Ref: ref,
    Action: 'Recruit two additional social workers to the hospital discharge team',
    Lead: 'Head of Assessment',
    Timescale: '31/03/2026',
    Status: 'In progress',
    RAG: 'Green',
    Progress: 'Both posts advertised in October.',
    Measures: 'People waiting for assessment below 300',
  };
  return HEADER.map((h) => (h in overrides ? (overrides[h] ?? null) : base[h]));
}

function planModel(rows: In[][], header: In[] = HEADER, extra: SheetModel[] = []): WorkbookModel {
  return { sheets: [sheet('Plan', [header, ...rows]), ...extra] };
}

const TODAY = '2025-11-15';

function validate(model: WorkbookModel, today = TODAY, planStart: string | null = '2025-04-01'): Finding[] {
  const result = structureWorkbook(model, { today, planStart });
  return validatePlan(result, { today });
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

// ---------------------------------------------------------------------------------------------------------------

describe('a clean plan', () => {
  test('gives no findings at all', () => {
    expect(validate(planModel([good('1.1'), good('1.2')]))).toEqual([]);
  });
});

describe('the catalogue', () => {
  test('has the rule ids the brief asks for, each with a severity, title, description and example', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of [
      'missing-column', 'missing-action', 'missing-lead', 'duplicate-ref', 'missing-ref', 'invalid-status', 'invalid-rag',
      'unparseable-timescale', 'missing-due-date', 'overdue', 'rag-inconsistent', 'complete-without-evidence', 'formula-error',
      'smart-incomplete', 'unknown-framework-code', 'theme-not-in-framework',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
    for (const r of RULES) {
      expect(['error', 'warning', 'info']).toContain(r.defaultSeverity);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.checks.length).toBeGreaterThan(20);
      expect(r.example.message.length).toBeGreaterThan(10);
      expect(r.example.fix.length).toBeGreaterThan(10);
    }
  });
});

describe('no-plan-table', () => {
  test('fires when no sheet has an action table, once across structuring and validation', () => {
    const result = structureWorkbook({ sheets: [sheet('Notes', [['Some notes about the plan'], ['More notes']])] }, { today: TODAY });
    const all = [...result.findings, ...validatePlan(result, { today: TODAY })];
    expect(all).toEqual([expect.objectContaining({ rule: 'no-plan-table', severity: 'error', sheet: 'Notes', cell: 'A1' })]);
    const own = validatePlan({ ...result, findings: [] }, { today: TODAY });
    expect(own).toEqual([expect.objectContaining({ rule: 'no-plan-table', severity: 'error', sheet: 'Notes', cell: 'A1' })]);
  });
  test('does not fire when a plan table exists', () => {
    expect(only(validate(planModel([good('1.1')])), 'no-plan-table')).toEqual([]);
  });
});

describe('missing-column', () => {
  test('lead, timescale and status: one warning each per sheet, in the header row, in the next free columns', () => {
    const header = ['Ref', 'Action', 'Progress', 'Measures'];
    const rows = [
      ['1.1', 'Recruit two additional social workers to the team', 'Posts advertised', 'Waiting list below 300'],
      ['1.2', 'Launch the online financial assessment tool for residents', 'Tool in testing', '90% online'],
    ];
    const f = only(validate(planModel(rows, header)), 'missing-column');
    expect(f.map((x) => [x.severity, x.cell, x.sheet])).toEqual([
      ['warning', 'E1', 'Plan'],
      ['warning', 'F1', 'Plan'],
      ['warning', 'G1', 'Plan'],
    ]);
    expect(f[0].message).toMatch(/no Lead column/);
    expect(f[1].message).toMatch(/no Timescale column/);
    expect(f[2].message).toMatch(/no Status column/);
    expect(f[0].fix).toMatch(/Add a “Lead” column \(for example at E1\)/);
  });
  test('action: an error when the sheet has no action column', () => {
    // "Action" is a group header over "Ref" and "Area": the sheet reads as a plan, but no column holds the actions.
    const model: WorkbookModel = {
      sheets: [
        sheet('Plan', [
          [{ v: 'Action', across: 1 }, null, 'Lead', 'Timescale', 'Status'],
          ['Ref', 'Area', null, null, null],
          ['1.1', 'Assessments', 'Head of Assessment', '31/03/2026', 'In progress'],
        ]),
      ],
    };
    const f = only(validate(model), 'missing-column');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', sheet: 'Plan', cell: 'F1' })]);
    expect(f[0].message).toMatch(/no Action column/);
    expect(only(validate(model), 'missing-action')).toEqual([]);
  });
  test('does not fire when the columns exist, when quarter markers stand for the timescale, or when dated milestones do', () => {
    expect(only(validate(planModel([good('1.1')])), 'missing-column')).toEqual([]);
    const markers: WorkbookModel = {
      sheets: [
        sheet('Plan', [
          ['Ref', 'Action', 'Lead', 'Status', { v: 'Timescales', across: 1 }, null],
          [null, null, null, null, '3m', '6m'],
          ['1.1', 'Recruit two additional social workers to the team', 'Head of Assessment', 'In progress', '●', null],
        ]),
      ],
    };
    expect(only(validate(markers), 'missing-column')).toEqual([]);
    const milestones = planModel(
      [['1.1', 'Recruit two additional social workers to the team', 'Head of Assessment', 'In progress', 'Posts filled March 2026']],
      ['Ref', 'Action', 'Lead', 'Status', 'Milestones'],
    );
    expect(only(validate(milestones), 'missing-column')).toEqual([]);
  });
});

describe('missing-action', () => {
  test('fires for a row with content but no action, at the empty action cell', () => {
    const f = only(validate(planModel([good('1.1'), good('1.2', { Action: null })])), 'missing-action');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', cell: 'B3' })]);
    expect(f[0].message).toBe('Row 3 (ref 1.2) has content but no action text.');
  });
  test('does not fire when every row has an action', () => {
    expect(only(validate(planModel([good('1.1'), good('1.2')])), 'missing-action')).toEqual([]);
  });
});

describe('missing-lead', () => {
  test('fires at the empty lead cell when the sheet has a lead column', () => {
    const f = only(validate(planModel([good('1.1'), good('1.2', { Lead: null })])), 'missing-lead');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'C3', message: 'Action 1.2 (row 3) has no lead.' })]);
  });
  test('does not fire for a cross-reference row, or when the sheet has no lead column (missing-column covers that)', () => {
    const xref = planModel([good('1.1'), ['1.2', 'See 1.1', null, null, null, null, null, null]]);
    expect(only(validate(xref), 'missing-lead')).toEqual([]);
    const noLead = planModel(
      [['1.1', 'Recruit two additional social workers to the team', '31/03/2026', 'In progress']],
      ['Ref', 'Action', 'Timescale', 'Status'],
    );
    expect(only(validate(noLead), 'missing-lead')).toEqual([]);
  });
});

describe('duplicate-ref', () => {
  test('fires at the second occurrence only, and suggests a free ref', () => {
    const f = only(validate(planModel([good('ES3.5'), good('ES3.5'), good('ES3.6')])), 'duplicate-ref');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', cell: 'A3' })]);
    expect(f[0].message).toBe('Action ES3.5 (row 3) uses the ref ES3.5, which row 2 already uses.');
    expect(f[0].fix).toMatch(/ES3\.7/);
  });
  test('does not fire for distinct refs', () => {
    expect(only(validate(planModel([good('1.1'), good('1.2'), good('1.10')])), 'duplicate-ref')).toEqual([]);
  });
});

describe('missing-ref', () => {
  test('fires per action where the sheet has a ref column', () => {
    const f = only(validate(planModel([good('1.1'), good('', { Action: 'Launch the online financial assessment tool for residents' })])), 'missing-ref');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', cell: 'A3' })]);
    expect(f[0].message).toMatch(/^The action on row 3 \(“Launch the online financial/);
  });
  test('fires once for a sheet with no ref column', () => {
    const header = ['Action', 'Lead', 'Timescale', 'Status'];
    const row = ['Recruit two additional social workers to the team', 'Head of Assessment', '31/03/2026', 'In progress'];
    const f = only(validate(planModel([row, [...row]], header)), 'missing-ref');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', cell: 'E1' })]);
    expect(f[0].message).toMatch(/has numbered its 2 actions in plan order \(1 to 2\)/);
  });
  test('does not fire when every action has a ref', () => {
    expect(only(validate(planModel([good('1.1'), good('1.2')])), 'missing-ref')).toEqual([]);
  });
});

describe('a RAG rating in the status column of a plan with no RAG column', () => {
  const header = ['Ref', 'Action', 'Lead', 'Timescale', 'Status'];
  const row = (ref: string, status: string) => [ref, 'Recruit two additional social workers to the hospital discharge team', 'Head of Assessment', '31/03/2026', status];
  const rows = [row('1.1', 'Green'), row('1.2', 'Red - delayed'), row('1.3', 'Amber'), row('1.4', 'In progress')];

  test('is the action’s RAG, not an unknown status, and “Red - delayed” stays Red', () => {
    const actions = structureWorkbook(planModel(rows, header), { today: TODAY, planStart: '2025-04-01' }).actions;
    expect(actions.map((a) => [a.status, a.rag, a.progress])).toEqual([
      [null, 'Green', null],
      ['At risk', 'Red', null],
      [null, 'Amber', null],
      ['In progress', null, null],
    ]);
    expect(only(validate(planModel(rows, header)), 'invalid-status')).toEqual([]);
  });

  test('with a RAG column beside it, a RAG word in the status column is still an unknown status', () => {
    const withRag = [[...row('1.1', 'Green'), 'Green']];
    expect(only(validate(planModel(withRag, [...header, 'RAG'])), 'invalid-status').map((f) => f.cell)).toEqual(['E2']);
  });
});

describe('invalid-status', () => {
  test('fires for an unrecognised status and suggests the nearest', () => {
    const f = only(validate(planModel([good('1.1', { Status: 'Compleated', RAG: null })])), 'invalid-status');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', cell: 'E2' })]);
    expect(f[0].message).toMatch(/“Compleated”/);
    expect(f[0].fix).toMatch(/^Change it to “Complete”/);
  });
  test('does not fire for synonyms or a status at the end of a note', () => {
    const rows = [
      good('1.1', { Status: 'On Track' }),
      good('1.2', { Status: 'Business Case to consider greater structural alignment Shared Care records -On Track' }),
      good('1.3', { Status: 'Started' }),
      good('1.4', { Status: 'To be started', RAG: 'Grey' }),
    ];
    expect(only(validate(planModel(rows)), 'invalid-status')).toEqual([]);
  });
});

describe('invalid-rag', () => {
  test('fires for a value that is not a RAG colour', () => {
    const f = only(validate(planModel([good('1.1', { RAG: 'Ambr' })])), 'invalid-rag');
    expect(f).toEqual([expect.objectContaining({ severity: 'error', cell: 'F2' })]);
    expect(f[0].fix).toMatch(/“Amber”/);
  });
  test('does not fire for colours and their letters', () => {
    expect(only(validate(planModel([good('1.1', { RAG: 'G' }), good('1.2', { RAG: 'green' })])), 'invalid-rag')).toEqual([]);
  });
});

describe('no-actions', () => {
  test('fires for a plan sheet with a header and nothing under it, where the first action goes', () => {
    const f = only(validate(planModel([])), 'no-actions');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Plan', cell: 'A2', message: 'The “Plan” sheet has a header row but no actions under it.' })]);
  });
  test('does not fire for a plan with actions, or a workbook with no plan table', () => {
    expect(only(validate(planModel([good('1.1')])), 'no-actions')).toEqual([]);
    expect(only(validate({ sheets: [sheet('Notes', [['Some notes about the plan']])] }), 'no-actions')).toEqual([]);
  });
});

describe('header-reads-as-action', () => {
  test('fires when the sheet has no header row, so an action was taken for one', () => {
    // Ten actions and no header row: the reader takes the second for the header (a layout from a helper's trial).
    const rows = [
      ['1.1', 'Review the front door triage process so that people get advice on first contact', 'Head of Access', '31/03/2026', 'Delayed', 'Slipped because of recruitment'],
      ['1.2', 'Publish a carers offer on the website', 'Carers Lead', 'Q3 2025/26', 'Not started', null],
      ['1.3', 'Reduce waiting list for Care Act assessments to under 200 people', 'Principal Social Worker', 'end of March', 'Done', 'Waiting list 180 at 31/10'],
      ['1.4', 'Refresh the safeguarding adults training for all staff', 'SAB Business Manager', '30.06.2026', 'In Progress', 'Two cohorts trained'],
      ['1.5', 'Commission an advocacy service', 'Commissioning Manager', 'TBC', 'On hold', 'Awaiting budget'],
      ['1.6', 'Implement a new quality assurance framework for practice', 'Head of Quality', 'March 2026', 'Completed', 'Signed off at DMT'],
      ['1.7', 'Co-produce the ASC strategy with people who draw on care', 'Director of ASC', '03/04/2026', 'Ongoing', null],
      ['1.8', 'Improve direct payments uptake to 30%', 'DP Lead', '31/3/26', 'Behind schedule', null],
      ['1.9', 'Review transitions protocol with children services', 'Head of Transitions', 'Sept 2025', 'Complete', 'done'],
      ['1.10', 'Roll out strength-based practice training', 'Workforce Lead', '2025-12-31', 'on track', null],
    ];
    const model = { sheets: [sheet('Sheet1', rows)] };
    const f = only(validate(model), 'header-reads-as-action');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Sheet1', cell: 'A2' })]);
    expect(f[0].message).toMatch(/row 2\) reads like an action, not column names \(“1\.2”, “Q3 2025\/26”, “Not started”\)/);
  });
  test('does not fire for column names, even one that is also a value (“Complete?”, “2025/26”)', () => {
    expect(only(validate(planModel([good('1.1'), good('1.2')])), 'header-reads-as-action')).toEqual([]);
    const header = ['Ref', 'Action', 'Lead', '2025/26', 'Complete?', 'RAG', 'Progress', 'Measures'];
    expect(only(validate(planModel([good('1.1'), good('1.2')], header)), 'header-reads-as-action')).toEqual([]);
  });
});

describe('unparseable-timescale', () => {
  test('fires for TBC and for text with no date, at the timescale cell', () => {
    const f = only(validate(planModel([good('1.1', { Timescale: 'TBC' }), good('1.2', { Timescale: 'When funding allows' })])), 'unparseable-timescale');
    expect(f.map((x) => [x.cell, x.severity])).toEqual([
      ['D2', 'warning'],
      ['D3', 'warning'],
    ]);
    expect(f[0].message).toMatch(/“TBC”: the date has not been set/);
  });
  test('does not fire for dates, relative terms with a plan start, or known no-date terms', () => {
    const rows = [
      good('1.1', { Timescale: 'Short-term' }),
      good('1.2', { Timescale: 'Q4 2025/26' }),
      good('1.3', { Timescale: 'Ongoing' }),
      good('1.4', { Timescale: 'See Theme 3' }),
      good('1.5', { Timescale: 'End March 2026' }),
    ];
    expect(only(validate(planModel(rows)), 'unparseable-timescale')).toEqual([]);
  });
  test('asks about words in a due-date column that give no date, rather than calling the cell empty', () => {
    // A plan with a Due date column and no timescale column: what the officer wrote there is kept and asked about.
    const header = ['Ref', 'Action', 'Lead', 'Due date', 'Status', 'RAG', 'Progress', 'Measures'];
    const row = (ref: string, due: In) => good(ref, { Timescale: due });
    const model = planModel([row('1.1', 'By end Q4'), row('1.2', '12/31/2025'), row('1.3', { date: '2026-03-31' }), row('1.4', '31/03/2026')], header);
    const findings = validate(model);
    expect(only(findings, 'missing-due-date')).toEqual([]);
    const asked = only(findings, 'unparseable-timescale');
    expect(asked.map((f) => f.cell)).toEqual(['D2', 'D3']);
    expect(asked[0].message).toMatch(/“By end Q4”, which gives no date/);
    expect(asked[1].message).toMatch(/“12\/31\/2025”, which gives no date/);
    const actions = structureWorkbook(model, { today: TODAY, planStart: '2025-04-01' }).actions;
    expect(actions.map((a) => [a.timescale, a.dueDate])).toEqual([
      ['By end Q4', null],
      ['12/31/2025', null],
      [null, '2026-03-31'],
      [null, '2026-03-31'],
    ]);
  });
});

describe('missing-due-date', () => {
  test('fires for an action with no timescale at all', () => {
    const f = only(validate(planModel([good('1.1', { Timescale: null })])), 'missing-due-date');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'D2', message: 'Action 1.1 (row 2) has no timescale or due date.' })]);
  });
  test('does not fire for "Ongoing", a Complete action, or a sheet with no timescale column', () => {
    const rows = [good('1.1', { Timescale: 'Ongoing' }), good('1.2', { Timescale: null, Status: 'Complete', RAG: 'Blue' })];
    expect(only(validate(planModel(rows)), 'missing-due-date')).toEqual([]);
    const noColumn = planModel([['1.1', 'Recruit two additional social workers to the team', 'Head', 'In progress']], ['Ref', 'Action', 'Lead', 'Status']);
    expect(only(validate(noColumn), 'missing-due-date')).toEqual([]);
  });
});

describe('overdue', () => {
  test('fires for a past due date that is not Complete, at the timescale cell', () => {
    const f = only(validate(planModel([good('1.1', { Timescale: '30/09/2025', RAG: null })])), 'overdue');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'D2' })]);
    expect(f[0].message).toBe('Action 1.1 (row 2) was due on 30/09/2025 and is not marked Complete (status: In progress).');
  });
  test('points at the due-date cell when a due-date column gives the date', () => {
    const header = ['Ref', 'Action', 'Lead', 'Due date', 'Status', 'Measures'];
    const f = only(validate(planModel([['1.1', 'Recruit two additional social workers to the team', 'Head', { date: '2025-06-30' }, 'Not started', '300']], header)), 'overdue');
    expect(f.map((x) => x.cell)).toEqual(['D2']);
  });
  test('does not fire when Complete, or due in the future', () => {
    const rows = [good('1.1', { Timescale: '30/09/2025', Status: 'Complete', RAG: 'Blue' }), good('1.2', { Timescale: '31/12/2025' })];
    expect(only(validate(planModel(rows)), 'overdue')).toEqual([]);
  });
});

describe('rag-inconsistent', () => {
  test('fires for Green but overdue, Blue but not Complete, and Red but Complete', () => {
    const rows = [
      good('1.1', { Timescale: '30/09/2025', RAG: 'Green' }),
      good('1.2', { RAG: 'Blue' }),
      good('1.3', { Status: 'Complete', RAG: 'Red' }),
      good('1.4', { Status: 'Off track', RAG: 'Green' }),
    ];
    const f = only(validate(planModel(rows)), 'rag-inconsistent');
    expect(f.map((x) => x.cell)).toEqual(['F2', 'F3', 'F4', 'F5']);
    expect(f[0].message).toMatch(/rated Green, but it was due on 30\/09\/2025/);
    expect(f[0].fix).toMatch(/^Change the RAG to Red/);
    expect(f[1].message).toMatch(/rated Blue, but its status is In progress/);
    expect(f[2].fix).toMatch(/^Change the RAG to Blue/);
    expect(f[3].fix).toMatch(/^Change the RAG to Red/);
  });
  test('does not fire for consistent RAGs or when no RAG is entered', () => {
    const rows = [
      good('1.1', { RAG: 'Green' }),
      good('1.2', { Status: 'Complete', RAG: 'Blue' }),
      good('1.3', { Status: 'At risk', RAG: 'Amber' }),
      good('1.4', { Timescale: '30/09/2025', RAG: 'Red' }),
      good('1.5', { Timescale: '30/09/2025', RAG: null }),
    ];
    expect(only(validate(planModel(rows)), 'rag-inconsistent')).toEqual([]);
  });
  test('Blue rules follow the plan legend: when Blue does not mean complete, Blue with In progress is fine', () => {
    const model = planModel([good('1.1', { RAG: 'Blue' })]);
    const result = structureWorkbook(model, { today: TODAY, planStart: '2025-04-01', settings: { ragLegend: { Blue: 'Within tolerance', Green: 'On track', Amber: 'At risk', Red: 'Off track', Grey: 'No data', 'No update': 'No update' } } });
    expect(only(validatePlan(result, { today: TODAY }), 'rag-inconsistent')).toEqual([]);
  });
});

describe('complete-without-evidence', () => {
  test('fires for Complete with an empty progress cell, at that cell', () => {
    const f = only(validate(planModel([good('1.1', { Status: 'Complete', RAG: 'Blue', Progress: null })])), 'complete-without-evidence');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', cell: 'G2' })]);
  });
  test('does not fire when progress is recorded, or when not Complete', () => {
    const rows = [good('1.1', { Status: 'Complete', RAG: 'Blue' }), good('1.2', { Progress: null })];
    expect(only(validate(planModel(rows)), 'complete-without-evidence')).toEqual([]);
  });
});

describe('formula-error', () => {
  test('fires for an Excel error in a mapped cell, and only formula-error for that cell', () => {
    const rows = [good('1.1', { Timescale: { error: '#REF!' } }), good('1.2', { Status: { error: '#N/A' } })];
    const f = validate(planModel(rows));
    expect(only(f, 'formula-error').map((x) => [x.cell, x.severity])).toEqual([
      ['D2', 'error'],
      ['E3', 'error'],
    ]);
    expect(only(f, 'formula-error')[0].message).toMatch(/#REF!/);
    expect(only(f, 'unparseable-timescale')).toEqual([]);
    expect(only(f, 'invalid-status')).toEqual([]);
  });
  test('does not fire without error values', () => {
    expect(only(validate(planModel([good('1.1')])), 'formula-error')).toEqual([]);
  });
});

describe('smart-incomplete', () => {
  test('names the missing parts: a short, unmeasured action', () => {
    const f = only(validate(planModel([good('1.1', { Action: 'Review the policy', Measures: null })])), 'smart-incomplete');
    expect(f).toEqual([expect.objectContaining({ severity: 'info', cell: 'B2' })]);
    expect(f[0].message).toMatch(/not Specific .*not Measurable/);
    expect(f[0].message).not.toMatch(/Assignable|Time-bound/);
  });
  test('Assignable and Time-bound point at the empty lead and timescale cells', () => {
    const f = only(validate(planModel([good('1.1', { Lead: null, Timescale: null })])), 'smart-incomplete');
    expect(f).toEqual([expect.objectContaining({ cell: 'C2' })]);
    expect(f[0].message).toMatch(/not Assignable \(no lead\), not Time-bound \(no due date\)/);
  });
  test('a number or percentage in the action counts as Measurable; SMART actions, cross-references and Complete actions pass', () => {
    const rows = [
      good('1.1', { Measures: null, Action: 'Raise the share of reviews completed on time to 85% by March' }),
      good('1.2'),
      good('1.3', { Action: 'See 1.1', Lead: null, Timescale: null, Measures: null, RAG: null, Status: null }),
      good('1.4', { Action: 'Done it', Status: 'Complete', RAG: 'Blue' }),
    ];
    expect(only(validate(planModel(rows)), 'smart-incomplete')).toEqual([]);
  });
});

describe('unknown-framework-code', () => {
  test('fires for an ASCOF code in neither framework, at the cell that cites it', () => {
    const f = only(validate(planModel([good('1.1', { Measures: 'KPI-14 (ASCOF 9Z)' })])), 'unknown-framework-code');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'H2' })]);
    expect(f[0].message).toMatch(/ASCOF 9Z/);
  });
  test('does not fire for valid codes in either numbering, or for local indicator numbers', () => {
    const rows = [
      good('1.1', { Measures: 'Reablement (ASCOF 2Aii Indicator 5.11)' }),
      good('1.2', { Measures: 'ASCOF 1C(2A); ASCOF 4A; ASCOF 2A' }),
      good('1.3', { Measures: 'KPI-04 (ACAS Indicator 8.5a); Average wait (ASCOF Indicator 12.4)' }),
    ];
    expect(only(validate(planModel(rows)), 'unknown-framework-code')).toEqual([]);
  });
});

describe('theme-not-in-framework', () => {
  const header = ['Quality statement', 'Ref', 'Action', 'Lead', 'Timescale', 'Status', 'Measures'];
  const row = (qs: string, ref: string): In[] => [qs, ref, 'Recruit two additional social workers to the team', 'Head', '31/03/2026', 'In progress', '300 waiting'];
  test('in a CQC plan, fires for a statement that is not one of the nine, naming the nearest', () => {
    const f = only(validate(planModel([row('Assessing needs', '1.1'), row('Workforce equality, diversity, and inclusion', '1.2')], header)), 'theme-not-in-framework');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'A3' })]);
    expect(f[0].message).toMatch(/“Workforce equality, diversity, and inclusion”, which is not one of CQC’s 9 quality statements; the nearest is “/);
  });
  test('does not fire for the nine or their variants', () => {
    const rows = [row('Supporting people to lead healthier lives', '1.1'), row('Safe pathways, systems and transitions', '1.2'), row('Safeguarding', '1.3')];
    expect(only(validate(planModel(rows, header)), 'theme-not-in-framework')).toEqual([]);
  });
});

describe('cross-reference-not-found', () => {
  test('fires when "See …" names a ref no action has', () => {
    const f = only(validate(planModel([good('1.1'), ['1.2', 'See 9.9', null, null, null, null, null, null]])), 'cross-reference-not-found');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', cell: 'B3' })]);
  });
  test('does not fire when the ref exists', () => {
    expect(only(validate(planModel([good('1.1'), ['1.2', 'Refer to 1.1', null, null, null, null, null, null]])), 'cross-reference-not-found')).toEqual([]);
  });
});

describe('rule severities from the Plan Settings sheet', () => {
  const settings = (rows: In[][]): SheetModel => sheet('Plan Settings', [['Setting', 'Value'], ...rows]);
  const plan = [good('1.1', { Lead: null }), good('1.2', { Action: 'Review the policy', Measures: null })];
  test('"Rule: <id>" rows turn rules off or change their severity', () => {
    const before = validate(planModel(plan));
    expect(only(before, 'smart-incomplete').length).toBeGreaterThan(0);
    expect(only(before, 'missing-lead')[0].severity).toBe('warning');
    const after = validate(planModel(plan, HEADER, [settings([['Rule: smart-incomplete', 'off'], ['Rule: Missing-Lead', 'Error'], ['Rule: overdue', 'sometimes']])]));
    expect(only(after, 'smart-incomplete')).toEqual([]);
    expect(only(after, 'missing-lead').map((f) => f.severity)).toEqual(['error']);
  });
  test('structureWorkbook reads them into settings.ruleSeverities', () => {
    const result = structureWorkbook(planModel(plan, HEADER, [settings([['Rule: duplicate-ref', 'warning'], ['Plan start', '01/04/2025']])]), { today: TODAY });
    expect(result.settings.ruleSeverities).toEqual({ 'duplicate-ref': 'warning' });
    expect(result.settings.planStart).toBe('2025-04-01');
  });
});

describe('ordering and summary', () => {
  test('findings come errors first, then warnings, then notes; then by sheet, row and column', () => {
    const rows = [
      good('1.1', { Lead: null, Measures: null, Action: 'Review the policy' }),
      good('1.1', { Status: 'Compleated', RAG: null }),
      good('1.3', { Timescale: 'TBC' }),
    ];
    const f = validate(planModel(rows));
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1];
      const b = f[i];
      expect(rank[a.severity]).toBeLessThanOrEqual(rank[b.severity]);
      if (a.severity === b.severity) {
        const pa = /^([A-Z]+)(\d+)$/.exec(a.cell)!;
        const pb = /^([A-Z]+)(\d+)$/.exec(b.cell)!;
        expect(Number(pa[2]) * 100 + pa[1].charCodeAt(0)).toBeLessThanOrEqual(Number(pb[2]) * 100 + pb[1].charCodeAt(0));
      }
    }
    expect(f.map((x) => x.rule)).toEqual(['duplicate-ref', 'invalid-status', 'missing-lead', 'unparseable-timescale', 'smart-incomplete', 'smart-incomplete']);
  });
  test('summariseFindings counts and words them', () => {
    const f = validate(planModel([good('1.1', { Lead: null }), good('1.1')]));
    const s = summariseFindings(f);
    expect(s).toEqual({ errors: 1, warnings: 1, infos: 1, text: '1 error, 1 warning, 1 note' });
    expect(summariseFindings([]).text).toBe('0 errors, 0 warnings, 0 notes');
  });
  test('every finding has a plain message naming the row or ref, and a fix', () => {
    const rows = [good('1.1', { Lead: null, Status: 'Compleated', RAG: 'Purple', Timescale: 'TBC', Measures: 'ASCOF 9Z' }), good('1.1')];
    for (const f of validate(planModel(rows))) {
      expect(f.message).toMatch(/1\.1|row \d+/);
      expect(f.fix).toBeTruthy();
    }
  });
});
