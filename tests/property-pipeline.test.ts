/**
 * Property-based tests: random workbooks through the whole pipeline (structureWorkbook → validatePlan →
 * boardPackWorkbookPlan, and the JSON report), and for a few of them through the xlsx reader and writer too.
 *
 *  - no crash: no exception, whatever the cells hold (text, numbers, dates, booleans, errors, merged areas,
 *    32,767-character strings, emoji, Arabic and Hebrew, formula-like text, stray cells out at XFD1048576);
 *  - no lost action text: every action cell under a recognised header comes out in some action's `action`;
 *  - the same output every run, and the input model left as it was.
 *
 * numRuns is kept modest so that the file runs in well under 30 seconds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { buildReport } from '../src/cli/report';
import { boardPackWorkbookPlan } from '../src/engine/board-pack';
import { structureWorkbookPlan, ownedSheets } from '../src/engine/sheet-plan/structure-plan';
import { structureWorkbook } from '../src/engine/structure';
import { validatePlan } from '../src/engine/validate';
import { cellText, WorkbookModel } from '../src/engine/workbook';
import { isNoteText } from '../src/engine/structure/headings';
import { GeneratedWorkbook, workbookArb } from './helpers/random-workbook';
import { runCli } from './helpers/run-cli';
import { formulaCells, sourceSheetDiff, writeModel } from './helpers/xlsx-files';

const TODAY = '2026-01-15';
const SEED = Number(process.env.PROPERTY_SEED ?? 20260115);

function pipeline(model: WorkbookModel) {
  const owned = ownedSheets(model);
  const result = structureWorkbook(model, { today: TODAY, ownedSheets: owned });
  const findings = [...result.findings, ...validatePlan(result, { today: TODAY })];
  const pack = boardPackWorkbookPlan(result, model, { today: TODAY, findings });
  const structured = structureWorkbookPlan(result, model);
  const report = buildReport(result, findings, { date: TODAY, basis: 'given', reportingPeriod: null, planStart: result.settings.planStart });
  return { result, findings, pack, structured, report };
}

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A date that exists, in the years Excel can show (1900 to 9999). */
function realDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso && Number(m[1]) >= 1900;
}

describe('random workbooks through the engine', () => {
  it('never throws, gives the same output on a second run, and leaves the input model unchanged', () => {
    fc.assert(
      fc.property(workbookArb(), ({ model }: GeneratedWorkbook) => {
        const before = structuredClone(model);
        const first = pipeline(model);
        const second = pipeline(model);
        expect(second).toEqual(first);
        expect(model).toEqual(before);
        // The report the CLI prints holds to its schema (buildReport parses it) and survives JSON.
        expect(JSON.parse(JSON.stringify(first.report))).toEqual(first.report);
        // Every date the tool works out is a real one, whatever the Plan Settings sheet says.
        expect(realDate(first.result.settings.planStart!)).toBe(true);
        const dates = [
          ...first.report.actions.map((a) => a.dueDate),
          ...first.pack.plan.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((v) => (v && v.kind === 'date' ? v.iso : null)))),
        ].filter((d): d is string => d !== null);
        expect(dates.filter((d) => !realDate(d))).toEqual([]);
      }),
      { numRuns: 50, seed: SEED },
    );
  });

  it('loses no action text: every action cell under a recognised header is in some action', () => {
    fc.assert(
      fc.property(workbookArb({ cleanTables: true }), ({ model, tables }: GeneratedWorkbook) => {
        const { result } = pipeline(model);
        const lost: string[] = [];
        for (const table of tables) {
          const layout = result.sheets.find((s) => s.sheet === table.sheet)!;
          expect(layout.role).toBe('plan');
          const actions = result.actions.filter((a) => a.source.sheet === table.sheet).map((a) => words(a.action));
          const sheet = model.sheets.find((s) => s.name === table.sheet)!;
          for (const cell of table.actionCells) {
            const text = words(cellText(cell.value));
            if (!text) continue;
            if (actions.some((a) => a.includes(text))) continue;
            // A row holding only a key or footnote ("* provisional", "Note: …") is read as a note, by design.
            const alone = sheet.cells.filter((c) => c.row === cell.row).length === 1;
            if (alone && isNoteText(cellText(cell.value)) && layout.notes.some((n) => words(n.text).includes(text))) continue;
            lost.push(`${table.sheet}!R${cell.row}C${cell.col}: ${JSON.stringify(text.slice(0, 60))}`);
          }
        }
        expect(lost).toEqual([]);
      }),
      { numRuns: 70, seed: SEED },
    );
  });

  it('puts every recognised table on a plan sheet, at its own header row', () => {
    fc.assert(
      fc.property(workbookArb({ cleanTables: true }), ({ model, tables }: GeneratedWorkbook) => {
        const { result } = pipeline(model);
        for (const table of tables) {
          const layout = result.sheets.find((s) => s.sheet === table.sheet)!;
          expect(layout.role).toBe('plan');
          const first = tables.find((t) => t.sheet === table.sheet)!;
          expect(layout.headerRows[0]).toBe(first.headerRow);
        }
      }),
      { numRuns: 40, seed: SEED },
    );
  });
});

describe('random workbooks through the xlsx reader and writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-property-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('run --out: no crash, source sheets unchanged, no formula from officer text, same actions when run again on the output', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb({ excelNames: true, maxSheets: 2 }), async ({ model }: GeneratedWorkbook) => {
        const base = path.join(dir, `case-${++n}`);
        const input = `${base}.xlsx`;
        const out = `${base}.out.xlsx`;
        const again = `${base}.again.xlsx`;
        await writeModel(model, input);
        const first = await runCli(['run', input, '--out', out, '--json', '--today', TODAY]);
        expect(first.stderr).toBe('');
        expect([0, 1]).toContain(first.code);
        const inBook = new ExcelJS.Workbook();
        await inBook.xlsx.readFile(input);
        const outBook = new ExcelJS.Workbook();
        await outBook.xlsx.readFile(out);
        for (const ws of inBook.worksheets) expect(sourceSheetDiff(ws, outBook.getWorksheet(ws.name))).toEqual([]);
        const toolSheets = outBook.worksheets.filter((ws) => !inBook.getWorksheet(ws.name));
        for (const ws of toolSheets) {
          for (const f of formulaCells(ws)) expect(f.formula).toMatch(/^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IF\([A-Z]+\d+=0,0,ROUND\(B\d+\/[A-Z]+\d+\*100,1\)\))$/);
          ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && expect(cell.value.length).toBeLessThanOrEqual(32_767)));
        }
        const second = await runCli(['run', out, '--out', again, '--json', '--today', TODAY]);
        expect(second.stderr).toBe('');
        expect(second.code).toBe(first.code);
        expect(JSON.parse(second.stdout).actions).toEqual(JSON.parse(first.stdout).actions);
      }),
      { numRuns: 8, seed: SEED },
    );
  });
});
