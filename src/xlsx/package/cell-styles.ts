/**
 * The cell formats of xl/styles.xml, as far as the engine reads them: each <cellXfs><xf> (a cell's `s=` index)
 * reduced to its number format and whether its font is bold. Whether a format shows a date is decided by
 * isDateFormat in src/engine/excel-dates.ts, the rule the Office.js adapter uses too.
 */
import { Attributes, localName, partParser } from './sax';

export interface CellStyle {
  /** The format code, when the format is not General (Excel's id 0), as ExcelJS's `cell.numFmt` gives it. */
  numFmt?: string;
  bold: boolean;
}

/**
 * Excel's built-in number formats, which a file names by id without writing them out. The entries ExcelJS gives a
 * format code for (node_modules/exceljs/lib/xlsx/defaultnumformats.js, exceljs 4.4.0): the ids it lists only per
 * locale (27-36, 50-81) it leaves without a format, and so do we. Id 0 (General) is never looked up: a cell in
 * General has no numFmt.
 */
const BUILT_IN_NUMBER_FORMATS = new Map<number, string>([
  [1, '0'],
  [2, '0.00'],
  [3, '#,##0'],
  [4, '#,##0.00'],
  [9, '0%'],
  [10, '0.00%'],
  [11, '0.00E+00'],
  [12, '# ?/?'],
  [13, '# ??/??'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy "h":mm'],
  [37, '#,##0 ;(#,##0)'],
  [38, '#,##0 ;[Red](#,##0)'],
  [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
  [48, '##0.0E+0'],
  [49, '@'],
]);

/** A format code as ExcelJS reads it from <numFmt formatCode>: backslash escapes (`dd\/mm`) lose the backslash. */
function unescapeFormatCode(code: string): string {
  return code.replace(/\\(.)/g, '$1');
}

/** An OOXML on/off attribute: absent means on; "0", "false" and "off" mean off. */
function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

/** The sections of the style sheet read here: children of <styleSheet>, at depth 2. */
type Section = 'numFmts' | 'fonts' | 'cellXfs' | 'other';

export function parseCellStyles(stylesXml: string): CellStyle[] {
  const customFormats = new Map<number, string>();
  const fontIsBold: boolean[] = [];
  const formats: { numFmtId: number; fontId: number }[] = [];
  let depth = 0;
  let section: Section = 'other';
  let inFont = false;

  const open = (tagName: string, attributes: Attributes): void => {
    depth++;
    if (depth === 2) {
      const name = localName(tagName);
      section = name === 'numFmts' || name === 'fonts' || name === 'cellXfs' ? name : 'other';
      return;
    }
    if (section === 'other') return;
    const name = localName(tagName);
    if (depth === 3) {
      if (section === 'numFmts' && name === 'numFmt') {
        const code = attributes.get('formatCode');
        if (code !== undefined) customFormats.set(parseInt(attributes.get('numFmtId') ?? '', 10), unescapeFormatCode(code));
      } else if (section === 'fonts' && name === 'font') {
        inFont = true;
        fontIsBold.push(false);
      } else if (section === 'cellXfs' && name === 'xf') {
        // parseInt, as ExcelJS reads them: a missing id is NaN, which finds neither a format nor a font.
        formats.push({ numFmtId: parseInt(attributes.get('numFmtId') ?? '', 10), fontId: parseInt(attributes.get('fontId') ?? '', 10) });
      }
    } else if (depth === 4 && inFont && name === 'b') {
      fontIsBold[fontIsBold.length - 1] = isOn(attributes.get('val'));
    }
  };

  const close = (): void => {
    if (depth === 3) inFont = false;
    else if (depth === 2) section = 'other';
    depth--;
  };

  const parser = partParser({ open, text: () => {}, close });
  parser.write(stylesXml);
  parser.close();

  return formats.map(({ numFmtId, fontId }) => {
    const style: CellStyle = { bold: fontIsBold[fontId] ?? false };
    // Id 0 (General) and a missing id give no numFmt; a file's own format for an id wins over the built-in one,
    // unless its code is empty.
    if (numFmtId) {
      const numFmt = customFormats.get(numFmtId) || BUILT_IN_NUMBER_FORMATS.get(numFmtId);
      if (numFmt) style.numFmt = numFmt;
    }
    return style;
  });
}
