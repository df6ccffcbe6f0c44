/**
 * A sheet plan as SpreadsheetML: the worksheet part, its table part and (for the lists sheet) its note. Built
 * row by row and deflated a megabyte at a time, so a 50,000-row Plan costs its compressed bytes and little more. Text is always written as an
 * inline string: a value beginning "=", "+", "-" or "@" stays words and is never evaluated.
 */
import { CachedResult, NO_VALUES, PlanValue, rowHeightFitter, rowsOf, SheetPlan, StreamedSheet } from '../../engine/sheet-plan/types';
import { needsPreserve } from '../../engine/text';
import { columnLetters, integerText, parseA1, sheetRef } from '../../engine/workbook';
import { fitCellText } from './cell-text';
import { parseRange } from './cell-range';
import { dateSerial } from './date-serial';
import { DeflatedPart, PartDeflater } from './deflated-part';
import { SheetPrint } from './fingerprint';
import { JoinedPieces } from './joined-pieces';
import { CellFormat, StyleSheet } from './style-sheet';
import { RangeStyleRect, StyleBands } from './style-bands';
import { escapeAttr, escapeXml, hasExcelEscapes, mayNeedEscaping } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Dates with no format of their own are shown the UK way. */
const UK_DATE = 'dd/mm/yyyy';

function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');
}

export interface SheetParts {
  /** The worksheet part, deflated as it was written (its XML is never whole in memory). */
  xml: DeflatedPart;
  /** The table part, when the plan has one. */
  table?: { xml: string; name: string };
  /** Whether any formula is written without a stored result (the workbook then calculates on opening). */
  uncalculated: boolean;
  /** "'Sheet'!$1:$1" rows to print on every page, for the workbook's defined names. */
  printTitles?: string;
  /** The sheet's fingerprint (planFingerprint), taken as its rows were written. */
  fingerprint: string;
}

export interface SheetXmlOptions {
  styles: StyleSheet;
  date1904: boolean;
  /** The table's workbook-unique name and id, when the plan has a table. */
  table?: { name: string; id: number };
  /** Conditional-format blocks (raw XML) the officer added to the earlier copy of this sheet, kept after ours. */
  keptRules?: string[];
  /** Relationship ids for the parts the sheet points at: its table, its charts' drawing, and the drawing of its note (lists sheet). */
  rels: { table?: string; drawing?: string; legacyDrawing?: string };
}

/** The format the current writer gives a cell: its column's format, then each range style over it, in order. */
function cellFormatFor(plan: SheetPlan, col: number, row: number, hasValue: boolean, styles: RangeStyleRect[]): CellFormat | null {
  let format: CellFormat | null = null;
  const column = plan.columns[col - 1];
  if (column && hasValue) {
    if (column.numFmt && row > 1) format = { numFmt: column.numFmt };
    if (column.wrap) format = { ...format, wrap: true, vertical: 'top' };
  }
  for (const s of styles) {
    if (col < s.rect.left || col > s.rect.right) continue;
    const st = s.style;
    format = { ...format };
    if (st.bold !== undefined) format.bold = st.bold;
    if (st.italic !== undefined) format.italic = st.italic;
    if (st.fontSize) format.fontSize = st.fontSize;
    if (st.fontColor) format.fontColor = st.fontColor;
    if (st.fill) format.fill = st.fill;
    if (st.wrap !== undefined) format.wrap = st.wrap;
    if (st.vertical) format.vertical = st.vertical;
    if (st.horizontal) format.horizontal = st.horizontal;
    if (st.numFmt) format.numFmt = st.numFmt;
    if (st.border) format.border = true;
  }
  return format;
}

/** Whether the engine gave a formula a result the file can store (a number must be finite). */
function isStorable(cached: CachedResult | undefined): cached is CachedResult {
  return cached !== undefined && (typeof cached !== 'number' || Number.isFinite(cached));
}

/** The cell type of a formula's cached result: numbers need none, text is "str", TRUE/FALSE "b", an error "e". */
function cachedType(cached: CachedResult | undefined): string {
  if (typeof cached === 'object') return ' t="e"';
  return typeof cached === 'string' ? ' t="str"' : typeof cached === 'boolean' ? ' t="b"' : '';
}

/** A formula's cached result, so readers that do not calculate see it; none when the engine gave none. */
function cachedValue(cached: CachedResult | undefined): string {
  if (!isStorable(cached)) return '';
  if (typeof cached === 'boolean') return `<v>${cached ? 1 : 0}</v>`;
  if (typeof cached === 'object') return `<v>${escapeXml(cached.error)}</v>`;
  return `<v>${typeof cached === 'string' ? escapeXml(fitCellText(cached)) : cached}</v>`;
}

/**
 * Whether any of the row's range styles covers column `col`: a loop rather than some() with an arrow, which made a
 * function for every empty cell the writer looked at.
 */
function styledAt(rowStyles: readonly RangeStyleRect[], col: number): boolean {
  for (let i = 0; i < rowStyles.length; i++) if (col >= rowStyles[i].rect.left && col <= rowStyles[i].rect.right) return true;
  return false;
}

/** Whether two rows have the same range styles over them, in the same order. */
function sameStyles(a: RangeStyleRect[], b: RangeStyleRect[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `streamed` stands for the plan's own rows when the sheet is written row by row (a streamed sheet): each row is
 * then made, its height fitted, written and dropped; the plan's `rows` are not read.
 */
export function sheetXml(plan: SheetPlan, options: SheetXmlOptions, streamed: Pick<StreamedSheet, 'rows' | 'fitHeightsFrom'> = { rows: rowsOf(plan) }): SheetParts {
  const { styles, date1904 } = options;
  const { rows, fitHeightsFrom } = streamed;
  const rowAt = (r: number): readonly PlanValue[] => (r <= rows.count ? rows.at(r - 1) : NO_VALUES);

  // Range styles by band of rows, so each row looks only at the styles over it.
  const styleRects: RangeStyleRect[] = plan.styles.map((style, index) => ({ index, rect: parseRange(style.range), style }));
  const lastStyledRow = styleRects.reduce((m, s) => Math.max(m, s.rect.bottom), 0);
  // Heights fitted as the rows are written below fall within the rows, so they never move the last row.
  const fit = fitHeightsFrom === undefined ? null : rowHeightFitter(plan);
  const heights: Record<number, number> = fit ? { ...plan.rowHeights } : (plan.rowHeights ?? {});
  const lastHeightRow = Object.keys(heights).reduce((m, r) => Math.max(m, Number(r)), 0);
  const rowCount = Math.max(rows.count, lastStyledRow, lastHeightRow);

  // Formats repeat down a column: cache the xf per (row's styles, column, has a value, header row or not, date), as
  // a list per set of row styles indexed by number, so no key string is made for each cell.
  const xfCache = new Map<string, number[]>();
  const xfFor = (col: number, row: number, hasValue: boolean, rowStyles: RangeStyleRect[], cached: number[], dateValue: boolean): number => {
    const index = col * 8 + (hasValue ? 4 : 0) + (row > 1 ? 2 : 0) + (dateValue ? 1 : 0);
    let xf = cached[index];
    if (xf === undefined) {
      let format = cellFormatFor(plan, col, row, hasValue, rowStyles);
      if (dateValue && !format?.numFmt) format = { ...format, numFmt: UK_DATE };
      xf = format ? styles.cellFormat(format) : 0;
      cached[index] = xf;
    }
    return xf;
  };

  // The dimension goes before the rows but is known only once they are written: the rows are written first and the
  // opening put before them at the end (PartDeflater.prepend), so each row is made once.
  let maxCol = 0;
  let maxRow = 0;

  /** Everything before the rows: the dimension, views, frozen panes and column widths. */
  const head = (): string => {
    const parts: string[] = [];
    parts.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
    if (plan.page) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    parts.push(`<dimension ref="${maxRow && maxCol ? `A1:${columnLetters(maxCol)}${maxRow}` : 'A1'}"/>`);
    const freeze = plan.freeze && (plan.freeze.rows || plan.freeze.columns) ? plan.freeze : null;
    if (freeze) {
      const pane = freeze.rows && freeze.columns ? 'bottomRight' : freeze.rows ? 'bottomLeft' : 'topRight';
      parts.push(
        `<sheetViews><sheetView workbookViewId="0"><pane${freeze.columns ? ` xSplit="${freeze.columns}"` : ''}${freeze.rows ? ` ySplit="${freeze.rows}"` : ''} topLeftCell="${columnLetters(freeze.columns + 1)}${freeze.rows + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`,
      );
    } else parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
    parts.push('<sheetFormatPr defaultRowHeight="15"/>');
    if (plan.columns.length) {
      parts.push(`<cols>${plan.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`);
    }
    return `${parts.join('')}<sheetData>`;
  };

  const sheet = new PartDeflater();
  let uncalculated = false;
  // The fingerprint is taken in the same pass, so the plan is walked once.
  const print = new SheetPrint(plan, rows.count);
  /** ` s="7"` for each format index, made once: it was a new string for every cell written. */
  const styleAttributes: string[] = [''];
  const styleAttribute = (xf: number): string => (styleAttributes[xf] ??= ` s="${xf}"`);
  // What follows a cell's reference, by format index, made once: `" s="7"/>` and the like.
  const emptyCellEnds: string[] = [];
  const valueCellEnds: string[] = [];
  const textCellEnds: string[] = [];
  const emptyCellEnd = (xf: number): string => (emptyCellEnds[xf] ??= `"${styleAttribute(xf)}/>`);
  const valueCellEnd = (xf: number): string => (valueCellEnds[xf] ??= `"${styleAttribute(xf)}><v>`);
  const textCellEnd = (xf: number): string => (textCellEnds[xf] ??= `"${styleAttribute(xf)} t="inlineStr"><is>`);
  // A text cell's end with its text's opening after it, made once a format: a row is joined from fewer pieces.
  const plainTextOpens: string[] = [];
  const keptSpaceTextOpens: string[] = [];
  const textOpen = (xf: number, keepSpace: boolean): string =>
    keepSpace ? (keptSpaceTextOpens[xf] ??= `${textCellEnd(xf)}<t xml:space="preserve">`) : (plainTextOpens[xf] ??= `${textCellEnd(xf)}<t>`);
  /** `<c r="` and the column's letters, made once a column: each cell's reference then needs only its row after it. */
  const cellOpens: string[] = [];
  const cellOpen = (col: number): string => (cellOpens[col] ??= `<c r="${columnLetters(col)}`);
  // The end of a row's opening tag with its height (`" ht="33" customHeight="1">`), by height: a sheet's rows have
  // few heights between them.
  const rowOpenEnds = new Map<number, string>();
  const rowOpenEnd = (height: number): string => {
    let end = rowOpenEnds.get(height);
    if (end === undefined) rowOpenEnds.set(height, (end = `" ht="${height}" customHeight="1">`));
    return end;
  };
  /** The row's XML as pieces, joined once when the row is whole (JoinedPieces says why). */
  const line = new JoinedPieces();
  const writeToSheet = (part: string): void => sheet.write(part);
  const bands = new StyleBands(styleRects);
  let previousStyles: RangeStyleRect[] | null = null;
  let cached: number[] = [];
  let styledRight = 0;
  for (let r = 1; r <= rowCount; r++) {
    const values = rowAt(r);
    if (fit && r >= fitHeightsFrom! && r <= rows.count) {
      const height = fit(values);
      if (height !== undefined) heights[r] = height;
    }
    const band = bands.at(r);
    const rowStyles = band.styles;
    let last = values.length;
    while (last > 0 && (values[last - 1] ?? null) === null) last--;
    const lastCell = Math.max(last, band.right);
    if (lastCell) maxCol = Math.max(maxCol, lastCell);
    if (lastCell || heights[r] !== undefined) maxRow = r;
    // Rows mostly have the same styles over them as the row above: then its format cache and right edge hold.
    if (!previousStyles || !sameStyles(rowStyles, previousStyles)) {
      const rowKey = rowStyles.length ? rowStyles.map((s) => s.index).join(',') : '';
      cached = xfCache.get(rowKey) ?? [];
      xfCache.set(rowKey, cached);
      styledRight = band.right;
      previousStyles = rowStyles;
    }
    const lastCol = Math.max(values.length, styledRight);
    const rowText = integerText(r);
    const height = heights[r];
    line.add('<row r="');
    line.add(rowText);
    line.add(height === undefined ? '">' : rowOpenEnd(height));
    let cellsWritten = false;
    print.startRow(r);
    for (let c = 1; c <= lastCol; c++) {
      const value: PlanValue = values[c - 1] ?? null;
      if (value === null && !(c <= styledRight && styledAt(rowStyles, c))) continue;
      print.cell(c, value);
      cellsWritten = true;
      const xf = xfFor(c, r, value !== null, rowStyles, cached, value?.kind === 'date');
      line.add(cellOpen(c));
      line.add(rowText);
      if (value === null) line.add(emptyCellEnd(xf));
      else if (value.kind === 'text') {
        const t = fitCellText(value.text);
        // White space a reader may fold unless told to keep it; most cells have none, and the attribute costs 21 bytes.
        const keepSpace = needsPreserve(t);
        // Text that needs _xHHHH_ escapes goes in a run: readers (ExcelJS, ours) decode escapes in runs only. Nearly
        // all text needs no escaping at all, which one scan tells.
        if (!mayNeedEscaping(t)) {
          line.add(textOpen(xf, keepSpace));
          line.addText(t);
          line.add('</t></is></c>');
        } else if (hasExcelEscapes(t)) {
          line.add(textCellEnd(xf));
          line.add(keepSpace ? '<r><t xml:space="preserve">' : '<r><t>');
          line.addText(escapeXml(t));
          line.add('</t></r></is></c>');
        } else {
          line.add(textOpen(xf, keepSpace));
          line.addText(escapeXml(t));
          line.add('</t></is></c>');
        }
      } else if (value.kind === 'number' || value.kind === 'date') {
        line.add(valueCellEnd(xf));
        line.add(integerText(value.kind === 'number' ? value.value : dateSerial(value.iso, date1904)));
        line.add('</v></c>');
      } else {
        uncalculated ||= !isStorable(value.cached);
        line.add(`"${styleAttribute(xf)}${cachedType(value.cached)}><f>`);
        line.add(escapeAttr(value.formula));
        line.add('</f>');
        line.add(cachedValue(value.cached));
        line.add('</c>');
      }
    }
    if (!cellsWritten && height === undefined) {
      line.clear();
      continue;
    }
    line.add('</row>');
    line.writeTo(writeToSheet);
  }

  const parts: string[] = [];
  parts.push('</sheetData>');
  if (plan.merges.length) parts.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);

  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    const rules = cf.rules
      .map((rule) => `<cfRule type="expression" dxfId="${styles.differentialFormat(rule)}" priority="${priority++}"><formula>${escapeAttr(rule.expression)}</formula></cfRule>`)
      .join('');
    parts.push(`<conditionalFormatting sqref="${cf.range}">${rules}</conditionalFormatting>`);
  }
  for (const bar of plan.dataBars) {
    parts.push(
      `<conditionalFormatting sqref="${bar.range}"><cfRule type="dataBar" priority="${priority++}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF${bar.color.toUpperCase()}"/></dataBar></cfRule></conditionalFormatting>`,
    );
  }
  for (const kept of options.keptRules ?? []) parts.push(kept.replace(/priority="\d+"/g, () => `priority="${priority++}"`));
  if (plan.validations.length) {
    const items = plan.validations.map(
      (v) =>
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Not on the list" error="${escapeXml(v.message)}" sqref="${v.range}"><formula1>${escapeAttr(v.source)}</formula1></dataValidation>`,
    );
    parts.push(`<dataValidations count="${items.length}">${items.join('')}</dataValidations>`);
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  let printTitles: string | undefined;
  if (plan.page) {
    parts.push(`<pageSetup paperSize="9" orientation="${plan.page.orientation}" fitToWidth="1" fitToHeight="0"/>`);
    const footer = `${plan.page.footerLeft ? `&L${plan.page.footerLeft}` : ''}&RPage &P of &N`;
    parts.push(`<headerFooter><oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>`);
    const breaks = plan.page.rowBreaks ?? [];
    if (breaks.length) parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
    if (plan.page.printTitleRows) printTitles = `${sheetRef(plan.name)}!${absoluteRows(plan.page.printTitleRows)}`;
  }
  if (options.rels.drawing) parts.push(`<drawing r:id="${options.rels.drawing}"/>`);
  if (options.rels.legacyDrawing) parts.push(`<legacyDrawing r:id="${options.rels.legacyDrawing}"/>`);

  let table: SheetParts['table'];
  if (plan.table && options.table && options.rels.table && rows.count > 1) {
    const start = parseA1(plan.table.range.split(':')[0]);
    const header = rowAt(start.row).slice(start.col - 1);
    const ref = `${columnLetters(start.col)}${start.row}:${columnLetters(start.col + header.length - 1)}${Math.max(rows.count, start.row + 1)}`;
    const columns = header.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h && h.kind === 'text' ? h.text : `Column${i + 1}`)}"/>`).join('');
    table = {
      name: options.table.name,
      xml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${options.table.id}" name="${escapeXml(options.table.name)}" displayName="${escapeXml(options.table.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${header.length}">${columns}</tableColumns>` +
        `<tableStyleInfo name="${escapeXml(plan.table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    };
    parts.push(`<tableParts count="1"><tablePart r:id="${options.rels.table}"/></tableParts>`);
  }
  parts.push('</worksheet>');
  sheet.write(parts.join(''));
  sheet.prepend(head());
  return { xml: sheet.done(), table, uncalculated, printTitles, fingerprint: print.digest() };
}

/**
 * The comments part and its VML drawing for one note (Excel still keeps notes as VML shapes). The text is one run,
 * as Excel writes it: some readers (ExcelJS among them) drop a note whose text is not in runs.
 */
export function noteParts(note: { row: number; col: number }, text: string, shapeBlock: number): { comments: string; vml: string } {
  const comments =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>PlanAssure</author></authors>` +
    `<commentList><comment ref="${columnLetters(note.col)}${note.row}" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${escapeXml(text)}</t></r></text></comment></commentList></comments>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${shapeBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `<v:shape id="_x0000_s${shapeBlock * 1024 + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:90pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${note.col}, 15, ${note.row - 1}, 2, ${note.col + 3}, 15, ${note.row + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.col - 1}</x:Column></x:ClientData></v:shape></xml>`;
  return { comments, vml };
}
