/**
 * The side-by-side section of `npm run bench`: the shipped command (bin/plan-assure.js, the compiled CLI) against
 * what a user would otherwise run on the same file, each timed as a whole process (start-up included) with its own
 * peak memory. Rounds are interleaved (each round runs every tool once, starting with a different one each time),
 * so a busy spell on this shared machine falls on all of them alike; the figure is each tool's median round.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'plan-assure.js');
const RIVALS = path.join(__dirname, 'rivals.cjs');
const RSS_HOOK = path.join(__dirname, 'report-rss.cjs');
const TODAY = '2026-01-15';

export interface ProcessRun {
  ms: number;
  maxRssMB: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** A clean environment for the timed processes: no tsx loader or heap flags inherited from the bench itself. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/** Runs `node <args>` to the end: wall time of the whole process, and its own peak memory (via report-rss.cjs). */
export function timeProcess(args: string[], nodeFlags: string[] = []): ProcessRun {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...nodeFlags, '--require', RSS_HOOK, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: childEnv({ BENCH_RSS_FILE: rssFile }),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // plan-assure exits 1 when the plan has error-level findings (the generated plans have some): that is a finished run.
  if (run.status !== 0 && run.status !== 1) throw new Error(`bench: ${args.join(' ')} failed (${run.status ?? run.signal}): ${run.stderr}`);
  const maxRssMB = Number(fs.readFileSync(rssFile, 'utf8')) / 1024;
  fs.rmSync(rssFile, { force: true });
  return { ms, maxRssMB };
}

const ours = (input: string, out: string) => [BIN, 'run', input, '--out', out, '--replace', '--today', TODAY];

/** The compiled CLI as shipped: built afresh so the bench never times a stale bundle. */
export function buildCli(): void {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: building the CLI failed: ${run.stderr}`);
}

/** Every part of a zip written into a folder, so the floor can deflate our output without inflating it first. */
async function extractParts(zipFile: string, dir: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, await file.async('nodebuffer'));
  }
}

export interface SideBySide {
  actions: number;
  rounds: number;
  /** Median whole-process ms of each tool, and every round's figure. */
  ms: Record<Tool, number>;
  runs: Record<Tool, number[]>;
  maxRssMB: Record<Tool, number>;
  inputBytes: number;
  outputBytes: number;
}

export type Tool = 'plan-assure run' | 'SheetJS read+write' | 'ExcelJS read+write' | 'JSZip inflate+deflate';
export const TOOLS: Tool[] = ['plan-assure run', 'SheetJS read+write', 'ExcelJS read+write', 'JSZip inflate+deflate'];

/** Interleaved rounds of the four tools on one input; `level` is our deflate level, which the floor uses too. */
export async function sideBySide(input: string, actions: number, rounds: number, level: number): Promise<SideBySide> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-side-'));
  try {
    const out = (name: string) => path.join(dir, `${name}.xlsx`);
    // One untimed run first: it writes the CLI's code cache (as any first run does) and the output the floor deflates.
    timeProcess(ours(input, out('ours')));
    const parts = path.join(dir, 'parts');
    await extractParts(out('ours'), parts);
    const args: Record<Tool, string[]> = {
      'plan-assure run': ours(input, out('ours')),
      'SheetJS read+write': [RIVALS, 'sheetjs', input, out('sheetjs')],
      'ExcelJS read+write': [RIVALS, 'exceljs', input, out('exceljs')],
      'JSZip inflate+deflate': [RIVALS, 'floor', input, parts, out('floor'), String(level)],
    };
    const runs = Object.fromEntries(TOOLS.map((t) => [t, [] as ProcessRun[]])) as Record<Tool, ProcessRun[]>;
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < TOOLS.length; i++) {
        const tool = TOOLS[(round + i) % TOOLS.length];
        runs[tool].push(timeProcess(args[tool]));
      }
    }
    const each = <T>(f: (r: ProcessRun[]) => T) => Object.fromEntries(TOOLS.map((t) => [t, f(runs[t])])) as Record<Tool, T>;
    return {
      actions,
      rounds,
      ms: each((r) => median(r.map((x) => x.ms))),
      runs: each((r) => r.map((x) => Math.round(x.ms))),
      maxRssMB: each((r) => Math.max(...r.map((x) => x.maxRssMB))),
      inputBytes: fs.statSync(input).size,
      outputBytes: fs.statSync(out('ours')).size,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `plan-assure run` alone, `runs` times on one input: median wall time and the highest peak memory. */
export function endToEndRuns(input: string, runs: number): { ms: number; runsMs: number[]; maxRssMB: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-e2e-'));
  try {
    const all = Array.from({ length: runs }, () => timeProcess(ours(input, path.join(dir, 'out.xlsx'))));
    return { ms: median(all.map((r) => r.ms)), runsMs: all.map((r) => Math.round(r.ms)), maxRssMB: Math.max(...all.map((r) => r.maxRssMB)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The share of a `plan-assure run` spent in garbage collection, from V8's CPU profile of the whole process
 * (--cpu-prof): the time sampled in the "(garbage collector)" node over all the time sampled. One run's share moved
 * from 14% to 17% between runs of the same build on this shared machine, so the figure is the median of `runs`
 * profiled runs, each run's share kept beside it.
 */
export function gcShare(input: string, runs: number): { share: number; shares: number[]; sampledMs: number } {
  const measured = Array.from({ length: runs }, () => profiledGcShare(input));
  const shares = measured.map((m) => m.share);
  const middle = measured.find((m) => m.share === median(shares))!;
  return { share: middle.share, shares, sampledMs: middle.sampledMs };
}

function profiledGcShare(input: string): { share: number; sampledMs: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
  try {
    timeProcess(ours(input, path.join(dir, 'out.xlsx')), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('bench: the CPU profile was not written');
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const perNode = new Map<number, number>();
    profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    let total = 0;
    let gc = 0;
    for (const node of profile.nodes) {
      const us = perNode.get(node.id) ?? 0;
      total += us;
      if (node.callFrame.functionName === '(garbage collector)') gc += us;
    }
    return { share: gc / total, sampledMs: total / 1000 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `plan-assure --help` against `node -e 0`, interleaved: the medians and their ratio. */
export function startup(rounds: number): { helpMs: number; nodeMs: number; ratio: number } {
  const time = (args: string[]) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore', env: childEnv() });
    if (run.status !== 0) throw new Error(`bench: node ${args.join(' ')} failed`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const help: number[] = [];
  const bare: number[] = [];
  time([BIN, '--help']);
  for (let i = 0; i < rounds; i++) {
    if (i % 2) bare.push(time(['-e', '0']));
    help.push(time([BIN, '--help']));
    if (!(i % 2)) bare.push(time(['-e', '0']));
  }
  const helpMs = median(help);
  const nodeMs = median(bare);
  return { helpMs, nodeMs, ratio: helpMs / nodeMs };
}
