/**
 * The package's XML reader against saxes, the conforming parser it replaced: on random documents, split into
 * chunks at random places, both must report the same elements, attributes and text; on damaged ones, both must fail.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XmlScanner } from '../src/xlsx/package/xml-scanner';

type Event = string;

/** Events as saxes reports them, with adjacent text (and CDATA) joined, and text outside the root left out. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  let text = '';
  let depth = 0;
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    flush();
    depth++;
    events.push(`open ${tag.name} ${JSON.stringify(Object.entries(tag.attributes).sort(([a], [b]) => a.localeCompare(b)))}`);
  });
  parser.on('text', (t) => {
    if (depth) text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', () => {
    flush();
    depth--;
    events.push('close');
  });
  parser.write(xml).close();
  return events;
}

function scannerEvents(chunks: string[]): Event[] {
  const events: Event[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${JSON.stringify(text)}`);
    text = '';
  };
  const scanner = new XmlScanner({
    open(name, attributes) {
      flush();
      const pairs: [string, string][] = [];
      // Attributes carries no list of its own; the test asks for every name the generator can write.
      for (const n of ATTRIBUTE_NAMES) {
        const v = attributes.get(n);
        if (v !== undefined) pairs.push([n, v]);
      }
      events.push(`open ${name} ${JSON.stringify(pairs.sort(([a], [b]) => a.localeCompare(b)))}`);
    },
    text(t) {
      expect(t).not.toBe('');
      text += t;
    },
    close() {
      flush();
      events.push('close');
    },
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return events;
}

/** The events, or "damaged" when the reader throws. */
function outcome(read: () => Event[]): Event[] | 'damaged' {
  try {
    return read();
  } catch {
    return 'damaged';
  }
}

function splitAt(xml: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * xml.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(xml.slice(from, p));
    from = p;
  }
  chunks.push(xml.slice(from));
  return chunks;
}

const ELEMENT_NAMES = ['c', 'x:c', 'row', 'v', 't', 'si', 'r', 'is'];
const ATTRIBUTE_NAMES = ['r', 's', 't', 'ref', 'r:id', 'xml:space', 'spans'];
/** Raw text pieces, as a writer might put them in a file: references, line breaks, tabs, markup-like characters. */
const TEXT_PIECES = ['a', 'Plan ', '  ', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#163;', '&#x2013;', '&#x1F600;', '\r\n', '\r', '\n', '\t', '>', ']]', '_x000D_', '£', '–', 'é', '😀'];
/** Raw attribute-value pieces (no "<", and no quote of the kind that delimits the value). */
const VALUE_PIECES = ['A1', '3', ' ', '&amp;', '&#10;', '\t', '\r\n', '\n', '>', '£', 'x'];

const rawText = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((p) => p.join(''));
const rawValue = fc.array(fc.constantFrom(...VALUE_PIECES), { maxLength: 5 }).map((p) => p.join(''));

const attributes = fc
  .uniqueArray(fc.record({ name: fc.constantFrom(...ATTRIBUTE_NAMES), value: rawValue, quote: fc.constantFrom('"', "'"), gap: fc.constantFrom(' ', '\n  ', '\t') }), { selector: (a) => a.name, maxLength: 3 })
  .map((list) => list.map((a) => `${a.gap}${a.name}=${a.quote}${a.value}${a.quote}`).join(''));

const { element } = fc.letrec<{ element: string; content: string }>((tie) => ({
  element: fc
    .record({ name: fc.constantFrom(...ELEMENT_NAMES), attributes, content: fc.oneof({ maxDepth: 4 }, fc.constant(null), tie('content')), space: fc.constantFrom('', ' ') })
    .map(({ name, attributes: attrs, content, space }) => (content === null ? `<${name}${attrs}${space}/>` : `<${name}${attrs}>${content}</${name}${space}>`)),
  content: fc
    .array(
      fc.oneof(
        { maxDepth: 4, depthIdentifier: 'content' },
        rawText,
        tie('element'),
        rawText.map((t) => `<![CDATA[${t.replace(/&/g, '').replace(/]]>/g, '')}]]>`),
        fc.constantFrom('<!-- a comment - with > in it -->', '<?pi some data?>'),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('')),
}));

const document = fc
  .record({ declaration: fc.boolean(), bom: fc.boolean(), root: element, after: fc.constantFrom('', '\n', '<!-- end -->') })
  .map(({ declaration, bom, root, after }) => `${bom ? '\ufeff' : ''}${declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ''}${root}${after}`);

describe('XmlScanner', () => {
  // Text may not hold "]]>", so some documents are damaged: both must then fail.
  it('reports what saxes reports, however the document is split into chunks', () => {
    let runs = 0;
    let damaged = 0;
    fc.assert(
      fc.property(document, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (xml, cuts) => {
        const expected = outcome(() => saxesEvents(xml));
        runs++;
        if (expected === 'damaged') damaged++;
        expect(outcome(() => scannerEvents(splitAt(xml, cuts)))).toEqual(expected);
      }),
      { numRuns: 600 },
    );
    // Most documents are sound, so the comparison is of events, not of failures.
    expect(damaged / runs).toBeLessThan(0.2);
  });

  it('reports the same one character at a time', () => {
    fc.assert(
      fc.property(document, (xml) => {
        expect(outcome(() => scannerEvents([...xml]))).toEqual(outcome(() => saxesEvents(xml)));
      }),
      { numRuns: 150 },
    );
  });

  const damaged: [string, string][] = [
    ['an element left open', '<sheetData><row r="1"><c r="A1"><v>1</v></c>'],
    ['an end tag that does not match', '<sst><si><t>unclosed</si></sst>'],
    ['an end tag closing nothing', '<a/></a>'],
    ['an unknown entity', '<t>&nbsp;</t>'],
    ['an "&" starting no reference', '<t>fish & chips</t>'],
    ['a reference to no character', '<t>&#0;</t>'],
    ['a reference past Unicode', '<t>&#x110000;</t>'],
    ['a "<" in an attribute value', '<c r="A<1"/>'],
    ['an attribute without quotes', '<c r=A1/>'],
    ['an attribute given twice', '<c r="A1" r="A2"/>'],
    ['an attribute without a value', '<c hidden/>'],
    ['attributes run together', '<c r="A1"s="2"/>'],
    ['text outside the root', '<a/>stray'],
    ['two roots', '<a/><b/>'],
    ['no element at all', '<?xml version="1.0"?>'],
    ['a DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['a comment never closed', '<a><!-- open'],
    ['a CDATA section never closed', '<a><![CDATA[open'],
    ['a tag cut short', '<a><c r="A1"'],
    ['a lone "<"', '<a>1 < 2</a>'],
    ['an entity named like a property of every object', '<t>&constructor;</t>'],
    ['an entity named __proto__ in an attribute', '<t a="&__proto__;"/>'],
    ['a reference to a control character', '<t>&#1;</t>'],
    ['a reference to U+FFFE', '<t>&#xFFFE;</t>'],
    ['a control character written as it is', '<t>a\u0001b</t>'],
    ['a control character in a long text', `<t>${'x'.repeat(100)}\u0002</t>`],
    ['a control character in an attribute value', '<c r="A\u00011"/>'],
    ['a control character in a CDATA section', '<t><![CDATA[a\u0003b]]></t>'],
    ['a no-break space closing an end tag', '<a></a\u00a0>'],
    ['a no-break space before the root', '\u00a0<a/>'],
  ];

  it('reads a tag with 40,000 attributes, and finds one given twice among them', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ` a${i}="${i}"`).join('');
    let found: string | undefined;
    const scanner = new XmlScanner({ open: (_name, attributes) => (found = attributes.get('a39999')), text: () => {}, close: () => {} });
    // In 64 KB chunks, as a part arrives: a tag cut by a chunk is read again from its start.
    const xml = `<c${many}/>`;
    for (let i = 0; i < xml.length; i += 65_536) scanner.write(xml.slice(i, i + 65_536));
    scanner.close();
    expect(found).toBe('39999');
    expect(() => scannerEvents([`<c${many} a20000="again"/>`])).toThrow(/has attribute "a20000" twice/);
  });

  it.each(damaged)('fails on %s, as saxes does', (_what, xml) => {
    expect(() => saxesEvents(xml)).toThrow();
    expect(() => scannerEvents([xml])).toThrow(/The XML is damaged/);
    // However it arrives.
    expect(() => scannerEvents([...xml])).toThrow(/The XML is damaged/);
  });
});
