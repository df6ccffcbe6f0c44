/** Action RAG: entered RAG kept, derived otherwise by the plan's rules; colours accessible; expression rules only. */
import { DEFAULT_SETTINGS, RAGS, STATUSES } from '../src/engine/schema';
import { actionRag, deriveRagReason, ragStates } from '../src/engine/rag/action-rag';
import { contrastRatio, isToolRagRule, RAG_SWATCHES, ragFormat, statusFormat, STATUS_SWATCH } from '../src/engine/rag/rag-formats';
import { lastCompletedQuarter, nextPeriod, parseReportingPeriod, quarterContaining } from '../src/engine/board-pack';

const TODAY = '2026-01-15';
// Progress is recorded on every action here, so none is "No update" (that state has its own tests below).
const rag = (status: (typeof STATUSES)[number] | null, dueDate: string | null, entered: (typeof RAGS)[number] | null = null) =>
  actionRag({ status, dueDate, rag: entered, progress: 'Work under way.' }, DEFAULT_SETTINGS, TODAY);

describe('derived action RAG', () => {
  test.each([
    ['Complete', '2025-01-01', 'Blue', 'complete'],
    ['Off track', '2027-01-01', 'Red', 'offTrack'],
    ['On track', '2026-01-14', 'Red', 'overdue'],
    ['In progress', '2025-12-31', 'Red', 'overdue'],
    [null, '2025-12-31', 'Red', 'overdue'],
    ['At risk', '2027-01-01', 'Amber', 'atRisk'],
    ['Not started', '2026-02-10', 'Amber', 'dueSoonNotStarted'],
    ['Not started', '2026-02-14', 'Amber', 'dueSoonNotStarted'],
    ['Not started', '2026-02-15', 'Grey', 'notStarted'],
    ['On track', '2026-06-30', 'Green', 'onTrack'],
    ['In progress', null, 'Green', 'inProgress'],
    ['Not started', null, 'Grey', 'notStarted'],
    [null, null, 'Grey', 'noStatus'],
    [null, '2027-01-01', 'Grey', 'noStatus'],
  ] as const)('status %s, due %s → %s (%s)', (status, due, expected, reason) => {
    expect(rag(status, due)).toEqual({ rag: expected, reason });
  });

  test('an entered RAG is kept, even when the facts say otherwise (the rag-inconsistent rule flags it)', () => {
    expect(rag('On track', '2025-01-01', 'Green')).toEqual({ rag: 'Green', reason: 'entered' });
  });

  test('the rules and the due-soon window are plan settings', () => {
    const settings = { ...DEFAULT_SETTINGS, dueSoonDays: 60, ragRules: { ...DEFAULT_SETTINGS.ragRules, complete: 'Green' as const } };
    expect(actionRag({ status: 'Complete', dueDate: null, rag: null }, settings, TODAY).rag).toBe('Green');
    expect(deriveRagReason({ status: 'Not started', dueDate: '2026-03-10', rag: null }, settings, TODAY)).toBe('dueSoonNotStarted');
    expect(deriveRagReason({ status: 'Not started', dueDate: '2026-03-10', rag: null }, DEFAULT_SETTINGS, TODAY)).toBe('notStarted');
  });
});

describe('No update: nobody has reported, which is not the same as off track', () => {
  const bare = { status: null, rag: null, statusText: null, progress: null };
  test('no status, RAG or progress recorded is No update, even past its due date', () => {
    expect(actionRag({ ...bare, dueDate: '2025-06-30' }, DEFAULT_SETTINGS, TODAY)).toEqual({ rag: 'No update', reason: 'noUpdate' });
    expect(actionRag({ ...bare, dueDate: null, progress: '  ' }, DEFAULT_SETTINGS, TODAY).rag).toBe('No update');
  });
  test('any update recorded is an update: progress words, a status the tool cannot read, an entered RAG', () => {
    expect(actionRag({ ...bare, dueDate: '2025-06-30', progress: 'Slipped: awaiting funding.' }, DEFAULT_SETTINGS, TODAY).rag).toBe('Red');
    expect(actionRag({ ...bare, dueDate: '2027-06-30', statusText: 'Paused' }, DEFAULT_SETTINGS, TODAY).rag).toBe('Grey');
    expect(actionRag({ ...bare, dueDate: '2027-06-30', rag: 'Amber' }, DEFAULT_SETTINGS, TODAY).rag).toBe('Amber');
  });
  test('with "No update after days", an update older than that at the judging date is No update; never a complete action', () => {
    const settings = { ...DEFAULT_SETTINGS, noUpdateDays: 90 };
    const old = { status: 'On track' as const, dueDate: '2027-01-01', rag: 'Green' as const, lastUpdated: '2025-10-01' };
    expect(actionRag(old, settings, TODAY)).toEqual({ rag: 'No update', reason: 'noUpdate' });
    expect(actionRag({ ...old, lastUpdated: '2025-10-20' }, settings, TODAY)).toEqual({ rag: 'Green', reason: 'entered' });
    expect(actionRag({ ...old, status: 'Complete', rag: null }, settings, TODAY).rag).toBe('Blue');
    expect(actionRag(old, DEFAULT_SETTINGS, TODAY).rag).toBe('Green');
  });
  test('a plan that does not use Blue shows complete as Green, and lists no Blue state', () => {
    const settings = { ...DEFAULT_SETTINGS, useBlue: false };
    expect(actionRag({ status: 'Complete', dueDate: null, rag: null }, settings, TODAY).rag).toBe('Green');
    expect(ragStates(settings)).toEqual(['Green', 'Amber', 'Red', 'Grey', 'No update']);
    expect(ragStates(DEFAULT_SETTINGS)).toEqual([...RAGS]);
  });
});

describe('RAG colours', () => {
  test.each(Object.entries(RAG_SWATCHES))('%s meets WCAG AA contrast (4.5:1) with its text', (_rag, swatch) => {
    expect(contrastRatio(swatch.fill, swatch.text)).toBeGreaterThanOrEqual(4.5);
  });

  test('amber takes dark text, never white', () => {
    expect(RAG_SWATCHES.Amber.text).toBe('0B0C0C');
  });

  test('every status has a colour, matching the RAG it implies', () => {
    for (const s of STATUSES) expect(RAGS).toContain(STATUS_SWATCH[s]);
  });

  test('rules are expressions on the words themselves, relative to the range, and recognisable as the tool\'s', () => {
    const f = ragFormat('K2:K500');
    expect(f.rules.map((r) => r.expression).sort()).toEqual(RAGS.map((r) => `K2="${r}"`).sort());
    expect(statusFormat('B8:F8').rules[0].expression).toMatch(/^B8="/);
    for (const r of [...f.rules, ...statusFormat('J2:J9').rules]) expect(isToolRagRule(r.expression)).toBe(true);
    expect(isToolRagRule('LEN($A2)>5')).toBe(false);
    expect(isToolRagRule('$K2="Purple"')).toBe(false);
  });
});

describe('reporting periods (financial-year quarters)', () => {
  test('parses and orders quarters', () => {
    expect(parseReportingPeriod('Q2 2025/26')).toEqual({ label: 'Q2 2025/26', start: '2025-07-01', end: '2025-09-30' });
    expect(parseReportingPeriod('Q4 25/26')).toEqual({ label: 'Q4 2025/26', start: '2026-01-01', end: '2026-03-31' });
    expect(parseReportingPeriod('Autumn')).toBeNull();
    expect(quarterContaining('2026-11-23').label).toBe('Q3 2026/27');
    expect(quarterContaining('2026-03-31').label).toBe('Q4 2025/26');
    expect(nextPeriod(parseReportingPeriod('Q4 2025/26')!).label).toBe('Q1 2026/27');
    expect(parseReportingPeriod('Q2 2025/27')).toBeNull();
  });

  test('the default period is the last quarter completed before today, across the financial year\'s turn', () => {
    expect(lastCompletedQuarter('2026-11-23').label).toBe('Q2 2026/27');
    expect(lastCompletedQuarter('2026-04-01').label).toBe('Q4 2025/26');
    expect(lastCompletedQuarter('2026-03-31').label).toBe('Q3 2025/26');
    expect(lastCompletedQuarter('2026-01-01')).toEqual({ label: 'Q3 2025/26', start: '2025-10-01', end: '2025-12-31' });
  });
});
