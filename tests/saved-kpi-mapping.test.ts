/**
 * KPI roles kept in Plan Settings (src/engine/saved-mapping.ts with src/engine/kpi-column-roles.ts): every role's
 * word reads back as the same role, a sheet saved with KPI roles is read back as KPIs (so "id" and "rag" are the
 * KPI's), a relative period header is not pinned to the period it meant once, and a mapping of the other kind given
 * with this run sets the saved one aside.
 */
import { kpiRoleWord, KpiRole, parseKpiRole } from '../src/engine/kpi-column-roles';
import { periodKey } from '../src/engine/kpi/period';
import { readSavedMapping, savedKpiColumnsFor, settingsEditFor, withSavedMapping } from '../src/engine/saved-mapping';
import { structureWorkbook, StructureOptions } from '../src/engine/structure';
import { CellModel, SheetModel, WorkbookModel } from '../src/engine/workbook';

const TODAY = '2026-01-15';
const text = (row: number, col: number, value: string): CellModel => ({ row, col, value: { type: 'text', value } });
const num = (row: number, col: number, value: number): CellModel => ({ row, col, value: { type: 'number', value } });

/** A scorecard whose period headers are relative: nothing says which quarters they are but the reporting period. */
function scorecard(): SheetModel {
  return {
    name: 'Scorecard',
    merges: [],
    cells: [
      ...['Item', 'What we count', 'Last period', 'This period', 'RAG'].map((h, i) => text(1, i + 1, h)),
      text(2, 1, 'L1'), text(2, 2, 'People reviewed within 12 months (%)'), num(2, 3, 61), num(2, 4, 64), text(2, 5, 'Amber'),
      text(3, 1, 'L2'), text(3, 2, 'Carers assessed within 28 days (%)'), num(3, 3, 70), num(3, 4, 72), text(3, 5, 'Green'),
    ],
  };
}

/** The workbook with `rows` written into a new Plan Settings sheet, as the pane and the command line write them. */
function withSaved(model: WorkbookModel, columns: Parameters<typeof settingsEditFor>[1]): WorkbookModel {
  const edit = settingsEditFor(model, columns);
  const cells = edit.rows.flatMap(({ row, values }) => values.flatMap((v, i) => (v === null ? [] : [text(row, i + 1, v)])));
  return { sheets: [...model.sheets, { name: edit.sheet, merges: [], cells }] };
}

const settings = { reportingPeriod: 'Q2 2025/26' };

test('every KPI role is written as a word that reads back as the same role', () => {
  const roles: KpiRole[] = ['id', 'name', 'code', 'unit', 'polarity', 'frequency', 'baseline', 'target', 'tolerance', 'lead', 'period', 'numerator', 'denominator', 'value', 'note', 'rag', 'direction', 'period-column', null, { periodKey: periodKey('Q3 2024/25')! }, { periodKey: periodKey('Apr 2025')! }];
  for (const role of roles) expect(parseKpiRole(kpiRoleWord(role))).toEqual(role);
});

describe('a scorecard mapped with KPI roles, saved and read again', () => {
  const given = { today: TODAY, settings, kpiColumnOverrides: { Scorecard: { 1: 'id', 2: 'name', 3: 'period-column', 4: 'period-column', 5: 'rag' } as const }, kpiHeaderRowOverrides: { Scorecard: 1 } };
  const model: WorkbookModel = { sheets: [scorecard()] };
  const first = structureWorkbook(model, given);
  const read = first.sheets.find((s) => s.sheet === 'Scorecard')!.kpiHeader!;
  const saved = withSaved(model, savedKpiColumnsFor(model.sheets[0], read.row, new Map(read.columns.map((c) => [c.col, c.role]))));

  it('relative period headers are saved as plain "period": their quarter moves on with the reporting period', () => {
    const rows = saved.sheets[1].cells.filter((c) => c.col === 2 && c.row > 1).map((c) => (c.value.type === 'text' ? c.value.value : ''));
    expect(rows).toEqual(['id', 'name', 'period', 'period', 'rag']);
  });

  it('the saved rows read back as KPI roles, "id" and "rag" included', () => {
    expect(readSavedMapping(saved).map((c) => [c.col, c.kpiRole])).toEqual([
      [1, 'id'],
      [2, 'name'],
      [3, 'period-column'],
      [4, 'period-column'],
      [5, 'rag'],
    ]);
  });

  it('unmapped, the tool does not read the scorecard on its own (so what follows tests the saved roles)', () => {
    expect(structureWorkbook(model, { today: TODAY, settings }).kpis).toEqual([]);
  });

  it('the next run, given nothing, reads the same KPIs and figures', () => {
    const again = structureWorkbook(saved, { today: TODAY, settings });
    expect(first.kpis.map((k) => k.id)).toEqual(['L1', 'L2']);
    expect(again.kpis).toEqual(first.kpis);
    expect(again.observations).toEqual(first.observations);
    expect(again.findings.filter((f) => f.rule === 'saved-columns-changed')).toEqual([]);
  });

  it('a plan mapping given with this run for the sheet sets the saved KPI roles aside', () => {
    const { options } = withSavedMapping<StructureOptions>(saved, { today: TODAY, columnOverrides: { Scorecard: { 2: 'action' } } });
    expect(options.kpiColumnOverrides).toEqual({});
    expect(options.columnOverrides).toEqual({ Scorecard: { 2: 'action' } });
  });
});
