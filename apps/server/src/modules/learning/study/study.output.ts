/**
 * The threshold board as a spreadsheet (.xlsx): every member below their requirement in scope, the
 * largest gap first. Audited before a byte is sent; formula-like text is escaped.
 */
import type { StudyOrgQuery } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import type { PreparedExport } from '../../../lib/downloads';
import { formulaSafe } from '../../../lib/excel/cells';
import { addTableSheet, drained } from '../../../lib/excel/xlsx-writer';
import type { Actor } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import type { StudyService } from './study.service';

/** Rows written between waits for the stream to drain. */
const CHUNK = 500;

/** `study` may read a standby (the file is a snapshot); `db`, the primary, takes the audit row. */
export function createStudyOutput({ db, study }: { db: Db; study: Pick<StudyService, 'boardRows'> }) {
  return {
    async prepareExport(actor: Actor, q: StudyOrgQuery): Promise<PreparedExport> {
      const { y, rows } = await study.boardRows(actor, q);
      await recordAudit(db, actor, {
        action: 'study.board_exported',
        targetType: 'study_board',
        after: { year: y.year, orgId: q.orgId ?? null, members: rows.length },
      });
      return {
        fileName: `学时未达标党员_${y.year}.xlsx`,
        asciiName: `study-hours-below-${y.year}.xlsx`,
        async write(workbook, stream) {
          const sheet = addTableSheet(workbook, '学时未达标', [
            { header: '姓名', width: 12 },
            { header: '二级党委', width: 28 },
            { header: '所在组织', width: 28 },
            { header: '身份', width: 12 },
            { header: '应修学时', width: 10 },
            { header: '已修学时', width: 10 },
            { header: '差额', width: 10 },
          ]);
          for (const [i, r] of rows.entries()) {
            sheet
              .addRow(
                [
                  r.name,
                  r.committeeName ?? '',
                  r.orgName,
                  r.cadre ? '书记、委员' : '党员',
                  Number(r.required),
                  Number(r.hours),
                  Number(r.gap),
                ].map(formulaSafe),
              )
              .commit();
            if (i % CHUNK === CHUNK - 1) await drained(stream);
          }
          sheet.commit();
          await workbook.commit();
        },
      };
    },
  };
}

export type StudyOutput = ReturnType<typeof createStudyOutput>;
