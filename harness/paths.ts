/** Where the harness keeps what it builds (all under .tmp/, which git ignores). */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const HARNESS_DIR = path.join(REPO_ROOT, '.tmp', 'harness');
/** The production task-pane build (the same webpack.config.js as `npm run build`, another output folder). */
export const PANE_DIR = path.join(HARNESS_DIR, 'pane');
/** The harness page and the Office.js stand-in. */
export const BUILD_DIR = path.join(HARNESS_DIR, 'build');
/** Seed workbooks precomputed to WorkbookModel JSON. */
export const SEEDS_DIR = path.join(HARNESS_DIR, 'seeds');
