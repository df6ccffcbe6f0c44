/**
 * A sheet's opening (its dimension) is known only after its rows are written, so the writer puts it before them at
 * the end (PartDeflater.prepend), joining its CRC-32 to theirs. The bytes and the CRC must be those of the whole part
 * written in order: checked against zlib's own inflate and CRC-32, for texts of any length and any characters.
 */
import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { crc32Combine } from '../src/xlsx/package/crc32-combine';
import { PartDeflater } from '../src/xlsx/package/deflated-part';

const crc32 = (bytes: Buffer): number => (zlib as unknown as { crc32: (data: Buffer, value?: number) => number }).crc32(bytes, 0);

test('the CRC-32 of two runs joined is worked out from the CRC of each', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
      const first = Buffer.from(a);
      const second = Buffer.from(b);
      expect(crc32Combine(crc32(first), crc32(second), second.length)).toBe(crc32(Buffer.concat([first, second])));
    }),
  );
});

test('joining after a run of millions of bytes (a big sheet) gives the CRC-32 of the whole', () => {
  const body = Buffer.alloc(3 * 1024 * 1024 + 17, 'row ');
  const head = Buffer.from('<?xml version="1.0"?><worksheet><dimension ref="A1:R50001"/>');
  expect(crc32Combine(crc32(head), crc32(body), body.length)).toBe(crc32(Buffer.concat([head, body])));
});

test('a part with its opening put in last inflates to the opening then the rest, with their size and CRC-32', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 400 }), { maxLength: 30 }), (head, rows) => {
      const part = new PartDeflater();
      for (const row of rows) part.write(row);
      part.prepend(head);
      const { deflated, size, crc32: crc } = part.done();
      const whole = Buffer.from(head + rows.join(''), 'utf8');
      expect(zlib.inflateRawSync(deflated).equals(whole)).toBe(true);
      expect(size).toBe(whole.length);
      expect(crc).toBe(crc32(whole));
    }),
    { numRuns: 60 },
  );
});

test('an opening put before more than a megabyte of rows (several deflated pieces) still comes first', () => {
  const part = new PartDeflater();
  const row = `<row r="1"><c t="inlineStr"><is><t>${'Action • review arrangements '.repeat(20)}</t></is></c></row>`;
  for (let i = 0; i < 4000; i++) part.write(row);
  part.prepend('<head/>');
  const { deflated, size, crc32: crc } = part.done();
  const whole = Buffer.from(`<head/>${row.repeat(4000)}`, 'utf8');
  expect(whole.length).toBeGreaterThan(2 * 1024 * 1024);
  expect(zlib.inflateRawSync(deflated).equals(whole)).toBe(true);
  expect([size, crc]).toEqual([whole.length, crc32(whole)]);
});
