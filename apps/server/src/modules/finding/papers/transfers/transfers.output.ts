/** The letter as PDF and the transfer ledger as .xlsx; both audited before a byte is sent. */
import type { PassThrough } from 'node:stream';
import { localIsoDate, type TransferExportQuery } from '@ningxin/shared';
import type { Db } from '../../../../db/client';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../../lib/excel/xlsx-writer';
import type { PdfRenderer } from '../../../../lib/pdf/pdf-renderer';
import type { Actor } from '../../../../policy/policy';
import { renderAudited } from '../../../audit/audit.print';
import { recordAudit } from '../../../audit/audit.service';
import { LETTER_TITLE, letterRecords } from './transfers.print';
import { transfersRepository as repo } from './transfers.repository';
import type { TransfersService } from './transfers.service';
import { TRANSFER_SHEET } from './transfers.sheet';

export interface TransferOutputDeps {
  db: Db;
  pdf: PdfRenderer;
  transfers: TransfersService;
  pageSize?: number;
}

export function createTransferOutput({ db, pdf, transfers, pageSize = 1000 }: TransferOutputDeps) {
  return {
    async letter(actor: Actor, id: number) {
      const { row, member, committee } = await transfers.printable(actor, id);
      return renderAudited(
        db,
        pdf,
        actor,
        { committee, title: `${LETTER_TITLE} ${row.letterNumber}`, records: letterRecords(row, member) },
        {
          action: 'transfer.printed',
          targetType: 'transfer',
          targetId: row.id,
          targetLabel: `${row.letterNumber} ${row.memberName}`,
        },
        {
          fileName: `组织关系介绍信_${row.letterNumber}_${row.memberName}.pdf`,
          asciiName: `transfer-${row.id}.pdf`,
        },
      );
    },

    async prepareExport(actor: Actor, q: TransferExportQuery) {
      const where = await transfers.exportCondition(actor, q);
      const count = await repo.count(db, where);
      await recordAudit(db, actor, {
        action: 'transfer.exported',
        targetType: 'transfer',
        after: { filter: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)), count },
      });
      const today = localIsoDate(new Date());
      return {
        fileName: `组织关系转接台账_${today.replaceAll('-', '')}.xlsx`,
        asciiName: `transfers-${today.replaceAll('-', '')}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const sheet = addTableSheet(workbook, '组织关系转接', TRANSFER_SHEET.exportColumns);
          let after: number | undefined;
          for (;;) {
            const page = await repo.list(db, where, after, pageSize);
            for (const r of page) sheet.addRow(TRANSFER_SHEET.exportValues(r, { today })).commit();
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

export type TransferOutput = ReturnType<typeof createTransferOutput>;
