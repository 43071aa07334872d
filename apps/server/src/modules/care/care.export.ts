/**
 * The care lists as .xlsx: each list's filters, in the actor's scope, page after page through the
 * same service that answers the list (so the file holds what the list shows). Audited before a
 * byte is sent.
 */
import type { PassThrough } from 'node:stream';
import {
  type CareHelpExportQuery,
  type CareHelpResponse,
  type CareVisitExportQuery,
  type CareVisitResponse,
  formatFen,
  type HonourExportQuery,
  type HonourResponse,
  localIsoDate,
} from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { PreparedExport } from '../../lib/downloads';
import { addTableSheet, drained, type StreamingWorkbook } from '../../lib/excel/xlsx-writer';
import type { Actor } from '../../policy/policy';
import { recordAudit } from '../audit/audit.service';
import type { HelpService } from './help/help.service';
import type { HonoursService } from './honours/honours.service';
import type { VisitsService } from './visits/visits.service';

const PAGE = 200;
const yuan = (fen: number) => Number(formatFen(fen, 'yuan'));

interface Column<T> {
  header: string;
  width?: number;
  value: (r: T) => string | number | null;
}

export interface CareExportDeps {
  /** The primary: the audit row. */
  db: Db;
  /** The lists, which may read a standby: a file is a snapshot of the list as it is browsed. */
  visits: Pick<VisitsService, 'list'>;
  help: Pick<HelpService, 'list'>;
  honours: Pick<HonoursService, 'list'>;
}

export function createCareExport({ db, visits, help, honours }: CareExportDeps) {
  async function prepare<T, Q extends object>(
    actor: Actor,
    what: { sheet: string; ascii: string; list: string },
    query: Q,
    columns: readonly Column<T>[],
    page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  ): Promise<PreparedExport> {
    // The first page before the audit: a refused actor gets the list's 403, not an audit entry.
    const first = await page(undefined);
    await recordAudit(db, actor, {
      action: 'care.exported',
      targetType: what.ascii,
      after: {
        list: what.list,
        filter: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
      },
    });
    const day = localIsoDate(new Date()).replaceAll('-', '');
    return {
      fileName: `${what.sheet}_${day}.xlsx`,
      asciiName: `${what.ascii}-${day}.xlsx`,
      async write(workbook: StreamingWorkbook, stream: PassThrough) {
        const sheet = addTableSheet(
          workbook,
          what.sheet,
          columns.map((c) => ({ header: c.header, ...(c.width ? { width: c.width } : {}) })),
        );
        let current = first;
        for (;;) {
          for (const r of current.items) sheet.addRow(columns.map((c) => c.value(r))).commit();
          await drained(stream);
          if (!current.nextCursor) break;
          current = await page(current.nextCursor);
        }
        sheet.commit();
        await workbook.commit();
      },
    };
  }

  return {
    visits: (actor: Actor, q: CareVisitExportQuery) =>
      prepare<CareVisitResponse, CareVisitExportQuery>(
        actor,
        { sheet: '走访慰问', ascii: 'care-visits', list: 'visits' },
        q,
        [
          { header: '走访日期', width: 12, value: (r) => r.visitedOn },
          { header: '慰问对象', width: 12, value: (r) => r.member.name },
          { header: '所在组织', width: 30, value: (r) => r.org.name },
          { header: '走访原因', value: (r) => r.reasonLabel },
          { header: '节日', value: (r) => r.holiday },
          { header: '走访人', width: 30, value: (r) => r.visitors },
          { header: '慰问金额（元）', width: 14, value: (r) => yuan(r.giftFen) },
          { header: '备注', width: 30, value: (r) => r.note },
        ],
        (cursor) => visits.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),

    help: (actor: Actor, q: CareHelpExportQuery) =>
      prepare<CareHelpResponse, CareHelpExportQuery>(
        actor,
        { sheet: '困难帮扶', ascii: 'care-help', list: 'help' },
        q,
        [
          { header: '帮扶日期', width: 12, value: (r) => r.givenOn },
          { header: '帮扶对象', width: 12, value: (r) => r.member.name },
          { header: '所在组织', width: 30, value: (r) => r.org.name },
          { header: '帮扶方式', value: (r) => r.kindLabel },
          { header: '金额（元）', width: 14, value: (r) => yuan(r.amountFen) },
          { header: '帮扶事由', width: 36, value: (r) => r.reason },
          { header: '备注', width: 30, value: (r) => r.note },
        ],
        (cursor) => help.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),

    honours: (actor: Actor, q: HonourExportQuery) =>
      prepare<HonourResponse, HonourExportQuery>(
        actor,
        { sheet: '表彰', ascii: 'honours', list: 'honours' },
        q,
        [
          { header: '授予日期', width: 12, value: (r) => r.awardedOn },
          { header: '类型', value: (r) => r.kindLabel },
          { header: '级别', value: (r) => r.levelLabel },
          { header: '荣誉名称', width: 36, value: (r) => r.title },
          { header: '授予单位', width: 30, value: (r) => r.issuer },
          { header: '获表彰者', width: 30, value: (r) => r.recipient },
          { header: '所属组织', width: 30, value: (r) => r.org.name },
          { header: '备注', width: 30, value: (r) => r.note },
        ],
        (cursor) => honours.list(actor, { ...q, limit: PAGE, ...(cursor ? { cursor } : {}) }),
      ),
  };
}

export type CareExport = ReturnType<typeof createCareExport>;
