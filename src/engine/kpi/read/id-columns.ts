/**
 * The id column decided by what it holds, whatever it is called: a column of short codes ("2B", "NI 130", "ASC01"),
 * one per row, is the id column even under a header we do not know ("#", "PI", "Measure"); and where the column read
 * as the name holds codes while another holds the words, the two are swapped.
 */
import { cellText, SheetGrid } from '../../workbook';
import { KpiColumn, KpiHeader } from '../headers';
import { isCodeLike } from './ids';

interface ColumnContent {
  filled: number;
  codes: number;
  unique: boolean;
  /** Average length of the texts. */
  length: number;
}

function contentOf(grid: SheetGrid, header: KpiHeader, col: number): ColumnContent {
  const seen = new Set<string>();
  let filled = 0;
  let codes = 0;
  let unique = true;
  let total = 0;
  for (const row of grid.rowNumbers) {
    if (row <= header.row) continue;
    const t = cellText(grid.own(row, col)?.value).trim();
    if (!t) continue;
    filled++;
    total += t.length;
    if (isCodeLike(t)) codes++;
    const key = t.toUpperCase();
    if (seen.has(key)) unique = false;
    seen.add(key);
  }
  return { filled, codes, unique, length: filled ? total / filled : 0 };
}

/** Codes, each once. One is enough: councils give codes to some measures and not others (local measures often have none). */
const holdsIds = (c: ColumnContent, repeated: boolean): boolean => c.filled >= 1 && (c.unique || repeated) && c.codes >= 0.8 * c.filled;

/** The header with its id (and name) columns decided from their content where the labels did not say. */
export function withIdColumns(grid: SheetGrid, header: KpiHeader, options: { repeated?: boolean } = {}): KpiHeader {
  const repeated = !!options.repeated;
  const f = header.byField;
  if (f.id) return header;
  const byField = { ...f };
  const name = f.name ? contentOf(grid, header, f.name.col) : null;
  // The "name" column holds codes, or nothing at all ("Indicator code" before "Indicator", no KPI coded yet): the
  // words are in the other name-like or unlabelled column with the longest texts.
  const words = () =>
    header.columns
      .filter((c) => c !== f.name && (c.field === null || c.field === 'name'))
      .map((c) => ({ c, content: contentOf(grid, header, c.col) }))
      .filter((x) => x.content.filled >= Math.max(1, name!.filled * 0.8) && x.content.length > 12)
      .sort((a, b) => b.content.length - a.content.length)[0];
  if (f.name && name && name.filled === 0) {
    const found = words();
    if (found) {
      Object.assign(byField, { id: f.name, name: found.c });
      return { ...header, byField, columns: relabel(header.columns, byField) };
    }
  }
  if (f.name && name && holdsIds(name, repeated)) {
    const found = words();
    byField.id = f.name;
    if (found) byField.name = found.c;
    else delete byField.name;
    return { ...header, byField, columns: relabel(header.columns, byField) };
  }
  if (f.code) return header; // a code column already gives each row its id when there is none
  // An unlabelled column of codes beside the names, or a second one whose label reads as the name ("Indicator code"
  // after "Indicator"): what it holds says it is the id.
  const beside = header.columns.filter((c) => c.field === null || (c.field === 'name' && c !== f.name));
  const ids = beside.filter((c) => c.col < (f.name?.col ?? Infinity) + 2 && holdsIds(contentOf(grid, header, c.col), repeated));
  if (!ids.length) return header;
  byField.id = ids[0];
  return { ...header, byField, columns: relabel(header.columns, byField) };
}

function relabel(columns: KpiColumn[], byField: KpiHeader['byField']): KpiColumn[] {
  return columns.map((c) => {
    if (c === byField.id) return { ...c, field: 'id' as const };
    if (c === byField.name) return { ...c, field: 'name' as const };
    return c;
  });
}
