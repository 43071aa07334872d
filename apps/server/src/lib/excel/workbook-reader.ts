/**
 * exceljs's streaming WorkbookReader, with UTF-8 decoded across chunk boundaries.
 *
 * exceljs 4.4.0 decodes every chunk of a sheet or of the shared-strings table on its own
 * (`TextDecoder.decode(chunk)` in utils/parse-sax.js), so a Chinese character whose three bytes
 * straddle two chunks becomes "��": a 20,000-row sheet lost a handful of cells that way. It
 * passes strings through untouched, so here the XML reaches it already decoded by a
 * StringDecoder, which carries a split character over to the next chunk. The two overridden
 * methods are exceljs internals: exceljs is pinned, and table-reader.test.ts fails if this breaks.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

export interface ReaderOptions {
  sharedStrings: 'cache';
  styles: 'cache';
  hyperlinks: 'ignore';
  worksheets: 'emit';
}

interface WorkbookReaderInternals {
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: ReaderOptions,
) => WorkbookReaderInternals;

/** The chunks as text; `destroy` still reaches a spooled sheet's file stream (see table-reader). */
function decoded(source: AsyncIterable<unknown>): AsyncIterable<string> & { destroy?: () => void } {
  async function* text() {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of source) {
      const s = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  const out: AsyncIterable<string> & { destroy?: () => void } = text();
  const destroy = (source as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') out.destroy = () => destroy.call(source);
  return out;
}

export class Utf8WorkbookReader extends Base {
  override _parseSharedStrings(entry: Readable) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
    return super._parseWorksheet(decoded(iterator), sheetNo);
  }
}
