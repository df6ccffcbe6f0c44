/**
 * Moving a sheet plan down to make room for its title moves everything with it, as inserting rows in a spreadsheet
 * would: its own references move, other sheets' references and text inside strings do not.
 */
import { shiftFormula, shiftSheetDown } from '../src/engine/sheet-plan/shift';
import { emptySheet, num, text } from '../src/engine/sheet-plan/types';

test('formulas: own cells and ranges move, absolute ones too; other sheets, strings and function names stay', () => {
  expect(shiftFormula('SUM(B9:B12)', 3)).toBe('SUM(B12:B15)');
  expect(shiftFormula('IF(G13=0,0,ROUND(B13/G13*100,1))', 3)).toBe('IF(G16=0,0,ROUND(B16/G16*100,1))');
  expect(shiftFormula('$K$2="Red"', 1)).toBe('$K$3="Red"');
  expect(shiftFormula("'PlanAssure Lists'!$A$2:$A$7", 3)).toBe("'PlanAssure Lists'!$A$2:$A$7");
  expect(shiftFormula('Data!B2+B2', 3)).toBe('Data!B2+B5');
  expect(shiftFormula('A1&"see B2"', 2)).toBe('A3&"see B2"');
  expect(shiftFormula('LOG10(A1)', 2)).toBe('LOG10(A3)');
});

test('a sheet moves whole: rows, styles, merges, rules, bars, charts, heights, frozen rows and print titles', () => {
  const sheet = emptySheet('S');
  sheet.rows = [[text('Head')], [num(1)], [{ kind: 'formula', formula: 'SUM(A2:A2)' }]];
  sheet.styles.push({ range: 'A1:B1', bold: true });
  sheet.merges.push('A3:B3');
  sheet.conditionalFormats.push({ range: 'A2:A3', rules: [{ expression: 'A2="Red"', fill: 'CA3535', fontColor: 'FFFFFF' }] });
  sheet.dataBars.push({ range: 'A2:A3', color: '1D70B8' });
  sheet.charts = [{ kind: 'line', title: 't', source: 'A1:A3', seriesBy: 'rows', from: 'C1', to: 'H10' }];
  sheet.rowHeights = { 1: 33 };
  sheet.freeze = { rows: 1, columns: 0 };
  sheet.page = { orientation: 'landscape', paper: 'A4', fitToWidth: 1, printTitleRows: '1:1' };
  shiftSheetDown(sheet, 3);
  expect(sheet.rows.slice(0, 3)).toEqual([[], [], []]);
  expect(sheet.rows[3]).toEqual([text('Head')]);
  expect(sheet.rows[5]).toEqual([{ kind: 'formula', formula: 'SUM(A5:A5)' }]);
  expect(sheet.styles[0].range).toBe('A4:B4');
  expect(sheet.merges).toEqual(['A6:B6']);
  expect(sheet.conditionalFormats[0]).toMatchObject({ range: 'A5:A6', rules: [{ expression: 'A5="Red"' }] });
  expect(sheet.dataBars[0].range).toBe('A5:A6');
  expect(sheet.charts[0]).toMatchObject({ source: 'A4:A6', from: 'C4', to: 'H13' });
  expect(sheet.rowHeights).toEqual({ 4: 33 });
  expect(sheet.freeze).toEqual({ rows: 4, columns: 0 });
  expect(sheet.page.printTitleRows).toBe('4:4');
});
