/**
 * The pane's way to answer "which way is better?": the finding names its KPI, and the host saves the answer as a Plan
 * Settings row through the Office.js adapter (run here on the Excel simulator), where the next check reads it.
 */
import type { Finding } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import type { PaneController } from '../src/taskpane/controller';
import { ExcelSimulator } from '../src/excel-simulator';
import { OfficeWorkbookHost } from '../src/taskpane/office-host';
import { CellInput, sheet, workbook } from './helpers/model';

const TODAY = '2026-01-31';
const SCORECARD: CellInput[][] = [
  ['Ref', 'Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
  ['K1', 'Proportion of people in scheme X', 28, 30, 31.2],
  ['K2', 'Number of carers assessed', 400, 380, 420],
];

async function answer(sim: ExcelSimulator, kpi: string, polarity: 'higher' | 'lower'): Promise<void> {
  const restore = sim.installGlobals();
  try {
    await new OfficeWorkbookHost().savePolarity(kpi, polarity);
  } finally {
    restore();
  }
}

const rowsOf = (sim: ExcelSimulator, name: string) => {
  const s = sim.model().sheets.find((x) => x.name === name)!;
  const rows: string[][] = [];
  for (const c of s.cells) (rows[c.row - 1] ??= [])[c.col - 1] = String(c.value.value);
  return rows;
};

test('the polarity finding names its KPI, so the pane can offer the two answers on it', () => {
  const result = structureWorkbook(workbook(sheet('Scorecard', SCORECARD)), { today: TODAY });
  expect(result.findings.filter((f) => f.rule === 'kpi-polarity-unsure').map((f) => [f.cell, f.kpi])).toEqual([
    ['B2', 'K1'],
    ['B3', 'K2'],
  ]);
  // Other findings carry no KPI to answer for.
  expect(result.findings.filter((f) => f.rule !== 'kpi-polarity-unsure' && f.kpi !== undefined)).toEqual([]);
});

test('a workbook with no Plan Settings sheet gets one, with the answer; the next check uses it and stops asking', async () => {
  const sim = new ExcelSimulator({ model: workbook(sheet('Scorecard', SCORECARD)) });
  await answer(sim, 'K1', 'lower');
  expect(rowsOf(sim, 'Plan Settings')).toEqual([
    ['Setting', 'Value'],
    ['Polarity: K1', 'lower'],
  ]);
  const result = structureWorkbook(sim.model(), { today: TODAY });
  expect(result.kpis.map((k) => [k.id, k.polarity, k.polarityEvidence])).toEqual([
    ['K1', 'lower', 'officer'],
    ['K2', 'higher', 'unsure'],
  ]);
  expect(result.findings.filter((f) => f.rule === 'kpi-polarity-unsure').map((f) => f.kpi)).toEqual(['K2']);
});

test('a changed answer replaces the saved row (whatever its capitals); the other settings are left as they were', async () => {
  const settings = sheet('Settings', [
    ['Setting', 'Value'],
    ['Reporting period', 'Q2 2025/26'],
    ['polarity: k1', 'higher'],
    ['RAG tolerance', '10%'],
  ]);
  const sim = new ExcelSimulator({ model: workbook(sheet('Scorecard', SCORECARD), settings) });
  await answer(sim, 'K1', 'lower');
  await answer(sim, 'K2', 'higher');
  expect(rowsOf(sim, 'Settings')).toEqual([
    ['Setting', 'Value'],
    ['Reporting period', 'Q2 2025/26'],
    ['Polarity: K1', 'lower'],
    ['RAG tolerance', '10%'],
    ['Polarity: K2', 'higher'],
  ]);
  expect(sim.model().sheets.map((s) => s.name)).toEqual(['Scorecard', 'Settings']);
  const result = structureWorkbook(sim.model(), { today: TODAY });
  expect(result.settings.ragTolerance).toBe(0.1);
  expect(result.findings.filter((f) => f.rule === 'kpi-polarity-unsure')).toEqual([]);
});

describe('the findings list offers the two answers on a polarity finding (rendered to HTML)', () => {
  // Rendered on the server side of React: enough to see which controls a finding carries (clicks are for the browser tests).
  async function render(findings: Finding[], selectedIndex: number): Promise<string> {
    const [{ createElement }, { renderToStaticMarkup }, { FluentProvider, webLightTheme }, { default: FindingsList }, { findingKey }] = await Promise.all([
      import('react'),
      import('react-dom/server'),
      import('@fluentui/react-components'),
      import('../src/taskpane/components/FindingsList'),
      import('../src/taskpane/controller'),
    ]);
    const controller = {
      model: { phase: 'ready', state: null, findings, done: [], running: null, loading: false, selected: { key: findingKey(findings[selectedIndex], selectedIndex), error: null } },
      select: async () => undefined,
      confirmPolarity: async () => undefined,
    } as unknown as PaneController;
    return renderToStaticMarkup(createElement(FluentProvider, { theme: webLightTheme }, createElement(FindingsList, { controller })));
  }

  // The finding last gone to is the current one when the list opens: its answers show; no other finding's do.
  test('shown on the selected polarity finding, and on no other finding', async () => {
    const result = structureWorkbook(workbook(sheet('Scorecard', SCORECARD)), { today: TODAY });
    const noTarget = structureWorkbook(workbook(sheet('Scorecard', [SCORECARD[0], ['K3', 'Reviews done', null, 5, 6]])), { today: TODAY }).findings.find((f) => f.rule === 'kpi-missing-target')!;
    const findings = [...result.findings, noTarget];
    const polarity = findings.findIndex((f) => f.rule === 'kpi-polarity-unsure');
    const html = await render(findings, polarity);
    expect(html).toContain('data-testid="polarity-higher"');
    expect(html).toContain('Higher is better</button>');
    expect(html).toContain('Lower is better</button>');
    expect(html).toContain('aria-label="Which way is better for K1?"');
    const other = findings.findIndex((f) => f.rule !== 'kpi-polarity-unsure');
    expect(other).toBeGreaterThanOrEqual(0);
    expect(await render(findings, other)).not.toContain('polarity-higher');
  });
});
