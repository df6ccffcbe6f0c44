/**
 * Parts the tool writes, deflated by Node's own zlib as they are made rather than by JSZip when the file is
 * generated. JSZip deflates in JavaScript (pako), about three times slower than zlib; and a big sheet deflated a
 * megabyte at a time is never held whole as XML. JSZip takes the deflated bytes as they are (as it does for the
 * officer's parts it carries over) and only writes the zip's headers around them.
 */
import * as zlib from 'node:zlib';
import { crc32Combine } from './crc32-combine';

/**
 * Level 1, fast deflate: at 50,000 actions it writes the board pack's 90 MB of XML in about a third of the time the
 * default level 6 takes, for a file about 15% larger (measured in docs/PERFORMANCE.md).
 */
export const DEFLATE_LEVEL = 1;

/**
 * JSZip's own holder of already-compressed bytes (lib/compressedObject.js, used for the parts of a loaded zip). Its
 * `file()` keeps such content as it is, and generating the zip with DEFLATE reuses the bytes. Not in JSZip's type
 * definitions, so it is required from the library's own file: the same module JSZip's `instanceof` checks use.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CompressedObject: new (compressedSize: number, uncompressedSize: number, crc32: number, compression: unknown, data: Buffer) => object = require('jszip/lib/compressedObject');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const DEFLATE: unknown = require('jszip/lib/compressions').DEFLATE;

/** A part's bytes, raw-deflated, with what a zip entry records of them: their size and CRC-32 before deflating. */
export interface DeflatedPart {
  deflated: Buffer;
  size: number;
  crc32: number;
}

/** The content JSZip's `file()` takes for a deflated part. */
export function zipContent(part: DeflatedPart): object | string {
  // JSZip stores an empty part as an empty string; it refuses an empty compressed object.
  return part.size === 0 ? '' : new CompressedObject(part.deflated.length, part.size, part.crc32, DEFLATE, part.deflated);
}

/**
 * A whole part at once. CRC-32 and deflate in one native pass: a gzip member is a 10-byte header (Node writes no
 * optional fields), the raw deflate stream, then the CRC-32 and size of the input.
 */
export function deflatePart(content: string | Buffer): DeflatedPart {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const gz = zlib.gzipSync(data, { level: DEFLATE_LEVEL });
  return { deflated: gz.subarray(10, gz.length - 8), size: data.length, crc32: gz.readUInt32LE(gz.length - 8) };
}

/**
 * CRC-32 (IEEE), continued across the chunks of a part written in pieces: zlib's own where Node has it (20.15 on),
 * else table-driven.
 */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

type Crc32 = (data: Buffer, value: number) => number;
const nativeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;
const crc32: Crc32 =
  nativeCrc32 ??
  ((data, value) => {
    let c = ~value;
    for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
  });

/** Text bytes gathered before they are deflated: big enough that the deflate calls are few, small next to a sheet. */
const CHUNK_BYTES = 1 << 20;

/**
 * A part written as text in many small pieces (a sheet's rows) and deflated a megabyte at a time, so its XML is
 * never whole in memory. Each megabyte is deflated on its own and ended with a sync flush, which leaves the deflate
 * stream open; the pieces joined, with one empty final block after them, are one valid deflate stream.
 */
export class PartDeflater {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES + 4 * 65_536);
  private used = 0;
  private readonly pieces: Buffer[] = [];
  private size = 0;
  private crc = 0;

  write(text: string): void {
    // A UTF-8 character takes at most three bytes per UTF-16 unit: make room for the worst case first.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    if (this.used >= CHUNK_BYTES) this.flush();
  }

  private flush(): void {
    if (!this.used) return;
    const chunk = this.buffer.subarray(0, this.used);
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.pieces.push(zlib.deflateRawSync(chunk, { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    this.used = 0;
  }

  /**
   * Puts `text` before everything written so far: for an opening known only at the end (a sheet's dimension). It is
   * deflated as a piece of its own, ahead of the others, and its CRC joined to theirs.
   */
  prepend(text: string): void {
    this.flush();
    const bytes = Buffer.from(text, 'utf8');
    this.crc = crc32Combine(crc32(bytes, 0), this.crc, this.size);
    this.size += bytes.length;
    this.pieces.unshift(zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  done(): DeflatedPart {
    this.flush();
    // The last block: an empty fixed-Huffman block marked final (bits 1, 01, then end-of-block 0000000).
    this.pieces.push(Buffer.from([0x03, 0x00]));
    return { deflated: Buffer.concat(this.pieces), size: this.size, crc32: this.crc };
  }
}
