/**
 * The shared string table (xl/sharedStrings.xml): the text of each <si>, in order, so a cell's `t="s"` index can
 * be looked up. Rich text is flattened to its characters (the engine reads words, not fonts), and phonetic
 * guides (<rPh>, the kana over Japanese text) are left out, as ExcelJS leaves them out.
 */
import { decodeExcelEscapes, detached, localName, partParser } from './sax';

/** Depths below <sst> (depth 1): an item, its direct children, and a run's children. */
const ITEM_DEPTH = 2;
const ITEM_CHILD_DEPTH = 3;
const RUN_CHILD_DEPTH = 4;

export function parseSharedStrings(xml: string): string[] {
  const reader = sharedStringsReader();
  reader.write(xml);
  return reader.finish();
}

/** The shared-string table read as its XML streams in; `onString` sees the count after each item. */
export function sharedStringsReader(onString?: (count: number) => void): { write(chunk: string): void; finish(): string[] } {
  const strings: string[] = [];
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
      strings.push(detached(plain ?? runs));
      onString?.(strings.length);
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
      return strings;
    },
  };
}
