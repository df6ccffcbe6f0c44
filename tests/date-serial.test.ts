/**
 * Excel's date serials, as every part of the tool reads and writes them. The serial written for a date (dateSerial,
 * and the engine's isoToSerial beneath it, which the Office.js adapter writes with) is read digit by digit for speed;
 * it must agree with the plain definition for every date, in both date systems. And early 1900, where Excel counts a 29 February that never was, must come
 * out as Excel shows it whichever way the tool meets a serial: read from a file, written to one, or used in a KPI.
 */
import fc from 'fast-check';
import { isoToSerial, serialToIso } from '../src/engine/excel-dates';
import { numberOf } from '../src/engine/kpi/read/numbers';
import { dateSerial } from '../src/xlsx/package/date-serial';
import { parseWorksheet } from '../src/xlsx/package';

/** The plainest count: days from Excel's epoch, and in the 1900 system one fewer up to its invented 29 February. */
const byDefinition = (iso: string, date1904: boolean) => {
  const [y, m, d] = iso.split('-').map(Number);
  const days = (Date.UTC(y, m - 1, d) - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30))) / 86_400_000;
  return !date1904 && days <= 60 ? days - 1 : days;
};

/** What Excel shows for a serial in a dd/mm/yyyy cell, early 1900 and either side of it (serial 60 is the 29 February Excel invented; the tool reads it as the 28th). */
const EXCEL_SHOWS: [number, string][] = [
  [0, '1899-12-31'],
  [1, '1900-01-01'],
  [31, '1900-01-31'],
  [59, '1900-02-28'],
  [60, '1900-02-28'],
  [61, '1900-03-01'],
  [45748, '2025-04-01'],
];

describe('dateSerial', () => {
  it('gives the serials Excel stores for known dates', () => {
    expect(dateSerial('1900-01-01', false)).toBe(1);
    expect(dateSerial('1900-02-28', false)).toBe(59);
    expect(dateSerial('1900-03-01', false)).toBe(61);
    expect(dateSerial('2025-04-01', false)).toBe(45748);
    expect(dateSerial('2026-01-15', false)).toBe(46037);
    expect(dateSerial('2026-01-15', true)).toBe(46037 - 1462);
    expect(dateSerial('1904-01-01', true)).toBe(0);
  });

  it('agrees with the definition on any date from 1900 to 9999, in either date system', () => {
    const day = fc.date({ min: new Date(Date.UTC(1899, 11, 31)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.boolean(), (date, date1904) => {
        const iso = date.toISOString().slice(0, 10);
        expect(dateSerial(iso, date1904)).toBe(byDefinition(iso, date1904));
        if (!date1904) expect(isoToSerial(iso)).toBe(byDefinition(iso, false));
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

describe('early 1900, as Excel shows it', () => {
  const sheetOf = (serials: number[]) =>
    parseWorksheet(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${serials.map((s, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>${s}</v></c></row>`).join('')}</sheetData></worksheet>`,
      { name: 'Dates', visibility: 'visible' },
      [],
      [{ bold: false }, { bold: false, numFmt: 'dd/mm/yyyy' }],
      false,
    );

  it('the file reader and the engine read each serial as the date Excel shows', () => {
    const cells = sheetOf(EXCEL_SHOWS.map(([serial]) => serial)).cells;
    expect(cells.map((c) => c.value)).toEqual(EXCEL_SHOWS.map(([, iso]) => ({ type: 'date', value: iso })));
    for (const [serial, iso] of EXCEL_SHOWS) expect(serialToIso(serial)).toBe(iso);
  });

  it('the file writer, the engine and the KPI reader give back the serial for every date but the invented one', () => {
    for (const [serial, iso] of EXCEL_SHOWS.filter(([s]) => s !== 60)) {
      expect([dateSerial(iso, false), isoToSerial(iso), numberOf({ type: 'date', value: iso })]).toEqual([serial, serial, serial]);
    }
  });
});
