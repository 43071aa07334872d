/** Lending archive items (借阅) and taking them back; the daily overdue reminder. */
import {
  type ArchiveLoanBody,
  type ArchiveLoanHistoryResponse,
  type ArchiveLoanListQuery,
  type ArchiveLoanListResponse,
  type ArchiveLoanResponse,
  type ArchiveReturnBody,
  daysBetween,
  RecordId,
  ROLE_ACTIONS,
  ROLES,
} from '@ningxin/shared';
import { and, sql } from 'drizzle-orm';
import { z } from 'zod';
import { archiveLoans as loans } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../lib/cursor';
import { isUniqueViolation } from '../../lib/db-errors';
import { notFound } from '../../lib/errors';
import { type Actor, assertHolds, coversOrgPath, isWithinPath } from '../../policy/policy';
import { audited } from '../audit/audit.service';
import { type ArchivesDeps, itemScope, today } from './archives.access';
import {
  alreadyReturned,
  borrowerNotUsable,
  dueBeforeLent,
  onLoan,
  returnedBeforeLent,
} from './archives.errors';
import { type ArchiveLoanRow, overdueOn, archivesRepository as repo } from './archives.repository';

const CURSOR = z.tuple([z.string().max(10), RecordId()]);

export function createLoansService(deps: ArchivesDeps) {
  const { db, users, inbox } = deps;

  const mapLoan = (actor: Actor, r: ArchiveLoanRow, day: string): ArchiveLoanResponse => {
    const overdue = r.returnedOn === null && r.dueOn < day;
    return {
      id: r.id,
      item: { id: r.itemId, code: r.itemCode, title: r.itemTitle },
      borrowerName: r.borrowerName,
      borrowerUnit: r.borrowerUnit,
      borrowerUserId: r.borrowerUserId,
      purpose: r.purpose,
      lentOn: r.lentOn,
      dueOn: r.dueOn,
      returnedOn: r.returnedOn,
      overdue,
      daysOverdue: overdue ? daysBetween(r.dueOn, day) : 0,
      lentBy: r.lentBy,
      returnedBy: r.returnedBy,
      note: r.note,
      canReturn: r.returnedOn === null && coversOrgPath(actor, 'archive.write', r.itemOrgPath),
    };
  };

  return {
    /**
     * Lends the item: one loan out at a time. Two lenders at once both pass the first look; the
     * partial unique index (archive_loans_open_idx) lets one through and the other gets 409.
     */
    async lend(actor: Actor, itemId: number, body: ArchiveLoanBody): Promise<ArchiveLoanResponse> {
      if (body.dueOn < body.lentOn) throw dueBeforeLent();
      let id: number;
      try {
        id = await audited(db, actor, async (tx, audit) => {
          assertHolds(actor, 'archive.write');
          const item = await repo.findById(tx, itemId, itemScope(actor, 'archive.write'));
          if (!item) throw notFound('档案');
          if (item.loanId !== null) throw onLoan();
          if (
            body.borrowerUserId != null &&
            !(await users.cards(tx, [body.borrowerUserId])).has(body.borrowerUserId)
          )
            throw borrowerNotUsable();
          const id = await repo.insertLoan(tx, {
            itemId,
            borrowerName: body.borrowerName,
            borrowerUnit: body.borrowerUnit ?? null,
            borrowerUserId: body.borrowerUserId ?? null,
            purpose: body.purpose,
            lentOn: body.lentOn,
            dueOn: body.dueOn,
            lentBy: actor.userId,
            note: body.note ?? null,
          });
          audit({
            action: 'archive.lent',
            targetType: 'archive_item',
            targetId: itemId,
            targetLabel: `${item.code} ${item.title}`,
            after: {
              loanId: id,
              borrowerName: body.borrowerName,
              borrowerUnit: body.borrowerUnit ?? null,
              lentOn: body.lentOn,
              dueOn: body.dueOn,
            },
          });
          return id;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'archive_loans_open_idx')) throw onLoan();
        throw err;
      }
      return mapLoan(actor, (await repo.findLoan(db, id))!, today());
    },

    async giveBack(actor: Actor, loanId: number, body: ArchiveReturnBody): Promise<ArchiveLoanResponse> {
      await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'archive.write');
        const loan = await repo.findLoan(tx, loanId, itemScope(actor, 'archive.write'), true);
        if (!loan) throw notFound('借阅记录');
        if (loan.returnedOn !== null) throw alreadyReturned();
        if (body.returnedOn < loan.lentOn) throw returnedBeforeLent(loan.lentOn);
        if (!(await repo.closeLoan(tx, loanId, body.returnedOn, actor.userId, body.note ?? null)))
          throw alreadyReturned();
        audit({
          action: 'archive.returned',
          targetType: 'archive_item',
          targetId: loan.itemId,
          targetLabel: `${loan.itemCode} ${loan.itemTitle}`,
          before: { loanId, borrowerName: loan.borrowerName, dueOn: loan.dueOn },
          after: { returnedOn: body.returnedOn },
        });
      });
      return mapLoan(actor, (await repo.findLoan(db, loanId))!, today());
    },

    async list(actor: Actor, q: ArchiveLoanListQuery): Promise<ArchiveLoanListResponse> {
      const day = today();
      const order = q.state === 'all' ? 'lent' : 'due';
      const where = and(
        itemScope(actor, 'archive.read'),
        q.state === 'out' ? sql`${loans.returnedOn} is null` : undefined,
        q.state === 'overdue' ? overdueOn(day) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR) : undefined;
      const rows = await repo.listLoans(db, where, order, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => mapLoan(actor, r, day)),
        nextCursor:
          rows.length > q.limit && last
            ? encodeCursor([order === 'due' ? last.dueOn : last.lentOn, last.id])
            : null,
      };
    },

    /** Loans out past their due day among the items the actor keeps (the workbench's to-do). */
    overdueCount: (actor: Actor) =>
      repo.countLoans(db, and(itemScope(actor, 'archive.write'), overdueOn(today()))),

    async history(actor: Actor, itemId: number): Promise<ArchiveLoanHistoryResponse> {
      const item = await repo.findById(db, itemId, itemScope(actor, 'archive.read'));
      if (!item) throw notFound('档案');
      const day = today();
      return { items: (await repo.history(db, itemId)).map((r) => mapLoan(actor, r, day)) };
    },

    /**
     * The daily reminder: each loan out past its due day goes to the inbox of every archive.write
     * holder whose scope covers the item's org, once per loan and day. Returns how many were new.
     */
    async remindOverdue(now = new Date()): Promise<number> {
      const day = today(now);
      return db.transaction(async (tx) => {
        const due = await repo.overdue(tx, day);
        if (due.length === 0) return 0;
        const roles = ROLES.filter((r) => ROLE_ACTIONS[r].includes('archive.write'));
        const holders = (await Promise.all(roles.map((r) => users.roleHolders(tx, r)))).flat();
        let sent = 0;
        for (const loan of due) {
          const to = [
            ...new Set(
              holders
                .filter(
                  (h) =>
                    h.scopeKind === 'all' ||
                    (h.scopeKind === 'org' &&
                      h.orgPath !== null &&
                      isWithinPath(loan.itemOrgPath, h.orgPath)),
                )
                .map((h) => h.userId),
            ),
          ];
          if (to.length === 0) continue;
          sent += await inbox.post(tx, {
            userIds: to,
            kind: 'archive_overdue',
            title: `档案借阅逾期：${loan.itemCode} ${loan.itemTitle}（${loan.borrowerName}，应于 ${loan.dueOn} 归还）`,
            link: '/archives/loans?state=overdue',
            dedupeKey: `archive-overdue:${loan.id}:${day}`,
          });
        }
        return sent;
      });
    },
  };
}

export type LoansService = ReturnType<typeof createLoansService>;
