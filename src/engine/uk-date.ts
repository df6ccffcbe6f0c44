/**
 * Dates as an English council writes them: day first, 31/03/2026. Every date the tool shows an officer (findings,
 * the board pack, the command's report) goes through here, so none can come out month first or as ISO text.
 */

/** 2026-03-31 → 31/03/2026. Slices, not a split: this runs for every row of every summary and every finding. */
export function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
