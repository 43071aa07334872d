/**
 * The parts of a zip file by name, found through its central directory (yauzl) rather than by
 * reading the local headers in file order: writers lay out the parts of an .xlsx in different
 * orders, and a part read this way can be opened whatever its place. A part is inflated as it is
 * read and never held whole. A file that is not a zip, an encrypted part or a compression method
 * other than stored and deflate is refused with yauzl's error.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipArchive {
  /** Whether the zip holds a part; names compare case-insensitively, as OPC part names do. */
  has(name: string): boolean;
  /** A part's content, inflated as it is read; destroying the stream stops the reading. */
  open(name: string): Promise<Readable>;
  /** Releases the file once the parts still open have been read or destroyed (safe to call twice). */
  close(): void;
}

/** Opens the zip at `path` and reads its central directory. */
export async function openZip(path: string): Promise<ZipArchive> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  // yauzl reports a failure to close the file as an event; unheard, it would end the process.
  zip.on('error', () => {});
  const entries = new Map<string, yauzl.Entry>();
  try {
    // Backslashes some writers put between folders come out as slashes.
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    has: (name) => entries.has(name.toLowerCase()),
    open(name) {
      const entry = entries.get(name.toLowerCase());
      if (!entry) return Promise.reject(new Error(`no part ${name}`));
      return zip.openReadStreamPromise(entry);
    },
    close: () => zip.close(),
  };
}
