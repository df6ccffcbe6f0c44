/**
 * Nothing lost, nothing executable:
 *  - the officer's sheets come out of `structure` and `run` exactly as they went in: values and formats (fonts,
 *    fills, borders, number formats, merges, column widths, row heights, hidden rows, columns and sheets);
 *  - text that begins with =, +, - or @ in any source cell is written as text in every sheet the tool writes:
 *    the only formulas in the tool's sheets are the tool's own (the Board Summary totals);
 *  - output is written atomically: whatever fails, there is no half-written target and no temp file left.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FORMULA_LIKE } from './helpers/random-workbook';
import { failureOnStdout, runCli } from './helpers/run-cli';
import { formulaCells, sourceSheetDiff } from './helpers/xlsx-files';

const TODAY = '2026-01-15';
/** The formulas the tool itself writes: the Board Summary's column totals and its % complete. */
const TOOL_FORMULA = /^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IF\([A-Z]+\d+=0,0,ROUND\(B\d+\/[A-Z]+\d+\*100,1\)\))$/;

type Run = Awaited<ReturnType<typeof runCli>>;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-output-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * A plan dressed as officers dress them: a merged title, bold section headings, fills, borders, wrapped text,
 * number formats, widths, heights, a hidden column and row, a hidden sheet, the officer's own formulas, and
 * formula-like text (=, +, -, @) in every column: titles, headings, refs, actions, leads, timescales, statuses.
 */
function dressedPlan(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action plan', { properties: { tabColor: { argb: 'FF1D70B8' } } });
  ws.getCell('A1').value = '=Adult Social Care Improvement Plan 2025/26';
  ws.mergeCells('A1:G1');
  ws.getCell('A1').font = { name: 'Arial', size: 16, bold: true, color: { argb: 'FF1D70B8' } };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getRow(1).height = 30;
  ws.getRow(3).values = ['Ref', 'Action', 'Lead', 'Timescale', 'Status', 'Progress update', 'Budget £k'];
  ws.getRow(3).eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B0C0C' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double', color: { argb: 'FFD4351C' } } };
  });
  ws.getCell('A4').value = '@Theme 1 - Working with people';
  ws.mergeCells('A4:G4');
  ws.getCell('A4').font = { bold: true, italic: true };
  const rows: ExcelJS.CellValue[][] = [
    ['=1.1', FORMULA_LIKE[3], '+Head of Safeguarding', '-March 2026', 'On track', '=see minutes of board 12/09', 1200.5],
    ['@1.2', '=HYPERLINK("http://example.invalid","click")', '@Carers Lead', '=Q3 2025/26', '+Off track', '-5% on last year', { formula: 'G5*2', result: 2401 } as ExcelJS.CellFormulaValue],
    ['-1.3', '+Publish the carers strategy', "=cmd|' /C calc'!A0", new Date(Date.UTC(2026, 2, 31)), '=Complete', '@SUM(1,2)', 0.125],
    ['1.4', '=SUM(A1:A3)', '-', '+6m', '-', '=', { formula: 'SUM(G5:G7)', result: 3601.625 } as ExcelJS.CellFormulaValue],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = r));
  ws.getCell('D7').numFmt = 'dd/mm/yyyy';
  ws.getColumn('G').numFmt = '£#,##0.00';
  ws.getCell('G7').numFmt = '0.0%';
  ws.getColumn('B').width = 48;
  ws.getColumn('B').alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn('F').width = 30;
  ws.getColumn('H').hidden = true;
  ws.getCell('H5').value = 'hidden working';
  ws.getRow(8).hidden = true;
  ws.getCell('B9').value = 'Key: =R off track, +A at risk';
  ws.getCell('B9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFDD00' } };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.autoFilter = 'A3:G7';
  (ws as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }).dataValidations.add('E5:E8', { type: 'list', allowBlank: true, formulae: ['"On track,Off track,Complete"'] });
  ws.addConditionalFormatting({ ref: 'E5:E8', rules: [{ type: 'expression', priority: 1, formulae: ['$E5="+Off track"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD4351C' } } } }] });
  const notes = wb.addWorksheet('Officer notes', { state: 'hidden' });
  notes.getCell('A1').value = '+44 20 7946 0000';
  notes.getCell('B2').value = { formula: "'Action plan'!G8", result: 3601.625 } as ExcelJS.CellFormulaValue;
  notes.getColumn('A').width = 22;
  return wb;
}

describe.each(['structure', 'run'])('%s --out on a dressed-up plan', (command) => {
  let input: string;
  let out: string;
  let run: Run;
  let before: ExcelJS.Workbook;
  let after: ExcelJS.Workbook;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(tmp, `${command}-`));
    input = path.join(dir, 'dressed.xlsx');
    out = path.join(dir, 'out.xlsx');
    await dressedPlan().xlsx.writeFile(input);
    run = await runCli([command, input, '--out', out, '--json', '--today', TODAY]);
    before = await load(input);
    after = await load(out);
  });

  it('runs cleanly', () => {
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout).actions.length).toBe(4);
  });

  it('leaves every source sheet as it was, cell by cell: values and formats, merges, widths, heights, hidden things', () => {
    for (const ws of before.worksheets) expect(sourceSheetDiff(ws, after.getWorksheet(ws.name))).toEqual([]);
    expect(after.getWorksheet('Action plan')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(after.getWorksheet('Action plan')!.properties.tabColor).toEqual({ argb: 'FF1D70B8' });
  });

  it('keeps the officer\'s own formulas in their own sheets', () => {
    expect(formulaCells(after.getWorksheet('Action plan')!).map((f) => f.formula)).toEqual(['G5*2', 'SUM(G5:G7)']);
    expect(formulaCells(after.getWorksheet('Officer notes')!).map((f) => f.formula)).toEqual(["'Action plan'!G8"]);
  });

  it('writes no formula in any tool sheet except the tool\'s own', () => {
    const toolSheets = after.worksheets.filter((ws) => !before.getWorksheet(ws.name));
    expect(toolSheets.length).toBeGreaterThanOrEqual(2);
    for (const ws of toolSheets) {
      for (const f of formulaCells(ws)) {
        expect({ sheet: ws.name, formula: f.formula }).toEqual({ sheet: ws.name, formula: expect.stringMatching(TOOL_FORMULA) });
      }
    }
  });

  it('writes officer text beginning with =, +, - or @ as text (a string cell) wherever the tool copies it', () => {
    const toolSheets = after.worksheets.filter((ws) => !before.getWorksheet(ws.name));
    const written = new Map<string, ExcelJS.ValueType[]>();
    for (const ws of toolSheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // A cell inside a merged area shows the area's first cell: that one is checked itself.
          if (cell.isMerged && cell.master !== cell) return;
          const text = typeof cell.value === 'string' ? cell.value : cell.text;
          for (const line of String(text).split('\n')) {
            if (/^[=+\-@]/.test(line)) written.set(line, [...(written.get(line) ?? []), cell.type]);
          }
        }),
      );
    }
    // Each of these came from an officer's cell; each must be in the Plan sheet, and only ever as a string.
    for (const text of ['=1.1', '@1.2', '-1.3', '+Head of Safeguarding', "=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid","click")', '=SUM(A1:A3)', '=see minutes of board 12/09', '@SUM(1,2)']) {
      expect({ text, types: written.get(text) }).toEqual({ text, types: expect.arrayContaining([ExcelJS.ValueType.String]) });
    }
    for (const [text, types] of written) expect({ text, types: [...new Set(types)] }).toEqual({ text, types: [ExcelJS.ValueType.String] });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('atomic writes: a failure leaves no target file and no temp file, and says so plainly', () => {
  let input: string;
  beforeAll(async () => {
    input = path.join(tmp, 'atomic-input.xlsx');
    await dressedPlan().xlsx.writeFile(input);
  });

  /** The fs module itself (not the ES-module wrapper TypeScript makes), so a spy reaches the adapter's calls too. */
  const nodeFs: typeof fs = (fs as unknown as { default?: typeof fs }).default ?? fs;

  function leftovers(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.tmp$/.test(f));
  }

  function expectPlainFailure(run: Run, out: string, reason: RegExp, json = false): void {
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(out);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).toMatch(/Nothing was written/);
    expect(lines[0]).toMatch(/--out/);
    expect(run.stderr).not.toMatch(/\n\s+at |ENOTDIR|EISDIR|ENOSPC|EACCES|EXDEV/);
    // With --json, the object saying why (the same line as stderr), and nothing of a report.
    // With --json, only the object saying why (its message the stderr line's); without, nothing at all.
    if (json) expect(`plan-assure: ${failureOnStdout(run.stdout, 2)}`).toBe(lines[0]);
    else expect(run.stdout).toBe('');
  }

  it('--out inside a "folder" that is really a file → exit 2, and the file in the way is untouched', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'in-the-way-'));
    fs.writeFileSync(path.join(dir, 'reports'), 'not a folder');
    const out = path.join(dir, 'reports', 'q2', 'pack.xlsx');
    const run = await runCli(['run', input, '--out', out, '--json', '--today', TODAY]);
    expectPlainFailure(run, out, /part of that path is a file, not a folder/, true);
    expect(fs.readFileSync(path.join(dir, 'reports'), 'utf8')).toBe('not a folder');
    expect(fs.readdirSync(dir)).toEqual(['reports']);
  });

  it('--csv inside a "folder" that is really a file → exit 2, and the message tells to change --csv, not --out', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'csv-in-the-way-'));
    fs.writeFileSync(path.join(dir, 'reports'), 'not a folder');
    const csv = path.join(dir, 'reports', 'plan.csv');
    const run = await runCli(['structure', input, '--csv', csv, '--json', '--today', TODAY]);
    expect(run.code).toBe(2);
    const said = `could not write ${csv}: part of that path is a file, not a folder. Nothing was written. Give --csv a file name in a folder you can write to, then retry.`;
    expect(run.stderr).toBe(`plan-assure: ${said}\n`);
    expect(failureOnStdout(run.stdout, 2)).toBe(said);
    expect(fs.readdirSync(dir)).toEqual(['reports']);
  });

  it('--out written and then --csv failing says the workbook was written, not that nothing was', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'out-then-csv-'));
    fs.writeFileSync(path.join(dir, 'reports'), 'not a folder');
    const out = path.join(dir, 'structured.xlsx');
    const csv = path.join(dir, 'reports', 'plan.csv');
    const run = await runCli(['structure', input, '--out', out, '--csv', csv, '--today', TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `plan-assure: could not write ${csv}: part of that path is a file, not a folder. ${out} was written; ${csv} was not. Give --csv a file name in a folder you can write to, then retry.\n`,
    );
    expect(fs.existsSync(out)).toBe(true);
  });

  it('--out naming an existing folder → exit 2, the folder untouched, no temp file beside it', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'folder-'));
    const out = path.join(dir, 'pack.xlsx');
    fs.mkdirSync(out);
    const run = await runCli(['run', input, '--out', out, '--today', TODAY]);
    expectPlainFailure(run, out, /a folder of that name is in the way/);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    ['the disk fills up while the file is written', 'writeFileSync', 'ENOSPC', /the disk is full/],
    ['the final rename is refused', 'renameSync', 'EACCES', /permission/],
    ['the folder cannot be written to', 'openSync', 'EROFS', /read-only/],
  ] as const)('%s → exit 2; an earlier file at --out is left exactly as it was; no temp file', async (_what, fn, code, reason) => {
    const dir = fs.mkdtempSync(path.join(tmp, `${fn}-`));
    const out = path.join(dir, 'pack.xlsx');
    fs.writeFileSync(out, 'last quarter’s pack');
    const real = nodeFs[fn] as (...args: unknown[]) => unknown;
    const spy = jest.spyOn(nodeFs, fn).mockImplementation(((...args: unknown[]) => {
      // Fail only for the output's temp file; let everything else (reading the input) through.
      if (String(args[0]).includes('.pack.xlsx.') || (fn === 'writeFileSync' && typeof args[0] === 'number')) {
        if (fn === 'writeFileSync') real(args[0], Buffer.from('PK\u0003\u0004 half a file'));
        throw Object.assign(new Error(`${code}: simulated`), { code });
      }
      return real(...args);
    }) as never);
    let run: Run;
    try {
      run = await runCli(['run', input, '--out', out, '--replace', '--today', TODAY]);
    } finally {
      spy.mockRestore();
    }
    expectPlainFailure(run, out, reason);
    expect(fs.readFileSync(out, 'utf8')).toBe('last quarter’s pack');
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['pack.xlsx']);
  });

  it('a failure while the workbook is being built in memory leaves no file at all', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'build-'));
    const out = path.join(dir, 'pack.xlsx');
    // The package is zipped in memory before any file is opened: make that fail.
    const spy = jest.spyOn(JSZip.prototype, 'generateAsync').mockRejectedValue(new Error('zip stream broke'));
    let run: Run;
    try {
      run = await runCli(['run', input, '--out', out, '--today', TODAY]);
    } finally {
      spy.mockRestore();
    }
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Nothing was written/);
    expect(run.stderr.split('\n').filter((l) => l.trim())).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('with --replace, a successful write replaces an earlier file at --out and leaves no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'ok-'));
    const out = path.join(dir, 'pack.xlsx');
    fs.writeFileSync(out, 'old');
    const run = await runCli(['run', input, '--out', out, '--replace', '--today', TODAY]);
    expect(run.stderr).toBe('');
    expect((await load(out)).getWorksheet('Board Summary')).toBeDefined();
    expect(fs.readdirSync(dir)).toEqual(['pack.xlsx']);
  });

  it.each([
    ['--out', 'pack.xlsx', 'run'],
    ['--csv', 'plan.csv', 'structure'],
  ])('without --replace, a file already at %s is left exactly as it was: exit 2 before anything is read, one line saying what to do', async (flag, name, command) => {
    const dir = fs.mkdtempSync(path.join(tmp, 'kept-'));
    const file = path.join(dir, name);
    fs.writeFileSync(file, 'last quarter’s pack, with notes typed in');
    const run = await runCli([command, path.join(dir, 'not-read.xlsx'), flag, file, '--json', '--today', TODAY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan-assure: ${file} already exists. Nothing was written: add --replace to replace it, or give ${flag} another name.\n`);
    // The input does not exist: it was never read, the refusal came first.
    expect(failureOnStdout(run.stdout, 2)).toContain('already exists');
    expect(fs.readFileSync(file, 'utf8')).toBe('last quarter’s pack, with notes typed in');
    expect(fs.readdirSync(dir)).toEqual([name]);
  });

  it('a link at --out counts as a file there, even one to nowhere or to a folder: left alone without --replace', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'links-'));
    fs.mkdirSync(path.join(dir, 'real-folder'));
    fs.symlinkSync(path.join(dir, 'nowhere.xlsx'), path.join(dir, 'dangling.xlsx'));
    fs.symlinkSync(path.join(dir, 'real-folder'), path.join(dir, 'to-folder.xlsx'));
    for (const link of ['dangling.xlsx', 'to-folder.xlsx']) {
      const run = await runCli(['run', input, '--out', path.join(dir, link), '--today', TODAY]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${link} already exists`);
      expect(fs.lstatSync(path.join(dir, link)).isSymbolicLink()).toBe(true);
    }
  });

  it('--replace without --out or --csv is refused; a bad date is said before a file in the way', async () => {
    const alone = await runCli(['validate', input, '--replace', '--today', TODAY]);
    expect(alone.code).toBe(2);
    expect(alone.stderr.split('\n')[0]).toBe('plan-assure: --replace goes with --out or --csv: it lets them replace a file already there.');
    const dir = fs.mkdtempSync(path.join(tmp, 'order-'));
    fs.writeFileSync(path.join(dir, 'pack.xlsx'), 'kept');
    const both = await runCli(['run', input, '--out', path.join(dir, 'pack.xlsx'), '--today', '2026-13-01']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('2026-13-01');
    expect(both.stderr).not.toContain('already exists');
  });
});
