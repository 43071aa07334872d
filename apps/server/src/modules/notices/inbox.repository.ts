import { and, count, desc, eq, inArray, isNotNull, isNull, like, lt, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inboxItems } from '../../db/schema';

export type InboxItemRow = typeof inboxItems.$inferSelect;
export type InboxItemInsert = typeof inboxItems.$inferInsert;

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 6 columns a row. */
const CHUNK = 1000;

/** The key of a reminder to read a notice: unique per reminder, found again by its prefix. */
export const reminderKeyPrefix = (noticeId: number) => `notice:${noticeId}:remind:`;

const own = (userId: number) => eq(inboxItems.userId, userId);

export const inboxRepository = {
  /** Inserts the items; one an index already holds (same notice, same dedupe key) is skipped. Returns the user ids of those inserted. */
  async insert(tx: Executor, rows: InboxItemInsert[]): Promise<number[]> {
    const inserted: number[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const done = await tx
        .insert(inboxItems)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoNothing()
        .returning({ userId: inboxItems.userId });
      for (const r of done) inserted.push(r.userId);
    }
    return inserted;
  },

  /** Read items per notice, for these notices. */
  async readCounts(db: Executor, noticeIds: readonly number[]): Promise<Map<number, number>> {
    if (noticeIds.length === 0) return new Map();
    const rows = await db
      .select({ noticeId: inboxItems.noticeId, n: count() })
      .from(inboxItems)
      .where(and(inArray(inboxItems.noticeId, [...noticeIds]), isNotNull(inboxItems.readAt)))
      .groupBy(inboxItems.noticeId);
    return new Map(rows.map((r) => [r.noticeId as number, Number(r.n)]));
  },

  /** The user's item for a notice, if the notice went to the user. */
  async findForNotice(db: Executor, noticeId: number, userId: number): Promise<InboxItemRow | null> {
    const [row] = await db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.noticeId, noticeId), own(userId)));
    return row ?? null;
  },

  /** Marks one of the user's items read (the first reading stays); null when it is not the user's. */
  async markRead(tx: Executor, id: number, userId: number, at: Date): Promise<InboxItemRow | null> {
    const [row] = await tx
      .update(inboxItems)
      .set({ readAt: sql`coalesce(${inboxItems.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(inboxItems.id, id), own(userId)))
      .returning();
    return row ?? null;
  },

  /** Marks the user's reminders to read a notice read. */
  async markRemindersRead(tx: Executor, noticeId: number, userId: number, at: Date): Promise<void> {
    await tx
      .update(inboxItems)
      .set({ readAt: at })
      .where(
        and(
          own(userId),
          isNull(inboxItems.readAt),
          like(inboxItems.dedupeKey, `${reminderKeyPrefix(noticeId)}%`),
        ),
      );
  },

  async markAllRead(tx: Executor, userId: number, at: Date): Promise<number> {
    const rows = await tx
      .update(inboxItems)
      .set({ readAt: at })
      .where(and(own(userId), isNull(inboxItems.readAt)))
      .returning({ id: inboxItems.id });
    return rows.length;
  },

  /** A page of the user's inbox, newest first, after the keyset cursor (an id). */
  async list(
    db: Executor,
    userId: number,
    q: { unread: boolean; before?: number | undefined; limit: number },
  ): Promise<InboxItemRow[]> {
    return db
      .select()
      .from(inboxItems)
      .where(
        and(
          own(userId),
          q.unread ? isNull(inboxItems.readAt) : undefined,
          q.before ? lt(inboxItems.id, q.before) : undefined,
        ),
      )
      .orderBy(desc(inboxItems.id))
      .limit(q.limit);
  },

  async unreadCount(db: Executor, userId: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(inboxItems)
      .where(and(own(userId), isNull(inboxItems.readAt)));
    return Number(row?.n ?? 0);
  },

  /** The recipients of a notice, in the order they were added, after the keyset cursor. */
  async receipts(
    db: Executor,
    noticeId: number,
    q: { state: 'all' | 'read' | 'unread'; after?: number | undefined; limit: number },
  ): Promise<InboxItemRow[]> {
    return db
      .select()
      .from(inboxItems)
      .where(
        and(
          eq(inboxItems.noticeId, noticeId),
          q.state === 'read' ? isNotNull(inboxItems.readAt) : undefined,
          q.state === 'unread' ? isNull(inboxItems.readAt) : undefined,
          q.after ? sql`${inboxItems.id} > ${q.after}` : undefined,
        ),
      )
      .orderBy(inboxItems.id)
      .limit(q.limit);
  },

  /** When the unread of a notice were last reminded. */
  async lastReminded(db: Executor, noticeId: number): Promise<Date | null> {
    const [row] = await db
      .select({ at: max(inboxItems.remindedAt) })
      .from(inboxItems)
      .where(eq(inboxItems.noticeId, noticeId));
    return row?.at ?? null;
  },

  /** Stamps the notice's unread items as reminded; returns their users. */
  async remindUnread(tx: Executor, noticeId: number, at: Date): Promise<number[]> {
    const rows = await tx
      .update(inboxItems)
      .set({ remindedAt: at })
      .where(and(eq(inboxItems.noticeId, noticeId), isNull(inboxItems.readAt)))
      .returning({ userId: inboxItems.userId });
    return rows.map((r) => r.userId);
  },
};
