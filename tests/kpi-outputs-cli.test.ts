/**
 * The KPI output side through the real command, on .xlsx files written here: a scorecard-only workbook is a normal
 * input (exit 0, no plan error, a board pack that is the KPI Scorecard), the officer's polarity from --polarity or
 * from Plan Settings wins, a sheet that looks like a scorecard but cannot be read says why, and a figure that cannot
 * be read is a finding at its cell, never a zero.
 */
import { TITLE_ROWS } from '../src/engine/board-pack/layout';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { Report } from '../src/engine/schema';
import { CellInput, sheet, workbook } from './helpers/model';
import { runCli } from './helpers/run-cli';
import { writeModel } from './helpers/xlsx-files';

const TODAY = '2026-01-31';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpi-outputs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SCORECARD: CellInput[][] = [
  ['Adult social care scorecard'],
  ['Ref', 'Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
  ['K1', 'Proportion of people in scheme X', 28, 30, 31.2],
  ['K2', 'Number of carers assessed', 400, 380, 420],
];
const SETTINGS: CellInput[][] = [
  ['Setting', 'Value'],
  ['Reporting period', 'Q2 2025/26'],
];

async function file(name: string, ...sheets: ReturnType<typeof sheet>[]): Promise<string> {
  const target = path.join(dir, name);
  await writeModel(workbook(...sheets), target);
  return target;
}

async function json(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await runCli([...args, '--json', '--today', TODAY]);
  return { code: run.code, report: run.stdout ? (JSON.parse(run.stdout) as Report) : ({} as Report), stderr: run.stderr };
}

describe('a scorecard-only workbook is a normal input', () => {
  let input: string;
  beforeAll(async () => {
    input = await file('scorecard-only.xlsx', sheet('Scorecard', SCORECARD), sheet('Plan Settings', SETTINGS));
  });

  /** Runs the command with --out (it must exit 0) and opens what it wrote. */
  async function writtenBy(command: 'run' | 'structure', name: string): Promise<ExcelJS.Workbook> {
    const out = path.join(dir, name);
    expect((await json([command, input, '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return wb;
  }

  test('validate: read, checked and scored, with no plan error and exit 0', async () => {
    const { code, report } = await json(['validate', input]);
    expect(report.issues.filter((i) => i.rule === 'no-plan-table')).toEqual([]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    // Neither polarity is confirmed, so neither KPI is rated (guessed "higher is better", both would read Green).
    const notRated = 'Not rated: confirm whether higher or lower is better';
    expect(report.kpis.map((k) => [k.id, k.latest?.period, k.latest?.value, k.rag, k.direction, k.notRated])).toEqual([
      ['K1', 'Q2 2025/26', 31.2, null, null, notRated],
      ['K2', 'Q2 2025/26', 420, null, null, notRated],
    ]);
    // Neither sheet says which way is better: the officer is asked, at each KPI's cell.
    expect(report.issues.filter((i) => i.rule === 'kpi-polarity-unsure').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Scorecard!B3', 'Scorecard!B4']);
  });

  test('run: the board pack is the KPI Scorecard, with no empty plan sheets', async () => {
    const wb = await writtenBy('run', 'scorecard-only-pack.xlsx');
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Scorecard', 'Plan Settings', 'KPI Scorecard', 'KPI Register']));
    for (const planSheet of ['Plan', 'Board Summary', 'Exceptions', 'Coming up']) expect(names).not.toContain(planSheet);
    const card = wb.getWorksheet('KPI Scorecard')!;
    // The table starts under the sheet's title.
    const header = (card.getRow(TITLE_ROWS + 1).values as unknown[]).slice(1);
    expect(header).toEqual(['KPI ID', 'Indicator', 'Code', 'Unit', 'Good is', 'Target', 'Latest period', 'Latest', 'Previous', 'Direction', 'RAG', 'Notes']);
    const first = TITLE_ROWS + 2;
    expect(card.getCell(`A${first}`).value).toBe('K1');
    expect(card.getCell(`E${first}`).value).toBe('higher (not confirmed)');
    expect([card.getCell(`J${first}`).value, card.getCell(`K${first}`).value]).toEqual(['Not rated', 'Not rated']);
    expect(card.getCell(`L${first}`).value).toBe('Not rated: confirm whether higher or lower is better.');
  });

  test('structure --out adds the KPI register and no empty Plan sheet', async () => {
    const wb = await writtenBy('structure', 'scorecard-only-structured.xlsx');
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Plan');
    expect(wb.worksheets.map((w) => w.name)).toContain('KPI Register');
  });
});

describe("the officer's polarity wins", () => {
  test('--polarity "K1=lower": lower is better for this run, so a rise beyond tolerance is worsening and Red', async () => {
    const input = await file('polarity-cli.xlsx', sheet('Scorecard', SCORECARD), sheet('Plan Settings', SETTINGS));
    const { code, report } = await json(['validate', input, '--polarity', 'K1=lower']);
    expect(code).toBe(0);
    const k1 = report.kpis.find((k) => k.id === 'K1')!;
    expect([k1.polarity, k1.polarityEvidence, k1.direction, k1.rag]).toEqual(['lower', 'officer', 'worsening', 'Red']);
    expect(report.issues.filter((i) => i.rule === 'kpi-polarity-unsure').map((i) => i.cell)).toEqual(['B4']);
  });

  test('a "Polarity: <KPI>" row in Plan Settings is kept and used on every run; --polarity wins over it', async () => {
    const input = await file('polarity-saved.xlsx', sheet('Scorecard', SCORECARD), sheet('Plan Settings', [...SETTINGS, ['Polarity: K1', 'Lower is better'], ['Polarity: K2', 'higher']]));
    const saved = await json(['validate', input]);
    expect(saved.report.kpis.map((k) => [k.id, k.polarity, k.polarityEvidence])).toEqual([
      ['K1', 'lower', 'officer'],
      ['K2', 'higher', 'officer'],
    ]);
    expect(saved.report.issues.filter((i) => i.rule === 'kpi-polarity-unsure')).toEqual([]);
    const overridden = await json(['validate', input, '--polarity', 'k1 = higher']);
    expect(overridden.report.kpis.find((k) => k.id === 'K1')!.polarity).toBe('higher');
  });

  test('a --polarity that does not read is a usage error (exit 2), not a guess', async () => {
    const input = await file('polarity-bad.xlsx', sheet('Scorecard', SCORECARD));
    const run = await runCli(['validate', input, '--polarity', 'K1=sideways']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--polarity must name a KPI and which way is better');
  });
});

test('a sheet that looks like a scorecard but cannot be read says why (and is not called a missing plan)', async () => {
  const input = await file(
    'unreadable-scorecard.xlsx',
    sheet('Performance', [
      ['Quarterly report'],
      ['', '', 'Q1 2025/26', 'Q2 2025/26'],
      ['a', 'Delayed transfers', 12, 14],
      ['b', 'Reviews completed', '1,204', '1,311'],
    ]),
  );
  const { code, report } = await json(['validate', input]);
  expect(report.issues.map((i) => i.rule)).not.toContain('no-plan-table');
  const unread = report.issues.filter((i) => i.rule === 'kpi-scorecard-unread');
  expect(unread).toHaveLength(1);
  expect(unread[0]).toMatchObject({ severity: 'error', sheet: 'Performance', cell: 'A2' });
  expect(unread[0].message).toContain('“Q1 2025/26”, “Q2 2025/26”');
  expect(unread[0].message).toContain("no column is headed as the indicator's name or id");
  expect(unread[0].fix).toContain('Indicator');
  expect(code).toBe(1);
});

test('a figure that cannot be read is a finding at its cell, never a crash and never a zero', async () => {
  const input = await file(
    'unreadable-values.xlsx',
    sheet('Scorecard', [
      ['Ref', 'Indicator', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
      ['K1', 'Proportion of people in scheme X', 'High', 28, 30, 'see note'],
      ['K2', 'Number of carers assessed', 'High', 400, 'see below', 420],
    ]),
    sheet('Plan Settings', SETTINGS),
  );
  const { code, report } = await json(['validate', input]);
  expect(code).toBe(0);
  const notNumbers = report.issues.filter((i) => i.rule === 'kpi-value-not-a-number');
  expect(notNumbers.map((i) => `${i.sheet}!${i.cell}`).sort()).toEqual(['Scorecard!E3', 'Scorecard!F2']);
  const k1 = report.kpis.find((k) => k.id === 'K1')!;
  // Not read as 0: the latest figure is Q1's 30, and Q2 is reported as missing, so K1 is Grey.
  expect([k1.latest, k1.rag]).toEqual([{ period: 'Q1 2025/26', value: 30 }, 'Grey']);
  const k2 = report.kpis.find((k) => k.id === 'K2')!;
  expect([k2.latest?.value, k2.previous]).toEqual([420, null]);
});

test('suppressed and not-available markers are no figure, with a note at their cell: never a zero, never a crash', async () => {
  const input = await file(
    'suppressed-values.xlsx',
    sheet('Scorecard', [
      ['Ref', 'Indicator', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26'],
      ['K1', 'Number of carers assessed', 'High', 400, 380, '<5'],
      ['K2', 'Number of reviews done', 'High', 50, 'n/a', '*'],
    ]),
    sheet('Plan Settings', SETTINGS),
  );
  const { code, report } = await json(['validate', input]);
  expect(code).toBe(0);
  expect(report.issues.filter((i) => i.rule === 'kpi-value-missing').map((i) => `${i.cell} ${i.severity}`).sort()).toEqual(['E3 info', 'F2 info', 'F3 info']);
  expect(report.issues.filter((i) => i.rule === 'kpi-value-not-a-number')).toEqual([]);
  expect(report.kpis.map((k) => [k.id, k.latest, k.rag])).toEqual([
    ['K1', { period: 'Q1 2025/26', value: 380 }, 'Grey'],
    ['K2', null, 'Grey'],
  ]);
});
