/** One KPI's definition from its row in a register or a wide scorecard, and the register's rows. */
import { findFrameworkCodes } from '../../ascof';
import { KpiDefinition, KpiUnit, PlanSettings, Polarity } from '../../schema';
import { a1, cellText, SheetGrid, SheetModel } from '../../workbook';
import { KpiColumn, KpiHeader } from '../headers';
import { cellOf, isRepeatedHeader, textOf } from './cells';
import { codeCitations, frameworkSuggestion, idTextOf, nameWithoutCode } from './ids';
import { numberOf, parseTargetNumber, parseTolerance } from './numbers';
import { KpiDefinitionSource } from './types';
import { parseFrequency, parsePolarity, parseUnit, polarityFromName, unitFromName } from './wording';

export interface DefinitionInput {
  sheet: string;
  row: number;
  grid: SheetGrid;
  header: KpiHeader;
  settings: PlanSettings;
  /** The target column to use (wide scorecards with one per year). */
  target: KpiColumn | undefined;
  /** Period kinds seen in the KPI's data on this sheet, to infer the frequency. */
  periodKinds?: number[];
}

export function readDefinition(input: DefinitionInput): KpiDefinitionSource | null {
  const { sheet, row, grid, header } = input;
  const f = header.byField;
  const id = idTextOf(cellOf(grid, row, f.id)?.value);
  const nameRaw = textOf(grid, row, f.name);
  if (!id && !nameRaw) return null;
  const codeText = textOf(grid, row, f.code);
  let citations = codeText ? codeCitations(codeText) : [];
  let citedIn: KpiDefinitionSource['citedIn'] = codeText ? 'code' : null;
  let code: string | null = codeText || null;
  if (!codeText && nameRaw) {
    const inName = findFrameworkCodes(nameRaw);
    if (inName.length) {
      citations = inName;
      citedIn = 'name';
      code = inName.map((c) => `ASCOF ${c.raw}`).join(', ');
    } else {
      const unknown = codeCitations(/\bASCOF\b/i.test(nameRaw) ? (/\bASCOF\b[^)\],;]*/i.exec(nameRaw)?.[0] ?? '') : '');
      if (unknown.length) {
        citations = unknown;
        citedIn = 'name';
        code = `ASCOF ${unknown[0].raw}`;
      }
    }
  }
  const name = citedIn === 'name' ? nameWithoutCode(nameRaw) || nameRaw : nameRaw;
  const suggestion = frameworkSuggestion(citations);

  const unitCell = parseUnit(textOf(grid, row, f.unit));
  let unit: KpiUnit;
  let unitFrom: KpiDefinitionSource['unitFrom'];
  if (unitCell) [unit, unitFrom] = [unitCell, 'cell'];
  else if (suggestion) [unit, unitFrom] = [suggestion.unit, 'framework'];
  else if (unitFromName(nameRaw)) [unit, unitFrom] = [unitFromName(nameRaw)!, 'name'];
  else [unit, unitFrom] = ['number', 'default'];

  const polarityCell = parsePolarity(textOf(grid, row, f.polarity));
  let polarity: Polarity;
  let polarityFrom: KpiDefinitionSource['polarityFrom'];
  if (polarityCell) [polarity, polarityFrom] = [polarityCell, 'cell'];
  else if (suggestion) [polarity, polarityFrom] = [suggestion.polarity, 'framework'];
  else if (polarityFromName(nameRaw)) [polarity, polarityFrom] = [polarityFromName(nameRaw)!, 'name'];
  else [polarity, polarityFrom] = ['higher', 'default'];

  let frequency = parseFrequency(textOf(grid, row, f.frequency));
  if (!frequency && input.periodKinds?.length) {
    const kinds = new Set(input.periodKinds);
    if (kinds.size === 1) frequency = kinds.has(1) ? 'monthly' : kinds.has(2) ? 'quarterly' : 'annual';
  }

  const targetCellModel = cellOf(grid, row, input.target);
  const target = parseTargetNumber(targetCellModel, unit);
  const baseline = parseTargetNumber(cellOf(grid, row, f.baseline), unit).value;
  const toleranceModel = cellOf(grid, row, f.tolerance);
  const tolerance = parseTolerance(toleranceModel?.value, !!f.tolerance?.absolute);
  const address = (column: KpiColumn | undefined) => (column ? a1(row, column.col) : undefined);

  const definition: KpiDefinition = {
    id: id || code || `${sheet} row ${row}`,
    name: name || id,
    code,
    unit,
    polarity,
    frequency,
    baseline,
    target: target.value,
    tolerance,
    lead: textOf(grid, row, f.lead) || null,
    source: { sheet, row },
  };
  return {
    definition,
    cells: {
      id: address(f.id),
      name: address(f.name),
      code: citedIn === 'name' ? address(f.name) : address(f.code),
      unit: address(f.unit),
      polarity: address(f.polarity),
      target: address(input.target),
      tolerance: address(f.tolerance),
    },
    // Live references: a number, or an empty cell the officer may fill in later (text is read once, as written).
    targetCell: input.target && (target.live || !cellText(targetCellModel?.value).trim()) ? a1(row, input.target.col) : null,
    targetFactor: target.factor,
    toleranceCell:
      f.tolerance && ((numberOf(toleranceModel?.value) ?? -1) >= 0 || !cellText(toleranceModel?.value).trim())
        ? { cell: a1(row, f.tolerance.col), absolute: !!f.tolerance.absolute }
        : null,
    unitFrom,
    polarityFrom,
    citations,
    citedIn,
  };
}

export function readRegister(sheet: SheetModel, grid: SheetGrid, header: KpiHeader, settings: PlanSettings): KpiDefinitionSource[] {
  const out: KpiDefinitionSource[] = [];
  for (const row of grid.rowNumbers) {
    if (row <= header.row || isRepeatedHeader(grid, row, header)) continue;
    const d = readDefinition({ sheet: sheet.name, row, grid, header, settings, target: chooseTarget(header.targets, null) });
    if (d) out.push(d);
  }
  return out;
}

/** The target column for the reporting year: its own year's column, else one with no year, else the latest year's. */
export function chooseTarget(targets: KpiColumn[], financialYear: number | null): KpiColumn | undefined {
  if (!targets.length) return undefined;
  if (financialYear !== null) {
    const same = targets.find((t) => t.year === financialYear);
    if (same) return same;
  }
  const plain = targets.find((t) => !t.year);
  if (plain) return plain;
  return [...targets].sort((x, y) => (y.year ?? 0) - (x.year ?? 0))[0];
}
