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
 * reuse it; V8 gives a list cut to length 0 a new store, so an empty line never cuts it.
 */
export class JoinedPieces {
  private list: string[] = [];
  private used = 0;

  add(piece: string): void {
    this.list[this.used++] = piece;
  }

  /** Whether nothing has been added since the last line was taken. */
  get isEmpty(): boolean {
    return this.used === 0;
  }

  /** The pieces added since the last line, joined; the list is then empty for the next line. */
  take(): string {
    if (this.used === 0) return '';
    const list = this.list;
    if (list.length !== this.used) list.length = this.used;
    const joined = list.join('');
    this.clear();
    return joined;
  }

  /**
   * Drops the pieces added since the last line. Their places keep what they held until the next line writes over
   * them: the pieces are the plan's own texts and a few shared bits of markup, alive anyway.
   */
  clear(): void {
    // A line of very many pieces is not kept as the list every later line is made in.
    if (this.list.length > KEPT_PLACES) this.list = [];
    this.used = 0;
  }
}

/** The most places a list keeps for the next line: a row of 100 cells written as XML fills about 800. */
const KEPT_PLACES = 1024;
