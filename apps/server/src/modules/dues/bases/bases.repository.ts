import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { duesBases as bases } from '../../../db/schema';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of the members' yearly bases (收入基数). */

const baseColumns = {
  id: bases.id,
  memberId: bases.memberId,
  memberName: memberNameOf(bases.memberId),
  year: bases.year,
  category: bases.category,
  incomeFen: bases.incomeFen,
  rateBp: bases.rateBp,
  monthlyFen: bases.monthlyFen,
  rulesVersion: bases.rulesVersion,
  fromMonth: bases.fromMonth,
  declaredOn: bases.declaredOn,
  orgId: bases.orgId,
  orgPath: bases.orgPath,
  orgName: orgNameOf(bases.orgId),
  note: bases.note,
  version: bases.version,
};

const selectBases = (db: Executor) => db.select(baseColumns).from(bases);
export type BaseRow = Awaited<ReturnType<typeof selectBases>>[number];
export type BaseInsert = typeof bases.$inferInsert;

export interface RollRow {
  member_id: number;
  member_name: string;
  member_type: string;
  org_id: number;
  org_name: string;
  base_id: number | null;
}

export const basesRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<BaseRow | null> {
    const q = selectBases(db).where(and(eq(bases.id, id), where));
    const [row] = lock ? await q.for('update', { of: bases }) : await q;
    return row ?? null;
  },

  async findFor(db: Executor, memberId: number, year: number): Promise<BaseRow | null> {
    const [row] = await selectBases(db).where(and(eq(bases.memberId, memberId), eq(bases.year, year)));
    return row ?? null;
  },

  /** A member's bases, oldest year first. */
  ofMember: (db: Executor, memberId: number) =>
    selectBases(db).where(eq(bases.memberId, memberId)).orderBy(bases.year),

  byIds: (db: Executor, ids: readonly number[]) =>
    ids.length ? selectBases(db).where(inArray(bases.id, [...ids])) : Promise.resolve([]),

  async insert(db: Executor, values: BaseInsert): Promise<number> {
    const [row] = await db.insert(bases).values(values).returning({ id: bases.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<BaseInsert>) {
    const [row] = await db
      .update(bases)
      .set({ ...values, updatedAt: new Date(), version: sql`${bases.version} + 1` })
      .where(and(eq(bases.id, id), eq(bases.version, version)))
      .returning({ id: bases.id });
    return row ?? null;
  },

  /**
   * Members on the rolls where `where` (over `r.org_path`) holds, each with the id of their base
   * for the year (or null); by member id after the cursor.
   */
  roll(db: Executor, year: number, where: SQL, missing: boolean, after: number | undefined, limit: number) {
    return queryRows<RollRow>(
      db,
      sql`select r.member_id, ${memberNameOf(sql`r.member_id`)} as member_name, r.member_type,
          r.org_id, ${orgNameOf(sql`r.org_id`)} as org_name, b.id as base_id
        from (${membersOnRolls()}) r
        left join ${bases} b on b.member_id = r.member_id and b.year = ${year}
        where ${where} ${missing ? sql`and b.id is null` : sql``}
          ${after ? sql`and r.member_id > ${after}` : sql``}
        order by r.member_id limit ${limit}`,
    );
  },

  async rollTotals(db: Executor, year: number, where: SQL) {
    const [row] = await queryRows<{ members: number; missing: number }>(
      db,
      sql`select count(*)::int as members, count(*) filter (where b.id is null)::int as missing
        from (${membersOnRolls()}) r
        left join ${bases} b on b.member_id = r.member_id and b.year = ${year}
        where ${where}`,
    );
    return row!;
  },
};
