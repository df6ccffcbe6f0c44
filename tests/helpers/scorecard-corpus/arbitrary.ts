/**
 * fast-check arbitraries for scorecard layouts: any frequency, form, header spelling, figure style, id placement,
 * target and polarity column, over any measures of the catalogue. The property tests use them to look past the 26
 * fixed layouts.
 */
import fc from 'fast-check';
import { Measure, MEASURES } from './catalogue';
import { NumberStyle } from './cells';
import { financialYear, HEADER_STYLES, HeaderStyle, month, Period, quarter, run } from './periods';
import { KpiPlan, LayoutSpec } from './scorecard';
import { Scenario } from './series';

const STYLES: Record<Period['frequency'], HeaderStyle[]> = {
  annual: ['fyOutturn', 'fyDashActual', 'fyFinal', 'fyBare'],
  quarterly: ['qShort', 'qMonths', 'qQuarterWord', 'qActual'],
  monthly: ['mDash', 'mLong', 'mSept'],
};

const lastPeriod = fc.oneof(
  fc.integer({ min: 2019, max: 2024 }).map(financialYear),
  fc.tuple(fc.integer({ min: 2023, max: 2025 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => quarter(y, q)),
  fc.tuple(fc.integer({ min: 2024, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => month(y, m)),
);

/** The measure's id as the sheet would write it: its ASCOF code in the era's numbering, else its local code. */
function planFor(m: Measure, era: 'current' | 'pre-2023', scenario: Scenario): KpiPlan {
  const code = era === 'current' ? m.ascofCurrent : m.ascofPre2023;
  return code ? { measure: m, id: code, ascof: true, scenario } : { measure: m, id: m.localCode ?? null, scenario };
}

export interface LayoutOptions {
  /** Always with targets, and the first KPI a lower-is-better one moving away from its target (the case). */
  awayFromTarget?: boolean;
}

export function layoutArbitrary(options: LayoutOptions = {}): fc.Arbitrary<LayoutSpec> {
  return fc
    .record({
      last: lastPeriod,
      count: fc.integer({ min: 2, max: 6 }),
      styleIndex: fc.nat(),
      form: fc.constantFrom<LayoutSpec['form']>('wide', 'long', 'transposed'),
      numbers: fc.constantFrom<NumberStyle>('number', 'fraction', 'text'),
      ids: fc.constantFrom('column', 'name', 'none'),
      idHeader: fc.constantFrom('Ref', 'PI No.', '#', 'Indicator code', 'KPI Ref'),
      target: options.awayFromTarget ? fc.constant(true) : fc.boolean(),
      polarity: fc.boolean(),
      titled: fc.boolean(),
      measures: fc.uniqueArray(fc.constantFrom(...MEASURES), { minLength: 1, maxLength: 5, selector: (m) => m.key }),
      lowerIsBetter: fc.constantFrom(...MEASURES.filter((m) => m.polarity === 'lower')),
      scenarios: fc.array(fc.constantFrom<Scenario>('green', 'amber', 'red', 'near-red', 'away'), { minLength: 5, maxLength: 5 }),
    })
    .map((o): LayoutSpec => {
      const periods = run(o.last, o.count);
      const styles = STYLES[o.last.frequency];
      const style = styles[o.styleIndex % styles.length];
      const era = periods[0].end > financialYear(2022).end ? 'current' : 'pre-2023';
      const measures = options.awayFromTarget ? [o.lowerIsBetter, ...o.measures.filter((m) => m.key !== o.lowerIsBetter.key)].slice(0, 5) : o.measures;
      const kpis = measures.map((m, i) => planFor(m, era, options.awayFromTarget && i === 0 ? 'away' : o.scenarios[i]));
      return {
        key: 'generated',
        title: 'generated',
        features: [],
        form: o.form,
        sheetName: 'Scorecard',
        titleRows: o.titled ? ['Adult Social Care performance', 'OFFICIAL'] : undefined,
        periods: periods.map((period) => ({ period, header: HEADER_STYLES[style](period) })),
        kpis,
        numbers: o.numbers,
        idHeader: o.ids === 'column' ? o.idHeader : undefined,
        idInName: o.ids === 'name' ? (id, name) => `${id}: ${name}` : undefined,
        nameHeader: 'Indicator',
        target: o.target ? { header: 'Target' } : undefined,
        polarity: o.polarity ? { header: 'Good is', write: (p) => (p === 'higher' ? 'High' : 'Low') } : undefined,
        long: { periodHeader: 'Period', valueHeader: 'Value', order: 'by KPI' },
      };
    });
}
