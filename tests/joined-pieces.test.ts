import fc from 'fast-check';
import { isWide, JoinedPieces } from '../src/xlsx/package/joined-pieces';

describe('JoinedPieces', () => {
  test('each line holds only its own pieces, whether shorter or longer than the line before', () => {
    const line = new JoinedPieces();
    for (const p of ['<row r="1">', '<c/>', '<c/>', '<c/>', '</row>']) line.add(p);
    expect(line.take()).toBe('<row r="1"><c/><c/><c/></row>');
    expect(line.isEmpty).toBe(true);
    line.add('a');
    line.add('b');
    expect(line.take()).toBe('ab');
    for (let i = 0; i < 7; i++) line.add(String(i));
    expect(line.take()).toBe('0123456');
  });

  test('a cleared line leaves nothing for the next', () => {
    const line = new JoinedPieces();
    line.add('dropped');
    line.add('too');
    line.clear();
    expect(line.isEmpty).toBe(true);
    line.add('kept');
    expect(line.take()).toBe('kept');
  });

  test('a line of very many pieces is joined whole, and the next line is joined right after it', () => {
    const line = new JoinedPieces();
    const many = Array.from({ length: 5000 }, (_, i) => `<c r="A${i}"/>`);
    for (const p of many) line.add(p);
    expect(line.take()).toBe(many.join(''));
    // Under half the places: joined from a copy (the part of a row before a wide text), the list kept as it was.
    line.add('x');
    expect(line.take()).toBe('x');
    const some = many.slice(0, 3000);
    for (const p of some) line.add(p);
    expect(line.take()).toBe(some.join(''));
  });
});

describe('JoinedPieces with wide texts kept aside', () => {
  test('writeTo hands on the line in order, wide texts whole and the rest one byte a character, wherever the wide texts fall', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('<c r="A1">', '</c>', 'x', ''), fc.constantFrom('• bullet', '–', 'Plan – 2025/26 “draft”')), { maxLength: 12 }), (pieces) => {
        const line = new JoinedPieces();
        // A longer line first, so the list holds places from before.
        for (let i = 0; i < 40; i++) line.add('<c/>');
        line.take();
        for (const p of pieces) line.addText(p);
        expect(line.isEmpty).toBe(pieces.length === 0);
        const parts: string[] = [];
        line.writeTo((part) => parts.push(part));
        expect(parts.join('')).toBe(pieces.join(''));
        for (const part of parts) expect(isWide(part) ? (pieces as string[]).includes(part) : true).toBe(true);
        expect(line.isEmpty).toBe(true);
        line.add('next');
        expect(line.take()).toBe('next');
      }),
      { numRuns: 500 },
    );
  });
});

describe('isWide', () => {
  test('tells a text with a character past U+00FF from one without', () => {
    for (const t of ['', 'plain', 'café £5 ½ ÿ', '\u0000\t\n']) expect(isWide(t)).toBe(false);
    for (const t of ['• bullet', 'Dudley – plan', '“quoted”', 'Ā', 'emoji 😀', 'x'.repeat(500) + '…']) expect(isWide(t)).toBe(true);
  });
});
