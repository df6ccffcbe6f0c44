/**
 * fast-check arbitraries for random workbook models: sheets of mixed cell types (text, number, date, boolean,
 * error), merged areas, very long strings, emoji, right-to-left text, formula-like text, stray cells as far
 * away as XFD1048576, and real plan header rows ("Ref | Action | Lead | Timescale | Status") inserted at a random
 * row and column offset with random data rows below.
 *
 * Each generated workbook says where its plan tables are, so a property can check that every action cell
 * under a recognised header comes out in some action.
 */
import fc from 'fast-check';
import { CellModel, CellValue, MergedArea, SheetModel, WorkbookModel } from '../../src/engine/workbook';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
export const MAX_CELL_TEXT = 32_767;

const WORDS = [
  'review', 'the', 'safeguarding', 'referral', 'pathway', 'carers', 'strategy', 'deliver', 'training', 'for', 'all',
  'social', 'workers', 'by', 'March', '2026', 'audit', '20', 'cases', 'each', 'quarter', 'report', 'to', 'the', 'Board',
  'reduce', 'waiting', 'list', 'assessments', 'within', '28', 'days', 'co-produce', 'with', 'people', 'who', 'use',
  'services', 'Making', 'Safeguarding', 'Personal', '95%', 'of', 'reviews', 'completed', 'on', 'time', '&', 'ASCOF', '2A',
];

export const RTL_TEXTS = [
  'مراجعة مسار الإحالة للحماية',
  'تدريب جميع الأخصائيين الاجتماعيين',
  'תוכנית שיפור לשירותי הרווחה',
  'סקירת תיקים כל רבעון',
  'Review خطة الرعاية with the Board',
  'Lead: דנה כהן (Head of Service)',
];

export const EMOJI = ['😀', '✅', '❌', '🔴', '🟠', '🟢', '🔵', '👩🏽‍⚕️', '🏳️‍🌈', '👨‍👩‍👧‍👦', '⚠️', '📅', '🇬🇧'];

/** Officer text that a spreadsheet would take for a formula if it were typed in or written carelessly. */
export const FORMULA_LIKE = [
  '=SUM(A1:A3)',
  '=1+1',
  '=see minutes of board 12/09',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid","click")',
  '+44 20 7946 0000',
  '+1 more audit',
  '-5% on last year',
  '- agree the brief',
  '@Head of Service to confirm',
  '@SUM(1,2)',
];

export const ERRORS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));

/** A long string of real words, up to Excel's limit of 32,767 characters a cell. */
export const longText = fc
  .oneof(fc.integer({ min: 300, max: 5_000 }), fc.integer({ min: 5_000, max: MAX_CELL_TEXT }), fc.constant(MAX_CELL_TEXT))
  .chain((length) =>
    sentence.map((s) => {
      const unit = `${s}. `;
      return unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1) + 'Z';
    }),
  );

export const textValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.tuple(sentence, fc.constantFrom(...EMOJI)).map(([s, e]) => `${e} ${s} ${e}`) },
  { weight: 2, arbitrary: fc.constantFrom(...RTL_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULA_LIKE) },
  { weight: 1, arbitrary: fc.tuple(sentence, sentence).map(([a, b]) => `${a}\n• ${b}\n• ${a}`) },
  { weight: 1, arbitrary: longText },
);

const isoDate = fc
  .date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: textValue.map((value): CellValue => ({ type: 'text', value })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })).map((value): CellValue => ({ type: 'number', value })) },
  { weight: 2, arbitrary: isoDate.map((value): CellValue => ({ type: 'date', value })) },
  { weight: 1, arbitrary: fc.boolean().map((value): CellValue => ({ type: 'boolean', value })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((value): CellValue => ({ type: 'error', value })) },
);

/** A row: mostly near the top, sometimes anywhere down to the last row Excel has. */
const anyRow = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 80 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_ROW }) }, { weight: 1, arbitrary: fc.constant(MAX_ROW) });
const anyCol = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_COL }) }, { weight: 1, arbitrary: fc.constant(MAX_COL) });

const strayCell = fc.record({ row: anyRow, col: anyCol, value: cellValue });

const mergeArb = fc
  .record({ top: fc.integer({ min: 1, max: 80 }), left: fc.integer({ min: 1, max: 30 }), height: fc.integer({ min: 1, max: 4 }), width: fc.integer({ min: 1, max: 6 }) })
  .filter((m) => m.height * m.width > 1)
  .map((m): MergedArea => ({ top: m.top, left: m.left, bottom: m.top + m.height - 1, right: m.left + m.width - 1 }));

/** Header labels Excel plans use, by field: the action column is always there, and at least one other. */
const LABELS: Record<string, readonly string[]> = {
  ref: ['Ref', 'No.', 'Action Ref', 'ID'],
  action: ['Action', 'Actions', 'Key Actions', 'What we will do'],
  lead: ['Lead', 'Responsible Officer', 'Owner'],
  timescale: ['Timescale', 'Target date', 'By when'],
  status: ['Status', 'Current status'],
  rag: ['RAG', 'RAG status'],
  progress: ['Progress', 'Progress update'],
  measures: ['Measures of success', 'KPIs'],
  // A column no field claims: its words are kept in the action's progress, under the column's label.
  other: ['Budget £k', 'Directorate', 'Cabinet member'],
};

const statusWords = fc.constantFrom('On track', 'Off track', 'At risk', 'Complete', 'Not started', 'In progress', 'Started', 'Ongoing', 'tbc');
const ragWords = fc.constantFrom('Red', 'Amber', 'Green', 'Blue', 'R', 'A', 'G', 'Grey', 'n/a');
const timescaleWords = fc.oneof(fc.constantFrom('March 2026', 'Q3 2025/26', 'Short-term', 'End March 2010', '31.03.2026', 'Ongoing', '6m', 'Completed'), isoDate);

export interface GeneratedTable {
  sheet: string;
  headerRow: number;
  firstCol: number;
  fields: string[];
  labels: string[];
  /** The action cells written below the header: the text each shows (as the engine's cellText gives it). */
  actionCells: { row: number; col: number; value: CellValue }[];
  lastRow: number;
}

export interface GeneratedWorkbook {
  model: WorkbookModel;
  tables: GeneratedTable[];
}

interface TableSpec {
  fields: string[];
  labels: string[];
  upper: boolean;
  rows: { cells: (CellValue | null)[] }[];
}

const fieldOrder = fc
  .subarray(['ref', 'lead', 'timescale', 'status', 'rag', 'progress', 'measures', 'other'], { minLength: 1, maxLength: 6 })
  .filter((others) => others.some((f) => f !== 'other'))
  .chain((others) => fc.shuffledSubarray([...others, 'action'], { minLength: others.length + 1, maxLength: others.length + 1 }));

function fieldValue(field: string): fc.Arbitrary<CellValue | null> {
  const text = (a: fc.Arbitrary<string>) => a.map((value): CellValue => ({ type: 'text', value }));
  switch (field) {
    case 'ref':
      return fc.oneof(text(fc.tuple(fc.nat(9), fc.nat(30)).map(([a, b]) => `${a}.${b}`)), fc.integer({ min: 1, max: 200 }).map((value): CellValue => ({ type: 'number', value })), fc.constant(null));
    case 'action':
      return cellValue;
    case 'status':
      return fc.oneof(text(statusWords), cellValue, fc.constant(null));
    case 'rag':
      return fc.oneof(text(ragWords), fc.constant(null));
    case 'timescale':
      return fc.oneof(text(timescaleWords), isoDate.map((value): CellValue => ({ type: 'date', value })), cellValue, fc.constant(null));
    default:
      return fc.oneof(cellValue, fc.constant(null));
  }
}

const tableSpec: fc.Arbitrary<TableSpec> = fieldOrder.chain((fields) =>
  fc.record({
    fields: fc.constant(fields),
    labels: fc.tuple(...fields.map((f) => fc.constantFrom(...LABELS[f]))),
    upper: fc.boolean(),
    rows: fc.array(fc.record({ cells: fc.tuple(...fields.map(fieldValue)) }), { minLength: 0, maxLength: 8 }),
  }),
);

const sheetName = fc.oneof(
  fc.constantFrom('Action Plan', 'Sheet1', 'CQC plan', 'Plan', 'Board Summary', 'Exceptions', 'Coming up', 'خطة', 'תוכנית', 'Plan 😀', 'Notes'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 31 }),
);

/** Excel's rules for a sheet name: 1-31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name.trim() === name && name !== 'History';
}

const sheetSpec = fc.record({
  name: sheetName,
  tables: fc.array(fc.record({ spec: tableSpec, gap: fc.integer({ min: 2, max: 30 }), col: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_COL - 10 }) }) }), { minLength: 0, maxLength: 2 }),
  firstRow: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_ROW - 40 }) }),
  strays: fc.array(strayCell, { maxLength: 12 }),
  merges: fc.array(mergeArb, { maxLength: 5 }),
  hidden: fc.constantFrom<SheetModel['visibility']>('visible', 'visible', 'visible', 'hidden'),
});

function overlaps(a: MergedArea, b: MergedArea): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A "Plan Settings" sheet (Setting | Value) with real settings given odd values: impossible dates, words, errors. */
const settingsSheet: fc.Arbitrary<SheetModel> = fc
  .array(
    fc.tuple(
      fc.constantFrom('Plan start', 'Plan title', 'Reporting period', 'RAG tolerance', 'Protective marking', 'Due soon days', 'Rule: smart-incomplete', 'Rule: overdue'),
      fc.oneof(
        fc.constantFrom('31/02/2026', '99/99/9999', '2026-13-45', '00/00/0000', '29/02/2025', '01/04/2025', 'Q2 2025/26', 'Q9 2025/26', '10%', '-5', 'off', 'error', 'OFFICIAL-SENSITIVE').map(
          (value): CellValue => ({ type: 'text', value }),
        ),
        cellValue,
      ),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) => ({
    name: 'Plan Settings',
    cells: [
      { row: 1, col: 1, value: { type: 'text', value: 'Setting' } as CellValue },
      { row: 1, col: 2, value: { type: 'text', value: 'Value' } as CellValue },
      ...rows.flatMap(([label, value], i) => [
        { row: i + 2, col: 1, value: { type: 'text', value: label } as CellValue },
        { row: i + 2, col: 2, value },
      ]),
    ],
    merges: [],
    hiddenRows: [],
    hiddenColumns: [],
    visibility: 'visible' as const,
  }));

export interface WorkbookOptions {
  /** Keep stray cells and merged areas off the rows of the plan tables (so every table row is read as written). */
  cleanTables?: boolean;
  /** Only sheet names Excel accepts, distinct ignoring case (needed to write the workbook to a file). */
  excelNames?: boolean;
  maxSheets?: number;
}

/** A random workbook model with up to `maxSheets` sheets, and where its plan tables are. */
export function workbookArb(options: WorkbookOptions = {}): fc.Arbitrary<GeneratedWorkbook> {
  return fc.tuple(fc.array(sheetSpec, { minLength: 1, maxLength: options.maxSheets ?? 3 }), fc.option(settingsSheet, { freq: 4 })).map(([specs, settings]) => {
    const sheets: SheetModel[] = [];
    const tables: GeneratedTable[] = [];
    const used = new Set<string>();
    specs.forEach((spec, i) => {
      let name = spec.name;
      if (options.excelNames && !validSheetName(name)) name = `Sheet ${i + 1}`;
      while (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} ${i + 1}`.slice(0, 31);
      used.add(name.toLowerCase());

      const cells = new Map<string, CellModel>();
      const put = (row: number, col: number, value: CellValue) => cells.set(`${row}:${col}`, { row, col, value });
      const tableRows: [number, number][] = [];
      const tableAreas: MergedArea[] = [];
      let row = spec.firstRow;
      for (const t of spec.tables) {
        const headerRow = row;
        const firstCol = t.col;
        t.spec.labels.forEach((label, c) => put(headerRow, firstCol + c, { type: 'text', value: t.spec.upper ? label.toUpperCase() : label }));
        const actionIndex = t.spec.fields.indexOf('action');
        const actionCells: GeneratedTable['actionCells'] = [];
        t.spec.rows.forEach((r, k) => {
          const at = headerRow + 1 + k;
          r.cells.forEach((value, c) => {
            if (!value) return;
            put(at, firstCol + c, value);
            if (c === actionIndex) actionCells.push({ row: at, col: firstCol + c, value });
          });
        });
        const lastRow = headerRow + t.spec.rows.length;
        tables.push({ sheet: name, headerRow, firstCol, fields: t.spec.fields, labels: t.spec.labels, actionCells, lastRow });
        tableRows.push([headerRow - 1, lastRow + 1]);
        tableAreas.push({ top: headerRow - 1, left: 1, bottom: lastRow + 1, right: MAX_COL });
        row = lastRow + t.gap;
        if (row > MAX_ROW - 20) break;
      }
      const inTableRows = (r: number) => tableRows.some(([a, b]) => r >= a && r <= b);
      for (const s of spec.strays) {
        if (cells.has(`${s.row}:${s.col}`)) continue;
        if (options.cleanTables && inTableRows(s.row)) continue;
        put(s.row, s.col, s.value);
      }
      const merges: MergedArea[] = [];
      for (const m of spec.merges) {
        if (merges.some((x) => overlaps(x, m))) continue;
        // A merged area over a table's rows would change what the table says; the engine handles that, but
        // only "clean" tables promise every action cell is read as written.
        if (options.cleanTables && tableAreas.some((a) => overlaps(a, m))) continue;
        merges.push(m);
        // Excel keeps only the top-left value of a merged area.
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cells.delete(`${r}:${c}`);
      }
      const sorted = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
      sheets.push({ name, cells: sorted, merges, hiddenRows: [], hiddenColumns: [], visibility: spec.hidden });
    });
    if (settings && !used.has('plan settings')) sheets.push(settings);
    return { model: { sheets }, tables };
  });
}
