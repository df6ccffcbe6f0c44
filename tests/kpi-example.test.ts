/**
 * The canonical example's KPIs (seeds/example-canonical-plan.xlsx, transcribed in seeds/data/example-canonical-plan.yaml),
 * computed for every period, with the expected numbers worked out by hand from the YAML's KPI Data rows.
 */
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main';
import { computeKpis, KpiComputation, kpiReports } from '../src/engine/kpi';
import { KpiReport, kpiReportSchema, reportSchema } from '../src/engine/schema';
import { structureWorkbook, StructureResult } from '../src/engine/structure';
import { readWorkbook } from '../src/xlsx/read-workbook';

const EXAMPLE = path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx');
const TODAY = '2026-01-31';
const QUARTERS = ['Q1 2024/25', 'Q2 2024/25', 'Q3 2024/25', 'Q4 2024/25', 'Q1 2025/26', 'Q2 2025/26'];

/**
 * Each KPI's value per quarter, from the YAML rows: numerator ÷ denominator × 100 for percentages, × 100,000 for the
 * rate, the Value column otherwise. null: no value (KPI-04 Q2 2024/25 has a zero denominator; KPI-11 has no Q3 row).
 * KPI-07 Q1 2025/26 is entered twice (247/311, then 244/311 "Revised after audit"): the later row wins.
 */
const SERIES: Record<string, (number | null)[]> = {
  'KPI-01': [61.0365, 63.2075, 65.4275, 67.8245, 71.5827, 73.975], // 318/521 335/530 352/538 371/547 398/556 415/561
  'KPI-02': [58.1818, 55.8824, 54.0698, 52.6316, 51.6854, 50.5682], // 96/165 95/170 93/172 90/171 92/178 89/176
  'KPI-03': [71, 69, 66, 63, 60, 58], // days, Value column
  'KPI-04': [6.6667, null, 6.9767, 7.6023, 7.8652, 8.5227], // 11/165, 14/0, 12/172, 13/171, 14/178, 15/176
  'KPI-05': [23.4057, 23.7082, 24.1518, 24.4482, 25.4993, 25.9296], // 690/2948 … 781/3012
  'KPI-06': [742, 751, -758, 769, 788, 802], // count, Value column (the -758 is flagged, but still read)
  'KPI-07': [73.0769, 75.0, 76.3754, 78.4314, 78.4566, 81.2298], // 228/312 231/308 236/309 240/306 244/311 251/309
  'KPI-08': [14.0023, 15.1692, 15.1692, 15.7526, 16.8311, 17.9919], // 24/171400 … 29/172300, 31/172300 × 100,000
  'KPI-09': [86.5497, 84.9711, 83.9286, 106.8182, 81.7647, 80.3571], // 148/171 147/173 141/168 188/176 139/170 135/168
  'KPI-10': [79.6657, 79.7503, 80.0554, 80.0, 80.4945, 80.7114], // 572/718 575/721 578/722 580/725 586/728 590/731
  'KPI-11': [94.6404, 94.8328, null, 95.1839, 95.506, 95.6507], // 2790/2948 2808/2961 — 2846/2990 2869/3004 2881/3012
  'KPI-12': [62.1053, 63.0208, 61.1702, 63.5897, 62.8272, 63.9594], // 118/190 121/192 115/188 124/195 120/191 126/197
  'KPI-13': [70.0, 70.8333, 71.2766, 71.2821, 71.2042, 71.066], // 133/190 136/192 134/188 139/195 136/191 140/197
  'KPI-14': [3.1, 3.1, 3.1, 3.1, 3.1, 3.1], // score, Value column
};

/**
 * As at the workbook's reporting period (Q2 2025/26). Band = tolerance × |target| (default 5%; KPI-01 has its own 0.1,
 * i.e. 10%). Green: on or better than target; Amber: worse by no more than the band; Red: beyond it.
 */
const AT_Q2: Record<string, { target: number | null; band: number | null; variance: number | null; direction: string; rag: string | null }> = {
  'KPI-01': { target: 80, band: 8, variance: -6.025, direction: 'improving', rag: 'Amber' }, // 73.98 short by 6.02 ≤ 8
  'KPI-02': { target: 75, band: 3.75, variance: -24.4318, direction: 'worsening', rag: 'Red' }, // 50.57 ≪ 75
  'KPI-03': { target: 56, band: 2.8, variance: 2, direction: 'improving', rag: 'Amber' }, // lower is better: 58 vs 56, over by 2 ≤ 2.8; 60 → 58 improves
  'KPI-04': { target: 9, band: 0.45, variance: -0.4773, direction: 'improving', rag: 'Red' }, // short by 0.477 > 0.45
  'KPI-05': { target: 28, band: 1.4, variance: -2.0704, direction: 'improving', rag: 'Red' },
  'KPI-06': { target: 800, band: 40, variance: 2, direction: 'improving', rag: 'Green' }, // 802 ≥ 800
  'KPI-07': { target: 80, band: 4, variance: 1.2298, direction: 'improving', rag: 'Green' }, // previous is the revised 78.46
  'KPI-08': { target: 14, band: 0.7, variance: 3.9919, direction: 'worsening', rag: 'Red' }, // lower is better: 16.83 → 17.99 worsens
  'KPI-09': { target: 85, band: 4.25, variance: -4.6429, direction: 'worsening', rag: 'Red' }, // short by 4.64 > 4.25
  'KPI-10': { target: 82, band: 4.1, variance: -1.2886, direction: 'improving', rag: 'Amber' },
  'KPI-11': { target: 96, band: 4.8, variance: -0.3493, direction: 'improving', rag: 'Amber' },
  'KPI-12': { target: null, band: null, variance: null, direction: 'improving', rag: null }, // no target: no RAG
  'KPI-13': { target: 72, band: 3.6, variance: -0.934, direction: 'worsening', rag: 'Amber' },
  'KPI-14': { target: 3.3, band: 0.165, variance: -0.2, direction: 'no change', rag: 'Red' }, // short by 0.2 > 0.165
};

let result: StructureResult;

beforeAll(async () => {
  result = structureWorkbook(await readWorkbook(EXAMPLE), { today: TODAY });
});

function at(period: string): KpiComputation {
  return computeKpis(result.kpis, result.observations, { ...result.settings, reportingPeriod: period });
}

describe('the example workbook', () => {
  test('finds the register and the data sheet by their headers, and reads 14 KPIs and 85 rows of data', () => {
    expect(result.sheets.map((s) => [s.sheet, s.role])).toEqual([
      ['Plan', 'plan'],
      ['KPIs', 'kpi-register'],
      ['KPI Data', 'kpi-data'],
      ['Plan Settings', 'settings'],
    ]);
    expect(result.kpis.map((k) => k.id)).toEqual(Object.keys(SERIES));
    expect(result.observations).toHaveLength(85);
    expect(result.kpis[0]).toMatchObject({ unit: 'percentage', polarity: 'higher', target: 80, tolerance: { kind: 'relative', value: 0.1 }, source: { sheet: 'KPIs', row: 2 } });
    expect(result.kpis[2]).toMatchObject({ id: 'KPI-03', unit: 'days', polarity: 'lower', tolerance: null });
    expect(result.kpis[7]).toMatchObject({ id: 'KPI-08', unit: 'rate per 100,000', code: 'ASCOF 2B' });
    expect(result.kpis[11]).toMatchObject({ id: 'KPI-12', target: null });
  });

  test.each(QUARTERS.map((q, i) => [q, i]))('every KPI as at %s: latest and previous values by real time', (quarter, i) => {
    const computed = at(quarter as string);
    for (const k of computed.kpis) {
      const series = SERIES[k.definition.id];
      // The latest period with a value on or before the reporting quarter, and the one before it.
      const withValue = series.map((v, j) => ({ v, j })).filter((x) => x.v !== null && x.j <= (i as number));
      const latest = withValue[withValue.length - 1];
      const previous = withValue[withValue.length - 2];
      expect(k.latest?.period).toBe(QUARTERS[latest.j]);
      expect(k.latest!.value).toBeCloseTo(latest.v!, 3);
      if (previous) {
        expect(k.previous?.period).toBe(QUARTERS[previous.j]);
        expect(k.previous!.value).toBeCloseTo(previous.v!, 3);
        expect(k.change!).toBeCloseTo(latest.v! - previous.v!, 3);
      } else expect(k.previous).toBeNull();
      // Grey exactly when the KPI has no value for the reporting quarter itself.
      expect(k.rag === 'Grey').toBe(series[i as number] === null);
    }
  });

  test('Grey where a quarter is missing: KPI-04 at Q2 2024/25 (zero denominator) and KPI-11 at Q3 2024/25 (no row)', () => {
    expect(at('Q2 2024/25').kpis.filter((k) => k.rag === 'Grey').map((k) => [k.definition.id, k.latest?.period])).toEqual([['KPI-04', 'Q1 2024/25']]);
    expect(at('Q3 2024/25').kpis.filter((k) => k.rag === 'Grey').map((k) => [k.definition.id, k.latest?.period])).toEqual([['KPI-11', 'Q2 2024/25']]);
  });

  test('as at Q2 2025/26: target, amber band, variance, direction and RAG for each KPI', () => {
    const computed = at('Q2 2025/26');
    for (const k of computed.kpis) {
      const e = AT_Q2[k.definition.id];
      expect(k.target).toBe(e.target);
      if (e.band === null) expect(k.band).toBeNull();
      else expect(k.band!).toBeCloseTo(e.band, 6);
      if (e.variance === null) expect(k.variance).toBeNull();
      else expect(k.variance!).toBeCloseTo(e.variance, 3);
      expect([k.definition.id, k.direction, k.rag]).toEqual([k.definition.id, e.direction, e.rag]);
    }
  });

  test('a few RAGs earlier in the year, worked by hand', () => {
    const q1 = Object.fromEntries(at('Q1 2025/26').kpis.map((k) => [k.definition.id, k]));
    // KPI-01 71.58 vs 80: short by 8.42 > 8 (10%) → Red; KPI-07 78.46 (revised row) vs 80: short by 1.54 ≤ 4 → Amber.
    expect(q1['KPI-01'].rag).toBe('Red');
    expect(q1['KPI-07'].rag).toBe('Amber');
    expect(q1['KPI-07'].latest!.value).toBeCloseTo(78.4566, 3);
    // KPI-09 at Q4 2024/25 reads the impossible 188/176 = 106.8% (reported as a finding) and is Green against 85.
    expect(at('Q4 2024/25').kpis[8]).toMatchObject({ rag: 'Green', direction: 'improving' });
    // KPI-06 at Q3 2024/25 is the negative -758: far below 800 → Red, worsening from 751.
    expect(at('Q3 2024/25').kpis[5]).toMatchObject({ rag: 'Red', direction: 'worsening' });
  });

  test('the report: kpis match the schema, latest/previous as {period, value}', () => {
    const reports = kpiReports(result);
    for (const r of reports) expect(kpiReportSchema.parse(r)).toEqual(r);
    expect(reports[0]).toEqual({
      id: 'KPI-01',
      name: 'Percentage of Care Act assessments completed within 28 days of referral',
      code: null,
      unit: 'percentage',
      polarity: 'higher',
      polarityEvidence: 'stated',
      target: 80,
      // The example's KPI Data marks this figure "Provisional" in its Note column.
      latest: { period: 'Q2 2025/26', value: (415 / 561) * 100, provisional: true },
      previous: { period: 'Q1 2025/26', value: (398 / 556) * 100 },
      direction: 'improving',
      rag: 'Amber',
      source: { sheet: 'KPIs', row: 2 },
    } satisfies KpiReport);
  });
});

describe('plan-assure structure --json', () => {
  function run(args: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const out = new Writable({
      write(chunk, _enc, done) {
        stdout += chunk.toString();
        done();
      },
    });
    const err = new Writable({ write: (_c, _e, done) => done() });
    return main(args, out as unknown as typeof process.stdout, err as unknown as typeof process.stderr).then((code) => ({ code, stdout }));
  }

  test('fills kpis for the example, one entry per register KPI', async () => {
    const { stdout } = await run(['structure', EXAMPLE, '--json', '--today', TODAY]);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.kpis.map((k) => [k.id, k.latest?.period, k.rag])).toEqual(Object.keys(AT_Q2).map((id) => [id, 'Q2 2025/26', AT_Q2[id].rag]));
    expect(Object.keys(report.kpis[0]).sort()).toEqual(['code', 'direction', 'id', 'latest', 'name', 'polarity', 'polarityEvidence', 'previous', 'rag', 'source', 'target', 'unit']);
    expect(report.issues.filter((i) => i.rule.startsWith('kpi-')).length).toBeGreaterThan(0);
  });

  test('gives an empty kpis list for a plan with no KPI sheets', async () => {
    const { stdout } = await run(['structure', path.join(__dirname, '..', 'seeds', 'dudley-cqc-action-plan-2009.xlsx'), '--json', '--today', TODAY]);
    expect(JSON.parse(stdout).kpis).toEqual([]);
  });
});
