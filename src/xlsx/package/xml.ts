/**
 * Small, fast helpers for writing SpreadsheetML by hand. Sheets of 50,000 rows are built as strings, so these run
 * once per cell and stay allocation-light.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF). Excel writes them as
 * `_xHHHH_` and reads them back as the character, so an officer's stray control character survives the trip.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A literal "_x0041_" in the text must itself be escaped, or Excel would read it as "A". */
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;

const NOT_XML_ONE = new RegExp(NOT_XML.source);
const LOOKS_ESCAPED_ONE = new RegExp(LOOKS_ESCAPED.source);
/**
 * Any character escapeXml might change: markup, the characters XML cannot carry, any surrogate (paired ones are
 * fine but are told from lone ones by the slower test), and "_x". Nearly all text has none, and is written as it is
 * after one quick scan for the characters and one search for "_x", instead of three regex passes (the lookbehind one
 * is slow). Two scans rather than one expression with "|_x" in it: that tried "_x" at every character, and took half
 * as long again over 900,000 texts.
 */
// eslint-disable-next-line no-control-regex
const MAY_NEED_ESCAPING_CHARACTER = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Whether escapeXml might change the text at all: when not (nearly always), it can be written as it is. */
export function mayNeedEscaping(text: string): boolean {
  return MAY_NEED_ESCAPING_CHARACTER.test(text) || text.includes('_x');
}

/** Whether escapeXml writes any `_xHHHH_` escape for this text (some readers decode them only in rich-text runs). */
export function hasExcelEscapes(text: string): boolean {
  if (!mayNeedEscaping(text)) return false;
  return (text.includes('_x') && LOOKS_ESCAPED_ONE.test(text)) || NOT_XML_ONE.test(text);
}

/** Text for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  if (!mayNeedEscaping(text)) return text;
  let out = text;
  if (out.includes('_x')) out = out.replace(LOOKS_ESCAPED, '_x005F_$1');
  out = out.replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return out.replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
}

/** Plain escaping for text that is ours (formulas, names, numbers formats): no `_x` handling. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]);
}

/** The five entities XML predefines, by name: all any reader here decodes by name. A Map, so that "&constructor;" is no entity. */
export const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);

export function unescapeXml(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g,
    (_m, name: string) => PREDEFINED_ENTITIES.get(name) ?? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)),
  );
}

/** The attributes of one start tag, e.g. `<sheet name="Plan" sheetId="1" r:id="rId1"/>`. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** Every start (or empty) tag of an element, with its position. `name` may carry a prefix ("x:sheet"). */
export function tags(xml: string, name: string): { tag: string; index: number; attrs: Record<string, string> }[] {
  const re = new RegExp(`<${name.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'g');
  const out: { tag: string; index: number; attrs: Record<string, string> }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push({ tag: m[0], index: m.index, attrs: attributes(m[0]) });
  return out;
}

/** One element, start to end (or the empty element), or null. Elements of this name must not nest. */
export function element(xml: string, name: string): { text: string; index: number } | null {
  const start = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`).exec(xml);
  if (!start) return null;
  if (start[1] === '/') return { text: start[0], index: start.index };
  const end = xml.indexOf(`</${name}>`, start.index);
  if (end < 0) return null;
  return { text: xml.slice(start.index, end + name.length + 3), index: start.index };
}
