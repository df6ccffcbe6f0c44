/** docs/RULES.md is generated from the rule catalogue; it must match what the catalogue says today. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../src/engine/validate';
import { rulesMarkdown } from '../src/engine/validate/docs';

test('docs/RULES.md is up to date with the rule catalogue (run `npx tsx scripts/generate-rules-doc.ts` if not)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'RULES.md'), 'utf8');
  expect(committed).toBe(rulesMarkdown());
});

test('the page documents every rule: id, default severity, what it checks, an example fix and how to change it', () => {
  const md = rulesMarkdown();
  for (const rule of RULES) {
    expect(md).toContain(`### \`${rule.id}\``);
    expect(md).toContain(`| \`${rule.id}\` | ${rule.defaultSeverity}`);
    expect(md).toContain(rule.example.fix);
    expect(md).toContain(`\`Rule: ${rule.id}\``);
  }
  expect(md).toContain('Plan Settings');
});
