/**
 * The serial number written for a date: read digit by digit for speed, it must agree with the plain definition
 * (split the YYYY-MM-DD text and count days from Excel's epoch) for every date, in both date systems.
 */
import fc from 'fast-check';
import { dateSerial } from '../src/xlsx/package/date-serial';

const byDefinition = (iso: string, date1904: boolean) => {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
};

describe('dateSerial', () => {
  it('gives the serials Excel stores for known dates', () => {
    expect(dateSerial('1900-03-01', false)).toBe(61);
    expect(dateSerial('2025-04-01', false)).toBe(45748);
    expect(dateSerial('2026-01-15', false)).toBe(46037);
    expect(dateSerial('2026-01-15', true)).toBe(46037 - 1462);
  });

  it('agrees with the definition on any date from 1900 to 9999, in either date system', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.boolean(), (date, date1904) => {
        const iso = date.toISOString().slice(0, 10);
        expect(dateSerial(iso, date1904)).toBe(byDefinition(iso, date1904));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any other form of text as the definition does', () => {
    for (const iso of ['2026-1-5', '2026-01-5', '2026-0a-15', '02026-01-15', '2026/01/15', '']) {
      expect(Object.is(dateSerial(iso, false), byDefinition(iso, false))).toBe(true);
    }
  });
});
