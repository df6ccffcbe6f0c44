/**
 * Year headings: a title or section heading that says which financial year the actions under it belong to ("In
 * 2021/22 we will:", "During 2024-25", "2023/24 priorities", "Year 2 (2025/26)", "Priorities for 2024/25"). An
 * action under one that has no timescale of its own is due at the end of that year, 31 March, and its timescale
 * says where the date came from.
 *
 * A heading dates the actions below it until the next heading that names a period: a year heading of its own, or
 * one that uses a year some other way ("Medium term actions to start in 2021/22", "Strategy 2021 - 2025"), which
 * ends the dating rather than guess. The heading must be essentially only the year and words that introduce it; a
 * plan title such as "Delivery plan 2024/25" is not a year heading.
 */
import { a1, SheetModel } from '../workbook';
import { StructuredAction } from './types';

/** A financial year, "2024/25", "2024-25", "2024/2025": its parts checked below (the second year follows the first). */
const FY = '(20\\d{2})\\s*[/\\-–]\\s*((?:20)?\\d{2})';
const LEAD_IN = '(?:in|during|for|over|throughout|by\\s+(?:the\\s+)?end\\s+of)\\s+(?:the\\s+)?(?:financial\\s+year\\s+)?';
const NOUNS = '(?:key\\s+)?(?:priorities|actions|commitments|objectives|deliverables|milestones|activities)';
const YEAR_HEADINGS = [
  // In 2021/22 we will: · During 2024-25 · For 2025/26, we will deliver:
  new RegExp(`^${LEAD_IN}${FY}\\s*,?(?:\\s+we\\s+will(?:\\s+\\w+)?)?\\s*:?$`, 'i'),
  // 2023/24 priorities · 2025/26 key actions:
  new RegExp(`^${FY}\\s+${NOUNS}\\s*:?$`, 'i'),
  // Priorities for 2024/25 · Our commitments in 2025-26:
  new RegExp(`^(?:our\\s+)?${NOUNS}\\s+(?:for|in|during)\\s+${FY}\\s*:?$`, 'i'),
  // Year 2 (2025/26) · Year 1 – 2024/25:
  new RegExp(`^year\\s+\\d+\\s*[(\\-–:]?\\s*${FY}\\s*\\)?\\s*(?::|${NOUNS}\\s*:?)?$`, 'i'),
];

/** Any mention of a year or a numbered plan year: such a heading ends an earlier year heading's reach. */
const NAMES_A_PERIOD = /\b(?:19|20)\d{2}\b|\byear\s+\d+\b/i;

export interface YearHeading {
  /** The financial year as the heading writes it, tidied: "2021/22". */
  year: string;
  /** 31 March at the end of that year. */
  dueDate: string;
}

/** The financial year a heading dates its actions by, or null when it is not a year heading. */
export function readYearHeading(text: string): YearHeading | null {
  const line = text.split('\n')[0].replace(/\s+/g, ' ').trim();
  for (const pattern of YEAR_HEADINGS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const start = Number(m[1]);
    const end = Number(m[2].length === 2 ? `${m[1].slice(0, 2)}${m[2]}` : m[2]);
    if (end !== start + 1) return null;
    return { year: `${start}/${String(end).slice(2)}`, dueDate: `${end}-03-31` };
  }
  return null;
}

export interface HeadingLine {
  row: number;
  text: string;
}

/**
 * Dates the sheet's actions that have no timescale of their own by the year heading above them. `headings` are the
 * sheet's titles and section headings; the heading's cell is looked up in the sheet only for year headings.
 */
export function applyYearHeadings(actions: StructuredAction[], headings: HeadingLine[], sheet: SheetModel): void {
  const periods = headings.filter((h) => NAMES_A_PERIOD.test(h.text)).sort((a, b) => a.row - b.row);
  // Most plans have no year heading: nothing to do.
  if (!periods.some((h) => readYearHeading(h.text))) return;
  let next = 0;
  let current: (YearHeading & { text: string; row: number; cell?: string }) | null = null;
  for (const action of actions) {
    while (next < periods.length && periods[next].row < action.source.row) {
      const h = periods[next++];
      const year = readYearHeading(h.text);
      current = year ? { ...year, text: h.text.split('\n')[0].trim(), row: h.row } : null;
    }
    if (!current || action.timescale || action.dueDate) continue;
    // Looked up once a heading dates an action: a scan of the sheet's cells.
    current.cell ??= headingCell(sheet, current.row);
    action.timescale = `${current.year} (from the heading “${current.text}”)`;
    action.dueDate = current.dueDate;
    action.timescaleKind = 'date';
    action.cells.place('timescale', current.cell);
  }
}

/** The address of the heading's first cell: where a finding about the date it gives should point. */
function headingCell(sheet: SheetModel, row: number): string {
  let col = Infinity;
  for (const c of sheet.cells) if (c.row === row && c.col < col) col = c.col;
  return a1(row, Number.isFinite(col) ? col : 1);
}
