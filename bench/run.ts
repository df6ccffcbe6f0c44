/**
 * `npm run bench`: PlanAssure at county scale. Each measurement runs in its own process (bench/worker.ts) so
 * peak memory is its own. Prints a table; with --json the last line is one JSON object of the headline figures.
 *   npm run bench [-- --json] [-- --quick]
 * --quick (or BENCH_QUICK=1) is a developer's run of a few minutes: no 50,000 or 100,000 runs, and the side by side
 * at 10,000 actions in 3 rounds; the budgets measured only at the larger sizes then say "not measured".
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, endToEndRuns, gcShare, sideBySide, startup, TOOLS } from './compare';
import { ZIP_OPTIONS } from '../src/xlsx/apply-plan';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const SIZES = quick ? [1000, 10000] : [1000, 10000, 50000];
const LAYOUTS = ['dudley', 'sefton', 'north-tyneside'];
const TSX = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');

interface Stages {
  structure: number;
  validate: number;
  kpis: number;
  rag: number;
  summaries: number;
}
interface Measure {
  layout: string;
  count: number;
  mode: string;
  engine: Stages;
  engineMs: number;
  bestMs: number;
  runsMs: number[];
  readMs?: number;
  writeMs?: number;
  e2eMs?: number;
  bareMs?: number;
  maxRssMB: number;
  kpiMs?: number | null;
  syncs?: Record<string, number>;
  maxPayloadBytes?: number;
}

function measure(args: string[]): Measure {
  const run = spawnSync(TSX, [path.join(__dirname, 'worker.ts'), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' } });
  if (run.status !== 0) throw new Error(`bench worker ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const f0 = (n: number | undefined | null) => (n === undefined || n === null ? '—' : n.toFixed(0));

async function main(): Promise<void> {
  log(`PlanAssure benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${os.cpus().length} cores`);
  // Side by side, whole processes: the shipped command against what a user would otherwise run on the same file.
  // First, as these are the figures a user sees; the engine and adapter sections follow.
  buildCli();
  const inputs = new Map<number, string>();
  const inputFor = (count: number): string => {
    if (!inputs.has(count)) inputs.set(count, (measure(['dudley', String(count), 'input']) as unknown as { file: string }).file);
    return inputs.get(count)!;
  };
  const SIDE_ACTIONS = quick ? 10000 : 50000;
  const SIDE_ROUNDS = quick ? 3 : 5;
  const GC_RUNS = quick ? 1 : 3;
  let side: Awaited<ReturnType<typeof sideBySide>>;
  let gc: ReturnType<typeof gcShare>;
  const whole = new Map<number, ReturnType<typeof endToEndRuns>>();
  const start = startup(11);
  try {
    // Each figure is printed as soon as it is measured: the whole section takes many minutes on a busy machine.
    side = await sideBySide(inputFor(SIDE_ACTIONS), SIDE_ACTIONS, SIDE_ROUNDS, ZIP_OPTIONS.compressionOptions.level);
    log();
    log(`Side by side, Dudley layout, ${SIDE_ACTIONS.toLocaleString('en-GB')} actions (input ${(side.inputBytes / 1e6).toFixed(1)} MB, our output ${(side.outputBytes / 1e6).toFixed(1)} MB):`);
    log(`whole-process wall time, median of ${SIDE_ROUNDS} interleaved rounds, and the highest peak memory of those rounds`);
    log('tool                       median ms  ours ÷ it  peak MB  all rounds');
    for (const tool of TOOLS) {
      log(`${tool.padEnd(26)} ${f0(side.ms[tool]).padStart(9)} ${(side.ms['plan-assure run'] / side.ms[tool]).toFixed(2).padStart(10)} ${f0(side.maxRssMB[tool]).padStart(8)}  ${side.runs[tool].join(' ')}`);
    }
    gc = gcShare(inputFor(SIDE_ACTIONS), GC_RUNS);
    log(
      `Garbage collection: ${(gc.share * 100).toFixed(1)}% of a ${SIDE_ACTIONS.toLocaleString('en-GB')}-action run, the median of ${GC_RUNS} profiled runs (CPU profile, ${f0(gc.sampledMs)} ms sampled in that run); runs ${gc.shares.map((v) => `${(v * 100).toFixed(1)}%`).join(' ')}.`,
    );
    log('plan-assure run alone, 5 runs each (whole process):');
    for (const count of quick ? [10000] : [10000, 100000]) {
      const r = endToEndRuns(inputFor(count), 5);
      whole.set(count, r);
      log(`  ${count.toLocaleString('en-GB').padStart(7)} actions: median ${f0(r.ms)} ms, peak ${f0(r.maxRssMB)} MB; runs ${r.runsMs.join(' ')}`);
    }
  } finally {
    for (const file of inputs.values()) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  log(`Start-up: plan-assure --help ${start.helpMs.toFixed(0)} ms, node -e 0 ${start.nodeMs.toFixed(0)} ms (medians of 11, interleaved).`);

  log();
  log('Engine alone: the median of 5 runs at every size after two warm-up runs (stages of that run), the best run,');
  log('and the peak memory of one run in a process of its own. ms:');
  log('layout          actions  structure validate  kpis   rag  summaries  total  ms/1k rows   best  peak MB  all runs');
  const engine: Measure[] = [];
  for (const layout of LAYOUTS) {
    for (const count of SIZES) {
      const m = { ...measure([layout, String(count), 'engine']), maxRssMB: measure([layout, String(count), 'memory']).maxRssMB };
      engine.push(m);
      const s = m.engine;
      log(
        `${layout.padEnd(15)} ${String(count).padStart(7)} ${f0(s.structure).padStart(10)} ${f0(s.validate).padStart(8)} ${f0(s.kpis).padStart(5)} ${f0(s.rag).padStart(5)} ${f0(s.summaries).padStart(10)} ${f0(m.engineMs).padStart(6)} ${(m.engineMs / (count / 1000)).toFixed(1).padStart(11)} ${f0(m.bestMs).padStart(6)} ${f0(m.maxRssMB).padStart(8)}  ${m.runsMs.join(' ')}`,
      );
    }
  }

  log();
  log('End to end through the xlsx adapter (Dudley layout), ms:');
  log('actions    read  engine+apply+write   total   ExcelJS floor  overhead  peak MB  ExcelJS MB');
  const e2e: Measure[] = [];
  for (const count of SIZES) {
    const { file } = measure(['dudley', String(count), 'input']) as unknown as { file: string };
    try {
      const run = measure(['file', file, 'e2e']) as unknown as Measure & { out: string };
      const bare = measure(['file', file, 'floor', run.out]) as unknown as { bareMs: number; maxRssMB: number };
      const m: Measure = { ...run, layout: 'dudley', count, mode: 'e2e', bareMs: bare.bareMs };
      e2e.push(m);
      log(`${String(count).padStart(7)} ${f0(m.readMs).padStart(7)} ${f0(m.e2eMs! - m.readMs!).padStart(19)} ${f0(m.e2eMs).padStart(7)} ${f0(m.bareMs).padStart(15)} ${(m.e2eMs! / m.bareMs!).toFixed(2).padStart(9)} ${f0(m.maxRssMB).padStart(8)} ${f0(bare.maxRssMB).padStart(11)}`);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }

  const kpi = measure(['kpis', '500']);
  log();
  log(`KPIs: 500 KPIs × 60 periods computed in ${kpi.kpiMs === null || kpi.kpiMs === undefined ? '— (KPI engine not present)' : `${kpi.kpiMs.toFixed(1)} ms`}.`);

  // Hostile files: what refusing a bomb costs the shipped command under a 1 GB heap (bench/hostile.ts).
  const hostileRun = spawnSync(TSX, [path.join(__dirname, 'hostile.ts')], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (hostileRun.status !== 0) throw new Error(`bench hostile failed: ${hostileRun.stderr}`);
  const hostile: { name: string; fileMB: number; ms: number; maxRssMB: number; exit: number | null }[] = JSON.parse(hostileRun.stdout.trim().split('\n').pop()!);
  log();
  log('Hostile files, refused by the shipped command under --max-old-space-size=1024:');
  log('bomb                                        file MB     ms  peak MB  exit');
  for (const h of hostile) log(`${h.name.padEnd(42)} ${h.fileMB.toFixed(1).padStart(8)} ${f0(h.ms).padStart(6)} ${f0(h.maxRssMB).padStart(8)} ${String(h.exit).padStart(5)}`);

  const at = (layout: string, count: number) => engine.find((m) => m.layout === layout && m.count === count);
  const tenK = LAYOUTS.map((l) => at(l, 10000)!.engineMs);
  const pipelineMs10k = Math.max(...tenK);
  const growth = quick ? null : Math.max(...LAYOUTS.map((l) => at(l, 50000)!.engineMs / at(l, 10000)!.engineMs));
  // For comparison only: the same ratio taken from each size's best run.
  const growthOfBest = quick ? null : Math.max(...LAYOUTS.map((l) => at(l, 50000)!.bestMs / at(l, 10000)!.bestMs));
  const e2e10k = e2e.find((m) => m.count === 10000)!;
  const overheadRatio = Math.max(...e2e.filter((m) => m.count >= 10000).map((m) => m.e2eMs! / m.bareMs!));
  const peak50k = quick ? null : Math.max(...engine.filter((m) => m.count === 50000).map((m) => m.maxRssMB), ...e2e.filter((m) => m.count === 50000).map((m) => m.maxRssMB));
  const office = measure(['office', '10000']);

  const figures = {
    pipelineMs10k: Math.round(pipelineMs10k),
    overheadRatio: Number(overheadRatio.toFixed(2)),
    growth10kTo50k: growth === null ? null : Number(growth.toFixed(2)),
    maxSyncs: office.syncs ? Math.max(...Object.values(office.syncs)) : null,
    maxPayloadBytes: office.maxPayloadBytes ?? null,
    peakMemoryMB50k: peak50k === null ? null : Math.round(peak50k),
    kpiMs500x60: kpi.kpiMs === null || kpi.kpiMs === undefined ? null : Number(kpi.kpiMs.toFixed(1)),
    /** Not a budget: growth from each size's best run instead of its median, shown so the choice is visible. */
    growthOfBestRuns: growthOfBest === null ? null : Number(growthOfBest.toFixed(2)),
    e2eMs10k: Math.round(e2e10k.e2eMs!),
    /** Refusing the 400 MB cell bomb (a 2 MB file): time and peak memory of the whole process; exit must be 2. */
    cellBombMs: hostile[0].exit === 2 ? hostile[0].ms : null,
    cellBombPeakMB: hostile[0].exit === 2 ? hostile[0].maxRssMB : null,
    /** Whole process at 50,000 actions: plan-assure run ÷ SheetJS reading and writing the same file. */
    vsSheetJs50k: quick ? null : Number((side.ms['plan-assure run'] / side.ms['SheetJS read+write']).toFixed(2)),
    /** Whole process at 50,000 actions: plan-assure run ÷ JSZip inflating our input and deflating our output. */
    vsFloor50k: quick ? null : Number((side.ms['plan-assure run'] / side.ms['JSZip inflate+deflate']).toFixed(2)),
    /** Not a budget: plan-assure run ÷ ExcelJS reading and writing the same file. */
    vsExcelJs50k: quick ? null : Number((side.ms['plan-assure run'] / side.ms['ExcelJS read+write']).toFixed(2)),
    peakMemoryMB100k: quick ? null : Math.round(whole.get(100000)!.maxRssMB),
    /** Whole-process wall time of plan-assure run at 100,000 actions ÷ at 10,000 (medians of 5). */
    growth10kTo100k: quick ? null : Number((whole.get(100000)!.ms / whole.get(10000)!.ms).toFixed(2)),
    gcShare50k: quick ? null : Number(gc.share.toFixed(3)),
    startupRatio: Number(start.ratio.toFixed(2)),
  };
  const budgets: [keyof typeof figures, (v: number) => boolean, string][] = [
    ['pipelineMs10k', (v) => v < 1000, '< 1000'],
    ['overheadRatio', (v) => v <= 1.5, '≤ 1.5'],
    ['growth10kTo50k', (v) => v <= 6, '≤ 6'],
    ['maxSyncs', (v) => v <= 3, '≤ 3'],
    ['maxPayloadBytes', (v) => v <= 5_000_000, '≤ 5,000,000'],
    ['peakMemoryMB50k', (v) => v < 1024, '< 1024'],
    ['kpiMs500x60', (v) => v < 200, '< 200'],
    ['cellBombMs', (v) => v <= 10_000, '≤ 10,000'],
    ['cellBombPeakMB', (v) => v <= 1024, '≤ 1024'],
    ['vsSheetJs50k', (v) => v <= 1.0, '≤ 1.0'],
    ['vsFloor50k', (v) => v <= 2.0, '≤ 2.0'],
    ['peakMemoryMB100k', (v) => v <= 600, '≤ 600'],
    ['growth10kTo100k', (v) => v <= 11, '≤ 11'],
    ['gcShare50k', (v) => v <= 0.1, '≤ 0.10'],
    ['startupRatio', (v) => v <= 1.5, '≤ 1.5'],
  ];
  log();
  if (office.syncs) log(`Simulated Office: syncs per command ${JSON.stringify(office.syncs)}, largest request ${office.maxPayloadBytes} bytes (10,000 actions).`);
  log('Budgets:');
  for (const [key, ok, text] of budgets) {
    const v = figures[key];
    log(`  ${key.padEnd(16)} ${String(v ?? '—').padStart(10)}  ${text.padEnd(12)} ${v === null ? 'not measured' : ok(v) ? 'met' : 'NOT MET'}`);
  }
  if (growthOfBest !== null) log(`  (growth from each size's best run instead of its median: ${growthOfBest.toFixed(2)}; not the budget's figure)`);
  if (json) {
    // Each budget's verdict beside its figure: "met", "not met", or "not measured" (a --quick run).
    const verdicts = Object.fromEntries(budgets.map(([key, ok]) => [key, figures[key] === null ? 'not measured' : ok(figures[key] as number) ? 'met' : 'not met']));
    log(JSON.stringify({ ...figures, budgets: verdicts }));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
