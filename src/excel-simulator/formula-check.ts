/**
 * What Excel checks in a formula it is given for a conditional format, before it accepts it. The simulator does not
 * evaluate formulas; it refuses what Excel would refuse outright:
 *   - a formula that does not start with "=" ("Use conditional formatting to highlight information",
 *     support.microsoft.com: "the formula must start with an equal sign (=)");
 *   - text that does not parse: unbalanced parentheses, brackets or quotes (Excel's "There's a problem with this
 *     formula");
 *   - a reference to a sheet that does not exist ('Plan'!$B2 with no sheet "Plan": Excel's formula bar turns it into
 *     a #REF! it will not save in a rule).
 * Each refusal is InvalidArgument, as Excel answers an invalid ConditionalFormatRule.formula.
 */
import { invalidArgument } from './errors';
import { liveSheets, SimWorkbookState } from './state';

/** The sheet names a formula refers to ('My sheet'!A1, Lists!$A$1:$A$4), outside its string literals. */
export function referencedSheets(formula: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      // A string literal: "" is an escaped quote.
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) {
        name += formula[j];
        j += formula[j] === "'" ? 2 : 1;
      }
      if (formula[j + 1] === '!') names.push(name);
      i = j + 1;
      continue;
    }
    const bare = /^[A-Za-z_\\][\w.\\]*(?=!)/.exec(formula.slice(i));
    if (bare && (i === 0 || !/[\w.]/.test(formula[i - 1]))) {
      names.push(bare[0]);
      i += bare[0].length;
      continue;
    }
    i++;
  }
  return names;
}

/** Throws InvalidArgument unless Excel would take the text as a formula in this workbook (see the header). */
export function checkFormula(formula: string, state: SimWorkbookState | null, what: string): void {
  if (!formula.startsWith('=')) throw invalidArgument(`${what}: a formula starts with "=" (got ${formula}).`);
  let depth = 0;
  let brackets = 0;
  let quoted: string | null = null;
  for (let i = 1; i < formula.length; i++) {
    const c = formula[i];
    if (quoted) {
      if (c === quoted) {
        if (formula[i + 1] === quoted) i++;
        else quoted = null;
      }
      continue;
    }
    if (c === '"' || c === "'") quoted = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth < 0) break;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
  }
  if (quoted || depth !== 0 || brackets !== 0) throw invalidArgument(`${what}: there's a problem with this formula (${formula}).`);
  if (state) {
    const sheets = new Set(liveSheets(state).map((s) => s.name.toLowerCase()));
    const missing = referencedSheets(formula).find((name) => !sheets.has(name.toLowerCase()));
    if (missing !== undefined) throw invalidArgument(`${what}: the formula refers to a sheet that does not exist ("${missing}").`);
  }
}

/**
 * A cell-value rule's operand (ConditionalCellValueRule.formula1 / formula2): a formula ("=$B$1", "=0"), or a
 * constant Excel can compare with, a number or a quoted text ("\"Red\""), as in the Office documentation's examples
 * ("Apply conditional formatting to ranges with the Excel JavaScript API": formula1: "=0"). Bare words are names to
 * Excel, and a name that is not defined makes no rule: the simulator refuses them.
 */
export function checkOperand(operand: unknown, state: SimWorkbookState | null, what: string): string {
  const text = String(operand ?? '');
  if (text.startsWith('=')) {
    checkFormula(text, state, what);
    return text;
  }
  if (text.trim() !== '' && Number.isFinite(Number(text))) return text;
  if (/^"(?:[^"]|"")*"$/.test(text)) return text;
  throw invalidArgument(`${what}: "${text}" is neither a formula ("=…"), a number nor quoted text.`);
}
