/** Each seed workbook opens in a real spreadsheet application: LibreOffice headless converts it to PDF. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSeedPlans, SEED_DIR } from '../scripts/seed-data';
import { convertWithLibreOffice, pdfPages } from './helpers/libreoffice';
import { requireTool } from './helpers/tools';

const hasLibreOffice = requireTool('soffice');
const plans = loadSeedPlans();

(hasLibreOffice ? test : test.skip)('every seed workbook converts to a PDF with LibreOffice headless', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-pdf-'));
  const files = plans.map((p) => path.join(SEED_DIR, p.file));
  const pdfs = convertWithLibreOffice(files, 'pdf', outDir);
  for (const pdf of pdfs) {
    expect(fs.existsSync(pdf)).toBe(true);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBeGreaterThan(0);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
});
