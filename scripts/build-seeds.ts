/**
 * Builds seeds/*.xlsx from the transcriptions in seeds/data/*.yaml: `npm run seeds`.
 *
 * Each workbook is laid out as the council kept its plan (title rows, heading rows, repeated headers, merged
 * grouping cells), not in PlanAssure's canonical layout: these files are what the engine has to cope with.
 * Usage: tsx scripts/build-seeds.ts [--out DIR] [name ...]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cellObject, loadSeedPlans, rowKind, SEED_DIR, SeedPlan, SeedSheet } from './seed-data';

const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SeedSheet): void {
  const ws = workbook.addWorksheet(sheet.name, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const lastCol = sheet.widths.length;
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  sheet.rows.forEach((row, index) => {
    const r = index + 1;
    const kind = rowKind(row);
    if (kind === 'blank') return;
    if (kind === 'title' || kind === 'note' || (kind === 'section' && typeof (row as { section: unknown }).section === 'string')) {
      const textValue = String((row as Record<string, unknown>)[kind]);
      const cell = ws.getCell(r, 1);
      cell.value = textValue;
      if (lastCol > 1) ws.mergeCells(r, 1, r, lastCol);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (kind === 'title') cell.font = { bold: true, size: index === 0 ? 14 : 12 };
      if (kind === 'note') cell.font = { italic: true };
      if (kind === 'section') {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
      }
      return;
    }
    const cells = (row as Record<string, unknown>)[kind] as unknown[];
    if (cells.length !== lastCol) {
      throw new Error(`${sheet.name} row ${r}: ${cells.length} cells but ${lastCol} columns`);
    }
    cells.forEach((raw, c) => {
      const spec = cellObject(raw as never);
      const cell = ws.getCell(r, c + 1);
      if (spec.date !== undefined) {
        cell.value = isoToDate(String(spec.date));
        cell.numFmt = 'dd/mm/yyyy';
      } else if (spec.v !== null && spec.v !== undefined) {
        cell.value = spec.v;
      }
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: kind === 'header' ? 'center' : undefined };
      cell.border = BORDER;
      if (kind === 'header') {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
      } else if (kind === 'section' || spec.bold) {
        cell.font = { bold: true };
      }
      if (spec.down || spec.across) ws.mergeCells(r, c + 1, r + (spec.down ?? 0), c + 1 + (spec.across ?? 0));
    });
  });
}

export async function buildSeedWorkbook(plan: SeedPlan, outDir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = plan.council;
  workbook.title = plan.title;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
  const target = path.join(outDir, plan.file);
  await workbook.xlsx.writeFile(target);
  return target;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : SEED_DIR;
  const names = args.filter((a, i) => a !== '--out' && i !== outIndex + 1);
  fs.mkdirSync(outDir, { recursive: true });
  for (const plan of loadSeedPlans()) {
    if (names.length && !names.includes(plan.id)) continue;
    const file = await buildSeedWorkbook(plan, outDir);
    console.log(`${path.relative(process.cwd(), file)}: ${plan.sheets.length} sheet(s), ${plan.actions.length} actions`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`seeds: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
