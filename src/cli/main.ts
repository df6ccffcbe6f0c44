/**
 * The plan-assure command: a thin shell over the engine and the xlsx adapter. Its commands, options and exit codes
 * are written in one place, the usage text in ./usage.ts that `plan-assure --help` prints, so no copy here can fall
 * behind it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePolarityOption, polaritiesNamingNoKpi } from '../engine/kpi/saved-polarity';
import { failureReportSchema, Finding, Judgement, Polarity } from '../engine/schema';
import { readSettingsSheet } from '../engine/settings';
import { structureWorkbookPlan, ownedSheets } from '../engine/sheet-plan/structure-plan';
import { PendingWorkbookPlan, pendingSheets } from '../engine/sheet-plan/types';
import { boardPackSheets, judgementDate, PackAction, parseReportingPeriod, PERIOD_EXAMPLES, reportingPeriod, withPackRags } from '../engine/board-pack';
import { ukDate } from '../engine/uk-date';
import { choosableSheets } from '../engine/column-choice';
import { savedColumnsFor, savedKpiColumnsFor, settingsEditFor, SavedColumn } from '../engine/saved-mapping';
import { structureWorkbook, StructureOptions, StructureResult } from '../engine/structure';
import { WorkbookModel } from '../engine/workbook';
import { editSettingsSheet, withSettingsSheet } from '../xlsx/settings-edit';
import { candidateMessage } from './candidates';
import { ColumnsChoice, ColumnsError, KpiColumnsChoice, resolveColumns } from './columns-option';
import { validatePlan } from '../engine/validate';
import { applyPendingPlan, EditedToolSheetError, NewerToolSheetError, OutputNotWritableError, SheetNameClashError, writeWorkbookAtomically } from '../xlsx/apply-plan';
import { loadWorkbook, UnusableInputError, workbookModel, XlsxWorkbook } from '../xlsx/read-workbook';
import { checkOutputKind, OutputKindError } from '../xlsx/output-kind';
export { removeTemporariesOnInterrupt } from '../xlsx/write-atomically';
import { ReadLimits } from '../xlsx/package/limits';
import { READ_LIMIT_OPTIONS, readLimitsFrom } from './read-limits';
import { nearestWord, optionErrorMessage } from './typos';
import { buildReport } from './report';
import { USAGE } from './usage';
export { USAGE } from './usage';
import { planCsv } from '../engine/sheet-plan/plan-csv';
import { writeFileAtomically } from '../xlsx/write-atomically';
import { printReadable } from './readable';


class UsageError extends Error {
  /** withUsage: false for a message that says all the officer needs in one line (the usage would bury it). */
  constructor(
    message: string,
    readonly withUsage = true,
  ) {
    super(message);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  if (!ISO.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${name} must be a real date written YYYY-MM-DD, for example 2026-03-31 (got "${value}").`);
  }
  return value;
}

interface Options {
  command: 'structure' | 'validate' | 'run';
  input: string;
  out?: string;
  json: boolean;
  today: string;
  /** The officer gave --today: RAG and overdue are judged at it rather than at the reporting period's end. */
  todayGiven: boolean;
  planStart?: string;
  period?: string;
  columns?: string;
  limits: ReadLimits;
  csv?: string;
  /** The officer's polarities from --polarity, by KPI id or code. */
  polarities: Record<string, Polarity>;
}

const OPTIONS = {
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
  today: { type: 'string' },
  'plan-start': { type: 'string' },
  period: { type: 'string' },
  polarity: { type: 'string', multiple: true },
  columns: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  csv: { type: 'string' },
  replace: { type: 'boolean', default: false },
  ...READ_LIMIT_OPTIONS,
} as const;

const COMMANDS = ['structure', 'validate', 'run'] as const;
const isCommand = (word: string | undefined): word is Options['command'] => (COMMANDS as readonly (string | undefined)[]).includes(word);

function parse(argv: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(optionErrorMessage(error, Object.keys(OPTIONS)));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return 'help';
  const [command, input, ...extra] = positionals;
  if (!isCommand(command)) {
    const near = command ? nearestWord(command, COMMANDS) : null;
    throw new UsageError(command ? `Unknown command "${command}".${near ? ` Did you mean "${near}"?` : ''}` : 'Name a command: structure, validate or run.');
  }
  if (!input) throw new UsageError(`Name the workbook to ${command}, e.g. plan-assure ${command} plan.xlsx`);
  if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  if (values.out !== undefined && command === 'validate') throw new UsageError('--out goes with structure or run.');
  if (command === 'run' && !values.out) throw new UsageError('run writes the board pack to a new file: add --out <out.xlsx>.');
  if (values.period !== undefined && !parseReportingPeriod(values.period)) {
    const [first, ...others] = PERIOD_EXAMPLES.map((e) => `"${e}"`);
    throw new UsageError(`--period "${values.period}" is not a financial-year quarter (April to March): write it like ${first} (July to September 2025), ${others.join(' or ')}.`, false);
  }
  if (values.out !== undefined && !/\.xls[xm]$/i.test(values.out)) throw new UsageError(`--out must name an .xlsx file (or .xlsm for a workbook with macros; got "${values.out}").`);
  if (values.csv !== undefined && command !== 'structure') throw new UsageError('--csv goes with structure: plan-assure structure plan.xlsx --csv plan.csv');
  if (values.csv !== undefined && !/\.csv$/i.test(values.csv)) throw new UsageError(`--csv must name a .csv file (got "${values.csv}").`);
  let limits: ReadLimits;
  try {
    limits = readLimitsFrom(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.out && path.resolve(values.out) === path.resolve(input)) {
    throw new UsageError('--out must be a different file from the input: PlanAssure never changes the workbook it reads.');
  }
  if (values.replace && values.out === undefined && values.csv === undefined) throw new UsageError('--replace goes with --out or --csv: it lets them replace a file already there.');
  const options: Options = {
    command,
    input,
    out: values.out,
    json: values.json ?? false,
    today: checkDate('today', values.today) ?? localToday(),
    todayGiven: values.today !== undefined,
    planStart: checkDate('plan-start', values['plan-start']),
    period: values.period,
    columns: values.columns,
    limits,
    csv: values.csv,
    polarities: polarityOptions(values.polarity ?? []),
  };
  // Last of the checks, so a mistyped date is said first. A file already at --out may be last quarter's pack with the
  // officer's notes typed in: replaced only when asked, as Excel asks before Save As replaces a file. Anything there
  // but a real folder counts (a link too, even one to nowhere); a folder in the way is for the write to report.
  for (const [flag, file] of [['out', values.out], ['csv', values.csv]] as const) {
    if (file !== undefined && !values.replace && isSomethingButAFolder(file)) {
      throw new UsageError(`${file} already exists. Nothing was written: add --replace to replace it, or give --${flag} another name.`, false);
    }
  }
  return options;
}

function isSomethingButAFolder(file: string): boolean {
  try {
    return !fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

function polarityOptions(options: string[]): Record<string, Polarity> {
  const out: Record<string, Polarity> = {};
  for (const option of options) {
    const parsed = parsePolarityOption(option);
    if (!parsed) throw new UsageError(`--polarity must name a KPI and which way is better, such as "ASCOF 2A=lower" or "K1=higher" (got "${option}").`);
    out[parsed.kpi] = parsed.polarity;
  }
  return out;
}

function columnOverrides(chosen: ColumnsChoice[], kpis: KpiColumnsChoice[]): Partial<StructureOptions> {
  return {
    columnOverrides: Object.fromEntries(chosen.map((c) => [c.sheet, Object.fromEntries(c.fields)])),
    headerRowOverrides: Object.fromEntries(chosen.map((c) => [c.sheet, c.headerRow])),
    kpiColumnOverrides: Object.fromEntries(kpis.map((c) => [c.sheet, Object.fromEntries(c.fields)])),
    kpiHeaderRowOverrides: Object.fromEntries(kpis.map((c) => [c.sheet, c.headerRow])),
  };
}

/** Every headed column of each sheet the officer named, with the role it was read as (theirs, or as found). */
function savedColumns(model: WorkbookModel, result: StructureResult, chosen: ColumnsChoice[]): SavedColumn[] {
  return chosen.flatMap((c) => {
    const layout = result.sheets.find((s) => s.sheet === c.sheet && s.role === 'plan');
    const fields = layout ? new Map(layout.columns.map((col) => [col.col, col.field])) : c.fields;
    return savedColumnsFor(model.sheets.find((s) => s.name === c.sheet)!, c.headerRow, fields);
  });
}

/** Every headed column of each KPI sheet the officer named, with the KPI role it was read as (a period column keeps its period). */
function savedKpiColumns(model: WorkbookModel, result: StructureResult, chosen: KpiColumnsChoice[]): SavedColumn[] {
  return chosen.flatMap((c) => {
    const read = result.sheets.find((s) => s.sheet === c.sheet)?.kpiHeader;
    const roles = read?.row === c.headerRow ? new Map(read.columns.map((col) => [col.col, col.role])) : c.fields;
    return savedKpiColumnsFor(model.sheets.find((s) => s.name === c.sheet)!, c.headerRow, roles);
  });
}

/**
 * Everything a command decides from the workbook as read, and the workbook to write into. The read model (every cell
 * of the input) is needed only here: the workbook handed back keeps just the tool's own sheets of it (to tell whether
 * the officer edited them), so the rest can be collected before the output is built and written, when memory peaks.
 */
async function readAndJudge(options: Options, argv: string[], stages: RunStages) {
  const workbook = await loadWorkbook(options.input, options.limits);
  if (options.out) checkOutputKind(workbook.pkg, options.input, options.out);
  const model = workbookModel(workbook);
  stages.read?.();
  const owned = ownedSheets(model);
  // --polarity adds to (and wins over) the polarities saved in the workbook's Plan Settings.
  const kpiPolarities = { ...readSettingsSheet(model).settings.kpiPolarities, ...options.polarities };
  const settings = Object.keys(kpiPolarities).length ? { kpiPolarities } : undefined;
  const base: StructureOptions = { today: options.today, planStart: options.planStart, ownedSheets: owned, settings };
  let result = structureWorkbook(model, base);
  const kpiChosen: KpiColumnsChoice[] = [];
  const chosen = options.columns ? resolveColumns(options.columns, model, choosableSheets(model, result), kpiChosen) : [];
  if (chosen.length || kpiChosen.length) result = structureWorkbook(model, { ...base, ...columnOverrides(chosen, kpiChosen) });
  // The roles given with --columns are saved in the written copy, so the next run reads the plan the same way.
  const toSave = [...savedColumns(model, result, chosen), ...savedKpiColumns(model, result, kpiChosen)];
  const settingsEdit = toSave.length ? settingsEditFor(model, toSave) : null;
  // A board pack judges overdue at the end of its period (or at --today, when given): its checks judge at the same date.
  const judgedAt = options.todayGiven ? options.today : undefined;
  const checkedAt = options.command === 'run' ? judgementDate(result, { today: options.today, period: options.period, judgedAt }) : options.today;
  const findings: Finding[] = [...result.findings, ...validatePlan(result, { today: checkedAt })];
  const judgement = judgementOf(options, result, checkedAt);
  const unmatchedPolarities = unmatchedPolarityNotice(options.polarities, result);
  let pending: PendingWorkbookPlan | null = null;
  let packActions: PackAction[] | null = null;
  if (options.command === 'structure' && options.out) pending = pendingSheets(structureWorkbookPlan(result, model));
  if (options.command === 'run' && options.out) {
    const pack = boardPackSheets(result, model, { today: options.today, period: options.period, judgedAt, findings });
    pending = pack.plan;
    packActions = pack.actions;
  }
  // Which columns the officer could name, only when no plan was found (they are what the message suggests).
  const choices = result.sheets.some((s) => s.role === 'plan') ? [] : choosableSheets(model, result);
  const candidates = choices.length ? candidateMessage(model, choices, argv) : null;
  const ownedLower = new Set(owned.map((name) => name.toLowerCase()));
  const target: XlsxWorkbook = { ...workbook, model: { ...model, sheets: model.sheets.filter((s) => ownedLower.has(s.name.toLowerCase())) } };
  return { target, owned, result, findings, settingsEdit, pending, packActions, candidates, judgement, unmatchedPolarities };
}

/** A --polarity that names no KPI of the workbook (a mistyped id) changes nothing: say so rather than stay silent. */
function unmatchedPolarityNotice(polarities: Record<string, Polarity>, result: StructureResult): string | null {
  const unmatched = polaritiesNamingNoKpi(polarities, result.kpis);
  if (!unmatched.length) return null;
  const named = unmatched.map((kpi) => `“${kpi}”`).join(', ');
  return result.kpis.length
    ? `--polarity names ${named}, which is not the id or code of any KPI in this workbook, so nothing was changed for it. Check the id against the KPI sheet.`
    : `--polarity names ${named}, but this workbook has no KPIs, so nothing was changed.`;
}

/**
 * The date the checks were made at, and why, for both reports: a board pack judges overdue and RAG at the end of its
 * reporting period, the other commands at today, so the same plan can have more overdue actions by `validate` than
 * by `run`; and relative timescales ("within 6 months") count from the plan start.
 */
function judgementOf(options: Options, result: StructureResult, checkedAt: string): Judgement {
  return {
    date: checkedAt,
    basis: options.todayGiven ? 'given' : options.command === 'run' ? 'period-end' : 'today',
    reportingPeriod: options.command === 'run' ? reportingPeriod(result, { today: options.today, period: options.period }).label : null,
    planStart: result.settings.planStart,
  };
}

/** The judgement in words, the readable report's second line. */
function judgedLine(judged: Judgement): string {
  const why =
    judged.basis === 'given'
      ? 'the date given with --today'
      : judged.basis === 'period-end'
        ? `the end of the reporting period, ${judged.reportingPeriod} (--today judges at another date)`
        : 'today';
  const start = judged.planStart ? `; relative timescales count from the plan start, ${ukDate(judged.planStart)}` : '';
  return `Judged at ${ukDate(judged.date)}, ${why}${start}.`;
}

/** What the caller is told as a run goes (the bin sets how V8 grows the heap by them). */
export interface RunStages {
  /** The workbook is read into the model, before anything is made of it. */
  read?: () => void;
}

export async function main(
  argv: string[],
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
  stages: RunStages = {},
): Promise<number> {
  let options: Options | 'help';
  // Before the options are read, --json is taken as written: a batch asking for JSON gets it for a mistyped option too.
  const optionArgs = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const failed = failureWriter(optionArgs.includes('--json'), stdout, stderr);
  try {
    options = parse(argv);
  } catch (error) {
    return failed(2, (error as Error).message, error instanceof UsageError && !error.withUsage ? '' : `\n${USAGE}`);
  }
  if (options === 'help') {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  /** The output already written, when a later one fails (structure --out … --csv …). */
  let written: string | null = null;
  try {
    const { target, owned, result, findings, settingsEdit, pending, packActions, candidates, judgement, unmatchedPolarities } = await readAndJudge(options, argv, stages);
    // What the write tells the officer (a table given another name than planned), after the report.
    const notices: string[] = unmatchedPolarities ? [unmatchedPolarities] : [];
    // `pending` is the Plan sheet (structure) or the board pack (run), planned only when there is an --out to write.
    if (options.out && pending) {
      notices.push(...(await applyPendingPlan(target, withSettingsSheet(pending, settingsEdit), owned)).notices);
      await editSettingsSheet(target, settingsEdit);
      await writeWorkbookAtomically(target, options.out);
      written = options.out;
    }
    if (options.command === 'structure' && options.csv) {
      writeFileAtomically(options.csv, planCsv(result));
      written = written ? `${written} and ${options.csv}` : options.csv;
    }
    // The JSON report shows each action's RAG as the board pack does: entered, or derived where none was entered.
    // (The readable report counts actions and shows no RAG.)
    if (options.json) {
      const reported = packActions ? { ...result, actions: withPackRags(packActions) } : result;
      stdout.write(`${JSON.stringify(buildReport(reported, findings, judgement))}\n`);
    } else printReadable(stdout, options.command, options.input, result, findings, written, options.out && written && settingsEdit ? settingsEdit.sheet : null, judgedLine(judgement));
    // No action column anywhere: name the columns it could be and the line to type (on stderr beside --json).
    if (candidates) (options.json ? stderr : stdout).write(`\n${candidates}\n`);
    for (const notice of notices) (options.json ? stderr : stdout).write(`\n${notice}\n`);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (error) {
    if (error instanceof ColumnsError) return failed(2, `${error.message} Nothing was written.`);
    if (error instanceof OutputNotWritableError) {
      // The option that named the file: a CSV that cannot be written is --csv's to change, not --out's.
      const option = options.csv !== undefined && path.resolve(error.target) === path.resolve(options.csv) ? '--csv' : '--out';
      return failed(2, OutputNotWritableError.saying(error.target, error.why, `${option} a file name`, written));
    }
    if (error instanceof UnusableInputError || error instanceof OutputKindError) return failed(2, error.message);
    if (error instanceof SheetNameClashError || error instanceof EditedToolSheetError || error instanceof NewerToolSheetError) {
      return failed(2, `${path.basename(options.input)} ${error.message} Nothing was written.`);
    }
    return failed(
      3,
      `something went wrong while working on ${path.basename(options.input)} (${(error as Error)?.message ?? error}). ` +
        'Nothing was written. Please report this with the workbook if you can.',
    );
  }
}

/**
 * Says why a command could not finish, on stderr after the command's name (with `more` after it there: the usage, for
 * a mistyped command) and, with --json, as one JSON object on stdout, so a batch reading stdout gets an object for
 * every workbook; gives the exit code.
 */
function failureWriter(json: boolean, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): (exitCode: 2 | 3, message: string, more?: string) => number {
  return (exitCode, message, more = '') => {
    stderr.write(`plan-assure: ${message}\n${more ? `${more}\n` : ''}`);
    if (json) stdout.write(`${JSON.stringify(failureReportSchema.parse({ failed: { exitCode, message } }))}\n`);
    return exitCode;
  };
}
