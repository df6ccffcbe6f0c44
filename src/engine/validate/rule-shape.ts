/**
 * The shape of a validation rule: a stable id (used in the "Plan Settings" sheet and in docs/RULES.md), a default
 * severity, a title, a description of what it checks, and builders for its message and suggested fix.
 */
import { Severity } from '../schema';
import { KeptTexts } from '../kept-texts';
import { flat } from '../text';
import type { ValidationContext } from './context';

export const RULE_IDS = [
  'no-plan-table',
  'no-actions',
  'missing-column',
  'header-reads-as-action',
  'missing-action',
  'missing-lead',
  'duplicate-ref',
  'missing-ref',
  'invalid-status',
  'invalid-rag',
  'unparseable-timescale',
  'missing-due-date',
  'overdue',
  'rag-inconsistent',
  'complete-without-evidence',
  'completion-contradicts-status',
  'formula-error',
  'smart-incomplete',
  'unknown-framework-code',
  'ascof-code-names-other-measure',
  'theme-not-in-framework',
  'cross-reference-not-found',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** A finding before plan settings change its severity. */
export interface RawFinding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
  fix: string;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  /** Where the default differs by case (missing-column: error for the action column). */
  severityNote?: string;
  title: string;
  /** What the rule checks, in a sentence or two (for docs/RULES.md). */
  checks: string;
  /** A worked example of the message and fix. */
  example: { message: string; fix: string };
  run(context: ValidationContext): RawFinding[];
}

export interface Hit<P> {
  sheet: string;
  cell: string;
  params: P;
  severity?: Severity;
}

export interface RuleSpec<P> {
  id: RuleId;
  defaultSeverity: Severity;
  severityNote?: string;
  title: string;
  checks: string;
  message(params: P): string;
  fix(params: P): string;
  example: P;
  find(context: ValidationContext): Iterable<Hit<P>>;
}

/**
 * Every finding is made here, in one place. A finding lasts to the end of the run, and V8 learns that of the place an
 * object is made, then makes later ones straight among the long-lived objects rather than copying each out of the
 * young generation. Made in each rule's own loop (a function of its own for each rule), each rule's findings were
 * learned about afresh: about 60% of a 50,000-action plan's 35,700 findings were made young, then copied twice.
 */
function newFinding(rule: RuleId, severity: Severity, sheet: string, cell: string, message: string, fix: string): RawFinding {
  return { rule, severity, sheet, cell, message, fix };
}

export function defineRule<P>(spec: RuleSpec<P>): Rule {
  return {
    id: spec.id,
    defaultSeverity: spec.defaultSeverity,
    severityNote: spec.severityNote,
    title: spec.title,
    checks: spec.checks,
    example: { message: spec.message(spec.example), fix: spec.fix(spec.example) },
    run: (context) => {
      const findings: RawFinding[] = [];
      // A finding lives to the end of the run: its message is kept as a slice of a block of messages (see
      // KeptTexts), and its fix, laid out flat (see `flat`), is the last finding's own string when it says the same
      // words, as it most often does: 28,000 findings of one rule at 50,000 actions each kept a copy of one sentence.
      const messages = new KeptTexts<RawFinding>(
        (f) => f.message,
        (f, text) => (f.message = text),
      );
      let lastFix: string | null = null;
      for (const hit of spec.find(context)) {
        const fix = spec.fix(hit.params);
        const finding = newFinding(spec.id, hit.severity ?? spec.defaultSeverity, hit.sheet, hit.cell, spec.message(hit.params), fix === lastFix ? lastFix : (lastFix = flat(fix)));
        findings.push(finding);
        messages.add(finding);
      }
      messages.finish();
      return findings;
    },
  };
}
