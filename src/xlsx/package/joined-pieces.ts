/**
 * A line made of many short pieces (a row's XML, a row's fingerprint line), joined once when it is whole.
 *
 * Why not `line += piece`: each `+=` makes a small string object pointing at the two it joins, and the tree of them
 * is copied into one flat string anyway when the line is written or hashed. At 50,000 actions that was about 650 MB
 * of short-lived objects while the sheets were written, a young-generation collection every 16 MB of them.
 *
 * Why the list is kept from line to line with its places emptied, rather than cut back to no length: V8 gives a list
 * cut to length 0 a new store, so every line grew one again. An emptied place joins to nothing.
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
    const list = this.list;
    const joined = list.join('');
    this.clear();
    return joined;
  }

  /** Drops the pieces added since the last line. */
  clear(): void {
    // A line of very many pieces is not kept as the list every later line joins through.
    if (this.list.length > KEPT_PLACES) this.list = [];
    else this.list.fill('', 0, this.used);
    this.used = 0;
  }
}

/** The most places a list keeps for the next line: a row of 100 cells written as XML fills about 800. */
const KEPT_PLACES = 1024;
