/**
 * A corpus of bad and awkward workbooks, generated at test time into a temp folder. Each one gets either a
 * correct result or a clear one-line message that names the file (and the sheet, where one is to blame) and says
 * what to do, with no stack trace and no half-written output.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PLAN_COLUMNS } from '../src/engine/schema';
import { EXCEL_MAX_CELL_TEXT } from '../src/xlsx/apply-plan';
import { convertWithLibreOffice } from './helpers/libreoffice';
import { failureOnStdout, runCli } from './helpers/run-cli';
import { requireTool } from './helpers/tools';
import { formulaCells, sourceSheetDiff } from './helpers/xlsx-files';
import { makeZip } from './helpers/zip-files';

const ROOT = path.resolve(__dirname, '..');
const hasSoffice = requireTool('soffice');
const TODAY = '2026-01-15';
const HEADER = ['Ref', 'Action', 'Lead', 'Timescale', 'Status'];
const ROWS = [
  ['1.1', 'Review the safeguarding referral pathway with partners', 'Head of Safeguarding', 'March 2026', 'On track'],
  ['1.2', 'Publish the carers strategy and report progress to the Board', 'Carers Lead', 'June 2025', 'Off track'],
  ['1.3', 'Audit 20 cases each quarter and share the learning', 'Principal Social Worker', 'Q3 2025/26', 'Complete'],
];

type Run = Awaited<ReturnType<typeof runCli>>;
type Report = { actions: Record<string, unknown>[]; issues: { rule: string; severity: string; sheet: string; cell: string; message: string }[] };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-hardening-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function folder(name: string): string {
  return fs.mkdtempSync(path.join(tmp, `${name}-`));
}

async function save(wb: ExcelJS.Workbook, file: string): Promise<string> {
  // ExcelJS cannot write back a table LibreOffice saved without style information (the CLI works round this).
  for (const ws of wb.worksheets) {
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { style?: unknown } }> }).tables)) t.table.style ??= {};
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A small plan on one sheet, with whatever extra sheets a case needs. */
function planBook(sheetName = 'Action plan'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  return wb;
}

/** The workbook with one of its parts changed as text (to damage it). */
async function withPart(wb: ExcelJS.Workbook, part: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const xml = await zip.file(part)!.async('string');
  const changed = change(xml);
  if (changed === xml) throw new Error(`the test's change left ${part} as it was`);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function tempFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /(^|\/)\..*\.tmp$/.test(f));
}

/** Exit 2, one line on stderr naming `name` and saying what to do, no stack trace, no stdout, nothing written. */
function expectCleanRefusal(run: Run, name: string, dir: string, out: string, json: boolean): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).toMatch(/\b(check|save|remove|open|retry|try again|rename|copy|delete|give)\b/i);
  expect(run.stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError|Cannot read properties|ENOENT|EEXIST|ENOTDIR|EISDIR/);
  // With --json, only the object saying why (its message the stderr line's); without, nothing at all.
  if (json) expect(`plan-assure: ${failureOnStdout(run.stdout, 2)}`).toBe(lines[0]);
  else expect(run.stdout).toBe('');
  expect(fs.existsSync(out)).toBe(false);
  expect(tempFiles(dir)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('files that are not usable workbooks → exit 2 with one clear line, nothing written', () => {
  const cases: { name: string; file: string; make: (file: string) => Promise<void>; says: RegExp }[] = [
    { name: 'plain text named .xlsx', file: 'minutes.xlsx', make: async (f) => fs.writeFileSync(f, 'Minutes of the board, 12 September.\n'), says: /not an Excel workbook/ },
    { name: 'a PDF named .xlsx', file: 'report.xlsx', make: async (f) => fs.writeFileSync(f, '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), says: /not an Excel workbook/ },
    {
      name: 'a Word document renamed .xlsx (a zip, but no workbook inside)',
      file: 'letter.xlsx',
      make: async (f) =>
        fs.writeFileSync(
          f,
          makeZip({
            '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
          }),
        ),
      says: /is a Word document saved with an \.xlsx name, not an Excel workbook/,
    },
    {
      name: 'a workbook whose sheets are missing from the archive',
      file: 'hollow.xlsx',
      make: async (f) => {
        // Keep the zip valid but rename every part under xl/ so that nothing the workbook points at is there.
        const data = Buffer.from(await planBook().xlsx.writeBuffer());
        fs.writeFileSync(f, Buffer.from(data.toString('latin1').replace(/xl\/workbook\.xml/g, 'xl/workbook.xmz'), 'latin1'));
      },
      // The workbook part itself is what is missing, and the message says so.
      says: /no workbook part \(xl\/workbook\.xml\)/,
    },
    { name: 'a password-protected workbook (an OLE/CFB container)', file: 'protected.xlsx', make: async (f) => fs.writeFileSync(f, cfbContainer()), says: /password/ },
    ...[0.05, 0.5, 0.97].map((fraction) => ({
      name: `a workbook cut off at ${Math.round(fraction * 100)}% (an interrupted download)`,
      file: `truncated-${Math.round(fraction * 100)}.xlsx`,
      make: async (f: string) => {
        const data = Buffer.from(await planBook().xlsx.writeBuffer());
        fs.writeFileSync(f, data.subarray(0, Math.floor(data.length * fraction)));
      },
      says: /damaged or incomplete|could not be read|not an Excel workbook/,
    })),
    { name: 'an empty (0-byte) file', file: 'empty.xlsx', make: async (f) => fs.writeFileSync(f, ''), says: /empty/ },
    {
      name: 'a sheet whose XML breaks part-way (a bare "&" in row 3)',
      file: 'broken-row.xlsx',
      make: async (f) => fs.writeFileSync(f, await withPart(planBook(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/(<row r="3"[^>]*>)/, '$1<c r="F3" t="inlineStr"><is><t>Health & care</t></is></c>'))),
      // The sheet and the row, so the officer knows where to look; and what is wrong there.
      says: /its sheet "Action plan" is damaged at row 3 or just after it: "&" must start an entity/,
    },
    {
      name: 'a sheet whose XML breaks before its first row',
      file: 'broken-top.xlsx',
      make: async (f) => fs.writeFileSync(f, await withPart(planBook(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<sheetData><row r="1"</row>'))),
      says: /its sheet "Action plan" is damaged before its first row/,
    },
    {
      name: 'a sheet whose XML breaks after its rows (in its merged areas)',
      file: 'broken-after.xlsx',
      make: async (f) => fs.writeFileSync(f, await withPart(planBook(), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/>&</mergeCells>'))),
      says: /its sheet "Action plan" is damaged after its last row \(row 4\): "&" must start an entity/,
    },
    {
      name: 'a damaged table of cell formats',
      file: 'broken-styles.xlsx',
      make: async (f) => fs.writeFileSync(f, await withPart(planBook(), 'xl/styles.xml', (xml) => xml.replace('</styleSheet>', '<extra>&</extra></styleSheet>'))),
      says: /its table of cell formats \(xl\/styles\.xml\) is damaged: "&" must start an entity/,
    },
    {
      name: 'a damaged table of shared texts',
      file: 'broken-strings.xlsx',
      make: async (f) => fs.writeFileSync(f, await withPart(planBook(), 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', '<si><t>open</si></sst>'))),
      says: /its table of shared texts \(xl\/sharedStrings\.xml\) is damaged: <\/si> where <\/t> was expected/,
    },
  ];

  describe.each(cases)('$name', (c) => {
    let dir: string;
    let input: string;
    let before: Buffer;
    const runs: Record<string, Run> = {};
    beforeAll(async () => {
      dir = folder('bad');
      input = path.join(dir, c.file);
      await c.make(input);
      before = fs.readFileSync(input);
      runs.run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
      runs.structure = await runCli(['structure', input, '--out', path.join(dir, 'structured.xlsx'), '--today', TODAY]);
      runs.validate = await runCli(['validate', input, '--json', '--today', TODAY]);
    });

    it.each(['run', 'structure', 'validate'])('%s: exit 2, one line naming the file and what to do; no output, no temp file', (command) => {
      expectCleanRefusal(runs[command], c.file, dir, path.join(dir, command === 'run' ? 'pack.xlsx' : 'structured.xlsx'), command !== 'structure');
      expect(runs[command].stderr).toMatch(c.says);
    });

    it('leaves the input as it was', () => {
      expect(fs.readFileSync(input).equals(before)).toBe(true);
    });
  });
});

/** The start of a Compound File Binary container, as Excel saves an encrypted .xlsx: header, then an empty FAT. */
function cfbContainer(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const body = Buffer.alloc(4096);
  Buffer.from('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0', 'latin1').copy(body, 128);
  return Buffer.concat([header, body]);
}

// ---------------------------------------------------------------------------------------------------------------

describe('an empty workbook (one empty sheet)', () => {
  let dir: string;
  let validate: Run;
  let run: Run;
  beforeAll(async () => {
    dir = folder('empty-book');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const input = await save(wb, path.join(dir, 'blank.xlsx'));
    validate = await runCli(['validate', input, '--json', '--today', TODAY]);
    run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
  });

  it('→ exit 1 with one "no plan table" error at Sheet1!A1 that says what to add', () => {
    expect(validate.code).toBe(1);
    expect(validate.stderr).toBe('');
    const report = JSON.parse(validate.stdout) as Report;
    expect(report.actions).toEqual([]);
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'no-plan-table', sheet: 'Sheet1', cell: 'A1' });
    expect(JSON.stringify(errors[0])).toMatch(/header row/i);
  });

  it('run still writes a whole board pack (with nothing in it) and exits 1', async () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const out = await load(path.join(dir, 'pack.xlsx'));
    expect(out.getWorksheet('Sheet1')).toBeDefined();
    expect(out.getWorksheet('Board Summary')!.getCell('A5').value).toBe('The plan has no actions yet.');
  });
});

describe('a sheet with only the header row', () => {
  let run: Run;
  let dir: string;
  beforeAll(async () => {
    dir = folder('headers-only');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Action plan').addRow(HEADER);
    const input = await save(wb, path.join(dir, 'headers.xlsx'));
    run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
  });

  it('→ 0 actions, no error, no crash, a warning that there are no actions; the Plan sheet has just its header', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.actions).toEqual([]);
    // A batch of returns checked together must not pass an empty one as clean.
    expect(report.issues).toEqual([expect.objectContaining({ rule: 'no-actions', severity: 'warning', sheet: 'Action plan', cell: 'A2' })]);
    const plan = (await load(path.join(dir, 'pack.xlsx'))).getWorksheet('Plan')!;
    expect(plan.actualRowCount).toBe(1);
    expect(plan.getCell('A1').value).toBe('Ref');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('a stray value at XFD1048576', () => {
  let dir: string;
  let input: string;
  let run: Run;
  let heapGrowthMB: number;
  beforeAll(async () => {
    dir = folder('stray');
    const wb = planBook();
    wb.getWorksheet('Action plan')!.getCell('XFD1048576').value = 'stray note';
    input = await save(wb, path.join(dir, 'stray.xlsx'));
    const before = process.memoryUsage().heapUsed;
    run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
    heapGrowthMB = (process.memoryUsage().heapUsed - before) / 1e6;
  });

  it('reads the plan as if the stray were not there, and keeps the stray note', async () => {
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
    const out = await load(path.join(dir, 'pack.xlsx'));
    expect(out.getWorksheet('Action plan')!.getCell('XFD1048576').value).toBe('stray note');
  });

  it('does not build a 17-billion-cell grid: the heap grows by well under 200 MB', () => {
    console.info(`XFD1048576: heap used grew by ${heapGrowthMB.toFixed(1)} MB over the whole run`);
    expect(heapGrowthMB).toBeLessThan(200);
  });

  it('runs in a process capped at 200 MB of heap', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=200', path.join(ROOT, 'bin', 'plan-assure.js'), 'run', input, '--out', path.join(dir, 'capped.xlsx'), '--json', '--today', TODAY], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    expect(JSON.parse(r.stdout).actions).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('formulas everywhere, with cached results (including #REF! and #DIV/0!)', () => {
  let dir: string;
  let input: string;
  let run: Run;
  let report: Report;
  beforeAll(async () => {
    dir = folder('formulas');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action plan');
    const f = (formula: string, result: ExcelJS.CellFormulaValue['result']) => ({ formula, result }) as ExcelJS.CellFormulaValue;
    // Even the header labels are formulas (="Action"): their cached results are what the sheet shows.
    HEADER.forEach((h, c) => (ws.getCell(1, c + 1).value = f(`"${h}"`, h)));
    ws.getCell('G1').value = f('"Check"', 'Check');
    ws.getRow(2).values = [
      f('"1."&"1"', '1.1'),
      f('Lists!A1&" the referral pathway"', 'Review the referral pathway'),
      f('Staff!B7', { error: '#REF!' } as ExcelJS.CellErrorValue),
      f('1/0', { error: '#DIV/0!' } as ExcelJS.CellErrorValue),
      f('IF(TRUE,"On track","")', 'On track'),
      null,
      f('SQRT(-1)', { error: '#NUM!' } as ExcelJS.CellErrorValue),
    ];
    ws.getRow(3).values = [f('1.1+0.1', 1.2), 'Publish the carers strategy', 'Carers Lead', f('DATE(2026,3,31)', 46112), f('VLOOKUP(1,Z:Z,2,0)', { error: '#N/A' } as ExcelJS.CellErrorValue)];
    ws.getCell('D3').numFmt = 'dd/mm/yyyy';
    input = await save(wb, path.join(dir, 'formulas.xlsx'));
    run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
    report = JSON.parse(run.stdout) as Report;
  });

  it('reads every value from the cached result', () => {
    expect(run.stderr).toBe('');
    expect(report.actions.map((a) => [a.ref, a.action, a.lead])).toEqual([
      ['1.1', 'Review the referral pathway', '#REF!'],
      ['1.2', 'Publish the carers strategy', 'Carers Lead'],
    ]);
    expect(report.actions[0].status).toBe('On track');
  });

  it('reports a formula error for each error in a mapped column, at its cell', () => {
    const errors = report.issues.filter((i) => i.rule === 'formula-error').map((i) => `${i.sheet}!${i.cell}`);
    expect(errors).toEqual(expect.arrayContaining(['Action plan!C2', 'Action plan!D2', 'Action plan!E3']));
    // G is not a column the plan uses ("Check"): no finding there, and no crash.
    expect(errors).not.toContain('Action plan!G2');
    for (const i of report.issues.filter((x) => x.rule === 'formula-error')) expect(i.message).toMatch(/#(REF!|DIV\/0!|N\/A)/);
  });

  it('keeps the source formulas as formulas, and writes only values (never formulas) on the Plan sheet', async () => {
    const before = await load(input);
    const out = await load(path.join(dir, 'pack.xlsx'));
    expect(sourceSheetDiff(before.getWorksheet('Action plan')!, out.getWorksheet('Action plan'))).toEqual([]);
    expect(formulaCells(out.getWorksheet('Action plan')!).length).toBe(formulaCells(before.getWorksheet('Action plan')!).length);
    expect(formulaCells(out.getWorksheet('Plan')!)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('32,767-character cells', () => {
  // Exactly 32,767 UTF-16 units of whole words and whole emoji, ending in a marker.
  const marker = (tag: string) => {
    let text = '';
    while (text.length + tag.length + 1 <= EXCEL_MAX_CELL_TEXT - 4) text += `${tag} `;
    return `${text}${'x'.repeat(EXCEL_MAX_CELL_TEXT - 4 - text.length)}END.`;
  };
  /** Equality of long texts, without printing 32,767 characters when they differ. */
  const same = (a: unknown, b: string) => ({ length: typeof a === 'string' ? a.length : -1, equal: a === b });
  const action = marker('review the pathway 👩🏽‍⚕️');
  const budget = marker('budget line');
  let dir: string;
  let run: Run;
  let report: Report;
  beforeAll(async () => {
    dir = folder('long');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action plan');
    ws.addRow(['Ref', 'Action', 'Lead', 'Status', 'Budget £k']);
    ws.addRow(['1', action, 'Bob', 'Off track', budget]);
    const input = await save(wb, path.join(dir, 'long.xlsx'));
    run = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
    report = JSON.parse(run.stdout) as Report;
  });

  it('keeps a 32,767-character action whole, in the JSON and on the Plan sheet', async () => {
    expect(action.length).toBe(EXCEL_MAX_CELL_TEXT);
    expect(run.stderr).toBe('');
    expect(same(report.actions[0].action, action)).toEqual({ length: EXCEL_MAX_CELL_TEXT, equal: true });
    const plan = (await load(path.join(dir, 'pack.xlsx'))).getWorksheet('Plan')!;
    const col = PLAN_COLUMNS.findIndex((c) => c.key === 'action') + 1;
    expect(same(plan.getCell(2, col).value, action)).toEqual({ length: EXCEL_MAX_CELL_TEXT, equal: true });
  });

  it('never writes a cell over Excel\'s limit: joined text is cut, says so, and stays whole in the JSON', async () => {
    expect(same(report.actions[0].progress, `Budget £k: ${budget}`).equal).toBe(true);
    const out = await load(path.join(dir, 'pack.xlsx'));
    const progressCol = PLAN_COLUMNS.findIndex((c) => c.key === 'progress') + 1;
    const progress = String(out.getWorksheet('Plan')!.getCell(2, progressCol).value);
    expect(progress.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
    expect(progress.startsWith(`Budget £k: ${budget.slice(0, 1000)}`)).toBe(true);
    expect(progress).toMatch(/cut to fit Excel’s 32,767-character limit/);
    for (const ws of out.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === 'string') expect(cell.value.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
      }));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('sheet names that clash with the sheets the tool adds', () => {
  const OFFICER = ['Plan', 'Board Summary', 'Exceptions', 'Coming up'];

  async function clashBook(extra: string[]): Promise<ExcelJS.Workbook> {
    const wb = planBook();
    for (const name of [...OFFICER, ...extra]) {
      const ws = wb.addWorksheet(name);
      ws.getCell('A1').value = `The officer's own ${name}`;
      ws.getCell('A1').font = { bold: true, color: { argb: 'FF0B0C0C' } };
      ws.getCell('B2').value = 42;
      ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFDD00' } };
      ws.getColumn(1).width = 33;
    }
    return wb;
  }

  describe('"Plan", "Board Summary", "Exceptions" and "Coming up" already taken', () => {
    let dir: string;
    let input: string;
    let first: Run;
    let second: Run;
    beforeAll(async () => {
      dir = folder('clash');
      input = await save(await clashBook([]), path.join(dir, 'clash.xlsx'));
      first = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--json', '--today', TODAY]);
      second = await runCli(['run', path.join(dir, 'pack.xlsx'), '--out', path.join(dir, 'again.xlsx'), '--json', '--today', TODAY]);
    });

    it('picks names that do not clash, and never touches the officer\'s sheets', async () => {
      expect(first.stderr).toBe('');
      expect([0, 1]).toContain(first.code);
      const before = await load(input);
      const out = await load(path.join(dir, 'pack.xlsx'));
      const added = out.worksheets.map((ws) => ws.name).filter((n) => !before.getWorksheet(n));
      // There are no KPIs: no KPI Scorecard (a line on the summary).
      expect(added).toEqual(expect.arrayContaining(['PlanAssure Plan', 'PlanAssure Board Summary', 'PlanAssure Exceptions']));
      expect(added.filter((n) => /KPI Scorecard/.test(n))).toEqual([]);
      for (const ws of before.worksheets) expect(sourceSheetDiff(ws, out.getWorksheet(ws.name))).toEqual([]);
    });

    it('a second run replaces only its own sheets: same names, officer sheets still untouched, same actions', async () => {
      expect(second.stderr).toBe('');
      expect(second.code).toBe(first.code);
      const out = await load(path.join(dir, 'pack.xlsx'));
      const again = await load(path.join(dir, 'again.xlsx'));
      expect(again.worksheets.map((ws) => ws.name)).toEqual(out.worksheets.map((ws) => ws.name));
      const before = await load(input);
      for (const ws of before.worksheets) expect(sourceSheetDiff(ws, again.getWorksheet(ws.name))).toEqual([]);
      expect((JSON.parse(second.stdout) as Report).actions).toEqual((JSON.parse(first.stdout) as Report).actions);
    });
  });

  describe.each(['PlanAssure Lists', 'planassure lists'])('the officer already has a sheet named "%s"', (name) => {
    it.each(['run', 'structure'])('%s → exit 2 naming that sheet and saying to rename it; nothing written, nothing overwritten', async (command) => {
      const dir = folder('lists-clash');
      const input = await save(await clashBook([name]), path.join(dir, 'clash.xlsx'));
      const out = path.join(dir, 'out.xlsx');
      const run = await runCli([command, input, '--out', out, '--today', TODAY]);
      expectCleanRefusal(run, 'clash.xlsx', dir, out, false);
      expect(run.stderr).toContain(`"${name}"`);
      expect(run.stderr).toMatch(/Rename/);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('tool sheets renamed or edited by hand between runs', () => {
  let dir: string;
  let firstOut: string;
  let firstActions: unknown[];
  const planCol = (key: string) => PLAN_COLUMNS.findIndex((c) => c.key === key) + 1;

  beforeAll(async () => {
    dir = folder('edited');
    const input = await save(planBook(), path.join(dir, 'plan.xlsx'));
    firstOut = path.join(dir, 'pack.xlsx');
    const first = await runCli(['run', input, '--out', firstOut, '--json', '--today', TODAY]);
    expect(first.stderr).toBe('');
    firstActions = (JSON.parse(first.stdout) as Report).actions;
  });

  async function variant(name: string, change: (wb: ExcelJS.Workbook) => void): Promise<{ file: string; run: Run; out: string }> {
    const wb = await load(firstOut);
    change(wb);
    const file = await save(wb, path.join(dir, `${name}.xlsx`));
    const out = path.join(dir, `${name}.out.xlsx`);
    const run = await runCli(['run', file, '--out', out, '--json', '--today', TODAY]);
    return { file, run, out };
  }

  it('"Board Summary" renamed to "My Summary": kept as the officer\'s, untouched and not read as a plan; a fresh Board Summary is written', async () => {
    const { file, run, out } = await variant('renamed', (wb) => (wb.getWorksheet('Board Summary')!.name = 'My Summary'));
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Report).actions).toEqual(firstActions);
    const before = await load(file);
    const after = await load(out);
    expect(sourceSheetDiff(before.getWorksheet('My Summary')!, after.getWorksheet('My Summary'))).toEqual([]);
    expect(after.getWorksheet('Board Summary')).toBeDefined();
  });

  it('typing into the tool\'s Plan sheet → exit 2 naming the sheet and saying what to do; nothing written, nothing lost', async () => {
    const { run, out } = await variant('typed', (wb) => {
      wb.getWorksheet('Board Summary')!.name = 'My Summary';
      wb.getWorksheet('Plan')!.getCell(2, planCol('progress')).value = 'Met the provider on 3 March: agreed a new date';
    });
    expectCleanRefusal(run, 'typed.xlsx', dir, out, true);
    expect(run.stderr).toContain('"Plan"');
    expect(run.stderr).toMatch(/changed by hand/);
  });

  it('typing into the Board Summary is protected the same way', async () => {
    const { run, out } = await variant('summary-notes', (wb) => (wb.getWorksheet('Board Summary')!.getCell('A40').value = 'Commentary for the Board: …'));
    expectCleanRefusal(run, 'summary-notes.xlsx', dir, out, true);
    expect(run.stderr).toContain('"Board Summary"');
  });

  it('after the officer moves their words out and deletes the edited sheet, the run goes ahead', async () => {
    const { run } = await variant('moved', (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      plan.getCell(2, planCol('progress')).value = 'typed by hand';
      wb.getWorksheet('Action plan')!.getCell('F2').value = 'typed by hand';
      wb.removeWorksheet(plan.id);
    });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
  });

  it('sorting the Plan table and adding a conditional format are not edits', async () => {
    const { run } = await variant('sorted', (wb) => {
      const plan = wb.getWorksheet('Plan')!;
      const a = plan.getRow(2).values;
      plan.getRow(2).values = plan.getRow(3).values as ExcelJS.CellValue[];
      plan.getRow(3).values = a as ExcelJS.CellValue[];
      plan.addConditionalFormatting({ ref: 'A2:A4', rules: [{ type: 'expression', priority: 1, formulae: ['$A2="1.1"'], style: { font: { italic: true } } }] });
    });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
  });

  it('"Plan" renamed to "My Plan": its rows are not read a second time, and table names stay unique', async () => {
    const { run, out } = await variant('renamed-plan', (wb) => (wb.getWorksheet('Plan')!.name = 'My Plan'));
    // The renamed sheet is the officer's now, with its table: the new Plan table takes the next name, and says why.
    expect(run.stderr.trim()).toBe(
      'Your workbook already has a table called "PlanAssurePlan" on the sheet "My Plan", and Excel will not let two tables share a name, so PlanAssure called its table "PlanAssurePlan2".',
    );
    expect((JSON.parse(run.stdout) as Report).actions).toEqual(firstActions);
    const after = await load(out);
    const tables = after.worksheets.flatMap((ws) => Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables ?? {}).map((t) => t.toLowerCase()));
    expect(tables.length).toBe(2);
    expect(new Set(tables).size).toBe(tables.length);
  });

  (hasSoffice ? it : it.skip)('a workbook saved again by another spreadsheet app (LibreOffice) is not mistaken for an edited one, and edits after that are still caught', async () => {
    const saved = convertWithLibreOffice([firstOut], 'xlsx', folder('resaved'))[0];
    const run = await runCli(['run', saved, '--out', path.join(dir, 'resaved.out.xlsx'), '--json', '--today', TODAY]);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Report).actions).toEqual(firstActions);
    const wb = await load(saved);
    wb.getWorksheet('Plan')!.getCell(3, planCol('lead')).value = 'Someone else';
    const edited = await save(wb, path.join(dir, 'resaved-edited.xlsx'));
    const out = path.join(dir, 'resaved-edited.out.xlsx');
    expectCleanRefusal(await runCli(['run', edited, '--out', out, '--today', TODAY]), 'resaved-edited.xlsx', dir, out, false);
  });
});

(hasSoffice ? describe : describe.skip)('a workbook last saved by LibreOffice, with a table of the officer\'s', () => {
  let input: string;
  let dir: string;
  beforeAll(async () => {
    dir = folder('libreoffice');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Action plan').addTable({
      name: 'OfficerActions',
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: HEADER.map((name) => ({ name })),
      rows: ROWS,
    });
    const original = await save(wb, path.join(dir, 'plan.xlsx'));
    fs.mkdirSync(path.join(dir, 'lo'));
    // LibreOffice saves the table without style information.
    input = convertWithLibreOffice([original], 'xlsx', path.join(dir, 'lo'))[0];
  });

  it.each(['structure', 'run'])('%s reads it and writes the output, keeping the officer\'s table', async (command) => {
    const out = path.join(dir, `${command}.xlsx`);
    const run = await runCli([command, input, '--out', out, '--json', '--today', TODAY]);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as Report).actions.map((a) => a.ref)).toEqual(['1.1', '1.2', '1.3']);
    const before = await load(input);
    const after = await load(out);
    expect(sourceSheetDiff(before.getWorksheet('Action plan')!, after.getWorksheet('Action plan'))).toEqual([]);
    const tables = (ws: ExcelJS.Worksheet) => Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string; ref?: string } }> }).tables).map((t) => [t.table.name, t.table.tableRef ?? t.table.ref]);
    expect(tables(after.getWorksheet('Action plan')!)).toEqual(tables(before.getWorksheet('Action plan')!));
  });
});
