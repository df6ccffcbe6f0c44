/**
 * The "Structure plan" command inside Excel, under its first name: see commands.ts (structurePlan), which also has
 * "Check plan" and "Build board pack". Kept for the callers and tests that use this name.
 */
import { CommandOptions, structurePlan, StructurePlanResult } from './commands';

export interface StructureInExcelOptions extends CommandOptions {
  /** YYYY-MM-DD: the engine never reads the clock. */
  today: string;
}

export type StructureInExcelResult = StructurePlanResult;

export function structureInExcel(context: Excel.RequestContext, options: StructureInExcelOptions): Promise<StructureInExcelResult> {
  return structurePlan(context, options);
}
