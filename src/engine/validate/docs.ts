/**
 * docs/RULES.md, generated from the rule catalogue so the documentation cannot drift from the checks.
 * Regenerate with `npx tsx scripts/generate-rules-doc.ts`; tests/validate-docs.test.ts fails when it is stale.
 */
import { KPI_RULES } from '../kpi/findings';
import { SETTINGS_SHEET } from '../settings';
import { Rule, RULES } from './catalogue';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function severityText(rule: Rule): string {
  return rule.severityNote ? `${rule.defaultSeverity} (${rule.severityNote})` : rule.defaultSeverity;
}

export function rulesMarkdown(): string {
  const lines: string[] = [];
  lines.push('# Validation rules');
  lines.push('');
  lines.push('<!-- Generated from src/engine/validate/catalogue.ts by `npx tsx scripts/generate-rules-doc.ts`. Do not edit by hand. -->');
  lines.push('');
  lines.push(
    'PlanAssure checks a plan in its own layout and reports each problem as a finding: the rule, a severity, the sheet, ' +
      'the cell to change (an A1 address in your sheet, not in the canonical Plan table), a message that names the action ' +
      'by its ref (or its row) and a suggested fix. Findings are listed errors first, then warnings, then notes (info), ' +
      'and within each by sheet, row and column.',
  );
  lines.push('');
  lines.push('- **error**: the plan cannot be read or reported correctly until this is fixed.');
  lines.push('- **warning**: the plan can be read, but a board would question it.');
  lines.push('- **info** (shown as “notes”): worth knowing; nothing is wrong as such.');
  lines.push('');
  lines.push('## Changing a rule’s severity or turning it off');
  lines.push('');
  lines.push(
    `Add a row to the “${SETTINGS_SHEET}” sheet (two columns: Setting, Value) whose Setting is \`Rule: <rule-id>\` and ` +
      'whose Value is `error`, `warning`, `info` or `off`. `off` skips the rule; any other value replaces the rule’s ' +
      'severity for every finding it makes. Capitals do not matter. For example:',
  );
  lines.push('');
  lines.push('| Setting | Value |');
  lines.push('| --- | --- |');
  lines.push('| Rule: smart-incomplete | off |');
  lines.push('| Rule: missing-lead | error |');
  lines.push('');
  lines.push('## Summary');
  lines.push('');
  lines.push('| Rule id | Default severity | Title |');
  lines.push('| --- | --- | --- |');
  for (const rule of RULES) lines.push(`| \`${rule.id}\` | ${cell(severityText(rule))} | ${cell(rule.title)} |`);
  lines.push('');
  lines.push('## Rules');
  for (const rule of RULES) {
    lines.push('');
    lines.push(`### \`${rule.id}\`: ${rule.title}`);
    lines.push('');
    lines.push(`- **Default severity:** ${severityText(rule)}`);
    lines.push(`- **What it checks:** ${rule.checks}`);
    lines.push(`- **Example message:** ${rule.example.message}`);
    lines.push(`- **Example fix:** ${rule.example.fix}`);
    lines.push(`- **Turn off or change:** a “${SETTINGS_SHEET}” row \`Rule: ${rule.id}\` with Value \`off\`, \`error\`, \`warning\` or \`info\`.`);
  }
  lines.push('');
  lines.push('## KPI checks');
  lines.push('');
  lines.push(
    'Made while reading the KPI register and KPI data (src/engine/kpi/findings.ts), with the same finding shape, and ' +
      `changed or turned off the same way (a “${SETTINGS_SHEET}” row \`Rule: <rule-id>\`).`,
  );
  lines.push('');
  lines.push('| Rule id | Default severity | Title |');
  lines.push('| --- | --- | --- |');
  for (const [id, rule] of Object.entries(KPI_RULES)) lines.push(`| \`${id}\` | ${rule.severity} | ${cell(rule.title)} |`);
  lines.push('');
  return lines.join('\n');
}
