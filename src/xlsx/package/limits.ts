/**
 * How much of a package the reader will take before it refuses the file: a hostile or broken workbook (a "zip bomb"
 * of a few megabytes that inflates to gigabytes of tiny cells, whitespace or strings) is refused with a message
 * naming the part and the limit, long before memory runs out. The limits are checked while parts are being inflated
 * and parsed, never after.
 *
 * The defaults leave room for the largest real plans: a 100,000-action plan of 20 columns is 2 million cells and a
 * worksheet part of well under 200 MB. `plan-assure --max-cells N --max-part-mb N --max-package-mb N
 * --max-shared-strings N` raises them for a rare bigger one.
 */
export interface ReadLimits {
  /** Inflated size of any one part, in megabytes. */
  partMegabytes: number;
  /** Inflated size of all the parts read, together, in megabytes. */
  packageMegabytes: number;
  /** Cells with a value or formula, over every worksheet. */
  cells: number;
  /** Entries in the shared-string table. */
  sharedStrings: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  // Under V8's longest string (just under 512 MiB), so a part of whitespace fails on this limit, not on a RangeError.
  partMegabytes: 256,
  packageMegabytes: 1024,
  cells: 3_000_000,
  sharedStrings: 2_000_000,
});

/**
 * Parts read whole as text (the workbook, relationships, content types, styles, comments) are small in any real
 * workbook: they are held in memory, so they get a tighter cap than the streamed worksheets and strings.
 */
export const TEXT_PART_MEGABYTES = 64;

const LIMIT_WORDS: Record<keyof ReadLimits, { what: string; option: string; unit: string }> = {
  partMegabytes: { what: 'inflates to more than', option: '--max-part-mb', unit: 'MB' },
  packageMegabytes: { what: 'inflates, with the parts read before it, to more than', option: '--max-package-mb', unit: 'MB' },
  cells: { what: 'takes the workbook past', option: '--max-cells', unit: 'cells' },
  sharedStrings: { what: 'holds more than', option: '--max-shared-strings', unit: 'shared strings' },
};

/** A part went past a read limit. The reader words it as unusable input (exit 2). */
export class ReadLimitError extends Error {
  constructor(
    readonly part: string,
    readonly limit: keyof ReadLimits,
    readonly value: number,
  ) {
    const words = LIMIT_WORDS[limit];
    super(
      `its part ${part} ${words.what} ${value.toLocaleString('en-GB')} ${words.unit}, the most PlanAssure reads (${words.option}). ` +
        `A real plan is far smaller, so the file is probably damaged or built to exhaust memory; if it truly is a plan, raise the limit with ${words.option}.`,
    );
    this.name = 'ReadLimitError';
  }
}

/** What has been read so far in one workbook, checked against its limits as reading goes. */
export class ReadBudget {
  private packageBytes = 0;
  private cellCount = 0;

  constructor(readonly limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS) {}

  /** Counts inflated bytes of `part`; `partBytes` is the part's running total. */
  addBytes(part: string, bytes: number, partBytes: number, partCapMegabytes = this.limits.partMegabytes): void {
    this.packageBytes += bytes;
    if (partBytes > partCapMegabytes * 1024 * 1024) throw new ReadLimitError(part, 'partMegabytes', partCapMegabytes);
    if (this.packageBytes > this.limits.packageMegabytes * 1024 * 1024) throw new ReadLimitError(part, 'packageMegabytes', this.limits.packageMegabytes);
  }

  /** Counts one more cell read in `part`. */
  addCell(part: string): void {
    if (++this.cellCount > this.limits.cells) throw new ReadLimitError(part, 'cells', this.limits.cells);
  }

  checkSharedStrings(part: string, count: number): void {
    if (count > this.limits.sharedStrings) throw new ReadLimitError(part, 'sharedStrings', this.limits.sharedStrings);
  }
}
