/**
 * Writing an output workbook so that nothing half-written is ever left behind: the file is built in memory, written
 * to a temporary file beside the target and renamed over it. A run stopped by Ctrl-C or a termination signal removes
 * its temporary file on the way out; a run killed outright (SIGKILL, a power cut) cannot, so every write first
 * removes the temporary files earlier runs left for the same target, once their process has gone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFLATE_LEVEL } from './package/deflated-part';
import { XlsxWorkbook } from './read-workbook';

const REASONS: Record<string, string> = {
  ENOTDIR: 'part of that path is a file, not a folder',
  EEXIST: 'part of that path is a file, not a folder',
  EISDIR: 'a folder of that name is in the way',
  EACCES: 'you do not have permission to write there',
  EPERM: 'you do not have permission to write there',
  EROFS: 'that place is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is full',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'its folder does not exist and could not be made',
  ELOOP: 'the path goes round in a loop of links',
  EBUSY: 'the file is in use by another program',
};

/** The output file cannot be written: the message names it, says why in plain words and what to do. */
export class OutputNotWritableError extends Error {
  /** Why, in plain words ("the disk is full"). */
  readonly why: string;

  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    // The system's own message names the temporary file, which means nothing to the officer: only its code is kept.
    const why = (code && REASONS[code]) ?? `the system refused the write${code ? ` (${code})` : ''}`;
    super(OutputNotWritableError.saying(target, why, 'a file name'));
    this.why = why;
    this.name = 'OutputNotWritableError';
  }

  /**
   * The message, with what to give a new name (the command says which of its options named the file) and the file
   * already written before this one failed, if any.
   */
  static saying(target: string, why: string, giveWhat: string, alreadyWritten: string | null = null): string {
    const what = alreadyWritten ? `${alreadyWritten} was written; ${target} was not` : 'Nothing was written';
    return `could not write ${target}: ${why}. ${what}. Give ${giveWhat} in a folder you can write to, then retry.`;
  }
}

/**
 * Fast deflate (DEFLATE_LEVEL, 1) for the few small parts JSZip still deflates itself (the workbook's own lists).
 * The tool's sheets arrive deflated already (package/deflated-part.ts), and parts carried over from the officer's
 * file keep their compressed bytes: neither is deflated again.
 */
export const ZIP_OPTIONS = { type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: DEFLATE_LEVEL } } as const;

/** Temporary files this process is writing now, removed if it is interrupted. */
const activeTemps = new Set<string>();
/** Outputs this process has written whole (renamed into place), for the interrupt handler's message. */
const completedWrites: string[] = [];

/** ".plan.xlsx.<pid>.<ms>.tmp": the hidden temporary file for `target` written by process `pid`. */
export function temporaryName(target: string, pid: number, ms: number): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${pid}.${ms}.tmp`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files that runs which have since ended left beside `target`; another live run's are kept. */
export function removeStaleTemporaries(target: string): string[] {
  const dir = path.dirname(path.resolve(target));
  const prefix = `.${path.basename(target)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Not ours to remove after all (permissions): leave it.
    }
  }
  return removed;
}

/** Removes every temporary file this process is part-way through writing (an interrupt handler's job). */
export function removeActiveTemporaries(): void {
  for (const temp of activeTemps) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Best effort on the way out.
    }
  }
  activeTemps.clear();
}

let interruptsHandled = false;

/**
 * For the command only (not a library caller): Ctrl-C (SIGINT) and SIGTERM remove the temporary file, then end the
 * process with the shell's usual status for the signal (130, 143).
 */
export function removeTemporariesOnInterrupt(): void {
  if (interruptsHandled) return;
  interruptsHandled = true;
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      removeActiveTemporaries();
      // A write is synchronous from its temporary file to the rename, so a signal that arrives during it is handled
      // only once the file is whole: say so rather than claim nothing was written.
      const done = completedWrites.length ? `; ${completedWrites.join(', ')} had already been written whole` : '; nothing was written';
      process.stderr.write(`plan-assure: stopped (${signal})${done}.\n`);
      process.exit(status);
    });
  }
}

/**
 * Writes to a temporary file beside the target, then renames: a crash never leaves a half-written workbook. The
 * file is built in memory first, so a failure while building it leaves no temporary file either.
 */
export async function writeWorkbookAtomically(workbook: XlsxWorkbook, target: string): Promise<void> {
  workbook.pkg.flush();
  writeFileAtomically(target, await workbook.pkg.zip.generateAsync(ZIP_OPTIONS));
}

/** Any output file (a workbook's bytes, a CSV's text), written whole or not at all. */
export function writeFileAtomically(target: string, data: Buffer | string): void {
  const dir = path.dirname(path.resolve(target));
  const temp = temporaryName(target, process.pid, Date.now());
  try {
    fs.mkdirSync(dir, { recursive: true });
    removeStaleTemporaries(target);
    activeTemps.add(temp);
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    completedWrites.push(target);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temp file was never made (its folder could not be): nothing to tidy.
    }
    throw new OutputNotWritableError(target, error);
  } finally {
    activeTemps.delete(temp);
  }
}
