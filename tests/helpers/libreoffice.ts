/** Runs the real spreadsheet application, LibreOffice headless, to open, recalculate and render workbooks. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ALWAYS_RECALCULATE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  ['OOXMLRecalcMode', 'ODFRecalcMode'].map((mode) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${mode}" oor:op="fuse"><value>0</value></prop></item>`).join('') +
  '</oor:items>\n';

/**
 * Converts workbooks with `soffice --headless --convert-to <format>`, in one run of LibreOffice, with a throwaway
 * user profile so that parallel test files cannot lock each other out. Returns the converted files' paths.
 */
export function convertWithLibreOffice(files: string[], format: 'pdf' | 'xlsx', outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  // Recalculate every formula on opening, always: by default LibreOffice shows the results stored in the file, and a
  // test comparing those with the engine's would compare the engine with itself.
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  try {
    const run = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr || run.stdout}`);
    return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`));
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Page count and first page size (in points) of a PDF, from poppler's pdfinfo when present. */
export function pdfPages(file: string): number {
  const data = fs.readFileSync(file, 'latin1');
  return (data.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
