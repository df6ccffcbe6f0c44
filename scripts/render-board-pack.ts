/**
 * Makes the board-pack pictures in docs/ from the same render the tests check (tests/board-pack-render.test.ts):
 * the seed plans through the compiled command, the board sheets printed by LibreOffice, one page of a section each
 * turned into a PNG. `npm run render:docs` (after `npm run build:cli`). Needs LibreOffice and poppler-utils.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pdfPagesText, renderBoardPacks, renderCases } from '../tests/helpers/board-render';

const ROOT = path.resolve(__dirname, '..');

/** Each picture: the seed, the section whose first page it shows, and the file in docs/. */
const PICTURES = [
  { seed: 'sefton-peer-review-action-plan', section: 'Board Summary', png: 'board-summary' },
  { seed: 'example-canonical-plan', section: 'Cover', png: 'board-pack-cover' },
  { seed: 'example-canonical-plan', section: 'Exceptions', png: 'board-pack-exceptions' },
  { seed: 'example-canonical-plan', section: 'KPI Scorecard', png: 'board-pack-kpi-scorecard' },
];

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-docs-'));
  try {
    const seeds = new Set(PICTURES.map((p) => p.seed));
    const rendered = await renderBoardPacks(renderCases().filter((c) => seeds.has(c.id)), dir);
    for (const picture of PICTURES) {
      const { pdf } = rendered.get(picture.seed)!;
      // The cover is the first page and starts with the plan's title; every other page starts with its section's.
      const page = picture.section === 'Cover' ? 1 : pdfPagesText(pdf).findIndex((p) => p.text.trim().split('\n')[0].trim() === picture.section) + 1;
      if (!page) {
        console.warn(`${picture.seed} has no ${picture.section} page: docs/${picture.png}.png left as it was`);
        continue;
      }
      const png = spawnSync('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(ROOT, 'docs', picture.png)]);
      if (png.status !== 0) throw new Error(String(png.stderr));
      console.log(`docs/${picture.png}.png written (${picture.seed}, ${picture.section})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
