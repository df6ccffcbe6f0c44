/**
 * A1 addresses for the simulator and the Office.js adapter: "A1", "A1:Q81", "A:A", "1:1", "'Action Plan'!$A$1:$F$1".
 * Rows and columns are 0-based here, as Office.js's getRangeByIndexes counts them.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnName(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Splits "'My sheet'!A1:B2" into its sheet name (unquoted) and its address. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1).trim() };
}

/** Parses an A1 reference (no sheet) into a rectangle; whole columns and whole rows included. */
export function parseRef(ref: string): Rect {
  const clean = ref.replace(/\$/g, '').trim().toUpperCase();
  const [a, b = a] = clean.split(':');
  const cell = /^([A-Z]+)(\d+)$/;
  const colOnly = /^([A-Z]+)$/;
  const rowOnly = /^(\d+)$/;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  }
  m1 = colOnly.exec(a);
  m2 = colOnly.exec(b);
  if (m1 && m2) {
    const c1 = columnIndex(m1[1]);
    const c2 = columnIndex(m2[1]);
    return { row: 0, col: Math.min(c1, c2), rows: MAX_ROWS, cols: Math.abs(c2 - c1) + 1 };
  }
  m1 = rowOnly.exec(a);
  m2 = rowOnly.exec(b);
  if (m1 && m2) {
    const r1 = Number(m1[1]) - 1;
    const r2 = Number(m2[1]) - 1;
    return { row: Math.min(r1, r2), col: 0, rows: Math.abs(r2 - r1) + 1, cols: MAX_COLUMNS };
  }
  throw new Error(`Not a range address: ${ref}`);
}

/** The A1 form Excel reports for a rectangle ("A1:Q81", "C3" for one cell, "A:A" and "1:1" for whole columns and rows). */
export function formatRect(rect: Rect): string {
  if (rect.rows === MAX_ROWS && rect.row === 0) return `${columnName(rect.col)}:${columnName(rect.col + rect.cols - 1)}`;
  if (rect.cols === MAX_COLUMNS && rect.col === 0) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const tl = `${columnName(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${columnName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/** Splits a multi-area address ("'A b'!A1:B2, 'A b'!C3") on commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  if (bottom <= row || right <= col) return null;
  return { row, col, rows: bottom - row, cols: right - col };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  const bottom = Math.max(a.row + a.rows, b.row + b.rows);
  const right = Math.max(a.col + a.cols, b.col + b.cols);
  return { row, col, rows: bottom - row, cols: right - col };
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}
