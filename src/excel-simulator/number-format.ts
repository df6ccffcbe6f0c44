/**
 * What Excel checks in a number format code it is given (Range.numberFormat). Two things are documented:
 *   - a blank format ("") is not refused: it resets the cell to General ("Blank and null values in Excel add-ins",
 *     learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values: "If you specify a blank value for
 *     the numberFormat property, the number format is reset to General"); null leaves the cell's format as it is;
 *   - a code has at most four sections separated by semicolons, for positive numbers, negative numbers, zeros and
 *     text ("Review guidelines for customizing a number format", support.microsoft.com); quoted text and [colour] or
 *     [condition] parts must be closed. Excel's Format Cells refuses anything else ("Microsoft Excel cannot use the
 *     number format you typed"); the simulator refuses it with InvalidArgument.
 */
import { invalidArgument } from './errors';

/** The format to store: undefined for General (blank or "General"); throws InvalidArgument for a code Excel refuses. */
export function checkNumberFormat(input: unknown, where: () => string): string | undefined {
  const format = String(input);
  if (format === '' || format.toLowerCase() === 'general') return undefined;
  let sections = 1;
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && !quoted) {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '[') {
      if (bracket) break;
      bracket = true;
    } else if (c === ']') {
      if (!bracket) {
        bracket = true;
        break;
      }
      bracket = false;
    } else if (c === ';' && !bracket) sections++;
  }
  if (quoted || bracket) throw invalidArgument(`Excel cannot use the number format "${format}" at ${where()}: a quote or a bracket is not closed.`);
  if (sections > 4) throw invalidArgument(`Excel cannot use the number format "${format}" at ${where()}: a format has at most four sections.`);
  return format;
}
