/**
 * The workbook's styles.xml, with the tool's formats appended. The officer's styles keep their indexes, so their
 * sheets (copied byte for byte) still point at the right formats; ours are added after them, and a format that is
 * already there (written by an earlier run) is reused rather than added again.
 */
import { RangeStyle } from '../../engine/sheet-plan/types';
import { attributes, element, escapeAttr } from './xml';

/** What the tool can ask of a cell: the union of a column's format and the range styles over the cell. */
export type CellFormat = Omit<RangeStyle, 'range'>;

/** A conditional format's look. */
export interface DifferentialFormat {
  fill: string;
  fontColor: string;
  bold?: boolean;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Where each section goes when the officer's file lacks it (CT_Stylesheet's order). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const BORDER_COLOUR = 'FFB1B4B6';

function children(section: string, name: string): string[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?/>|<${name}(?=[\\s/>])[^>]*>[\\s\\S]*?</${name}>`, 'g');
  return section.match(re) ?? [];
}

/** One list of styles.xml (fonts, fills, …): the officer's entries, then ours, each added once. */
class StyleList {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(
    readonly section: string,
    readonly item: string,
    readonly existing: string[],
  ) {
    existing.forEach((xml, i) => {
      if (!this.index.has(xml)) this.index.set(xml, i);
    });
  }
  get count(): number {
    return this.existing.length + this.added.length;
  }
  add(xml: string): number {
    let at = this.index.get(xml);
    if (at === undefined) {
      at = this.count;
      this.added.push(xml);
      this.index.set(xml, at);
    }
    return at;
  }
}

export class StyleSheet {
  private xml: string;
  private readonly fonts: StyleList;
  private readonly fills: StyleList;
  private readonly borders: StyleList;
  private readonly cellXfs: StyleList;
  private readonly dxfs: StyleList;
  private readonly numFmtIds = new Map<string, number>();
  private readonly addedNumFmts: string[] = [];
  private nextNumFmtId = 164;
  private readonly baseFont: { size: string; rest: string; colour: string };
  private readonly xfCache = new Map<string, number>();

  constructor(stylesXml: string | null) {
    this.xml = stylesXml ?? MINIMAL_STYLES;
    const list = (section: string, item: string) => new StyleList(section, item, children(element(this.xml, section)?.text ?? '', item));
    this.fonts = list('fonts', 'font');
    this.fills = list('fills', 'fill');
    this.borders = list('borders', 'border');
    this.cellXfs = list('cellXfs', 'xf');
    this.dxfs = list('dxfs', 'dxf');
    for (const numFmt of children(element(this.xml, 'numFmts')?.text ?? '', 'numFmt')) {
      const a = attributes(numFmt);
      const id = Number(a.numFmtId);
      if (!this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
      this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
    }
    // New fonts take the workbook's own default font (its first), so the tool's sheets look like the officer's.
    const first = this.fonts.existing[0] ?? '';
    const size = /<sz\s+val="([^"]+)"/.exec(first)?.[1] ?? '11';
    const rest = ['name', 'family', 'charset', 'scheme'].map((n) => new RegExp(`<${n}\\s[^>]*/>`).exec(first)?.[0] ?? '').join('') || '<name val="Calibri"/><family val="2"/>';
    const colour = /<color\s[^>]*\/>/.exec(first)?.[0] ?? '';
    this.baseFont = { size, rest, colour };
    if (!this.fonts.count) this.fonts.add(`<font><sz val="11"/>${this.baseFont.rest}</font>`);
    if (this.fills.count < 2) {
      this.fills.add('<fill><patternFill patternType="none"/></fill>');
      this.fills.add('<fill><patternFill patternType="gray125"/></fill>');
    }
    if (!this.borders.count) this.borders.add('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (!this.cellXfs.count) this.cellXfs.add('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmtId++;
      this.numFmtIds.set(code, id);
      this.addedNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private font(bold?: boolean, italic?: boolean, size?: number, colour?: string): string {
    const c = colour ? `<color rgb="FF${colour.toUpperCase()}"/>` : this.baseFont.colour;
    return `<font>${bold ? '<b/>' : ''}${italic ? '<i/>' : ''}<sz val="${size ?? this.baseFont.size}"/>${c}${this.baseFont.rest}</font>`;
  }

  /** The cellXfs index for a format; 0 (the workbook's Normal) for none. */
  cellFormat(format: CellFormat): number {
    const key = `${format.bold ? 1 : 0}${format.italic ? 1 : 0}|${format.fontSize ?? ''}|${format.fontColor ?? ''}|${format.fill ?? ''}|${format.wrap ? 1 : 0}|${format.vertical ?? ''}|${format.horizontal ?? ''}|${format.numFmt ?? ''}|${format.border ? 1 : 0}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const hasFont = format.bold || format.italic || format.fontSize !== undefined || format.fontColor !== undefined;
    const fontId = hasFont ? this.fonts.add(this.font(format.bold, format.italic, format.fontSize, format.fontColor)) : 0;
    const fillId = format.fill ? this.fills.add(`<fill><patternFill patternType="solid"><fgColor rgb="FF${format.fill.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const side = (n: string) => `<${n} style="thin"><color rgb="${BORDER_COLOUR}"/></${n}>`;
    const borderId = format.border ? this.borders.add(`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`) : 0;
    const numFmtId = format.numFmt ? this.numFmtId(format.numFmt) : 0;
    const align =
      format.wrap || format.vertical || format.horizontal
        ? `<alignment${format.horizontal ? ` horizontal="${format.horizontal}"` : ''}${format.vertical ? ` vertical="${format.vertical}"` : ''}${format.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${align ? `>${align}</xf>` : '/>'}`;
    const id = key === '00|||||||0' ? 0 : this.cellXfs.add(xf);
    this.xfCache.set(key, id);
    return id;
  }

  /** The dxfs index for a conditional format's look. */
  differentialFormat(format: DifferentialFormat): number {
    const fill = format.fill.toUpperCase();
    return this.dxfs.add(
      `<dxf><font>${format.bold ? '<b/>' : ''}<color rgb="FF${format.fontColor.toUpperCase()}"/></font>` +
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${fill}"/><bgColor rgb="FF${fill}"/></patternFill></fill></dxf>`,
    );
  }

  private replaceSection(xml: string, name: string, inner: string, count: number): string {
    const built = `<${name} count="${count}">${inner}</${name}>`;
    const found = element(xml, name);
    if (found) return xml.slice(0, found.index) + built + xml.slice(found.index + found.text.length);
    // Absent: insert before the first later section present, or before the end.
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const at = element(xml, later);
      if (at) return xml.slice(0, at.index) + built + xml.slice(at.index);
    }
    const end = xml.lastIndexOf('</styleSheet>');
    return xml.slice(0, end) + built + xml.slice(end);
  }

  /** The styles.xml to write: unchanged when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    const lists = [this.fonts, this.fills, this.borders, this.cellXfs, this.dxfs];
    if (!this.addedNumFmts.length && lists.every((l) => !l.added.length) && xml !== MINIMAL_STYLES) return xml;
    if (this.addedNumFmts.length) {
      const current = children(element(xml, 'numFmts')?.text ?? '', 'numFmt');
      xml = this.replaceSection(xml, 'numFmts', [...current, ...this.addedNumFmts].join(''), current.length + this.addedNumFmts.length);
    }
    for (const list of lists) {
      if (!list.added.length) continue;
      xml = this.replaceSection(xml, list.section, [...list.existing, ...list.added].join(''), list.count);
    }
    return xml;
  }
}
