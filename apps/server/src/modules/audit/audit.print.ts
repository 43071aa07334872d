import type { Db } from '../../db/client';
import type { PdfDocument } from '../../lib/pdf/pdf-document';
import type { PdfRenderer } from '../../lib/pdf/pdf-renderer';
import { renderRecorded } from '../../lib/pdf/printed';
import type { Actor } from '../../policy/policy';
import { type AuditEvent, recordAudit } from './audit.service';

/** A paper laid out and its print audited before a byte is sent (lib/pdf/printed.ts). */
export function renderAudited(
  db: Db,
  pdf: PdfRenderer,
  actor: Actor,
  doc: PdfDocument,
  event: AuditEvent,
  names: { fileName: string; asciiName: string },
) {
  return renderRecorded(pdf, doc, () => recordAudit(db, actor, event), names);
}
