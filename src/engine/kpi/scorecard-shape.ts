/**
 * A sheet that looks like a scorecard (period headings with figures under them) but that the KPI reader could not
 * read gets a finding saying why, rather than silence: a council whose only table goes unread must be told, not shown
 * an empty scorecard.
 */
import { SheetGrid, SheetModel, a1 } from '../workbook';
import type { Raw } from './findings';
import { kpiFieldContained, kpiFieldExact } from './headers';
import { periodKeyOfCell } from './period';
import { headerPeriod } from './period-words';

const SCAN_ROWS = 30;
const FIGURE_ROWS = 60;
/** A figure as officers type it: "1,234", "75.2%", "£3.5m", "-4", "12.5 days". */
const FIGURE_TEXT = /^[-+−]?\s*£?\s*\d[\d,]*(\.\d+)?\s*(%|[mk]|days?)?$/i;

export interface ScorecardShape {
  headerRow: number;
  periodLabels: string[];
  /** Headings of the other columns. */
  otherLabels: string[];
  figures: number;
}

/**
 * Whether a sheet looks like a scorecard: a row near the top with at least two period headings ("Q1 2025/26",
 * "2024/25 outturn", a date) and at least two figures under them. Returns the first such row, or null.
 */
export function scorecardShape(sheet: SheetModel): ScorecardShape | null {
  const grid = new SheetGrid(sheet);
  const rows = grid.rowNumbers.slice(0, SCAN_ROWS);
  for (const row of rows) {
    const periodCols: number[] = [];
    const periodLabels: string[] = [];
    const otherLabels: string[] = [];
    for (const cell of grid.rowCells(row)) {
      const text = grid.text(row, cell.col).trim();
      if (!text) continue;
      const isPeriod = cell.value.type === 'date' ? periodKeyOfCell(cell.value) !== null : cell.value.type === 'text' && headerPeriod(text, null) !== null;
      if (isPeriod) {
        periodCols.push(cell.col);
        periodLabels.push(text);
      } else otherLabels.push(text);
    }
    if (periodCols.length < 2) continue;
    let figures = 0;
    for (const below of grid.rowNumbers) {
      if (below <= row) continue;
      if (below > row + FIGURE_ROWS) break;
      for (const col of periodCols) {
        const value = grid.own(below, col)?.value;
        if (value?.type === 'number' || (value?.type === 'text' && FIGURE_TEXT.test(value.value.trim()))) figures++;
      }
    }
    if (figures >= 2) return { headerRow: row, periodLabels, otherLabels, figures };
  }
  return null;
}

/** Why the reader could not take the shape as a scorecard, in words. */
function why(shape: ScorecardShape): { reason: string; fix: string } {
  const fields = shape.otherLabels.map((l) => kpiFieldExact(l)?.field ?? kpiFieldContained(l));
  const periods = `${shape.periodLabels.slice(0, 3).map((l) => `“${l}”`).join(', ')}${shape.periodLabels.length > 3 ? ' …' : ''}`;
  const mapping = 'or map its columns: in the PlanAssure pane\'s review of the sheet, or with the command line\'s column option';
  if (!fields.some((f) => f === 'id' || f === 'name')) {
    return {
      reason: `Row ${shape.headerRow} has period headings (${periods}) with figures under them, but no column is headed as the indicator's name or id, so no KPI could be told apart`,
      fix: `Give the column of indicator names a heading such as “Indicator” or “Measure” (and any id column “KPI ID”), ${mapping}.`,
    };
  }
  const unknown = shape.otherLabels.filter((_, i) => !fields[i]);
  return {
    reason: `Row ${shape.headerRow} has period headings (${periods}) with figures under them, but too few of its other headings are ones the tool knows${unknown.length ? ` (${unknown.slice(0, 4).map((l) => `“${l}”`).join(', ')})` : ''}`,
    fix: `Rename the headings to ones such as “Indicator”, “Target”, “Good is” and “Unit”, ${mapping}.`,
  };
}

/** A finding for each sheet (of those given) that looks like a scorecard. */
export function unreadScorecardFindings(sheets: readonly SheetModel[]): Raw[] {
  const out: Raw[] = [];
  for (const sheet of sheets) {
    const shape = scorecardShape(sheet);
    if (!shape) continue;
    const { reason, fix } = why(shape);
    out.push({
      rule: 'kpi-scorecard-unread',
      sheet: sheet.name,
      cell: a1(shape.headerRow, 1),
      message: `${sheet.name} looks like a KPI scorecard but could not be read. ${reason}.`,
      fix,
    });
  }
  return out;
}
