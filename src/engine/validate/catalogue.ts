/**
 * The rule catalogue: every check PlanAssure runs on a structured plan, in the order docs/RULES.md (generated from
 * this list) gives them. The rules themselves live in rules/*.ts, by what they look at.
 *
 * Every finding points at a cell in the SOURCE sheet (the officer's own layout): the cell the officer has to change,
 * or, where something is missing, the empty cell where it belongs.
 */
import { Rule } from './rule-shape';
import { ascofCodeWords } from './rules/ascof-words';
import { formulaError, smartIncomplete, themeNotInFramework, unknownFrameworkCode } from './rules/content';
import { missingDueDate, overdue, unparseableTimescale } from './rules/dates';
import { crossReferenceNotFound, duplicateRef, missingRef } from './rules/refs';
import { completeWithoutEvidence, completionContradictsStatus, invalidRag, invalidStatus, ragInconsistent } from './rules/status';
import { headerReadsAsAction, missingAction, missingColumn, missingLead, noActions, noPlanTable } from './rules/table';

export { RULE_IDS } from './rule-shape';
export type { RawFinding, Rule, RuleId } from './rule-shape';
export { buildContext } from './context';
export type { SheetInfo, ValidationContext } from './context';
export { actionLabel, crossReference } from './helpers';

/** Every rule, in the order docs/RULES.md lists them. */
export const RULES: readonly Rule[] = [
  noPlanTable,
  noActions,
  missingColumn,
  headerReadsAsAction,
  missingAction,
  missingLead,
  duplicateRef,
  missingRef,
  invalidStatus,
  invalidRag,
  unparseableTimescale,
  missingDueDate,
  overdue,
  ragInconsistent,
  completeWithoutEvidence,
  completionContradictsStatus,
  formulaError,
  smartIncomplete,
  unknownFrameworkCode,
  ascofCodeWords,
  themeNotInFramework,
  crossReferenceNotFound,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
