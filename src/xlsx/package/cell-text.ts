/** Excel's limit on the characters in one cell: a file with a longer text opens only after a "repair". */
export const EXCEL_MAX_CELL_TEXT = 32_767;
const CUT_NOTE = ' … [cut to fit Excel’s 32,767-character limit: the whole text is in the source sheet]';

/** Text that fits in one Excel cell: longer text (joined from several source cells) is cut, and says so. */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_MAX_CELL_TEXT) return text;
  let cut = EXCEL_MAX_CELL_TEXT - CUT_NOTE.length;
  // Never split a surrogate pair (an emoji) in two.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + CUT_NOTE;
}
