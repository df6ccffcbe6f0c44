/**
 * The output side of reading a council's scorecard, engine level: polarity is never a silent default, the council's
 * own RAG and direction are kept and disagreements named, a confirmed polarity wins, and a KPI moving away from its
 * target is never shown as improving or Green.
 */
import fc from 'fast-check';
import { computeKpis, kpiFindings, kpiReports, NOT_RATED, readKpis, toKpiReport } from '../src/engine/kpi';
import { readSettingsSheet } from '../src/engine/settings';
import { DEFAULT_SETTINGS, KpiDefinition, KpiObservation, KpiUnit, PlanSettings, Polarity } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import { sheet, workbook } from './helpers/model';

const TODAY = '2026-01-31';

/** A scorecard with no polarity column: KPI names that say nothing of which way is better. */
function scorecard(): ReturnType<typeof sheet> {
  return sheet('Scorecard', [
    ['Ref', 'Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
    ['K1', 'Proportion of people in scheme X', 28, 30, 31.2],
    ['K2', 'Number of carers assessed', 400, 380, 420],
  ]);
}

function read(model = workbook(scorecard()), settings: PlanSettings = { ...DEFAULT_SETTINGS, reportingPeriod: 'Q2 2025/26' }) {
  return structureWorkbook(model, { today: TODAY, settings });
}

describe('polarity is never a silent default', () => {
  test('a KPI whose sheet does not say which way is better gets a finding at its cell, with the fix in words', () => {
    const result = read();
    const unsure = result.findings.filter((f) => f.rule === 'kpi-polarity-unsure');
    expect(unsure.map((f) => [f.sheet, f.cell])).toEqual([
      ['Scorecard', 'B2'],
      ['Scorecard', 'B3'],
    ]);
    expect(unsure[0].severity).toBe('warning');
    expect(unsure[0].message).toContain('K1');
    expect(unsure[0].message).toContain('higher is better');
    expect(unsure[0].fix).toContain('Higher is better');
    expect(unsure[0].fix).toContain('Lower is better');
    expect(unsure[0].fix).toContain('Polarity: K1');
    expect(unsure[0].fix).toContain('--polarity "K1=lower"');
  });

  test('a KPI whose polarity is given on the sheet gets no such finding', () => {
    const model = workbook(
      sheet('Scorecard', [
        ['Ref', 'Indicator', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
        ['K1', 'Proportion of people in scheme X', 'Low', 28, 30, 31.2],
      ]),
    );
    expect(read(model).findings.filter((f) => f.rule === 'kpi-polarity-unsure')).toEqual([]);
  });

  test('a KPI the reader marks unsure is asked about even when its polarity did not default', () => {
    const model = workbook(scorecard());
    const reading = readKpis(model.sheets, { settings: DEFAULT_SETTINGS, skipSheets: new Set() });
    for (const d of reading.definitions) {
      d.polarityFrom = 'name';
      d.definition.polarityEvidence = d.definition.id === 'K2' ? 'unsure' : 'words';
    }
    const computation = computeKpis(
      reading.definitions.map((d) => d.definition),
      reading.observations.map((o) => o.observation),
      DEFAULT_SETTINGS,
    );
    const unsure = kpiFindings(reading, computation, DEFAULT_SETTINGS).filter((f) => f.rule === 'kpi-polarity-unsure');
    expect(unsure.map((f) => f.cell)).toEqual(['B3']);
  });

  test('the officer\'s answer saved in Plan Settings wins on the next run, by id or by code', () => {
    const settingsSheet = sheet('Plan Settings', [
      ['Setting', 'Value'],
      ['Reporting period', 'Q2 2025/26'],
      ['Polarity: k1', 'Lower is better'],
      ['Polarity: ASCOF 2A', '↓'],
    ]);
    expect(readSettingsSheet(workbook(settingsSheet)).settings.kpiPolarities).toEqual({ k1: 'lower', 'ASCOF 2A': 'lower' });
    const withCode = sheet('Scorecard', [
      ['Ref', 'Indicator', 'Code', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
      ['K1', 'Proportion of people in scheme X', null, 28, 30, 31.2],
      ['K3', 'Admissions to care homes, 65 and over', 'ascof 2a', 500, 480, 470],
    ]);
    const result = structureWorkbook(workbook(withCode, settingsSheet), { today: TODAY });
    const k1 = result.kpis.find((k) => k.id === 'K1')!;
    expect([k1.polarity, k1.polarityEvidence]).toEqual(['lower', 'officer']);
    expect(result.kpis.find((k) => k.id === 'K3')!.polarityEvidence).toBe('officer');
    expect(result.findings.filter((f) => f.rule === 'kpi-polarity-unsure')).toEqual([]);
    // Lower is better and it rose from 30 to 31.2, beyond 5% of 28: worsening and Red.
    const computed = computeKpis(result.kpis, result.observations, result.settings).kpis.find((k) => k.definition.id === 'K1')!;
    expect([computed.direction, computed.rag]).toEqual(['worsening', 'Red']);
  });
});

describe('a KPI whose polarity is unsure is not rated until the officer confirms it', () => {
  const k1 = (result: ReturnType<typeof structureWorkbook>) => kpiReports(result).find((k) => k.id === 'K1')!;

  test('unsure: no RAG and no direction from the rule, and the report says why in words', () => {
    const report = k1(read());
    // Guessed "higher is better", K1 rising from 30 to 31.2 past its 28 would have read improving and Green.
    expect([report.polarity, report.polarityEvidence]).toEqual(['higher', 'unsure']);
    expect([report.direction, report.rag, report.notRated]).toEqual([null, null, 'Not rated: confirm whether higher or lower is better']);
  });

  test.each([
    ['Plan Settings', (model: ReturnType<typeof workbook>) => structureWorkbook(model, { today: TODAY })],
    ['--polarity', (model: ReturnType<typeof workbook>) => read(model, { ...DEFAULT_SETTINGS, reportingPeriod: 'Q2 2025/26', kpiPolarities: { K1: 'lower' } })],
  ])('confirmed lower is better through %s: the RAG and direction come back', (how, run) => {
    const settingsSheet = sheet('Plan Settings', [
      ['Setting', 'Value'],
      ['Reporting period', 'Q2 2025/26'],
      ['Polarity: K1', 'lower'],
    ]);
    const report = k1(run(how === 'Plan Settings' ? workbook(scorecard(), settingsSheet) : workbook(scorecard())));
    expect([report.polarity, report.polarityEvidence, report.direction, report.rag, report.notRated]).toEqual(['lower', 'officer', 'worsening', 'Red', undefined]);
  });

  test("the council's own RAG and direction are kept and lead; the rule's beside them are withheld", () => {
    const stated = sheet('Scorecard', [
      ['Ref', 'Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26', 'RAG', 'Direction of travel'],
      ['K1', 'Proportion of people in scheme X', 28, 30, 31.2, 'Red', 'Worsening'],
    ]);
    const report = k1(read(workbook(stated)));
    expect(report.polarityEvidence).toBe('unsure');
    expect([report.rag, report.statedRag, report.ruleRag]).toEqual(['Red', 'Red', null]);
    expect([report.direction, report.statedDirection, report.ruleDirection]).toEqual(['worsening', 'worsening', null]);
    expect(report.notRated).toBeDefined();
  });
});

describe("the council's own RAG and direction are kept", () => {
  function withStated(stated: Partial<KpiDefinition>, settings: PlanSettings = { ...DEFAULT_SETTINGS, reportingPeriod: 'Q2 2025/26' }) {
    const model = workbook(
      sheet('Scorecard', [
        ['Ref', 'Indicator', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
        ['K1', 'Proportion of people in scheme X', 'Lower', 28, 30, 31.2],
      ]),
    );
    const reading = readKpis(model.sheets, { settings, skipSheets: new Set() });
    Object.assign(reading.definitions[0].definition, stated);
    const definitions = reading.definitions.map((d) => d.definition);
    const computation = computeKpis(
      definitions,
      reading.observations.map((o) => o.observation),
      settings,
    );
    return { findings: kpiFindings(reading, computation, settings), report: toKpiReport(computation.kpis[0], settings.kpiRag) };
  }

  test('an entered RAG is kept and leads; where the tolerance rule disagrees a finding names both', () => {
    const { findings, report } = withStated({ statedRag: 'Green', unit: 'number', target: 28 });
    expect(report.rag).toBe('Green');
    expect(report.statedRag).toBe('Green');
    expect(report.ruleRag).toBe('Red');
    const differs = findings.filter((f) => f.rule === 'kpi-stated-rag-differs');
    expect(differs).toHaveLength(1);
    expect(differs[0].message).toBe('K1: the sheet says Green; by the 5% rule against a target of 28 the latest value 31.2 (Q2 2025/26) is Red. The board pack shows both.');
    expect(differs[0].cell).toBe('B2');
  });

  test('"KPI RAG: rule" in Plan Settings puts the rule\'s RAG first, and keeps the council\'s beside it', () => {
    const settingsSheet = sheet('Plan Settings', [['KPI RAG', 'Rule (tolerance)']]);
    expect(readSettingsSheet(workbook(settingsSheet)).settings.kpiRag).toBe('rule');
    const { report } = withStated({ statedRag: 'Green', unit: 'number', target: 28 }, { ...DEFAULT_SETTINGS, reportingPeriod: 'Q2 2025/26', kpiRag: 'rule' });
    expect([report.rag, report.statedRag, report.ruleRag]).toEqual(['Red', 'Green', 'Red']);
  });

  test('a council RAG that agrees with the rule makes no finding; a wider tolerance in Plan Settings changes the rule', () => {
    expect(withStated({ statedRag: 'Red', unit: 'number', target: 28 }).findings.filter((f) => f.rule === 'kpi-stated-rag-differs')).toEqual([]);
    const wide = withStated({ statedRag: 'Amber', unit: 'number', target: 28 }, { ...DEFAULT_SETTINGS, reportingPeriod: 'Q2 2025/26', ragTolerance: 0.15 });
    expect(wide.report.ruleRag).toBe('Amber');
    expect(wide.findings.filter((f) => f.rule === 'kpi-stated-rag-differs')).toEqual([]);
  });

  test('an entered direction is kept; where the figures disagree a finding names both', () => {
    const { findings, report } = withStated({ statedDirection: 'improving', unit: 'number', target: 28 });
    expect([report.direction, report.statedDirection, report.ruleDirection]).toEqual(['improving', 'improving', 'worsening']);
    const differs = findings.filter((f) => f.rule === 'kpi-stated-direction-differs');
    expect(differs.map((f) => f.message)).toEqual(['K1: the sheet says improving; from 30 (Q1 2025/26) to 31.2 (Q2 2025/26), with lower better, the figures say worsening.']);
  });

  test('a plain register reads as before: no stated fields, no rule fields in the report', () => {
    const { report } = withStated({});
    expect(Object.keys(report)).not.toEqual(expect.arrayContaining(['statedRag']));
    expect(report).not.toHaveProperty('ruleRag');
    expect(report).not.toHaveProperty('statedDirection');
  });
});

describe('provisional figures', () => {
  test('a provisional latest figure is marked in the report; a later firm figure for the same period clears it', () => {
    const definition: KpiDefinition = {
      id: 'K1',
      name: 'Anything',
      code: null,
      unit: 'number',
      polarity: 'higher',
      frequency: 'annual',
      baseline: null,
      target: 10,
      tolerance: null,
      lead: null,
      source: { sheet: 'S', row: 2 },
    };
    const obs = (period: string, value: number, provisional?: boolean): KpiObservation => ({ kpiId: 'K1', period, numerator: null, denominator: null, value, note: null, provisional, source: { sheet: 'S', row: 3 } });
    const report = (observations: KpiObservation[]) => toKpiReport(computeKpis([definition], observations, DEFAULT_SETTINGS).kpis[0]);
    expect(report([obs('2023/24', 9), obs('2024/25', 11, true)]).latest).toEqual({ period: '2024/25', value: 11, provisional: true });
    expect(report([obs('2023/24', 9), obs('2024/25', 11, true), obs('2024/25', 12)]).latest).toEqual({ period: '2024/25', value: 12 });
    expect(report([obs('2023/24', 9, true), obs('2024/25', 11)]).previous).toEqual({ period: '2023/24', value: 9, provisional: true });
  });
});

describe('property: a KPI moving away from its target is never reported as improving or Green', () => {
  const units: KpiUnit[] = ['percentage', 'number', 'days', 'rate per 100,000', 'score'];
  const periods = [
    ['Q1 2025/26', 'Q2 2025/26'],
    ['2023/24', '2024/25'],
    ['Aug 2025', 'Sep 2025'],
  ];
  const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

  test('over two periods, either polarity, any unit, figures as values or as numerator ÷ denominator', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Polarity>('higher', 'lower'),
        fc.constantFrom(...units),
        fc.constantFrom(...periods),
        figure,
        figure,
        figure,
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        fc.boolean(),
        fc.integer({ min: 1, max: 100000 }),
        fc.constantFrom<KpiDefinition['polarityEvidence']>(undefined, 'stated', 'officer', 'unsure'),
        (polarity, unit, [first, second], target, previousFigure, latestFigure, tolerance, asRatio, denominator, polarityEvidence) => {
          const definition: KpiDefinition = {
            id: 'K',
            name: 'A measure',
            code: null,
            unit,
            polarity,
            frequency: null,
            baseline: null,
            target,
            tolerance: tolerance === null ? null : { kind: 'relative', value: tolerance },
            lead: null,
            ...(polarityEvidence ? { polarityEvidence } : {}),
            source: { sheet: 'S', row: 2 },
          };
          const scale = unit === 'percentage' ? 100 : unit === 'rate per 100,000' ? 100000 : 1;
          const obs = (period: string, v: number, row: number): KpiObservation =>
            asRatio
              ? { kpiId: 'K', period, numerator: (v / scale) * denominator, denominator, value: null, note: null, source: { sheet: 'S', row } }
              : { kpiId: 'K', period, numerator: null, denominator: null, value: v, note: null, source: { sheet: 'S', row } };
          const computed = computeKpis([definition], [obs(first, previousFigure, 3), obs(second, latestFigure, 4)], DEFAULT_SETTINGS).kpis[0];
          const previous = computed.previous!.value;
          const latest = computed.latest!.value;
          const worseThanTarget = polarity === 'higher' ? latest < target : latest > target;
          const movingAway = worseThanTarget && Math.abs(latest - target) > Math.abs(previous - target);
          fc.pre(movingAway);
          const report = toKpiReport(computed);
          expect(report.direction).not.toBe('improving');
          expect(report.rag).not.toBe('Green');
          // Unsure: the polarity may be the wrong way round, so the rule does not judge at all (Grey needs no judging).
          if (polarityEvidence === 'unsure') expect([report.direction, report.rag === null || report.rag === 'Grey', report.notRated]).toEqual([null, true, NOT_RATED]);
          else expect(report.direction).toBe('worsening');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
