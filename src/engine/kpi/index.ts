/**
 * KPIs: reading registers, data sheets and wide scorecards (read.ts), the calculations (compute.ts), data-quality
 * findings (findings.ts), the live KPI register sheet (register-sheet.ts) and links from actions to KPIs
 * (ascof-links.ts). Pure: the workbook model and settings come in as data.
 */
import { Finding, PlanSettings } from '../schema';
import { SheetModel } from '../workbook';
import { computeKpis, KpiComputation } from './compute';
import { kpiFindings } from './findings';
import { KpiReading, ReadKpiOptions, readKpis } from './read';
import { settlePolarities } from './saved-polarity';
import { unreadScorecardFindings } from './scorecard-shape';

export * from './compute';
export * from './period';
export * from './period-words';
export { KPI_RULES, kpiFindings } from './findings';
export type { KpiRuleId } from './findings';
export { readKpis, idMatchKey, parsePolarity, parseUnit, parseTolerance, codeCitations, frameworkSuggestion, nameWithoutCode } from './read';
export type { ReadKpiOptions, KpiReading, KpiDefinitionSource, KpiObservationSource, DataBlock, LongBlock, WideBlock, KpiSheetLayout } from './read';
export { kpiRegisterSheets, readKpisForPlan, expectedRegisterValues, KPI_REGISTER_SHEET_NAME, KPI_CALC_SHEET_NAME, KPI_REGISTER_HEADERS } from './register-sheet';
export type { KpiSheetNames, KpiRegisterHeader } from './register-sheet';
export type { KpiColumnOverrides, KpiField } from './headers';
export { settlePolarities, isSavedPolarityFor, parsePolarityOption, polarityWord, readSavedPolarity, savedPolarityRow } from './saved-polarity';
export { polarityUnsure } from './polarity-findings';
export { scorecardShape } from './scorecard-shape';
export type { ScorecardShape } from './scorecard-shape';
export { linkActionsToKpis, actionKpiRags } from './ascof-links';
export type { ActionKpiLink, LinkedKpi } from './ascof-links';

export interface KpiWorkbookReading {
  reading: KpiReading;
  computation: KpiComputation;
  findings: Finding[];
}

/** Reads, computes and checks every KPI sheet in `sheets` (minus `skipSheets`). */
export function readKpiWorkbook(
  sheets: readonly SheetModel[],
  settings: PlanSettings,
  skipSheets: ReadonlySet<string>,
  mapping: Pick<ReadKpiOptions, 'columnOverrides' | 'headerRowOverrides'> = {},
): KpiWorkbookReading {
  const reading = readKpis(sheets, { settings, skipSheets, ...mapping });
  settlePolarities(reading, settings.kpiPolarities);
  const read = new Set(reading.layouts.map((l) => l.sheet));
  const unread = unreadScorecardFindings(sheets.filter((s) => !skipSheets.has(s.name) && !read.has(s.name)));
  const computation = computeKpis(
    reading.definitions.map((d) => d.definition),
    reading.observations.map((o) => o.observation),
    settings,
  );
  return { reading, computation, findings: kpiFindings(reading, computation, settings, unread) };
}
