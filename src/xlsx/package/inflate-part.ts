/**
 * A zipped part's bytes as they inflate, by Node's own zlib where the part is deflated (nearly every part of an
 * .xlsx), else by JSZip. JSZip inflates in JavaScript (pako) and passes each piece through a chain of its own
 * workers; zlib does the same work natively, off the main thread.
 */
import * as zlib from 'node:zlib';
import JSZip from 'jszip';

/** What streamPart needs of a part's stream: its pieces, its end or failure, and a way to stop it early. */
export interface InflateStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: 'error', listener: (error: Error) => void): InflateStream;
  on(event: 'end', listener: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}

/** JSZip's record of a part read from a zip (lib/compressedObject.js): not in its type definitions. */
interface CompressedObject {
  compression?: { magic?: string };
  compressedContent?: unknown;
  uncompressedSize?: unknown;
}

/** The deflate method's two bytes in a zip entry, as JSZip records them (lib/compressions.js). */
const DEFLATE_MAGIC = '\x08\x00';

/** Bytes inflated per piece: as JSZip's own pieces, small next to a sheet. */
const PIECE_BYTES = 64 * 1024;

function zlibStream(data: Uint8Array, size: number): InflateStream {
  const inflater = zlib.createInflateRaw({ chunkSize: PIECE_BYTES });
  let inflated = 0;
  let onEnd: (() => void) | null = null;
  let onError: ((error: Error) => void) | null = null;
  inflater.on('data', (chunk: Buffer) => {
    inflated += chunk.length;
  });
  inflater.on('end', () => {
    // JSZip refuses a part whose inflated size differs from what the zip declares: so does this.
    if (inflated !== size) onError?.(new Error(`the part inflates to ${inflated} bytes, not the ${size} its zip entry declares`));
    else onEnd?.();
  });
  const stream: InflateStream = {
    on(event: 'data' | 'error' | 'end', listener: ((chunk: Uint8Array) => void) | ((error: Error) => void) | (() => void)) {
      if (event === 'data') inflater.on('data', listener as (chunk: Uint8Array) => void);
      else if (event === 'error') inflater.on('error', (onError = listener as (error: Error) => void));
      else onEnd = listener as () => void;
      return stream;
    },
    // Stopping is for good (a limit was passed, or the reader failed): nothing more is inflated.
    pause() {
      inflater.destroy();
      return stream;
    },
    resume() {
      inflater.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      return stream;
    },
  };
  return stream;
}

/** The part's inflating stream, and which inflater it uses. */
export function inflatingStream(file: JSZip.JSZipObject): InflateStream & { by: 'zlib' | 'JSZip' } {
  const record = (file as unknown as { _data?: CompressedObject })._data;
  const content = record?.compressedContent;
  if (record?.compression?.magic === DEFLATE_MAGIC && ArrayBuffer.isView(content) && typeof record.uncompressedSize === 'number') {
    return Object.assign(zlibStream(content as Uint8Array, record.uncompressedSize), { by: 'zlib' as const });
  }
  return Object.assign((file as unknown as { internalStream(type: 'uint8array'): InflateStream }).internalStream('uint8array'), { by: 'JSZip' as const });
}
