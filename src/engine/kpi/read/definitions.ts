/** One KPI's definition from its row in a register or a wide scorecard, and the register's rows. */
import { findFrameworkCodes, FrameworkCodeCitation } from '../../ascof';
import { KpiDefinition, KpiUnit, PlanSettings, Polarity, PolarityEvidence } from '../../schema';
import { a1, cellText, SheetGrid, SheetModel } from '../../workbook';
import { KpiColumn, KpiHeader } from '../headers';
import { cellOf, isRepeatedHeader, textOf } from './cells';
import { codeCitations, entryByName, frameworkSuggestion, idTextOf, nameWithoutCode, splitIdFromName } from './ids';
import { numberOf, parseTolerance } from './numbers';
import { parseTargetNumber, readTypedNumber } from './typed-numbers';
import { KpiDefinitionSource } from './types';
import {
  parseFrequency,
  parsePolarity,
  parseStatedDirection,
  parseStatedRag,
  parseUnit,
  polarityFromName,
  polarityFromTargetText,
  statedPolarity,
  unitFromName,
} from './wording';

/** What a scorecard row's own figures say about its unit. */
export interface FigureHints {
  /** Most figures are fractions shown with a percentage format, or typed with "%". */
  percent: boolean;
  /** Unit words typed after the figures ("days", "per 100,000"), '' when none. */
  unitWords: string;
  /** The largest figure, as read (null when there is none). */
  largest: number | null;
}

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
  /** What the row's figures say (wide scorecards). */
  figures?: FigureHints;
}

/** The row's id: its own column, else the start of the name cell ("2B: …", "NI 130 - …"). */
function idAndName(input: DefinitionInput): { id: string; idCell: string | undefined; nameRaw: string; idInName: boolean } {
  const { row, grid, header } = input;
  const f = header.byField;
  const id = idTextOf(cellOf(grid, row, f.id)?.value);
  const nameRaw = textOf(grid, row, f.name);
  if (id || !nameRaw) return { id, idCell: f.id ? a1(row, f.id.col) : undefined, nameRaw, idInName: false };
  const split = splitIdFromName(nameRaw);
  if (!split) return { id, idCell: undefined, nameRaw, idInName: false };
  return { id: split.id, idCell: f.name ? a1(row, f.name.col) : undefined, nameRaw: split.name, idInName: true };
}

/** Framework citations in the code cell, else the id, else the name. */
function citationsOf(codeText: string, id: string, nameRaw: string): { citations: FrameworkCodeCitation[]; citedIn: KpiDefinitionSource['citedIn']; code: string | null } {
  if (codeText) return { citations: codeCitations(codeText), citedIn: 'code', code: codeText };
  const inName = findFrameworkCodes(nameRaw);
  if (inName.length) return { citations: inName, citedIn: 'name', code: inName.map((c) => `ASCOF ${c.raw}`).join(', ') };
  const unknown = codeCitations(/\bASCOF\b/i.test(nameRaw) ? (/\bASCOF\b[^)\],;]*/i.exec(nameRaw)?.[0] ?? '') : '');
  if (unknown.length) return { citations: unknown, citedIn: 'name', code: `ASCOF ${unknown[0].raw}` };
  // An id that is a framework code ("ASCOF 2A", "2A(1)", "1C(2a)"): a bare one counts only if the KPI's words agree.
  const fromId = id ? codeCitations(id).filter((c) => c.matches.length) : [];
  if (fromId.length && (/ascof/i.test(id) || entryByName(fromId, nameRaw))) return { citations: fromId, citedIn: 'id', code: /ascof/i.test(id) ? id : `ASCOF ${fromId[0].code}` };
  return { citations: [], citedIn: null, code: null };
}

function unitFromHints(hints: FigureHints | undefined): KpiUnit | null {
  if (!hints) return null;
  if (hints.percent) return 'percentage';
  return hints.unitWords ? parseUnit(hints.unitWords) : null;
}

export function readDefinition(input: DefinitionInput): KpiDefinitionSource | null {
  const { sheet, row, grid, header } = input;
  const f = header.byField;
  const { id, idCell, nameRaw, idInName } = idAndName(input);
  if (!id && !nameRaw) return null;
  const { citations, citedIn, code } = citationsOf(textOf(grid, row, f.code), id, nameRaw);
  const name = citedIn === 'name' ? nameWithoutCode(nameRaw) || nameRaw : nameRaw;
  // The KPI's own words choose between the numberings; otherwise the current framework's exact entry.
  const suggestion = entryByName(citations, nameRaw) ?? frameworkSuggestion(citations);

  const unitCell = parseUnit(textOf(grid, row, f.unit));
  const unitShown = unitFromHints(input.figures);
  let unit: KpiUnit;
  let unitFrom: KpiDefinitionSource['unitFrom'];
  if (unitCell) [unit, unitFrom] = [unitCell, 'cell'];
  else if (unitShown) [unit, unitFrom] = [unitShown, 'format'];
  else if (suggestion) [unit, unitFrom] = [suggestion.unit, 'framework'];
  else if (unitFromName(nameRaw)) [unit, unitFrom] = [unitFromName(nameRaw)!, 'name'];
  else [unit, unitFrom] = ['number', 'default'];

  const targetCellModel = cellOf(grid, row, input.target);
  const percentPoints = (input.figures?.largest ?? 0) > 1.5;
  const target = parseTargetNumber(targetCellModel, unit, percentPoints);
  const baseline = parseTargetNumber(cellOf(grid, row, f.baseline), unit, percentPoints).value;

  const polarityText = textOf(grid, row, f.polarity);
  const stated = parsePolarity(polarityText) ?? statedPolarity(`${nameRaw} ${textOf(grid, row, f.note)}`) ?? polarityFromTargetText(cellText(targetCellModel?.value));
  const byWords = polarityFromName(nameRaw);
  let polarity: Polarity;
  let polarityFrom: KpiDefinitionSource['polarityFrom'];
  if (stated) [polarity, polarityFrom] = [stated, 'cell'];
  else if (suggestion) [polarity, polarityFrom] = [suggestion.polarity, 'framework'];
  else if (byWords) [polarity, polarityFrom] = [byWords, 'name'];
  else if (target.value !== null && baseline !== null && target.value !== baseline) [polarity, polarityFrom] = [target.value > baseline ? 'higher' : 'lower', 'target'];
  else [polarity, polarityFrom] = ['higher', 'default'];

  let frequency = parseFrequency(textOf(grid, row, f.frequency));
  if (!frequency && input.periodKinds?.length) {
    const kinds = new Set(input.periodKinds);
    if (kinds.size === 1) frequency = kinds.has(1) ? 'monthly' : kinds.has(2) ? 'quarterly' : 'annual';
  }

  const toleranceModel = cellOf(grid, row, f.tolerance);
  const tolerance = parseTolerance(toleranceModel?.value, !!f.tolerance?.absolute);
  const address = (column: KpiColumn | undefined) => (column ? a1(row, column.col) : undefined);

  const definition: KpiDefinition = {
    id: id || code || `${sheet} row ${row}`,
    name: name || id,
    code,
    unit,
    polarity,
    polarityEvidence: POLARITY_EVIDENCE_OF[polarityFrom],
    frequency,
    baseline,
    target: target.value,
    tolerance,
    lead: textOf(grid, row, f.lead) || null,
    source: { sheet, row },
  };
  const ragText = textOf(grid, row, f.rag);
  const directionText = textOf(grid, row, f.direction);
  if (f.rag) definition.statedRag = parseStatedRag(ragText);
  if (f.direction) definition.statedDirection = parseStatedDirection(directionText, polarity);
  const unreadable: NonNullable<KpiDefinitionSource['unreadable']> = [];
  for (const [field, column, value] of [['target', input.target, target.value], ['baseline', f.baseline, baseline]] as const) {
    const cell = cellOf(grid, row, column);
    if (!column || value !== null || cell?.value.type !== 'text' || !cell.value.value.trim()) continue;
    if (readTypedNumber(cell.value.value.trim()).kind !== 'missing') unreadable.push({ field, cell: a1(row, column.col), text: cell.value.value.trim() });
  }
  return {
    ...(unreadable.length ? { unreadable } : {}),
    definition,
    cells: {
      id: idCell,
      name: address(f.name),
      code: citedIn === 'name' ? address(f.name) : citedIn === 'id' ? idCell : address(f.code),
      unit: address(f.unit),
      polarity: address(f.polarity),
      target: address(input.target),
      tolerance: address(f.tolerance),
      rag: address(f.rag),
      direction: address(f.direction),
    },
    idInName,
    stated: { rag: f.rag ? ragText : null, direction: f.direction ? directionText : null },
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

const POLARITY_EVIDENCE_OF: Record<KpiDefinitionSource['polarityFrom'], PolarityEvidence> = {
  cell: 'stated',
  framework: 'framework',
  name: 'words',
  target: 'target',
  default: 'unsure',
};

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
