/**
 * The package reader's part parsers (src/xlsx/package) against the ExcelJS reader they replace
 * (tests/helpers/exceljs-model.ts): every seed plan, and workbooks built here to cover each kind of value, format
 * and layout, must read to the same SheetModel, sheet by sheet. Where ExcelJS writes something only one way, the
 * built file's XML is edited into the other forms Excel and other apps write (inline strings, covered cells,
 * hidden empty rows, column ranges) and both readers read the edited file. Last, hand-written XML for what
 * ExcelJS cannot read at all, with the result spelt out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { SheetModel } from '../src/engine/workbook';
import { CellStyle, parseCellStyles, parseSharedStrings, parseWorksheet } from '../src/xlsx/package';
import { sharedStringList, sharedStringsReader } from '../src/xlsx/package/shared-strings';
import { exceljsWorkbookModel } from './helpers/exceljs-model';

const SEEDS = path.resolve(__dirname, '..', 'seeds');

// ---------------------------------------------------------------------------------------------------------------
// Just enough of the package to find the sheets (the real package layer is src/xlsx/package/workbook-package.ts).

function elementsNamed(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    if (tag.name.replace(/^.*:/, '') === name) found.push(tag.attributes);
  });
  parser.write(xml).close();
  return found;
}

/** Every sheet of a workbook, read with the package parsers. */
async function packageSheets(data: Buffer): Promise<SheetModel[]> {
  const zip = await JSZip.loadAsync(data);
  const text = async (part: string) => (await zip.file(part)?.async('string')) ?? null;
  const workbookXml = (await text('xl/workbook.xml')) ?? '';
  const rels = elementsNamed((await text('xl/_rels/workbook.xml.rels')) ?? '', 'Relationship');
  const partOf = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  const partOfType = (type: string) => {
    const rel = rels.find((r) => r.Type.endsWith(`/${type}`));
    return rel ? partOf(rel.Target) : null;
  };
  const stringsPart = partOfType('sharedStrings');
  const stylesPart = partOfType('styles');
  const strings = stringsPart ? parseSharedStrings((await text(stringsPart)) ?? '') : [];
  const styles = stylesPart ? parseCellStyles((await text(stylesPart)) ?? '') : [];
  // As ExcelJS reads it: only date1904="1" switches to the 1904 date system.
  const date1904 = elementsNamed(workbookXml, 'workbookPr')[0]?.date1904 === '1';
  const sheets: SheetModel[] = [];
  for (const sheet of elementsNamed(workbookXml, 'sheet')) {
    const rel = rels.find((r) => r.Id === sheet['r:id']);
    const xml = rel ? await text(partOf(rel.Target)) : null;
    if (xml === null) continue;
    const visibility = (sheet.state ?? 'visible') as 'visible' | 'hidden' | 'veryHidden';
    sheets.push(parseWorksheet(xml, { name: sheet.name, visibility }, strings, styles, date1904));
  }
  return sheets;
}

/** Both readers agree on the file, sheet by sheet; returns the sheets for any further checks. */
async function expectSameAsExcelJS(data: Buffer): Promise<SheetModel[]> {
  const expected = (await exceljsWorkbookModel(data)).sheets;
  const actual = await packageSheets(data);
  expect(actual.map((s) => s.name)).toEqual(expected.map((s) => s.name));
  expected.forEach((sheet, i) => expect(actual[i]).toEqual(sheet));
  return actual;
}

// ---------------------------------------------------------------------------------------------------------------
// Building and editing workbooks.

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with some of its parts' XML edited. */
async function withEditedParts(data: Buffer, edits: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  for (const [part, edit] of Object.entries(edits)) {
    const file = zip.file(part);
    if (!file) throw new Error(`No part ${part} to edit`);
    const before = await file.async('string');
    const after = edit(before);
    if (after === before) throw new Error(`The edit of ${part} changed nothing`);
    zip.file(part, after);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Replaces the <c> element at `ref` (self-closing or not) with `cellXml`. */
function replaceCell(xml: string, ref: string, cellXml: string): string {
  const pattern = new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`);
  if (!pattern.test(xml)) throw new Error(`No cell ${ref}`);
  return xml.replace(pattern, cellXml);
}

/** Appends rows (or anything) at the end of <sheetData>. */
function appendToSheetData(xml: string, rowsXml: string): string {
  return xml.replace('</sheetData>', `${rowsXml}</sheetData>`);
}

/** Puts `colsXml` (a whole <cols> element) in place of the sheet's own, or before <sheetData>. */
function withCols(xml: string, colsXml: string): string {
  return /<cols>.*?<\/cols>/.test(xml) ? xml.replace(/<cols>.*?<\/cols>/, colsXml) : xml.replace('<sheetData>', `${colsXml}<sheetData>`);
}

const SHEET1 = 'xl/worksheets/sheet1.xml';

// ---------------------------------------------------------------------------------------------------------------

describe('the seed plans read the same as with ExcelJS', () => {
  const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.xlsx'));

  it('has seeds to read', () => expect(seeds.length).toBeGreaterThan(0));

  it.each(seeds)('%s', async (seed) => {
    const sheets = await expectSameAsExcelJS(fs.readFileSync(path.join(SEEDS, seed)));
    expect(sheets.some((s) => s.cells.length > 0)).toBe(true);
  });
});

describe('values read the same as with ExcelJS', () => {
  it('text of every kind, numbers, booleans, errors and a stray value at XFD1048576', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Values');
    const texts = [
      'Review the safeguarding pathway',
      '  leading and trailing spaces  ',
      'line one\nline two',
      'Fish & chips <b>not bold</b> "quoted" \'single\'',
      '=SUM(A1:A2)',
      '+44 20 7946 0000',
      '-- not a formula',
      '@mention',
      'Carers 👩‍👧 support 🚀',
      'مراجعة خطة الحماية',
      'בדיקת התוכנית',
      'Mixed العربية and English',
      'x'.repeat(32_767),
      '🚀'.repeat(16_383) + 'x',
      '0123',
      'TRUE',
      '#N/A',
      '_x0041_ as written',
      '\u00a0non-breaking\u00a0',
    ];
    texts.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
    const numbers = [0, 1, -1, 3.14159, 0.1 + 0.2, 1e-10, 1e20, -123456.789, 2 ** 53, 45_000];
    numbers.forEach((n, i) => (ws.getCell(i + 1, 2).value = n));
    ws.getCell('C1').value = true;
    ws.getCell('C2').value = false;
    ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'].forEach((e, i) => (ws.getCell(i + 3, 3).value = { error: e } as ExcelJS.CellErrorValue));
    ws.getCell('D1').value = '';
    ws.getCell('D2').value = null;
    ws.getCell('D3').style = { font: { bold: true } };
    ws.getCell('XFD1048576').value = 'stray';
    await expectSameAsExcelJS(await bytesOf(wb));
  });

  it('text cells as Excel and other apps write them: "str" cells, inline strings, escapes, phonetic runs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Strings');
    for (let r = 1; r <= 12; r++) ws.getCell(r, 1).value = `placeholder ${r}`;
    ws.getCell('B1').value = { richText: [{ text: 'Bold start', font: { bold: true } }, { text: ', plain end' }] };
    ws.getCell('B2').value = { richText: [{ text: '' }, { text: 'only the second run' }] };
    ws.getCell('B3').value = { richText: [{ text: '' }] };
    ws.getCell('B4').value = 'shared text with _x000D_ in it';
    ws.getCell('B5').value = 'to be given phonetic runs';
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) => {
        let out = xml;
        out = replaceCell(out, 'A1', '<c r="A1" t="str"><v>a &amp;lt; b &amp;amp; c</v></c>');
        out = replaceCell(out, 'A2', '<c r="A2" t="inlineStr"><is><t>plain inline _x0041_</t></is></c>');
        out = replaceCell(out, 'A3', '<c r="A3" t="inlineStr"><is><r><rPr><b/></rPr><t>rich </t></r><r><t>inline _x0041_</t></r></is></c>');
        out = replaceCell(out, 'A4', '<c r="A4" t="inlineStr"><is><t></t></is></c>');
        out = replaceCell(out, 'A5', '<c r="A5" t="inlineStr"><is><r><t xml:space="preserve">  </t></r></is></c>');
        out = replaceCell(out, 'A6', '<c r="A6" t="str"><v></v></c>');
        out = replaceCell(out, 'A7', '<c r="A7" t="str"><v>&#x1F680; by reference &#169;</v></c>');
        out = replaceCell(out, 'A8', '<c r="A8" t="inlineStr"><is><t>carriage\r\nreturn</t></is></c>');
        out = replaceCell(out, 'A9', '<c r="A9" t="s"><v>999</v></c>'.replace('999', '0'));
        return out;
      },
      'xl/sharedStrings.xml': (xml) =>
        xml
          .replace('shared text with _x000D_ in it', 'escapes _x000D_ _x005F_x0041_ _x000d_ _x00e9_ _x00E9_')
          .replace('<t>to be given phonetic runs</t>', '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>'),
    });
    await expectSameAsExcelJS(edited);
  });

  it('formulas with their cached results, shared and array formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Formulas');
    ws.getCell('A1').value = 5;
    ws.getCell('A2').value = 0;
    ws.getCell('B1').value = { formula: 'A1*2', result: 10 };
    ws.getCell('B2').value = { formula: 'A2*2', result: 0 };
    ws.getCell('B3').value = { formula: 'A1/3', result: 5 / 3 };
    ws.getCell('B4').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { formula: 'IF(A1>1,"Yes","No")', result: 'Yes' };
    ws.getCell('C2').value = { formula: 'A1>1', result: true };
    ws.getCell('C3').value = { formula: 'A1<1', result: false };
    ws.getCell('C4').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('C5').value = { formula: '"Fish & chips"', result: 'Fish & chips' };
    // A shared formula: B1 is its master, D1:D4 ExcelJS writes as its children.
    ws.getCell('D1').value = { formula: 'A1+1', result: 6 };
    ws.getCell('D2').value = { sharedFormula: 'D1', result: 1 };
    ws.getCell('D3').value = { sharedFormula: 'D1', result: 0 };
    ws.getCell('D4').value = { sharedFormula: 'D1', result: 7 };
    ws.getCell('E1').value = { formula: 'SUM(A1:A2)', result: 5, shareType: 'array', ref: 'E1' } as ExcelJS.CellFormulaValue;
    ws.getCell('F1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 15)) };
    ws.getCell('F1').numFmt = 'dd/mm/yyyy';
    ws.getCell('F2').value = { formula: 'A2', result: 0 };
    ws.getCell('F2').numFmt = 'dd/mm/yyyy';
    ws.getCell('F3').value = { formula: 'A1>1', result: true };
    ws.getCell('F3').numFmt = 'dd/mm/yyyy';
    ws.getCell('F4').value = { formula: '"45000"', result: '45000' };
    ws.getCell('F4').numFmt = 'dd/mm/yyyy';
    ws.getCell('F5').value = { formula: '"not a date"', result: 'not a date' };
    ws.getCell('F5').numFmt = 'dd/mm/yyyy';
    ws.getCell('F6').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('F6').numFmt = 'dd/mm/yyyy';
    for (let r = 1; r <= 6; r++) ws.getCell(r, 7).value = `placeholder ${r}`;
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) => {
        let out = xml;
        // A child of a shared formula whose master is not in the sheet, and one with text of its own.
        out = replaceCell(out, 'G1', '<c r="G1"><f t="shared" si="9"/><v>3</v></c>');
        out = replaceCell(out, 'G2', '<c r="G2"><f t="shared" si="0">A2+1</f><v>1</v></c>');
        out = replaceCell(out, 'G3', '<c r="G3" t="str"><f>"a"&amp;"&amp;lt;"</f><v>a&amp;lt;</v></c>');
        out = replaceCell(out, 'G4', '<c r="G4"><f></f><v>4</v></c>');
        out = replaceCell(out, 'G5', '<c r="G5"><f>1/0</f><v>Infinity</v></c>');
        out = replaceCell(out, 'G6', '<c r="G6" t="b"><f>TRUE</f><v>true</v></c>');
        return out;
      },
    });
    const [sheet] = await expectSameAsExcelJS(edited);
    // What the shared formula's children read as, spelt out: the master's address, as ExcelJS gives it.
    expect(sheet.cells.find((c) => c.row === 2 && c.col === 4)).toMatchObject({ formula: 'D1', value: { type: 'number', value: 1 } });
    expect(sheet.cells.find((c) => c.row === 3 && c.col === 4)).toMatchObject({ formula: 'D1', value: { type: 'text', value: '' } });
  });

  it('dates in built-in and custom formats, and numbers in formats that are not dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Dates');
    const when = new Date(Date.UTC(2025, 5, 30, 17, 45));
    const formats = [
      undefined, // ExcelJS gives a date with no format mm-dd-yy, built-in id 14
      'mm-dd-yy',
      'd-mmm-yy',
      'd-mmm',
      'mmm-yy',
      'h:mm AM/PM',
      'm/d/yy "h":mm',
      'dd/mm/yyyy',
      'dd/mm/yyyy hh:mm',
      '[$-809]dd mmmm yyyy;@',
      'dddd, d mmmm yyyy',
      'yyyy-mm-dd',
      '[h]:mm:ss',
    ];
    formats.forEach((numFmt, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = when;
      if (numFmt) cell.numFmt = numFmt;
    });
    const notDates = ['0.00', '0%', '#,##0', '"Day "0', '[Red]0.0', '£#,##0.00', '@', 'General'];
    notDates.forEach((numFmt, i) => {
      const cell = ws.getCell(i + 1, 2);
      cell.value = 45_000.5;
      cell.numFmt = numFmt;
    });
    const early = [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(1900, 1, 28)), new Date(Date.UTC(1900, 2, 1)), new Date(Date.UTC(1899, 11, 30)), new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(9999, 11, 31))];
    early.forEach((d, i) => {
      const cell = ws.getCell(i + 1, 3);
      cell.value = d;
      cell.numFmt = 'dd/mm/yyyy';
    });
    const serials = ['1', '59', '60', '61', '0', '-1', '45000.99999999', '45000.9999999999', '2958465', '1e9', 'abc', '45000.75'];
    serials.forEach((_s, i) => {
      const cell = ws.getCell(i + 1, 4);
      cell.value = 1;
      cell.numFmt = 'dd/mm/yyyy';
    });
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) => serials.reduce((out, serial, i) => out.replace(new RegExp(`(<c r="D${i + 1}"[^>]*>)<v>1</v>`), `$1<v>${serial}</v>`), xml),
    });
    await expectSameAsExcelJS(edited);
  });

  it('a workbook in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Mac dates');
    [new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(1904, 0, 1)), new Date(Date.UTC(2026, 0, 15, 9, 30))].forEach((d, i) => {
      ws.getCell(i + 1, 1).value = d;
      ws.getCell(i + 1, 2).value = d;
      ws.getCell(i + 1, 2).numFmt = 'dd/mm/yyyy';
    });
    ws.getCell('C1').value = { formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 15)) };
    ws.getCell('C1').numFmt = 'dd/mm/yyyy';
    const data = await bytesOf(wb);
    expect(await (await JSZip.loadAsync(data)).file('xl/workbook.xml')!.async('string')).toContain('date1904="1"');
    const [sheet] = await expectSameAsExcelJS(data);
    expect(sheet.cells[0].value).toEqual({ type: 'date', value: '2024-02-29' });
  });
});

describe('layout reads the same as with ExcelJS', () => {
  it('merged areas, with values left in the cells they cover', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Merges');
    ws.getCell('A1').value = 'Title across the table';
    ws.mergeCells('A1:F1');
    ws.getCell('A3').value = 'Tall';
    ws.mergeCells('A3:A6');
    ws.getCell('C3').value = 'Block';
    ws.mergeCells('C3:E5');
    ws.mergeCells('G1:H2'); // empty master
    ws.getCell('B3').value = 'beside the merges';
    ws.getCell('F4').value = 42;
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) => {
        let out = replaceCell(xml, 'B1', '<c r="B1" t="str"><v>left over</v></c>');
        out = replaceCell(out, 'D4', '<c r="D4"><v>7</v></c>');
        out = replaceCell(out, 'A5', '<c r="A5" t="b"><v>1</v></c>');
        out = replaceCell(out, 'H2', '<c r="H2"><v>9</v></c>');
        // An area written bottom-right first, and a single-cell "area".
        return out.replace('<mergeCell ref="G1:H2"/>', '<mergeCell ref="H2:G1"/><mergeCell ref="J9"/>');
      },
    });
    const [sheet] = await expectSameAsExcelJS(edited);
    expect(sheet.merges).toContainEqual({ top: 1, left: 7, bottom: 2, right: 8 });
  });

  it('hidden rows and columns, including empty hidden rows and a hidden range to the last column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hidden');
    for (let r = 1; r <= 12; r++) ws.getCell(r, 1).value = `row ${r}`;
    ws.getRow(3).hidden = true;
    ws.getRow(7).hidden = true;
    ws.getColumn(2).hidden = true;
    ws.getColumn(4).hidden = true;
    ws.getColumn(5).hidden = true;
    ws.getColumn(2).width = 20;
    ws.getCell('C20').value = 'merge over hidden rows';
    ws.mergeCells('C20:E22');
    ws.getCell('C30').value = 'one column merge';
    ws.mergeCells('C30:C32');
    const data = await bytesOf(wb);
    const colsCases = [
      '<cols><col min="2" max="2" width="20" hidden="1" customWidth="1"/><col min="4" max="5" hidden="1"/><col min="8" max="16384" hidden="1"/></cols>',
      '<cols><col min="6" max="7" hidden="true"/><col min="1" max="3" width="12"/><col min="3" max="4" hidden="1"/><col min="10" max="9" hidden="1"/><col min="11" hidden="1"/></cols>',
    ];
    for (const cols of colsCases) {
      const edited = await withEditedParts(data, {
        [SHEET1]: (xml) =>
          appendToSheetData(
            withCols(xml, cols)
              .replace('<row r="20"', '<row r="20" hidden="1"')
              .replace('<row r="30"', '<row r="30" hidden="1"')
              .replace(/(<row r="1")/, '$1 hidden="true"'),
            '<row r="21" hidden="1"/><row r="31" hidden="1"/><row r="40" hidden="1"/><row r="41" hidden="1"><c r="A41" s="1"/></row><row r="42" hidden="1"><c r="A42" t="s"><v>0</v></c></row><row r="43" hidden="0"><c r="A43"><v>1</v></c></row>',
          ),
      });
      const [sheet] = await expectSameAsExcelJS(edited);
      expect(sheet.hiddenRows?.length).toBeGreaterThan(2);
    }
  });

  it('a hidden column range to the last column lists every column, as ExcelJS does', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Template').getCell('A1').value = 'x';
    const edited = await withEditedParts(await bytesOf(wb), { [SHEET1]: (xml) => withCols(xml, '<cols><col min="7" max="16384" hidden="1"/></cols>') });
    const [sheet] = await expectSameAsExcelJS(edited);
    expect(sheet.hiddenColumns).toHaveLength(16_384 - 6);
  });

  it('cells and rows written out of order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Order');
    ws.getCell('A1').value = 'first';
    ws.getCell('B1').value = 'second';
    ws.getCell('A2').value = 'third';
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) => {
        const rows = /<sheetData>(.*)<\/sheetData>/.exec(xml)![1];
        const [row1, row2] = rows.split('</row>');
        const swapped = row1.replace(/(<c r="A1".*?<\/c>)(<c r="B1".*?<\/c>)/, '$2$1');
        return xml.replace(rows, `${row2}</row>${swapped}</row>`);
      },
    });
    await expectSameAsExcelJS(edited);
  });

  it('visible, hidden and very hidden sheets, with awkward names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Plan').getCell('A1').value = 'visible';
    wb.addWorksheet('Lists', { state: 'hidden' }).getCell('A1').value = 'hidden';
    wb.addWorksheet('Settings', { state: 'veryHidden' }).getCell('A1').value = 'very hidden';
    wb.addWorksheet("Q&A 'Plan' <draft>");
    wb.addWorksheet('Données 2025');
    const sheets = await expectSameAsExcelJS(await bytesOf(wb));
    expect(sheets.map((s) => s.visibility)).toEqual(['visible', 'hidden', 'veryHidden', 'visible', 'visible']);
  });

  it('bold cells, and cells that are not bold', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Fonts');
    ws.getCell('A1').value = 'bold';
    ws.getCell('A1').font = { bold: true };
    ws.getCell('A2').value = 'bold italic';
    ws.getCell('A2').font = { bold: true, italic: true };
    ws.getCell('A3').value = 'italic';
    ws.getCell('A3').font = { italic: true };
    ws.getCell('A4').value = { richText: [{ text: 'bold run only', font: { bold: true } }] };
    ws.getCell('A5').value = 12.5;
    ws.getCell('A5').font = { bold: true };
    ws.getCell('A5').numFmt = '0.0';
    ws.getCell('A6').value = 'plain';
    ws.getCell('A7').value = 'bold, explicitly false';
    ws.getCell('A7').font = { bold: false, size: 14 };
    ws.getRow(8).font = { bold: true };
    ws.getCell('A8').value = 'row made bold';
    const sheets = await expectSameAsExcelJS(await bytesOf(wb));
    expect(sheets[0].cells.filter((c) => c.bold).map((c) => c.row)).toEqual([1, 2, 5, 8]);
  });

  it('styles as Excel writes them: style 0 with a format, formats by id, escaped codes, missing and bad indexes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Styles');
    ws.getCell('A1').value = 45_000;
    ws.getCell('A1').font = { bold: true };
    ws.getCell('A3').value = 'text in a date style';
    const data = await bytesOf(wb);
    const values = ['s="0"', '', 's="2"', 's="3"', 's="4"', 's="5"', 's="6"', 's="7"', 's="99"', 's=""', 's="x"'];
    const edited = await withEditedParts(data, {
      'xl/styles.xml': (xml) =>
        xml
          .replace(
            '<fonts count="2"',
            '<numFmts count="3"><numFmt numFmtId="14" formatCode="dd/mm/yyyy"/><numFmt numFmtId="164" formatCode="0\\ &quot;days&quot;"/><numFmt numFmtId="165" formatCode="0\\d"/></numFmts><fonts count="2"',
          )
          .replace('<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<cellXfs count="8"><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"/>')
          .replace('</cellXfs>', '<xf numFmtId="14" fontId="0"/><xf numFmtId="27" fontId="0"/><xf numFmtId="164"/><xf numFmtId="165" fontId="1"/><xf numFmtId="22" fontId="7"/><xf fontId="1"/></cellXfs>'),
      [SHEET1]: (xml) =>
        appendToSheetData(
          xml.replace('<c r="A3" t="s">', '<c r="A3" s="2" t="s">'),
          `<row r="5">${values.map((s, i) => `<c r="${String.fromCharCode(65 + i)}5" ${s}><v>45000</v></c>`).join('')}</row>`,
        ),
    });
    const [sheet] = await expectSameAsExcelJS(edited);
    // Spelt out: ExcelJS never applies style 0, even when it holds a date format and a bold font.
    expect(sheet.cells.find((c) => c.row === 5 && c.col === 1)).toEqual({ row: 5, col: 1, value: { type: 'number', value: 45_000 } });
    expect(sheet.cells.find((c) => c.row === 5 && c.col === 6)).toEqual({ row: 5, col: 6, value: { type: 'date', value: '2023-03-15' }, numFmt: '0d', bold: true });
  });

  it('hyperlinks', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Links');
    ws.getCell('A1').value = { text: 'Council website', hyperlink: 'https://www.example.gov.uk' };
    ws.getCell('A2').value = 17;
    ws.getCell('A3').value = { formula: 'A2*2', result: 34 };
    ws.getCell('A4').value = { formula: '"Go"', result: 'Go' };
    ws.getCell('A5').value = 'internal link';
    ws.getCell('A6').value = 99;
    const data = await bytesOf(wb);
    const edited = await withEditedParts(data, {
      [SHEET1]: (xml) =>
        xml.replace(
          '<hyperlink ref="A1" r:id="rId1"/>',
          '<hyperlink ref="A1" r:id="rId1"/><hyperlink ref="A2" r:id="rId1"/><hyperlink ref="A3" r:id="rId1"/><hyperlink ref="A4" r:id="rId1"/><hyperlink ref="A6" location="Links!A1"/>',
        ),
    });
    await expectSameAsExcelJS(edited);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// What ExcelJS never writes (and mostly cannot read): hand-written XML, with the result spelt out.

const SHEET = { name: 'Sheet1', visibility: 'visible' as const };
const worksheetXml = (sheetData: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
const stylesXml = (fonts: string, xfs: string, numFmts = '') =>
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>${numFmts}</numFmts><fonts>${fonts}</fonts><cellXfs>${xfs}</cellXfs><dxfs><dxf><font><b/></font><numFmt numFmtId="14" formatCode="0.0"/></dxf></dxfs></styleSheet>`;

describe('what ExcelJS never writes', () => {
  it('cells without r= follow the cell before them; rows without r= follow the row before them', () => {
    const xml = worksheetXml('<row><c t="inlineStr"><is><t>A1</t></is></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c><c/><c><v>6</v></c></row><row><c><v>7</v></c></row>');
    expect(parseWorksheet(xml, SHEET, [], [], false).cells).toEqual([
      { row: 1, col: 1, value: { type: 'text', value: 'A1' } },
      { row: 1, col: 2, value: { type: 'number', value: 2 } },
      { row: 4, col: 3, value: { type: 'number', value: 3 } },
      { row: 4, col: 4, value: { type: 'number', value: 4 } },
      { row: 4, col: 6, value: { type: 'number', value: 6 } },
      { row: 5, col: 1, value: { type: 'number', value: 7 } },
    ]);
  });

  it('t="d" cells are ISO dates, with the time of day dropped', () => {
    const xml = worksheetXml(
      '<row r="1"><c r="A1" t="d"><v>2025-06-30</v></c><c r="B1" t="d"><v>2025-06-30T17:45:00</v></c><c r="C1" t="d"><v>2025-06-30T23:30:00.000Z</v></c>' +
        '<c r="D1" t="d"><v>2025-06-30T23:30:00-02:00</v></c><c r="E1" t="d"><v>2025-02-30</v></c><c r="F1" t="d"><v>not a date</v></c><c r="G1" t="d"><f>TODAY()</f><v>2026-01-15T00:00:00</v></c></row>',
    );
    expect(parseWorksheet(xml, SHEET, [], [], false).cells).toEqual([
      { row: 1, col: 1, value: { type: 'date', value: '2025-06-30' } },
      { row: 1, col: 2, value: { type: 'date', value: '2025-06-30' } },
      { row: 1, col: 3, value: { type: 'date', value: '2025-06-30' } },
      { row: 1, col: 4, value: { type: 'date', value: '2025-07-01' } },
      { row: 1, col: 7, value: { type: 'date', value: '2026-01-15' }, formula: 'TODAY()' },
    ]);
  });

  it('phonetic runs are left out of shared and inline strings', () => {
    const strings = parseSharedStrings(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><r><t>大</t></r><r><rPr><b/></rPr><t>阪</t></r><rPh sb="0" eb="1"><t>オオ</t></rPh><rPh sb="1" eb="2"><t>サカ</t></rPh></si><si/><si><t/></si></sst>',
    );
    expect(strings).toEqual(['東京', '大阪', '', '']);
    const xml = worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>');
    expect(parseWorksheet(xml, SHEET, [], [], false).cells).toEqual([{ row: 1, col: 1, value: { type: 'text', value: '東京' } }]);
  });

  it('<b val="0"/> and <b val="false"/> are not bold', () => {
    const styles = parseCellStyles(
      stylesXml('<font><sz val="11"/></font><font><b/></font><font><b val="0"/></font><font><b val="false"/></font><font><b val="1"/></font>', '<xf numFmtId="0" fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/><xf fontId="4"/>'),
    );
    expect(styles.map((s) => s.bold)).toEqual([false, true, false, false, true]);
  });

  it('elements with a namespace prefix, as the Open XML SDK writes them', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2" hidden="1"><x:c r="B2" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>';
    const strings = parseSharedStrings('<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>prefixed</x:t></x:si></x:sst>');
    expect(parseWorksheet(xml, SHEET, strings, [], false)).toEqual({
      name: 'Sheet1',
      cells: [{ row: 2, col: 2, value: { type: 'text', value: 'prefixed' } }],
      merges: [{ top: 2, left: 2, bottom: 2, right: 3 }],
      hiddenRows: [2],
      hiddenColumns: [],
      visibility: 'visible',
    });
  });

  it('a long shared-string table reads back string for string, in order, streamed in pieces of any size', () => {
    // Enough text for several blocks of each kind (the reader joins texts into blocks and slices a text out of its
    // block when it is asked for),
    // mixing short texts, Latin-1 ones, ones past U+00FF (a bullet, an emoji's surrogate pair) and escaped ones.
    const texts = Array.from({ length: 12_000 }, (_, i) => {
      switch (i % 6) {
        case 0:
          return `${i}`;
        case 1:
          return `Action ${i}: review the arrangements for café referrals in locality team ${i}.`;
        case 2:
          return `Action ${i}:\n• audit ${i} cases\n• agree improvements – then report 😀`;
        case 3:
          return `Lead & deputy <${i}> "quoted" with a _x000D_ escape and more words after it`;
        case 4:
          return '';
        default:
          return `Progress report ${i}: work has started and is on track for the quarter ending ${i % 12}.`;
      }
    });
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const xml = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`).join('')}</sst>`;
    const expected = texts.map((t) => t.replace('_x000D_', '\r'));
    expect(parseSharedStrings(xml)).toEqual(expected);
    const counts: number[] = [];
    const reader = sharedStringsReader((count) => counts.push(count));
    for (let at = 0; at < xml.length; at += 7_919) reader.write(xml.slice(at, at + 7_919));
    const table = reader.finish();
    expect(table.count).toBe(texts.length);
    expect(sharedStringList(table)).toEqual(expected);
    // Asked in any order, and again: each string as it was read; no string for an index the table does not have.
    for (const i of [11_999, 0, 7, 4, 7, 2]) expect(table.at(i)).toBe(expected[i]);
    for (const i of [-1, 12_000, NaN, 1.5]) expect(table.at(i)).toBeUndefined();
    expect(counts).toEqual(texts.map((_, i) => i + 1));
  });

  test('a text longer than a block, and a lone surrogate, read back as they were written', () => {
    const long = 'Long narrative progress update. '.repeat(5_000);
    const wideLong = `${long}• and a bullet`;
    const texts = ['before', long, 'between', wideLong, 'lone \ud800 surrogate', 'after'];
    const xml = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
    expect(parseSharedStrings(xml)).toEqual(texts);
  });

  it('a damaged part fails rather than reading half a sheet', () => {
    expect(() => parseWorksheet(worksheetXml('<row r="1"><c r="A1"><v>1</v></c>'), SHEET, [], [], false)).toThrow();
    expect(() => parseSharedStrings('<sst><si><t>unclosed</si></sst>')).toThrow();
  });
});

describe('cell styles', () => {
  it('resolves number formats as ExcelJS does: custom codes first, then built-in ids, General and unknown ids as none', () => {
    const styles: CellStyle[] = parseCellStyles(
      stylesXml(
        '<font/>',
        ['0', '14', '22', '27', '49', '164', '165', '166', '3', '999'].map((id) => `<xf numFmtId="${id}" fontId="0"/>`).join('') + '<xf fontId="0"/>',
        '<numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/><numFmt numFmtId="165" formatCode="General"/><numFmt numFmtId="166" formatCode=""/><numFmt numFmtId="3" formatCode="0.000"/>',
      ),
    );
    expect(styles.map((s) => s.numFmt)).toEqual([undefined, 'mm-dd-yy', 'm/d/yy "h":mm', undefined, '@', 'dd/mm/yyyy', 'General', undefined, '0.000', undefined, undefined]);
  });

  it('reads only <cellXfs>, <fonts> and <numFmts>: formats in <dxfs> and <cellStyleXfs> are not cell formats', () => {
    const xml = stylesXml('<font/>', '<xf numFmtId="14" fontId="0"/>').replace('<cellXfs>', '<cellStyleXfs><xf numFmtId="3" fontId="0"/><xf numFmtId="3" fontId="0"/></cellStyleXfs><cellXfs>');
    expect(parseCellStyles(xml)).toEqual([{ numFmt: 'mm-dd-yy', bold: false }]);
  });
});
