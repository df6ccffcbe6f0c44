/**
 * Which parts of the Excel JavaScript API the running Excel supports, checked at run time with
 * Office.context.requirements.isSetSupported('ExcelApi', version), and what to tell the officer when a part is
 * missing. Core features stop the command with a message; the others are skipped, each with a plain-English note.
 *
 * Requirement sets (from the Excel JavaScript API reference, as typed in @types/office-js):
 *   ExcelApi 1.1  Range.values / numberFormat / format (font, fill, borders, alignment, wrap), worksheets.add and
 *                 delete, tables.add, Worksheet.getUsedRange
 *   ExcelApi 1.2  getUsedRange(valuesOnly), Range.getBoundingRect / getIntersection, Range.merge,
 *                 RangeFormat.columnWidth, setting Worksheet.visibility
 *   ExcelApi 1.5  WorksheetCollection.getFirst, Worksheet.getNextOrNullObject (the one-sync read walks the tabs)
 *   ExcelApi 1.6  conditional formats (custom rules, data bars), Application.suspendApiCalculationUntilNextSync
 *   ExcelApi 1.7  freeze panes
 *   ExcelApi 1.8  data validation (dropdown lists)
 *   ExcelApi 1.9  page layout (orientation, paper, fit to width, print titles, footers), Range.getCellProperties
 *                 (used to read bold text), Range.getSpecialCellsOrNullObject (the cells holding formulas),
 *                 Application.suspendScreenUpdatingUntilNextSync
 *   ExcelApi 1.13 Range.getMergedAreasOrNullObject
 */

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export type Feature =
  | 'read'
  | 'walkSheets'
  | 'write'
  | 'bold'
  | 'mergedAreas'
  | 'formulaCells'
  | 'conditionalFormats'
  | 'suspendCalculation'
  | 'freezePanes'
  | 'dataValidation'
  | 'pageLayout'
  | 'charts'
  | 'suspendScreenUpdating';

interface FeatureSpec {
  version: string;
  core: boolean;
  /** What the officer is told when it is missing; empty for features whose absence changes nothing they can see. */
  message: string;
}

const UPDATE = 'Update Excel (File > Account > Update Options), or use Excel on the web';

export const FEATURES: Record<Feature, FeatureSpec> = {
  read: {
    version: '1.2',
    core: true,
    message: `Your version of Excel is too old for PlanAssure to read the workbook: nothing was changed. ${UPDATE}, then try again.`,
  },
  /** Without it the read costs one sync more (the names first), which the officer cannot see: no message. */
  walkSheets: { version: '1.5', core: false, message: '' },
  write: {
    version: '1.2',
    core: true,
    message: `Your version of Excel is too old for PlanAssure to write sheets: nothing was changed. ${UPDATE}, then try again.`,
  },
  bold: {
    version: '1.9',
    core: false,
    message: 'Your version of Excel is too old to tell PlanAssure which text is bold: headings were recognised from the layout alone, so check the themes on the Plan sheet.',
  },
  formulaCells: {
    version: '1.9',
    core: false,
    message: 'Your version of Excel is too old to tell PlanAssure which cells hold formulas: if you restore the previous version of its sheets, formulas come back as the values they showed.',
  },
  mergedAreas: {
    version: '1.13',
    core: false,
    message: 'Your version of Excel is too old to tell PlanAssure which cells are merged: headings that span several columns may have been missed, so check the themes on the Plan sheet.',
  },
  conditionalFormats: {
    version: '1.6',
    core: false,
    message: `Your version of Excel is too old for conditional formatting: PlanAssure wrote the sheets but could not colour them. ${UPDATE}, or add the colours by hand.`,
  },
  suspendCalculation: { version: '1.6', core: false, message: '' },
  charts: {
    version: '1.1',
    core: false,
    message: `Your version of Excel is too old for charts: the board pack has its figures and data bars but no charts. ${UPDATE}.`,
  },
  freezePanes: {
    version: '1.7',
    core: false,
    message: `Your version of Excel is too old to freeze panes: PlanAssure wrote the sheets but the header row will scroll away. ${UPDATE}, or use View > Freeze Panes by hand.`,
  },
  dataValidation: {
    version: '1.8',
    core: false,
    message: `Your version of Excel is too old for dropdown lists: PlanAssure wrote the sheets but the Status, RAG and quality statement columns have no dropdowns. ${UPDATE}, or add them with Data > Data Validation.`,
  },
  pageLayout: {
    version: '1.9',
    core: false,
    message: `Your version of Excel is too old for print settings: PlanAssure wrote the sheets but could not set them to print on A4 landscape. ${UPDATE}, or set Page Layout by hand.`,
  },
  suspendScreenUpdating: { version: '1.9', core: false, message: '' },
};

export interface Notice {
  feature: Feature;
  message: string;
}

/** Thrown when Excel lacks a core feature: the message is for the officer. */
export class ExcelTooOldError extends Error {
  constructor(
    message: string,
    readonly feature: Feature,
  ) {
    super(message);
    this.name = 'ExcelTooOldError';
  }
}

/** The checker office.js provides in the task pane, if it is loaded. */
export function officeChecker(): RequirementChecker | null {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementChecker } } }).Office;
  return office?.context?.requirements ?? null;
}

export class Requirements {
  readonly notices: Notice[] = [];
  private readonly noted = new Set<Feature>();

  /** Without a checker (office.js not loaded, e.g. a unit test without the simulator's globals) everything is assumed supported. */
  constructor(private readonly checker: RequirementChecker | null = officeChecker()) {}

  supports(feature: Feature): boolean {
    if (!this.checker) return true;
    return this.checker.isSetSupported('ExcelApi', FEATURES[feature].version);
  }

  /** Throws ExcelTooOldError for a missing core feature. */
  require(feature: Feature): void {
    if (!this.supports(feature)) throw new ExcelTooOldError(FEATURES[feature].message, feature);
  }

  /** True when the feature can be used; otherwise records the officer's note (once) and returns false. */
  use(feature: Feature): boolean {
    if (this.supports(feature)) return true;
    if (!this.noted.has(feature) && FEATURES[feature].message) this.notices.push({ feature, message: FEATURES[feature].message });
    this.noted.add(feature);
    return false;
  }
}
