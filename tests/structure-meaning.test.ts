/**
 * Meaning inside the plan: cross-reference rows, year headings, generated refs, two named actions in one cell, and
 * a completion that contradicts the status. Each is tested on the seed it came from and on a small workbook unlike
 * that seed (written to .xlsx and read back through the real adapter), because each rule must hold for plans we
 * have never seen.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSeedPlans, SeedPlan } from '../scripts/seed-data';
import { Finding } from '../src/engine/schema';
import { structureWorkbook, StructureResult } from '../src/engine/structure';
import { readYearHeading } from '../src/engine/structure/year-headings';
import { completionClaim } from '../src/engine/validate/completion-claim';
import { validatePlan } from '../src/engine/validate';
import { WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { structureSeed } from './helpers/seeds';
import { writeModel } from './helpers/xlsx-files';

const seeds = new Map(loadSeedPlans().map((p) => [p.id, p]));
const seedResults = new Map<string, Promise<StructureResult>>();

function seed(id: string): Promise<StructureResult> {
  if (!seedResults.has(id)) seedResults.set(id, structureSeed(seeds.get(id) as SeedPlan));
  return seedResults.get(id)!;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-meaning-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The model as a real .xlsx file, read back through the adapter the CLI uses. */
async function throughFile(model: WorkbookModel, name: string): Promise<WorkbookModel> {
  const file = path.join(dir, `${name}.xlsx`);
  await writeModel(model, file);
  return readWorkbook(file);
}

async function structure(name: string, rows: CellInput[][], options: { today?: string; planStart?: string | null } = {}): Promise<StructureResult> {
  const model = await throughFile(workbook(sheet('Sheet1', rows)), name);
  return structureWorkbook(model, { today: options.today ?? '2025-11-15', planStart: options.planStart ?? null });
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

// ---------------------------------------------------------------------------------------------------------------
// Contradicting completion
// ---------------------------------------------------------------------------------------------------------------

describe('a milestone or progress that says done while the status does not', () => {
  test('Sefton T3.3: milestone "Completed", status "On Track": one finding, at the status cell, with a fix in words', async () => {
    const result = await seed('sefton-peer-review-action-plan');
    const t33 = result.actions.find((a) => a.ref === 'T3.3')!;
    const f = only(validatePlan(result, { today: '2026-11-23' }), 'completion-contradicts-status');
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', sheet: t33.source.sheet, cell: t33.cells.get('status') })]);
    expect(f[0].message).toBe(`Action T3.3 (row ${t33.source.row}) has “Completed” in its milestones, but its status is On track.`);
    expect(f[0].fix).toMatch(/^If the action is finished, set the status to Complete; if it is not, change the milestones/);
  });

  test('a progress column saying "Achieved – June 2025" under an At risk status, in a plan laid out unlike Sefton', async () => {
    const result = await structure('completion', [
      ['Workforce programme 2025/26'],
      [],
      ['Owner', 'What we will do', 'Delivery status', 'Commentary', 'Target date'],
      ['Head of HR', 'Launch a recruitment campaign for social workers across the county', 'At risk', 'Achieved – June 2025', '30/06/2025'],
      ['Head of HR', 'Publish a retention strategy for the adult social care workforce', 'In progress', 'Complete the draft for consultation', '31/03/2026'],
      ['Head of HR', 'Run the leadership course for team managers', 'Complete', 'Done', '31/03/2025'],
      ['Head of HR', 'Introduce exit interviews for all leavers', 'Not started', 'Partially achieved', '31/03/2026'],
    ]);
    const f = only(validatePlan(result, { today: '2025-11-15' }), 'completion-contradicts-status');
    expect(f.map((x) => x.cell)).toEqual(['C4']);
    expect(f[0].message).toMatch(/has “Achieved – June 2025” in its progress update, but its status is At risk\./);
  });

  test('only a line that is nothing but a word of completion (and perhaps a date) is a claim', () => {
    for (const yes of ['Completed', 'Complete.', 'Done', 'Achieved', 'Completed March 2023', 'Complete (30/06/2024)', '• Delivered', 'Review to start\nCompleted']) {
      expect([yes, completionClaim(yes)]).toEqual([yes, expect.any(String)]);
    }
    for (const no of ['Complete Market Management Strategy cf. 9.1', 'Not complete', 'Partially achieved', 'Completed phase one; phase two under way', 'To be completed by March', '']) {
      expect([no, completionClaim(no)]).toEqual([no, null]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Cross-reference rows
// ---------------------------------------------------------------------------------------------------------------

describe('cross-reference rows', () => {
  test('Dudley: "See 12.1", "See 7.1" and "Refer to 13.1" are folded into the actions they name, with nothing lost', async () => {
    const result = await seed('dudley-cqc-action-plan-2009');
    const refs = result.actions.map((a) => a.ref);
    for (const gone of ['15.1', '17.1', '19.1', '19.2']) expect(refs).not.toContain(gone);
    expect(result.actions).toHaveLength(76);
    const byRef = (ref: string) => result.actions.find((a) => a.ref === ref)!;
    expect(byRef('12.1').linked).toEqual([{ ref: '15.1', text: 'See 12.1', sheet: 'Action Plan', row: 142 }]);
    expect(byRef('13.1').linked?.map((l) => l.ref)).toEqual(['19.1', '19.2']);
    expect(byRef('12.1').progress).toMatch(/\nAlso listed as 15\.1 \(row 142\): “See 12\.1”$/);
    // 17.1 wrote its own lead and progress: both kept, in the words the officer used.
    expect(byRef('7.1').progress).toContain('Also listed as 17.1 (row 149): “See 7.1”; lead: Head of Service – Commissioning - AD; progress: Up-dated Carers Strategy');
    // The rows belong to the action now; its own row stays first.
    expect(byRef('13.1').rows).toEqual([128, 158, 159]);
    expect(byRef('13.1').source.row).toBe(128);
  });

  test('in a plan unlike Dudley, "As R1 above" and "Covered by action R2" follow their actions; an unknown ref stays an action', async () => {
    const result = await structure('cross-references', [
      ['Area', 'Ref', 'Action', 'Owner', 'Target date', 'RAG'],
      ['Improve waiting times', 'R1', 'Recruit four occupational therapists to clear the assessment backlog', 'Head of OT', '31/03/2026', 'Amber'],
      ['Strengthen carers support', 'R2', 'Commission a carers hub with the voluntary sector', 'Commissioning lead', '30/09/2026', 'Green'],
      ['Reduce delays in reviews', 'R3', 'As R1 above', null, null, null],
      ['Carers breaks', 'R4', 'Covered by action R2.', null, null, null],
      ['Market shaping', 'R5', 'See R9', null, null, null],
      ['Chain', 'R6', 'Same as R4', null, null, null],
    ]);
    expect(result.actions.map((a) => a.ref)).toEqual(['R1', 'R2', 'R5']);
    const [r1, r2] = result.actions;
    expect(r1.linked?.map((l) => l.ref)).toEqual(['R3']);
    // R6 points at R4, which points at R2: both end at R2.
    expect(r2.linked?.map((l) => l.ref)).toEqual(['R4', 'R6']);
    // The recommendation the row answered is kept with it.
    expect(r1.progress).toBe('Also listed as R3 (row 4): “As R1 above”; Reduce delays in reviews');
    // One RAG per action, the named action's: no Grey entry for the pointer rows.
    expect(result.actions.map((a) => a.rag)).toEqual(['Amber', 'Green', null]);
    const findings = validatePlan(result, { today: '2025-11-15' });
    expect(only(findings, 'cross-reference-not-found').map((f) => f.cell)).toEqual(['C6']);
  });

  test('a long action that mentions a ref, or "See" with no ref, is an ordinary action', async () => {
    const result = await structure('not-cross-references', [
      ['Ref', 'Action', 'Lead'],
      ['1', 'Recruit two social workers for the hospital team', 'Head of Service'],
      ['2', 'See 1 for the recruitment; this action trains the new starters in the Care Act', 'Head of Service'],
      ['3', 'See above', 'Head of Service'],
    ]);
    expect(result.actions.map((a) => a.ref)).toEqual(['1', '2', '3']);
    expect(result.actions.every((a) => !a.linked)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Generated refs
// ---------------------------------------------------------------------------------------------------------------

/** The texts of a column, by header, of a sheet in a written workbook (below its header row). */
function columnTexts(model: WorkbookModel, sheetName: string, header: string): string[] {
  const s = model.sheets.find((x) => x.name === sheetName)!;
  const text = (r: number, c: number) => {
    const v = s.cells.find((x) => x.row === r && x.col === c)?.value;
    return v && v.type !== 'date' ? String(v.value) : '';
  };
  const head = s.cells.find((x) => x.value.type === 'text' && x.value.value === header)!;
  const rows = [...new Set(s.cells.filter((x) => x.row > head.row).map((x) => x.row))].sort((a, b) => a - b);
  return rows.map((r) => text(r, head.col));
}

describe('refs for plans that have none', () => {
  test('Medway strategy: numbered 1 to 15 in plan order, the same on every run, and shown in the Plan sheet and the board pack', async () => {
    const plan = seeds.get('medway-asc-strategy-delivery-plan')!;
    const first = await seed(plan.id);
    const again = await structureSeed(plan);
    const expected = Array.from({ length: 15 }, (_, i) => String(i + 1));
    expect(first.actions.map((a) => a.ref)).toEqual(expected);
    expect(again.actions.map((a) => a.ref)).toEqual(expected);
    expect(first.actions.every((a) => a.refGenerated)).toBe(true);
    const rows = first.actions.map((a) => a.source.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));

    const out = path.join(dir, 'medway-run.xlsx');
    const run = await runCli(['run', path.join('seeds', plan.file), '--out', out, '--today', '2026-11-23', '--plan-start', plan.planStart]);
    expect(run.stderr).toBe('');
    const written = await readWorkbook(out);
    expect(columnTexts(written, 'Plan', 'Ref')).toEqual(expected);
    // The board pack's action lists name the actions by these refs too.
    const listed = written.sheets.filter((s) => s.name !== 'Plan').flatMap((s) => (s.cells.some((c) => c.value.type === 'text' && c.value.value === 'Ref') ? columnTexts(written, s.name, 'Ref') : []));
    expect(listed.length).toBeGreaterThan(0);
    for (const ref of listed.filter(Boolean)) expect(expected).toContain(ref);
  });

  test('a plan with some refs: the empty ones are numbered in plan order, skipping numbers already used, across sheets', async () => {
    const model = await throughFile(
      workbook(
        sheet('Year one', [
          ['No.', 'Action', 'Lead'],
          ['2', 'Set up a single point of contact for carers', 'Carers lead'],
          [null, 'Publish an easy-read guide to charging', 'Finance lead'],
          ['4', 'Review the direct payments policy', 'Head of Commissioning'],
        ]),
        sheet('Year two', [
          ['Action', 'Lead'],
          ['Open a second extra-care scheme', 'Housing lead'],
          ['Pilot a technology-enabled care offer', 'Digital lead'],
        ]),
      ),
      'partial-refs',
    );
    const result = structureWorkbook(model, { today: '2025-11-15' });
    expect(result.actions.map((a) => [a.ref, !!a.refGenerated])).toEqual([
      ['2', false],
      ['1', true],
      ['4', false],
      ['3', true],
      ['5', true],
    ]);
    // Findings still name a ref-less action by its row and words, and say which ref it was given.
    const notes = only(validatePlan(result, { today: '2025-11-15' }), 'missing-ref');
    expect(notes.map((f) => f.message)).toEqual([
      'The action on row 3 (“Publish an easy-read guide to charging”) has no ref; PlanAssure has given it the ref 1, numbered in plan order.',
      'The “Year two” sheet has no ref column; PlanAssure has numbered its 2 actions in plan order (3 to 5).',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Year headings
// ---------------------------------------------------------------------------------------------------------------

describe('year headings', () => {
  test('Medway strategy: "In 2021/22 we will:" dates the eleven actions under it to 31/03/2022; "Medium term actions to start in 2021/22" ends it', async () => {
    const result = await seed('medway-asc-strategy-delivery-plan');
    const dated = result.actions.filter((a) => a.dueDate === '2022-03-31');
    expect(dated).toHaveLength(11);
    for (const a of dated) {
      expect(a.timescale).toBe('2021/22 (from the heading “In 2021/22 we will:”)');
      expect(a.timescaleKind).toBe('date');
      expect(a.cells.get('timescale')).toBe('A3');
    }
    const mediumTerm = result.actions.filter((a) => a.theme === '6. Medium term actions to start in 2021/22');
    expect(mediumTerm).toHaveLength(4);
    expect(mediumTerm.every((a) => a.dueDate === null && a.timescale === null)).toBe(true);
    // The finding for a late action points at the heading the date came from.
    const overdue = only(validatePlan(result, { today: '2026-11-23' }), 'overdue');
    expect(overdue.map((f) => f.cell)).toEqual(Array(11).fill('A3'));
    expect(overdue[0].message).toMatch(/was due on 31\/03\/2022 and is not marked Complete\.$/);
  });

  test('"2024/25 priorities" and "Year 2 (2025/26)" as section headings inside the table; an action\'s own date wins', async () => {
    const result = await structure('year-headings', [
      ['Learning disability programme'],
      ['Ref', 'Action', 'Lead', 'Deadline'],
      [{ v: '2024/25 priorities', bold: true }],
      ['LD1', 'Open a supported living scheme for eight tenants', 'Housing lead', null],
      ['LD2', 'Refresh the day opportunities offer', 'Commissioning lead', '30/09/2024'],
      [{ v: 'Year 2 (2025/26)', bold: true }],
      ['LD3', 'Extend employment support to forty more adults', 'Employment lead', null],
      [{ v: 'Longer-term ambitions beyond 2026', bold: true }],
      ['LD4', 'Close the remaining residential placements out of area', 'Head of Service', null],
    ]);
    const due = Object.fromEntries(result.actions.map((a) => [a.ref, [a.dueDate, a.timescale]]));
    expect(due).toEqual({
      LD1: ['2025-03-31', '2024/25 (from the heading “2024/25 priorities”)'],
      LD2: ['2024-09-30', '30/09/2024'],
      LD3: ['2026-03-31', '2025/26 (from the heading “Year 2 (2025/26)”)'],
      LD4: [null, null],
    });
  });

  test('which headings are year headings', () => {
    const year = (t: string) => readYearHeading(t)?.dueDate ?? null;
    expect(['In 2021/22 we will:', 'During 2024-25', '2023/24 priorities', 'Year 2 (2025/26)', 'Priorities for 2024/25', 'For 2025/26, we will deliver:'].map(year)).toEqual([
      '2022-03-31', '2025-03-31', '2024-03-31', '2026-03-31', '2025-03-31', '2026-03-31',
    ]);
    for (const not of ['Medium term actions to start in 2021/22', 'Delivery plan 2024/25', 'Strategy 2021 - 2025', 'In 2021/23 we will:', 'Review in 2024/25 the carers offer']) {
      expect([not, year(not)]).toEqual([not, null]);
    }
  });

  test('a plan title with a year ("Delivery plan 2024/25") dates nothing', async () => {
    const result = await structure('title-year', [['Delivery plan 2024/25'], [], ['Action', 'Lead'], ['Recruit two occupational therapists', 'Head of OT']]);
    expect(result.actions.map((a) => a.dueDate)).toEqual([null]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Two named actions in one cell
// ---------------------------------------------------------------------------------------------------------------

describe('two named actions in one cell', () => {
  test('Medway CQC rows 9 and 97: each "Label: • bullets" block is its own action, the rest of the row shared', async () => {
    const result = await seed('medway-cqc-improvement-action-plan');
    expect(result.actions).toHaveLength(122);
    const row = (r: number) => result.actions.filter((a) => a.source.row === r);
    expect(row(9).map((a) => a.action.split('\n')[0])).toEqual(['Enhance consistency in assessments:', 'Allocate workers for continuity:']);
    expect(row(97).map((a) => a.action.split('\n')[0])).toEqual(['Reduce discharge delays:', 'Enhance integration with Health services:']);
    const [first, second] = row(9);
    expect(first.action.split('\n')).toHaveLength(3);
    expect(second.action).toBe(
      'Allocate workers for continuity:\n• Move to an agile allocated worker model (within defined areas of Adult Social Care) to ensure consistency in support, better communication, and improved outcomes for service users',
    );
    for (const field of ['timescale', 'dueDate', 'measures', 'outcomes', 'qualityStatement', 'area'] as const) expect(second[field]).toEqual(first[field]);
    expect([first.split?.part, second.split?.part, second.split?.of]).toEqual([1, 2, 2]);
    expect(first.split?.cellText).toBe(`${first.action}\n${second.action}`);
    // Every other labelled cell of the plan is one action with its bullets.
    expect(result.actions.filter((a) => a.split)).toHaveLength(4);
  });

  test('in a plan with refs, the parts get lettered refs; one label with bullets, or a label followed by prose, stays one action', async () => {
    const result = await structure('named-actions', [
      ['Ref', 'Action', 'Lead', 'Due'],
      ['3.1', 'Front door:\n- Triage all new contacts within two working days\n- Publish the triage criteria\nDigital offer:\n- Launch an online self-assessment', 'Head of Access', '31/03/2026'],
      ['3.2', 'Front door review:\n- Map the current pathway\n- Agree the new pathway with partners', 'Head of Access', '31/03/2026'],
      ['3.3', 'Carers:\n- Refresh the carers strategy\nThis will be co-produced with the carers partnership board and reported:\n- to the scrutiny committee', 'Carers lead', '30/06/2026'],
    ]);
    expect(result.actions.map((a) => [a.ref, a.action.split('\n')[0], a.lead, a.dueDate])).toEqual([
      ['3.1a', 'Front door:', 'Head of Access', '2026-03-31'],
      ['3.1b', 'Digital offer:', 'Head of Access', '2026-03-31'],
      ['3.2', 'Front door review:', 'Head of Access', '2026-03-31'],
      ['3.3', 'Carers:', 'Carers lead', '2026-06-30'],
    ]);
    expect(only(validatePlan(result, { today: '2025-11-15' }), 'duplicate-ref')).toEqual([]);
  });
});

describe('properties over generated plans', () => {
  const refArb = fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 }).map(String), fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `${a}.${b}`));
  const rowsArb = fc.array(fc.tuple(refArb, fc.boolean()), { minLength: 1, maxLength: 25 });

  test('refs are unique, never reuse an officer ref, are the same on a second run, and pointer rows to existing refs are never actions', () => {
    fc.assert(
      fc.property(rowsArb, (spec) => {
        // Distinct officer refs (duplicates are duplicate-ref's business); a pointer row names an earlier officer ref.
        const seen = new Set<string>();
        const rows: CellInput[][] = [['Ref', 'Action', 'Lead']];
        spec.forEach(([ref, pointer], i) => {
          const own = ref && !seen.has(ref) ? ref : null;
          if (own) seen.add(own);
          const earlier = [...seen].filter((r) => r !== own);
          const action = pointer && earlier.length ? `See ${earlier[i % earlier.length]}` : `Deliver improvement number ${i + 1} with partners`;
          rows.push([own, action, 'Head of Service']);
        });
        const model = workbook(sheet('Plan', rows));
        const first = structureWorkbook(model, { today: '2025-11-15' });
        const second = structureWorkbook(model, { today: '2025-11-15' });
        const refs = first.actions.map((a) => a.ref);
        expect(new Set(refs).size).toBe(refs.length);
        expect(refs).toEqual(second.actions.map((a) => a.ref));
        for (const a of first.actions) {
          if (a.refGenerated) expect(seen.has(a.ref!)).toBe(false);
          expect(/^See /.test(a.action)).toBe(false);
        }
        // Every row is an action or folded into one.
        const accounted = first.actions.flatMap((a) => a.rows);
        expect(new Set(accounted).size).toBe(rows.length - 1);
      }),
      { numRuns: 60 },
    );
  });
});
