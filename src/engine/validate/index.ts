/** Validation: the rule catalogue run over a structured plan. (Placeholder until the catalogue lands.) */
import { Finding } from '../schema';
import { StructureResult } from '../structure';

export interface ValidateOptions {
  today: string;
}

export function validatePlan(_result: StructureResult, _options: ValidateOptions): Finding[] {
  return [];
}
