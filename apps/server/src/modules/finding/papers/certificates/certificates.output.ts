/**
 * What leaves the system on paper or in a file: a certificate as PDF, the ledger as .xlsx. Both
 * are audited before a byte is sent; the export is written page by page (keyset).
 */
import type { PassThrough } from 'node:stream';
import { type CertificateExportQuery, certificateStatus, localIsoDate } from '@ningxin/shared';
import type { Db } from '../../../../db/client';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../../lib/excel/xlsx-writer';
import type { PdfRenderer } from '../../../../lib/pdf/pdf-renderer';
import type { Actor } from '../../../../policy/policy';
import { renderAudited } from '../../../audit/audit.print';
import { recordAudit } from '../../../audit/audit.service';
import { CERTIFICATE_TITLE, certificateBlocks } from './certificates.print';
import { certificatesRepository as repo } from './certificates.repository';
import type { CertificatesService } from './certificates.service';
import { CERTIFICATE_SHEET } from './certificates.sheet';

export interface CertificateOutputDeps {
  db: Db;
  pdf: PdfRenderer;
  certificates: CertificatesService;
  pageSize?: number;
}

export function createCertificateOutput({ db, pdf, certificates, pageSize = 1000 }: CertificateOutputDeps) {
  return {
    async print(actor: Actor, id: number) {
      const { row, member, orgNames, status } = await certificates.printable(actor, id);
      return renderAudited(
        db,
        pdf,
        actor,
        {
          committee: orgNames[0] ?? row.issuingOrgName,
          title: `${CERTIFICATE_TITLE} ${row.number}`,
          records: [certificateBlocks(row, member, orgNames, status)],
        },
        {
          action: 'certificate.printed',
          targetType: 'certificate',
          targetId: row.id,
          targetLabel: `${row.number} ${row.memberName}`,
        },
        {
          fileName: `${CERTIFICATE_TITLE}_${row.number}_${row.memberName}.pdf`,
          asciiName: `certificate-${row.id}.pdf`,
        },
      );
    },

    async prepareExport(actor: Actor, q: CertificateExportQuery) {
      const where = await certificates.exportCondition(actor, q);
      const count = await repo.count(db, where);
      await recordAudit(db, actor, {
        action: 'certificate.exported',
        targetType: 'certificate',
        after: { filter: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)), count },
      });
      const day = localIsoDate(new Date());
      const status = (r: Parameters<typeof certificateStatus>[0]) => certificateStatus(r, day, q.days);
      return {
        fileName: `活动证台账_${day.replaceAll('-', '')}.xlsx`,
        asciiName: `certificates-${day.replaceAll('-', '')}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const sheet = addTableSheet(workbook, '活动证台账', CERTIFICATE_SHEET.exportColumns);
          let after: number | undefined;
          for (;;) {
            const page = await repo.list(db, where, after, pageSize);
            for (const r of page) sheet.addRow(CERTIFICATE_SHEET.exportValues(r, { status })).commit();
            await drained(stream);
            if (page.length < pageSize) break;
            after = page.at(-1)!.id;
          }
          sheet.commit();
          await workbook.commit();
        },
      };
    },
  };
}

export type CertificateOutput = ReturnType<typeof createCertificateOutput>;
