/** The range proxy, its areas and cell properties. */
import { boundingRect, cellCount, columnName, intersect, MAX_COLUMNS, MAX_ROWS, parseRef, Rect, splitSheet } from '../excel/address';
import { quoteSheet } from '../engine/workbook';
import { defineProps, SimClientObject, SimClientResult, SimCollection } from './context';
import { invalidArgument, invalidOperation, itemNotFound, SimulatorError } from './errors';
import { cellsIn, ensureCell, getCell, SimSheet, usedRect } from './state';
import { outputValue, outputValueType, writeInput } from './values';
import { checkNumberFormat } from './number-format';
import { ctxOf, q, RangeTarget, matrix, guardLoad, checkMatrix, address, currentContext } from './shared';
import { SimWorksheet } from './worksheet';
import { SimRangeFormat } from './range-format';
import { SimDataValidation } from './data-validation';
import { SimConditionalFormatCollection } from './conditional-formats';
import { specialCellAreas } from './special-cells';

/** Resolves a range argument given as a proxy or as an address on the same sheet. */
function otherRect(self: SimRange, other: SimRange | string): Rect {
  if (typeof other === 'string') {
    const { sheet, ref } = splitSheet(other);
    if (sheet && sheet.toLowerCase() !== self._target().sheet.name.toLowerCase()) throw invalidArgument('Both ranges must be on the same sheet.');
    return parseRef(ref);
  }
  const t = other._target();
  if (t.sheet !== self._target().sheet) throw invalidArgument('Both ranges must be on the same sheet.');
  return t.rect;
}

export class SimRange extends SimClientObject<RangeTarget> {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly cellCount: number;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare readonly text: string[][];
  private _kids = new Map<string, SimClientObject>();
  private kid<C extends SimClientObject>(key: string, make: () => C): C {
    let c = this._kids.get(key) as C | undefined;
    if (!c) this._kids.set(key, (c = make()));
    return c;
  }
  protected override _checkAlive(t: RangeTarget): RangeTarget {
    if (t.sheet.deleted) throw itemNotFound(`${this._path} (the sheet was deleted)`);
    return t;
  }
  override _tryTarget(): RangeTarget | null {
    const t = super._tryTarget();
    if (t && t.sheet.deleted) throw itemNotFound(`${this._path} (the sheet was deleted)`);
    return t;
  }
  get format(): SimRangeFormat {
    return this.kid('format', () => new SimRangeFormat(this.context, `${this._path}.format`, () => this._target()));
  }
  get dataValidation(): SimDataValidation {
    return this.kid('dv', () => new SimDataValidation(this.context, `${this._path}.dataValidation`, () => this._target()));
  }
  get conditionalFormats(): SimConditionalFormatCollection {
    return this.kid('cf', () => new SimConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => this._target()));
  }
  get worksheet(): SimWorksheet {
    return this.kid('ws', () => new SimWorksheet(this.context, `${this._path}.worksheet`, () => this._target().sheet));
  }
  private derived(path: string, make: (t: RangeTarget) => Rect | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.${path}`,
      () => {
        const t = this._target();
        const rect = make(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }
  getCell(row: number, column: number): SimRange {
    return this.derived(`getCell(${row},${column})`, (t) => ({ row: t.rect.row + row, col: t.rect.col + column, rows: 1, cols: 1 }));
  }
  getEntireColumn(): SimRange {
    return this.derived('getEntireColumn()', (t) => ({ row: 0, col: t.rect.col, rows: MAX_ROWS, cols: t.rect.cols }));
  }
  getEntireRow(): SimRange {
    return this.derived('getEntireRow()', (t) => ({ row: t.rect.row, col: 0, rows: t.rect.rows, cols: MAX_COLUMNS }));
  }
  getRow(index: number): SimRange {
    return this.derived(`getRow(${index})`, (t) => ({ row: t.rect.row + index, col: t.rect.col, rows: 1, cols: t.rect.cols }));
  }
  getIntersection(other: SimRange | string): SimRange {
    return this.derived(`getIntersection(${argPath(other)})`, (t) => {
      ctxOf(this).require('1.2', 'Range.getIntersection');
      const r = intersect(t.rect, otherRect(this, other));
      if (!r) throw itemNotFound('The ranges do not intersect.');
      return r;
    });
  }
  getIntersectionOrNullObject(other: SimRange | string): SimRange {
    return this.derived(
      `getIntersectionOrNullObject(${argPath(other)})`,
      (t) => {
        ctxOf(this).require('1.4', 'Range.getIntersectionOrNullObject');
        return intersect(t.rect, otherRect(this, other));
      },
      true,
    );
  }
  getBoundingRect(other: SimRange | string): SimRange {
    return this.derived(`getBoundingRect(${argPath(other)})`, (t) => {
      ctxOf(this).require('1.2', 'Range.getBoundingRect');
      return boundingRect(t.rect, otherRect(this, other));
    });
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this.derived(`getUsedRange(${!!valuesOnly})`, (t) => {
      const r = usedRect(t.sheet, !!valuesOnly, t.rect);
      if (!r) throw itemNotFound('The range has no used cells.');
      return r;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimRange {
    return this.derived(
      `getUsedRangeOrNullObject(${!!valuesOnly})`,
      (t) => {
        ctxOf(this).require('1.4', 'Range.getUsedRangeOrNullObject');
        return usedRect(t.sheet, !!valuesOnly, t.rect);
      },
      true,
    );
  }
  /** Merged areas whose top-left cell lies in this range; fails beyond 512 areas, as Excel documents. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        ctxOf(this).require('1.13', 'Range.getMergedAreasOrNullObject');
        const t = this._target();
        const areas = t.sheet.merges.filter((m) => m.row >= t.rect.row && m.row < t.rect.row + t.rect.rows && m.col >= t.rect.col && m.col < t.rect.col + t.rect.cols);
        if (areas.length > 512) throw new SimulatorError('GeneralException', `More than 512 merged areas in ${address(t)}: getMergedAreasOrNullObject fails.`);
        return areas.length ? { sheet: t.sheet, rects: [...areas].sort((a, b) => a.row - b.row || a.col - b.col) } : null;
      },
      true,
    );
  }
  /** The cells holding formulas (or constants), as Excel gives them: ItemNotFound when there are none. */
  getSpecialCells(cellType: string, cellValueType?: string): SimRangeAreas {
    return this.specialCells('getSpecialCells', cellType, cellValueType, false);
  }
  /** The same, as a null object when there are none. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): SimRangeAreas {
    return this.specialCells('getSpecialCellsOrNullObject', cellType, cellValueType, true);
  }
  private specialCells(method: string, cellType: string, cellValueType: string | undefined, nullable: boolean): SimRangeAreas {
    const args = [cellType, ...(cellValueType === undefined ? [] : [cellValueType])].map((a) => JSON.stringify(a)).join(',');
    return new SimRangeAreas(
      this.context,
      `${this._path}.${method}(${args})`,
      () => {
        ctxOf(this).require('1.9', `Range.${method}`);
        const t = this._target();
        const rects = specialCellAreas(t.sheet, t.rect, cellType, cellValueType);
        if (rects.length) return { sheet: t.sheet, rects };
        if (nullable) return null;
        throw itemNotFound(`No cells were found in ${address(t)}.`);
      },
      nullable,
    );
  }
  getCellProperties(options: CellPropertiesOptions): SimClientResult<Record<string, unknown>[][]> {
    const result = new SimClientResult<Record<string, unknown>[][]>();
    this.context._enqueue({ p: this._path, m: 'getCellProperties', a: [options] }, () => {
      const ctx = ctxOf(this);
      ctx.require('1.9', 'Range.getCellProperties');
      // On a null object the method gives nothing (a null value), as the object methods give null objects.
      const t = this._tryTarget();
      if (t === null && this._isNullNow()) {
        ctx._stage(() => result._resolve(null as unknown as Record<string, unknown>[][]));
        return null;
      }
      if (t === null) throw itemNotFound(this._path);
      guardLoad(ctx, t.rect, 'getCellProperties');
      const value = matrix(t.rect, (r, c) => cellProperties(t.sheet, r, c, options));
      ctx._stage(() => result._resolve(value));
      return value;
    });
    return result;
  }
  merge(across?: boolean): void {
    this._call('merge', [!!across], (t) => {
      ctxOf(this).require('1.2', 'Range.merge');
      const state = ctxOf(this).state;
      if (state.tables.some((tb) => tb.sheetId === t.sheet.id && intersect(tb.rect, t.rect))) throw invalidOperation('Cells in a table cannot be merged.');
      const areas = across ? Array.from({ length: t.rect.rows }, (_, i) => ({ row: t.rect.row + i, col: t.rect.col, rows: 1, cols: t.rect.cols })) : [t.rect];
      for (const area of areas) {
        if (area.rows * area.cols === 1) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, area));
        for (const [r, c, cell] of cellsIn(t.sheet, area)) {
          if (r === area.row && c === area.col) continue;
          cell.value = null;
          delete cell.formula;
        }
        t.sheet.merges.push(area);
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', [], (t) => {
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
    });
  }
  select(): void {
    this._call('select', [], (t) => {
      if (t.sheet.visibility !== 'Visible') throw invalidOperation('A range on a hidden sheet cannot be selected.');
      const state = ctxOf(this).state;
      state.selection = { sheetId: t.sheet.id, rect: t.rect };
      state.activeSheetId = t.sheet.id;
    });
  }
  clear(applyTo?: string): void {
    this._call('clear', [applyTo ?? 'All'], (t) => {
      for (const [, , cell] of cellsIn(t.sheet, t.rect)) {
        if (applyTo !== 'Formats') {
          cell.value = null;
          delete cell.formula;
          delete cell.error;
        }
        if (applyTo !== 'Contents') {
          delete cell.numberFormat;
          delete cell.format;
        }
      }
    });
  }
}

export function argPath(other: SimRange | string): string {
  return typeof other === 'string' ? q(other) : other._path;
}

const readMatrix =
  (what: string, fn: (cell: ReturnType<typeof getCell>) => unknown) =>
  (t: RangeTarget): unknown[][] => {
    const ctx = currentContext;
    if (ctx) guardLoad(ctx, t.rect, what);
    return matrix(t.rect, (r, c) => fn(getCell(t.sheet, r, c)));
  };

defineProps<RangeTarget>(SimRange, {
  address: { get: (t) => address(t) },
  addressLocal: { get: (t) => address(t) },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.cols },
  rowIndex: { get: (t) => t.rect.row },
  columnIndex: { get: (t) => t.rect.col },
  cellCount: { get: (t) => cellCount(t.rect) },
  values: {
    get: readMatrix('values', outputValue),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'values');
      rows.forEach((line, r) => line.forEach((input, c) => writeInput(t.sheet, t.rect.row + r, t.rect.col + c, input, address(t))));
    },
  },
  formulas: {
    get: readMatrix('formulas', (cell) => cell?.formula ?? outputValue(cell)),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'formulas');
      rows.forEach((line, r) => line.forEach((input, c) => writeInput(t.sheet, t.rect.row + r, t.rect.col + c, input, address(t))));
    },
  },
  numberFormat: {
    get: readMatrix('numberFormat', (cell) => cell?.numberFormat ?? 'General'),
    set: (t, v) => {
      const rows = checkMatrix(v, t.rect, 'numberFormat');
      rows.forEach((line, r) =>
        line.forEach((format, c) => {
          // null leaves the cell's format as it is; "" sets General, as Office.js documents for blank inputs.
          if (format === null || format === undefined) return;
          const code = checkNumberFormat(format, () => `${address(t)} row ${r + 1}, column ${c + 1}`);
          const cell = ensureCell(t.sheet, t.rect.row + r, t.rect.col + c);
          if (code === undefined) delete cell.numberFormat;
          else cell.numberFormat = code;
        }),
      );
    },
  },
  valueTypes: { get: readMatrix('valueTypes', outputValueType) },
  text: { get: readMatrix('text', (cell) => String(outputValue(cell))) },
});

export interface CellPropertiesOptions {
  address?: boolean;
  format?: { font?: { bold?: boolean; italic?: boolean; color?: boolean; size?: boolean }; fill?: { color?: boolean }; wrapText?: boolean };
}

function cellProperties(sheet: SimSheet, row: number, col: number, options: CellPropertiesOptions): Record<string, unknown> {
  const f = getCell(sheet, row, col)?.format ?? {};
  const out: Record<string, unknown> = {};
  if (options.address) out.address = `${quoteSheet(sheet.name)}!${columnName(col)}${row + 1}`;
  if (options.format) {
    const format: Record<string, unknown> = {};
    if (options.format.font) {
      const font: Record<string, unknown> = {};
      if (options.format.font.bold) font.bold = !!f.bold;
      if (options.format.font.italic) font.italic = !!f.italic;
      if (options.format.font.color) font.color = f.color ?? '#000000';
      if (options.format.font.size) font.size = f.size ?? 11;
      format.font = font;
    }
    if (options.format.fill) format.fill = options.format.fill.color ? { color: f.fill ?? '#FFFFFF' } : {};
    if (options.format.wrapText) format.wrapText = !!f.wrap;
    out.format = format;
  }
  return out;
}

export class SimRangeAreas extends SimClientObject<{ sheet: SimSheet; rects: Rect[] }> {
  declare readonly address: string;
  declare readonly areaCount: number;
  private _areas: SimRangeCollection | null = null;
  /** One collection per RangeAreas, as Office.js keeps a navigation property: what is loaded through it stays loaded. */
  get areas(): SimRangeCollection {
    return (this._areas ??= new SimRangeCollection(this.context, `${this._path}.areas`, () => this._target()));
  }
}
defineProps<{ sheet: SimSheet; rects: Rect[] }>(SimRangeAreas, {
  address: { get: (t) => t.rects.map((rect) => address({ sheet: t.sheet, rect })).join(', ') },
  areaCount: { get: (t) => t.rects.length },
});

export class SimRangeCollection extends SimCollection<{ sheet: SimSheet; rects: Rect[] }, SimRange> {
  protected _itemsNow(t: { sheet: SimSheet; rects: Rect[] }): SimRange[] {
    return t.rects.map((rect, i) => new SimRange(this.context, `${this._path}.getItemAt(${i})`, () => ({ sheet: t.sheet, rect })));
  }
}
