/**
 * Arrears (欠缴), the paid-up-to month (党费交至) and a member's dues; reminders to members who
 * owe three months or more.
 */
import {
  type DuesArrearsQuery,
  type DuesArrearsResponse,
  type DuesMemberResponse,
  RecordId,
} from '@ningxin/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, can } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { basesRepository } from '../bases/bases.repository';
import { mapBase } from '../bases/bases.service';
import { type DuesAccess, pathIn } from '../dues.access';
import { ledgerRepository as repo } from './ledger.repository';

const CURSOR = z.tuple([RecordId()]);
/** Members owing this many months or more are reminded. */
export const REMIND_MONTHS = 3;

/**
 * The last month of the unbroken run of paid or waived months from the first month of the
 * member's first base; null when that first month is owed (or there is no base).
 */
export function paidUpTo(
  months: readonly { month: string; paid: boolean; waived: boolean }[],
): string | null {
  let last: string | null = null;
  for (const m of months) {
    if (!(m.paid || m.waived)) break;
    if (last && m.month !== nextOf(last)) break; // a year without a base breaks the run
    last = m.month;
  }
  return last;
}

const nextOf = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export function createArrearsService(access: DuesAccess) {
  const { db } = access;

  async function subtree(actor: Actor, orgId: number | undefined, action: 'dues.read' | 'dues.write') {
    const orgPath = sql`r.org_path`;
    const org = orgId ? await access.orgs.lookup(db, orgId) : null;
    return and(
      sql`true`,
      access.scope(actor, action, orgPath),
      orgId ? pathIn(orgPath, org?.path ?? '-') : undefined,
    )!;
  }

  /** A member's dues: the latest base, owed months up to the last one due, paid-up-to. */
  async function summary(memberId: number, memberName: string): Promise<DuesMemberResponse> {
    const current = access.thisMonth();
    const [months, bases, dueNow] = await Promise.all([
      repo.memberMonths(db, memberId),
      basesRepository.ofMember(db, memberId),
      repo.arrears(db, sql`r.member_id = ${memberId}`, current, 1, undefined, 1),
    ]);
    const base = bases.filter((b) => b.year <= Number(current.slice(0, 4))).at(-1) ?? bases.at(-1) ?? null;
    // The owed months come first among the unpaid ones: later ones are not due yet.
    const owedCount = dueNow[0]?.months ?? 0;
    const owed = months.filter((m) => !m.paid && !m.waived).slice(0, owedCount);
    return {
      memberId,
      memberName,
      base: base ? mapBase(base) : null,
      paidUpTo: paidUpTo(months),
      owed: owed.map((m) => ({ month: m.month, amountFen: m.due_fen })),
      owedFen: owed.reduce((s, m) => s + m.due_fen, 0),
      paidMonths: months
        .filter((m) => m.paid && base && m.month.startsWith(`${base.year}-`))
        .map((m) => m.month),
    };
  }

  /** Inbox notices to members with a login owing ≥ 3 months, once per member and month. */
  async function remind(where: SQL): Promise<number> {
    const current = access.thisMonth();
    return db.transaction(async (tx) => {
      const owing = await repo.arrears(tx, where, current, REMIND_MONTHS, undefined, 100_000);
      if (owing.length === 0) return 0;
      const accounts = await access.users.memberAccounts(
        tx,
        owing.map((o) => o.member_id),
      );
      const login = new Map(accounts.map((a) => [a.memberId, a.userId]));
      let sent = 0;
      for (const o of owing) {
        const userId = login.get(o.member_id);
        if (!userId) continue;
        sent += await access.inbox.post(tx, {
          userIds: [userId],
          kind: 'dues_arrears',
          title: `您已有 ${o.months} 个月未交纳党费（自 ${o.oldest_month.replace('-', '年')}月起），请及时交纳`,
          link: '/me',
          dedupeKey: `dues-arrears:${current}:${o.member_id}`,
        });
      }
      return sent;
    });
  }

  return {
    async arrears(actor: Actor, q: DuesArrearsQuery): Promise<DuesArrearsResponse> {
      const where = await subtree(actor, q.orgId, 'dues.read');
      const current = access.thisMonth();
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const [rows, totals] = await Promise.all([
        repo.arrears(db, where, current, q.minMonths, after, q.limit),
        repo.arrearsTotals(db, where, current, q.minMonths),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map((r) => ({
          memberId: r.member_id,
          memberName: r.member_name,
          org: { id: r.org_id, name: r.org_name },
          months: r.months,
          amountFen: Number(r.amount_fen),
          oldestMonth: r.oldest_month,
        })),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.member_id]) : null,
        totals: { members: totals.members, months: totals.months, amountFen: Number(totals.amount_fen) },
      };
    },

    /** The secretary's button: reminds the members of the org's subtree in the write scope. */
    async remindNow(actor: Actor, orgId: number | undefined): Promise<{ sent: number }> {
      assertHolds(actor, 'dues.write');
      const where = await subtree(actor, orgId, 'dues.write');
      const sent = await remind(where);
      await audited(db, actor, async (_tx, audit) => {
        audit({ action: 'dues.reminded', targetType: 'org', targetId: orgId ?? null, after: { sent } });
      });
      return { sent };
    },

    /** The monthly job: every member owing ≥ 3 months. */
    remindAll: () => remind(sql`true`),

    /** A member's dues, for dues.read over the member's org. */
    async member(actor: Actor, memberId: number): Promise<DuesMemberResponse> {
      assertHolds(actor, 'dues.read');
      const [m] = await access.members.placements(db, [memberId]);
      if (!m || !can(actor, 'dues.read', { type: 'org', path: m.orgPath })) throw notFound('党员');
      return summary(m.id, m.name);
    },

    /** The member's own dues (member.self). */
    async mine(memberId: number | null): Promise<DuesMemberResponse> {
      const [m] = memberId ? await access.members.placements(db, [memberId]) : [];
      if (!m) throw notFound('党员档案');
      return summary(m.id, m.name);
    },
  };
}

export type ArrearsService = ReturnType<typeof createArrearsService>;
