/**
 * The production task pane's first load stays lean: React, Fluent UI's core and the home view only. The engine, the
 * Office.js adapter, the findings list, the mapping review and the settings load on demand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measure, total } from '../../harness/bundle-size';
import { PANE_DIR } from '../../harness/paths';
import { describeBrowser } from './helpers';

/** Gzipped bytes the task pane may download before its first paint. */
const FIRST_LOAD_BUDGET = 160 * 1024;

describeBrowser('the production task-pane bundle (as the harness serves it)', () => {
  it(`loads at most ${FIRST_LOAD_BUDGET / 1024} KiB gzipped up front, without the engine`, () => {
    const sizes = measure(PANE_DIR);
    const first = total(sizes.pages.taskpane);
    console.log(`task pane first load: ${(first.gzip / 1024).toFixed(1)} KiB gzipped; on demand: ${(total(sizes.onDemand).gzip / 1024).toFixed(1)} KiB`);
    expect(first.gzip).toBeLessThan(FIRST_LOAD_BUDGET);
    const upFront = sizes.pages.taskpane.map((f) => fs.readFileSync(path.join(PANE_DIR, f.file), 'utf8')).join('\n');
    // Engine and adapter code: strings only they contain.
    for (const marker of ['PlanAssure owned sheet', 'getMergedAreasOrNullObject', 'not fully SMART']) expect(upFront).not.toContain(marker);
    const names = fs.readdirSync(PANE_DIR);
    for (const chunk of ['engine', 'findings', 'mapping', 'settings']) expect(names.some((n) => n.startsWith(`${chunk}.`) && n.endsWith('.js'))).toBe(true);
  });
});
