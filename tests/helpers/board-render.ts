/**
 * The board pack as a director reads it: the seed plans run through the shipped command (`plan-assure run`), only the
 * board sheets left visible, printed to PDF by LibreOffice headless, and the PDF's text read back page by page with
 * poppler's pdftotext (words with their boxes, for what sits above what). Shared by the render tests and by
 * scripts/render-board-pack.ts, which makes the pictures in docs/ from the same render.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { BOARD_SHEETS } from '../../src/engine/board-pack';
import { loadSeedPlans, SEED_DIR } from '../../scripts/seed-data';
import { convertWithLibreOffice } from './libreoffice';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'plan-assure.js');

/** The board sheets, in the order the pack writes them: the pages a director is given. */
export const BOARD_SHEET_NAMES: readonly string[] = Object.values(BOARD_SHEETS);

/** A seed plan and the day it is reported on: a quarter or more into the plan, on the last completed quarter. */
export interface RenderCase {
  id: string;
  file: string;
  planStart: string;
  today: string;
  period: string;
}

/** The financial-year quarter before the one a date falls in: "Q3 2022/23" for 15/02/2023. */
export function lastCompletedQuarter(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  const q = Math.floor(((m + 8) % 12) / 3) + 1;
  const fy = m >= 4 ? y : y - 1;
  const [pq, pfy] = q === 1 ? [4, fy - 1] : [q - 1, fy];
  return `Q${pq} ${pfy}/${String((pfy + 1) % 100).padStart(2, '0')}`;
}

/**
 * The day each seed is reported on: within the plan's life, so that some actions are due, some done and some late
 * (the example's KPI figures run to Q2 2025/26). Each reports on the last quarter completed by then.
 */
const AS_AT: Record<string, string> = {
  'dudley-cqc-action-plan-2009': '2010-02-15',
  'example-canonical-plan': '2026-01-31',
  'medway-asc-strategy-delivery-plan': '2026-01-31',
  'medway-cqc-improvement-action-plan': '2026-01-31',
  'north-tyneside-delivery-plan-2025-26': '2026-01-31',
  'sefton-peer-review-action-plan': '2023-05-15',
};

/** Every seed plan (the example among them), each as at its day in AS_AT. */
export function renderCases(): RenderCase[] {
  return loadSeedPlans().map((p) => {
    const today = AS_AT[p.id];
    if (!today) throw new Error(`No reporting day for seed ${p.id}: add it to AS_AT in tests/helpers/board-render.ts`);
    return { id: p.id, file: path.join(SEED_DIR, p.file), planStart: p.planStart, today, period: lastCompletedQuarter(today) };
  });
}

/** Runs the compiled command, as an officer would. Exit 1 (findings) is a normal run. */
export function runPack(c: RenderCase, out: string): void {
  const run = spawnSync(process.execPath, [BIN, 'run', c.file, '--out', out, '--today', c.today, '--plan-start', c.planStart, '--period', c.period], { encoding: 'utf8' });
  if (run.status === null || run.status > 1) throw new Error(`plan-assure run ${c.id} failed (${run.status}): ${run.stderr}`);
}

/** A copy of the workbook with only the board sheets visible (edited in the package, nothing else rewritten). */
export async function boardSheetsOnly(file: string, copy: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  let xml = await zip.file('xl/workbook.xml')!.async('string');
  const shown: string[] = [];
  let index = -1;
  let first = -1;
  xml = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    index++;
    const name = /\bname="([^"]*)"/.exec(tag)![1].replace(/&amp;/g, '&').replace(/&apos;/g, "'");
    const state = /\bstate="(\w+)"/.exec(tag)?.[1] ?? 'visible';
    if (state !== 'visible') return tag;
    if (BOARD_SHEET_NAMES.includes(name)) {
      shown.push(name);
      if (first < 0) first = index;
      return tag;
    }
    return tag.replace(/\s+state="\w+"/, '').replace('<sheet ', '<sheet state="hidden" ');
  });
  // The active tab must be a visible one, or LibreOffice shows (and prints) the hidden active sheet.
  const view = `<workbookView activeTab="${first}" firstSheet="${first}"`;
  if (/<workbookView\b/.test(xml)) xml = xml.replace(/<workbookView\b([^>]*?)\s(?:activeTab|firstSheet)="\d+"/g, '<workbookView$1').replace(/<workbookView\b/, view);
  else xml = xml.replace('<sheets>', `<bookViews>${view}/></bookViews><sheets>`);
  zip.file('xl/workbook.xml', xml);
  fs.writeFileSync(copy, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return shown;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  text: string;
  words: PdfWord[];
}

/** Each page's text (reading order) and words with their boxes, in the order LibreOffice drew them. */
export function pdfPagesText(pdf: string): PdfPage[] {
  const plain = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (plain.status !== 0) throw new Error(`pdftotext failed: ${plain.stderr}`);
  const texts = plain.stdout.split('\f');
  const boxes = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const pages = boxes.split(/<page\b[^>]*>/).slice(1);
  return pages.map((page, i) => ({
    text: texts[i] ?? '',
    words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  }));
}

/** Runs each case, keeps the board sheets, and prints them all in one run of LibreOffice. */
export async function renderBoardPacks(cases: RenderCase[], dir: string): Promise<Map<string, { pack: string; pdf: string; sheets: string[] }>> {
  const rendered = new Map<string, { pack: string; pdf: string; sheets: string[] }>();
  const copies: string[] = [];
  for (const c of cases) {
    const pack = path.join(dir, `${c.id}.pack.xlsx`);
    runPack(c, pack);
    const copy = path.join(dir, `${c.id}.xlsx`);
    const sheets = await boardSheetsOnly(pack, copy);
    copies.push(copy);
    rendered.set(c.id, { pack, pdf: '', sheets });
  }
  const pdfs = convertWithLibreOffice(copies, 'pdf', dir);
  cases.forEach((c, i) => (rendered.get(c.id)!.pdf = pdfs[i]));
  return rendered;
}
