import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../../db/client';
import { transfers } from '../../../../db/schema';
import { memberIdMaskedOf, memberNameOf } from '../../../members/members.fragments';
import { orgNameOf } from '../../../orgs/orgs.fragments';

/** A transfer with the names a list shows: the member (masked ID) and this side's org. */
const columns = {
  id: transfers.id,
  letterNumber: transfers.letterNumber,
  direction: transfers.direction,
  memberId: transfers.memberId,
  memberName: memberNameOf(transfers.memberId),
  memberIdMasked: memberIdMaskedOf(transfers.memberId),
  orgId: transfers.orgId,
  orgPath: transfers.orgPath,
  orgName: orgNameOf(transfers.orgId),
  fromOrgName: transfers.fromOrgName,
  toOrgName: transfers.toOrgName,
  toOrgId: transfers.toOrgId,
  reason: transfers.reason,
  duesPaidUntil: transfers.duesPaidUntil,
  issuedOn: transfers.issuedOn,
  validUntil: transfers.validUntil,
  receiptDueOn: transfers.receiptDueOn,
  receiptReturnedOn: transfers.receiptReturnedOn,
  stubKeepUntil: transfers.stubKeepUntil,
  state: transfers.state,
  cancelReason: transfers.cancelReason,
  version: transfers.version,
  createdAt: transfers.createdAt,
};

const selectRows = (db: Executor) => db.select(columns).from(transfers);
export type TransferRow = Awaited<ReturnType<typeof selectRows>>[number];
export type TransferInsert = typeof transfers.$inferInsert;

/** Open letters whose receipt is past due on `today`. */
export const overdueCondition = (today: string) =>
  and(eq(transfers.state, 'issued'), lt(transfers.receiptDueOn, today))!;

export const transfersRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<TransferRow | null> {
    const q = selectRows(db).where(and(eq(transfers.id, id), where));
    const [row] = lock ? await q.for('update', { of: transfers }) : await q;
    return row ?? null;
  },

  /** Newest first (by id), after the cursor's id. */
  list(
    db: Executor,
    where: SQL | undefined,
    after: number | undefined,
    limit: number,
  ): Promise<TransferRow[]> {
    return selectRows(db)
      .where(and(where, after ? lt(transfers.id, after) : undefined))
      .orderBy(desc(transfers.id))
      .limit(limit);
  },

  async insert(tx: Tx, values: TransferInsert): Promise<number> {
    const [row] = await tx.insert(transfers).values(values).returning({ id: transfers.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<TransferInsert>) {
    const [row] = await tx
      .update(transfers)
      .set({ ...values, version: sql`${transfers.version} + 1` })
      .where(and(eq(transfers.id, id), eq(transfers.version, version)))
      .returning({ id: transfers.id });
    return row ?? null;
  },

  /** The member's open transfer (letter issued, receipt not back), if any. */
  async openOf(db: Executor, memberId: number) {
    const [row] = await db
      .select({ id: transfers.id, letterNumber: transfers.letterNumber })
      .from(transfers)
      .where(and(eq(transfers.memberId, memberId), eq(transfers.state, 'issued')))
      .limit(1);
    return row ?? null;
  },

  async count(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(transfers).where(where);
    return row?.n ?? 0;
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(transfers)
      .set({ orgPath: sql`${newPath} || substr(${transfers.orgPath}, ${oldPath.length + 1})` })
      .where(sql`${transfers.orgPath} = ${oldPath} or ${transfers.orgPath} like ${`${oldPath}.%`}`);
  },
};
