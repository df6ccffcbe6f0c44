/**
 * KPI findings: each rule with a case that triggers it and a clean case that does not, every finding naming the
 * source cell to change. Then the example workbook's planted problems, found exactly.
 */
import * as path from 'node:path';
import { KPI_RULES } from '../src/engine/kpi';
import { Finding } from '../src/engine/schema';
import { structureWorkbook } from '../src/engine/structure';
import { WorkbookModel } from '../src/engine/workbook';
import { readWorkbook } from '../src/xlsx/read-workbook';
import { CellInput, sheet } from './helpers/model';

const OPTIONS = { today: '2026-01-31', planStart: '2025-04-01' };
const REGISTER_HEADER = ['KPI ID', 'Name', 'Code', 'Unit', 'Good is', 'Frequency', 'Baseline', 'Target', 'Tolerance', 'Lead'];
const DATA_HEADER = ['KPI ID', 'Period', 'Numerator', 'Denominator', 'Value', 'Note'];

/** A clean register row: quarterly percentage, ASCOF 2A (current framework), target 80. */
function kpi(id: string, overrides: Partial<Record<'name' | 'code' | 'unit' | 'polarity' | 'target', CellInput>> = {}): CellInput[] {
  const v = { name: 'Short-term services with no further request for support', code: 'ASCOF 2A', unit: 'percentage', polarity: 'higher', target: 80, ...overrides };
  return [id, v.name, v.code, v.unit, v.polarity, 'quarterly', 70, v.target, null, 'Head of Service'];
}

const CLEAN_DATA: CellInput[][] = [
  ['K1', 'Q3 2024/25', 70, 100, null, null],
  ['K1', 'Q4 2024/25', 75, 100, null, null],
  ['K1', 'Q1 2025/26', 79, 100, null, null],
  ['K1', 'Q2 2025/26', 81, 100, null, 'Provisional'],
];

function model(register: CellInput[][], data: CellInput[][] = CLEAN_DATA, settings: CellInput[][] = []): WorkbookModel {
  return {
    sheets: [
      sheet('KPIs', [REGISTER_HEADER, ...register]),
      sheet('KPI Data', [DATA_HEADER, ...data]),
      sheet('Plan Settings', [['Setting', 'Value'], ['Reporting period', 'Q2 2025/26'], ...settings]),
    ],
  };
}

function findings(m: WorkbookModel, rule?: string): Finding[] {
  const all = structureWorkbook(m, OPTIONS).findings.filter((f) => f.rule !== 'no-plan-table');
  return rule ? all.filter((f) => f.rule === rule) : all;
}

describe('a clean register and data sheet', () => {
  test('give no KPI findings at all', () => {
    expect(findings(model([kpi('K1')]))).toEqual([]);
  });
});

describe('kpi-missing-target', () => {
  test('fires at the empty target cell', () => {
    expect(findings(model([kpi('K1', { target: null })]), 'kpi-missing-target')).toEqual([
      expect.objectContaining({ severity: 'warning', sheet: 'KPIs', cell: 'H2', message: expect.stringContaining('K1 has no target') }),
    ]);
  });
  test('is quiet with a target', () => {
    expect(findings(model([kpi('K1')]), 'kpi-missing-target')).toEqual([]);
  });
});

describe('kpi-missing-data', () => {
  test('a quarter missing between two the KPI has: at the period cell of the row after the gap', () => {
    const data = CLEAN_DATA.filter((r) => r[1] !== 'Q4 2024/25');
    expect(findings(model([kpi('K1')], data), 'kpi-missing-data')).toEqual([
      expect.objectContaining({ sheet: 'KPI Data', cell: 'B3', message: expect.stringContaining('no figure for Q4 2024/25') }),
    ]);
  });
  test('a row with a period but no figures: at its empty numerator', () => {
    const data = [...CLEAN_DATA.slice(0, 3), ['K1', 'Q2 2025/26', null, null, null, 'Awaiting data']];
    const found = findings(model([kpi('K1')], data), 'kpi-missing-data');
    expect(found).toEqual([expect.objectContaining({ sheet: 'KPI Data', cell: 'C5', message: expect.stringContaining('no figure') })]);
  });
  test('no figure for the reporting period: Grey, and a finding at the next free row of the data sheet', () => {
    const found = findings(model([kpi('K1')], CLEAN_DATA.slice(0, 3)), 'kpi-missing-data');
    expect(found).toEqual([expect.objectContaining({ sheet: 'KPI Data', cell: 'A5', message: expect.stringContaining('Q2 2025/26') })]);
  });
  test('a KPI with no figures at all', () => {
    const found = findings(model([kpi('K1'), kpi('K2')]), 'kpi-missing-data');
    expect(found).toEqual([expect.objectContaining({ message: expect.stringContaining('K2 has no figures at all') })]);
  });
  test('a blank cell in a wide scorecard: the cell itself', () => {
    const m: WorkbookModel = {
      sheets: [
        sheet('Scorecard', [
          ['Ref', 'Indicator', 'Good is', 'Target', 'Q1 2025/26', 'Q2 2025/26', 'Q3 2025/26', 'Q4 2025/26'],
          ['S1', 'Percentage of reviews on time', 'High', 80, 78, null, null, null],
          ['S2', 'Percentage of assessments on time', 'High', 80, 81, 82, null, null],
        ]),
      ],
    };
    expect(findings(m, 'kpi-missing-data')).toEqual([expect.objectContaining({ sheet: 'Scorecard', cell: 'F2', message: expect.stringContaining('S1 has no figure for Q2 2025/26') })]);
  });
  test('is quiet when every quarter is there', () => {
    expect(findings(model([kpi('K1')]), 'kpi-missing-data')).toEqual([]);
  });
});

describe('kpi-denominator-zero', () => {
  test('fires at the zero denominator', () => {
    const data = CLEAN_DATA.map((r) => (r[1] === 'Q4 2024/25' ? ['K1', 'Q4 2024/25', 75, 0, null, null] : r));
    expect(findings(model([kpi('K1')], data), 'kpi-denominator-zero')).toEqual([expect.objectContaining({ sheet: 'KPI Data', cell: 'D3' })]);
  });
  test('is quiet with real denominators', () => {
    expect(findings(model([kpi('K1')]), 'kpi-denominator-zero')).toEqual([]);
  });
});

describe('kpi-value-out-of-range', () => {
  test('a percentage over 100: at the numerator', () => {
    const data = CLEAN_DATA.map((r) => (r[1] === 'Q3 2024/25' ? ['K1', 'Q3 2024/25', 120, 100, null, null] : r));
    expect(findings(model([kpi('K1')], data), 'kpi-value-out-of-range')).toEqual([
      expect.objectContaining({ cell: 'C2', message: expect.stringContaining('120 out of 100 is 120%') }),
    ]);
  });
  test('a negative count: at the value', () => {
    const data: CellInput[][] = [
      ['K2', 'Q1 2025/26', null, null, 788, null],
      ['K2', 'Q2 2025/26', null, null, -802, null],
    ];
    expect(findings(model([kpi('K2', { unit: 'number', code: null, name: 'Number of Direct Payments', target: 800 })], data), 'kpi-value-out-of-range')).toEqual([
      expect.objectContaining({ cell: 'E3', message: expect.stringContaining('negative') }),
    ]);
  });
  test('is quiet for percentages within 0–100 and positive counts', () => {
    expect(findings(model([kpi('K1')]), 'kpi-value-out-of-range')).toEqual([]);
  });
});

describe('kpi-duplicate-period', () => {
  test('fires at the later row, which is the one used', () => {
    const data = [...CLEAN_DATA, ['K1', 'Q2 2025/26', 82, 100, null, 'Revised']];
    expect(findings(model([kpi('K1')], data), 'kpi-duplicate-period')).toEqual([
      expect.objectContaining({ cell: 'B6', message: expect.stringContaining('row 5 and row 6. The later row is used') }),
    ]);
  });
  test('the same quarter written two ways is still a duplicate', () => {
    const data = [...CLEAN_DATA, ['K1', 'Q2 25/26', 82, 100, null, null]];
    expect(findings(model([kpi('K1')], data), 'kpi-duplicate-period')).toHaveLength(1);
  });
  test('is quiet with one row per period', () => {
    expect(findings(model([kpi('K1')]), 'kpi-duplicate-period')).toEqual([]);
  });
});

describe('kpi-unknown-id', () => {
  test('fires once per unknown id, at its first row', () => {
    const data = [...CLEAN_DATA, ['K9', 'Q1 2025/26', null, null, 12, null], ['K9', 'Q2 2025/26', null, null, 13, null]];
    expect(findings(model([kpi('K1')], data), 'kpi-unknown-id')).toEqual([
      expect.objectContaining({ cell: 'A6', message: 'K9 (rows 6 and 7) is not in the KPI register, so its figures are left out.' }),
    ]);
  });
  test('figures with no id at all', () => {
    const data = [...CLEAN_DATA, [null, 'Q2 2025/26', 5, 10, null, null]];
    expect(findings(model([kpi('K1')], data), 'kpi-unknown-id')).toEqual([expect.objectContaining({ cell: 'A6', message: expect.stringContaining('no KPI ID') })]);
  });
  test('is quiet when every id is in the register (in any case)', () => {
    expect(findings(model([kpi('K1')], CLEAN_DATA.map((r) => ['k1', ...r.slice(1)])), 'kpi-unknown-id')).toEqual([]);
  });
});

describe('kpi-duplicate-id', () => {
  test('fires at the second definition', () => {
    expect(findings(model([kpi('K1'), kpi('K1')]), 'kpi-duplicate-id')).toEqual([expect.objectContaining({ cell: 'A3' })]);
  });
  test('is quiet with distinct ids', () => {
    expect(findings(model([kpi('K1')]), 'kpi-duplicate-id')).toEqual([]);
  });
});

describe('kpi-period-unreadable', () => {
  test('fires at a period that is not a month, quarter or year', () => {
    const data = [...CLEAN_DATA, ['K1', 'Quarter three', 80, 100, null, null]];
    expect(findings(model([kpi('K1')], data), 'kpi-period-unreadable')).toEqual([expect.objectContaining({ cell: 'B6' })]);
  });
  test('is quiet for the usual spellings', () => {
    const data: CellInput[][] = [
      ['K1', 'Q3 24/25', 70, 100, null, null],
      ['K1', 'Q4 2024-25', 75, 100, null, null],
      ['K1', 'Q1 2025/26', 79, 100, null, null],
      ['K1', 'q2 2025/2026', 81, 100, null, null],
    ];
    expect(findings(model([kpi('K1')], data), 'kpi-period-unreadable')).toEqual([]);
  });
});

describe('kpi-value-not-a-number', () => {
  test('fires at text in a figure cell that is no figure at all', () => {
    const data = CLEAN_DATA.map((r) => (r[1] === 'Q3 2024/25' ? ['K1', 'Q3 2024/25', 'see note', 100, null, null] : r));
    expect(findings(model([kpi('K1')], data), 'kpi-value-not-a-number')).toEqual([
      expect.objectContaining({ cell: 'C2', severity: 'warning', message: expect.stringContaining('“see note” is text, not a number') }),
    ]);
  });
  test('a suppression marker is a note of its own (kpi-value-missing), saying what it means', () => {
    const data = CLEAN_DATA.map((r) => (r[1] === 'Q3 2024/25' ? ['K1', 'Q3 2024/25', '[c]', 100, null, null] : r));
    expect(findings(model([kpi('K1')], data), 'kpi-value-not-a-number')).toEqual([]);
    expect(findings(model([kpi('K1')], data), 'kpi-value-missing')).toEqual([
      expect.objectContaining({ cell: 'C2', severity: 'info', message: expect.stringContaining('suppressed (small numbers). There is no figure for this period') }),
    ]);
  });
  test('is quiet for numbers', () => {
    expect(findings(model([kpi('K1')]), 'kpi-value-not-a-number')).toEqual([]);
  });
});

describe('framework codes', () => {
  test('unknown-framework-code: a cited ASCOF code in neither framework, at the code cell', () => {
    expect(findings(model([kpi('K1', { code: 'ASCOF 9Z' })]), 'unknown-framework-code')).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'C2', message: expect.stringContaining('ASCOF 9Z') }),
    ]);
  });
  test('unknown-framework-code: also a code cited in a scorecard indicator name', () => {
    const m: WorkbookModel = { sheets: [sheet('Scorecard', [['Indicator', 'Target', 'Q1 2025/26', 'Q2 2025/26'], ['Visit scores (ASCOF 9Z)', 3.3, 3.1, 3.2]])] };
    expect(findings(m, 'unknown-framework-code')).toEqual([expect.objectContaining({ cell: 'A2' })]);
  });
  test('unknown-framework-code is quiet for codes in either framework, and for local indicators', () => {
    for (const code of ['ASCOF 2A', 'ASCOF 2D', '1C(2A)', 'ASCOF 2Aii', 'ACAS Indicator 8.5a', 'Local PI 12']) {
      expect(findings(model([kpi('K1', { code })]), 'unknown-framework-code')).toEqual([]);
    }
  });
  test('kpi-local-code: a local or survey indicator is a note, never a warning', () => {
    const found = findings(model([kpi('K1', { code: 'ACAS Indicator 8.5a' })]));
    expect(found.map((f) => [f.rule, f.severity, f.cell])).toEqual([['kpi-local-code', 'info', 'C2']]);
    expect(findings(model([kpi('K1')]), 'kpi-local-code')).toEqual([]);
  });
  test('kpi-old-framework-code: a pre-2023 code is explained, with its 2023-24 successor', () => {
    const [f] = findings(model([kpi('K1', { code: 'ASCOF 1C(2A)' })]), 'kpi-old-framework-code');
    expect(f).toMatchObject({ severity: 'info', cell: 'C2' });
    expect(f.message).toMatch(/pre-2023/);
    expect(f.fix).toMatch(/ASCOF 3D/);
    expect(findings(model([kpi('K1', { code: 'ASCOF 2A' })]), 'kpi-old-framework-code')).toEqual([]);
  });
  test('kpi-unit-from-framework: unit and polarity suggested by the catalogue when the KPI gives none', () => {
    const m = model([kpi('K1', { code: 'ASCOF 2C', unit: null, polarity: null, name: 'Admissions of older people' })], [
      ['K1', 'Q1 2025/26', 540, 100000, null, null],
      ['K1', 'Q2 2025/26', 552, 100000, null, null],
    ]);
    const result = structureWorkbook(m, OPTIONS);
    expect(result.kpis[0]).toMatchObject({ unit: 'rate per 100,000', polarity: 'lower' });
    expect(result.findings.filter((f) => f.rule === 'kpi-unit-from-framework')).toEqual([expect.objectContaining({ severity: 'info', cell: 'D2' })]);
    expect(findings(model([kpi('K1')]), 'kpi-unit-from-framework')).toEqual([]);
  });
});

describe('rule severities from Plan Settings', () => {
  test('a rule can be turned off or made a note', () => {
    const m = model([kpi('K1', { target: null, code: 'ASCOF 9Z' })], CLEAN_DATA, [
      ['Rule: kpi-missing-target', 'off'],
      ['Rule: unknown-framework-code', 'info'],
    ]);
    expect(findings(m).map((f) => [f.rule, f.severity])).toEqual([['unknown-framework-code', 'info']]);
  });
});

describe('the example workbook', () => {
  test('finds exactly the planted KPI problems, at the cells to change', async () => {
    const result = structureWorkbook(await readWorkbook(path.join(__dirname, '..', 'seeds', 'example-canonical-plan.xlsx')), OPTIONS);
    expect(result.findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`])).toEqual([
      ['kpi-missing-target', 'warning', 'KPIs!H13'], // KPI-12 has no target
      ['unknown-framework-code', 'warning', 'KPIs!C15'], // KPI-14 cites ASCOF 9Z
      ['kpi-denominator-zero', 'warning', 'KPI Data!D21'], // KPI-04 Q2 2024/25: 14/0
      ['kpi-value-out-of-range', 'warning', 'KPI Data!E34'], // KPI-06 Q3 2024/25: -758
      ['kpi-duplicate-period', 'warning', 'KPI Data!B43'], // KPI-07 Q1 2025/26 in rows 42 and 43
      ['kpi-value-out-of-range', 'warning', 'KPI Data!C54'], // KPI-09 Q4 2024/25: 188/176
      ['kpi-missing-data', 'warning', 'KPI Data!B65'], // KPI-11 has no Q3 2024/25
      ['kpi-unknown-id', 'warning', 'KPI Data!A86'], // KPI-99 is not in the register
      ['kpi-local-code', 'info', 'KPIs!C5'], // KPI-04 cites ACAS Indicator 8.5a: a note, not a warning
      ['kpi-old-framework-code', 'info', 'KPIs!C6'], // KPI-05 ASCOF 1C(2A): 3D from 2023-24
      ['kpi-old-framework-code', 'info', 'KPIs!C13'], // KPI-12 ASCOF 3A
      ['kpi-old-framework-code', 'info', 'KPIs!C14'], // KPI-13 ASCOF 4A
    ]);
    for (const f of result.findings) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.fix!.length).toBeGreaterThan(10);
      expect(Object.keys(KPI_RULES)).toContain(f.rule);
    }
  });
});
