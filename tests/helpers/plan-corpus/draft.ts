/** A workbook as the corpus lays it out, before it is written to .xlsx: cells by row and column, merges, widths. */
export interface DraftCell {
  value: string | number | Date;
  bold?: boolean;
  italic?: boolean;
  /** ARGB fill colour. */
  fill?: string;
}

export interface DraftMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class DraftSheet {
  readonly cells = new Map<number, Map<number, DraftCell>>();
  readonly merges: DraftMerge[] = [];
  readonly widths = new Map<number, number>();

  constructor(readonly name: string) {}

  set(row: number, col: number, cell: DraftCell): void {
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    line.set(col, cell);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** The last row that holds a value (0 when the sheet is empty). */
  get lastRow(): number {
    return Math.max(0, ...this.cells.keys());
  }

  /** Every header-like text written in a given row. */
  rowTexts(row: number): string[] {
    return [...(this.cells.get(row)?.values() ?? [])].map((c) => c.value).filter((v): v is string => typeof v === 'string');
  }
}

export interface DraftWorkbook {
  sheets: DraftSheet[];
}
