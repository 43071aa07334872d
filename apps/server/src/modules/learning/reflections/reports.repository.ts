import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { memberReports } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

/** Every query of the yearly reports (思想汇报、情况报告). */

const columns = {
  id: memberReports.id,
  memberId: memberReports.memberId,
  memberName: memberNameOf(memberReports.memberId),
  orgId: memberReports.orgId,
  orgPath: memberReports.orgPath,
  orgName: orgNameOf(memberReports.orgId),
  year: memberReports.year,
  kind: memberReports.kind,
  title: memberReports.title,
  body: memberReports.body,
  state: memberReports.state,
  ackComment: memberReports.ackComment,
  ackByName: displayNameOf(memberReports.ackBy),
  ackAt: memberReports.ackAt,
  submittedAt: memberReports.submittedAt,
  version: memberReports.version,
};
const select = (db: Executor) => db.select(columns).from(memberReports);
export type ReportRow = Awaited<ReturnType<typeof select>>[number];

export const reportsRepository = {
  async findById(db: Executor, id: number, lock = false): Promise<ReportRow | null> {
    const q = select(db).where(eq(memberReports.id, id));
    const [row] = lock ? await q.for('update', { of: memberReports }) : await q;
    return row ?? null;
  },

  /** Newest first by id, after the cursor's id. */
  list(db: Executor, where: SQL | undefined, after: number | undefined, limit: number) {
    return select(db)
      .where(and(where, after ? sql`${memberReports.id} < ${after}` : undefined))
      .orderBy(desc(memberReports.id))
      .limit(limit);
  },

  async existing(tx: Executor, memberId: number, year: number, kind: string) {
    const [row] = await tx
      .select({ id: memberReports.id })
      .from(memberReports)
      .where(
        and(eq(memberReports.memberId, memberId), eq(memberReports.year, year), eq(memberReports.kind, kind)),
      )
      .limit(1);
    return row ?? null;
  },

  async insert(tx: Tx, values: typeof memberReports.$inferInsert): Promise<number> {
    const [row] = await tx.insert(memberReports).values(values).returning({ id: memberReports.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<typeof memberReports.$inferInsert>) {
    const [row] = await tx
      .update(memberReports)
      .set({ ...values, updatedAt: new Date(), version: sql`${memberReports.version} + 1` })
      .where(and(eq(memberReports.id, id), eq(memberReports.version, version)))
      .returning({ id: memberReports.id });
    return row ?? null;
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(memberReports)
      .set({ orgPath: sql`${newPath} || substr(${memberReports.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(memberReports.orgPath, oldPath), sql`${memberReports.orgPath} like ${`${oldPath}.%`}`));
  },
};
