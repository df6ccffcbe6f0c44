/**
 * Workbook files for the hardening tests: write a WorkbookModel to .xlsx with ExcelJS, compare a source sheet
 * before and after a run cell by cell (values and formats), and list the formulas a sheet holds.
 */
import ExcelJS from 'exceljs';
import { WorkbookModel } from '../../src/engine/workbook';

function excelValue(value: WorkbookModel['sheets'][number]['cells'][number]['value']): ExcelJS.CellValue {
  switch (value.type) {
    case 'text':
      return value.value;
    case 'number':
      return value.value;
    case 'boolean':
      return value.value;
    case 'date': {
      const [y, m, d] = value.value.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'error':
      return { error: value.value } as ExcelJS.CellErrorValue;
  }
}

/** Writes a model as an .xlsx file: each cell with its value (dates shown dd/mm/yyyy), merges and visibility. */
export async function writeModel(model: WorkbookModel, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility ?? 'visible' });
    for (const cell of sheet.cells) {
      const target = ws.getCell(cell.row, cell.col);
      target.value = excelValue(cell.value);
      if (cell.value.type === 'date') target.numFmt = 'dd/mm/yyyy';
      if (cell.bold) target.font = { bold: true };
    }
    for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  // Excel needs one visible sheet.
  if (!wb.worksheets.some((ws) => (ws.state ?? 'visible') === 'visible')) wb.worksheets[0].state = 'visible';
  await wb.xlsx.writeFile(file);
}

/** The rows ExcelJS holds for a sheet, without creating the empty ones in between. */
function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  return ((ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows ?? []).filter((row): row is ExcelJS.Row => row !== undefined);
}

/** Everything the officer can see of a cell: value, formula, number format, font, fill, border, alignment. */
/**
 * An alignment without the values that mean "not set" (horizontal general, no indent or rotation, no wrap or
 * shrink): some apps write them out and ExcelJS leaves them out when it writes the file again; Excel shows both alike.
 */
function withoutAlignmentDefaults(alignment: Partial<ExcelJS.Alignment> | undefined): Partial<ExcelJS.Alignment> | null {
  if (!alignment) return null;
  const defaults: Record<string, unknown> = { horizontal: 'general', indent: 0, shrinkToFit: false, textRotation: 0, wrapText: false, readingOrder: 'contextDependent' };
  const kept = Object.fromEntries(Object.entries(alignment).filter(([k, v]) => v !== undefined && defaults[k] !== v));
  return Object.keys(kept).length ? kept : null;
}

/** JSON with object keys in sorted order, so that two readings of one style compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function cellSignature(cell: ExcelJS.Cell): string {
  return canonical({
    value: cell.value instanceof Date ? cell.value.toISOString() : cell.value,
    // "General" is what a cell with no number format shows.
    numFmt: cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null,
    font: cell.font ?? null,
    fill: cell.fill ?? null,
    border: cell.border ?? null,
    alignment: withoutAlignmentDefaults(cell.alignment),
    protection: cell.protection ?? null,
  });
}

/**
 * The differences between a source sheet before a run and the same sheet in the output: every cell (values and
 * formats), merges, column widths and hidden columns, row heights and hidden rows, and the sheet's visibility.
 * An empty list means the sheet is unchanged.
 */
export function sourceSheetDiff(before: ExcelJS.Worksheet, after: ExcelJS.Worksheet | undefined): string[] {
  if (!after) return [`sheet "${before.name}" is missing from the output`];
  const diffs: string[] = [];
  const cells = (ws: ExcelJS.Worksheet) => {
    const map = new Map<string, string>();
    // Every row ExcelJS holds, and every cell in it with a value or a format (rows are sparse: a stray cell at
    // XFD1048576 must not make this walk a million empty rows).
    for (const row of rowsOf(ws)) {
      for (const cell of (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells) {
        if (cell) map.set(cell.address, cellSignature(cell));
      }
    }
    return map;
  };
  const a = cells(before);
  const b = cells(after);
  for (const [address, sig] of a) if (b.get(address) !== sig) diffs.push(`${before.name}!${address}: ${sig.slice(0, 200)} → ${(b.get(address) ?? 'missing').slice(0, 200)}`);
  for (const address of b.keys()) if (!a.has(address)) diffs.push(`${before.name}!${address}: new cell ${b.get(address)!.slice(0, 200)}`);
  const merges = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
  if (JSON.stringify(merges(before)) !== JSON.stringify(merges(after))) diffs.push(`${before.name}: merges ${merges(before)} → ${merges(after)}`);
  const columns = (ws: ExcelJS.Worksheet) => (ws.columns ?? []).map((c) => ({ width: c?.width ?? null, hidden: c?.hidden ?? false }));
  if (JSON.stringify(columns(before)) !== JSON.stringify(columns(after))) diffs.push(`${before.name}: column widths ${JSON.stringify(columns(before))} → ${JSON.stringify(columns(after))}`);
  const rows = (ws: ExcelJS.Worksheet) => {
    const out: [number, number | null, boolean][] = [];
    rowsOf(ws).forEach((row) => out.push([row.number, row.height ?? null, row.hidden]));
    return out;
  };
  if (JSON.stringify(rows(before)) !== JSON.stringify(rows(after))) diffs.push(`${before.name}: row heights or hidden rows changed`);
  const rules = (ws: ExcelJS.Worksheet) => JSON.stringify({
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations?.model ?? {},
    conditional: JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []), withoutDataBarDefaults),
    views: ws.views ?? [],
    autoFilter: ws.autoFilter ?? null,
  });
  if (rules(before) !== rules(after)) diffs.push(`${before.name}: validations, conditional formats, views or filters changed`);
  if ((before.state ?? 'visible') !== (after.state ?? 'visible')) diffs.push(`${before.name}: visibility ${before.state} → ${after.state}`);
  return diffs;
}

/**
 * ExcelJS gives every data bar a fresh random x14Id each time it writes one, and spells out Excel's defaults
 * (minLength 0, maxLength 100, gradient …) when it reads back a data bar it wrote itself: neither is a change.
 */
const DATA_BAR_DEFAULTS: Record<string, unknown> = {
  minLength: 0,
  maxLength: 100,
  border: false,
  gradient: true,
  negativeBarColorSameAsPositive: true,
  negativeBarBorderColorSameAsPositive: true,
  axisPosition: 'auto',
  direction: 'leftToRight',
};

function withoutDataBarDefaults(key: string, value: unknown): unknown {
  if (key === 'x14Id') return undefined;
  if (key in DATA_BAR_DEFAULTS && DATA_BAR_DEFAULTS[key] === value) return undefined;
  return value;
}

/** The cells of a sheet that hold a formula, with the formula. */
export function formulaCells(ws: ExcelJS.Worksheet): { address: string; formula: string }[] {
  const out: { address: string; formula: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as { formula?: string; sharedFormula?: string } | null;
      if (cell.type === ExcelJS.ValueType.Formula || (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))) {
        out.push({ address: cell.address, formula: v?.formula ?? v?.sharedFormula ?? String(cell.formula) });
      }
    }),
  );
  return out;
}
