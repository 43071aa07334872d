import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import {
  duesBases,
  duesReliefs,
  duesPaymentMonths as paidMonths,
  duesPayments as payments,
} from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of payments and the months they cover. */

const paymentColumns = {
  id: payments.id,
  memberId: payments.memberId,
  memberName: memberNameOf(payments.memberId),
  orgId: payments.orgId,
  orgPath: payments.orgPath,
  orgName: orgNameOf(payments.orgId),
  fromMonth: payments.fromMonth,
  toMonth: payments.toMonth,
  amountFen: payments.amountFen,
  method: payments.method,
  paidOn: payments.paidOn,
  collectedBy: payments.collectedBy,
  payerName: payments.payerName,
  note: payments.note,
  reversedAt: payments.reversedAt,
};

const selectPayments = (db: Executor) => db.select(paymentColumns).from(payments);
export type PaymentRow = Awaited<ReturnType<typeof selectPayments>>[number];

export const paymentsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<PaymentRow | null> {
    const q = selectPayments(db).where(and(eq(payments.id, id), where));
    const [row] = lock ? await q.for('update', { of: payments }) : await q;
    return row ?? null;
  },

  /** Newest first; after the cursor's id. */
  list: (db: Executor, where: SQL | undefined, after: number | undefined, limit: number) =>
    selectPayments(db)
      .where(and(where, after ? sql`${payments.id} < ${after}` : undefined))
      .orderBy(desc(payments.id))
      .limit(limit),

  monthsOf: (db: Executor, ids: readonly number[]) =>
    ids.length
      ? db
          .select({
            paymentId: paidMonths.paymentId,
            month: paidMonths.month,
            amountFen: paidMonths.amountFen,
          })
          .from(paidMonths)
          .where(inArray(paidMonths.paymentId, [...ids]))
          .orderBy(asc(paidMonths.month))
      : Promise.resolve([]),

  /** For each month (first days) of a member: the base's amount, an approved relief, paid already. */
  async monthFacts(db: Executor, memberId: number, days: readonly string[]) {
    const [bases, reliefs, paid] = await Promise.all([
      db
        .select({ year: duesBases.year, fromMonth: duesBases.fromMonth, monthlyFen: duesBases.monthlyFen })
        .from(duesBases)
        .where(eq(duesBases.memberId, memberId)),
      db
        .select({
          kind: duesReliefs.kind,
          fromMonth: duesReliefs.fromMonth,
          toMonth: duesReliefs.toMonth,
          monthlyFen: duesReliefs.monthlyFen,
        })
        .from(duesReliefs)
        .where(and(eq(duesReliefs.memberId, memberId), eq(duesReliefs.state, 'approved')))
        .orderBy(desc(duesReliefs.id)),
      db
        .select({ month: paidMonths.month })
        .from(paidMonths)
        .where(and(eq(paidMonths.memberId, memberId), inArray(paidMonths.month, [...days]))),
    ]);
    const paidSet = new Set(paid.map((p) => p.month));
    return days.map((day) => {
      const base = bases.find((b) => b.year === Number(day.slice(0, 4)) && b.fromMonth <= day);
      const relief = reliefs.find((r) => r.fromMonth <= day && day <= r.toMonth);
      return { day, base, relief, paid: paidSet.has(day) };
    });
  },

  async insert(db: Executor, values: typeof payments.$inferInsert): Promise<number> {
    const [row] = await db.insert(payments).values(values).returning({ id: payments.id });
    return row!.id;
  },

  insertMonths: (db: Executor, rows: (typeof paidMonths.$inferInsert)[]) =>
    db.insert(paidMonths).values(rows),

  async reverse(db: Executor, id: number, userId: number) {
    await db.delete(paidMonths).where(eq(paidMonths.paymentId, id));
    const [row] = await db
      .update(payments)
      .set({ reversedAt: new Date(), reversedBy: userId })
      .where(and(eq(payments.id, id), isNull(payments.reversedAt)))
      .returning({ id: payments.id });
    return row ?? null;
  },
};
