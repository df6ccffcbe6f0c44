/**
 * The `plan-assure` command, run as a user runs it (`node bin/plan-assure.js …`) on the committed seed workbooks:
 * the JSON contract, exit codes and messages for unusable input, and the workbook `structure --out` writes.
 *
 * Every CLI run costs a second or two, so each run happens once (in beforeAll) and its result is shared by the
 * assertions that need it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { PLAN_COLUMNS, QUALITY_STATEMENTS, RAGS, STATUSES } from '../src/engine/schema';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plan-assure.js');
const SEED_DIR = path.join(ROOT, 'seeds');
const TODAY = '2026-01-15';

const SEEDS = [
  { file: 'dudley-cqc-action-plan-2009.xlsx', planStart: '2009-10-01' },
  { file: 'sefton-peer-review-action-plan.xlsx', planStart: '2022-11-01' },
  { file: 'north-tyneside-delivery-plan-2025-26.xlsx', planStart: '2025-04-01' },
  { file: 'medway-cqc-improvement-action-plan.xlsx', planStart: '2025-04-01' },
  // The Medway strategy's delivery plan gives no timescales, so it has no due dates.
  { file: 'medway-asc-strategy-delivery-plan.xlsx', planStart: '2021-04-01', noDates: true },
];
/** The canonical example carries deliberate mistakes (a misspelt status, a duplicate ref), so it exits 1. */
const EXAMPLE = { file: 'example-canonical-plan.xlsx', planStart: '2025-04-01', noDates: false };
const WRITE_SEEDS = [...SEEDS, EXAMPLE];

const ACTION_KEYS = [
  'ref', 'theme', 'qualityStatement', 'area', 'action', 'milestones', 'lead', 'timescale', 'dueDate', 'status', 'rag',
  'progress', 'measures', 'outcomes', 'source',
].sort();
const NULLABLE_TEXT_KEYS = ['ref', 'theme', 'qualityStatement', 'area', 'milestones', 'lead', 'timescale', 'progress', 'measures', 'outcomes'];
const HEADERS = PLAN_COLUMNS.map((c) => c.header);
const col = (header: string) => HEADERS.indexOf(header) + 1;
const letter = (header: string) => String.fromCharCode(64 + col(header));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function tempFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /^\..*\.tmp$/.test(f));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell of a sheet, address → value as JSON (dates as ISO strings). */
function cellMap(ws: ExcelJS.Worksheet): Map<string, string> {
  const cells = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.set(cell.address, JSON.stringify(cell.value));
    });
  });
  return cells;
}

function rowValues(ws: ExcelJS.Worksheet, r: number, width: number): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= width; c++) out.push(ws.getCell(r, c).value ?? null);
  return out;
}

/** Sheets laid out as the tool's Plan sheet: row 1 is exactly the schema's Plan headers. */
function toolPlanSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => JSON.stringify(rowValues(ws, 1, HEADERS.length + 1)) === JSON.stringify([...HEADERS, null]));
}

function isoOf(value: unknown): string | null {
  return value instanceof Date ? value.toISOString().slice(0, 10) : null;
}

type Report = { actions: Record<string, unknown>[]; kpis: unknown[]; issues: Record<string, unknown>[] };
type JsonReport = Report & { judged: { date: string; basis: string; reportingPeriod: string | null; planStart: string | null } };

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-cli-'));
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// structure --json on every seed
// ---------------------------------------------------------------------------------------------------------------

describe('structure --json on the seeds', () => {
  const runs = new Map<string, Run>();

  beforeAll(() => {
    for (const seed of SEEDS) {
      runs.set(seed.file, cli(['structure', path.join('seeds', seed.file), '--json', '--today', TODAY, '--plan-start', seed.planStart]));
    }
  });

  describe.each(SEEDS)('$file', (seed) => {
    const run = () => runs.get(seed.file)!;
    const report = () => JSON.parse(run().stdout) as Report;

    it('exits 0 with nothing on stderr', () => {
      expect(run().stderr).toBe('');
      expect(run().status).toBe(0);
    });

    it('prints exactly one JSON object on stdout', () => {
      const out = run().stdout;
      expect(out.endsWith('\n')).toBe(true);
      expect(out.trim().split('\n')).toHaveLength(1);
      const parsed = JSON.parse(out);
      expect(typeof parsed).toBe('object');
      expect(Array.isArray(parsed)).toBe(false);
      expect(Object.keys(parsed).sort()).toEqual(['actions', 'issues', 'judged', 'kpis']);
      expect(Array.isArray(parsed.actions)).toBe(true);
      expect(Array.isArray(parsed.kpis)).toBe(true);
      expect(Array.isArray(parsed.issues)).toBe(true);
      expect(parsed.actions.length).toBeGreaterThan(0);
    });

    it('every action has exactly the canonical keys, with canonical values; absent values are null', () => {
      for (const a of report().actions) {
        expect(Object.keys(a).sort()).toEqual(ACTION_KEYS);
        expect(Object.keys(a.source as object).sort()).toEqual(['row', 'sheet']);
        const source = a.source as { sheet: unknown; row: unknown };
        expect(typeof source.sheet).toBe('string');
        expect(Number.isInteger(source.row) && (source.row as number) >= 1).toBe(true);
        expect(typeof a.action).toBe('string');
        expect((a.action as string).trim()).not.toBe('');
        for (const key of NULLABLE_TEXT_KEYS) {
          const v = a[key];
          expect(v === null || (typeof v === 'string' && v !== '')).toBe(true);
        }
        expect(a.dueDate === null || (typeof a.dueDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.dueDate))).toBe(true);
        expect(a.status === null || (STATUSES as readonly unknown[]).includes(a.status)).toBe(true);
        expect(a.rag === null || (RAGS as readonly unknown[]).includes(a.rag)).toBe(true);
        for (const v of Object.values(a)) {
          expect(v).not.toBeUndefined();
          expect(v).not.toBe('');
        }
      }
    });

    it('the raw JSON text holds no empty strings for fields', () => {
      expect(run().stdout).not.toMatch(/":""/);
    });

    it('issues have rule, severity, sheet, cell and message', () => {
      for (const issue of report().issues) {
        expect(typeof issue.rule).toBe('string');
        expect(['error', 'warning', 'info']).toContain(issue.severity);
        expect(typeof issue.sheet).toBe('string');
        expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
        expect(typeof issue.message).toBe('string');
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Unusable input and command-line mistakes
// ---------------------------------------------------------------------------------------------------------------

describe('unusable input → exit 2, one line naming the file and what to do, nothing written', () => {
  const cases: { name: string; file: string; make: (file: string) => void }[] = [
    { name: 'a missing file', file: 'no-such-plan.xlsx', make: () => undefined },
    { name: 'a text file named .xlsx', file: 'notes.xlsx', make: (f) => fs.writeFileSync(f, 'This is not a workbook, just some notes.\n') },
    {
      name: 'a truncated .xlsx',
      file: 'truncated.xlsx',
      make: (f) => fs.writeFileSync(f, fs.readFileSync(path.join(SEED_DIR, SEEDS[0].file)).subarray(0, 3000)),
    },
    {
      name: 'a password-protected file',
      file: 'protected.xlsx',
      make: (f) => fs.writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])),
    },
    { name: 'an empty (0-byte) file', file: 'empty.xlsx', make: (f) => fs.writeFileSync(f, '') },
  ];
  const results = new Map<string, { run: Run; dir: string; input: string; out: string; hashBefore: string | null }>();

  beforeAll(() => {
    for (const c of cases) {
      const dir = fs.mkdtempSync(path.join(tmp, 'bad-'));
      const input = path.join(dir, c.file);
      c.make(input);
      const hashBefore = fs.existsSync(input) ? sha256(input) : null;
      const out = path.join(dir, 'structured.xlsx');
      const run = cli(['structure', input, '--out', out, '--json', '--today', TODAY]);
      results.set(c.name, { run, dir, input, out, hashBefore });
    }
  });

  describe.each(cases)('$name', (c) => {
    const get = () => results.get(c.name)!;

    it('exits 2', () => {
      expect(get().run.status).toBe(2);
    });

    it('writes exactly one line on stderr, naming the file and saying what to do, with no stack trace', () => {
      const { stderr } = get().run;
      const lines = stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(c.file);
      expect(lines[0]).toMatch(/\b(check|save|remove|open|retry|try again)\b/i);
      expect(stderr).not.toContain('    at ');
      expect(stderr).not.toMatch(/Error:|TypeError|ENOENT/);
    });

    it('prints no half report on stdout: with --json, only the object saying why it failed', () => {
      expect(JSON.parse(get().run.stdout)).toEqual({ failed: { exitCode: 2, message: expect.stringContaining(c.file) } });
    });

    it('leaves no output file and no temp file behind', () => {
      const { dir, out } = get();
      expect(fs.existsSync(out)).toBe(false);
      expect(tempFiles(dir)).toEqual([]);
    });

    it('does not change the input', () => {
      const { input, hashBefore } = get();
      if (hashBefore === null) expect(fs.existsSync(input)).toBe(false);
      else expect(sha256(input)).toBe(hashBefore);
    });
  });
});

describe('command-line mistakes and --help', () => {
  const seed = path.join('seeds', SEEDS[0].file);
  let badToday: Run;
  let unknown: Run;
  let help: Run;
  let noCommand: Run;

  beforeAll(() => {
    badToday = cli(['structure', seed, '--json', '--today', '2026-13-01']);
    unknown = cli(['restructure', seed]);
    help = cli(['--help']);
    noCommand = cli([]);
  });

  it('a bad --today ("2026-13-01") → exit 2, the reason and the usage, no stack trace, no report (with --json, the reason as JSON)', () => {
    expect(badToday.status).toBe(2);
    expect(badToday.stderr).toContain('--today');
    expect(badToday.stderr).toContain('2026-13-01');
    expect(badToday.stderr).toContain('Usage:');
    expect(badToday.stderr).not.toContain('    at ');
    expect(JSON.parse(badToday.stdout)).toEqual({ failed: { exitCode: 2, message: expect.stringContaining('2026-13-01') } });
  });

  it('an unknown command → exit 2 with the usage', () => {
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('restructure');
    expect(unknown.stderr).toContain('Usage:');
    expect(unknown.stderr).not.toContain('    at ');
  });

  it('no command → exit 2 with the usage', () => {
    expect(noCommand.status).toBe(2);
    expect(noCommand.stderr).toContain('Usage:');
  });

  it('--help → exit 0 with the usage on stdout', () => {
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('structure');
    expect(help.stderr).toBe('');
  });
});

describe('--out equal to the input', () => {
  let dir: string;
  let input: string;
  let before: string;
  let same: Run;
  let sameSpelledDifferently: Run;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(tmp, 'same-'));
    input = path.join(dir, 'plan.xlsx');
    fs.copyFileSync(path.join(SEED_DIR, SEEDS[0].file), input);
    before = sha256(input);
    same = cli(['structure', input, '--out', input, '--today', TODAY]);
    sameSpelledDifferently = cli(['structure', input, '--out', `${dir}${path.sep}..${path.sep}${path.basename(dir)}${path.sep}.${path.sep}plan.xlsx`, '--today', TODAY]);
  });

  it('exits 2 and says why, no stack trace', () => {
    for (const run of [same, sameSpelledDifferently]) {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--out/);
      expect(run.stderr).not.toContain('    at ');
    }
  });

  it('leaves the input byte for byte unchanged, and no temp file', () => {
    expect(sha256(input)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// structure --out: the workbook written
// ---------------------------------------------------------------------------------------------------------------

describe('structure --out', () => {
  interface Written {
    dir: string;
    input: string;
    out: string;
    out2: string;
    hashBefore: string;
    hashAfter: string;
    first: Run;
    second: Run;
  }
  const written = new Map<string, Written>();

  beforeAll(() => {
    for (const seed of WRITE_SEEDS) {
      const dir = fs.mkdtempSync(path.join(tmp, 'out-'));
      const input = path.join(SEED_DIR, seed.file);
      const out = path.join(dir, seed.file.replace(/\.xlsx$/, '.structured.xlsx'));
      const out2 = path.join(dir, seed.file.replace(/\.xlsx$/, '.again.xlsx'));
      const hashBefore = sha256(input);
      const first = cli(['structure', input, '--out', out, '--json', '--today', TODAY, '--plan-start', seed.planStart]);
      const hashAfter = sha256(input);
      const second = fs.existsSync(out)
        ? cli(['structure', out, '--out', out2, '--json', '--today', TODAY, '--plan-start', seed.planStart])
        : { status: null, stdout: '', stderr: 'first run wrote nothing' };
      written.set(seed.file, { dir, input, out, out2, hashBefore, hashAfter, first, second });
    }
  });

  describe.each(WRITE_SEEDS)('$file', (seed) => {
    const get = () => written.get(seed.file)!;
    const actions = () => (JSON.parse(get().first.stdout) as Report).actions;

    it('exits 0 (1 for the example, whose plan has errors), writes the file and leaves no temp file', () => {
      const w = get();
      expect(w.first.stderr).toBe('');
      const hasErrors = (JSON.parse(w.first.stdout) as Report).issues.some((i) => i.severity === 'error');
      expect(hasErrors).toBe(seed === EXAMPLE);
      expect(w.first.status).toBe(hasErrors ? 1 : 0);
      expect(fs.existsSync(w.out)).toBe(true);
      expect(tempFiles(w.dir)).toEqual([]);
    });

    it("leaves the input file's bytes unchanged", () => {
      const w = get();
      expect(w.hashAfter).toBe(w.hashBefore);
    });

    it('keeps every source sheet, cell for cell, with its merges and visibility', async () => {
      const w = get();
      const input = await load(w.input);
      const output = await load(w.out);
      for (const ws of input.worksheets) {
        const copy = output.getWorksheet(ws.name);
        expect(copy).toBeDefined();
        const a = cellMap(ws);
        const b = cellMap(copy!);
        expect(a.size).toBeGreaterThan(0);
        expect([...b.entries()]).toEqual([...a.entries()]);
        expect([...((copy!.model as { merges?: string[] }).merges ?? [])].sort()).toEqual(
          [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
        );
        expect(copy!.state ?? 'visible').toBe(ws.state ?? 'visible');
      }
    });

    it('has one tool Plan sheet: schema headers, one row per action, in order, with provenance', async () => {
      const w = get();
      const output = await load(w.out);
      const input = await load(w.input);
      const plans = toolPlanSheets(output);
      expect(plans).toHaveLength(1);
      const ws = plans[0];
      if (!input.getWorksheet('Plan')) expect(ws.name).toBe('Plan');
      expect(rowValues(ws, 1, HEADERS.length)).toEqual(HEADERS);
      const list = actions();
      expect(list.length).toBeGreaterThan(0);
      expect(ws.actualRowCount).toBe(list.length + 1);
      list.forEach((a, i) => {
        const r = i + 2;
        const source = a.source as { sheet: string; row: number };
        expect(ws.getCell(r, col('Source sheet')).value).toBe(source.sheet);
        expect(ws.getCell(r, col('Source row')).value).toBe(source.row);
        expect(ws.getCell(r, col('Action')).value).toBe(a.action);
        expect(ws.getCell(r, col('Ref')).value ?? null).toBe(a.ref);
        expect(ws.getCell(r, col('Timescale')).value ?? null).toBe(a.timescale);
      });
    });

    it('the Plan sheet is an Excel table over the header and every action row', async () => {
      const ws = toolPlanSheets(await load(get().out))[0];
      const tables = ws.getTables() as unknown as { table: { tableRef?: string; ref?: string; name: string } }[];
      expect(tables).toHaveLength(1);
      const t = tables[0].table;
      const lastCol = String.fromCharCode(64 + HEADERS.length);
      expect(t.tableRef ?? t.ref).toBe(`A1:${lastCol}${actions().length + 1}`);
    });

    it('Due date cells are real dates shown dd/mm/yyyy, equal to the JSON dueDate', async () => {
      const ws = toolPlanSheets(await load(get().out))[0];
      const list = actions();
      let dated = 0;
      list.forEach((a, i) => {
        const cell = ws.getCell(i + 2, col('Due date'));
        if (a.dueDate === null) {
          expect(cell.value ?? null).toBeNull();
          return;
        }
        dated++;
        expect(cell.value).toBeInstanceOf(Date);
        expect(isoOf(cell.value)).toBe(a.dueDate);
        expect(cell.numFmt).toBe('dd/mm/yyyy');
      });
      if (!seed.noDates) expect(dated).toBeGreaterThan(0);
    });

    it('has list validations on Status, RAG and Quality statement that point at the right values', async () => {
      const output = await load(get().out);
      const ws = toolPlanSheets(output)[0];
      const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
      const expected: [string, readonly string[]][] = [
        ['Status', STATUSES],
        ['RAG', RAGS],
        ['Quality statement', QUALITY_STATEMENTS],
      ];
      for (const [header, values] of expected) {
        const lastRow = actions().length + 1;
        for (const r of [2, lastRow]) {
          const v = model[`${letter(header)}${r}`];
          expect(v).toBeDefined();
          expect(v.type).toBe('list');
          // The list source is a range on another sheet: it must hold exactly the canonical values.
          const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(v.formulae[0]);
          expect(m).not.toBeNull();
          const lists = output.getWorksheet(m![1])!;
          expect(lists).toBeDefined();
          const got: unknown[] = [];
          for (let row = Number(m![3]); row <= Number(m![5]); row++) got.push(lists.getCell(`${m![2]}${row}`).value);
          expect(got).toEqual([...values]);
        }
      }
      // Not on columns that are free text.
      expect(model[`${letter('Action')}2`]).toBeUndefined();
    });

    it('freezes the header row', async () => {
      const ws = toolPlanSheets(await load(get().out))[0];
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });

    it('a second run on the OUTPUT gives the same actions and still exactly one Plan sheet', async () => {
      const w = get();
      expect(w.second.stderr).toBe('');
      expect(w.second.status).toBe(w.first.status);
      expect((JSON.parse(w.second.stdout) as Report).actions).toEqual(actions());
      const first = await load(w.out);
      const again = await load(w.out2);
      expect(toolPlanSheets(again)).toHaveLength(1);
      expect(again.worksheets.map((s) => s.name)).toEqual(first.worksheets.map((s) => s.name));
      expect(again.worksheets.filter((s) => s.name === toolPlanSheets(first)[0].name)).toHaveLength(1);
      expect(tempFiles(w.dir)).toEqual([]);
    });
  });

  it('--out gives the same report as a plain --json run', () => {
    const seed = SEEDS[2];
    const plain = cli(['structure', path.join('seeds', seed.file), '--json', '--today', TODAY, '--plan-start', seed.planStart]);
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual(JSON.parse(written.get(seed.file)!.first.stdout));
  });

  describe('the canonical example (the officer already has a sheet called "Plan")', () => {
    const get = () => written.get(EXAMPLE.file)!;

    it('writes the tool sheet under a non-clashing name and leaves the officer\'s "Plan" intact', async () => {
      const input = await load(get().input);
      const output = await load(get().out);
      const tool = toolPlanSheets(output);
      expect(tool).toHaveLength(1);
      expect(tool[0].name).not.toBe('Plan');
      expect(input.worksheets.map((s) => s.name)).not.toContain(tool[0].name);
      expect(tool[0].name.length).toBeLessThanOrEqual(31);
      const officer = output.getWorksheet('Plan')!;
      expect(officer).toBeDefined();
      expect(rowValues(officer, 1, 16)).toEqual(rowValues(input.getWorksheet('Plan')!, 1, 16));
      expect(rowValues(officer, 1, 16)).not.toContain('Source sheet');
      expect([...cellMap(officer).entries()]).toEqual([...cellMap(input.getWorksheet('Plan')!).entries()]);
    });

    it('reads the officer\'s "Plan" as the source (the tool sheet points back to it)', () => {
      const list = (JSON.parse(get().first.stdout) as Report).actions;
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((a) => (a.source as { sheet: string }).sheet === 'Plan')).toBe(true);
    });

    it('writes a progress text starting with "=" as a plain string, not a formula', async () => {
      const output = await load(get().out);
      const ws = toolPlanSheets(output)[0];
      let found: ExcelJS.Cell | null = null;
      for (let r = 2; r <= ws.rowCount; r++) {
        if (ws.getCell(r, col('Source sheet')).value === 'Plan' && ws.getCell(r, col('Source row')).value === 14) found = ws.getCell(r, col('Progress'));
      }
      expect(found).not.toBeNull();
      expect(typeof found!.value).toBe('string');
      expect(found!.value).toBe('=see minutes of board 12/09');
      expect(found!.type).toBe(ExcelJS.ValueType.String);
      expect(found!.formula).toBeUndefined();
      // And the JSON carries the words as written.
      const action = (JSON.parse(get().first.stdout) as Report).actions.find((a) => (a.source as { row: number }).row === 14)!;
      expect(action.progress).toBe('=see minutes of board 12/09');
    });
  });
});

describe('the readable report says the dates it judged at', () => {
  const seed = path.join(SEED_DIR, 'sefton-peer-review-action-plan.xlsx');
  test('validate judges at --today, run at the end of its reporting period; both give the plan start', () => {
    const validate = cli(['validate', seed, '--today', TODAY, '--plan-start', '2022-11-01']);
    expect(validate.stdout.split('\n')[1]).toBe('Judged at 15/01/2026, the date given with --today; relative timescales count from the plan start, 01/11/2022.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-judged-'));
    try {
      const run = cli(['run', seed, '--out', path.join(dir, 'pack.xlsx'), '--period', 'Q3 2025/26', '--plan-start', '2022-11-01']);
      expect(run.stdout.split('\n')[1]).toBe(
        'Judged at 31/12/2025, the end of the reporting period, Q3 2025/26 (--today judges at another date); relative timescales count from the plan start, 01/11/2022.',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the JSON report says the dates it judged at', () => {
  const seed = path.join(SEED_DIR, 'sefton-peer-review-action-plan.xlsx');
  test('as the readable report does: the date, why that date, the period of a board pack and the plan start', () => {
    const given = JSON.parse(cli(['validate', seed, '--json', '--today', TODAY, '--plan-start', '2022-11-01']).stdout) as JsonReport;
    expect(given.judged).toEqual({ date: TODAY, basis: 'given', reportingPeriod: null, planStart: '2022-11-01' });
    const today = JSON.parse(cli(['validate', seed, '--json']).stdout) as JsonReport;
    expect(today.judged.basis).toBe('today');
    expect(today.judged.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-assure-judged-json-'));
    try {
      const run = JSON.parse(cli(['run', seed, '--json', '--out', path.join(dir, 'pack.xlsx'), '--period', 'Q3 2025/26', '--today', '2026-05-01']).stdout) as JsonReport;
      // --today with --period: a given date wins over the period's end; without --plan-start, 1 April of --today's year.
      expect(run.judged).toEqual({ date: '2026-05-01', basis: 'given', reportingPeriod: 'Q3 2025/26', planStart: '2026-04-01' });
      const atEnd = JSON.parse(cli(['run', seed, '--json', '--out', path.join(dir, 'end.xlsx'), '--period', 'Q3 2025/26', '--plan-start', '2022-11-01']).stdout) as JsonReport;
      expect(atEnd.judged).toEqual({ date: '2025-12-31', basis: 'period-end', reportingPeriod: 'Q3 2025/26', planStart: '2022-11-01' });
      // Overdue is judged at that date: no action due after it is reported overdue.
      const overdue = atEnd.issues.filter((i) => i.rule === 'overdue').length;
      const validated = JSON.parse(cli(['validate', seed, '--json', '--today', '2025-12-31', '--plan-start', '2022-11-01']).stdout) as JsonReport;
      expect(validated.issues.filter((i) => i.rule === 'overdue').length).toBe(overdue);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('with --json, a command that cannot finish prints one JSON object saying why', () => {
  test('for a workbook that cannot be used and for a mistyped option, beside the same words on stderr', () => {
    const missing = cli(['validate', path.join(os.tmpdir(), 'no-such-plan.xlsx'), '--json']);
    expect(missing.status).toBe(2);
    expect(missing.stdout.trim().split('\n')).toHaveLength(1);
    const failure = JSON.parse(missing.stdout) as { failed: { exitCode: number; message: string } };
    expect(failure.failed.exitCode).toBe(2);
    expect(missing.stderr).toBe(`plan-assure: ${failure.failed.message}\n`);
    expect(failure.failed.message).toContain('no-such-plan.xlsx');

    const typo = cli(['validate', path.join(SEED_DIR, EXAMPLE.file), '--json', '--todya', TODAY]);
    expect(typo.status).toBe(2);
    expect((JSON.parse(typo.stdout) as { failed: { message: string } }).failed.message).toContain('--todya');
    expect(typo.stderr).toContain('Usage');
  });

  test('without --json, stdout stays empty', () => {
    const missing = cli(['validate', path.join(os.tmpdir(), 'no-such-plan.xlsx')]);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
  });
});

describe('a --polarity that names no KPI', () => {
  test('is said, not silently ignored; one that names a KPI says nothing', () => {
    const example = path.join(SEED_DIR, EXAMPLE.file);
    const typo = cli(['validate', example, '--json', '--today', TODAY, '--polarity', 'KPI-77=lower']);
    expect(typo.stderr).toContain('--polarity names “KPI-77”, which is not the id or code of any KPI in this workbook, so nothing was changed for it.');
    const kpis = (JSON.parse(typo.stdout) as { kpis: { id: string }[] }).kpis;
    expect(kpis.length).toBeGreaterThan(0);
    const known = cli(['validate', example, '--json', '--today', TODAY, '--polarity', `${kpis[0].id}=lower`]);
    expect(known.stderr).not.toContain('--polarity names');
  });
});
