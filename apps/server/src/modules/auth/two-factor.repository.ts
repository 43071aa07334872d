import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { userRecoveryCodes, userSecondFactors } from '../../db/schema';

export type SecondFactorRow = typeof userSecondFactors.$inferSelect;

/** The second factor's tables: the secret (encrypted) and the recovery codes (hashed). */
export const twoFactorRepository = {
  async find(db: Executor, userId: number, lock = false): Promise<SecondFactorRow | null> {
    const q = db.select().from(userSecondFactors).where(eq(userSecondFactors.userId, userId));
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },

  async enabledFor(db: Executor, userId: number): Promise<boolean> {
    const row = await this.find(db, userId);
    return Boolean(row?.enabledAt);
  },

  async enabledAmong(db: Executor, userIds: readonly number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const rows = await db
      .select({ userId: userSecondFactors.userId })
      .from(userSecondFactors)
      .where(and(inArray(userSecondFactors.userId, [...userIds]), isNotNull(userSecondFactors.enabledAt)));
    return new Set(rows.map((r) => r.userId));
  },

  async setPending(tx: Executor, userId: number, pendingSecret: string): Promise<void> {
    await tx
      .insert(userSecondFactors)
      .values({ userId, pendingSecret })
      .onConflictDoUpdate({
        target: userSecondFactors.userId,
        set: { pendingSecret, updatedAt: new Date() },
      });
  },

  async enable(tx: Executor, userId: number, secret: string, step: number): Promise<void> {
    await tx
      .update(userSecondFactors)
      .set({ secret, pendingSecret: null, enabledAt: new Date(), lastStep: step, updatedAt: new Date() })
      .where(eq(userSecondFactors.userId, userId));
  },

  /** Records the step of an accepted code; false when a code of that step or later was taken. */
  async takeStep(tx: Executor, userId: number, step: number): Promise<boolean> {
    const rows = await tx
      .update(userSecondFactors)
      .set({ lastStep: step, updatedAt: new Date() })
      .where(and(eq(userSecondFactors.userId, userId), lt(userSecondFactors.lastStep, step)))
      .returning({ lastStep: userSecondFactors.lastStep });
    return rows.length > 0;
  },

  /** Turns the second factor off and forgets its recovery codes; false when it was not on. */
  async clear(tx: Executor, userId: number): Promise<boolean> {
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    const rows = await tx
      .delete(userSecondFactors)
      .where(eq(userSecondFactors.userId, userId))
      .returning({ enabledAt: userSecondFactors.enabledAt });
    return rows.some((r) => r.enabledAt !== null);
  },

  async replaceRecoveryCodes(tx: Executor, userId: number, codeHashes: readonly string[]): Promise<void> {
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    await tx.insert(userRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  },

  /** Marks an unused recovery code used; false when there is no such unused code. */
  /** Uses up the unused code stored under any of the hashes (the suites' hashes of one code). */
  async useRecoveryCode(tx: Executor, userId: number, codeHashes: string[]): Promise<boolean> {
    const rows = await tx
      .update(userRecoveryCodes)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(userRecoveryCodes.userId, userId),
          inArray(userRecoveryCodes.codeHash, codeHashes),
          isNull(userRecoveryCodes.usedAt),
        ),
      )
      .returning({ userId: userRecoveryCodes.userId });
    return rows.length > 0;
  },
};
