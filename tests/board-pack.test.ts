/**
 * `plan-assure run` builds the board pack: the summary's counts equal the canonical rows', every output opens
 * in LibreOffice, the sheets print A4 landscape one page wide with repeated headers, RAG colours are live
 * rules that stay single and leave the officer's own rules alone, and changes since the last board are listed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { loadSeedPlans, SEED_DIR, SeedPlan } from '../scripts/seed-data';
import { RAGS } from '../src/engine/schema';
import { TITLE_ROWS } from '../src/engine/board-pack/layout';
import { isToolRagRule } from '../src/engine/rag/rag-formats';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { onlySheet } from './helpers/print-sheet';
import { runCli } from './helpers/run-cli';
import { requireTool } from './helpers/tools';

const hasLibreOffice = requireTool('soffice');
const plans = loadSeedPlans();
const TODAY = '2026-11-23';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'board-pack-'));
const outputs = new Map<string, { file: string; report: { actions: { theme: string | null; rag: string | null }[] } }>();

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  for (const plan of plans) {
    const file = path.join(dir, `${plan.id}.pack.xlsx`);
    const run = await runCli(['run', path.join(SEED_DIR, plan.file), '--out', file, '--json', '--today', TODAY, '--plan-start', plan.planStart]);
    expect(run.stderr).toBe('');
    outputs.set(plan.id, { file, report: JSON.parse(run.stdout) });
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(plans.map((p) => [p.id, p] as [string, SeedPlan]))('%s', (id) => {
  test('the Board Summary counts equal the counts from the canonical rows', async () => {
    const { file, report } = outputs.get(id)!;
    const ws = (await workbook(file)).getWorksheet('Board Summary')!;
    expect(ws).toBeDefined();
    // Find the count table: the row whose first cell is "Theme".
    let top = 0;
    ws.eachRow((row, r) => {
      if (!top && row.getCell(1).value === 'Theme') top = r;
    });
    expect(top).toBeGreaterThan(0);
    expect(RAGS.map((_, i) => ws.getCell(top, i + 2).value)).toEqual([...RAGS]);
    const themes = [...new Set(report.actions.map((a) => a.theme ?? '(no theme)'))];
    let r = top + 1;
    let seen = 0;
    while (ws.getCell(r, 1).value !== 'Total') {
      const theme = String(ws.getCell(r, 1).value);
      const rows = report.actions.filter((a) => (a.theme ?? '(no theme)') === theme);
      expect(rows.length).toBeGreaterThan(0);
      RAGS.forEach((rag, i) => expect([theme, rag, ws.getCell(r, i + 2).value]).toEqual([theme, rag, rows.filter((a) => a.rag === rag).length]));
      expect(ws.getCell(r, RAGS.length + 2).value).toBe(rows.length);
      seen++;
      r++;
    }
    expect(seen).toBe(themes.length);
    // Every action has a RAG in the report: entered, or derived.
    for (const a of report.actions) expect(RAGS).toContain(a.rag);
  });

  test('the Exceptions sheet lists exactly the Red and overdue actions, under theme headings in plan order', async () => {
    const { file } = outputs.get(id)!;
    const wb = await workbook(file);
    const plan = wb.getWorksheet('PlanAssure Plan') ?? wb.getWorksheet('Plan')!;
    const header = (plan.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    // The Plan sheet lists actions in plan order: the Exceptions sheet keeps that order, theme by theme.
    const listed: { theme: string; ref: string }[] = [];
    plan.eachRow((row, n) => {
      if (n === 1) return;
      const due = row.getCell(col('Due date')).value as Date | null;
      const overdue = due instanceof Date && due.toISOString().slice(0, 10) < TODAY && row.getCell(col('Status')).value !== 'Complete';
      // An action nobody reported on (No update) is counted on the Board Summary, not listed; Blue is never overdue.
      const rag = row.getCell(col('RAG')).value;
      if (rag === 'Red' || (overdue && rag !== 'No update' && rag !== 'Blue')) {
        listed.push({ theme: String(row.getCell(col('Theme')).value ?? '(no theme)'), ref: String(row.getCell(col('Ref')).value ?? '') });
      }
    });
    const themes = [...new Set(listed.map((l) => l.theme))];
    const expected = themes.flatMap((t) => [t, ...listed.filter((l) => l.theme === t).map((l) => l.ref)]);
    // No exceptions, no sheet: the Board Summary says so in a line.
    const ex = wb.getWorksheet('Exceptions');
    if (!listed.length) return expect(ex).toBeUndefined();
    // The title (section, plan and period, a blank row) sits above the header row; theme headings in plan order.
    const first = TITLE_ROWS + 2;
    const shown: string[] = [];
    for (let r = first; r < first + expected.length; r++) shown.push(String(ex!.getCell(r, 1).value ?? ''));
    expect(shown).toEqual(expected);
  });
});

test('RAG and status colours are expression rules, one set per run, and the officer\'s own rules survive re-runs', async () => {
  const plan = plans.find((p) => p.id === 'example-canonical-plan')!;
  const first = outputs.get(plan.id)!.file;
  // The officer adds a rule of their own to the tool's Plan sheet.
  const wb = await workbook(first);
  wb.getWorksheet('PlanAssure Plan')!.addConditionalFormatting({
    ref: 'A2:A30',
    rules: [{ type: 'expression', priority: 99, formulae: ['LEN($A2)>5'], style: { font: { italic: true } } }],
  });
  const edited = path.join(dir, 'edited.xlsx');
  await wb.xlsx.writeFile(edited);
  let input = edited;
  for (let i = 0; i < 3; i++) {
    const out = path.join(dir, `rerun-${i}.xlsx`);
    const run = await runCli(['run', input, '--out', out, '--today', TODAY]);
    expect(run.code).toBeLessThan(2);
    input = out;
  }
  const ws = (await workbook(input)).getWorksheet('PlanAssure Plan')!;
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
  const toolRules = cfs.flatMap((cf) => cf.rules).filter((r) => r.type === 'expression' && isToolRagRule(String(r.formulae?.[0])));
  // One rule per status (6), per RAG state (6, with No update) and per linked-KPI RAG (6): exactly one set after four runs.
  expect(toolRules).toHaveLength(18);
  expect(cfs.flatMap((cf) => cf.rules).filter((r) => r.formulae?.[0] === 'LEN($A2)>5')).toHaveLength(1);
  expect(cfs.flatMap((cf) => cf.rules).every((r) => r.type !== 'containsText')).toBe(true);
});

test('the second board pack lists the actions whose RAG or status changed since the first', async () => {
  const dudley = plans.find((p) => p.id === 'dudley-cqc-action-plan-2009')!;
  const first = path.join(dir, 'dudley-first.xlsx');
  await runCli(['run', path.join(SEED_DIR, dudley.file), '--out', first, '--today', '2009-11-15', '--plan-start', dudley.planStart]);
  // A month later several actions have become overdue.
  const second = path.join(dir, 'dudley-second.xlsx');
  await runCli(['run', first, '--out', second, '--today', '2010-01-15', '--plan-start', dudley.planStart]);
  const ws = (await workbook(second)).getWorksheet('Board Summary')!;
  const texts: string[] = [];
  ws.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
  const at = texts.indexOf('Changes since the last board');
  expect(at).toBeGreaterThan(0);
  const changes = texts.slice(at + 1).filter((t) => t.includes('→'));
  expect(changes.length).toBeGreaterThan(0);
  // 1.9 was due at the end of December 2009: Grey in November, Red (overdue) in January.
  expect(changes.some((t) => /^1\.9 .*RAG Grey → Red/.test(t))).toBe(true);
});

(hasLibreOffice ? test : test.skip)('every board pack opens in LibreOffice and the summaries print A4 landscape, one page wide, headers repeated', async () => {
  const pdfDir = path.join(dir, 'pdf');
  fs.mkdirSync(pdfDir);
  // One PDF per summary sheet: hide every other sheet in a copy, as printing that sheet alone would.
  const copies: string[] = [];
  for (const [id, { file }] of outputs) {
    const present = (await workbook(file)).worksheets.map((ws) => ws.name);
    for (const sheet of ['Board Summary', 'Exceptions', 'Coming up', 'KPI Scorecard'].filter((s) => present.includes(s))) {
      const copy = path.join(pdfDir, `${id}--${sheet.replace(/ /g, '-')}.xlsx`);
      await onlySheet(file, sheet, copy);
      copies.push(copy);
    }
  }
  const pdfs = convertWithLibreOffice(copies, 'pdf', pdfDir);
  for (const pdf of pdfs) {
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    if (pdf.includes('Board-Summary')) expect([path.basename(pdf), pages]).toEqual([path.basename(pdf), 1]);
    // One page wide: every page carries the last column's header (repeated header rows, nothing cut off).
    const lastHeader = pdf.includes('Exceptions') ? 'Update from' : pdf.includes('Coming-up') ? 'RAG' : pdf.includes('KPI-Scorecard') ? 'Notes' : '% complete';
    for (let p = 1; p <= pages; p++) {
      const pageText = spawnSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).stdout;
      expect([path.basename(pdf), p, pageText.includes(lastHeader)]).toEqual([path.basename(pdf), p, true]);
      expect(pageText).toContain('OFFICIAL');
      expect(pageText).toMatch(/Page \d+ of \d+/);
    }
  }
}, 300_000);

test('every board-pack sheet plan is a dense block of rows (the adapters write rows as one 2-D block)', async () => {
  const { loadWorkbook, workbookModel } = await import('../src/xlsx/read-workbook');
  const { structureWorkbook } = await import('../src/engine/structure');
  const { boardPackWorkbookPlan } = await import('../src/engine/board-pack');
  const model = workbookModel(await loadWorkbook(path.join(SEED_DIR, 'example-canonical-plan.xlsx')));
  const result = structureWorkbook(model, { today: '2025-11-15' });
  const { plan } = boardPackWorkbookPlan(result, model, { today: '2025-11-15', findings: [] });
  for (const sheet of plan.sheets) {
    // Array.from visits holes (map would skip them).
    const holes = Array.from(sheet.rows, (row, i) => (row === undefined ? i + 1 : 0)).filter(Boolean);
    expect([sheet.name, holes]).toEqual([sheet.name, []]);
  }
});
