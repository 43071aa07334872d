import type { PrintedFile } from '../downloads';
import type { PdfDocument } from './pdf-document';
import type { PdfRenderer } from './pdf-renderer';

/**
 * Lays out a paper (a certificate, a letter, a form), then records the print (its audit entry)
 * before a byte is sent: a print that cannot be recorded is not handed out.
 */
export async function renderRecorded(
  pdf: PdfRenderer,
  doc: PdfDocument,
  record: () => Promise<unknown>,
  names: { fileName: string; asciiName: string },
): Promise<PrintedFile & { pages: number }> {
  const rendered = await pdf.render(doc);
  try {
    await record();
  } catch (err) {
    rendered.stream.destroy();
    throw err;
  }
  return { pages: rendered.pages, stream: rendered.stream, ...names };
}

/** A date as printed on a paper: 2026年5月20日. */
export function printedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A month as printed: 2026年5月. */
export function printedMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  return `${y}年${m}月`;
}
