import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { memberFeedback } from '../../../db/schema';
import { arrayLiteral } from '../../../lib/array-literal';

export type FeedbackRow = typeof memberFeedback.$inferSelect;

/** Every query of the yearly conduct feedback (member_feedback). */
export const feedbackRepository = {
  async ofMembers(db: Executor, memberIds: readonly number[], year: number): Promise<FeedbackRow[]> {
    if (memberIds.length === 0) return [];
    return db
      .select()
      .from(memberFeedback)
      .where(and(inArray(memberFeedback.memberId, [...memberIds]), eq(memberFeedback.year, year)));
  },

  async find(db: Executor, memberId: number, year: number, lock = false): Promise<FeedbackRow | null> {
    const query = db
      .select()
      .from(memberFeedback)
      .where(and(eq(memberFeedback.memberId, memberId), eq(memberFeedback.year, year)));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** The first comment of a member's year; null when another transaction wrote it first. */
  async insert(tx: Executor, memberId: number, year: number, comment: string | null, by: number) {
    const [row] = await tx
      .insert(memberFeedback)
      .values({ memberId, year, comment, updatedBy: by, version: 1 })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  },

  async update(tx: Executor, id: number, version: number, comment: string | null, by: number) {
    const [row] = await tx
      .update(memberFeedback)
      .set({ comment, updatedBy: by, updatedAt: new Date(), version: sql`${memberFeedback.version} + 1` })
      .where(and(eq(memberFeedback.id, id), eq(memberFeedback.version, version)))
      .returning();
    return row ?? null;
  },

  /** Marks the members' year sent (a row without a comment where none was written). One statement. */
  async markSent(tx: Executor, memberIds: readonly number[], year: number, by: number, at: Date) {
    if (memberIds.length === 0) return 0;
    await tx.execute(sql`
      insert into ${memberFeedback} (member_id, year, sent_at, sent_by)
      select id, ${year}, ${at.toISOString()}::timestamptz, ${by} from unnest(${arrayLiteral([...memberIds])}::int[]) as id
      on conflict (member_id, year) do update set sent_at = excluded.sent_at, sent_by = excluded.sent_by`);
    return memberIds.length;
  },
};
