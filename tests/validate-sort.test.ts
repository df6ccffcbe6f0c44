/**
 * sortFindings orders findings by severity (errors first), then sheet in workbook order (sheets not in it after, by
 * name), then row, then column, keeping the rules' order for ties; a cell that is not an address goes last.
 */
import fc from 'fast-check';
import { Finding } from '../src/engine/schema';
import { parseA1 } from '../src/engine/workbook';
import { sortFindings } from '../src/engine/validate';

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** The order spelled out as a comparison of whole findings. */
function reference(findings: Finding[], sheetOrder: string[]): Finding[] {
  const sheetRank = (sheet: string) => {
    const at = sheetOrder.indexOf(sheet);
    if (at >= 0) return at;
    const others = [...new Set(findings.map((f) => f.sheet).filter((s) => !sheetOrder.includes(s)))].sort((a, b) => a.localeCompare(b));
    return sheetOrder.length + others.indexOf(sheet);
  };
  const place = (cell: string) => {
    try {
      return parseA1(cell);
    } catch {
      return { row: Number.MAX_SAFE_INTEGER, col: Number.MAX_SAFE_INTEGER };
    }
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY[x.f.severity] - SEVERITY[y.f.severity] || sheetRank(x.f.sheet) - sheetRank(y.f.sheet) || place(x.f.cell).row - place(y.f.cell).row || place(x.f.cell).col - place(y.f.cell).col || x.i - y.i)
    .map((x) => x.f);
}

const finding = fc.record({
  rule: fc.constantFrom('overdue', 'missing-lead', 'smart-incomplete'),
  severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<Finding['severity']>,
  sheet: fc.constantFrom('Action Plan', 'Notes', 'Zeta', 'Alpha', 'KPIs'),
  cell: fc.oneof(fc.tuple(fc.constantFrom('A', 'B', 'K', 'AA', '$C'), fc.integer({ min: 1, max: 30 })).map(([c, r]) => `${c}${r}`), fc.constantFrom('', 'Plan', 'A0x')),
  message: fc.string({ maxLength: 3 }),
});

test('sortFindings gives the order spelled out in full', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 40 }), fc.subarray(['KPIs', 'Action Plan', 'Notes']), (findings, sheetOrder) => {
      expect(sortFindings(findings, sheetOrder)).toEqual(reference(findings, sheetOrder));
    }),
    { numRuns: 500 },
  );
});
