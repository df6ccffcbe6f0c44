/**
 * Column widths. Sheet plans give widths in characters, as .xlsx files store them; Office.js sets
 * RangeFormat.columnWidth in points. With Excel's default font (Calibri 11) one character (the widest digit) is
 * 7 pixels and a column carries 5 pixels of padding, and a pixel is 0.75 point at 96 dpi:
 *
 *   points = (characters × 7 + 5) × 0.75        e.g. 50 characters → 266.25 pt; 8.43 → 48 pt (Excel's default)
 *
 * The factor is exact only for the default font; Excel rounds to whole pixels, so a width read back may differ from
 * the plan by a fraction of a character.
 */
export const PIXELS_PER_CHARACTER = 7;
export const COLUMN_PADDING_PIXELS = 5;
export const POINTS_PER_PIXEL = 0.75;

export function charactersToPoints(characters: number): number {
  return (characters * PIXELS_PER_CHARACTER + COLUMN_PADDING_PIXELS) * POINTS_PER_PIXEL;
}

export function pointsToCharacters(points: number): number {
  return (points / POINTS_PER_PIXEL - COLUMN_PADDING_PIXELS) / PIXELS_PER_CHARACTER;
}
