/** A wide scorecard: one row per KPI, one column per period. */
import { PlanSettings } from '../../schema';
import { a1, cellText, SheetGrid, SheetModel } from '../../workbook';
import { KpiHeader } from '../headers';
import { financialYearOf, reportingPeriodKey } from '../period';
import { isRepeatedHeader, percentFactor } from './cells';
import { chooseTarget, readDefinition } from './definitions';
import { numberOf } from './numbers';
import { KpiDefinitionSource, KpiObservationSource, NO_TEXT, WideBlock } from './types';

export function readWide(
  sheet: SheetModel,
  grid: SheetGrid,
  header: KpiHeader,
  settings: PlanSettings,
): { block: WideBlock; definitions: KpiDefinitionSource[]; observations: KpiObservationSource[] } {
  const definitions: KpiDefinitionSource[] = [];
  const observations: KpiObservationSource[] = [];
  const cells: WideBlock['cells'] = [];
  // The reporting year picks the target column: the settings' period, else the latest period with any figure.
  let latestKey: number | null = reportingPeriodKey(settings.reportingPeriod);
  if (latestKey === null) {
    for (const row of grid.rowNumbers) {
      if (row <= header.row) continue;
      for (const p of header.periods) if (numberOf(grid.shown(row, p.col)?.value) !== null) latestKey = Math.max(latestKey ?? 0, p.period!.key);
    }
  }
  const target = chooseTarget(header.targets, latestKey === null ? null : financialYearOf(latestKey));
  for (const row of grid.rowNumbers) {
    if (row <= header.row || isRepeatedHeader(grid, row, header)) continue;
    const periodCells = header.periods.map((p) => grid.shown(row, p.col));
    const filled = periodCells.filter((c) => c && cellText(c.value).trim()).length;
    const nonEmpty = grid.rowCells(row).filter((c) => cellText(c.value).trim()).length;
    // A theme heading inside the scorecard: one cell, no figures.
    if (!filled && nonEmpty <= 1) continue;
    const definition = readDefinition({
      sheet: sheet.name,
      row,
      grid,
      header,
      settings,
      target,
      periodKinds: header.periods.map((p) => p.period!.key % 10),
    });
    if (!definition) continue;
    definitions.push(definition);
    const factor = definition.definition.unit === 'percentage' ? percentFactor(periodCells) : 1;
    header.periods.forEach((p, i) => {
      const c = periodCells[i];
      const key = p.period!.key;
      const label = p.period!.label;
      const address = a1(row, p.col);
      cells.push({ row, col: p.col, kpiId: definition.definition.id, key, label, factor });
      const n = numberOf(c?.value);
      const text = c ? cellText(c.value).trim() : '';
      observations.push({
        layout: 'wide',
        observation: {
          kpiId: definition.definition.id,
          period: label,
          numerator: null,
          denominator: null,
          value: n === null ? null : n * factor,
          note: null,
          source: { sheet: sheet.name, row },
        },
        cells: { id: definition.cells.id ?? definition.cells.name, period: a1(header.row, p.col), value: address },
        key,
        idText: definition.definition.id,
        hasPeriod: n !== null,
        textValues: n === null && text ? [{ cell: address, text }] : NO_TEXT,
      });
    });
  }
  return { block: { kind: 'wide', sheet: sheet.name, headerRow: header.row, cells }, definitions, observations };
}

