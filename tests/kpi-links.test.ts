/** Actions link to KPIs by id or code in their measures text, and get the linked KPIs' RAG (src/engine/kpi/ascof-links.ts). */
import * as path from 'node:path';
import { actionKpiRags, kpiReports, linkActionsToKpis } from '../src/engine/kpi';
import { worstRag } from '../src/engine/kpi/ascof-links';
import { KpiReport } from '../src/engine/schema';
import { structureWorkbook, StructureResult } from '../src/engine/structure';
import { readWorkbook } from '../src/xlsx/read-workbook';

let result: StructureResult;
let kpis: KpiReport[];

beforeAll(async () => {
  result = structureWorkbook(await readWorkbook(path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx')), { today: '2026-01-31' });
  kpis = kpiReports(result);
});

const action = (measures: string | null) => ({ ref: 'X1', measures, source: { sheet: 'Plan', row: 2 } });

describe('the example plan', () => {
  test('each action gets its linked KPIs and the worst of their RAGs', () => {
    const links = linkActionsToKpis(result.actions, kpis);
    const view = Object.fromEntries(links.filter((l) => l.kpis.length).map((l) => [l.ref, [l.kpis.map((k) => `${k.id}:${k.rag ?? '-'}`).join(' '), l.rag]]));
    expect(view).toEqual({
      'WP1.1': ['KPI-01:Amber KPI-02:Red', 'Red'], // "KPI-01; KPI-02"
      'WP1.2': ['KPI-03:Amber', 'Amber'],
      'WP1.3': ['KPI-02:Red KPI-04:Red', 'Red'], // "KPI-02; KPI-04 (ACAS Indicator 8.5a)"
      'WP1.5': ['KPI-07:Green KPI-09:Red', 'Red'], // "KPI-07; KPI-09; ASCOF 2A; ASCOF 2D": the codes name the same two KPIs
      'WP1.6': ['KPI-05:Red KPI-06:Green', 'Red'],
      'WP1.8': ['KPI-04:Red', 'Red'],
      'PS2.1': ['KPI-08:Red KPI-10:Amber', 'Red'],
      'PS2.2': ['KPI-14:Red', 'Red'],
      'ES3.1': ['KPI-09:Red', 'Red'],
      'ES3.4': ['KPI-13:Amber', 'Amber'],
      'ES3.5': ['KPI-13:Amber', 'Amber'], // the first ES3.5 (the ref is used twice in the plan)
      'LD4.1': ['KPI-01:Amber KPI-03:Amber KPI-07:Green', 'Amber'],
      'LD4.3': ['KPI-12:-', null], // KPI-12 has no target, so no RAG
    });
    // Local measures ("Overdue reviews (local measure)") link to nothing.
    expect(links.find((l) => l.ref === 'WP1.4')).toMatchObject({ kpis: [], rag: null, unmatchedCodes: [] });
    expect(actionKpiRags(result.actions, kpis)).toEqual(links.map((l) => l.rag));
  });
});

describe('linking rules', () => {
  test('by id, however it is retyped, and never by a longer id', () => {
    const [a, b, c] = linkActionsToKpis([action('kpi 1 and KPI_03'), action('KPI-10'), action('see KPI-011')], kpis);
    expect(a.kpis.map((k) => [k.id, k.via])).toEqual([
      ['KPI-01', 'id'],
      ['KPI-03', 'id'],
    ]);
    expect(b.kpis.map((k) => k.id)).toEqual(['KPI-10']);
    expect(c.kpis.map((k) => k.id)).toEqual(['KPI-11']);
  });

  test('by ASCOF code, in canonical form, and by a local code written in full', () => {
    const [a, b, c] = linkActionsToKpis([action('Improve ASCOF 2D performance'), action('ACAS Indicator 8.5a'), action('ASCOF 1B and ASCOF 2B')], kpis);
    expect(a.kpis).toEqual([{ id: 'KPI-09', rag: 'Red', via: 'code' }]);
    expect(b.kpis).toEqual([{ id: 'KPI-04', rag: 'Red', via: 'code' }]);
    expect(c.kpis.map((k) => k.id)).toEqual(['KPI-08']);
    expect(c.unmatchedCodes).toEqual(['1B']);
  });

  test('no measures, no links', () => {
    expect(linkActionsToKpis([action(null), action('')], kpis).map((l) => [l.kpis.length, l.rag])).toEqual([
      [0, null],
      [0, null],
    ]);
  });

  test('the worst RAG: Red over Amber over Green; Grey only when nothing is rated', () => {
    expect(worstRag(['Green', 'Grey', 'Amber'])).toBe('Amber');
    expect(worstRag(['Grey', 'Red'])).toBe('Red');
    expect(worstRag(['Grey', null])).toBe('Grey');
    expect(worstRag([null])).toBeNull();
  });
});
