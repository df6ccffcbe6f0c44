/**
 * Hardening II: hostile and broken packages are refused within a 1 GB heap with one line naming the part and the
 * limit; packages missing a part every workbook has are refused before anything is written; macro workbooks stay
 * valid; an interrupted write leaves nothing behind; messages name the real cause; --csv neutralises formulas.
 *
 * Every hostile file is built here, and every case runs the shipped command (bin/plan-assure.js, the compiled
 * bundle) in a child process under `node --max-old-space-size=1024`, as an analyst's batch run would.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { generatePlan } from '../bench/generate';
import { writeModel } from './helpers/xlsx-files';
import { makeDeflatedZip, minimalWorkbookParts, repeatedPart } from './helpers/zip-files';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'plan-assure.js');
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-hardening-ii-'));
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  expect(build.status).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The shipped command under a 1 GB heap. */
function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', bin, ...args], { encoding: 'utf8', maxBuffer: 64 * MB, cwd: dir });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

/** Exit 2, one line on stderr naming the file, no crash, nothing written and no temporary file beside the output. */
function expectRefused(run: Run, input: string, out: string | null, says: RegExp): void {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toMatch(/heap out of memory|at .*\.js:\d+|Error:/);
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path.basename(input));
  expect(lines[0]).toMatch(says);
  if (out) {
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }
}

const planSheetXml = (rows: string[][]): string =>
  SHEET_HEAD +
  rows.map((cells, r) => `<row r="${r + 1}">${cells.map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`).join('') +
  SHEET_TAIL;

const PLAN_ROWS = [
  ['Ref', 'Action', 'Lead', 'Due date', 'Status'],
  ['1', 'Publish the carers strategy', 'Head of Commissioning', '31/03/2026', 'On track'],
  ['2', 'Recruit two more occupational therapists', 'Principal OT', '30/09/2025', 'At risk'],
];

describe('limits that bite before memory runs out', () => {
  test('a 400 MB cell bomb (a 2 MB file) is refused at once by the part limit, without a crash', () => {
    const row = '<row>' + '<c><v>1</v></c>'.repeat(1000) + '</row>';
    const input = write('cell-bomb.xlsx', makeDeflatedZip(minimalWorkbookParts(repeatedPart(SHEET_HEAD, row, SHEET_TAIL, 400 * MB))));
    expect(fs.statSync(input).size).toBeLessThan(4 * MB);
    const out = path.join(dir, 'cell-bomb-out.xlsx');
    expectRefused(cli(['run', input, '--out', out]), input, out, /xl\/worksheets\/sheet1\.xml inflates to more than 256 MB.*--max-part-mb/);
  });

  test('a run of a million characters with no markup (a whitespace bomb) is refused as it streams', () => {
    const input = write('whitespace.xlsx', makeDeflatedZip(minimalWorkbookParts(repeatedPart(SHEET_HEAD, '          ', SHEET_TAIL, 40 * MB))));
    expectRefused(cli(['validate', input]), input, null, /xl\/worksheets\/sheet1\.xml holds a run of more than 1,000,000 characters with no markup/);
  });

  test('a part that lies about its size is stopped while it inflates, at the part limit', () => {
    const row = '<row>' + '<c><v>1</v></c>'.repeat(100) + '</row>';
    const zip = makeDeflatedZip(minimalWorkbookParts(repeatedPart(SHEET_HEAD, row, SHEET_TAIL, 40 * MB)));
    // Rewrite the sheet's declared size (local header and central directory) to 1,000 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = zip.indexOf(name); at >= 0; at = zip.indexOf(name, at + 1)) {
      if (zip.readUInt32LE(at - 30) === 0x04034b50) zip.writeUInt32LE(1000, at - 30 + 22);
      if (zip.readUInt32LE(at - 46) === 0x02014b50) zip.writeUInt32LE(1000, at - 46 + 24);
    }
    const input = write('liar.xlsx', zip);
    expectRefused(cli(['validate', input, '--max-part-mb', '10']), input, null, /inflates to more than 10 MB.*--max-part-mb/);
  });

  test('too many cells are refused while the sheet is parsed, naming the cell limit', () => {
    const row = '<row>' + '<c><v>1</v></c>'.repeat(100) + '</row>';
    const input = write('many-cells.xlsx', makeDeflatedZip(minimalWorkbookParts(repeatedPart(SHEET_HEAD, row, SHEET_TAIL, 4 * MB))));
    expectRefused(cli(['validate', input, '--max-cells', '50000']), input, null, /past 50,000 cells.*--max-cells/);
  });

  test('a shared-string bomb is refused at the shared-string limit', () => {
    const sst = repeatedPart('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>a</t></si>', '</sst>', 2 * MB);
    const parts = minimalWorkbookParts(planSheetXml(PLAN_ROWS), { 'xl/sharedStrings.xml': sst });
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    );
    const input = write('strings-bomb.xlsx', makeDeflatedZip(parts));
    expectRefused(cli(['validate', input, '--max-shared-strings', '10000']), input, null, /sharedStrings\.xml holds more than 10,000 shared strings.*--max-shared-strings/);
  });

  test('the same limits let a plain plan through, and a bad limit value is a usage error', () => {
    const input = write('plain.xlsx', makeDeflatedZip(minimalWorkbookParts(planSheetXml(PLAN_ROWS))));
    const ok = cli(['structure', input, '--json', '--today', '2025-06-01']);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).actions.map((a: { action: string }) => a.action)).toEqual([PLAN_ROWS[1][1], PLAN_ROWS[2][1]]);
    const bad = cli(['validate', input, '--max-cells', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-cells takes a positive whole number \(got "lots"\)/);
  });
});

describe('the package is checked before anything is written', () => {
  const without = (missing: string) => {
    const parts = minimalWorkbookParts(planSheetXml(PLAN_ROWS));
    delete parts[missing];
    return makeDeflatedZip(parts);
  };
  test.each([
    ['[Content_Types].xml', /no \[Content_Types\]\.xml part/],
    ['_rels/.rels', /no _rels\/\.rels part/],
    ['xl/workbook.xml', /no workbook part \(xl\/workbook\.xml\)/],
    ['xl/_rels/workbook.xml.rels', /no xl\/_rels\/workbook\.xml\.rels part/],
  ])('a package without %s: exit 2 naming it, nothing written', (missing, says) => {
    const input = write(`no-${missing.replace(/\W+/g, '-')}.xlsx`, without(missing));
    const out = path.join(dir, `no-${missing.replace(/\W+/g, '-')}-out.xlsx`);
    expectRefused(cli(['run', input, '--out', out]), input, out, says);
  });

  test('a sheet pointing at a part the file does not have names that part', () => {
    const parts = minimalWorkbookParts(planSheetXml(PLAN_ROWS));
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('worksheets/sheet1.xml', 'worksheets/sheet9.xml');
    const input = write('dangling.xlsx', makeDeflatedZip(parts));
    const out = path.join(dir, 'dangling-out.xlsx');
    expectRefused(cli(['run', input, '--out', out]), input, out, /sheet "Plan data" points at a part the file does not have \(xl\/worksheets\/sheet9\.xml\)/);
  });

  test('a sheet pointing outside the package names where it points', () => {
    const parts = minimalWorkbookParts(planSheetXml(PLAN_ROWS));
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace('worksheets/sheet1.xml', '../../etc/passwd');
    const input = write('outside.xlsx', makeDeflatedZip(parts));
    const run = cli(['validate', input]);
    expectRefused(run, input, null, /points outside the workbook \(\.\.\/etc\/passwd\)/);
    expect(run.stdout + run.stderr).not.toMatch(/root:/);
  });
});

describe('text encodings and inputs that are not files', () => {
  test('a worksheet part in UTF-16 (with a byte-order mark) is read', () => {
    const xml = planSheetXml(PLAN_ROWS).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const input = write('utf16.xlsx', makeDeflatedZip(minimalWorkbookParts(utf16)));
    const run = cli(['structure', input, '--json', '--today', '2025-06-01']);
    expect(run.stderr).toBe('');
    const actions = JSON.parse(run.stdout).actions;
    expect(actions.map((a: { lead: string }) => a.lead)).toEqual(['Head of Commissioning', 'Principal OT']);
  });

  test('a pipe given as input is refused as not a regular file, without waiting on it', () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) throw new Error('mkfifo is needed for this test (coreutils)');
    expectRefused(cli(['validate', fifo]), fifo, null, /is not a regular file/);
  });

  test('an output folder that cannot be made is said in words, without the temporary path', () => {
    const input = write('plain2.xlsx', makeDeflatedZip(minimalWorkbookParts(planSheetXml(PLAN_ROWS))));
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const run = cli(['structure', input, '--out', path.join(blocker, 'out.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/part of that path is a file, not a folder/);
    expect(run.stderr).not.toMatch(/\.tmp|ENOTDIR|EEXIST/);
  });
});

describe('macro workbooks stay valid', () => {
  const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  function macroWorkbook(): Buffer {
    const parts = minimalWorkbookParts(planSheetXml(PLAN_ROWS), { 'xl/vbaProject.bin': Buffer.from('not really VBA, but carried byte for byte') });
    parts['[Content_Types].xml'] = String(parts['[Content_Types].xml'])
      .replace(PLAIN_MAIN, MACRO_MAIN)
      .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
    parts['xl/_rels/workbook.xml.rels'] = String(parts['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    return makeDeflatedZip(parts);
  }
  async function mainContentType(file: string): Promise<string> {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    return /PartName="\/xl\/workbook\.xml" ContentType="([^"]+)"/.exec(types)![1];
  }

  test('an .xlsm with --out ….xlsx is refused with the reason, and nothing is written', () => {
    const input = write('macros.xlsm', macroWorkbook());
    const out = path.join(dir, 'macros-out.xlsx');
    expectRefused(cli(['run', input, '--out', out]), input, out, /holds macros.*Give --out a name ending \.xlsm \(for example macros-out\.xlsm\)/);
  });

  test('an .xlsm is written as .xlsm: macro content type and VBA project kept, as the extension says', async () => {
    const input = write('macros2.xlsm', macroWorkbook());
    const out = path.join(dir, 'macros2-out.xlsm');
    const run = cli(['run', input, '--out', out, '--today', '2025-06-01']);
    expect(run.status).toBeLessThan(2);
    expect(await mainContentType(out)).toBe(MACRO_MAIN);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(await zip.file('xl/vbaProject.bin')!.async('string')).toBe('not really VBA, but carried byte for byte');
  });

  test('a workbook without macros is refused under an .xlsm name, and written as .xlsx with the plain content type', async () => {
    const input = write('plain3.xlsx', makeDeflatedZip(minimalWorkbookParts(planSheetXml(PLAN_ROWS))));
    expectRefused(cli(['structure', input, '--out', path.join(dir, 'plain3-out.xlsm')]), input, path.join(dir, 'plain3-out.xlsm'), /has no macros.*ending \.xlsx/);
    const out = path.join(dir, 'plain3-out.xlsx');
    expect(cli(['structure', input, '--out', out]).status).toBeLessThan(2);
    expect(await mainContentType(out)).toBe(PLAIN_MAIN);
  });
});

describe('an interrupted run leaves nothing behind', () => {
  let big: string;
  beforeAll(async () => {
    big = path.join(dir, 'big.xlsx');
    await writeModel(generatePlan(50_000, 'sefton'), big);
  }, 300_000);

  const tempsIn = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  /** Starts a 50,000-action board pack into its own folder and sends `signal` once the write has begun. */
  async function interrupted(signal: NodeJS.Signals, name: string): Promise<{ folder: string; out: string; code: number | null; stderr: string }> {
    const folder = fs.mkdtempSync(path.join(dir, `${name}-`));
    const out = path.join(folder, 'pack.xlsx');
    const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=1024', bin, 'run', big, '--out', out, '--today', '2025-06-01'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    // Poll the folder: the signal lands as soon as the temporary file appears (the write has begun), or after
    // 120 s at the most (a slow machine still building the pack is interrupted then, which must also be clean).
    const started = Date.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        if (tempsIn(folder).length || Date.now() - started > 120_000 || child.exitCode !== null) {
          clearInterval(tick);
          resolve();
        }
      }, 2);
    });
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    return { folder, out, code, stderr };
  }

  test('Ctrl-C (SIGINT) during the write: no temporary file, and either no output or a whole one', async () => {
    const { folder, out, code, stderr } = await interrupted('SIGINT', 'sigint');
    expect(tempsIn(folder)).toEqual([]);
    if (code === 130 && /stopped \(SIGINT\); nothing was written/.test(stderr)) {
      expect(fs.existsSync(out)).toBe(false);
    } else {
      // The signal landed during the (synchronous) write and was handled once it finished, or the run ended first:
      // the output is whole, and a stopped run says so.
      if (code === 130) expect(stderr).toMatch(/stopped \(SIGINT\); .*pack\.xlsx had already been written whole/);
      await JSZip.loadAsync(fs.readFileSync(out));
    }
  }, 300_000);

  test('SIGKILL during the write: the next run removes what the killed one left', async () => {
    const { folder, out } = await interrupted('SIGKILL', 'sigkill');
    // A killed process cannot tidy up; plant the temporary file a kill in mid-write leaves, should the kill have
    // landed just before or after the write, so the clean-up is always exercised.
    const stale = path.join(folder, `.pack.xlsx.999999.${Date.now()}.tmp`);
    fs.writeFileSync(stale, 'half a workbook');
    const small = write('small.xlsx', makeDeflatedZip(minimalWorkbookParts(planSheetXml(PLAN_ROWS))));
    const again = cli(['run', small, '--out', out, '--today', '2025-06-01']);
    expect(again.status).toBeLessThan(2);
    expect(tempsIn(folder)).toEqual([]);
    await JSZip.loadAsync(fs.readFileSync(out));
  }, 300_000);
});

describe('safe exports for analysts', () => {
  test('--csv writes the Plan table with formula-leading text neutralised and everything quoted', () => {
    const rows = [
      ['Ref', 'Action', 'Lead', 'Due date', 'Status'],
      ['1', '=HYPERLINK("http://example.invalid","click")', '+44 Director', '31/03/2026', 'On track'],
      ['2', '-5% delays, "urgent", by end of year', '@Team lead', '30/09/2025', 'At risk'],
    ];
    const input = write('csv.xlsx', makeDeflatedZip(minimalWorkbookParts(planSheetXml(rows.map((r) => r.map((t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')))))));
    const csv = path.join(dir, 'plan.csv');
    const run = cli(['structure', input, '--csv', csv, '--today', '2025-06-01']);
    expect(run.status).toBeLessThan(2);
    const text = fs.readFileSync(csv, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/^"Ref","Theme",.*"Action"/);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(text).toContain(`"'+44 Director"`);
    expect(text).toContain(`"'-5% delays, ""urgent"", by end of year"`);
    expect(text).toContain(`"'@Team lead"`);
    expect(text).toContain('"31/03/2026"');
    // No cell starts with a bare formula character.
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
  });
});
