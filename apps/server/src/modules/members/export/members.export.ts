/**
 * Export of the member list (.xlsx): the list's filters within the actor's scope, written page
 * by page (keyset) into a streaming workbook. ID numbers and phones are masked unless the actor
 * asks and may reveal every exported row. Audited with the filter, the count and the reveal.
 */

import type { PassThrough } from 'node:stream';
import { localIsoDate, type MemberListQuery } from '@ningxin/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { addTableSheet, drained, type StreamingWorkbook } from '../../../lib/excel/xlsx-writer';
import type { FieldCrypto } from '../../../lib/field-crypto';
import { type Actor, permissionsOf } from '../../../policy/policy';
import { recordAudit } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { revealNotAllowed } from '../import/members.excel.errors';
import { MEMBER_SHEET } from '../members.sheet';
import { membersListRepository } from '../record/members.list.repository';
import { membersRepository } from '../record/members.repository';
import { memberScopeCondition } from '../record/members.scope';
import type { MembersService } from '../record/members.service';

export interface MemberExportDeps {
  db: Db;
  /**
   * Lag-tolerant reads (`Store.reads`): the rows of the file. An export is a snapshot of the
   * list as it is browsed, so it may be a few seconds behind; its audit row goes to `db`.
   */
  reads: Db;
  crypto: FieldCrypto;
  orgs: OrgsService;
  members: MembersService;
  pageSize?: number;
}

/** What the audit keeps of the filter: the fields set, without paging. */
function filterOf(q: MemberListQuery) {
  const { limit: _l, cursor: _c, ...rest } = q;
  return Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
}

export function createMemberExport({ db, reads, crypto, orgs, members, pageSize = 1000 }: MemberExportDeps) {
  /** Writes the rows page by page (keyset, in the list's order) and closes the workbook. */
  async function write(
    where: SQL | undefined,
    q: MemberListQuery,
    reveal: boolean,
    workbook: StreamingWorkbook,
    stream: PassThrough,
  ): Promise<void> {
    const sheet = addTableSheet(workbook, '党员名单', MEMBER_SHEET.exportColumns);
    let after: { value: string | null; id: number } | undefined;
    for (;;) {
      const page = await membersListRepository.list(reads, where, {
        sort: q.sort,
        order: q.order,
        after,
        limit: pageSize,
      });
      const rows = await membersRepository.findManyWithOrg(
        reads,
        page.map((r) => r.id),
      );
      for (const m of rows) {
        const id = reveal ? crypto.decrypt('idNumber', m.idCipher) : m.idMasked;
        const phone = reveal ? crypto.decrypt('phone', m.phoneCipher) : m.phoneMasked;
        sheet.addRow(MEMBER_SHEET.exportValues(m, { idNumber: id, phone })).commit();
      }
      await drained(stream);
      const last = page.at(-1);
      if (!last || page.length < pageSize) break;
      after = { value: last.sortKey, id: last.id };
    }
    sheet.commit();
    await workbook.commit();
  }

  return {
    /**
     * Checks the permissions, counts the rows and audits the export before a byte is sent;
     * returns the file name and the writer of the workbook.
     */
    async prepare(actor: Actor, q: MemberListQuery, reveal: boolean) {
      const orgPath = q.orgId ? ((await orgs.lookup(reads, q.orgId))?.path ?? '-') : null;
      let where = members.exportCondition(actor, q, orgPath);
      if (reveal) {
        if (!permissionsOf(actor).includes('member.reveal')) throw revealNotAllowed();
        const revealable = memberScopeCondition(actor, 'member.reveal');
        if (revealable) {
          const beyond = await membersListRepository.count(
            reads,
            and(where, sql`not coalesce(${revealable}, false)`),
          );
          if (beyond > 0) throw revealNotAllowed();
          // The pages may come from another server than this check (the standby, then the
          // primary): no row beyond the reveal scope is decrypted whichever answers.
          where = and(where, revealable);
        }
      }
      const count = await membersListRepository.count(reads, where);
      await recordAudit(db, actor, {
        action: 'member.exported',
        targetType: 'member',
        after: { filter: filterOf(q), count, revealed: reveal },
      });
      const day = localIsoDate(new Date()).replaceAll('-', '');
      return {
        count,
        fileName: `党员名单_${day}.xlsx`,
        asciiName: `members-${day}.xlsx`,
        write: (workbook: StreamingWorkbook, stream: PassThrough) =>
          write(where, q, reveal, workbook, stream),
      };
    },
  };
}

export type MemberExport = ReturnType<typeof createMemberExport>;
