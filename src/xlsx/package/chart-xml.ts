/**
 * Native charts in the file: a sheet plan's charts as a DrawingML drawing part (where each chart sits, anchored to
 * cells) and one chart part each (what it plots). Series point at the sheet's own cells, as Excel's do, so a chart
 * follows later edits; each also carries a cache of the values written, so a reader that does not recalculate
 * still draws it. An empty cell is a gap in the line (dispBlanksAs "gap"), never a zero.
 */
import { RAG_SWATCHES } from '../../engine/rag/rag-formats';
import { ChartPlan, PlanValue, SheetPlan } from '../../engine/sheet-plan/types';
import { columnLetters, parseA1, sheetRef } from '../../engine/workbook';
import { parseRange } from './cell-range';
import { relationshipsXml, relsPathOf, WorkbookPackage } from './workbook-package';
import { escapeXml } from './xml';

export const CHART_REL_TYPES = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};

export const CHART_CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Lines in GOV.UK colours; a series named "Target" is a dashed dark grey line without markers. */
const LINE_COLOURS = ['1D70B8', 'F47738', '0F7A52', '912B88', 'CA3535', '505A5F'];
const TARGET = '505A5F';

interface Cell {
  row: number;
  col: number;
}

interface Series {
  name: Cell;
  values: Cell[];
}

/** A chart's categories and series, read from its source range the way Excel reads it for `seriesBy`. */
export function chartSeries(chart: ChartPlan): { categories: Cell[]; series: Series[] } {
  const r = parseRange(chart.source);
  const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (chart.seriesBy === 'rows') {
    return {
      categories: span(r.left + 1, r.right).map((col) => ({ row: r.top, col })),
      series: span(r.top + 1, r.bottom).map((row) => ({ name: { row, col: r.left }, values: span(r.left + 1, r.right).map((col) => ({ row, col })) })),
    };
  }
  return {
    categories: span(r.top + 1, r.bottom).map((row) => ({ row, col: r.left })),
    series: span(r.left + 1, r.right).map((col) => ({ name: { row: r.top, col }, values: span(r.top + 1, r.bottom).map((row) => ({ row, col })) })),
  };
}

function valueAt(sheet: SheetPlan, cell: Cell): PlanValue {
  return sheet.rows[cell.row - 1]?.[cell.col - 1] ?? null;
}

function ref(sheetName: string, cells: Cell[]): string {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const at = (c: Cell) => `$${columnLetters(c.col)}$${c.row}`;
  return `${sheetRef(sheetName)}!${at(first)}${cells.length > 1 ? `:${at(last)}` : ''}`;
}

function shownText(value: PlanValue): string {
  if (!value) return '';
  if (value.kind === 'text') return value.text;
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'date') return value.iso;
  return '';
}

function strRef(sheet: SheetPlan, cells: Cell[]): string {
  const points = cells.map((c, i) => `<c:pt idx="${i}"><c:v>${escapeXml(shownText(valueAt(sheet, c)))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(ref(sheet.name, cells))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

/** The values' reference and cache: only numbers are cached, so an empty cell stays a gap for every reader. */
function numRef(sheet: SheetPlan, cells: Cell[]): string {
  const points = cells
    .map((c, i) => {
      const v = valueAt(sheet, c);
      return v && v.kind === 'number' ? `<c:pt idx="${i}"><c:v>${v.value}</c:v></c:pt>` : '';
    })
    .join('');
  return `<c:numRef><c:f>${escapeXml(ref(sheet.name, cells))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`;
}

function solid(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
}

function lineSeries(sheet: SheetPlan, s: Series, index: number, categories: Cell[]): string {
  const target = shownText(valueAt(sheet, s.name)).trim().toLowerCase() === 'target';
  const colour = target ? TARGET : LINE_COLOURS[index % LINE_COLOURS.length];
  const line = `<c:spPr><a:ln w="${target ? 19050 : 28575}" cap="rnd">${solid(colour)}${target ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln></c:spPr>`;
  const marker = target ? '<c:marker><c:symbol val="none"/></c:marker>' : `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${solid(colour)}<a:ln>${solid(colour)}</a:ln></c:spPr></c:marker>`;
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(sheet, [s.name])}</c:tx>${line}${marker}<c:cat>${strRef(sheet, categories)}</c:cat><c:val>${numRef(sheet, s.values)}</c:val><c:smooth val="0"/></c:ser>`;
}

function barSeries(sheet: SheetPlan, s: Series, index: number, categories: Cell[]): string {
  const name = shownText(valueAt(sheet, s.name));
  const colour = (RAG_SWATCHES as Record<string, { fill: string } | undefined>)[name]?.fill ?? LINE_COLOURS[index % LINE_COLOURS.length];
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(sheet, [s.name])}</c:tx><c:spPr>${solid(colour)}<a:ln>${solid('FFFFFF')}</a:ln></c:spPr><c:invertIfNegative val="0"/><c:cat>${strRef(sheet, categories)}</c:cat><c:val>${numRef(sheet, s.values)}</c:val></c:ser>`;
}

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function axes(kind: ChartPlan['kind']): string {
  const [catPos, valPos] = kind === 'stackedBar' ? ['l', 'b'] : ['b', 'l'];
  // Categories of a horizontal bar read top to bottom in the table's order, as the officer reads the table.
  const catOrientation = kind === 'stackedBar' ? 'maxMin' : 'minMax';
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${catOrientation}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines><c:spPr><a:ln>${solid('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/><c:crosses val="${kind === 'stackedBar' ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** A chart part: a line chart, or a horizontal stacked bar, over the plan's cells. */
export function chartXml(sheet: SheetPlan, chart: ChartPlan): string {
  const { categories, series } = chartSeries(chart);
  const plot =
    chart.kind === 'line'
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.map((s, i) => lineSeries(sheet, s, i, categories)).join('')}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>`
      : `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series.map((s, i) => barSeries(sheet, s, i, categories)).join('')}<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes(chart.kind)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid('FFFFFF')}<a:ln>${solid('B1B4B6')}</a:ln></c:spPr></c:chartSpace>`
  );
}

/** The drawing part: each chart anchored from its top-left cell to the far corner of its bottom-right cell, as Excel's Chart.setPosition places it. */
export function drawingXml(charts: ChartPlan[], relIds: string[]): string {
  const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map((chart, i) => {
    const from = parseA1(chart.from);
    const to = parseA1(chart.to);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col - 1, from.row - 1)}${marker('to', to.col, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${relIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join('')}</xdr:wsDr>`;
}

/** Writes a sheet's drawing and chart parts into the package, with their relationships and content types. */
export function putCharts(pkg: WorkbookPackage, sheet: SheetPlan, drawingPart: string): void {
  const charts = sheet.charts ?? [];
  const rels = charts.map((chart, i) => {
    const part = pkg.freePart('xl/charts/chart', '.xml');
    pkg.put(part, chartXml(sheet, chart), CHART_CONTENT_TYPES.chart);
    return { id: `rId${i + 1}`, type: CHART_REL_TYPES.chart, target: part, external: false };
  });
  pkg.put(drawingPart, drawingXml(charts, rels.map((r) => r.id)), CHART_CONTENT_TYPES.drawing);
  pkg.put(relsPathOf(drawingPart), relationshipsXml(rels, drawingPart));
}
