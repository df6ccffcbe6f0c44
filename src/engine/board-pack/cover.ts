/** The Cover: what the pack is, when and by whom it was made, its marking, what is in it, and the headline. */
import { emptySheet, SheetPlan, text, wrappedLines } from '../sheet-plan/types';
import { overallSentence } from './board-summary';
import { BoardPackContext } from './context';
import { ukDate } from '../uk-date';

/** What each section of the pack holds, by its role, for the contents list. */
const SECTION_NOTES: Record<string, string> = {
  'board-summary': 'the overall position, RAG by theme, and what changed since the last board',
  'board-views': 'actions by CQC quality statement, Red and overdue actions by lead, and what is coming up by month',
  exceptions: 'every action that is Red or overdue',
  'kpi-scorecard': "each KPI's latest figure against its target, with its RAG",
  'kpi-trends': "a chart of each KPI's figures over the recent periods, with its target",
  'coming-up': 'what falls due from now to the end of the next quarter',
};

/** The headline in two or three sentences: the plan's position, its exceptions, and its KPIs where it has them. */
export function coverHeadline(context: BoardPackContext, exceptions: number): string {
  const sentences = [overallSentence(context.actions, context.legend, context.states)];
  if (context.actions.length) sentences.push(exceptions ? `${exceptions} ${exceptions === 1 ? 'action is' : 'actions are'} listed as exceptions.` : 'No action is Red or overdue.');
  if (context.kpis.length) {
    const red = context.kpis.filter((k) => k.rag === 'Red').length;
    sentences.push(`Of ${context.kpis.length} ${context.kpis.length === 1 ? 'KPI' : 'KPIs'}, ${red} ${red === 1 ? 'is' : 'are'} Red.`);
  }
  return sentences.join(' ');
}

/** The cover, in front of `sections` (the pack's other sheets, in order, each with its role). */
export function coverSheet(name: string, context: BoardPackContext, sections: { name: string; role: string }[], exceptions: number): SheetPlan {
  const sheet = emptySheet(name);
  sheet.columns = [{ width: 26 }, { width: 90, wrap: true }];
  const rows: [string, string | null][] = [
    ['Reporting period', `${context.period.label} (${ukDate(context.period.start)} to ${ukDate(context.period.end)})`],
    ['Date made', ukDate(context.today)],
    ['Author', context.author],
    ['Version', context.version],
    ['Protective marking', context.marking],
  ];
  sheet.rows.push([text(context.title)], [text('Board pack')], []);
  for (const [label, value] of rows) if (value) sheet.rows.push([text(label), text(value)]);
  const facts = sheet.rows.length;
  sheet.rows.push([], [text('Headline')]);
  const headline = coverHeadline(context, exceptions);
  sheet.rows.push([text(headline)]);
  const headlineRow = sheet.rows.length;
  sheet.rows.push([], [text('Contents')]);
  const contentsRow = sheet.rows.length;
  for (const s of sections) sheet.rows.push([text(s.name), text(SECTION_NOTES[s.role] ?? null)]);
  for (const line of context.emptySections) sheet.rows.push([text(line)]);
  const last = sheet.rows.length;

  sheet.merges.push('A1:B1', 'A2:B2', `A${headlineRow}:B${headlineRow}`);
  for (let r = last - context.emptySections.length + 1; r <= last; r++) sheet.merges.push(`A${r}:B${r}`);
  sheet.styles.push(
    { range: 'A1', bold: true, fontSize: 20, wrap: true, vertical: 'top' },
    { range: 'A2', fontSize: 14 },
    { range: `A4:A${facts}`, bold: true },
    { range: `A${headlineRow - 1}`, bold: true, fontSize: 14 },
    { range: `A${headlineRow}:B${headlineRow}`, wrap: true, vertical: 'top' },
    { range: `A${contentsRow}`, bold: true, fontSize: 14 },
    { range: `A${contentsRow + 1}:A${contentsRow + sections.length}`, bold: true },
  );
  sheet.rowHeights = {
    // 20-point bold over both columns (116 characters at 11 points) fits about 50 characters a line.
    1: wrappedLines(context.title, 50) * 27 + 6,
    [headlineRow]: wrappedLines(headline, 105) * 15 + 4,
  };
  sheet.page = { orientation: 'landscape', paper: 'A4', fitToWidth: 1, footerLeft: context.marking };
  return sheet;
}
