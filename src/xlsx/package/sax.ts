/**
 * What the part parsers share: the streaming XML reader, element names without their prefix, and the text
 * decodings Excel's writers and ExcelJS's reader apply. Each parser streams its part once and builds no DOM.
 */
import { PREDEFINED_ENTITIES } from './xml';
import { XmlHandlers, XmlScanner } from './xml-scanner';

export type { Attributes } from './xml-scanner';

/** A parser for one part. It throws on the first well-formedness error, so a damaged part fails the read rather than yielding half a sheet. */
export function partParser(handlers: XmlHandlers): XmlScanner {
  return new XmlScanner(handlers);
}

/**
 * An element's name without its namespace prefix: most writers use the default namespace ("c"), but some
 * (the Open XML SDK among them) write a prefixed one ("x:c") for the same element.
 */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Excel's escape for a character XML cannot carry: `_x000D_` is a carriage return. Upper-case hex only, as ExcelJS reads it. */
const EXCEL_ESCAPE = /_x([0-9A-F]{4})_/g;

/** Text of a string item's <t>, with Excel's `_xHHHH_` escapes decoded as ExcelJS decodes them. */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(EXCEL_ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const ENTITY = /&([a-z]*);/g;

/**
 * A second round of entity decoding, which ExcelJS applies to the text of "str" cells (formula string results)
 * after the XML parser has already decoded it once: "&amp;lt;" in the file reads as "<". Kept so the two readers
 * agree; only the five predefined entities, and unknown ones stay as they are.
 */
export function decodeEntitiesAgain(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, (match, name: string) => PREDEFINED_ENTITIES.get(name) ?? match) : text;
}
