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
 * Bytes of shared strings joined into one block at a time: past the 128 KB above which V8 keeps a string as a
 * large object, which its young-generation collections move by handing over the page rather than by copying it.
 * Each shared string is then a slice of its block. Kept as strings of their own, a 50,000-action plan's 200,000
 * shared strings (about 40 MB) were copied twice each by those collections as they read; as slices, 32 bytes each
 * are. No bigger than that, so the parser's chunks the texts waiting for a block are sliced from are soon let go.
 */
const BLOCK_BYTES = 140_000;

/** V8 copies a substring shorter than this (so a shorter text is kept as it is); a longer one is a slice. */
const SHORTEST_SLICE = 13;

/** A character past U+00FF: text with one takes two bytes a character in V8, text without can take one. */
const WIDE_CHARACTER = /[\u0100-\uffff]/;

/** Shared strings waiting to be joined into a block: their places in the table, and their texts. */
interface PendingBlock {
  places: number[];
  texts: string[];
  /** What the joined block will take: one byte a character, or two if it is wide. */
  bytes: number;
  /** Whether the block holds characters past U+00FF. */
  wide: boolean;
}

const pendingBlock = (wide: boolean): PendingBlock => ({ places: [], texts: [], bytes: 0, wide });

/**
 * The shared strings, each a slice of a block of them (or, under 13 characters, a copy of its own). Until its block
 * is joined, a string is the parser's slice of the chunk it came in, so no chunk (and none of its markup) is kept
 * longer. Texts with a character past U+00FF are joined apart from the rest, and the rest are made one byte a
 * character: the parser's chunk is two bytes a character if it holds one bullet or dash, and text sliced from a
 * two-byte block is two-byte itself, which made writing the officer's words out again slower.
 */
class SharedStringStore {
  readonly strings: string[] = [];
  private readonly narrow = pendingBlock(false);
  private readonly wide = pendingBlock(true);

  add(text: string): void {
    this.strings.push(text);
    if (text.length < SHORTEST_SLICE) return;
    const block = WIDE_CHARACTER.test(text) ? this.wide : this.narrow;
    block.places.push(this.strings.length - 1);
    block.texts.push(text);
    block.bytes += block.wide ? 2 * text.length : text.length;
    if (block.bytes >= BLOCK_BYTES) this.seal(block);
  }

  /** Joins the texts not yet in a block. */
  finish(): string[] {
    this.seal(this.narrow);
    this.seal(this.wide);
    return this.strings;
  }

  /** Joins a block's texts into one string and puts a slice of it in each one's place. */
  private seal(block: PendingBlock): void {
    if (!block.texts.length) return;
    const joined = block.texts.join('');
    const text = block.wide ? joined : Buffer.from(joined, 'latin1').toString('latin1');
    let at = 0;
    block.texts.forEach((piece, i) => {
      this.strings[block.places[i]] = text.slice(at, at + piece.length);
      at += piece.length;
    });
    block.places = [];
    block.texts = [];
    block.bytes = 0;
  }
}

export function parseSharedStrings(xml: string): string[] {
  const reader = sharedStringsReader();
  reader.write(xml);
  return reader.finish();
}

/** The shared-string table read as its XML streams in; `onString` sees the count after each item. */
export function sharedStringsReader(onString?: (count: number) => void): { write(chunk: string): void; finish(): string[] } {
  const store = new SharedStringStore();
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
      onString?.(store.strings.length);
      inItem = false;
    }
    depth--;
  };

  const parser = partParser({ open, text: onText, close });

  return {
    write(chunk: string): void {
      parser.write(chunk);
    },
    finish(): string[] {
      parser.close();
      return store.finish();
    },
  };
}
