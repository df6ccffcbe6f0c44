/**
 * Findings as a to-do list: the officer marks a finding done, and it stays done until its cell changes. A mark is
 * the finding's rule, sheet and cell and a fingerprint of what the cell held when it was marked; once the cell holds
 * anything else, the mark no longer matches and the finding is to do again.
 *
 * Also the findings as rows (for "Copy all" as tab-separated text, and the findings sheet), one column per field of
 * the report's finding schema.
 */
import type { Finding, Severity } from './schema';
import { cellText, parseA1, WorkbookModel } from './workbook';

export interface DoneMark {
  rule: string;
  sheet: string;
  cell: string;
  /** cellPrint() of the cell when it was marked done. */
  print: string;
}

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell one cell's contents from its next. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const cellKey = (sheet: string, cell: string) => `${sheet}!${cell.replace(/\$/g, '').toUpperCase()}`;

/** A fingerprint of what a cell holds (its kind and its text); of a range, its first cell. */
export function cellPrint(model: WorkbookModel, sheet: string, cell: string): string {
  const ws = model.sheets.find((s) => s.name === sheet);
  let at: { row: number; col: number };
  try {
    at = parseA1(cell.split(':')[0]);
  } catch {
    return fnv1a('no cell');
  }
  const found = ws?.cells.find((c) => c.row === at.row && c.col === at.col);
  return fnv1a(found ? `${found.value.type}:${cellText(found.value)}:${found.formula ?? ''}` : 'empty');
}

/** The fingerprint of every finding's cell, by "Sheet!A1". */
export function findingPrints(model: WorkbookModel, findings: readonly Finding[]): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const f of findings) prints[cellKey(f.sheet, f.cell)] ??= cellPrint(model, f.sheet, f.cell);
  return prints;
}

/** The mark that would say `finding` is done, its cell as it is now. */
export function markFor(finding: Finding, prints: Record<string, string>): DoneMark {
  return { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, print: prints[cellKey(finding.sheet, finding.cell)] ?? '' };
}

const sameMark = (a: DoneMark, b: DoneMark) => a.rule === b.rule && a.sheet === b.sheet && cellKey('', a.cell) === cellKey('', b.cell) && a.print === b.print;

/** Whether the finding is marked done and its cell has not changed since. */
export function isDone(marks: readonly DoneMark[], finding: Finding, prints: Record<string, string>): boolean {
  const want = markFor(finding, prints);
  return marks.some((m) => sameMark(m, want));
}

/** The marks still worth keeping: those of a current finding whose cell has not changed. */
export function liveMarks(marks: readonly DoneMark[], findings: readonly Finding[], prints: Record<string, string>): DoneMark[] {
  return marks.filter((m) => findings.some((f) => sameMark(m, markFor(f, prints))));
}

/** Reads stored marks, dropping anything malformed. */
export function parseMarks(raw: unknown): DoneMark[] {
  let data = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(data)) return [];
  return data.filter((m): m is DoneMark => !!m && typeof m === 'object' && ['rule', 'sheet', 'cell', 'print'].every((k) => typeof (m as Record<string, unknown>)[k] === 'string'));
}

// ---------------------------------------------------------------------------------------------------------------
// The findings as rows
// ---------------------------------------------------------------------------------------------------------------

const SEVERITY_WORDS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** The columns, each a field of the finding schema (the rule shown by its title), and whether it is done. */
export const FINDING_HEADERS = ['Severity', 'Sheet', 'Cell', 'Rule', 'Finding', 'How to fix', 'Done'] as const;
const FIELDS: readonly (keyof Finding)[] = ['severity', 'sheet', 'cell', 'rule', 'message', 'fix'];

export function findingRows(findings: readonly Finding[], ruleTitle: (id: string) => string, done: (f: Finding) => boolean): string[][] {
  return [
    [...FINDING_HEADERS],
    ...findings.map((f) => [
      ...FIELDS.map((field) => {
        if (field === 'severity') return SEVERITY_WORDS[f.severity];
        if (field === 'rule') return ruleTitle(f.rule);
        return String(f[field] ?? '');
      }),
      done(f) ? 'Done' : '',
    ]),
  ];
}

/** Tab-separated text, one finding a line, for pasting into Excel or an email: tabs and line breaks in a field become spaces. */
export function tabSeparated(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((v) => v.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}
