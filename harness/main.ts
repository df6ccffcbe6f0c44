/**
 * npm run harness [-- --port 3100] [-- --no-build]
 *
 * Builds the production task pane and the harness, then serves them on http://127.0.0.1:3100 (this machine only).
 * Open the printed address in a browser: a seed workbook in the Excel simulator, the real pane beside it.
 */
import { buildAll } from './build';
import { startHarnessServer } from './server';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 3100;
  if (!args.includes('--no-build')) await buildAll((line) => console.log(line));
  const server = await startHarnessServer(port);
  console.log(`\nPlanAssure harness: ${server.url}/harness.html?seed=sefton-peer-review-action-plan`);
  console.log('Choose a seed workbook at the top; ?theme=dark, ?excelApi=1.8 and ?delay=500 (ms per Excel call) also work.');
  console.log('Press Ctrl+C to stop.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
