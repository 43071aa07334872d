/**
 * An .xlsx workbook read part by part, never whole. Each part is found the way the format says —
 * the package's relationships name the workbook part, the workbook's relationships name its
 * sheets, styles and shared strings — and opened through the zip's central directory, so neither
 * the order of the parts in the zip nor their names matter.
 *
 * Why not exceljs's streaming WorkbookReader (4.4.0), which this replaced: it reads the zip in
 * file order and spools a sheet met before the shared strings to a temporary file, but while it
 * writes that file unzipper's Parse stream ends early (it emits `end` when its input is consumed,
 * with entries still buffered), so shared strings stored after the sheet (WPS, LibreOffice) were
 * never read and every text cell came out empty. It also found sheets only as `sheetN.xml`,
 * matched rel targets only in relative form, failed on cells without a reference and on prefixed
 * elements, read styles stored after the sheet too late (dates came out as numbers), read a
 * phonetic run instead of the text and decoded chunks of UTF-8 one by one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Relationship,
  readDateStyles,
  readRelationships,
  readSharedStrings,
  readSheetRows,
  readWorkbookPart,
  type SheetContext,
  type SheetRow,
} from './spreadsheet-xml';
import { openZip, type ZipArchive } from './zip-archive';

export type { CellValue, SheetRow } from './spreadsheet-xml';

export interface SheetInfo {
  name: string;
  hidden: boolean;
  /** The worksheet part in the zip. */
  part: string;
}

export interface Workbook {
  /** The worksheets in workbook (tab) order; chart sheets are left out. */
  sheets: readonly SheetInfo[];
  /** A sheet's rows, streamed from the zip; ending the iteration early stops the reading. */
  rows(sheet: SheetInfo): AsyncGenerator<SheetRow, void, undefined>;
  /** Releases the zip and removes the temporary copy of a streamed upload, if one was made. */
  close(): Promise<void>;
}

/** Prefix of the temporary copies of streamed workbooks (see `localFile`). */
export const TEMP_PREFIX = `xlsx-${process.pid}-`;

/**
 * The workbook as a file on disk: the zip's central directory is at its end. A path is used as
 * it is, and so is the file behind a stream of a whole file; any other stream is copied to a
 * temporary file, removed on dispose.
 */
async function localFile(source: string | Readable): Promise<{ path: string; dispose(): Promise<void> }> {
  const none = async () => {};
  if (typeof source === 'string') return { path: source, dispose: none };
  if (
    source instanceof fs.ReadStream &&
    typeof source.path === 'string' &&
    source.bytesRead === 0 &&
    (source as { start?: number }).start === undefined &&
    (source as { end?: number }).end === Number.POSITIVE_INFINITY
  ) {
    source.destroy();
    return { path: source.path, dispose: none };
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const file = path.join(dir, 'workbook.xlsx');
    await pipeline(source, fs.createWriteStream(file));
    return { path: file, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

const dirOf = (part: string) => path.posix.dirname(part).replace(/^\.$/, '');
const relsOf = (part: string) => path.posix.join(dirOf(part), '_rels', `${path.posix.basename(part)}.rels`);

/** The relationships of a part ('' for the package itself). */
async function relationships(zip: ZipArchive, part: string): Promise<Map<string, Relationship>> {
  const relsPart = part ? relsOf(part) : '_rels/.rels';
  return zip.has(relsPart) ? readRelationships(await zip.open(relsPart), dirOf(part)) : new Map();
}

/** The part of a relationship type, or the part writers use by default when none is declared. */
function partOf(
  zip: ZipArchive,
  rels: Map<string, Relationship>,
  type: string,
  usual: string,
): string | null {
  const declared = [...rels.values()].find((r) => r.type === type)?.part;
  if (declared) return declared;
  return zip.has(usual) ? usual : null;
}

/** Opens a workbook and reads everything but its sheets' rows; rejects when it is not one. */
export async function openWorkbook(source: string | Readable): Promise<Workbook> {
  const file = await localFile(source);
  const zip = await openZip(file.path).catch(async (err: unknown) => {
    await file.dispose();
    throw err;
  });
  const close = async () => {
    zip.close();
    await file.dispose();
  };
  try {
    const workbookPart = partOf(zip, await relationships(zip, ''), 'officeDocument', 'xl/workbook.xml');
    if (!workbookPart) throw new Error('no workbook part');
    const workbook = await readWorkbookPart(await zip.open(workbookPart));
    const rels = await relationships(zip, workbookPart);
    const dir = dirOf(workbookPart);
    const stylesPart = partOf(zip, rels, 'styles', path.posix.join(dir, 'styles.xml'));
    const stringsPart = partOf(zip, rels, 'sharedStrings', path.posix.join(dir, 'sharedStrings.xml'));
    const ctx: SheetContext = {
      dateStyles: stylesPart ? await readDateStyles(await zip.open(stylesPart)) : [],
      strings: stringsPart ? await readSharedStrings(await zip.open(stringsPart)) : null,
      date1904: workbook.date1904,
    };
    const sheets: SheetInfo[] = [];
    for (const s of workbook.sheets) {
      const rel = rels.get(s.rId);
      if (rel?.type !== 'worksheet') continue; // a chart sheet has no rows
      if (!zip.has(rel.part)) throw new Error(`no part ${rel.part}`);
      sheets.push({ name: s.name, hidden: s.hidden, part: rel.part });
    }
    return {
      sheets,
      async *rows(sheet) {
        yield* readSheetRows(await zip.open(sheet.part), ctx);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
