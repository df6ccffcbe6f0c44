/**
 * A streaming XML reader for the parts of an .xlsx package: start tags with their attributes, text and end tags,
 * fed chunk by chunk. It replaced saxes, which reads one character at a time through a state machine. This one
 * finds each `<` and `>` with indexOf and takes text and names as slices: a 50,000-action plan's sheet XML reads in
 * a third to a half of saxes's time.
 *
 * It reads the XML 1.0 a package holds, and checks it as strictly as the reader needs: an end tag that does not
 * match its start, an element left open, an unknown or malformed reference, a character XML does not allow, a `<`
 * in an attribute value, an attribute given twice or text outside the root element stops the read with an
 * XmlError, so a damaged part fails rather than yielding half a sheet. (It is less strict than saxes about
 * malformed names, `--` inside comments and a misplaced XML declaration, none of which changes what is read.)
 * Like any conforming parser it turns line breaks (CR LF, CR) into LF in text and attribute values, and tabs and
 * line breaks in attribute values into spaces, before decoding references. CDATA sections are text; comments and
 * processing instructions are skipped; a DOCTYPE, which no package part may have, is refused.
 */
import { PREDEFINED_ENTITIES } from './xml';

/**
 * A start tag's attributes, values decoded. Looked up by name along a short list rather than built into an object:
 * setting a property named by a fresh slice makes V8 intern the name first, and that cost most of the time of
 * reading a sheet. Valid only during the `open` call that is given it: the next tag reuses it.
 */
/** Attributes in a tag past which repeats are looked for in a set: sheet parts' tags have a handful. */
const MANY_ATTRIBUTES = 16;

export class Attributes {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private count = 0;
  /** The names so far, once a tag has many: a search of the list for each would make a crafted tag quadratic. */
  private seen: Set<string> | null = null;

  /** The value of the attribute with this qualified name (prefix and all, as in "r:id"), if the tag has it. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.values[i];
    return undefined;
  }

  /** @internal */
  reset(): void {
    this.count = 0;
    this.seen = null;
  }

  /** @internal False when the tag already has an attribute of this name. */
  add(name: string, value: string): boolean {
    if (this.seen) {
      if (this.seen.has(name)) return false;
      this.seen.add(name);
    } else if (this.get(name) !== undefined) return false;
    else if (this.count === MANY_ATTRIBUTES) this.seen = new Set([...this.names.slice(0, this.count), name]);
    this.names[this.count] = name;
    this.values[this.count] = value;
    this.count++;
    return true;
  }
}

export interface XmlHandlers {
  /** A start tag: its qualified name (with any prefix) and its attributes, which are reused by the next tag. */
  open(name: string, attributes: Attributes): void;
  /** Text, decoded; one text node may arrive in several pieces. Never called with empty text. */
  text(text: string): void;
  /** An end tag, or the end of an empty-element tag. */
  close(): void;
}

export class XmlError extends Error {
  /** What is wrong, without the opening words: for a message that says where it is wrong. */
  readonly detail: string;

  constructor(detail: string) {
    super(`The XML is damaged: ${detail}.`);
    this.name = 'XmlError';
    this.detail = detail;
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

const TRAILING_XML_SPACE = /[ \t\r\n]+$/;
const NOT_XML_SPACE = /[^ \t\r\n]/;

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

const REFERENCE = /&([^&;]*);?/g;

/** Text with its entity and character references replaced; any `&` that does not start a known one is an error. */
function decodeReferences(raw: string): string {
  return raw.replace(REFERENCE, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`"&" must start an entity such as &amp; (found "${whole.slice(0, 12)}")`);
    const known = PREDEFINED_ENTITIES.get(name);
    if (known !== undefined) return known;
    if (name.charCodeAt(0) === 0x23 /* # */) {
      const hex = name.charCodeAt(1) === 0x78; /* x */
      const digits = name.slice(hex ? 2 : 1);
      const code = digits && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (isXmlChar(code)) return String.fromCodePoint(code);
    }
    throw new XmlError(`unknown reference "&${name};"`);
  });
}

/**
 * How much of text that runs to the end of a chunk can be handed on now: not a reference whose ";" may be in the
 * next chunk, nor a final CR, which with an LF starting the next chunk makes one line break, nor a final "]]".
 */
function textSafeEnd(input: string, from: number): number {
  let end = input.length;
  const amp = input.lastIndexOf('&');
  if (amp >= from && input.indexOf(';', amp) < 0) end = amp;
  if (end > from && input.charCodeAt(end - 1) === 0x0d) end--;
  // "]]" kept back too, so that a "]]>" split across chunks is still seen whole.
  for (let kept = 0; kept < 2 && end > from && input.charCodeAt(end - 1) === 0x5d; kept++) end--;
  return end;
}

/** Line breaks as XML hands them on: CR LF and a lone CR both become LF. */
const normaliseBreaks = (raw: string): string => raw.replace(/\r\n?/g, '\n');

/** Below this length a text is searched a character at a time; above it, by one expression. */
const SHORT_TEXT = 64;

/** What makes a text or value need more than taking as it is. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_PLAIN = /[&<\]\u0000-\u001f\ufffe\uffff]/;

/**
 * Whether a text or value can be taken as it is: it holds no "&", "<", "]" (of a "]]>", which text may not hold),
 * control character (tab and line breaks among them) or U+FFFE/U+FFFF.
 */
function plain(raw: string): boolean {
  if (raw.length > SHORT_TEXT) return !NOT_PLAIN.test(raw);
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x26 || code === LT || code === 0x5d || code < 0x20 || code >= 0xfffe) return false;
  }
  return true;
}

/** Characters XML 1.0 does not allow at all, written or referred to: control characters other than tab and line breaks, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function isXmlChar(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function refuseNonXmlChars(raw: string): void {
  const found = NOT_XML_CHAR.exec(raw);
  if (found) throw new XmlError(`a character XML does not allow (U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
}

function decodeText(raw: string): string {
  if (plain(raw)) return raw;
  if (raw.includes(']]>')) throw new XmlError('"]]>" in text');
  refuseNonXmlChars(raw);
  const broken = raw.includes('\r') ? normaliseBreaks(raw) : raw;
  return broken.includes('&') ? decodeReferences(broken) : broken;
}

function decodeAttribute(raw: string): string {
  if (plain(raw)) return raw;
  if (raw.includes('<')) throw new XmlError(`"<" in an attribute value ("${raw.slice(0, 40)}")`);
  refuseNonXmlChars(raw);
  const spaced = /[\t\n\r]/.test(raw) ? normaliseBreaks(raw).replace(/[\t\n]/g, ' ') : raw;
  return spaced.includes('&') ? decodeReferences(spaced) : spaced;
}

/** Markup that is not an element, by how it starts: how it ends, and whether what it holds is text. */
interface OtherMarkup {
  start: string;
  end: string;
  text: boolean;
}
const OTHER_MARKUP: OtherMarkup[] = [
  { start: '<!--', end: '-->', text: false },
  { start: '<![CDATA[', end: ']]>', text: true },
  { start: '<?', end: '?>', text: false },
];
/**
 * The other markup starting at `lt`, if any. A function of its own, not a find() with an arrow in the scanning
 * loop: an arrow there that uses the loop's `input` and `lt` makes V8 keep them in a context object made afresh on
 * every pass of the loop, once a part's XML declaration has run it. That was about 27 MB of short-lived objects for
 * a 14 MB worksheet, more than all the strings the scanner takes out of it.
 */
function otherMarkupAt(input: string, lt: number): OtherMarkup | undefined {
  for (const markup of OTHER_MARKUP) if (input.startsWith(markup.start, lt)) return markup;
  return undefined;
}

/** The longest of their starts: a "<!" or "<?" nearer than this to the end of a chunk may be cut off. */
const LONGEST_START = 9;

export class XmlScanner {
  /** Input not yet read: the tail of the last chunk, which may stop part-way through a tag or a reference. */
  private pending = '';
  /** Inside a comment, CDATA section or processing instruction that runs past a chunk: how it ends. */
  private inside: { end: string; text: boolean } | null = null;
  /** Open elements' names, innermost last, to check each end tag against its start. */
  private readonly open: string[] = [];
  private seenRoot = false;
  private closed = false;
  private readonly attributes = new Attributes();

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): void {
    if (this.closed) throw new XmlError('more input after the end');
    const input = this.pending ? this.pending + chunk : chunk;
    this.pending = input.slice(this.scan(input, false));
  }

  /** The end of the input: anything left unread or unclosed is damage. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const input = this.pending;
    this.pending = '';
    const stopped = this.scan(input, true);
    if (this.inside) throw new XmlError(`the part ends inside markup that "${this.inside.end}" should end`);
    if (stopped < input.length) throw new XmlError(`the part ends part-way through "${input.slice(stopped, stopped + 40)}"`);
    if (this.open.length) throw new XmlError(`the part ends with <${this.open[this.open.length - 1]}> still open`);
    if (!this.seenRoot) throw new XmlError('the part holds no element');
  }

  /** Reads markup and text from `input`, and returns where it stopped: the start of what is not wholly in it. */
  private scan(input: string, final: boolean): number {
    const { handlers, open } = this;
    let at = input.length && input.charCodeAt(0) === 0xfeff && !this.seenRoot ? 1 : 0;
    if (this.inside) {
      at = this.finishInside(input, 0, final);
      if (this.inside) return at;
    }
    for (;;) {
      const lt = input.indexOf('<', at);
      if (lt < 0) {
        // Text running to the end of a chunk goes on in the next; hand on what cannot change (not a reference cut
        // short, nor a CR that an LF may follow) and keep the rest.
        const end = final ? input.length : textSafeEnd(input, at);
        if (end > at) this.text(input.slice(at, end));
        return end;
      }
      if (lt > at) this.text(input.slice(at, lt));
      const next = input.charCodeAt(lt + 1);
      if (next === SLASH) {
        const gt = input.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        // Nearly every end tag is exactly the name it closes: checked in place, as the name taken out of the input
        // was a new string for every end tag (two a cell of a worksheet).
        const innermost = open[open.length - 1];
        if (innermost !== undefined && gt - lt - 2 === innermost.length && input.startsWith(innermost, lt + 2)) {
          open.pop();
          handlers.close();
          at = gt + 1;
          continue;
        }
        let name = input.slice(lt + 2, gt);
        // Only XML's own white space may end an end tag (trimEnd would also take a no-break space).
        if (isSpace(name.charCodeAt(name.length - 1))) name = name.replace(TRAILING_XML_SPACE, '');
        const expected = open.pop();
        if (name !== expected) throw new XmlError(expected === undefined ? `</${name}> closes nothing` : `</${name}> where </${expected}> was expected`);
        handlers.close();
        at = gt + 1;
      } else if (next === BANG || next === QUESTION) {
        const markup = otherMarkupAt(input, lt);
        if (!markup) {
          if (input.length - lt < LONGEST_START && !final) return lt;
          // A DOCTYPE among them: a package's parts may not declare one (ECMA-376 Part 2, 8.1.4), and one may be
          // an attempt to make a parser fetch or expand entities.
          throw new XmlError(`unexpected markup "${input.slice(lt, lt + 12)}"${input.startsWith('<!DOCTYPE', lt) ? ' (a part of a workbook may not have a DOCTYPE)' : ''}`);
        }
        if (markup.text && !open.length) throw new XmlError('a CDATA section outside the root element');
        this.inside = markup;
        at = this.finishInside(input, lt + markup.start.length, final);
        if (this.inside) return at;
      } else if (next !== next /* NaN: the "<" ends the chunk */) {
        return lt;
      } else {
        const end = this.startTag(input, lt);
        if (end < 0) return lt;
        at = end;
      }
    }
  }

  /**
   * Reads on from `from` inside a comment, CDATA section or processing instruction to its end, handing on a CDATA
   * section's text. Returns where it stopped: past the end, or, if the end is not in `input`, where the part of
   * the input kept for the next chunk starts (the few characters that could begin the end marker).
   */
  private finishInside(input: string, from: number, final: boolean): number {
    const inside = this.inside as { end: string; text: boolean };
    const close = input.indexOf(inside.end, from);
    let stop = close >= 0 ? close : final ? input.length : Math.max(from, input.length - (inside.end.length - 1));
    if (close < 0 && !final && stop > from && input.charCodeAt(stop - 1) === 0x0d) stop--;
    if (inside.text && stop > from) {
      const text = input.slice(from, stop);
      refuseNonXmlChars(text);
      this.handlers.text(text.includes('\r') ? normaliseBreaks(text) : text);
    }
    if (close < 0) return stop;
    this.inside = null;
    return close + inside.end.length;
  }

  private text(raw: string): void {
    if (this.open.length === 0) {
      if (NOT_XML_SPACE.test(raw)) throw new XmlError(`text outside the root element ("${raw.trim().slice(0, 40)}")`);
      return;
    }
    this.handlers.text(decodeText(raw));
  }

  /** A start tag at `lt`: hands it on and returns where it ends, or -1 if it is not wholly in `input`. */
  private startTag(input: string, lt: number): number {
    let i = lt + 1;
    const length = input.length;
    while (i < length) {
      const code = input.charCodeAt(i);
      if (isSpace(code) || code === GT || code === SLASH) break;
      i++;
    }
    if (i >= length) return -1;
    const name = input.slice(lt + 1, i);
    if (!name) throw new XmlError(`a "<" that starts no tag ("${input.slice(lt, lt + 20)}")`);
    const { attributes } = this;
    attributes.reset();
    for (;;) {
      while (i < length && isSpace(input.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const code = input.charCodeAt(i);
      if (code === GT || code === SLASH) break;
      const nameStart = i;
      while (i < length) {
        const c = input.charCodeAt(i);
        if (c === EQUALS || isSpace(c) || c === GT || c === SLASH) break;
        i++;
      }
      const attribute = input.slice(nameStart, i);
      while (i < length && isSpace(input.charCodeAt(i))) i++;
      if (i >= length) return -1;
      if (input.charCodeAt(i) !== EQUALS) throw new XmlError(`attribute "${attribute}" of <${name}> has no value`);
      i++;
      while (i < length && isSpace(input.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const quote = input.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlError(`attribute "${attribute}" of <${name}> is not in quotes`);
      const valueEnd = input.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (valueEnd < 0) return -1;
      if (!attributes.add(attribute, decodeAttribute(input.slice(i + 1, valueEnd)))) throw new XmlError(`<${name}> has attribute "${attribute}" twice`);
      i = valueEnd + 1;
      const after = input.charCodeAt(i);
      if (i < length && !isSpace(after) && after !== GT && after !== SLASH) throw new XmlError(`<${name}> has no space between its attributes`);
    }
    const empty = input.charCodeAt(i) === SLASH;
    if (empty) {
      if (i + 1 >= length) return -1;
      if (input.charCodeAt(i + 1) !== GT) throw new XmlError(`"/" not followed by ">" in <${name}>`);
      i++;
    }
    if (this.open.length === 0) {
      if (this.seenRoot) throw new XmlError(`a second root element <${name}>`);
      this.seenRoot = true;
    }
    this.open.push(name);
    this.handlers.open(name, attributes);
    if (empty) {
      this.open.pop();
      this.handlers.close();
    }
    return i + 1;
  }
}
