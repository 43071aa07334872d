import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import {
  duesBases,
  duesPaymentMonths,
  duesPayments,
  duesReliefs,
  duesMonths as months,
} from '../../../db/schema';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of the branches' monthly ledgers (月度台账). */

const monthColumns = {
  id: months.id,
  orgId: months.orgId,
  orgPath: months.orgPath,
  orgName: orgNameOf(months.orgId),
  month: months.month,
  state: months.state,
  expectedFen: months.expectedFen,
  collectedFen: months.collectedFen,
  closedAt: months.closedAt,
  version: months.version,
};

const selectMonths = (db: Executor) => db.select(monthColumns).from(months);
export type MonthRow = Awaited<ReturnType<typeof selectMonths>>[number];

export interface MonthMemberRow {
  member_id: number;
  member_name: string;
  member_type: string;
  base_fen: number | null;
  relief_kind: string | null;
  relief_fen: number | null;
  payment_id: number | null;
  paid_on: string | null;
  method: string | null;
}

export const monthsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<MonthRow | null> {
    const q = selectMonths(db).where(and(eq(months.id, id), where));
    const [row] = lock ? await q.for('update', { of: months }) : await q;
    return row ?? null;
  },

  /** The month (first day) of the branch above or at a member's org path, if opened. */
  async covering(db: Executor, memberOrgPath: string, day: string, lock = false) {
    const q = selectMonths(db)
      .where(
        and(
          eq(months.month, day),
          sql`(${memberOrgPath} = ${months.orgPath} or ${memberOrgPath} like ${months.orgPath} || '.%')`,
        ),
      )
      .orderBy(desc(sql`length(${months.orgPath})`))
      .limit(1);
    const [row] = lock ? await q.for('update', { of: months }) : await q;
    return row ?? null;
  },

  /** Latest month first, then org id; after the cursor's (month, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectMonths(db)
      .where(
        and(
          where,
          after ? sql`(${months.month}, ${months.id}) < (${after[0]}::date, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(months.month), desc(months.id))
      .limit(limit);
  },

  async insert(db: Executor, values: typeof months.$inferInsert): Promise<number> {
    const [row] = await db.insert(months).values(values).returning({ id: months.id });
    return row!.id;
  },

  async close(db: Executor, id: number, version: number, values: Partial<typeof months.$inferInsert>) {
    const [row] = await db
      .update(months)
      .set({ ...values, state: 'closed', updatedAt: new Date(), version: sql`${months.version} + 1` })
      .where(and(eq(months.id, id), eq(months.version, version)))
      .returning({ id: months.id });
    return row ?? null;
  },

  /** Every member on the rolls of the branch's subtree with the month's due, relief and payment. */
  members(db: Executor, orgPath: string, day: string) {
    return queryRows<MonthMemberRow>(
      db,
      sql`select r.member_id, ${memberNameOf(sql`r.member_id`)} as member_name, r.member_type,
          b.monthly_fen as base_fen, rel.kind as relief_kind, rel.monthly_fen as relief_fen,
          pm.payment_id, p.paid_on::text as paid_on, p.method
        from (${membersOnRolls()}) r
        left join ${duesBases} b on b.member_id = r.member_id
          and b.year = extract(year from ${day}::date)::int and b.from_month <= ${day}::date
        left join lateral (select rl.kind, rl.monthly_fen from ${duesReliefs} rl
          where rl.member_id = r.member_id and rl.state = 'approved' and ${day}::date between rl.from_month and rl.to_month
          order by rl.id desc limit 1) rel on true
        left join ${duesPaymentMonths} pm on pm.member_id = r.member_id and pm.month = ${day}::date
        left join ${duesPayments} p on p.id = pm.payment_id
        where (r.org_path = ${orgPath} or r.org_path like ${`${orgPath}.%`})
        order by convert_to(${memberNameOf(sql`r.member_id`)}, 'UTF8'), r.member_id`,
    );
  },

  /** Money booked in the branch's ledger of the month: payments made on a day of it, not reversed. */
  async collected(db: Executor, orgPath: string, day: string) {
    const [row] = await queryRows<{ fen: string }>(
      db,
      sql`select coalesce(sum(${duesPayments.amountFen}), 0)::text as fen from ${duesPayments}
        where (${duesPayments.orgPath} = ${orgPath} or ${duesPayments.orgPath} like ${`${orgPath}.%`})
          and ${duesPayments.reversedAt} is null
          and ${duesPayments.paidOn} >= ${day}::date and ${duesPayments.paidOn} < (${day}::date + interval '1 month')`,
    );
    return Number(row!.fen);
  },
};
