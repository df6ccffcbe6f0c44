/** docs/SCHEMA.md is generated from the schema; it must match what the schema says today. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaMarkdown } from '../src/engine/docs/schema-doc';
import { PLAN_COLUMNS, QUALITY_STATEMENTS, STATUSES } from '../src/engine/schema';

test('docs/SCHEMA.md is up to date with src/engine/schema.ts (run `npm run docs` if not)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'SCHEMA.md'), 'utf8');
  expect(committed).toBe(schemaMarkdown());
});

test('the generated page names every Plan column, status and quality statement', () => {
  const md = schemaMarkdown();
  for (const c of PLAN_COLUMNS) expect(md).toContain(`| ${c.header} |`);
  for (const s of STATUSES) expect(md).toContain(`| ${s} |`);
  for (const q of QUALITY_STATEMENTS) expect(md).toContain(`| ${q} |`);
});
