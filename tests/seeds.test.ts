/**
 * The seed workbooks are faithful to their transcriptions: every action of each seed document is in its
 * workbook, laid out as the council kept it, and the committed files are what `npm run seeds` builds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { buildSeedWorkbook } from '../scripts/build-seeds';
import { cellText, loadSeedPlans, rowKind, SEED_DIR, SeedPlan } from '../scripts/seed-data';
import { cellText as modelCellText } from '../src/engine/workbook';
import { toCellValue } from './helpers/exceljs-model';

const plans = loadSeedPlans();
const SEED_FILES = [
  'medway-cqc-improvement-action-plan.xlsx',
  'medway-asc-strategy-delivery-plan.xlsx',
  'sefton-peer-review-action-plan.xlsx',
  'north-tyneside-delivery-plan-2025-26.xlsx',
  'dudley-cqc-action-plan-2009.xlsx',
  'example-canonical-plan.xlsx',
];

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function sheetTexts(file: string): Promise<Map<string, Map<string, string>>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = new Map<string, Map<string, string>>();
  workbook.eachSheet((ws) => {
    const cells = new Map<string, string>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = toCellValue(cell.value);
        if (v) cells.set(`${r}:${c}`, v.value.type === 'date' ? v.value.value : modelCellText(v.value));
      }),
    );
    sheets.set(ws.name, cells);
  });
  return sheets;
}

test('every seed named in the issue has a transcription and a workbook', () => {
  expect(plans.map((p) => p.file).sort()).toEqual([...SEED_FILES].sort());
  for (const file of SEED_FILES) expect(fs.existsSync(path.join(SEED_DIR, file))).toBe(true);
});

describe.each(plans.map((p) => [p.id, p] as [string, SeedPlan]))('%s', (_id, plan) => {
  let committed: Map<string, Map<string, string>>;
  beforeAll(async () => {
    committed = await sheetTexts(path.join(SEED_DIR, plan.file));
  });

  test('the workbook holds every transcribed action, each in its own cell', () => {
    const allText = [...committed.values()].flatMap((s) => [...s.values()]).map(normalise);
    for (const action of plan.actions) {
      // An action split over a page break is in several cells: each part must be there.
      for (const part of action.action.split('\n')) {
        expect(allText.some((t) => t.includes(normalise(part)))).toBe(true);
      }
    }
    expect(plan.actions.length).toBeGreaterThan(0);
  });

  test('every cell of the transcription is in the workbook, where the transcription puts it', () => {
    for (const sheet of plan.sheets) {
      const cells = committed.get(sheet.name);
      expect(cells).toBeDefined();
      sheet.rows.forEach((row, i) => {
        const kind = rowKind(row);
        if (kind === 'blank') return;
        const values = row as Record<string, unknown>;
        const list = Array.isArray(values[kind]) ? (values[kind] as unknown[]) : [values[kind]];
        list.forEach((cell, c) => {
          const expected = cellText(cell as never);
          if (expected) expect([`${sheet.name}!${i + 1}:${c + 1}`, cells!.get(`${i + 1}:${c + 1}`)]).toEqual([`${sheet.name}!${i + 1}:${c + 1}`, expected]);
        });
      });
    }
  });

  test('the committed workbook is what `npm run seeds` builds from the transcription', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
    const fresh = await sheetTexts(await buildSeedWorkbook(plan, dir));
    expect(fresh).toEqual(committed);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
