/**
 * The pane's first-use logic, apart from React: which actions can do something for a workbook as read, and the
 * "Start here" memory, which must never stop the pane where the browser refuses storage.
 */
import { NO_ACTIONS_REASON, NO_KPIS_REASON, unavailableReason } from '../src/taskpane/action-availability';
import type { PlanState } from '../src/taskpane/engine-bridge';
import { rememberStartHereSeen, START_HERE_KEY, startHereSeen } from '../src/taskpane/first-run';

const state = (actions: number, kpis: number): PlanState => ({ title: null, sheets: [], actions, kpis, counts: { error: 0, warning: 0, info: 0 }, readWarnings: [], previousVersion: null, prints: {} });
const ALL = ['check', 'structure', 'kpis', 'rag', 'boardPack', 'everything'] as const;
const unavailable = (s: PlanState | null) => Object.fromEntries(ALL.map((kind) => [kind, unavailableReason(kind, s)]).filter(([, reason]) => reason));

describe('which actions can do something', () => {
  it('everything, with actions and KPIs, and while the workbook is still being read', () => {
    expect(unavailable(state(3, 2))).toEqual({});
    expect(unavailable(null)).toEqual({});
  });

  it('no KPIs: only Update KPIs is unavailable, saying why', () => {
    expect(unavailable(state(3, 0))).toEqual({ kpis: NO_KPIS_REASON });
  });

  it('no actions: Check plan and Structure plan (which lets the officer pick the columns) stay; the others say why', () => {
    expect(unavailable(state(0, 2))).toEqual({ rag: NO_ACTIONS_REASON, boardPack: NO_ACTIONS_REASON, everything: NO_ACTIONS_REASON });
    expect(Object.keys(unavailable(state(0, 0))).sort()).toEqual(['boardPack', 'everything', 'kpis', 'rag']);
  });
});

describe('"Start here" is remembered per officer', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  });
  const install = (storage: unknown) => Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: () => storage });

  it('not seen until dismissed, then seen', () => {
    const items = new Map<string, string>();
    install({ getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => items.set(k, v) });
    expect(startHereSeen()).toBe(false);
    rememberStartHereSeen();
    expect(items.get(START_HERE_KEY)).toBe('yes');
    expect(startHereSeen()).toBe(true);
  });

  it('where storage is refused (reading it throws, or writing does), it is simply shown again: no error', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new Error('SecurityError');
      },
    });
    expect(startHereSeen()).toBe(false);
    expect(() => rememberStartHereSeen()).not.toThrow();
    install({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => rememberStartHereSeen()).not.toThrow();
    expect(startHereSeen()).toBe(false);
  });
});
