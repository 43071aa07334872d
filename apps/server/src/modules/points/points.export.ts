/** The ranking as .xlsx: the list's filters, in the actor's scope, page after page. Audited first. */
import type { PassThrough } from 'node:stream';
import { localIsoDate, type PointsExportQuery, type PointsRankingResponse } from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { PreparedExport } from '../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../lib/excel/xlsx-writer';
import type { Actor } from '../../policy/policy';
import { recordAudit } from '../audit/audit.service';
import type { PointsService } from './points.service';

const PAGE = 200;

export function createPointsExport({ db, points }: { db: Db; points: PointsService }) {
  return {
    async ranking(actor: Actor, q: PointsExportQuery): Promise<PreparedExport> {
      const page = (cursor: string | undefined): Promise<PointsRankingResponse> =>
        points.ranking(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) });
      // The first page before the audit: a refused actor gets the list's 403, not an audit entry.
      const first = await page(undefined);
      await recordAudit(db, actor, {
        action: 'points.exported',
        targetType: 'points_run',
        ...(first.run ? { targetId: first.run.id } : {}),
        after: { year: q.year, orgId: q.orgId ?? null },
      });
      const day = localIsoDate(new Date()).replaceAll('-', '');
      return {
        fileName: `${q.year}年度积分排名_${day}.xlsx`,
        asciiName: `points-${q.year}-${day}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const sheet = addTableSheet(workbook, '积分排名', [
            { header: '名次' },
            { header: '姓名', width: 12 },
            { header: '所在组织', width: 36 },
            { header: '基础分' },
            { header: '任务分' },
            { header: '奖励分' },
            { header: '总分' },
          ]);
          let current = first;
          for (;;) {
            for (const r of current.items)
              sheet
                .addRow([
                  r.rank,
                  r.member.name,
                  r.org.name,
                  Number(r.base),
                  Number(r.tasks),
                  Number(r.bonus),
                  Number(r.total),
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

export type PointsExport = ReturnType<typeof createPointsExport>;
