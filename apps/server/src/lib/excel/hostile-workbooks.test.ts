import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { hostileSpreadsheets } from '../../../test/zip-bomb';
import { BadWorkbookError, openTable, type TableSpec } from './table-reader';

/**
 * Files built to hurt the server, read as an upload is: small zips that inflate to gigabytes (one
 * cell, the shared strings), rows past the sheet's end, and files that are not .xlsx at all. Each
 * is refused as a bad workbook while it streams, before memory or time run out.
 */
const spec: TableSpec = { columns: { 姓名: [], 身份证号: [], 手机号: [] } };
const FILES = hostileSpreadsheets(['姓名', '身份证号', '手机号']);

async function readAll(file: Buffer) {
  const table = await openTable(Readable.from(file), spec);
  try {
    for await (const _ of table.rows);
  } finally {
    await table.close();
  }
}

/** The sizes the zip's directory declares for its parts, inflated. */
async function inflatedBytes(file: Buffer): Promise<number> {
  const zip = await yauzl.fromBufferPromise(file, { lazyEntries: true });
  let total = 0;
  for await (const entry of zip.eachEntry()) total += entry.uncompressedSize;
  zip.close();
  return total;
}

describe('hostile spreadsheets', () => {
  it('are small on the wire and past a gigabyte inflated', async () => {
    for (const name of ['a cell that inflates past 1 GB', 'shared strings that inflate past 1 GB']) {
      expect(FILES[name]!.length, name).toBeLessThan(2 * 1024 * 1024);
      expect(await inflatedBytes(FILES[name]!), name).toBeGreaterThan(1024 ** 3);
    }
  });

  it.each(Object.keys(FILES))('refuses %s as a bad workbook', async (name) => {
    const before = process.memoryUsage().rss;
    await expect(readAll(FILES[name]!)).rejects.toBeInstanceOf(BadWorkbookError);
    // Refused while streaming: nowhere near the gigabyte held in memory.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
