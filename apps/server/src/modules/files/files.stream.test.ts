import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, chunkStream, fixedChunks, parseRange } from './files.stream';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of source) out.push(x);
  return out;
}

async function* pieces(data: Buffer, sizes: number[]) {
  let at = 0;
  for (let i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length]!;
    yield data.subarray(at, at + n);
    at += n;
  }
}

describe('fixedChunks', () => {
  it('cuts pieces of any size into chunks of exactly the size, the last one shorter', async () => {
    const data = randomBytes(10_000);
    const chunks = await collect(fixedChunks(pieces(data, [1, 333, 4096, 7]), 1024));
    expect(chunks.map((c) => c.length)).toEqual([...Array(9).fill(1024), 10_000 - 9 * 1024]);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('yields nothing for nothing, and no empty last chunk for an exact multiple', async () => {
    expect(await collect(fixedChunks(pieces(Buffer.alloc(0), [5]), 4))).toEqual([]);
    const chunks = await collect(fixedChunks(pieces(randomBytes(8), [3]), 4));
    expect(chunks.map((c) => c.length)).toEqual([4, 4]);
  });

  it('keeps its bytes when the source reuses its buffer', async () => {
    const shared = Buffer.alloc(3);
    async function* reusing() {
      for (const b of [1, 2, 3]) {
        shared.fill(b);
        yield shared;
      }
    }
    const chunks = await collect(fixedChunks(reusing(), 4));
    expect(Buffer.concat(chunks)).toEqual(Buffer.from([1, 1, 1, 2, 2, 2, 3, 3, 3]));
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'part', start: 900, end: 999 }],
    ['bytes=900-5000', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['bytes=1000-', { kind: 'outside' }],
    ['bytes=1000-1001', { kind: 'outside' }],
    ['bytes=-0', { kind: 'outside' }],
    ['bytes=5-1', { kind: 'whole' }],
    ['bytes=0-1,5-6', { kind: 'whole' }],
    ['items=0-1', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    ['bytes=abc', { kind: 'whole' }],
    ['bytes=99999999999999999999-', { kind: 'whole' }],
  ])('%s of 1000 bytes → %j', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('chunkStream', () => {
  const data = randomBytes(CHUNK_BYTES * 9 + 100);
  const stored = Array.from({ length: 10 }, (_, i) => data.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
  const reads: [number, number][] = [];
  const read = async (from: number, to: number) => {
    reads.push([from, to]);
    return stored.slice(from, to + 1);
  };
  const bytes = async (start: number, end: number) =>
    Buffer.concat(await collect<Buffer>(chunkStream(read, start, end)));

  it('sends the whole file, reading a few chunks at a time', async () => {
    reads.length = 0;
    expect((await bytes(0, data.length - 1)).equals(data)).toBe(true);
    expect(reads).toEqual([
      [0, 3],
      [4, 7],
      [8, 9],
    ]);
  });

  it('sends a range inside one chunk and one across chunks, reading only the chunks it needs', async () => {
    reads.length = 0;
    expect((await bytes(10, 19)).equals(data.subarray(10, 20))).toBe(true);
    expect(reads).toEqual([[0, 0]]);
    reads.length = 0;
    const [start, end] = [CHUNK_BYTES * 5 - 3, CHUNK_BYTES * 6 + 3];
    expect((await bytes(start, end)).equals(data.subarray(start, end + 1))).toBe(true);
    expect(reads).toEqual([[4, 6]]);
  });

  it('fails when a chunk is missing from the store', async () => {
    const gappy = chunkStream(async () => [], 0, 10);
    await expect(collect(gappy)).rejects.toThrow(/missing/);
  });
});
