/**
 * Validation of the five real seed plans and the canonical example, with the expected findings written down per
 * seed, and an address check: every finding's cell, read back from the workbook, must hold the problem it names.
 */
import * as path from 'node:path';
import { loadSeedPlans, SEED_DIR, SeedPlan } from '../scripts/seed-data';
import { Finding } from '../src/engine/schema';
import { StructureResult } from '../src/engine/structure';
import { parseTimescale } from '../src/engine/timescale';
import { summariseFindings, validatePlan } from '../src/engine/validate';
import { findEmbeddedStatus, matchQualityStatement, matchRag, matchStatus } from '../src/engine/vocabulary';
import { parseA1, SheetGrid, WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { structureSeed } from './helpers/seeds';

const plans = new Map(loadSeedPlans().map((p) => [p.id, p]));

interface Loaded {
  plan: SeedPlan;
  model: WorkbookModel;
  result: StructureResult;
}

const loaded = new Map<string, Loaded>();

async function load(id: string): Promise<Loaded> {
  let l = loaded.get(id);
  if (!l) {
    const plan = plans.get(id)!;
    const model = await readWorkbook(path.join(SEED_DIR, plan.file));
    const result = await structureSeed(plan);
    l = { plan, model, result };
    loaded.set(id, l);
  }
  return l;
}

function counts(findings: Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

/** What each seed should give: counts per rule, written down from a careful reading of each plan. */
const EXPECTED: { id: string; today: string; counts: Record<string, number>; summary: string }[] = [
  {
    // No status column (one warning); every dated action is long past due in 2026; no measures column, so few are
    // Measurable. The cross-reference rows ("See 12.1", "Refer to 13.1", "See 7.1") are folded into the actions
    // they name, so give nothing of their own.
    id: 'dudley-cqc-action-plan-2009',
    today: '2026-11-23',
    counts: { 'missing-column': 1, overdue: 63, 'smart-incomplete': 66 },
    summary: '0 errors, 64 warnings, 66 notes',
  },
  {
    // In the plan's own era only the actions due by mid-January 2010 are overdue.
    id: 'dudley-cqc-action-plan-2009',
    today: '2010-01-15',
    counts: { 'missing-column': 1, overdue: 21, 'smart-incomplete': 66 },
    summary: '0 errors, 22 warnings, 66 notes',
  },
  {
    // The planted defects: row 5 no lead, row 7 Green but overdue, row 13 Complete without progress, row 15 "TBC",
    // row 16 "Compleated", rows 20/21 both ES3.5.
    id: 'example-canonical-plan',
    today: '2025-11-15',
    counts: {
      'duplicate-ref': 1,
      'invalid-status': 1,
      'missing-lead': 1,
      overdue: 1,
      'rag-inconsistent': 1,
      'unparseable-timescale': 1,
      'complete-without-evidence': 1,
      'smart-incomplete': 4,
    },
    summary: '2 errors, 4 warnings, 5 notes',
  },
  {
    // No ref, timescale or status column: one finding each for the sheet. The eleven actions under "In 2021/22 we
    // will:" were due by 31/03/2022 and none is marked Complete.
    id: 'medway-asc-strategy-delivery-plan',
    today: '2026-11-23',
    counts: { 'missing-column': 2, 'missing-ref': 1, overdue: 11, 'smart-incomplete': 3 },
    summary: '0 errors, 13 warnings, 4 notes',
  },
  {
    // No lead or status column; relative timescales from April 2025 are overdue by November 2026 except the
    // long-term ones; three actions have no timescale. All its ASCOF citations are valid in one framework or the other.
    // Rows 9 and 97 each hold two named actions (row 9's are both short-term, so both overdue).
    // Three codes stand beside another measure's words (issue 15 item 7): "aged 65+ still at home 91 days after
    // discharge (ASCOF 2Aii …)" and "short-term support … no ongoing support afterward (ASCOF 2C)" on rows 34, 49 and
    // 127, and "learning disabilities in paid employment (ASCOF 1F …)" on row 69.
    id: 'medway-cqc-improvement-action-plan',
    today: '2026-11-23',
    counts: { 'missing-column': 2, overdue: 71, 'missing-due-date': 3, 'missing-ref': 1, 'smart-incomplete': 35, 'ascof-code-names-other-measure': 7 },
    summary: '0 errors, 83 warnings, 36 notes',
  },
  {
    // Quarter markers stand for the timescale; 25 workstreams have no marker and three have no lead.
    id: 'north-tyneside-delivery-plan-2025-26',
    today: '2026-11-23',
    counts: { 'missing-column': 1, overdue: 10, 'missing-due-date': 25, 'missing-lead': 3, 'missing-ref': 1, 'smart-incomplete': 26 },
    summary: '0 errors, 39 warnings, 27 notes',
  },
  {
    // Every status is recognised (including the one ending "-On Track"); the milestones give the dates, so no
    // missing-column for the timescale; refs skip T1.3 and T1.6 but never repeat. T3.3's milestone says
    // "Completed" while its status is On Track.
    id: 'sefton-peer-review-action-plan',
    today: '2026-11-23',
    counts: { overdue: 28, 'smart-incomplete': 1, 'completion-contradicts-status': 1 },
    summary: '0 errors, 29 warnings, 1 note',
  },
];

describe.each(EXPECTED.map((e) => [`${e.id} on ${e.today}`, e] as [string, (typeof EXPECTED)[number]]))('%s', (_name, expected) => {
  let l: Loaded;
  let findings: Finding[];
  beforeAll(async () => {
    l = await load(expected.id);
    findings = validatePlan(l.result, { today: expected.today });
  });

  test('gives the expected number of findings per rule', () => {
    expect(counts(findings)).toEqual(expected.counts);
    expect(summariseFindings(findings).text).toBe(expected.summary);
  });

  test('every finding points at a cell that holds the problem it names', () => {
    const problems = findings.map((f) => addressProblem(f, l, expected.today)).filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  test('missing-column findings are once per sheet and field', () => {
    const keys = findings.filter((f) => f.rule === 'missing-column').map((f) => `${f.sheet}|${/no (\w+) column/.exec(f.message)?.[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('every finding has a message and fix in plain words, naming the action', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[A-Za-z]/);
      expect(f.fix).toBeTruthy();
      if (!['missing-column', 'missing-ref', 'no-plan-table'].includes(f.rule) || /row \d+/.test(f.message)) {
        expect(f.message).toMatch(/row \d+|Action \S+/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Specific cases
// ---------------------------------------------------------------------------------------------------------------

describe('specific cases', () => {
  test('Medway CQC plan: no lead column gives exactly one missing-column warning for lead on that sheet', async () => {
    const { result } = await load('medway-cqc-improvement-action-plan');
    const f = validatePlan(result, { today: '2026-11-23' }).filter((x) => x.rule === 'missing-column' && /Lead/.test(x.message));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', sheet: 'CQC Improvement Plan' });
    expect(validatePlan(result, { today: '2026-11-23' }).filter((x) => x.rule === 'missing-lead')).toEqual([]);
  });

  test('Dudley: the "See 12.1" and "Refer to 13.1" rows give no finding at all (the refs they name exist)', async () => {
    const { result } = await load('dudley-cqc-action-plan-2009');
    const xrefRows = [142, 158, 159];
    expect(result.actions.filter((a) => /^(see|refer to)\s/i.test(a.action))).toEqual([]);
    for (const today of ['2026-11-23', '2010-01-15']) {
      const f = validatePlan(result, { today }).filter((x) => xrefRows.includes(parseA1(x.cell).row));
      expect(f).toEqual([]);
    }
  });

  test('Dudley in its own era: actions due by mid-January 2010 are overdue, later ones are not', async () => {
    const { result } = await load('dudley-cqc-action-plan-2009');
    const overdue = validatePlan(result, { today: '2010-01-15' }).filter((x) => x.rule === 'overdue');
    expect(overdue.find((x) => x.cell === 'D12')?.message).toBe('Action 1.3 (row 12) was due on 31/10/2009 and is not marked Complete.');
    expect(overdue.find((x) => x.cell === 'D10')).toBeUndefined(); // 1.1 End March 2010
  });

  test('Sefton: the status "… Shared Care records -On Track" is On track, and refs that skip T1.3 and T1.6 are not duplicates', async () => {
    const { result } = await load('sefton-peer-review-action-plan');
    const t14 = result.actions.find((a) => a.ref === 'T1.4')!;
    expect(t14.status).toBe('On track');
    const f = validatePlan(result, { today: '2026-11-23' });
    expect(f.filter((x) => x.rule === 'invalid-status')).toEqual([]);
    expect(f.filter((x) => x.rule === 'duplicate-ref')).toEqual([]);
    const refs = result.actions.map((a) => a.ref);
    expect(refs).not.toContain('T1.3');
    expect(refs).not.toContain('T1.6');
    expect(f.filter((x) => x.rule === 'missing-column')).toEqual([]);
  });

  test('Medway CQC plan: ASCOF 2Aii, 2Ci, 1C and local indicators ("ASCOF Indicator 12.4") give no unknown-framework-code', async () => {
    const { result } = await load('medway-cqc-improvement-action-plan');
    expect(result.actions.some((a) => /ASCOF 2Aii Indicator 5\.11/.test(a.measures ?? ''))).toBe(true);
    expect(validatePlan(result, { today: '2026-11-23' }).filter((x) => x.rule === 'unknown-framework-code')).toEqual([]);
  });

  test('the canonical example: each planted defect is found at its cell', async () => {
    const { result } = await load('example-canonical-plan');
    const f = validatePlan(result, { today: '2025-11-15' });
    const at = (rule: string): string[] => f.filter((x) => x.rule === rule).map((x) => `${x.sheet}!${x.cell}`);
    expect(at('missing-lead')).toEqual(['Plan!G5']);
    expect(at('duplicate-ref')).toEqual(['Plan!A21']);
    expect(at('invalid-status')).toEqual(['Plan!J16']);
    expect(f.find((x) => x.rule === 'invalid-status')!.fix).toMatch(/“Complete”/);
    expect(at('rag-inconsistent')).toEqual(['Plan!K7']);
    expect(at('overdue')).toEqual(['Plan!I7']);
    expect(at('complete-without-evidence')).toEqual(['Plan!L13']);
    expect(at('unparseable-timescale')).toEqual(['Plan!H15']);
    expect(f.find((x) => x.rule === 'duplicate-ref')!.message).toBe('Action ES3.5 (row 21) uses the ref ES3.5, which row 20 already uses.');
    expect(f.find((x) => x.rule === 'rag-inconsistent')!.message).toBe('Action WP1.6 (row 7) is rated Green, but it was due on 30/09/2025 and is not Complete.');
  });
  test('the address check itself rejects findings pointed at the wrong cell', async () => {
    const l = await load('example-canonical-plan');
    const f = validatePlan(l.result, { today: '2025-11-15' });
    const lead = f.find((x) => x.rule === 'missing-lead')!;
    const status = f.find((x) => x.rule === 'invalid-status')!;
    expect(addressProblem(lead, l, '2025-11-15')).toBeNull();
    expect(addressProblem({ ...lead, cell: 'G6' }, l, '2025-11-15')).toMatch(/not an empty lead cell/);
    expect(addressProblem({ ...status, cell: 'J17' }, l, '2025-11-15')).toMatch(/not an unrecognised status/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The address check
// ---------------------------------------------------------------------------------------------------------------

/** Null when the finding's cell holds the problem; otherwise a description of what is wrong. */
function addressProblem(f: Finding, l: Loaded, today: string): string | null {
  const sheet = l.model.sheets.find((s) => s.name === f.sheet);
  if (!sheet) return `${f.rule} ${f.sheet}!${f.cell}: no such sheet`;
  const grid = new SheetGrid(sheet);
  const { row, col } = parseA1(f.cell);
  const text = grid.text(row, col);
  const value = grid.shown(row, col)?.value;
  const layout = l.result.sheets.find((s) => s.sheet === f.sheet)!;
  const field = layout.columns.find((c) => c.col === col)?.field ?? null;
  const action = l.result.actions.find((a) => a.source.sheet === f.sheet && a.rows.includes(row));
  const where = `${f.rule} ${f.sheet}!${f.cell} (${JSON.stringify(text.slice(0, 40))}, field ${field})`;
  const fail = (why: string): string => `${where}: ${why}`;
  const headerRow = layout.headerRows[0];
  const lastCol = Math.max(...layout.columns.map((c) => c.col));
  const planStart = l.result.settings.planStart;
  const terms = l.result.settings.relativeTerms;

  switch (f.rule) {
    case 'missing-column':
      if (row !== headerRow || col <= lastCol || text) return fail('not an empty cell to the right of the first header row');
      return null;
    case 'missing-ref':
      if (/no ref column/.test(f.message)) {
        if (row !== headerRow || col <= lastCol || text || layout.columns.some((c) => c.field === 'ref')) return fail('sheet-level, but not at a free header cell of a sheet without refs');
        return null;
      }
      return !action || text || field !== 'ref' ? fail('not an empty ref cell of an action') : null;
    case 'missing-lead':
      return !action || text || field !== 'lead' ? fail('not an empty lead cell of an action') : null;
    case 'missing-action':
      return !action || text || field !== 'action' ? fail('not an empty action cell') : null;
    case 'duplicate-ref': {
      if (!action || field !== 'ref' || text !== action.ref) return fail('not the ref cell');
      const earlier = l.result.actions.find((a) => a !== action && a.ref === action.ref && a.source.row < action.source.row);
      return earlier ? null : fail('no earlier action has this ref');
    }
    case 'invalid-status':
      return !action || field !== 'status' || !text || matchStatus(text) || findEmbeddedStatus(text) ? fail('not an unrecognised status') : null;
    case 'invalid-rag':
      return !action || field !== 'rag' || !text || matchRag(text) ? fail('not an unrecognised RAG') : null;
    case 'rag-inconsistent':
      return !action || field !== 'rag' || !matchRag(text) ? fail('not a RAG cell') : null;
    case 'overdue': {
      // A year heading ("In 2021/22 we will:") that dates the actions under it.
      if ([...layout.titles, ...layout.sections].some((h) => h.row === row)) {
        const due = parseTimescale(text, planStart, terms).dueDate;
        return due && due < today ? null : fail(`the heading gives ${due}, not a date before ${today}`);
      }
      if (!action) return fail('not in an action');
      const due = value?.type === 'date' ? value.value : field === 'marker' && text ? action.dueDate : parseTimescale(text, planStart, terms).dueDate;
      if (!['timescale', 'dueDate', 'marker', 'milestones'].includes(field ?? '')) return fail('not a timescale or due-date cell');
      return due && due < today ? null : fail(`the cell gives ${due}, not a date before ${today}`);
    }
    case 'unparseable-timescale':
      return !action || !text || parseTimescale(text, planStart, terms).kind !== 'unparseable' ? fail('not an unparseable timescale') : null;
    case 'missing-due-date':
      return !action || text || !['timescale', 'dueDate', 'marker', 'milestones'].includes(field ?? '') ? fail('not an empty timescale cell') : null;
    case 'completion-contradicts-status':
      return !action || field !== 'status' || !matchStatus(text) || matchStatus(text) === 'Complete' ? fail('not a status other than Complete') : null;
    case 'complete-without-evidence':
      if (!action || action.status !== 'Complete') return fail('not a Complete action');
      return (field === 'progress' && !text) || field === 'status' ? null : fail('not the empty progress cell');
    case 'formula-error':
      return value?.type === 'error' ? null : fail('no error value here');
    case 'smart-incomplete':
      return action ? null : fail('not in an action');
    case 'unknown-framework-code':
    case 'ascof-code-names-other-measure':
      return /ASCOF/i.test(text) ? null : fail('no ASCOF citation here');
    case 'theme-not-in-framework':
      return text && !matchQualityStatement(text) ? null : fail('not an unrecognised quality statement');
    case 'cross-reference-not-found':
      return /^(see|refer to)\b/i.test(text) ? null : fail('not a cross-reference');
    default:
      return fail('rule without an address check');
  }
}
