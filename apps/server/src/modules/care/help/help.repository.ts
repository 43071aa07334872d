import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { careHelp as help } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of hardship help (困难帮扶). */

const columns = {
  id: help.id,
  memberId: help.memberId,
  memberName: memberNameOf(help.memberId),
  orgId: help.orgId,
  orgName: orgNameOf(help.orgId),
  orgPath: help.orgPath,
  kind: help.kind,
  amountFen: help.amountFen,
  givenOn: help.givenOn,
  reason: help.reason,
  note: help.note,
  version: help.version,
  createdAt: help.createdAt,
};

const select = (db: Executor) => db.select(columns).from(help);
export type HelpRow = Awaited<ReturnType<typeof select>>[number];
export type HelpInsert = typeof help.$inferInsert;

export const helpRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<HelpRow | null> {
    const q = select(db).where(and(eq(help.id, id), where));
    const [row] = lock ? await q.for('update', { of: help }) : await q;
    return row ?? null;
  },

  /** Latest day first, then newest id; after the cursor's (givenOn, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return select(db)
      .where(
        and(where, after ? sql`(${help.givenOn}, ${help.id}) < (${after[0]}::date, ${after[1]})` : undefined),
      )
      .orderBy(desc(help.givenOn), desc(help.id))
      .limit(limit);
  },

  async totals(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        amountFen: sql<string>`coalesce(sum(${help.amountFen}), 0)::text`,
      })
      .from(help)
      .where(where);
    return { count: row!.count, amountFen: Number(row!.amountFen) };
  },

  async insert(db: Executor, values: HelpInsert): Promise<number> {
    const [row] = await db.insert(help).values(values).returning({ id: help.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<HelpInsert>) {
    const [row] = await db
      .update(help)
      .set({ ...values, updatedAt: new Date(), version: sql`${help.version} + 1` })
      .where(and(eq(help.id, id), eq(help.version, version)))
      .returning({ id: help.id });
    return row ?? null;
  },

  async remove(db: Executor, id: number) {
    await db.delete(help).where(eq(help.id, id));
  },

  /** A member's own help records, newest first. */
  ofMember: (db: Executor, memberId: number, limit: number) =>
    select(db).where(eq(help.memberId, memberId)).orderBy(desc(help.givenOn), desc(help.id)).limit(limit),
};
