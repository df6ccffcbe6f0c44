/**
 * Texts kept to the end of a run (findings' messages), held as slices of a few large strings rather than as strings
 * of their own. V8's young-generation collector copies every string that outlives it twice, once within the young
 * generation and once out of it; a string of 128 KB or more is a large object it moves by handing over its page, and
 * a slice of one costs it 32 bytes. At 50,000 actions the checks' 36,000 messages were about 6 MB copied so.
 *
 * Texts are gathered as they are made and joined a block at a time, so few are alive when a collection comes.
 */

/** Characters joined into one block: past 128 KB whether V8 keeps it one or two bytes a character. */
const BLOCK_CHARACTERS = 1 << 17;

export class KeptTexts<T> {
  private pending: T[] = [];
  private characters = 0;

  /** `text` reads an item's text; `keep` puts the slice that replaces it. */
  constructor(
    private readonly text: (item: T) => string,
    private readonly keep: (item: T, text: string) => void,
  ) {}

  add(item: T): void {
    this.pending.push(item);
    this.characters += this.text(item).length;
    if (this.characters >= BLOCK_CHARACTERS) this.finish();
  }

  /** Joins the texts gathered since the last block (call once all are added). */
  finish(): void {
    if (!this.pending.length) return;
    // Joining also lays out flat a text made from pieces (a template literal), so none of its pieces is kept.
    const block = this.pending.map(this.text).join('');
    let at = 0;
    for (const item of this.pending) {
      const end = at + this.text(item).length;
      this.keep(item, block.slice(at, end));
      at = end;
    }
    this.pending = [];
    this.characters = 0;
  }
}
