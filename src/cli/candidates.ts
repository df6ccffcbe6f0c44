/**
 * What the command line says when no sheet has a column it can read as the action with confidence: the columns it
 * could be, each with its letter, header, first values and why, and the exact --columns line that reads the plan.
 */
import { ChoosableSheet, headerRowOptions, suggestedRoles } from '../engine/column-choice';
import { WorkbookModel } from '../engine/workbook';
import { roleWord } from '../engine/column-roles';

const MAX_COLUMNS = 15;

function quoteArg(arg: string): string {
  return /^[\w./:@%+-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The --columns value suggested for a sheet ("action=C,lead=E"), qualified with the sheet when there are several. */
export function suggestedColumns(sheet: ChoosableSheet, qualify: boolean): string | null {
  const roles = suggestedRoles(sheet);
  if (!roles.length) return null;
  const prefix = qualify ? `${/[,!=']/.test(sheet.sheet) ? `'${sheet.sheet}'` : sheet.sheet}!` : '';
  return roles.map((r) => `${prefix}${roleWord(r.field)}=${r.letter}`).join(',');
}

export function candidateMessage(model: WorkbookModel, choices: ChoosableSheet[], argv: string[]): string {
  const open = choices.filter((c) => !c.found);
  const lines: string[] = ['PlanAssure could not tell which column holds the actions, so it read none. The likeliest columns:'];
  for (const sheet of open) {
    const suggested = new Map(suggestedRoles(sheet).map((r) => [r.col, r]));
    lines.push(`\nSheet "${sheet.sheet}", headers on row ${sheet.headerRow}:`);
    for (const c of sheet.columns.slice(0, MAX_COLUMNS)) {
      const s = suggested.get(c.col);
      const why = s ? `  → ${roleWord(s.field)}?${s.reasons.length ? ` ${s.reasons.join('; ')}` : ''}` : '';
      lines.push(`  ${c.letter.padEnd(3)} "${c.header.replace(/\s+/g, ' ').slice(0, 50)}"${why}`);
      if (c.samples.length) lines.push(`      first values: ${c.samples.map((v) => `"${v}"`).join(', ')}`);
    }
    if (sheet.columns.length > MAX_COLUMNS) lines.push(`  … and ${sheet.columns.length - MAX_COLUMNS} more columns.`);
    const others = headerRowOptions(model.sheets.find((m) => m.name === sheet.sheet)!, sheet.headerRow, 3).filter((o) => o.row !== sheet.headerRow);
    for (const o of others) {
      const headers = o.columns.slice(0, 4).map((c) => `${c.letter} "${c.header.replace(/\s+/g, ' ').slice(0, 30)}"`);
      lines.push(`  Or the headers may be on row ${o.row} (${headers.join(', ')}${o.columns.length > 4 ? ' …' : ''}): add header=${o.row}.`);
    }
  }
  const first = open.map((s) => suggestedColumns(s, open.length > 1)).find(Boolean) ?? 'action=C,lead=E,due=F';
  const rest = argv.filter((a, i) => a !== '--columns' && argv[i - 1] !== '--columns' && !a.startsWith('--columns='));
  lines.push(
    '\nSay which column is which, by letter or by header text, and run again, for example:',
    `  plan-assure ${rest.map(quoteArg).join(' ')} --columns ${quoteArg(first)}`,
    'Roles: action (required), ref, theme, area, lead, timescale, due, status, rag, progress, measures, outcomes, ignore …; ' +
      'add header=N when the headers are on another row. With --out, the roles are saved in the new file\'s "Plan Settings" sheet.',
  );
  return lines.join('\n');
}
