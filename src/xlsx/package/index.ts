/** The package's part parsers: XML text in, the engine's model out. Unzipping and finding parts live elsewhere. */
export { parseSharedStrings } from './shared-strings';
export { parseCellStyles } from './cell-styles';
export type { CellStyle } from './cell-styles';
export { parseWorksheet } from './worksheet';
export type { SheetIdentity } from './worksheet';
