/**
 * Which file name an output may have. A workbook with macros (.xlsm) keeps its VBA project and its macro-enabled
 * content type in the copy PlanAssure writes, and Excel refuses to open that combination under an .xlsx name; a
 * workbook without macros saved as .xlsm opens, but claims to be what it is not. So the output's extension must
 * say what the input is.
 */
import * as path from 'node:path';
import { WorkbookPackage } from './package/workbook-package';

export class OutputKindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputKindError';
  }
}

/** Throws an OutputKindError, before anything is written, when `out`'s extension does not match the workbook. */
export function checkOutputKind(pkg: WorkbookPackage, input: string, out: string): void {
  const wantsMacros = /\.xlsm$/i.test(out);
  if (pkg.macroEnabled && !wantsMacros) {
    const suggested = out.replace(/\.[^./\\]*$/, '') + '.xlsm';
    throw new OutputKindError(
      `${path.basename(input)} holds macros, and Excel will not open a workbook with macros saved as .xlsx. Nothing was written. Give --out a name ending .xlsm (for example ${path.basename(suggested)}); the macros are kept as they are.`,
    );
  }
  if (!pkg.macroEnabled && wantsMacros) {
    throw new OutputKindError(`${path.basename(input)} has no macros, so its copy is an .xlsx workbook. Nothing was written. Give --out a name ending .xlsx.`);
  }
}
