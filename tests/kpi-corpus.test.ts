/**
 * The scorecard corpus (tests/helpers/scorecard-corpus): at least 25 scorecard layouts unlike our example, each
 * written as a real .xlsx, read through the real adapter (readWorkbook) and engine (structureWorkbook, kpiReports),
 * and held to its truth: every KPI found, none invented, and polarity, target, latest, previous, direction and RAG
 * right, plus the council's own RAG and trend and the provisional marks. A failing layout lists every wrong field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kpiReports, readKpiWorkbook } from '../src/engine/kpi';
import { reportSchema } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { registerDisagreements, settingsAt } from './helpers/kpi-xlsx';
import { buildCorpus, Feature, toModel, writeXlsx } from './helpers/scorecard-corpus';
import { differences } from './helpers/scorecard-corpus/check';
import { runCli } from './helpers/run-cli';

const TODAY = '2026-01-31';
const corpus = buildCorpus();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kpi-corpus-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readLayout(key: string) {
  const layout = corpus.find((l) => l.spec.key === key)!;
  const file = path.join(dir, `${key}.xlsx`);
  await writeXlsx(layout.sheets, file);
  return { layout, file, result: structureWorkbook(await readWorkbook(file), { today: TODAY }) };
}

describe('the corpus itself', () => {
  const REQUIRED: Feature[] = [
    'annual',
    'quarterly',
    'monthly',
    'wide',
    'long',
    'with targets',
    'without targets',
    'stated RAG',
    'trend words',
    'trend arrows',
    'text numbers',
    'suppressed values',
    'ids in name cells',
    'id column with unusual header',
    'no ids',
    'ASCOF pre-2023 numbering',
    'ASCOF 2023+ numbering',
    'lower is better',
    'fractions with % format',
    'percentages typed as numbers',
    'title block and notes',
    'relative headers',
    'provisional marks',
    'polarity unknowable',
  ];

  test('has at least 25 layouts, with distinct keys, covering every feature the issue lists', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map((l) => l.spec.key)).size).toBe(corpus.length);
    const covered = new Set(corpus.flatMap((l) => l.spec.features));
    expect(REQUIRED.filter((f) => !covered.has(f))).toEqual([]);
  });

  test('holds Green, Amber, Red, Grey and no-RAG KPIs, lower-is-better ones moving away from target, and unknowable polarities', () => {
    const truths = corpus.flatMap((l) => l.truth);
    for (const rag of ['Green', 'Amber', 'Red', 'Grey', null]) expect(truths.filter((t) => t.rag === rag).length).toBeGreaterThanOrEqual(3);
    const away = truths.filter((t) => t.polarity === 'lower' && t.target !== null && t.latest && t.previous && t.latest.value > t.target && t.latest.value > t.previous.value);
    expect(away.length).toBeGreaterThanOrEqual(3);
    expect(truths.filter((t) => t.polarityBasis === 'unknowable').length).toBeGreaterThanOrEqual(5);
    expect(truths.filter((t) => t.statedRag !== undefined && t.statedRag !== t.rag).length).toBeGreaterThanOrEqual(1);
  });

  test('the features a layout claims are in its sheets, and those it has are claimed', () => {
    const wrong: string[] = [];
    for (const { spec, truth } of corpus) {
      const has: [Feature, boolean][] = [
        ['wide', spec.form === 'wide'],
        ['with targets', truth.some((t) => t.target !== null)],
        ['stated RAG', !!spec.rag],
        ['no ids', truth.every((t) => t.id === null)],
        ['ids in name cells', !!spec.idInName],
        ['lower is better', truth.some((t) => t.polarity === 'lower')],
        ['provisional marks', truth.some((t) => t.provisional.length > 0)],
        ['polarity unknowable', truth.some((t) => t.polarityBasis === 'unknowable')],
        ['suppressed values', spec.kpis.some((k) => k.suppressed)],
        ['text numbers', spec.numbers === 'text'],
        ['fractions with % format', spec.numbers === 'fraction'],
      ];
      for (const [feature, present] of has) if (spec.features.includes(feature) !== present) wrong.push(`${spec.key}: "${feature}" ${present ? 'not claimed' : 'claimed but absent'}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('every layout: all KPIs found, none invented, the six fields right', () => {
  test.each(corpus.map((l) => [`${l.spec.key}: ${l.spec.title}`, l.spec.key]))('%s', async (_title, key) => {
    const { layout, result } = await readLayout(key);
    expect(differences(result, layout.truth)).toEqual([]);
  });
});

describe("every layout: the KPI Register's formulas agree with the engine, and every formula carries the result it calculates", () => {
  // In HyperFormula, over the sheets as written (a KPI named by its name or code among them: its rows carry its id).
  test.each(corpus.map((l) => [l.spec.key, l.spec.key]))('%s', (_title, key) => {
    const layout = corpus.find((l) => l.spec.key === key)!;
    const model = toModel(layout.sheets);
    const settings = settingsAt(null);
    expect(registerDisagreements(model, readKpiWorkbook(model.sheets, settings, new Set()), settings)).toEqual([]);
  });
});

describe("the council's own RAG and trend", () => {
  test('where the council RAG or trend disagrees with the rule, a finding names both', async () => {
    const missing: string[] = [];
    for (const l of corpus) {
      const disagreeing = l.truth.filter((t) => (t.statedRag !== undefined && t.statedRag !== null && t.statedRag !== t.rag) || (t.statedDirection !== undefined && t.statedDirection !== null && t.statedDirection !== t.direction));
      if (!disagreeing.length) continue;
      const { result } = await readLayout(l.spec.key);
      for (const t of disagreeing) {
        const [stated, rule] = t.statedRag !== undefined && t.statedRag !== t.rag ? [t.statedRag!, t.rag!] : [t.statedDirection!, t.direction!];
        const named = result.findings.some((f) => f.sheet === t.sheet && f.message.toLowerCase().includes(stated.toLowerCase()) && f.message.toLowerCase().includes(rule.toLowerCase()));
        if (!named) missing.push(`${l.spec.key} ${t.id ?? t.name}: no finding naming "${stated}" and "${rule}"`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('plan-assure structure --json on a scorecard-only workbook', () => {
  test('exits 0 with no plan error, and reports each KPI of the layout', async () => {
    const { layout, file } = await readLayout('quarterly-text-numbers-pi-no');
    const { code, stdout } = await runCli(['structure', file, '--json', '--today', TODAY]);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.kpis.map((k) => k.id).sort()).toEqual(layout.truth.map((t) => t.id!).sort());
    expect(code).toBe(0);
  });

  test('the JSON report agrees with the engine', async () => {
    const { file, result } = await readLayout('ascof-current-ids-in-names');
    const { stdout } = await runCli(['structure', file, '--json', '--today', TODAY]);
    expect(JSON.parse(stdout).kpis).toEqual(JSON.parse(JSON.stringify(kpiReports(result))));
  });
});
