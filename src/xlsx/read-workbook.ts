/**
 * Reads an .xlsx file into the engine's workbook model, straight from the package's XML (no spreadsheet objects),
 * and keeps the package so the tool's sheets can be written beside the officer's untouched parts. Every way a file
 * can be unusable ends in an UnusableInputError whose message names the file and says what to do.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SheetModel, WorkbookModel } from '../engine/workbook';
import { CellStyle, parseCellStyles } from './package';
import { DEFAULT_READ_LIMITS, ReadBudget, ReadLimitError, ReadLimits } from './package/limits';
import { SharedStrings, sharedStringsReader } from './package/shared-strings';
import { ReadProgress, worksheetReader } from './package/worksheet';
import { XmlError } from './package/xml-scanner';
import { PackageProblem, REL_TYPES, WorkbookPackage } from './package/workbook-package';

export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

function checkFile(file: string): Buffer {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new UnusableInputError(`${file}: no such file. Check the path and try again.`);
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new UnusableInputError(`${file} is a folder, not a workbook. Give the path of an .xlsx file.`);
  // A pipe, socket or device would be read as whatever arrives on it (or block): only a saved file is a workbook.
  if (!stat.isFile()) throw new UnusableInputError(`${name} is not a regular file (it is a pipe, socket or device). Save the workbook as an .xlsx file and give its path.`);
  if (stat.size === 0) throw new UnusableInputError(`${name} is empty (0 bytes). Save the workbook again from Excel as .xlsx and retry.`);
  const data = fs.readFileSync(file);
  if (data.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new UnusableInputError(
      `${name} is password-protected or in the old .xls format. In Excel, remove the password (File > Info > Protect Workbook) or use File > Save As > Excel Workbook (.xlsx), then retry.`,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new UnusableInputError(`${name} is not an Excel workbook (.xlsx). Open it in Excel and save it as an Excel Workbook (.xlsx), then retry.`);
  }
  return data;
}

/** A workbook file as read: the engine's model of it, and the package the tool's sheets are written into. */
export interface XlsxWorkbook {
  file: string;
  pkg: WorkbookPackage;
  model: WorkbookModel;
}

/** Where in a sheet its XML stopped being readable, by how far its rows were read. */
function whereDamaged({ lastRow, rowsEnded }: ReadProgress): string {
  const row = lastRow.toLocaleString('en-GB');
  if (rowsEnded) return lastRow ? `after its last row (row ${row})` : 'after its rows';
  return lastRow ? `at row ${row} or just after it` : 'before its first row';
}

/** Runs one part's read; XML that breaks in it is a PackageProblem naming the part (`where`: "its sheet … is damaged"). */
async function namingDamage<T>(read: () => Promise<T>, where: () => string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof XmlError) throw new PackageProblem(`${where()}: ${error.detail}`);
    throw error;
  }
}

const NO_SHARED_STRINGS: SharedStrings = { count: 0, at: () => undefined };

async function readModel(pkg: WorkbookPackage): Promise<WorkbookModel> {
  const stringsPart = pkg.partOfType(REL_TYPES.sharedStrings);
  const stylesPart = pkg.partOfType(REL_TYPES.styles);
  let strings: SharedStrings = NO_SHARED_STRINGS;
  if (stringsPart) {
    const reader = sharedStringsReader((count) => pkg.budget.checkSharedStrings(stringsPart, count));
    // finish() too: a part that ends part-way through is damaged as much as one that breaks.
    strings = await namingDamage(async () => ((await pkg.stream(stringsPart, (chunk) => reader.write(chunk))) ? reader.finish() : NO_SHARED_STRINGS), () => `its table of shared texts (${stringsPart}) is damaged`);
  }
  const styles: CellStyle[] = stylesPart ? await namingDamage(async () => parseCellStyles((await pkg.text(stylesPart)) ?? ''), () => `its table of cell formats (${stylesPart}) is damaged`) : [];
  const sheets: SheetModel[] = [];
  // Each sheet's XML is parsed as it inflates, so no worksheet is ever in memory as text.
  for (const sheet of pkg.sheets()) {
    if (!sheet.part) continue;
    const part = sheet.part;
    if (part.startsWith('../') || part === '..') throw new PackageProblem(`its sheet "${sheet.name}" points outside the workbook (${part})`);
    const reader = worksheetReader({ name: sheet.name, visibility: sheet.visibility }, strings, styles, pkg.date1904, () => pkg.budget.addCell(part));
    // Say where: the officer can look at that row in Excel, which often reads past the damage, before saving afresh.
    const read = await namingDamage(
      async () => ((await pkg.stream(part, (chunk) => reader.write(chunk))) ? reader.finish() : null),
      () => `its sheet "${sheet.name}" is damaged ${whereDamaged(reader.progress())}`,
    );
    if (!read) throw new PackageProblem(`its sheet "${sheet.name}" points at a part the file does not have (${part})`);
    sheets.push(read);
  }
  return { sheets };
}

export async function loadWorkbook(file: string, limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS): Promise<XlsxWorkbook> {
  const data = checkFile(file);
  const name = path.basename(file);
  const damaged = () =>
    new UnusableInputError(`${name} could not be read as an Excel workbook: it may be damaged or incomplete. Open it in Excel, save a fresh copy as .xlsx, and retry.`);
  /** A limit or a missing part, said as what it is rather than as damage in general. */
  const named = (error: unknown): UnusableInputError | null => {
    if (error instanceof ReadLimitError) return new UnusableInputError(`${name} was not read: ${error.message}`);
    if (error instanceof PackageProblem) return new UnusableInputError(`${name} cannot be used: ${error.message}. Open it in Excel, save a fresh copy as .xlsx, and retry.`);
    return null;
  };
  let pkg: WorkbookPackage;
  let model: WorkbookModel;
  try {
    pkg = await WorkbookPackage.load(data, new ReadBudget(limits));
  } catch (error) {
    // A zip that is not a workbook (a .docx renamed) has no workbook part; a truncated one does not open.
    throw named(error) ?? damaged();
  }
  try {
    model = await readModel(pkg);
  } catch (error) {
    throw named(error) ?? damaged();
  }
  // Excel never saves a workbook without a worksheet.
  if (!model.sheets.length) {
    throw new UnusableInputError(
      `${name} has no worksheets that can be read: it may be damaged, or not an Excel workbook. Open it in Excel, save a fresh copy as .xlsx, and retry.`,
    );
  }
  return { file, pkg, model };
}

export function workbookModel(workbook: XlsxWorkbook): WorkbookModel {
  return workbook.model;
}

export async function readWorkbook(file: string): Promise<WorkbookModel> {
  return (await loadWorkbook(file)).model;
}
