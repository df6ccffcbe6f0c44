/** A wide scorecard: one row per KPI, one column per period. */
import { PlanSettings } from '../../schema';
import { a1, CellModel, cellText, SheetGrid, SheetModel } from '../../workbook';
import { KpiHeader } from '../headers';
import { financialYearOf, reportingPeriodKey } from '../period';
import { isRepeatedHeader, percentFactor } from './cells';
import { chooseTarget, readDefinition } from './definitions';
import { FigureHints } from './definitions';
import { readFigure, readTypedNumber } from './typed-numbers';
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
      for (const p of header.periods) if (readFigure(grid.shown(row, p.col), 1).value !== null) latestKey = Math.max(latestKey ?? 0, p.period!.key);
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
      figures: figureHints(periodCells, header),
    });
    if (!definition) continue;
    definitions.push(definition);
    const factor = definition.definition.unit === 'percentage' ? percentageFactor(periodCells, definition.definition.target) : 1;
    header.periods.forEach((p, i) => {
      const c = periodCells[i];
      const key = p.period!.key;
      const label = p.period!.label;
      const address = a1(row, p.col);
      const figure = readFigure(c, factor);
      cells.push({ row, col: p.col, kpiId: definition.definition.id, key, label, factor, ...(figure.typed && figure.value !== null ? { typed: figure.value } : {}) });
      const text = c ? cellText(c.value).trim() : '';
      const provisional = !!p.period!.provisional || figure.provisional;
      observations.push({
        layout: 'wide',
        observation: {
          kpiId: definition.definition.id,
          period: label,
          numerator: null,
          denominator: null,
          value: figure.value,
          note: figure.missing,
          source: { sheet: sheet.name, row },
        },
        cells: { id: definition.cells.id ?? definition.cells.name, period: a1(header.row, p.col), value: address },
        key,
        idText: definition.definition.id,
        hasPeriod: figure.value !== null,
        textValues: figure.missing ? [{ cell: address, text, missing: figure.missing }] : figure.unreadable ? [{ cell: address, text }] : NO_TEXT,
      });
      if (provisional) observations[observations.length - 1].observation.provisional = true;
    });
  }
  return { block: { kind: 'wide', sheet: sheet.name, headerRow: header.row, cells }, definitions, observations };
}


/** What a scorecard row's figures say about its unit: a percentage format or "%" on most, or unit words typed after them. */
function figureHints(cells: (CellModel | undefined)[], header: KpiHeader): FigureHints {
  let figures = 0;
  let percent = 0;
  let largest: number | null = null;
  const words = new Map<string, number>();
  for (const c of cells) {
    const f = readFigure(c, 1);
    if (f.value === null) continue;
    figures++;
    if (f.percent) percent++;
    // As the figure will be read: a fraction shown as a percentage counts ×100.
    largest = Math.max(largest ?? -Infinity, Math.abs(f.value) * (f.percent && !f.typed ? 100 : 1));
    const typed = c?.value.type === 'text' ? readTypedNumber(c.value.value) : null;
    if (typed?.kind === 'number' && typed.unitWords) words.set(typed.unitWords, (words.get(typed.unitWords) ?? 0) + 1);
  }
  // A "%" in every period header ("2024/25 %") says it for the whole row.
  const headed = header.periods.length > 0 && header.periods.every((p) => /%/.test(p.label));
  const unitWords = [...words].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { percent: headed || (figures > 0 && percent * 2 > figures), unitWords, largest };
}

/**
 * For a percentage KPI: 100 when its figures are fractions, shown with a percentage format (most of them), or all
 * at most 1 beside a target written as a percentage (0.74 against a target of 75): target and value in one unit.
 */
function percentageFactor(cells: (CellModel | undefined)[], target: number | null): number {
  const shown = percentFactor(cells);
  if (shown !== 1 || target === null || Math.abs(target) <= 1.5) return shown;
  const figures = cells.map((c) => numberOf(c?.value)).filter((n): n is number => n !== null);
  return figures.length && figures.every((n) => Math.abs(n) <= 1) ? 100 : 1;
}
