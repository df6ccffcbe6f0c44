/**
 * A line made of many short pieces (a row's XML, a row's fingerprint line), joined once when it is whole.
 *
 * Why not `line += piece`: each `+=` makes a small string object pointing at the two it joins, and the tree of them
 * is copied into one flat string anyway when the line is written or hashed. At 50,000 actions that was about 650 MB
 * of short-lived objects while the sheets were written, a young-generation collection every 16 MB of them.
 *
 * Why the list is kept from line to line, with its length set to the line's pieces before it is joined: join
 * first makes a store with a place for every place of the list, so a list left at its longest line's length made
 * every later line pay for places it did not use (140 MB of them at 50,000 actions, against 96 MB used). Setting a
 * shorter length keeps the list's store unless the line uses under half of it, so lines of about the same length
 * reuse it; V8 gives a list cut to length 0 a new store, so an empty line never cuts it. A line using fewer than
 * half the places is joined from a copy of its own, so the list keeps its store.
 */
export class JoinedPieces {
  private list: string[] = [];
  private used = 0;
  /** The characters of the pieces added since the last line: where a wide text kept aside goes. */
  private characters = 0;
  /** The line's wide texts (isWide), kept aside, and how many characters of the joined pieces come before each. */
  private readonly wideTexts: string[] = [];
  private readonly wideAt: number[] = [];
  private wideCount = 0;

  add(piece: string): void {
    this.list[this.used++] = piece;
    this.characters += piece.length;
  }

  /**
   * An officer's text, which may have a character past U+00FF: such a text is kept aside rather than joined, as
   * joined it would make the whole line a two-byte string (isWide says why), and the line is then handed on in parts
   * by writeTo. Any other text is a piece like the rest.
   */
  addText(text: string): void {
    if (!isWide(text)) this.add(text);
    else {
      this.wideTexts[this.wideCount] = text;
      this.wideAt[this.wideCount++] = this.characters;
    }
  }

  /** Whether nothing has been added since the last line was taken. */
  get isEmpty(): boolean {
    return this.used === 0 && this.wideCount === 0;
  }

  /** Whether the line has a wide text kept aside (it is then handed on by writeTo, not take). */
  get hasWide(): boolean {
    return this.wideCount > 0;
  }

  /** The pieces added since the last line, joined; the list is then empty for the next line. */
  take(): string {
    const joined = this.joined();
    this.clear();
    return joined;
  }

  /**
   * The line, in order, to `write`: the joined pieces cut at each wide text (slices of the one joined string, which
   * V8 makes without copying it) and the wide texts between them. The list is then empty for the next line.
   */
  writeTo(write: (part: string) => void): void {
    const joined = this.joined();
    let from = 0;
    for (let i = 0; i < this.wideCount; i++) {
      const at = this.wideAt[i];
      if (at > from) write(joined.slice(from, at));
      write(this.wideTexts[i]);
      from = at;
    }
    if (from < joined.length) write(from ? joined.slice(from) : joined);
    this.clear();
  }

  private joined(): string {
    if (this.used === 0) return '';
    const list = this.list;
    // A line much shorter than the last: cutting the list to so few places would make V8 shrink its store, and the
    // next longer line grow a new one.
    if (this.used * 2 < list.length) return list.slice(0, this.used).join('');
    if (list.length !== this.used) list.length = this.used;
    return list.join('');
  }

  /**
   * Drops the pieces added since the last line. Their places keep what they held until the next line writes over
   * them: the pieces are the plan's own texts and a few shared bits of markup, alive anyway.
   */
  clear(): void {
    // A line of very many pieces is not kept as the list every later line is made in.
    if (this.list.length > KEPT_PLACES) this.list = [];
    this.used = 0;
    this.characters = 0;
    this.wideCount = 0;
  }
}

/** A character past U+00FF. */
// eslint-disable-next-line no-control-regex -- every character up to U+00FF is what it leaves out
const WIDE_CHARACTER = /[^\u0000-\u00ff]/;

/**
 * Whether a text has a character past U+00FF (a bullet, a dash, a curly quote). V8 keeps such a string two bytes a
 * character, and so any string joined from it: one bullet in an action's text doubled the size of its whole row's
 * XML. The test is quick on the texts without one, which V8 knows hold none (a pattern no one-byte character can
 * match fails at once).
 */
export function isWide(text: string): boolean {
  return WIDE_CHARACTER.test(text);
}

/** The most places a list keeps for the next line: a row of 100 cells written as XML fills about 800. */
const KEPT_PLACES = 1024;
