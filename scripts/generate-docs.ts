/** Writes the generated documentation: `npm run docs`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaMarkdown } from '../src/engine/docs/schema-doc';

const docs = path.resolve(__dirname, '..', 'docs');
fs.mkdirSync(docs, { recursive: true });
fs.writeFileSync(path.join(docs, 'SCHEMA.md'), schemaMarkdown());
console.log('docs/SCHEMA.md written');
