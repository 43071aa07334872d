import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outbox } from '../../db/schema';

export type OutboxRow = typeof outbox.$inferSelect;

export const outboxRepository = {
  async insert(tx: Executor, topic: string, payload: unknown): Promise<number> {
    const [row] = await tx.insert(outbox).values({ topic, payload }).returning({ id: outbox.id });
    return row!.id;
  },

  /**
   * Up to `limit` items due by `now`, oldest first, locked for the caller's transaction; items
   * another drainer holds are skipped, not waited for.
   */
  async lockDue(tx: Executor, now: Date, limit: number): Promise<OutboxRow[]> {
    return tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.doneAt), lte(outbox.availableAt, now)))
      .orderBy(asc(outbox.availableAt), asc(outbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async markDone(tx: Executor, id: number, at: Date): Promise<void> {
    await tx
      .update(outbox)
      .set({ doneAt: at, attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, id));
  },

  async markFailed(tx: Executor, id: number, error: string, availableAt: Date): Promise<void> {
    await tx
      .update(outbox)
      .set({ lastError: error, availableAt, attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, id));
  },
};
