/**
 * `npm run demo`: the main job on bundled samples. Builds the board pack for the canonical example and for a
 * real council plan (Sefton's peer-review action plan), writing to out/. Plans with problems still get a board
 * pack (the command exits 1 to flag them); only unusable input or a fault fails the demo.
 */
import * as path from 'node:path';
import { main } from '../src/cli/main';

const ROOT = path.resolve(__dirname, '..');
// --replace: the files in out/ are the demo's own, written afresh each time it runs (and when a command is pasted).
const runs = [
  ['run', 'seeds/example-canonical-plan.xlsx', '--out', 'out/example-board-pack.xlsx', '--replace', '--today', '2025-11-15'],
  ['run', 'seeds/sefton-peer-review-action-plan.xlsx', '--out', 'out/sefton-board-pack.xlsx', '--replace', '--today', '2023-02-15', '--plan-start', '2022-11-01', '--period', 'Q3 2022/23'],
  ['structure', 'seeds/dudley-cqc-action-plan-2009.xlsx', '--out', 'out/dudley-structured.xlsx', '--replace', '--today', '2010-01-15', '--plan-start', '2009-10-01'],
];

/** An argument as a POSIX shell needs it, so a printed command runs when pasted ("Q3 2022/23" keeps its space). */
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

(async () => {
  process.chdir(ROOT);
  let worst = 0;
  for (const args of runs) {
    console.log(`\n$ npx plan-assure ${args.map(shellQuote).join(' ')}`);
    worst = Math.max(worst, await main(args));
  }
  console.log('\nOpen the files in out/ in Excel or LibreOffice: the board pack sheets are at the end of each workbook.');
  process.exitCode = worst >= 2 ? worst : 0;
})();
