/**
 * Lays out a corpus plan: writes each sheet's title block, legends, tables, sign-off lines and footers into a
 * draft workbook, and records the truth (every action, with its fields) as it writes each action's row.
 */
import {
  BULLETS, COMMITMENTS, LEADS, MEASURES, milestones, NOTES, OUTCOMES, PROGRESS, RAG_FILL, RAG_FOR_STATUS, RAG_WORDS, RECOMMENDATIONS, ref,
  Status, STATUS_WORDS, THEME_HEADING_FORMS, THEMES, timescale, TIMESCALE_FORMS,
} from './content';
import { writeFooter, writeLegend, writeSignOff, writeTitle } from './decorations';
import { writeExtra } from './side-tables';
import { DraftSheet, DraftWorkbook } from './draft';
import { LayoutPlan, SheetPlan, TablePlan, TruthAction } from './plan';
import { Random, seeded } from './random';
import { CorpusRole } from './roles';

export interface BuiltLayout {
  plan: LayoutPlan;
  workbook: DraftWorkbook;
  truth: TruthAction[];
  /** Every header label written (group labels included), for the vocabulary check. */
  headers: string[];
}

const STATUSES = Object.keys(STATUS_WORDS) as Status[];

const WIDTH: Partial<Record<CorpusRole, number>> = { milestones: 36, action: 50, recommendation: 44, progress: 40, measures: 30, outcomes: 30, lead: 24, theme: 20, notes: 22, spacer: 2 };

/** The content a layout draws on, shared by its sheets so that no action text repeats within a workbook. */
class ContentSource {
  private commitments: string[];
  private recommendations: string[];
  readonly leads: string[];
  /** Refs carry on across the layout's tables and sheets, as a plan split into parts numbers on. */
  groupsUsed = 0;
  actionsUsed = 0;

  constructor(readonly rnd: Random) {
    this.commitments = rnd.shuffle(COMMITMENTS);
    this.recommendations = rnd.shuffle(RECOMMENDATIONS);
    this.leads = rnd.shuffle(LEADS).slice(0, 5);
  }

  /**
   * The next commitment, as this plan's author writes it: some plans say "We will …", and some cells go on with
   * a few bullet points under the sentence.
   */
  commitment(weWill: boolean): string {
    const next = this.commitments.shift();
    if (!next) throw new Error('plan-corpus: more actions than commitments; use fewer actions in the layout');
    const sentence = weWill ? `We will ${next.charAt(0).toLowerCase()}${next.slice(1)}` : next;
    return this.rnd.chance(0.2) ? `${sentence}:\n${this.rnd.shuffle(BULLETS).slice(0, 2).map((b) => `\u2022 ${b}`).join('\n')}` : sentence;
  }

  recommendation(): string {
    const next = this.recommendations.shift();
    if (!next) throw new Error('plan-corpus: more recommendations than the pool holds; use fewer in the layout');
    return next;
  }
}

/** Splits `n` actions into `groups` runs, as evenly as possible, each at least one long. */
function groupSizes(n: number, groups: number): number[] {
  const g = Math.max(1, Math.min(groups, n));
  return Array.from({ length: g }, (_, i) => Math.floor(n / g) + (i < n % g ? 1 : 0));
}

function writeHeader(sheet: DraftSheet, table: TablePlan, row: number, headers: string[]): number {
  const first = table.firstCol ?? 1;
  const grouped = table.columns.some((c) => c.group);
  table.columns.forEach((column, i) => {
    const col = first + i;
    sheet.widths.set(col, WIDTH[column.role] ?? 14);
    // A spacer has no header; nor, in many plans, has the ref column.
    if (column.role === 'spacer' || !column.header) return;
    headers.push(column.header);
    if (!grouped) {
      sheet.set(row, col, { value: column.header, bold: true, fill: 'FFD9D9D9' });
      return;
    }
    if (column.group) {
      sheet.set(row + 1, col, { value: column.header, bold: true, fill: 'FFD9D9D9' });
      const startsGroup = i === 0 || table.columns[i - 1].group !== column.group;
      if (startsGroup) {
        let end = i;
        while (end + 1 < table.columns.length && table.columns[end + 1].group === column.group) end++;
        sheet.set(row, col, { value: column.group, bold: true, fill: 'FFBFBFBF' });
        sheet.merge(row, col, row, first + end);
        headers.push(column.group);
      }
    } else {
      sheet.set(row, col, { value: column.header, bold: true, fill: 'FFD9D9D9' });
      sheet.merge(row, col, row + 1, col);
    }
  });
  return row + (grouped ? 2 : 1);
}

/** Writes one table from `row` and returns the next free row. */
function writeTable(sheet: DraftSheet, table: TablePlan, row: number, source: ContentSource, truth: TruthAction[], headers: string[]): number {
  const { rnd } = source;
  const first = table.firstCol ?? 1;
  const last = first + table.columns.length - 1;
  const roles = new Set(table.columns.map((c) => c.role));
  const recIsGrouping = roles.has('recommendation') && roles.has('action');
  const perRec = table.responsesPerRecommendation ?? 2;
  // An action over several rows: one checkpoint a row, the action's own cells on its first row (or merged down).
  const span = roles.has('milestones') ? Math.max(1, table.milestoneRows ?? 1) : 1;
  if (span > 1 && recIsGrouping) throw new Error('plan-corpus: multi-row actions under merged recommendations are not laid out');
  const forms = table.timescaleForms ?? TIMESCALE_FORMS;
  const themeNames = rnd.shuffle(THEMES);
  const headingForm = rnd.pick(THEME_HEADING_FORMS);
  const weWill = rnd.chance(0.3);

  if (table.caption) {
    sheet.set(row, first, { value: table.caption, bold: true });
    row += 1;
  }
  row = writeHeader(sheet, table, row, headers);

  const groups = groupSizes(table.actions, table.groups ?? (table.themeHeadings || table.themeColumn ? 3 : 1));
  let overall = 0;
  groups.forEach((size, g) => {
    const theme = themeNames[g % themeNames.length];
    if (table.themeHeadings) {
      sheet.set(row, first, { value: headingForm(theme, g + 1), bold: true, fill: 'FFEDEDED' });
      if (table.themeHeadings === 'merged') sheet.merge(row, first, row, last);
      row += 1;
    }
    const groupTop = row;
    for (let i = 0; i < size; i++, overall++, row += span) {
      const status = rnd.pick(STATUSES);
      // Drawn before the row is written: checkpoints lead up to the due date, whichever column comes first.
      const due = timescale(rnd.pick(forms), rnd);
      const rag = RAG_FOR_STATUS[status];
      const fact: TruthAction = { sheet: sheet.name, action: '' };
      for (const column of table.columns) {
        const col = first + table.columns.indexOf(column);
        const set = (value: string | Date, extra: { fill?: string } = {}) => sheet.set(row, col, { value, ...extra });
        switch (column.role) {
          case 'ref': {
            const text = ref(table.refStyle ?? 'decimal', source.groupsUsed + g, i, source.actionsUsed + overall);
            if (table.refStyle === 'number') sheet.set(row, col, { value: Number(text) });
            else set(text);
            fact.ref = text;
            break;
          }
          case 'theme':
            if (table.themeColumn === 'repeated' || i === 0) set(theme);
            if (table.themeColumn === 'merged' && i === 0) sheet.merge(row, col, row + size * span - 1, col);
            break;
          case 'recommendation':
            if (!recIsGrouping) {
              fact.action = source.recommendation();
              set(fact.action);
            } else if (i % perRec === 0) {
              set(source.recommendation());
              sheet.merge(row, col, Math.min(row + perRec, groupTop + size) - 1, col);
            }
            break;
          case 'action':
            fact.action = source.commitment(weWill);
            set(fact.action);
            break;
          case 'lead':
            fact.lead = rnd.pick(source.leads);
            set(fact.lead);
            break;
          case 'timescale':
            set(due.value);
            // "TBC" or "Ongoing" beside dated checkpoints is no due date to one reader and the last checkpoint to
            // another: ambiguous, so not checked.
            if (due.due !== null || !roles.has('milestones')) fact.dueDate = due.due;
            break;
          case 'status':
            fact.status = status;
            set(rnd.pick(STATUS_WORDS[status]));
            break;
          case 'rag':
            fact.rag = rag;
            set(rnd.pick(RAG_WORDS[rag]), table.ragFills ? { fill: RAG_FILL[rag] } : {});
            break;
          case 'progress':
            if (status !== 'Not started') set(rnd.pick(PROGRESS));
            break;
          case 'measures':
            set(rnd.pick(MEASURES));
            break;
          case 'outcomes':
            set(rnd.pick(OUTCOMES));
            break;
          case 'notes':
            if (rnd.chance(0.4)) set(rnd.pick(NOTES));
            break;
          case 'milestones': {
            const steps = milestones(rnd, span > 1 ? span : 1 + rnd.int(3), roles.has('timescale') ? due.due : null);
            if (span > 1) steps.forEach((step, k) => sheet.set(row + k, col, { value: step }));
            else set(steps.join('\n'));
            break;
          }
          case 'spacer':
            break;
        }
      }
      if (!fact.action) throw new Error('plan-corpus: a table needs an action or a recommendation column');
      if (span > 1 && table.mergeActionRows) {
        table.columns.forEach((column, k) => {
          if (!['milestones', 'theme', 'spacer'].includes(column.role)) sheet.merge(row, first + k, row + span - 1, first + k);
        });
      }
      if (roles.has('lead') && fact.lead === undefined) fact.lead = null;
      truth.push(fact);
    }
  });
  source.groupsUsed += groups.length;
  source.actionsUsed += overall;
  return row;
}

function lastColumn(plan: SheetPlan): number {
  return Math.max(4, ...plan.tables.map((t) => (t.firstCol ?? 1) + t.columns.length - 1));
}

function writeSheet(plan: SheetPlan, source: ContentSource, truth: TruthAction[], headers: string[]): DraftSheet {
  const sheet = new DraftSheet(plan.name);
  const first = plan.tables[0]?.firstCol ?? 1;
  const last = lastColumn(plan);
  let row = 1;
  if (plan.title) row = writeTitle(sheet, plan.title, row, first, last, source.rnd);
  for (const line of plan.lines ?? []) sheet.set(row++, first, { value: line });
  if (plan.lines?.length) row++;
  for (const legend of (plan.legends ?? []).filter((l) => l.position === 'above' || !plan.tables.length)) {
    row = writeLegend(sheet, legend.kind, row, first, false) + 1;
  }
  if (!plan.tables.length) {
    for (const extra of plan.extras ?? []) row = writeExtra(sheet, extra, row, first) + 1;
    return sheet;
  }
  const tableTop = row;
  plan.tables.forEach((table, i) => {
    if (i > 0) row += 2;
    row = writeTable(sheet, table, row, source, truth, headers);
  });
  let besideRow = tableTop + (plan.tables[0].caption ? 1 : 0);
  for (const legend of (plan.legends ?? []).filter((l) => l.position === 'beside')) {
    besideRow = writeLegend(sheet, legend.kind, besideRow, last + 2, true) + 1;
  }
  for (const legend of (plan.legends ?? []).filter((l) => l.position === 'below')) {
    row = writeLegend(sheet, legend.kind, row + 1, first, false);
  }
  for (const kind of plan.signOff ?? []) row = writeSignOff(sheet, kind, row + 1, first, last);
  for (const extra of plan.extras ?? []) row = writeExtra(sheet, extra, row + 2, first);
  for (const kind of plan.footers ?? []) row = writeFooter(sheet, kind, row + 2, first, last);
  return sheet;
}

/** Builds a layout: the same plan and seed always give the same workbook and truth. */
export function buildLayout(plan: LayoutPlan): BuiltLayout {
  const source = new ContentSource(seeded(plan.seed));
  const truth: TruthAction[] = [];
  const headers: string[] = [];
  const sheets = plan.sheets.map((s) => writeSheet(s, source, truth, headers));
  return { plan, workbook: { sheets }, truth, headers };
}
