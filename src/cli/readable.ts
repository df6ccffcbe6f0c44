/** The readable report: summary counts first, then the findings grouped by severity, each at its cell as Excel writes a reference ('Action Plan'!C5). */
import { Finding, SEVERITIES } from '../engine/schema';
import { StructureResult } from '../engine/structure';
import { quoteSheet } from '../engine/workbook';

const HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;
const REPORT_LINES_AT_ONCE = 500;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function printReadable(
  out: NodeJS.WritableStream,
  command: string,
  input: string,
  result: StructureResult,
  findings: Finding[],
  written: string | null,
  /** The settings sheet the --columns roles were saved in, in the written file. */
  savedIn: string | null = null,
  /** The dates the checks were made at ("Judged at 31/12/2025, …"). */
  judged: string | null = null,
): void {
  const lines: string[] = [];
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  lines.push(`${input}: ${plural(result.actions.length, 'action')}; ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}.`);
  if (judged) lines.push(judged);
  if (command === 'structure' || command === 'run') {
    for (const sheet of result.sheets.filter((s) => s.role === 'plan')) {
      const n = result.actions.filter((a) => a.source.sheet === sheet.sheet).length;
      lines.push(`\nSheet "${sheet.sheet}": header row ${sheet.headerRows.join(' and ')}, ${plural(n, 'action')}, ${plural(sheet.sections.length, 'heading')}.`);
      for (const c of sheet.columns) {
        lines.push(`  ${c.header.replace(/\s+/g, ' ').slice(0, 50).padEnd(50)} → ${c.field ?? '(not recognised: kept in Progress)'}${c.field ? `  (confidence ${Math.round(c.confidence * 100)}%)` : ''}`);
      }
    }
    const other = result.sheets.filter((s) => s.role !== 'plan').map((s) => `"${s.sheet}" (${s.role.replace(/-/g, ' ')})`);
    if (other.length) lines.push(`\nNot read as plan sheets: ${other.join(', ')}.`);
    if (written) lines.push(`\nWrote ${written}.`);
    if (written && savedIn) lines.push(`The column roles you gave are saved in its "${savedIn}" sheet: the next run reads the plan the same way.`);
  }
  // Written a few hundred lines at a time: a big plan's report runs to tens of thousands of lines, and holding them
  // all until the end kept 40 MB alive through several collections at 50,000 actions.
  const flush = () => {
    out.write(`${lines.join('\n')}\n`);
    lines.length = 0;
  };
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push(`\n${HEADINGS[severity]} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${quoteSheet(f.sheet)}!${f.cell}  [${f.rule}] ${f.message}`);
      if (f.fix) lines.push(`      Fix: ${f.fix}`);
      if (lines.length >= REPORT_LINES_AT_ONCE) flush();
    }
  }
  if (lines.length) flush();
}
