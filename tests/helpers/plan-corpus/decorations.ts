/**
 * Everything on a plan sheet that is not an action: title blocks, legends and keys, sign-off and version lines,
 * page footers. Each writer puts its rows at a given row and column and returns the next free row.
 */
import { COUNCILS, RAG_FILL } from './content';
import { DraftCell, DraftSheet } from './draft';
import { FooterKind, LegendKind, SignOffKind, TitleKind } from './plan';
import { Random } from './random';

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Writes a row of cells from `col` on; a lone text cell is merged across `width` columns when `mergeTo` is given. */
function put(sheet: DraftSheet, row: number, col: number, cells: (DraftCell | null)[], mergeTo?: number): void {
  cells.forEach((cell, i) => {
    if (cell) sheet.set(row, col + i, cell);
  });
  if (mergeTo !== undefined && cells.length === 1) sheet.merge(row, col, row, mergeTo);
}

export function writeTitle(sheet: DraftSheet, kind: TitleKind, row: number, col: number, lastCol: number, rnd: Random): number {
  const council = rnd.pick(COUNCILS);
  const title = rnd.pick([
    'Adult Social Care Improvement Plan 2025\u20132027',
    'CQC Local Authority Assessment: Our Improvement Plan',
    'Adult Social Care Transformation Programme \u2013 Delivery Plan 2025/26',
    'Peer Challenge Response \u2013 Adult Social Care',
  ]);
  switch (kind) {
    case 'full':
      put(sheet, row, col, [{ value: council, bold: true }], lastCol);
      put(sheet, row + 1, col, [{ value: title, bold: true }], lastCol);
      put(sheet, row + 2, col, [{ value: 'OFFICIAL' }]);
      return row + 4;
    case 'short':
      put(sheet, row, col, [{ value: `${title} \u2013 update at Quarter 2 2025/26`, bold: true }], lastCol);
      return row + 2;
    case 'with-meta-row':
      put(sheet, row, col, [{ value: council, bold: true }], lastCol);
      put(sheet, row + 1, col, [{ value: title, bold: true }], lastCol);
      put(sheet, row + 2, col, [{ value: 'Prepared by:', bold: true }, { value: 'Performance and Intelligence Team' }, { value: 'Last updated:', bold: true }, { value: utc(2025, 11, 14) }]);
      return row + 4;
  }
}

const STATUS_KEY: [string, string][] = [
  ['Complete', 'Action delivered and evidence held'],
  ['On track', 'Progressing as planned'],
  ['At risk', 'Some slippage; recoverable within the quarter'],
  ['Off track', 'Will miss the target date without intervention'],
];

const RAG_KEY: [string, string, string][] = [
  ['Blue', 'Completed', RAG_FILL.Blue],
  ['Green', 'On track', RAG_FILL.Green],
  ['Amber', 'At risk of slipping', RAG_FILL.Amber],
  ['Red', 'Off track or overdue', RAG_FILL.Red],
];

/**
 * A legend. Horizontal legends (a row of coloured key cells, a one-line key) become vertical lists when
 * `vertical` is set, as they are beside a table.
 */
export function writeLegend(sheet: DraftSheet, kind: LegendKind, row: number, col: number, vertical: boolean): number {
  switch (kind) {
    case 'status-key':
      put(sheet, row, col, [{ value: 'Status key', bold: true }]);
      STATUS_KEY.forEach(([word, meaning], i) => put(sheet, row + 1 + i, col, [{ value: word }, { value: meaning, italic: true }]));
      return row + 1 + STATUS_KEY.length;
    case 'rag-legend':
      put(sheet, row, col, [{ value: 'RAG legend', bold: true }]);
      RAG_KEY.forEach(([word, meaning, fill], i) => put(sheet, row + 1 + i, col, [{ value: word, fill }, { value: meaning }]));
      return row + 1 + RAG_KEY.length;
    case 'key-cells':
      if (vertical) {
        put(sheet, row, col, [{ value: 'Key', bold: true }]);
        RAG_KEY.forEach(([, meaning, fill], i) => put(sheet, row + 1 + i, col, [{ value: meaning, fill }]));
        return row + 1 + RAG_KEY.length;
      }
      put(sheet, row, col, [{ value: 'Key:', bold: true }, ...RAG_KEY.map(([, meaning, fill]) => ({ value: meaning, fill }))]);
      return row + 1;
    case 'key-sentence':
      put(sheet, row, col, [{ value: 'Status key: On track / At risk / Off track / Complete', italic: true }]);
      return row + 1;
  }
}

export function writeSignOff(sheet: DraftSheet, kind: SignOffKind, row: number, col: number, lastCol: number): number {
  switch (kind) {
    case 'version':
      put(sheet, row, col, [{ value: 'Version 1.4 \u2013 approved by the Adult Social Care Directorate Management Team on 12/11/2025', italic: true }], lastCol);
      return row + 1;
    case 'signed-off':
      put(sheet, row, col, [{ value: 'Signed off by:', bold: true }, { value: 'Director of Adult Social Services' }, { value: 'Date:', bold: true }, { value: utc(2025, 11, 14) }]);
      return row + 1;
    case 'document-owner':
      put(sheet, row, col, [{ value: 'Document owner: Head of Quality and Improvement | Next review: March 2026' }]);
      return row + 1;
  }
}

export function writeFooter(sheet: DraftSheet, kind: FooterKind, row: number, col: number, lastCol: number): number {
  const middle = col + Math.floor((lastCol - col) / 2);
  switch (kind) {
    case 'page':
      put(sheet, row, middle, [{ value: 'Page 1 of 1' }]);
      break;
    case 'marking':
      put(sheet, row, middle, [{ value: 'OFFICIAL', bold: true }]);
      break;
    case 'date-cell':
      put(sheet, row, lastCol, [{ value: utc(2025, 12, 4) }]);
      break;
    case 'printed':
      put(sheet, row, col, [{ value: 'Printed: 04/12/2025 09:14' }]);
      break;
    case 'produced-by':
      put(sheet, row, col, [{ value: 'Produced by the Performance and Intelligence Team', italic: true }]);
      break;
    case 'print-line':
      put(sheet, row, col, [{ value: 'Adult Social Care Improvement Plan' }]);
      put(sheet, row, middle, [{ value: 'Page 2 of 4' }]);
      put(sheet, row, lastCol, [{ value: utc(2025, 12, 4) }]);
      break;
  }
  return row + 1;
}
