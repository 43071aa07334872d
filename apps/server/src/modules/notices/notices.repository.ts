import { and, desc, eq, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notices } from '../../db/schema';

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeInsert = typeof notices.$inferInsert;

/** What a notice list may show: everything, or the notices of a sender and of these sending orgs. */
export interface NoticeListScope {
  senderId: number;
  /** null: every notice; else also those sent from these orgs (the actor's subtrees). */
  orgIds: readonly number[] | null;
}

/** `%` and `_` typed in a search are letters, not wildcards. */
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const noticesRepository = {
  async insert(tx: Executor, values: NoticeInsert): Promise<NoticeRow> {
    const [row] = await tx.insert(notices).values(values).returning();
    return row!;
  },

  async findById(db: Executor, id: number, lock = false): Promise<NoticeRow | null> {
    const query = db.select().from(notices).where(eq(notices.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async update(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<NoticeInsert>,
  ): Promise<NoticeRow | null> {
    const [row] = await tx
      .update(notices)
      .set({ ...values, updatedAt: new Date(), version: sql`${notices.version} + 1` })
      .where(and(eq(notices.id, id), eq(notices.version, version)))
      .returning();
    return row ?? null;
  },

  async markPublished(tx: Executor, id: number, at: Date, recipients: number): Promise<NoticeRow> {
    const [row] = await tx
      .update(notices)
      .set({ state: 'published', publishedAt: at, recipients, updatedAt: at })
      .where(eq(notices.id, id))
      .returning();
    return row!;
  },

  /** A page of notices, newest first, after the keyset cursor (an id). */
  async list(
    db: Executor,
    scope: NoticeListScope,
    q: { mine: boolean; q?: string | undefined; before?: number | undefined; limit: number },
  ): Promise<NoticeRow[]> {
    let visible: SQL | undefined = eq(notices.senderId, scope.senderId);
    if (!q.mine) {
      if (scope.orgIds === null) visible = undefined;
      else if (scope.orgIds.length) visible = or(visible, inArray(notices.senderOrgId, [...scope.orgIds]));
    }
    return db
      .select()
      .from(notices)
      .where(
        and(
          visible,
          q.q ? ilike(notices.title, likeEscaped(q.q)) : undefined,
          q.before ? lt(notices.id, q.before) : undefined,
        ),
      )
      .orderBy(desc(notices.id))
      .limit(q.limit);
  },

  /** Scheduled notices whose time has come, locked for this transaction (others skip them). */
  async lockDue(tx: Executor, now: Date, limit: number): Promise<NoticeRow[]> {
    return tx
      .select()
      .from(notices)
      .where(
        and(eq(notices.state, 'scheduled'), sql`${notices.publishAt} <= ${now.toISOString()}::timestamptz`),
      )
      .orderBy(notices.publishAt)
      .limit(limit)
      .for('update', { skipLocked: true });
  },
};
