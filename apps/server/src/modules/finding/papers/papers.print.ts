import type { Readable } from 'node:stream';
import { localIsoDate } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { PdfDocument } from '../../../lib/pdf/pdf-document';
import type { PdfRenderer } from '../../../lib/pdf/pdf-renderer';
import type { Actor } from '../../../policy/policy';
import { type AuditEvent, recordAudit } from '../../audit/audit.service';

export interface PrintedPaper {
  pages: number;
  stream: Readable;
  fileName: string;
  asciiName: string;
}

/**
 * Lays out a paper, then audits the print before a byte is sent (a print that cannot be
 * recorded is not handed out).
 */
export async function renderAudited(
  db: Db,
  pdf: PdfRenderer,
  actor: Actor,
  doc: PdfDocument,
  event: AuditEvent,
  names: { fileName: string; asciiName: string },
): Promise<PrintedPaper> {
  const rendered = await pdf.render(doc);
  try {
    await recordAudit(db, actor, event);
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

export const todayIso = () => localIsoDate(new Date());
