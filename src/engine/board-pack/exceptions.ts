/** Exceptions: every Red or overdue action, by theme then ref. */
import { ragFormat, statusFormat } from '../rag/rag-formats';
import { emptySheet, fitRowHeights, PlanValuePool, SheetPlan, text } from '../sheet-plan/types';
import { BoardPackContext } from './context';
import { headerRow, printReady } from './layout';
import { byThemeThenRef } from './order';
import { ukDate } from './reporting-period';
import { PackAction } from './types';

/** The actions listed as exceptions: Red or overdue. */
export function exceptionActions(context: Pick<BoardPackContext, 'actions'>): PackAction[] {
  return context.actions.filter((a) => a.effectiveRag === 'Red' || a.overdue);
}

export function exceptionsSheet(name: string, context: BoardPackContext): SheetPlan {
  const sheet = emptySheet(name);
  const labels = ['Theme', 'Ref', 'Action', 'Lead', 'Due date', 'Status', 'RAG', 'Why listed', 'Latest progress'];
  sheet.columns = [{ width: 20, wrap: true }, { width: 8 }, { width: 44, wrap: true }, { width: 20, wrap: true }, { width: 11, numFmt: 'dd/mm/yyyy' }, { width: 12 }, { width: 8 }, { width: 14, wrap: true }, { width: 40, wrap: true }];
  headerRow(sheet, 1, labels);
  const listed = exceptionActions(context);
  const items = listed.sort(byThemeThenRef(listed));
  const shared = new PlanValuePool();
  for (const a of items) {
    const why = [a.effectiveRag === 'Red' ? 'Red' : null, a.overdue ? `Overdue (due ${ukDate(a.dueDate!)})` : null].filter(Boolean).join('; ');
    sheet.rows.push([shared.text(a.theme), text(a.ref), text(a.action), shared.text(a.lead), shared.date(a.dueDate), shared.text(a.status ?? a.statusText), shared.text(a.effectiveRag), shared.text(why), text(a.progress)]);
  }
  if (!items.length) sheet.rows.push([text(`No Red or overdue actions at ${ukDate(context.today)}.`)]);
  const lastRow = sheet.rows.length;
  if (items.length) {
    sheet.styles.push({ range: `A2:I${lastRow}`, vertical: 'top', border: true });
    sheet.conditionalFormats.push(statusFormat(`F2:F${lastRow}`), ragFormat(`G2:G${lastRow}`));
  }
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.rowHeights = fitRowHeights(sheet, 2);
  printReady(sheet, context, 'Exceptions', '1:1');
  return sheet;
}
