/**
 * The shared string table (xl/sharedStrings.xml): the text of each <si>, in order, so a cell's `t="s"` index can
 * be looked up. Rich text is flattened to its characters (the engine reads words, not fonts), and phonetic
 * guides (<rPh>, the kana over Japanese text) are left out, as ExcelJS leaves them out.
 */
import { decodeExcelEscapes, localName, partParser } from './sax';

/** Depths below <sst> (depth 1): an item, its direct children, and a run's children. */
const ITEM_DEPTH = 2;
const ITEM_CHILD_DEPTH = 3;
const RUN_CHILD_DEPTH = 4;

/**
 * Bytes of shared strings gathered into one block: past the 128 KB above which V8 keeps a string as a large object,
 * which its young-generation collections move by handing over the page rather than by copying it.
 */
const BLOCK_BYTES = 140_000;

/** A character past U+00FF: text with one takes two bytes a character in V8, text without can take one. */
const WIDE_CHARACTER = /[\u0100-\uffff]/;

/** The shared strings as read: each one's text by its index, as a cell's `t="s"` value gives it. */
export interface SharedStrings {
  readonly count: number;
  /** The text at `index`; undefined for an index the table does not have. */
  at(index: number): string | undefined;
}

/** A block being filled: its texts' bytes so far, one byte a character (Latin-1) or two (UTF-16). */
class PendingBlock {
  bytes = Buffer.allocUnsafe(BLOCK_BYTES);
  used = 0;
  characters = 0;
  /** The block's place in the table's list of blocks, once a text is in it; -1 while it is empty. */
  number = -1;

  constructor(readonly wide: boolean) {}
}

/** Places for this many strings at first; the lists double as the table grows. */
const FIRST_PLACES = 1024;

/**
 * The shared strings as blocks of text and where each string lies in its block: a string is made (a slice of its
 * block) only when a cell asks for it. A text is copied into its block's bytes as soon as it is read, so neither it
 * nor the chunk of XML it came from outlives the moment.
 *
 * Why: made as they were read, a 50,000-action plan's 200,000 strings (and the chunks they were slices of, until
 * their block was joined) outlived young-generation collections while the young generation was still small, each
 * collection copying them again: reading the table took about 70 ms of collecting. Places in number lists cost the
 * collector nothing, and a string made for its first cell is made while the worksheet is read.
 *
 * Texts with a character past U+00FF are gathered apart from the rest, and the rest are kept one byte a character:
 * the parser's chunk is two bytes a character if it holds one bullet or dash, and text sliced from a two-byte block
 * is two-byte itself, which made writing the officer's words out again slower.
 */
class SharedStringTable implements SharedStrings {
  private readonly blocks: string[] = [];
  /** Each string's block (-1 for an empty string), and where in it the string starts and ends. */
  private blockOf = new Int32Array(FIRST_PLACES);
  private startOf = new Int32Array(FIRST_PLACES);
  private endOf = new Int32Array(FIRST_PLACES);
  private size = 0;
  private readonly narrow = new PendingBlock(false);
  private readonly wide = new PendingBlock(true);

  get count(): number {
    return this.size;
  }

  add(text: string): void {
    if (this.size === this.blockOf.length) this.grow();
    const place = this.size++;
    if (!text) {
      this.blockOf[place] = -1;
      return;
    }
    const block = WIDE_CHARACTER.test(text) ? this.wide : this.narrow;
    const needed = block.wide ? 2 * text.length : text.length;
    if (block.used + needed > block.bytes.length) {
      this.seal(block);
      // A text longer than a block (Excel allows 32,767 characters) gets a block of its own.
      if (needed > block.bytes.length) block.bytes = Buffer.allocUnsafe(needed);
    }
    if (block.number < 0) {
      block.number = this.blocks.length;
      this.blocks.push('');
    }
    this.blockOf[place] = block.number;
    this.startOf[place] = block.characters;
    block.used += block.bytes.write(text, block.used, block.wide ? 'utf16le' : 'latin1');
    block.characters += text.length;
    this.endOf[place] = block.characters;
    if (block.used >= BLOCK_BYTES) this.seal(block);
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.size && Number.isInteger(index))) return undefined;
    const block = this.blockOf[index];
    return block < 0 ? '' : this.blocks[block].slice(this.startOf[index], this.endOf[index]);
  }

  /** Makes the blocks still being filled. */
  finish(): SharedStrings {
    this.seal(this.narrow);
    this.seal(this.wide);
    return this;
  }

  private grow(): void {
    const bigger = (list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      return grown;
    };
    this.blockOf = bigger(this.blockOf);
    this.startOf = bigger(this.startOf);
    this.endOf = bigger(this.endOf);
  }

  /** Makes a block's string from its bytes, and empties it for the texts after. */
  private seal(block: PendingBlock): void {
    if (block.number < 0) return;
    this.blocks[block.number] = block.bytes.toString(block.wide ? 'utf16le' : 'latin1', 0, block.used);
    if (block.bytes.length > BLOCK_BYTES) block.bytes = Buffer.allocUnsafe(BLOCK_BYTES);
    block.used = 0;
    block.characters = 0;
    block.number = -1;
  }
}

/** Every shared string, as a list: for a caller that wants them all (a whole table is made of each). */
export function sharedStringList(table: SharedStrings): string[] {
  return Array.from({ length: table.count }, (_, i) => table.at(i)!);
}

export function parseSharedStrings(xml: string): string[] {
  const reader = sharedStringsReader();
  reader.write(xml);
  return sharedStringList(reader.finish());
}

/** The shared-string table read as its XML streams in; `onString` sees the count after each item. */
export function sharedStringsReader(onString?: (count: number) => void): { write(chunk: string): void; finish(): SharedStrings } {
  const store = new SharedStringTable();
  let depth = 0;
  let inItem = false;
  let inRun = false;
  /** While inside <rPh>, the depth it opened at: everything within is skipped. */
  let skipUntilDepth = 0;
  let readingText = false;
  let text = '';
  /** The item's own <t>, when it has one; otherwise its runs make its text. */
  let plain: string | null = null;
  let runs = '';

  const open = (tagName: string): void => {
    depth++;
    if (skipUntilDepth || !(inItem || depth === ITEM_DEPTH)) return;
    const name = localName(tagName);
    if (depth === ITEM_DEPTH) {
      if (name === 'si') {
        inItem = true;
        plain = null;
        runs = '';
      }
    } else if (depth === ITEM_CHILD_DEPTH) {
      if (name === 't') {
        readingText = true;
        text = '';
      } else if (name === 'r') {
        inRun = true;
      } else if (name === 'rPh') {
        skipUntilDepth = depth;
      }
    } else if (depth === RUN_CHILD_DEPTH && inRun && name === 't') {
      readingText = true;
      text = '';
    }
  };

  const onText = (chunk: string): void => {
    if (readingText) text += chunk;
  };

  const close = (): void => {
    if (skipUntilDepth) {
      if (depth === skipUntilDepth) skipUntilDepth = 0;
    } else if (readingText && (depth === ITEM_CHILD_DEPTH || depth === RUN_CHILD_DEPTH)) {
      // Each <t> is decoded on its own, as ExcelJS decodes it: an escape split across two runs stays as written.
      if (inRun) runs += decodeExcelEscapes(text);
      else plain = decodeExcelEscapes(text);
      readingText = false;
    } else if (depth === ITEM_CHILD_DEPTH) {
      inRun = false;
    } else if (depth === ITEM_DEPTH && inItem) {
      store.add(plain ?? runs);
      onString?.(store.count);
      inItem = false;
    }
    depth--;
  };

  const parser = partParser({ open, text: onText, close });

  return {
    write(chunk: string): void {
      parser.write(chunk);
    },
    finish(): SharedStrings {
      parser.close();
      return store.finish();
    },
  };
}
