/**
 * Board Views: the cuts a board asks for beside the summary. Actions by CQC quality statement (the framework's nine,
 * in its order, where the plan files its actions under them), Red and overdue actions by lead, and what is coming up
 * by month over the Coming up window.
 */
import { QUALITY_STATEMENT_THEME, QUALITY_STATEMENTS, QualityStatement, Rag, RAGS } from '../schema';
import { ragFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, num, PlanValue, SheetPlan, text } from '../sheet-plan/types';
import { matchQualityStatement } from '../vocabulary';
import { tidy } from '../text';
import { columnLetters } from '../workbook';
import { BoardPackContext } from './context';
import { comingUp } from './coming-up';
import { comingUpWindow } from './coming-up-window';
import { headerRow, printReady } from './layout';
import { byWords } from './order';
import { PackAction } from './types';

const NOT_IN_FRAMEWORK = 'Not one of the nine';
const NO_STATEMENT = 'No quality statement given';
const NO_LEAD = '(no lead)';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface StatementRow {
  statement: string;
  theme: string | null;
  counts: number[];
  total: number;
  overdue: number;
}

/**
 * Actions by CQC quality statement: all nine in framework order (a statement with no actions shows zeros, which a
 * board wants to see), then any actions under another statement or none. Null when no action names one of the nine:
 * the plan is not organised by the framework, and a table of zeros would say nothing.
 */
export function byQualityStatement(actions: readonly PackAction[], states: readonly Rag[] = RAGS): StatementRow[] | null {
  const groups = new Map<string, PackAction[]>();
  let any = false;
  for (const a of actions) {
    const matched = a.item.qualityStatement ? matchQualityStatement(a.item.qualityStatement) : null;
    if (matched) any = true;
    const key = matched ?? (a.item.qualityStatement ? NOT_IN_FRAMEWORK : NO_STATEMENT);
    // Pushed, never copied: copying the group for each action was quadratic (at 100,000 actions, 500 s and 600 MB).
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  if (!any) return null;
  const row = (statement: string, items: PackAction[]): StatementRow => ({
    statement,
    theme: (QUALITY_STATEMENT_THEME as Record<string, string>)[statement] ?? null,
    counts: states.map((r) => items.filter((a) => a.effectiveRag === r).length),
    total: items.length,
    overdue: items.filter((a) => a.overdue).length,
  });
  const rows = QUALITY_STATEMENTS.map((qs: QualityStatement) => row(qs, groups.get(qs) ?? []));
  for (const other of [NOT_IN_FRAMEWORK, NO_STATEMENT]) if (groups.has(other)) rows.push(row(other, groups.get(other)!));
  return rows;
}

export interface LeadRow {
  lead: string;
  red: number;
  overdue: number;
  either: number;
  total: number;
}

/** Leads with any Red or overdue action, most first; leads written with different case or spacing are one lead. */
export function redAndOverdueByLead(actions: readonly PackAction[]): { rows: LeadRow[]; clearLeads: number } {
  const leads = new Map<string, { lead: string; items: PackAction[] }>();
  for (const a of actions) {
    const shown = (a.item.lead && tidy(a.item.lead)) || NO_LEAD;
    const key = shown.toLowerCase();
    const entry = leads.get(key) ?? { lead: shown, items: [] };
    entry.items.push(a);
    leads.set(key, entry);
  }
  const all = [...leads.values()].map(({ lead, items }) => ({
    lead,
    red: items.filter((a) => a.effectiveRag === 'Red').length,
    overdue: items.filter((a) => a.overdue).length,
    either: items.filter((a) => a.effectiveRag === 'Red' || a.overdue).length,
    total: items.length,
  }));
  const rows = all.filter((r) => r.either > 0).sort((x, y) => y.either - x.either || y.red - x.red || byWords(x.lead, y.lead));
  return { rows, clearLeads: all.length - rows.length };
}

export function boardViewsSheet(name: string, context: BoardPackContext, planStart: string | null, months?: number | null): SheetPlan {
  const sheet = emptySheet(name);
  // The plan's own RAG states (No update among them; Blue where the plan uses it), as on the Board Summary.
  const states = context.states;
  sheet.columns = [{ width: 44, wrap: true }, { width: 22, wrap: true }, ...states.map(() => ({ width: 10 })), { width: 10 }, { width: 10 }];
  const fullWidth = sheet.columns.reduce((n, c) => n + c.width, 0);
  /** Rows whose height is set here: merged lines, and headers whose labels wrap in narrow columns. */
  const heights: Record<number, number> = {};
  const lastCol = columnLetters(sheet.columns.length);
  const put = (r: number, values: PlanValue[]) => (sheet.rows[r - 1] = values);
  const heading = (r: number, words: string) => {
    put(r, [text(words)]);
    sheet.styles.push({ range: `A${r}`, bold: true, fontSize: 12 });
  };
  const line = (r: number, words: string, points = 15) => {
    put(r, [text(words)]);
    sheet.merges.push(`A${r}:${lastCol}${r}`);
    sheet.styles.push({ range: `A${r}:${lastCol}${r}`, wrap: true, vertical: 'top' });
    heights[r] = Math.min(409, Math.ceil(words.length / fullWidth) * points + 4);
  };
  // The title (section, plan, period, marking) goes above, as on every board sheet: see printReady.
  let row = 1;
  heading(row++, 'Actions by CQC quality statement');
  const statements = byQualityStatement(context.actions, states);
  if (!statements) line(row++, 'The plan does not file its actions under the CQC quality statements, so there is no count by statement.');
  else {
    const top = row;
    headerRow(sheet, row++, ['Quality statement', 'CQC theme', ...states, 'Total', 'Overdue']);
    sheet.conditionalFormats.push(ragFormat(`C${top}:${columnLetters(states.length + 2)}${top}`));
    for (const s of statements) put(row++, [text(s.statement), text(s.theme), ...s.counts.map((n) => num(n)), num(s.total), num(s.overdue)]);
    sheet.styles.push({ range: `A${top + 1}:${lastCol}${row - 1}`, border: true, vertical: 'top' });
  }

  row++;
  heading(row++, 'Red and overdue actions by lead');
  const leads = redAndOverdueByLead(context.actions);
  if (!leads.rows.length) line(row++, 'No lead has a Red or overdue action.');
  else {
    const top = row;
    // The lead spans the first two columns, so long names and job titles stay on one or two lines.
    heights[row] = 33;
    headerRow(sheet, row++, ['Lead', '', 'Red', 'Overdue', 'Red or overdue', 'Actions led']);
    sheet.merges.push(`A${top}:B${top}`);
    for (const l of leads.rows) {
      put(row, [text(l.lead), null, num(l.red), num(l.overdue), num(l.either), num(l.total)]);
      sheet.merges.push(`A${row}:B${row}`);
      row++;
    }
    sheet.styles.push({ range: `A${top + 1}:F${row - 1}`, border: true, vertical: 'top' }, { range: `C${top}:F${top}`, wrap: true });
    if (leads.clearLeads) line(row++, `${leads.clearLeads} other ${leads.clearLeads === 1 ? 'lead has' : 'leads have'} no Red or overdue action.`);
  }

  row++;
  heading(row++, 'Coming up');
  const window = comingUpWindow(context.today, months);
  const items = comingUp(context, window, planStart);
  const actions = items.filter((i) => i.kind === 'Action').length;
  line(row++, `${window.label}: ${actions} ${actions === 1 ? 'action' : 'actions'} and ${items.length - actions} ${items.length - actions === 1 ? 'milestone' : 'milestones'} due, listed on the Coming up sheet.`);
  if (items.length) {
    const top = row;
    heights[row] = 33;
    headerRow(sheet, row++, ['Month', '', 'Actions', 'Milestones']);
    sheet.merges.push(`A${top}:B${top}`);
    const byMonth = new Map<string, { actions: number; milestones: number }>();
    for (const i of items) {
      const key = i.due.slice(0, 7);
      const m = byMonth.get(key) ?? { actions: 0, milestones: 0 };
      if (i.kind === 'Action') m.actions++;
      else m.milestones++;
      byMonth.set(key, m);
    }
    for (const [key, m] of [...byMonth].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      put(row, [text(`${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`), null, num(m.actions), num(m.milestones)]);
      sheet.merges.push(`A${row}:B${row}`);
      row++;
    }
    sheet.styles.push({ range: `A${top + 1}:D${row - 1}`, border: true });
  }
  for (let r = 0; r < row; r++) sheet.rows[r] ??= [];
  sheet.rowHeights = { ...fitRowHeights(sheet, 1), ...heights };
  printReady(sheet, context, 'Board Views', null);
  return sheet;
}
