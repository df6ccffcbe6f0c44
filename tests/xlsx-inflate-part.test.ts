/**
 * Parts are inflated by Node's zlib rather than JSZip's own inflater: the bytes must be the same, a zip entry that
 * lies about its inflated size must still be refused, and stopping part-way must stop the inflating.
 */
import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import { inflatingStream } from '../src/xlsx/package/inflate-part';

/** Every byte of a part's stream, or its error. */
function drain(file: JSZip.JSZipObject, stopAfter = Infinity): Promise<{ bytes: Buffer; pieces: number; error?: Error }> {
  return new Promise((resolve) => {
    const pieces: Buffer[] = [];
    const stream = inflatingStream(file);
    stream
      .on('data', (chunk) => {
        pieces.push(Buffer.from(chunk));
        if (pieces.length >= stopAfter) {
          stream.pause();
          // Nothing more arrives once stopped: give the inflater a moment to prove it.
          setTimeout(() => resolve({ bytes: Buffer.concat(pieces), pieces: pieces.length }), 50);
        }
      })
      .on('error', (error) => resolve({ bytes: Buffer.concat(pieces), pieces: pieces.length, error }))
      .on('end', () => resolve({ bytes: Buffer.concat(pieces), pieces: pieces.length }))
      .resume();
  });
}

// About 3 MB of text with two-byte and astral characters, which deflates well but not trivially.
const TEXT = Array.from({ length: 40_000 }, (_, i) => `<row r="${i}"><c><is><t>Action ${i} • review – ${'é'.repeat(i % 13)} 😀 ${i * 7919}</t></is></c></row>`).join('');

async function zipped(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', Buffer.from(text, 'utf8'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('a deflated part inflates by zlib, to the same bytes as JSZip gives', async () => {
  const zip = await JSZip.loadAsync(await zipped(TEXT));
  const file = zip.file('xl/worksheets/sheet1.xml')!;
  expect(inflatingStream(file).by).toBe('zlib');
  const { bytes, pieces, error } = await drain(file);
  expect(error).toBeUndefined();
  expect(pieces).toBeGreaterThan(1);
  expect(bytes.equals(await file.async('nodebuffer'))).toBe(true);
  expect(bytes.toString('utf8') === TEXT).toBe(true);
});

test('a zip entry that declares another inflated size is refused', async () => {
  const data = await zipped(TEXT);
  // The central directory's record of the entry (signature PK\1\2): its uncompressed size is at offset 24.
  let central = data.length - 4;
  while (central >= 0 && data.readUInt32LE(central) !== 0x02014b50) central--;
  expect(data.readUInt32LE(central + 24)).toBe(Buffer.byteLength(TEXT));
  data.writeUInt32LE(data.readUInt32LE(central + 24) - 1, central + 24);
  const zip = await JSZip.loadAsync(data);
  const { error } = await drain(zip.file('xl/worksheets/sheet1.xml')!);
  expect(error?.message).toMatch(/declares/);
});

test('a stored (not deflated) part is left to JSZip', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', Buffer.from(TEXT, 'utf8'));
  const stored = await JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
  const file = stored.file('xl/worksheets/sheet1.xml')!;
  expect(inflatingStream(file).by).toBe('JSZip');
  expect((await drain(file)).bytes.toString('utf8') === TEXT).toBe(true);
});

test('stopping part-way stops the inflating', async () => {
  const zip = await JSZip.loadAsync(await zipped(TEXT));
  const { pieces } = await drain(zip.file('xl/worksheets/sheet1.xml')!, 2);
  expect(pieces).toBe(2);
});

test('a part damaged part-way gives every piece inflated before the damage, then its failure, and nothing after', async () => {
  // Two thirds of the text deflated and flushed to a byte boundary, then a block of a type that does not exist.
  const sound = Buffer.from(TEXT.slice(0, Math.floor((TEXT.length * 2) / 3)), 'utf8');
  const compressedContent = Buffer.concat([zlib.deflateRawSync(sound, { finishFlush: zlib.constants.Z_SYNC_FLUSH }), Buffer.from([0x06, 0, 0, 0])]);
  const damaged = { _data: { compression: { magic: '\x08\x00' }, compressedContent, uncompressedSize: Buffer.byteLength(TEXT) } } as unknown as JSZip.JSZipObject;
  expect(inflatingStream(damaged).by).toBe('zlib');
  // What zlib itself gives before it fails (it may hold back the piece it was filling when it met the damage).
  const beforeFailure = await new Promise<Buffer>((resolve) => {
    const given: Buffer[] = [];
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    inflater.on('data', (chunk: Buffer) => given.push(chunk));
    inflater.on('error', () => resolve(Buffer.concat(given)));
    inflater.end(compressedContent);
  });
  expect(beforeFailure.length).toBeGreaterThan(64 * 1024 * 8);
  expect(sound.subarray(0, beforeFailure.length).equals(beforeFailure)).toBe(true);

  const events: string[] = [];
  const pieces: Buffer[] = [];
  let failure: Error | undefined;
  await new Promise<void>((resolve) => {
    inflatingStream(damaged)
      .on('data', (chunk) => {
        events.push('data');
        pieces.push(Buffer.from(chunk));
        // A slow reader: zlib reaches the damage while pieces before it wait to be read.
        const until = Date.now() + 2;
        while (Date.now() < until);
      })
      .on('error', (error) => {
        events.push('error');
        failure = error;
        setTimeout(resolve, 50);
      })
      .on('end', () => {
        events.push('end');
        resolve();
      })
      .resume();
  });
  expect(failure?.message).toMatch(/invalid block type/);
  expect(Buffer.concat(pieces).equals(beforeFailure)).toBe(true);
  expect(events.filter((e) => e === 'data').length).toBeGreaterThan(8);
  expect(events.indexOf('error')).toBe(events.length - 1);
});
