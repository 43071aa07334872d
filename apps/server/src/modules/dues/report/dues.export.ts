/**
 * The dues sheets (.xlsx): the branch's monthly report (each member: due, paid or not, how, when,
 * arrears; totals) and the arrears list with its filters. Audited before a byte is sent.
 */
import type { PassThrough } from 'node:stream';
import {
  type DuesArrearsQuery,
  formatFen,
  localIsoDate,
  MEMBER_TYPE_LABELS,
  type MemberType,
  monthLabel,
} from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { PreparedExport } from '../../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import type { Actor } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import { type DuesAccess, pathIn } from '../dues.access';
import type { MonthsService } from '../months/months.service';
import type { ArrearsService } from './arrears.service';
import { ledgerRepository } from './ledger.repository';

const yuan = (fen: number | null) => (fen === null ? null : Number(formatFen(fen, 'yuan')));
const METHOD: Record<string, string> = { cash: '现金', transfer: '转账' };

interface Sheet {
  name: string;
  ascii: string;
  columns: { header: string; width?: number }[];
  rows: (string | number | null)[][];
}

export interface DuesExportDeps {
  /** The primary: the audit row. */
  db: Db;
  /** The sheets' reads, which may go to a standby: a file is a snapshot of the page as it is browsed. */
  reads: DuesAccess;
  months: Pick<MonthsService, 'get'>;
  arrears: Pick<ArrearsService, 'arrears'>;
}

export function createDuesExport({ db, reads, months, arrears }: DuesExportDeps) {
  async function prepare(
    actor: Actor,
    sheet: Sheet,
    after: Record<string, unknown>,
  ): Promise<PreparedExport> {
    await recordAudit(db, actor, { action: 'dues.exported', targetType: sheet.ascii, after });
    const day = localIsoDate(new Date()).replaceAll('-', '');
    return {
      fileName: `${sheet.name}_${day}.xlsx`,
      asciiName: `${sheet.ascii}-${day}.xlsx`,
      async write(workbook: StreamingWorkbook, stream: PassThrough) {
        const ws = addTableSheet(workbook, sheet.name.slice(0, 31), sheet.columns);
        for (const row of sheet.rows) ws.addRow(row).commit();
        await drained(stream);
        ws.commit();
        await workbook.commit();
      },
    };
  }

  return {
    /** 党费收缴月报: the month's page as a sheet, with each member's arrears and the totals. */
    async monthReport(actor: Actor, id: number): Promise<PreparedExport> {
      const m = await months.get(actor, id);
      const path = (await reads.orgs.lookup(reads.db, m.org.id))?.path ?? '-';
      const owing = await ledgerRepository.arrears(
        reads.db,
        pathIn(sql`r.org_path`, path),
        reads.thisMonth(),
        1,
        undefined,
        100_000,
      );
      const owed = new Map(owing.map((o) => [o.member_id, o]));
      const rows = m.members.map((r) => {
        const o = owed.get(r.memberId);
        return [
          r.memberName,
          MEMBER_TYPE_LABELS[r.memberType as MemberType] ?? r.memberType,
          yuan(r.dueFen),
          r.relief === 'waived' ? '免交' : r.dueFen === null ? '未申报基数' : r.paid ? '已交' : '未交',
          r.method ? (METHOD[r.method] ?? r.method) : null,
          r.paidOn,
          o ? o.months : 0,
          o ? yuan(Number(o.amount_fen)) : 0,
        ];
      });
      const totals = m.totals;
      rows.push([
        `合计（${totals.members} 人，应交 ${totals.due} 人，已交 ${totals.paid} 人）`,
        null,
        yuan(m.expectedFen ?? totals.expectedFen),
        `已交 ${formatFen(totals.paidFen, 'yuan')} 元；本月实收 ${formatFen(m.collectedFen ?? totals.collectedFen, 'yuan')} 元`,
        null,
        null,
        owing.reduce((s, o) => s + o.months, 0),
        yuan(owing.reduce((s, o) => s + Number(o.amount_fen), 0)),
      ]);
      const name = `${m.org.name}${monthLabel(m.month)}党费收缴月报`;
      return prepare(
        actor,
        {
          name,
          ascii: 'dues-month-report',
          columns: [
            { header: '姓名', width: 12 },
            { header: '类别', width: 10 },
            { header: '本月应交（元）', width: 14 },
            { header: '交纳情况', width: 36 },
            { header: '交纳方式', width: 10 },
            { header: '交纳日期', width: 12 },
            { header: '欠缴月数', width: 10 },
            { header: '欠缴金额（元）', width: 14 },
          ],
          rows,
        },
        { monthId: id, org: m.org.id, month: m.month },
      );
    },

    /** 欠缴党费名单 with the list's filters. */
    async arrears(actor: Actor, q: Omit<DuesArrearsQuery, 'limit' | 'cursor'>): Promise<PreparedExport> {
      const list = await arrears.arrears(actor, { ...q, limit: 500 });
      const items = [...list.items];
      let cursor = list.nextCursor;
      while (cursor) {
        const next = await arrears.arrears(actor, { ...q, limit: 500, cursor });
        items.push(...next.items);
        cursor = next.nextCursor;
      }
      return prepare(
        actor,
        {
          name: '欠缴党费名单',
          ascii: 'dues-arrears',
          columns: [
            { header: '姓名', width: 12 },
            { header: '所在组织', width: 28 },
            { header: '欠缴月数', width: 10 },
            { header: '欠缴金额（元）', width: 14 },
            { header: '最早欠缴月份', width: 14 },
          ],
          rows: items.map((i) => [
            i.memberName,
            i.org.name,
            i.months,
            yuan(i.amountFen),
            monthLabel(i.oldestMonth),
          ]),
        },
        { filter: q },
      );
    },
  };
}

export type DuesExport = ReturnType<typeof createDuesExport>;
