/**
 * The board pack on paper. Each seed plan (the example among them) goes through the shipped command
 * (`plan-assure run`); its board sheets are printed to PDF by LibreOffice headless, once for the whole file (in
 * beforeAll: LibreOffice is slow), and the PDF's text is read back with pdftotext. On every page: the section's
 * title, the plan, the period and the marking; no table header over the rows below it; no "###"; page counts a
 * director would accept. The written file is checked beside it: no text cut off by the next cell.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { TITLE_ROWS } from '../src/engine/board-pack/layout';
import { PdfPage, pdfPagesText, renderBoardPacks, renderCases } from './helpers/board-render';
import { requireTool } from './helpers/tools';

const canRender = requireTool('soffice') && requireTool('pdftotext');
const cases = renderCases();
const SEFTON = 'sefton-peer-review-action-plan';
let dir: string;
const rendered = new Map<string, { pack: string; pages: PdfPage[]; sheets: string[]; book: ExcelJS.Workbook }>();

beforeAll(async () => {
  if (!canRender) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'board-render-'));
  for (const [id, r] of await renderBoardPacks(cases, dir)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(r.pack);
    rendered.set(id, { pack: r.pack, pages: pdfPagesText(r.pdf), sheets: r.sheets, book });
  }
}, 280_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The section each page belongs to: its first line, the title every board page starts with (the plan's, on the cover). */
function sections(pages: PdfPage[], book: ExcelJS.Workbook): string[] {
  const coverTitle = String(book.getWorksheet('Cover')?.getCell('A1').value ?? '');
  return pages.map((p) => {
    const first = p.text.trim().split('\n')[0].trim();
    return coverTitle && first && coverTitle.startsWith(first) ? 'Cover' : first;
  });
}

/** Pages per section, in the order printed. */
function pageCounts(pages: PdfPage[], book: ExcelJS.Workbook): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sections(pages, book)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

const each = canRender ? describe.each(cases.map((c) => [c.id, c] as const)) : describe.skip.each(cases.map((c) => [c.id, c] as const));

each('%s', (id, c) => {
  test('every page carries its title: the section, then the plan with the period and the marking', () => {
    const { pages, sheets, book } = rendered.get(id)!;
    expect(pages.length).toBeGreaterThan(0);
    // Every board sheet prints, in order, each under its own title, the cover first.
    expect(sheets[0]).toBe('Cover');
    expect([...new Set(sections(pages, book))]).toEqual(sheets);
    const sectionOf = sections(pages, book);
    pages.forEach((page, i) => {
      const lines = page.text.replace(/\s+/g, ' ');
      // The cover sets its facts out as label and value: the period is there, beside its label rather than after it.
      const period = sectionOf[i] === 'Cover' ? c.period : `Reporting period ${c.period}`;
      expect([i + 1, lines]).toEqual([i + 1, expect.stringContaining(period)]);
      expect([i + 1, lines]).toEqual([i + 1, expect.stringContaining('OFFICIAL')]);
      expect([i + 1, lines]).toEqual([i + 1, expect.stringMatching(/Page \d+ of \d+/)]);
    });
  });

  test('no text runs over other text: no header over its first row, no wrapped cell over the next row', () => {
    const { pages, book } = rendered.get(id)!;
    const sectionOf = sections(pages, book);
    const overlaps: string[] = [];
    pages.forEach((page, i) => {
      const w = page.words;
      for (let a = 0; a < w.length; a++) {
        for (let b = a + 1; b < w.length; b++) {
          // Words on one line touch at most, and the boxes of a large font's lines (ascent to descent) a little; words
          // drawn over each other share more than a sliver across and a third of their height.
          const x = Math.min(w[a].xMax, w[b].xMax) - Math.max(w[a].xMin, w[b].xMin);
          const y = Math.min(w[a].yMax, w[b].yMax) - Math.max(w[a].yMin, w[b].yMin);
          const height = Math.min(w[a].yMax - w[a].yMin, w[b].yMax - w[b].yMin);
          if (x > 1 && y > height / 3) overlaps.push(`${sectionOf[i]} page ${i + 1}: "${w[a].text}" over "${w[b].text}"`);
        }
      }
    });
    expect(overlaps).toEqual([]);
  });

  test('page counts are sane: the summary on one page, no section longer than its rows need', () => {
    const { pages, book } = rendered.get(id)!;
    const counts = pageCounts(pages, book);
    expect(counts.get('Cover')).toBe(1);
    // The summary on one page, and the RAG-by-theme chart (where there are themes) on a page of its own after it.
    expect(counts.get('Board Summary')).toBeLessThanOrEqual(2);
    for (const [section, n] of counts) {
      const ws = book.getWorksheet(section)!;
      // At least six rows of a table to a page: a page holding fewer is a layout gone wrong (a row 10 lines tall).
      const rows = Math.max(1, ws.rowCount - TITLE_ROWS - 1);
      expect([section, n]).toEqual([section, Math.min(n, Math.max(1, Math.ceil(rows / 6)))]);
    }
    expect(pages.every((p) => !p.text.includes('###'))).toBe(true);
  });

  test('no text is cut off: text that does not wrap fits its column, or has room beside it', () => {
    const { book, sheets } = rendered.get(id)!;
    const clipped: string[] = [];
    for (const name of sheets) {
      const ws = book.getWorksheet(name)!;
      ws.eachRow((row) => {
        row.eachCell((cell, col) => {
          if (typeof cell.value !== 'string' || cell.alignment?.wrapText || cell.isMerged) return;
          const next = row.getCell(col + 1).value;
          const width = ws.getColumn(col).width ?? 8.43;
          if (next !== null && next !== undefined && next !== '' && cell.value.length > width) clipped.push(`${name}!${cell.address} "${cell.value}" in width ${width}`);
        });
      });
    }
    expect(clipped).toEqual([]);
  });
});

// Sefton's 28 exceptions: a long theme name repeated on every row made them 5 pages; under theme heading rows, 2.
(canRender ? test : test.skip)("Sefton's Exceptions print on 2 pages at most", () => {
  const { pages, book } = rendered.get(SEFTON)!;
  expect(pageCounts(pages, book).get('Exceptions')).toBeLessThanOrEqual(2);
});

// The same long theme names made Sefton's Coming up a page for every three items; cut to three lines, as on
// Exceptions, each item prints in about three lines, and every one of them is still on the page.
(canRender ? test : test.skip)("Sefton's Coming up prints at six rows a page or more, every item on it", () => {
  const { pages, book } = rendered.get(SEFTON)!;
  const ws = book.getWorksheet('Coming up')!;
  const refs: string[] = [];
  ws.eachRow((row, r) => {
    if (r > TITLE_ROWS + 1 && row.getCell(1).value instanceof Date) refs.push(String(row.getCell(3).value));
  });
  expect(refs.length).toBeGreaterThan(0);
  expect(pageCounts(pages, book).get('Coming up')).toBeLessThanOrEqual(Math.ceil(refs.length / 6));
  const sectionOf = sections(pages, book);
  const printed = pages.filter((_, i) => sectionOf[i] === 'Coming up').flatMap((p) => p.words.map((w) => w.text));
  expect(refs.filter((ref) => !printed.includes(ref))).toEqual([]);
});
