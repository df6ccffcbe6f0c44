/**
 * How the KPI Calc sheet finds an observation's KPI: ids compared as keys with no wildcard characters left, and the
 * engine's mirror of the lookup, which stores a result only where every spreadsheet app would find the same KPI.
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { idKey, idKeyFormula, registerMatcher } from '../src/engine/kpi/id-match';

describe('the id key', () => {
  test('the formula spells out ! * ? ~ as the engine does (HyperFormula, 300 ids)', () => {
    const ids = fc.sample(fc.string({ unit: fc.constantFrom('!', '*', '?', '~', 's', 'q', 't', 'A', '1', ' ', 'é'), maxLength: 12 }), { numRuns: 300, seed: 15 });
    const hf = HyperFormula.buildFromSheets({ S: ids.map((id, i) => [`'${id}`, `=${idKeyFormula(`A${i + 1}`)}`]) }, { licenseKey: 'gpl-v3' });
    const values = hf.getSheetValues(0);
    expect(values.map((row) => row[1] ?? '')).toEqual(ids.map((id) => idKey(id)));
  });

  test('two ids have keys equal but for case exactly when the ids are (the key is one-to-one)', () => {
    const id = fc.string({ unit: fc.constantFrom('!', '*', '?', '~', 's', 'S', 'q', 't', 'a', '1'), maxLength: 8 });
    fc.assert(
      fc.property(id, id, (a, b) => (idKey(a).toUpperCase() === idKey(b).toUpperCase()) === (a.toUpperCase() === b.toUpperCase())),
      { numRuns: 2000, seed: 15 },
    );
  });

  test('no key holds a wildcard character', () => {
    expect(idKey('A*1 K?2 ~3 !4')).toBe('A!s1 K!q2 !t3 !!4');
  });
});

describe('the KPI number the engine stores for a lookup', () => {
  const find = registerMatcher(['AX1', 'A*1', 'KPI-01', 'kpi-01', 'Å1', 'Straße']);

  test('wildcard characters are literal: A*1 is the second id, not AX1', () => {
    expect(find('A*1')).toBe(2);
    expect(find('A?1')).toBe('');
  });

  test('blind to case, the first of two ids that differ only in case', () => {
    expect(find('Kpi-01')).toBe(3);
  });

  test('accented letters: the same letter in another case matches, the unaccented one does not', () => {
    expect(find('å1')).toBe(5);
    expect(find('A1')).toBe('');
  });

  test('where apps may compare differently, nothing is stored (the file is then calculated on opening)', () => {
    // "Å" written as A and a combining ring; "ß" against "SS"; a full-width letter.
    expect(find('A\u030A1')).toBeUndefined();
    expect(find('STRASSE')).toBeUndefined();
    expect(registerMatcher(['K1'])('Ｋ1')).toBeUndefined();
    // Longer than Excel's MATCH takes (255 characters).
    expect(registerMatcher(['x'.repeat(300)])('x'.repeat(300))).toBeUndefined();
  });

  test('a no-break space is not a space to any app\'s lookup (the familiar CHAR(160) failure), in either case', () => {
    const withNoBreak = registerMatcher(['KPI 01', 'KPI\u00A002']);
    expect(withNoBreak('KPI\u00A001')).toBe('');
    expect(withNoBreak('kpi\u00A002')).toBe(2);
  });

  test('an id identical to a register id is found even when it is not plain', () => {
    expect(find('Straße')).toBe(6);
  });
});
