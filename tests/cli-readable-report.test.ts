/**
 * The readable report is written in pieces (a big plan's runs to tens of thousands of lines): the pieces together must
 * be exactly the report, line for line, whatever the number of findings. Each finding's cell is given as Excel writes
 * a reference, so it can be pasted into Excel's Go To box.
 */
import { Writable } from 'node:stream';
import { printReadable } from '../src/cli/readable';
import { Finding } from '../src/engine/schema';
import { StructureResult } from '../src/engine/structure';
import { quoteSheet } from '../src/engine/workbook';

function captured(): { out: Writable; writes: string[] } {
  const writes: string[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      done();
    },
  });
  return { out, writes };
}

const finding = (i: number): Finding => ({
  rule: i % 3 ? 'smart-incomplete' : 'overdue',
  severity: i % 7 === 0 ? 'error' : i % 2 ? 'warning' : 'info',
  sheet: 'Action Plan',
  cell: `D${i + 2}`,
  message: `Action ${i} needs a look.`,
  fix: i % 5 ? 'Give a due date.' : undefined,
});

const result = { actions: [], sheets: [], findings: [] } as unknown as StructureResult;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report as defined, built the plainest way: the summary line, then each severity's heading and lines. */
function definedReport(findings: Finding[]): string {
  const of = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity);
  const lines = [`plan.xlsx: 0 actions; ${plural(of('error').length, 'error')}, ${plural(of('warning').length, 'warning')}, ${plural(of('info').length, 'note')}.`];
  for (const [severity, heading] of [['error', 'Errors'], ['warning', 'Warnings'], ['info', 'Notes']] as const) {
    if (!of(severity).length) continue;
    lines.push('', `${heading} (${of(severity).length})`);
    for (const f of of(severity)) lines.push(`  '${f.sheet}'!${f.cell}  [${f.rule}] ${f.message}`, ...(f.fix ? [`      Fix: ${f.fix}`] : []));
  }
  return `${lines.join('\n')}\n`;
}

describe('the readable report', () => {
  it.each([0, 1, 499, 500, 1_234])('with %i findings, is the whole report, line for line', (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const { out, writes } = captured();
    printReadable(out, 'check', 'plan.xlsx', result, findings, null);
    expect(writes.join('')).toBe(definedReport(findings));
    // A long report does go out in pieces, each ending at the end of a line.
    if (n >= 500) expect(writes.length).toBeGreaterThan(1);
    expect(writes.every((w) => w.endsWith('\n'))).toBe(true);
  });
});

describe('sheet names in references', () => {
  it('are quoted as Excel quotes them: unless plain, and always where the name could be read as a cell, row or column', () => {
    expect(['Plan', 'KPI_Data', 'Plan.2025', '_x', 'Risks', 'Care'].map(quoteSheet)).toEqual(['Plan', 'KPI_Data', 'Plan.2025', '_x', 'Risks', 'Care']);
    expect(['R2C3', 'R', 'rc', 'C5', 'R10'].map(quoteSheet)).toEqual(["'R2C3'", "'R'", "'rc'", "'C5'", "'R10'"]);
    expect(['Action Plan', 'A1', 'XFD99', '2025-26', 'Q1', 'Plan (v2)', "O'Brien's plan"].map(quoteSheet)).toEqual([
      "'Action Plan'",
      "'A1'",
      "'XFD99'",
      "'2025-26'",
      "'Q1'",
      "'Plan (v2)'",
      "'O''Brien''s plan'",
    ]);
  });
});
