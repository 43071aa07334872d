/**
 * The board as a spreadsheet (.xlsx): a sheet of branches with, per required type, held/required
 * and its standing, and a sheet of the month-by-month grid. Audited before a byte is sent. Every
 * text cell that a spreadsheet would read as a formula (=, +, -, @ first) is written with a
 * leading apostrophe.
 */
import type { PassThrough } from 'node:stream';
import {
  type ComplianceQuery,
  MEETING_FREQUENCY_LABELS,
  type MeetingFrequency,
  PERIOD_STATUS_LABELS,
  REQUIRED_MEETING_LABELS,
  REQUIRED_MEETINGS,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { formulaSafe } from '../../../lib/excel/cells';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import type { Actor } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import type { ComplianceService } from './compliance.service';

const rate = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);

/** `compliance` may read a standby (the file is a snapshot); `db`, the primary, takes the audit row. */
export function createComplianceOutput({
  db,
  compliance,
}: {
  db: Db;
  compliance: Pick<ComplianceService, 'boardOf'>;
}) {
  return {
    async prepareExport(actor: Actor, q: ComplianceQuery) {
      const board = await compliance.boardOf(actor, q);
      await recordAudit(db, actor, {
        action: 'meeting.compliance_exported',
        targetType: 'meeting_compliance',
        after: { year: board.year, orgId: q.orgId ?? null, branches: board.branches.length },
      });
      return {
        fileName: `组织生活落实情况_${board.year}.xlsx`,
        asciiName: `meeting-compliance-${board.year}.xlsx`,
        async write(workbook: StreamingWorkbook, stream: PassThrough) {
          const summary = addTableSheet(workbook, '落实情况', [
            { header: '二级党委', width: 28 },
            { header: '支部', width: 28 },
            { header: '正式党员', width: 10 },
            ...REQUIRED_MEETINGS.map((t) => ({
              header: `${REQUIRED_MEETING_LABELS[t]}（${MEETING_FREQUENCY_LABELS[board.frequencies[t] as MeetingFrequency]}）`,
              width: 18,
            })),
            { header: '落后项', width: 30 },
            { header: '完成率', width: 10 },
          ]);
          for (const b of board.branches) {
            summary
              .addRow(
                [
                  b.committeeName ?? '',
                  b.name,
                  b.fullMembers,
                  ...REQUIRED_MEETINGS.map((t) => {
                    const r = b.results[t];
                    return r.status === 'exempt'
                      ? '免于召开'
                      : `${r.held}/${r.required} ${PERIOD_STATUS_LABELS[r.status]}`;
                  }),
                  b.behind.map((t) => REQUIRED_MEETING_LABELS[t]).join('、'),
                  rate(b.completionRate),
                ].map(formulaSafe),
              )
              .commit();
          }
          await drained(stream);
          summary.commit();
          const grid = addTableSheet(workbook, '月度明细', [
            { header: '支部', width: 28 },
            { header: '会议类型', width: 14 },
            ...Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, width: 6 })),
            { header: '全年', width: 8 },
          ]);
          for (const b of board.branches) {
            for (const t of b.types) {
              grid
                .addRow([b.name, REQUIRED_MEETING_LABELS[t.type], ...t.heldByMonth, t.held].map(formulaSafe))
                .commit();
            }
            await drained(stream);
          }
          grid.commit();
          await workbook.commit();
        },
      };
    },
  };
}

export type ComplianceOutput = ReturnType<typeof createComplianceOutput>;
