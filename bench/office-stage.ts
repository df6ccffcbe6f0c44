/**
 * The Office.js stage of the benchmark: a generated Dudley-style plan loaded into the Excel simulator, then each
 * user-level command (src/excel/commands.ts) run from cold (sheet names not known) in its own Excel.run on a fresh
 * copy: how many context.sync() calls each makes, and the largest request the simulator measured.
 *
 * Excel on the desktop: the simulator refuses any request over 5,000,000 bytes, as Excel on the web does, but not
 * big responses. On Excel on the web a response is limited to 5 MB too, and a 10,000-action plan reads back as
 * some 6 MB of cells, so there the read pages (a refused response, then blocks of rows: a few syncs more).
 */
import { ExcelSimulator } from '../src/excel-simulator';
import { buildBoardPack, checkPlan, CommandOptions, structurePlan } from '../src/excel/commands';
import { generatePlan } from './generate';

const OPTIONS: CommandOptions = { today: '2026-01-15', planStart: '2025-04-01' };

const COMMANDS = {
  check: checkPlan,
  structure: structurePlan,
  boardPack: buildBoardPack,
} satisfies Record<string, (context: Excel.RequestContext, options: CommandOptions) => Promise<{ syncs: number }>>;

export async function officeStage(actions: number): Promise<{ syncs: Record<string, number>; maxPayloadBytes: number }> {
  const model = generatePlan(actions, 'dudley');
  const syncs: Record<string, number> = {};
  let maxPayloadBytes = 0;
  for (const [name, command] of Object.entries(COMMANDS)) {
    const sim = new ExcelSimulator({ model, platform: 'desktop' });
    const restore = sim.installGlobals();
    try {
      await sim.run((context) => command(context as unknown as Excel.RequestContext, OPTIONS));
    } finally {
      restore();
    }
    syncs[name] = sim.stats.syncs;
    maxPayloadBytes = Math.max(maxPayloadBytes, sim.largestRequestBytes);
  }
  return { syncs, maxPayloadBytes };
}
