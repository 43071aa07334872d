import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { careVisits as visits } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of visits (走访慰问). */

const columns = {
  id: visits.id,
  memberId: visits.memberId,
  memberName: memberNameOf(visits.memberId),
  orgId: visits.orgId,
  orgName: orgNameOf(visits.orgId),
  orgPath: visits.orgPath,
  reason: visits.reason,
  holiday: visits.holiday,
  visitedOn: visits.visitedOn,
  visitors: visits.visitors,
  giftFen: visits.giftFen,
  note: visits.note,
  version: visits.version,
  createdAt: visits.createdAt,
};

const select = (db: Executor) => db.select(columns).from(visits);
export type VisitRow = Awaited<ReturnType<typeof select>>[number];
export type VisitInsert = typeof visits.$inferInsert;

export const visitsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<VisitRow | null> {
    const q = select(db).where(and(eq(visits.id, id), where));
    const [row] = lock ? await q.for('update', { of: visits }) : await q;
    return row ?? null;
  },

  /** Latest day first, then newest id; after the cursor's (visitedOn, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return select(db)
      .where(
        and(
          where,
          after ? sql`(${visits.visitedOn}, ${visits.id}) < (${after[0]}::date, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(visits.visitedOn), desc(visits.id))
      .limit(limit);
  },

  async totals(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        giftFen: sql<string>`coalesce(sum(${visits.giftFen}), 0)::text`,
      })
      .from(visits)
      .where(where);
    return { count: row!.count, giftFen: Number(row!.giftFen) };
  },

  async insert(db: Executor, values: VisitInsert): Promise<number> {
    const [row] = await db.insert(visits).values(values).returning({ id: visits.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<VisitInsert>) {
    const [row] = await db
      .update(visits)
      .set({ ...values, updatedAt: new Date(), version: sql`${visits.version} + 1` })
      .where(and(eq(visits.id, id), eq(visits.version, version)))
      .returning({ id: visits.id });
    return row ?? null;
  },

  async remove(db: Executor, id: number) {
    await db.delete(visits).where(eq(visits.id, id));
  },

  /** A member's own visits, newest first. */
  ofMember: (db: Executor, memberId: number, limit: number) =>
    select(db)
      .where(eq(visits.memberId, memberId))
      .orderBy(desc(visits.visitedOn), desc(visits.id))
      .limit(limit),
};
