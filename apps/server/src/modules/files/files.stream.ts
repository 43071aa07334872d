/**
 * A file's content in the database: fixed-size chunks in `file_chunks`, written as the upload
 * arrives and read back as the download leaves, so that neither holds the file in memory.
 * Every chunk but the last is exactly CHUNK_BYTES long, which lets a Range request find its
 * first chunk by arithmetic.
 */
import { Readable } from 'node:stream';

/** The size of a stored chunk: 256 KB. */
export const CHUNK_BYTES = 256 * 1024;

/** The bytes of a stream cut again into pieces of exactly `size` (the last may be shorter). */
export async function* fixedChunks(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const data of source) {
    let rest = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    while (held + rest.length >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      held = 0;
      rest = rest.subarray(take);
    }
    if (rest.length) {
      // Copied: the source may reuse its buffer once we ask for the next piece.
      parts.push(Buffer.from(rest));
      held += rest.length;
    }
  }
  if (held) yield Buffer.concat(parts, held);
}

/** A byte range asked for: the whole file, a part (inclusive bounds), or one that lies outside. */
export type ByteRange =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  | { kind: 'outside' };

/**
 * The range a `Range` header asks of a file of `size` bytes (RFC 9110 §14). One range only:
 * several ranges, another unit or a header that does not parse are ignored (the whole file is
 * sent, as the RFC allows); a range starting past the end is `outside` (416).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  const [first, last] = [m[1]!, m[2]!];
  if (first === '') {
    // The last n bytes.
    const n = Number(last);
    if (n === 0) return { kind: 'outside' };
    return { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start)) return { kind: 'whole' };
  if (start >= size) return { kind: 'outside' };
  if (end < start) return { kind: 'whole' };
  return { kind: 'part', start, end: Math.min(end, size - 1) };
}

/** Reads the chunks numbered `from` to `to` (inclusive), in order. */
export type ChunkReader = (from: number, to: number) => Promise<Buffer[]>;

/** How many chunks one query reads: 1 MB. */
const CHUNKS_PER_READ = 4;

/**
 * Bytes `start` to `end` (inclusive) of a stored file as a stream, read a few chunks at a time as
 * the client takes them. A chunk missing from the store ends the stream with an error.
 */
export function chunkStream(read: ChunkReader, start: number, end: number): Readable {
  const firstSeq = Math.floor(start / CHUNK_BYTES);
  const lastSeq = Math.floor(end / CHUNK_BYTES);
  return Readable.from(
    (async function* () {
      for (let seq = firstSeq; seq <= lastSeq; seq += CHUNKS_PER_READ) {
        const to = Math.min(seq + CHUNKS_PER_READ - 1, lastSeq);
        const chunks = await read(seq, to);
        if (chunks.length !== to - seq + 1) throw new Error(`file chunks ${seq}..${to} are missing`);
        for (const [i, chunk] of chunks.entries()) {
          const offset = (seq + i) * CHUNK_BYTES;
          const from = Math.max(start - offset, 0);
          const until = Math.min(end - offset + 1, chunk.length);
          yield chunk.subarray(from, until);
        }
      }
    })(),
    { objectMode: false },
  );
}
