/** Writes docs/RULES.md from the rule catalogue: `npx tsx scripts/generate-rules-doc.ts`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesMarkdown } from '../src/engine/validate/docs';

const docs = path.resolve(__dirname, '..', 'docs');
fs.mkdirSync(docs, { recursive: true });
fs.writeFileSync(path.join(docs, 'RULES.md'), rulesMarkdown());
console.log('docs/RULES.md written');
