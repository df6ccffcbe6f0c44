import fc from 'fast-check';
import { a1, integerText } from '../src/engine/workbook';

describe('integerText', () => {
  test('is the text String gives, for kept whole numbers and every other number alike', () => {
    const cases = [0, -0, 1, 9, 10, 1023, 1024, 1025, 45_000, 1_048_576, 1_048_577, 2 ** 31, -1, -45_000, 0.5, 1.25, 1e21, 1e-7, NaN, Infinity, -Infinity];
    for (const n of cases) {
      expect(integerText(n)).toBe(String(n));
      // Asked again, from what was kept.
      expect(integerText(n)).toBe(String(n));
    }
  });

  test('matches String over random whole numbers and fractions, asked in any order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.double({ noNaN: false })), (n) => {
        expect(integerText(n)).toBe(String(n));
      }),
      { numRuns: 5000 },
    );
  });

  test('a1 writes the column letters and the row', () => {
    expect(a1(1, 1)).toBe('A1');
    expect(a1(50_001, 28)).toBe('AB50001');
    expect(a1(1_048_576, 16_384)).toBe('XFD1048576');
  });
});
