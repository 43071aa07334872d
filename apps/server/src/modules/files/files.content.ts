/**
 * What an uploaded file is: its type found in the content (magic bytes, by `file-type`), never
 * taken from the name or from the type the client claims, and its name checked against it.
 */
import {
  FILE_PURPOSE_INFO,
  FILE_TYPES,
  type FileMime,
  type FilePurpose,
  isFileMime,
  normalizeText,
  textProblem,
  textProblemMessage,
} from '@ningxin/shared';
import { fileTypeFromBuffer } from 'file-type';
import { badFileName, fileTypeMismatch, fileTypeRefused } from './files.errors';

/** The longest file name kept, in characters (after normalization). */
export const MAX_NAME_LENGTH = 200;

/** Control characters plain text does not hold (tab, line feed, form feed, carriage return may). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them.
const BINARY = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/**
 * Whether the sample reads as plain text: UTF-8 (a byte-order mark allowed) or GB18030, the
 * encoding a Chinese Windows editor saves in, without the control characters binary data holds.
 * `more` says the sample is the start of a longer content (it may end inside a character).
 */
export function isPlainText(sample: Uint8Array, more: boolean): boolean {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: more });
      return !BINARY.test(text);
    } catch {
      // Not this encoding: try the next.
    }
  }
  return false;
}

/** The type the content is of, among those files may have; null for any other or none. */
export async function sniff(sample: Uint8Array, more: boolean): Promise<FileMime | null> {
  const found = await fileTypeFromBuffer(sample);
  if (found) return isFileMime(found.mime) ? found.mime : null;
  return isPlainText(sample, more) ? 'text/plain' : null;
}

/** The lower-case extension of a name (`a.PDF` → `pdf`), '' for none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name a file is kept under: the client's, checked by the input rules for text (no control
 * or direction characters, normalized), at most MAX_NAME_LENGTH characters. A name without an
 * extension gets the content's; a name whose extension says another type is refused.
 */
export function storedName(clientName: string, mime: FileMime): string {
  const problem = textProblem(clientName);
  if (problem) throw badFileName(textProblemMessage('文件名', problem));
  const { extensions } = FILE_TYPES[mime];
  let name = normalizeText(clientName);
  const extension = extensionOf(name);
  if (extension && !(extensions as readonly string[]).includes(extension))
    throw fileTypeMismatch(mime, extension);
  if (!extension) name = `${name || '未命名'}.${extensions[0]}`;
  if ([...name].length > MAX_NAME_LENGTH)
    throw badFileName(`文件名过长（最多 ${MAX_NAME_LENGTH} 个字），请改短后再上传`);
  return name;
}

/**
 * The type and stored name of an upload from the start of its content: the type must be one the
 * purpose accepts and the name's extension must agree with it. Throws a 400 naming `file`.
 */
export async function checkContent(
  sample: Uint8Array,
  more: boolean,
  clientName: string,
  purpose: FilePurpose,
): Promise<{ mime: FileMime; name: string }> {
  const mime = await sniff(sample, more);
  if (!mime || !FILE_PURPOSE_INFO[purpose].accepts.includes(mime)) throw fileTypeRefused(purpose, mime);
  return { mime, name: storedName(clientName, mime) };
}
