/**
 * How a polarity the officer gives (a Plan Settings row, or --polarity) finds its KPI: by id, else by code, with
 * capitals, spaces, full stops and an "ASCOF" prefix not mattering; and which names find none, as written.
 */
import { polaritiesNamingNoKpi, polarityMatchKey } from '../src/engine/kpi/saved-polarity';

const kpis = [{ id: 'K1', code: 'ASCOF 2A' }, { id: 'Delayed transfers', code: null }, { id: '1C(2a)' }];

describe('polarity names', () => {
  it('match an id or a code however they are cased and spaced', () => {
    expect(polarityMatchKey('ascof 2a')).toBe(polarityMatchKey('2A'));
    expect(polarityMatchKey('delayed  transfers')).toBe(polarityMatchKey('Delayed transfers'));
    expect(polaritiesNamingNoKpi({ k1: 'higher', '2a': 'lower', 'ASCOF 2A': 'lower', 'DELAYED TRANSFERS': 'lower', '1c(2a)': 'higher' }, kpis)).toEqual([]);
  });

  it('report the names no KPI answers to, as the officer wrote them', () => {
    expect(polaritiesNamingNoKpi({ 'KPI-77': 'lower', K1: 'higher', 'ASCOF 2B': 'lower' }, kpis)).toEqual(['KPI-77', 'ASCOF 2B']);
    expect(polaritiesNamingNoKpi({ K1: 'higher' }, [])).toEqual(['K1']);
  });
});
