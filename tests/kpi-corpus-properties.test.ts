/**
 * Properties of the scorecard corpus generator (tests/helpers/scorecard-corpus), and the one property issue 19 asks
 * of the engine over any generated scorecard: a KPI moving away from its target is never reported improving or Green.
 */
import fc from 'fast-check';
import { kpiReports, NOT_RATED } from '../src/engine/kpi';
import { structureWorkbook } from '../src/engine/structure';
import { buildLayout, MEASURES, toModel } from './helpers/scorecard-corpus';
import { layoutArbitrary } from './helpers/scorecard-corpus/arbitrary';
import { figureCell, figureOf, NumberStyle } from './helpers/scorecard-corpus/cells';
import { differences, reportsFor } from './helpers/scorecard-corpus/check';
import { generateSeries, roundTo, Scenario, seededRng } from './helpers/scorecard-corpus/series';
import { ragOf } from './helpers/scorecard-corpus/truth';

/**
 * Fixed, so a run reproduces; set KPI_CORPUS_SEED to another number to explore other scorecards (fast-check prints
 * the seed and path of any failure), as PLAN_CORPUS_SEED does for the plan corpus.
 */
const PROPERTY_SEED = Number(process.env.KPI_CORPUS_SEED ?? 20261204);
const RUNS = { numRuns: 60, seed: PROPERTY_SEED };
const TODAY = '2026-01-31';

const measureArb = fc.constantFrom(...MEASURES);
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

describe('the generator', () => {
  test('series: the latest value sits against the target as the scenario says', () => {
    fc.assert(
      fc.property(measureArb, fc.integer({ min: 2, max: 8 }), fc.constantFrom<Scenario>('green', 'amber', 'red', 'near-red', 'away', 'none'), seedArb, (m, count, scenario, seed) => {
        const { values, target } = generateSeries(m, count, scenario, seededRng(seed));
        expect(values).toHaveLength(count);
        for (const v of values) expect(roundTo(v, m.decimals)).toBe(v);
        if (scenario === 'none') return expect(target).toBeNull();
        const latest = values[count - 1];
        const rag = ragOf(latest, target!, m.polarity);
        if (scenario === 'green') expect(rag).toBe('Green');
        else expect(rag).not.toBe('Green');
        if (scenario === 'away') {
          const previous = values[count - 2];
          expect(Math.abs(latest - target!)).toBeGreaterThan(Math.abs(previous - target!));
        }
        // The baseline falls short of the target, so "target against baseline" shows the true polarity.
        if (count >= 3) expect((values[0] - target!) * (m.polarity === 'higher' ? 1 : -1)).toBeLessThan(0);
      }),
      RUNS,
    );
  });

  test('cells: every figure written in any style reads back as the same number', () => {
    fc.assert(
      fc.property(measureArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom<NumberStyle>('number', 'fraction', 'text'), (m, t, style) => {
        const value = roundTo(m.range[0] + t * (m.range[1] - m.range[0]), m.decimals);
        const read = figureOf(figureCell(value, m, style));
        expect(read).not.toBeNull();
        expect(Math.abs(read! - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, value));
      }),
      RUNS,
    );
  });

  test('layouts: every KPI of the truth is on its sheet, named, with one figure or marker per period', () => {
    fc.assert(
      fc.property(layoutArbitrary(), seedArb, (spec, seed) => {
        const built = buildLayout(spec, seededRng(seed));
        const sheet = built.sheets.find((s) => s.name === spec.sheetName)!;
        const text = JSON.stringify(sheet.rows);
        expect(built.truth).toHaveLength(spec.kpis.length);
        for (const t of built.truth) {
          expect(text).toContain(JSON.stringify(t.measure.name).slice(1, -1));
          if (t.id) expect(text).toContain(t.id);
          expect(t.observed).toHaveLength(spec.periods.length);
          // latest is the most recent period with a figure; Grey exactly when that is not the reporting period.
          const withValue = t.observed.filter((o) => o.value !== null);
          expect(t.latest?.period).toBe(withValue[withValue.length - 1]?.period.label);
          expect(t.rag === 'Grey').toBe(t.latest?.period !== built.reporting.label);
        }
      }),
      RUNS,
    );
  });

  test('truth: a KPI moving away from its target is never improving or Green', () => {
    fc.assert(
      fc.property(layoutArbitrary({ awayFromTarget: true }), seedArb, (spec, seed) => {
        const t = buildLayout(spec, seededRng(seed)).truth[0];
        expect(t.direction).toBe('worsening');
        expect(['Amber', 'Red']).toContain(t.rag);
      }),
      RUNS,
    );
  });
});

describe('the engine over generated scorecards', () => {
  test('a KPI moving away from its target is never reported improving or Green', () => {
    let checked = 0;
    fc.assert(
      fc.property(layoutArbitrary({ awayFromTarget: true }), seedArb, (spec, seed) => {
        const built = buildLayout(spec, seededRng(seed));
        // Where nothing on the sheet shows the polarity the tool asks, and judges neither until the officer answers.
        const result = structureWorkbook(toModel(built.sheets), { today: TODAY });
        const reports = kpiReports(result);
        const away = built.truth[0];
        for (const i of reportsFor(away, reports, true)) {
          checked++;
          expect([away.id ?? away.name, reports[i].direction]).not.toEqual([away.id ?? away.name, 'improving']);
          expect([away.id ?? away.name, reports[i].rag]).not.toEqual([away.id ?? away.name, 'Green']);
        }
      }),
      { numRuns: Number(process.env.CORPUS_RUNS ?? 150), seed: PROPERTY_SEED },
    );
    // Not true by default: some of the moving-away KPIs were found and checked.
    expect(checked).toBeGreaterThan(0);
  });

  test('a KPI whose polarity is unsure gets no RAG (bar Grey) and no direction from the rule, and says why', () => {
    let unsure = 0;
    fc.assert(
      fc.property(layoutArbitrary(), seedArb, (spec, seed) => {
        const built = buildLayout(spec, seededRng(seed));
        for (const r of kpiReports(structureWorkbook(toModel(built.sheets), { today: TODAY }))) {
          if (r.polarityEvidence !== 'unsure') continue;
          unsure++;
          // The council's own RAG and direction may lead; the rule's are beside them (or are the report's own).
          const ruleRag = r.statedRag ? r.ruleRag : r.rag;
          const ruleDirection = r.statedDirection ? r.ruleDirection : r.direction;
          expect([r.id, ruleRag === null || ruleRag === 'Grey', ruleDirection ?? null, r.notRated]).toEqual([r.id, true, null, NOT_RATED]);
        }
      }),
      { numRuns: Number(process.env.CORPUS_RUNS ?? 60), seed: PROPERTY_SEED },
    );
    // Not true by default: the generator's unknowable polarities were read as unsure and checked.
    expect(unsure).toBeGreaterThan(0);
  });
});

/**
 * Generated scorecards that once read wrong, kept as fixed cases: [fast-check seed, index of the sample, what it held].
 * Found by running the generator under other seeds; each failed before the fix its note names. (A change to
 * layoutArbitrary changes what a seed draws: then find the cases again with KPI_CORPUS_SEED.)
 */
const ONCE_WRONG: [number, number, string][] = [
  [3, 9, 'periods down the rows, only two of them, ids at the start of the names'],
  [5, 4, 'periods down the rows, one KPI, its id in a row headed "Indicator code" (read as a second names row)'],
  [11, 7, 'periods down the rows, ids under "Indicator code" for one KPI of two (an id column is often sparse)'],
  [6, 13, 'periods down the rows, ids under "Indicator code" below the names'],
  [9, 11, 'wide, an id column headed "#" holding one code among blanks'],
  [8, 14, 'long, a KPI with unknowable polarity asked about at the row of its latest period'],
  [15, 1, 'long, counts beside fractions shown as percentages in one Value column (the counts were scaled ×100)'],
  [18, 20, 'long, fractions shown as percentages in a Value column mostly of counts (left unscaled)'],
  [20, 22, 'long, a percentage KPI whose target is a fraction shown as a percentage, among counts'],
  [19, 3, 'long, an id column with no code for one KPI (its rows were left out as having no id)'],
  [19, 9, 'long, ids under "KPI Ref" for some KPIs only'],
  [14, 20, 'long, an id column headed "#" (the table was keyed by names and the ids lost)'],
  [18, 14, 'long, ids under "#", one KPI without a code'],
  [21, 21, 'long, an "Indicator code" column with nothing in it before the names'],
  [21, 24, 'a KPI whose polarity cannot be known, shown Green by the polarity the tool asks about (now: not rated until confirmed)'],
];

describe('generated scorecards read right', () => {
  test('every KPI found, none invented, its fields right, on any generated layout', () => {
    fc.assert(
      fc.property(layoutArbitrary(), seedArb, (spec, seed) => {
        const built = buildLayout(spec, seededRng(seed));
        expect(differences(structureWorkbook(toModel(built.sheets), { today: TODAY }), built.truth)).toEqual([]);
      }),
      { numRuns: Number(process.env.CORPUS_RUNS ?? 60), seed: PROPERTY_SEED },
    );
  });
});

describe('generated scorecards that once read wrong', () => {
  test.each(ONCE_WRONG)('seed %i, sample %i: %s', (seed, index) => {
    const [spec, rngSeed] = fc.sample(fc.tuple(layoutArbitrary(), seedArb), { seed, numRuns: index + 1 })[index];
    const built = buildLayout(spec, seededRng(rngSeed));
    expect(differences(structureWorkbook(toModel(built.sheets), { today: TODAY }), built.truth)).toEqual([]);
  });
});
