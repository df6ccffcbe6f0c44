/**
 * Renders one seed's Board Summary to docs/board-summary.png, so people can see the result without Excel:
 * `npx tsx scripts/render-board-summary.ts`. Needs LibreOffice and pdftoppm (poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { convertWithLibreOffice } from '../tests/helpers/libreoffice';
import { onlySheet } from '../tests/helpers/print-sheet';

const ROOT = path.resolve(__dirname, '..');

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-'));
  const out = path.join(dir, 'pack.xlsx');
  const args = ['run', path.join(ROOT, 'seeds/sefton-peer-review-action-plan.xlsx'), '--out', out, '--today', '2023-02-15', '--plan-start', '2022-11-01', '--period', 'Q3 2022/23'];
  await main(args, fs.createWriteStream('/dev/null') as unknown as NodeJS.WriteStream);
  const only = path.join(dir, 'board-summary.xlsx');
  await onlySheet(out, 'Board Summary', only);
  const [pdf] = convertWithLibreOffice([only], 'pdf', dir);
  const png = spawnSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ROOT, 'docs', 'board-summary')]);
  if (png.status !== 0) throw new Error(String(png.stderr));
  console.log('docs/board-summary.png written');
  fs.rmSync(dir, { recursive: true, force: true });
})();
