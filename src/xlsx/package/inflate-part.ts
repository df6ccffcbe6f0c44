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

/**
 * Pieces inflated ahead of the reader at most (half a megabyte): zlib then waits for the reader to catch up, so a
 * part that inflates faster than it is read is never held whole.
 */
const PIECES_AHEAD = 8;

/**
 * Each piece is handed to the reader on the next turn of the event loop, not as zlib gives it: zlib starts on the
 * next piece only once the listener for this one returns, so reading in the listener left zlib idle while the piece
 * was read and the reader idle while the next was inflated (about 110 ms of a 50,000-action run). Now one inflates
 * while the other reads. The end, and any failure, come after the pieces before them, as they did.
 */
function zlibStream(data: Uint8Array, size: number): InflateStream {
  const inflater = zlib.createInflateRaw({ chunkSize: PIECE_BYTES });
  let inflated = 0;
  let onData: ((chunk: Uint8Array) => void) | null = null;
  let onEnd: (() => void) | null = null;
  let onError: ((error: Error) => void) | null = null;
  const ahead: Uint8Array[] = [];
  /** How the inflating finished, once it has: with its end, or with a failure. */
  let finished: { error: Error | null } | null = null;
  let scheduled = false;
  let stopped = false;

  const finish = (): void => {
    const error = finished?.error ?? (inflated !== size ? new Error(`the part inflates to ${inflated} bytes, not the ${size} its zip entry declares`) : null);
    // JSZip refuses a part whose inflated size differs from what the zip declares: so does this.
    if (error) onError?.(error);
    else onEnd?.();
  };
  const deliver = (): void => {
    scheduled = false;
    while (ahead.length && !stopped) onData?.(ahead.shift()!);
    if (stopped) return;
    if (finished) finish();
    else if (inflater.isPaused()) inflater.resume();
  };
  const schedule = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(deliver);
  };

  inflater.on('data', (chunk: Buffer) => {
    inflated += chunk.length;
    ahead.push(chunk);
    if (ahead.length >= PIECES_AHEAD) inflater.pause();
    schedule();
  });
  inflater.on('end', () => {
    finished = { error: null };
    schedule();
  });
  inflater.on('error', (error: Error) => {
    finished = { error };
    schedule();
  });
  const stream: InflateStream = {
    on(event: 'data' | 'error' | 'end', listener: ((chunk: Uint8Array) => void) | ((error: Error) => void) | (() => void)) {
      if (event === 'data') onData = listener as (chunk: Uint8Array) => void;
      else if (event === 'error') onError = listener as (error: Error) => void;
      else onEnd = listener as () => void;
      return stream;
    },
    // Stopping is for good (a limit was passed, or the reader failed): nothing more is inflated or handed on.
    pause() {
      stopped = true;
      ahead.length = 0;
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
