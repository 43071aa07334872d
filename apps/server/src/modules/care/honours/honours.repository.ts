import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { honours } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { committeeOf, orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of honours (表彰). */

const columns = {
  id: honours.id,
  kind: honours.kind,
  level: honours.level,
  title: honours.title,
  issuer: honours.issuer,
  awardedOn: honours.awardedOn,
  memberId: honours.memberId,
  memberName: sql<string | null>`${memberNameOf(honours.memberId)}`,
  recipientOrgId: honours.recipientOrgId,
  recipientOrgName: sql<string | null>`${orgNameOf(honours.recipientOrgId)}`,
  recipientName: honours.recipientName,
  orgId: honours.orgId,
  orgName: orgNameOf(honours.orgId),
  orgPath: honours.orgPath,
  note: honours.note,
  version: honours.version,
  createdAt: honours.createdAt,
};

/** The levels' rank, national first. */
const levelRank = sql`array_position(array['national', 'provincial', 'city', 'county', 'committee']::text[], ${honours.level})`;

const select = (db: Executor) => db.select(columns).from(honours);
export type HonourRow = Awaited<ReturnType<typeof select>>[number];
export type HonourInsert = typeof honours.$inferInsert;

export const honoursRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<HonourRow | null> {
    const q = select(db).where(and(eq(honours.id, id), where));
    const [row] = lock ? await q.for('update', { of: honours }) : await q;
    return row ?? null;
  },

  /** Latest day first, then newest id; after the cursor's (awardedOn, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return select(db)
      .where(
        and(
          where,
          after ? sql`(${honours.awardedOn}, ${honours.id}) < (${after[0]}::date, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(honours.awardedOn), desc(honours.id))
      .limit(limit);
  },

  async count(db: Executor, where: SQL | undefined) {
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(honours).where(where);
    return row!.count;
  },

  /** The wall: by level (national first), then latest first. */
  wall: (db: Executor, where: SQL | undefined, limit: number) =>
    select(db).where(where).orderBy(asc(levelRank), desc(honours.awardedOn), desc(honours.id)).limit(limit),

  async insert(db: Executor, values: HonourInsert): Promise<number> {
    const [row] = await db.insert(honours).values(values).returning({ id: honours.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<HonourInsert>) {
    const [row] = await db
      .update(honours)
      .set({ ...values, updatedAt: new Date(), version: sql`${honours.version} + 1` })
      .where(and(eq(honours.id, id), eq(honours.version, version)))
      .returning({ id: honours.id });
    return row ?? null;
  },

  async remove(db: Executor, id: number) {
    await db.delete(honours).where(eq(honours.id, id));
  },

  ofMember: (db: Executor, memberId: number, limit: number) =>
    select(db)
      .where(eq(honours.memberId, memberId))
      .orderBy(desc(honours.awardedOn), desc(honours.id))
      .limit(limit),
  /** Honours matching `where`, counted by the second-level committee of the org keeping them and by level. */
  byCommitteeAndLevel(db: Executor, where: SQL | undefined) {
    const committee = committeeOf(honours.orgId);
    return queryRows<{ committee_id: number | null; name: string | null; level: string; n: number }>(
      db,
      sql`select ${committee.id} as committee_id, ${committee.name} as name, ${honours.level} as level,
          count(*)::int as n
        from ${honours} where ${where ?? sql`true`}
        group by 1, 2, 3`,
    );
  },
};
