/**
 * `--columns`: the officer's word on which column is which, on the real command line (tests/helpers/run-cli.ts) and
 * real .xlsx files written here, with headers no phrase list knows. Covers choosing by letter and by header text, the
 * three kinds of bad input (exit 2, one line), the message naming candidate columns when no action column reaches
 * confidence, and the saved roles' round trip through "Plan Settings".
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from './helpers/run-cli';

const TODAY = '2026-01-15';
let dir: string;
let opaque: string;
let meaningless: string;

interface ReportAction {
  ref: string | null;
  action: string;
  lead: string | null;
  dueDate: string | null;
  progress: string | null;
  source: { sheet: string; row: number };
}

const ROWS: [string, string, string, Date, string][] = [
  ['1', 'Recruit two more occupational therapists to cut the wait for an assessment', 'Jo Bloggs, Head of OT', new Date(Date.UTC(2026, 2, 31)), 'Advert out; interviews in February'],
  ['2', 'Publish a carers’ offer with the carers’ centre and review it with carers each quarter', 'Sam Patel, Carers Lead', new Date(Date.UTC(2025, 11, 1)), 'Draft shared with the carers’ forum'],
  ['3', 'Bring the annual review backlog under 200 people by moving reviews to a locality model', 'Alex Green, Service Manager', new Date(Date.UTC(2026, 5, 30)), 'Backlog down from 640 to 410'],
];

/** A plan whose headers no phrase list knows: a title, a blank row, the header on row 3, three actions. */
async function writeOpaque(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Delivery');
  ws.getCell('A1').value = 'Our delivery programme 2025/26';
  ws.getRow(3).values = ['Ix', 'Commitment wording', 'Person accountable', 'Finish by', 'Where we are'];
  ROWS.forEach((r, i) => {
    ws.getRow(4 + i).values = r;
    ws.getCell(4 + i, 4).numFmt = 'dd/mm/yyyy';
  });
  await wb.xlsx.writeFile(file);
}

const BIRDS = [
  ['Kestrel', 'Heron', 'Teal'],
  ['Merlin', 'Egret', 'Wigeon'],
  ['Hobby', 'Bittern', 'Pintail'],
  ['Osprey', 'Crane', 'Gadwall'],
];

/** Headers that say nothing and values that could be anything: no column can be the action with confidence. */
async function writeMeaningless(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getRow(1).values = ['Alpha', 'Bravo', 'Charlie'];
  BIRDS.forEach((v, i) => (ws.getRow(2 + i).values = v));
  await wb.xlsx.writeFile(file);
}

async function json(args: string[]): Promise<{ code: number; actions: ReportAction[]; issues: { rule: string; severity: string; sheet: string; cell: string }[]; stderr: string }> {
  const { code, stdout, stderr } = await runCli([...args, '--json', '--today', TODAY]);
  const report = JSON.parse(stdout) as { actions: ReportAction[]; issues: { rule: string; severity: string; sheet: string; cell: string }[] };
  return { code, actions: report.actions, issues: report.issues, stderr };
}

const ROLES = 'ref=A,action=B,lead=C,due=D,progress=E';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-columns-'));
  opaque = path.join(dir, 'opaque.xlsx');
  meaningless = path.join(dir, 'meaningless.xlsx');
  await writeOpaque(opaque);
  await writeMeaningless(meaningless);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('--columns reads a plan whose headers nothing recognises', () => {
  it('by column letter: every action, with its lead, due date and progress from the columns named', async () => {
    const { code, actions } = await json(['structure', opaque, '--columns', ROLES]);
    expect(code).toBe(0);
    expect(actions.map((a) => [a.ref, a.action, a.lead, a.dueDate, a.progress, a.source.row])).toEqual(
      ROWS.map((r, i) => [r[0], r[1], r[2], r[3].toISOString().slice(0, 10), r[4], 4 + i]),
    );
  });

  it('by header text, any case, and by the start of a header when only one header starts that way', async () => {
    const byLetter = await json(['structure', opaque, '--columns', ROLES]);
    const byHeader = await json(['structure', opaque, '--columns', 'ref=ix,action=COMMITMENT WORDING,owner=Person acc,due=finish by,progress=Where']);
    expect(byHeader.code).toBe(0);
    expect(byHeader.actions).toEqual(byLetter.actions);
  });

  it('ignore reads a column as no role: its values are kept in Progress under its header, as for any column without one', async () => {
    const { actions } = await json(['structure', opaque, '--columns', 'ref=A,action=B,ignore=C,due=D,progress=E']);
    expect(actions.map((a) => a.lead)).toEqual([null, null, null]);
    expect(actions[0].progress).toContain('Person accountable: Jo Bloggs, Head of OT');
  });
});

describe('--columns that cannot be honoured: exit 2 and one line naming the problem', () => {
  const oneLine = async (columns: string) => {
    const { code, stdout, stderr } = await runCli(['structure', opaque, '--columns', columns, '--today', TODAY]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    return stderr;
  };

  it('a column that does not exist, by letter or by header', async () => {
    expect(await oneLine('action=Z')).toMatch(/column Z has no header on row 3 of "Delivery"; the headed columns are A, B, C, D, E/);
    expect(await oneLine('action=Budget')).toMatch(/no column on row 3 of "Delivery" is headed "Budget"; the headers are A "Ix", B "Commitment wording"/);
  });

  it('one role given twice', async () => {
    expect(await oneLine('action=B,lead=C,owner=D')).toMatch(/the role "owner" is given twice \(columns C and D\)/);
  });

  it('one column given two roles, naming both', async () => {
    expect(await oneLine('action=B,lead=B')).toMatch(/column B is given two roles \(action and lead\): give it one\./);
    expect(await oneLine('action=B,ignore=B')).toMatch(/column B is given two roles \(action and ignore\): give it one\./);
  });

  it('an unknown role, listing the known ones', async () => {
    const line = await oneLine('action=B,boss=C');
    expect(line).toMatch(/"boss" is not a role; the roles are ref, theme, qualityStatement, area, action, milestones, lead, timescale, dueDate, status, rag, progress, measures, outcomes, lastUpdated/);
    expect(line).toMatch(/\bignore\b/);
  });

  it('a sheet that is not there', async () => {
    expect(await oneLine('Actions!action=B')).toMatch(/there is no sheet called "Actions"; the sheets are "Delivery"/);
  });

  it('no action column named, on a sheet where PlanAssure found none', async () => {
    const { code, stderr } = await runCli(['structure', meaningless, '--columns', 'lead=C']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/found no action column on "Sheet1", so name it too, for example action=C/);
  });
});

describe('when no action column reaches confidence', () => {
  it('names the candidate columns with their first values and the exact --columns line to type (exit 1: the plan has an error)', async () => {
    const { code, stdout } = await runCli(['structure', meaningless, '--today', TODAY]);
    expect(code).toBe(1);
    // Any other row that could hold the headers is named, with the header=N to add.
    expect(stdout).toMatch(/Or the headers may be on row 2 \(A "Kestrel", B "Heron", C "Teal"\): add header=2\./);
    expect(stdout).toMatch(/could not tell which column holds the actions/);
    expect(stdout).toMatch(/Sheet "Sheet1", headers on row 1:/);
    expect(stdout).toMatch(/A {3}"Alpha"/);
    expect(stdout).toMatch(/first values: "Kestrel", "Merlin", "Hobby"/);
    const line = /plan-assure structure \S+ --today 2026-01-15 --columns "(action=[A-C][^"]*)"/.exec(stdout);
    expect(line).not.toBeNull();
    // The suggested line reads the plan when typed as shown.
    const typed = await json(['structure', meaningless, '--columns', line![1]]);
    expect(typed.actions).toHaveLength(4);
  });

  it('with --json, stdout stays one JSON object and the message goes to stderr', async () => {
    const { code, issues, stderr } = await json(['validate', meaningless]);
    expect(code).toBe(1);
    expect(issues.map((i) => i.rule)).toContain('no-plan-table');
    expect(stderr).toMatch(/--columns "action=/);
  });
});

describe('a workbook where the plan could be on more than one sheet', () => {
  let twoSheets: string;

  beforeAll(async () => {
    twoSheets = path.join(dir, 'two-sheets.xlsx');
    // Two sheets of the same meaningless kind: neither reads as the plan on its own.
    const wb = new ExcelJS.Workbook();
    for (const name of ['Contacts', "Action plan (Sam's)"]) {
      const ws = wb.addWorksheet(name);
      ws.getRow(1).values = ['Alpha', 'Bravo', 'Charlie'];
      BIRDS.forEach((v, i) => (ws.getRow(2 + i).values = v));
    }
    await wb.xlsx.writeFile(twoSheets);
  });

  it('an unqualified --columns asks which sheet (exit 2, one line)', async () => {
    const { code, stderr } = await runCli(['structure', twoSheets, '--columns', 'action=B']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/the plan could be on "Contacts" or "Action plan \(Sam's\)": name the sheet/);
  });

  it('Sheet!role=C reads that sheet, and the roles saved for a sheet name with spaces and a quote read back', async () => {
    const out = path.join(dir, 'two-sheets-out.xlsx');
    const sheet = "'Action plan (Sam''s)'";
    const first = await json(['structure', twoSheets, '--columns', `Action plan (Sam's)!action=B,${sheet}!lead=C`, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.actions.map((a) => [a.action, a.lead, a.source.sheet])).toEqual(BIRDS.map((r) => [r[1], r[2], "Action plan (Sam's)"]));
    const again = await json(['structure', out]);
    expect(again.actions).toEqual(first.actions);
  });
});

describe('the roles given with --columns are saved in the written copy', () => {
  let out: string;
  let first: Awaited<ReturnType<typeof json>>;

  beforeAll(async () => {
    out = path.join(dir, 'structured.xlsx');
    first = await json(['structure', opaque, '--columns', ROLES, '--out', out]);
  });

  it('one "Plan Settings" row per headed column: the header cell, the role, the header and a fingerprint', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Plan Settings')!;
    expect(ws).toBeDefined();
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ''))));
    expect(rows[0]).toEqual(['Setting', 'Value', 'Header', 'Fingerprint']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['Column: Delivery!A3', 'ref', 'Ix'],
      ['Column: Delivery!B3', 'action', 'Commitment wording'],
      ['Column: Delivery!C3', 'lead', 'Person accountable'],
      ['Column: Delivery!D3', 'dueDate', 'Finish by'],
      ['Column: Delivery!E3', 'progress', 'Where we are'],
    ]);
    expect(new Set(rows.slice(1).map((r) => r[3])).size).toBe(1);
    expect(rows[1][3]).toMatch(/^[0-9a-f]{8}$/);
  });

  it('the next run, without --columns, reads the same actions', async () => {
    const again = await json(['structure', out]);
    expect(again.code).toBe(0);
    expect(again.actions).toEqual(first.actions);
    expect(first.actions).toHaveLength(3);
  });

  it('a second --columns on the written copy replaces the saved rows in place, keeping the officer\'s other settings', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('Plan Settings')!.addRow(['Plan start', '01/04/2025']);
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const second = path.join(dir, 'second.xlsx');
    const run = await json(['structure', edited, '--columns', 'action=B,ignore=C,due=D,progress=E', '--out', second]);
    expect(run.code).toBe(0);
    const after = await json(['structure', second]);
    expect(after.actions.map((a) => a.lead)).toEqual([null, null, null]);
    expect(after.actions).toEqual(run.actions);
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(second);
    const values: string[] = [];
    check.getWorksheet('Plan Settings')!.eachRow((row) => values.push(`${row.getCell(1).value}=${row.getCell(2).value}`));
    expect(values.filter((v) => v.startsWith('Column:'))).toHaveLength(5);
    expect(values).toContain('Column: Delivery!C3=ignore');
    expect(values).toContain('Plan start=01/04/2025');
  });

  it('a changed header row sets the saved roles aside, with a warning that says so', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet('Delivery')!.getCell('C3').value = 'Budget holder';
    const changed = path.join(dir, 'changed.xlsx');
    await wb.xlsx.writeFile(changed);
    const { stdout } = await runCli(['structure', changed, '--today', TODAY]);
    expect(stdout).toMatch(/Warnings \(\d+\)\n(.*\n)*?.*\[saved-columns-changed\] The column roles saved for sheet “Delivery” no longer fit: its header row 3 has changed/);
    const { issues } = await json(['structure', changed]);
    expect(issues.filter((i) => i.rule === 'saved-columns-changed')).toEqual([expect.objectContaining({ severity: 'warning', sheet: 'Plan Settings', cell: 'A1' })]);
  });
});
