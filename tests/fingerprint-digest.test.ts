/**
 * A sheet's fingerprint is recorded in the workbook and compared on every later run, so the bytes it hashes must
 * never change with how they are hashed. Version 2 (written now): SHA-256 of each row line, summed over the lines in
 * four 32-bit lanes. Version 1 (in workbooks written before, still checked): SHA-256 of the
 * sorted lines joined by U+0003, as UTF-8. Both are checked here against their definitions written the plainest way,
 * on random text (two-byte and astral characters included) and on rows long enough to cross the hashing buffer's
 * edges; and a fingerprint of either version must tell any change of a value, and no reordering of rows.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { emptySheet, PlanValue, rowsOf, SheetPlan } from '../src/engine/sheet-plan/types';
import { modelFingerprint, planFingerprint, unchangedSince } from '../src/xlsx/package/fingerprint';
import { CellModel, columnLetters, SheetModel } from '../src/engine/workbook';
import { applyWorkbookPlan, writeWorkbookAtomically } from '../src/xlsx/apply-plan';
import { sheetXml } from '../src/xlsx/package/sheet-xml';
import { loadWorkbook, readWorkbook } from '../src/xlsx/read-workbook';
import { makeDeflatedZip, minimalWorkbookParts } from './helpers/zip-files';
import { StyleSheet } from '../src/xlsx/package/style-sheet';

/** Each row's non-empty cells as "<column>\u0001s:<text>", joined by U+0002; empty rows left out. */
function definedLines(rows: string[][]): string[] {
  return rows
    .map((row) =>
      row
        .map((t, j) => (t === '' ? null : `${j + 1}\u0001s:${t}`))
        .filter((cell) => cell !== null)
        .join('\u0002'),
    )
    .filter((line) => line !== '');
}

/** Version 1 as defined. */
function definedFingerprint(rows: string[][]): string {
  const lines = definedLines(rows);
  lines.sort();
  return createHash('sha256').update(lines.join('\u0003'), 'utf8').digest('hex').slice(0, 32);
}

/** Version 2 as defined: the first 16 bytes of each line's SHA-256, as four 32-bit numbers, each summed mod 2^32. */
function definedFingerprintV2(rows: string[][]): string {
  const lanes = [0, 0, 0, 0];
  for (const line of definedLines(rows)) {
    const digest = createHash('sha256').update(line, 'utf8').digest();
    for (let i = 0; i < 4; i++) lanes[i] = (lanes[i] + digest.readUInt32BE(i * 4)) >>> 0;
  }
  return `v2:${lanes.map((n) => n.toString(16).padStart(8, '0')).join('')}`;
}

/** The sheet as it reads back once written: a text cell for every non-empty text. */
function modelOf(rows: string[][]): SheetModel {
  const cells: CellModel[] = [];
  rows.forEach((row, r) => row.forEach((t, c) => t !== '' && cells.push({ row: r + 1, col: c + 1, value: { type: 'text', value: t } })));
  return { name: 'Plan', cells, merges: [] };
}

function planOf(rows: string[][]): SheetPlan {
  const sheet = emptySheet('Plan');
  sheet.rows = rows.map((row) => row.map((t): PlanValue => (t === '' ? null : { kind: 'text', text: t })));
  return sheet;
}

// Carriage returns are folded by the fingerprint (Excel stores line ends as \n): left out of the random text here.
const cellText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '• bullet', 'Dudley – £5')).map((t) => t.replace(/\r/g, ''));

test('version 2 is the sum of the hashed lines, whatever the text', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
      expect(planFingerprint(planOf(rows))).toBe(definedFingerprintV2(rows));
      expect(modelFingerprint(modelOf(rows))).toBe(definedFingerprintV2(rows));
    }),
    { numRuns: 300 },
  );
});

test('version 1, as recorded by earlier versions, is the hash of the sorted lines joined, whatever the text', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
      expect(modelFingerprint(modelOf(rows), [], 1)).toBe(definedFingerprint(rows));
      // A workbook written before version 2 is still seen as unchanged.
      expect(unchangedSince(modelOf(rows), definedFingerprint(rows))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('either version tells a changed value, and not rows put in another order', () => {
  const rowsArb = fc.array(fc.array(cellText.filter((t) => t !== ''), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 });
  fc.assert(
    fc.property(rowsArb, fc.nat(), fc.nat(), cellText, (rows, pickRow, pickCell, other) => {
      const r = pickRow % rows.length;
      const c = pickCell % rows[r].length;
      fc.pre(other !== rows[r][c]);
      const edited = rows.map((row, i) => (i === r ? row.map((t, j) => (j === c ? other : t)) : row));
      const reversed = [...rows].reverse();
      for (const recorded of [planFingerprint(planOf(rows)), definedFingerprint(rows)]) {
        expect(unchangedSince(modelOf(reversed), recorded)).toBe(true);
        expect(unchangedSince(modelOf(edited), recorded)).toBe(false);
      }
    }),
    { numRuns: 300 },
  );
});

test('rows longer than the hashing buffer, and enough rows to fill it many times over, hash the same bytes', () => {
  // Twelve cells near Excel's 32,767-character limit make a line of about 390,000 characters (over a megabyte as
  // UTF-8 with its bullets), which is hashed on its own; the rest cross the buffer's edge between lines.
  const long = Array.from({ length: 12 }, (_, i) => `${i}${'•'.repeat(100)}${'y'.repeat(32_000)}`);
  const many = Array.from({ length: 20_000 }, (_, i) => [`${i}`, `Action ${i} • review – ${'x'.repeat(i % 97)}`]);
  const rows = [...many.slice(0, 7_000), long, ...many.slice(7_000), long.map((t) => t.slice(1))];
  expect(planFingerprint(planOf(rows))).toBe(definedFingerprintV2(rows));
  expect(modelFingerprint(modelOf(rows), [], 1)).toBe(definedFingerprint(rows));
});

test('the fingerprint taken as a sheet is written is the one its plan defines, merged areas and officer columns included', () => {
  const value: fc.Arbitrary<PlanValue> = fc.oneof(
    fc.constant(null),
    fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'a\r\nb', 'line\rend', '• bullet')).map((t): PlanValue => ({ kind: 'text', text: t })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n): PlanValue => ({ kind: 'number', value: n })),
    fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d): PlanValue => ({ kind: 'date', iso: d.toISOString().slice(0, 10) })),
    fc.constant<PlanValue>({ kind: 'formula', formula: 'SUM(A1:A2)', cached: 3 }),
  );
  const area = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }));
  fc.assert(
    fc.property(fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 8 }), fc.array(area, { maxLength: 3 }), fc.subarray([1, 2, 3, 4, 5]), fc.boolean(), (rows, areas, officer, date1904) => {
      const plan = emptySheet('Plan');
      plan.rows = rows;
      plan.merges = areas.map(([top, left, down, across]) => `${columnLetters(left)}${top}:${columnLetters(left + across)}${top + down}`);
      if (officer.length) plan.officerColumns = officer;
      const written = sheetXml(plan, { styles: new StyleSheet(null), date1904, rels: {} });
      expect(written.fingerprint).toBe(planFingerprint(plan));
      // Written row by row (a streamed sheet: its plan holds no rows, the row source stands for them), the same.
      const rowByRow = sheetXml({ ...plan, rows: [] }, { styles: new StyleSheet(null), date1904, rels: {} }, { rows: rowsOf(plan) });
      expect(rowByRow.fingerprint).toBe(written.fingerprint);
    }),
    { numRuns: 300 },
  );
});

test('a sheet written and read back has the fingerprint its plan was given: merged areas and officer columns left out alike', async () => {
  // The real round trip: the xlsx writer, then the reader, as the next run reads the sheet.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fingerprint-round-trip-'));
  const base = path.join(dir, 'base.xlsx');
  fs.writeFileSync(base, makeDeflatedZip(minimalWorkbookParts('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')));
  const value: fc.Arbitrary<PlanValue> = fc.oneof(
    fc.constant(null),
    fc.constantFrom('Action', 'a\r\nb', '• bullet', 'Dudley – £5', 'x'.repeat(40)).map((t): PlanValue => ({ kind: 'text', text: t })),
    fc.integer({ min: -1000, max: 1000 }).map((n): PlanValue => ({ kind: 'number', value: n / 8 })),
    fc.constantFrom('2025-04-01', '2026-01-15').map((iso): PlanValue => ({ kind: 'date', iso })),
  );
  const area = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }));
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.array(area, { maxLength: 2 }), fc.subarray([1, 2, 3]), async (rows, areas, officer) => {
        const plan = emptySheet('Round trip');
        plan.rows = rows;
        // Areas that do not overlap, as Excel requires.
        const taken = new Set<string>();
        for (const [top, left, down, across] of areas) {
          const cells = Array.from({ length: (down + 1) * (across + 1) }, (_, k) => `${top + Math.floor(k / (across + 1))}:${left + (k % (across + 1))}`);
          if (cells.some((k) => taken.has(k))) continue;
          cells.forEach((k) => taken.add(k));
          plan.merges.push(`${columnLetters(left)}${top}:${columnLetters(left + across)}${top + down}`);
        }
        if (officer.length) plan.officerColumns = officer;
        const workbook = await loadWorkbook(base);
        await applyWorkbookPlan(workbook, { sheets: [plan] }, []);
        const out = path.join(dir, `out-${run++}.xlsx`);
        await writeWorkbookAtomically(workbook, out);
        const readBack = (await readWorkbook(out)).sheets.find((s) => s.name === 'Round trip')!;
        expect(unchangedSince(readBack, planFingerprint(plan))).toBe(true);
      }),
      { numRuns: 40 },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
