/** The registry as .xlsx: the list's filters, in the actor's scope, page after page. Audited first. */
import type { PassThrough } from 'node:stream';
import { type ArchiveExportQuery, type ArchiveListResponse, localIsoDate } from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { PreparedExport } from '../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../lib/excel/xlsx-writer';
import type { Actor } from '../../policy/policy';
import { recordAudit } from '../audit/audit.service';
import type { ItemsService } from './items.service';

const PAGE = 200;

export function createArchivesExport({ db, items }: { db: Db; items: ItemsService }) {
  return {
    async registry(actor: Actor, q: ArchiveExportQuery): Promise<PreparedExport> {
      const page = (cursor: string | undefined): Promise<ArchiveListResponse> =>
        items.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) });
      // The first page before the audit: a refused actor gets the list's 403, not an audit entry.
      const first = await page(undefined);
      await recordAudit(db, actor, {
        action: 'archive.exported',
        targetType: 'archive_item',
        after: {
          filter: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== false)),
        },
      });
      const day = localIsoDate(new Date()).replaceAll('-', '');
      return {
        fileName: `档案台账_${day}.xlsx`,
        asciiName: `archives-${day}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const sheet = addTableSheet(workbook, '档案台账', [
            { header: '档号', width: 18 },
            { header: '题名', width: 40 },
            { header: '类别', width: 10 },
            { header: '所属组织', width: 30 },
            { header: '党员', width: 10 },
            { header: '年度' },
            { header: '保管期限', width: 14 },
            { header: '存放位置', width: 24 },
            { header: '页数' },
            { header: '借阅状态', width: 24 },
            { header: '备注', width: 30 },
          ]);
          let current = first;
          for (;;) {
            for (const r of current.items)
              sheet
                .addRow([
                  r.code,
                  r.title,
                  r.categoryLabel,
                  r.org.name,
                  r.member?.name ?? null,
                  r.year,
                  r.retentionLabel,
                  `${r.room} ${r.cabinet}柜 ${r.shelf}层 ${r.box}盒`,
                  r.pages,
                  r.loan
                    ? `${r.loan.overdue ? '逾期' : '借出'}：${r.loan.borrowerName}，应还 ${r.loan.dueOn}`
                    : '在库',
                  r.note,
                ])
                .commit();
            await drained(stream);
            if (!current.nextCursor) break;
            current = await page(current.nextCursor);
          }
          sheet.commit();
          await workbook.commit();
        },
      };
    },
  };
}

export type ArchivesExport = ReturnType<typeof createArchivesExport>;
