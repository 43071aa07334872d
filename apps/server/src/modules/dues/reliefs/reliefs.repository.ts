import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { duesReliefs as reliefs } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of relief requests (减免). */

const reliefColumns = {
  id: reliefs.id,
  memberId: reliefs.memberId,
  memberName: memberNameOf(reliefs.memberId),
  orgId: reliefs.orgId,
  orgPath: reliefs.orgPath,
  orgName: orgNameOf(reliefs.orgId),
  kind: reliefs.kind,
  fromMonth: reliefs.fromMonth,
  toMonth: reliefs.toMonth,
  monthlyFen: reliefs.monthlyFen,
  reason: reliefs.reason,
  state: reliefs.state,
  reviewedBy: reliefs.reviewedBy,
  reviewNote: reliefs.reviewNote,
  decidedBy: reliefs.decidedBy,
  decisionNote: reliefs.decisionNote,
  createdBy: reliefs.createdBy,
  version: reliefs.version,
};

const selectReliefs = (db: Executor) => db.select(reliefColumns).from(reliefs);
export type ReliefRow = Awaited<ReturnType<typeof selectReliefs>>[number];

export const reliefsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<ReliefRow | null> {
    const q = selectReliefs(db).where(and(eq(reliefs.id, id), where));
    const [row] = lock ? await q.for('update', { of: reliefs }) : await q;
    return row ?? null;
  },

  list: (db: Executor, where: SQL | undefined, after: number | undefined, limit: number) =>
    selectReliefs(db)
      .where(and(where, after ? sql`${reliefs.id} < ${after}` : undefined))
      .orderBy(desc(reliefs.id))
      .limit(limit),

  async insert(db: Executor, values: typeof reliefs.$inferInsert): Promise<number> {
    const [row] = await db.insert(reliefs).values(values).returning({ id: reliefs.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<typeof reliefs.$inferInsert>) {
    const [row] = await db
      .update(reliefs)
      .set({ ...values, updatedAt: new Date(), version: sql`${reliefs.version} + 1` })
      .where(and(eq(reliefs.id, id), eq(reliefs.version, version)))
      .returning({ id: reliefs.id });
    return row ?? null;
  },
};
