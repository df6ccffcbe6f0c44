/**
 * A sheet's fingerprint is recorded in the workbook and compared on every later run, so the bytes it hashes must
 * never change with how they are hashed: the sorted row lines, joined by U+0003, as UTF-8. Checked here against that
 * definition written the plainest way, on random text (two-byte and astral characters included) and on rows long
 * enough to cross the hashing buffer's edges.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { emptySheet, PlanValue, SheetPlan } from '../src/engine/sheet-plan/types';
import { planFingerprint } from '../src/xlsx/package/fingerprint';

/** The fingerprint as defined: each row's non-empty cells as "<column>\u0001s:<text>", joined by U+0002. */
function definedFingerprint(rows: string[][]): string {
  const lines = rows
    .map((row) =>
      row
        .map((t, j) => (t === '' ? null : `${j + 1}\u0001s:${t}`))
        .filter((cell) => cell !== null)
        .join('\u0002'),
    )
    .filter((line) => line !== '');
  lines.sort();
  return createHash('sha256').update(lines.join('\u0003'), 'utf8').digest('hex').slice(0, 32);
}

function planOf(rows: string[][]): SheetPlan {
  const sheet = emptySheet('Plan');
  sheet.rows = rows.map((row) => row.map((t): PlanValue => (t === '' ? null : { kind: 'text', text: t })));
  return sheet;
}

// Carriage returns are folded by the fingerprint (Excel stores line ends as \n): left out of the random text here.
const cellText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '• bullet', 'Dudley – £5')).map((t) => t.replace(/\r/g, ''));

test('the digest is the hash of the sorted lines joined, whatever the text', () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 30 }), (rows) => {
      expect(planFingerprint(planOf(rows))).toBe(definedFingerprint(rows));
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
  expect(planFingerprint(planOf(rows))).toBe(definedFingerprint(rows));
});
