import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { meetingAmendments, meetingAttendees, meetings } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

/** The attendance counts of the meeting in `meetings.id`, in one subquery per row. */
const countsOf = sql<{
  due: number;
  attended: number;
  late: number;
  leave: number;
  absent: number;
  pending: number;
  guests: number;
  leaveRequested: number;
}>`(select json_build_object(
    'due', count(*) filter (where a.role = 'expected'),
    'attended', count(*) filter (where a.role = 'expected' and a.status in ('signed', 'late')),
    'late', count(*) filter (where a.role = 'expected' and a.status = 'late'),
    'leave', count(*) filter (where a.role = 'expected' and a.status = 'leave'),
    'absent', count(*) filter (where a.role = 'expected' and a.status = 'absent'),
    'pending', count(*) filter (where a.role = 'expected' and a.status = 'pending'),
    'guests', count(*) filter (where a.role = 'guest' and a.status in ('signed', 'late')),
    'leaveRequested', count(*) filter (where a.leave_state = 'requested')
  ) from meeting_attendees a where a.meeting_id = "meetings"."id")`;

const listColumns = {
  id: meetings.id,
  orgId: meetings.orgId,
  orgPath: meetings.orgPath,
  orgName: orgNameOf(meetings.orgId),
  type: meetings.type,
  customType: meetings.customType,
  topic: meetings.topic,
  plannedAt: meetings.plannedAt,
  heldAt: meetings.heldAt,
  mode: meetings.mode,
  place: meetings.place,
  state: meetings.state,
  counts: countsOf,
};

const selectList = (db: Executor) => db.select(listColumns).from(meetings);
export type MeetingListRow = Awaited<ReturnType<typeof selectList>>[number];

const selectFull = (db: Executor) => db.select({ ...listColumns, row: meetings }).from(meetings);
export type MeetingFullRow = Awaited<ReturnType<typeof selectFull>>[number];

export type MeetingInsert = typeof meetings.$inferInsert;
export type MeetingRow = typeof meetings.$inferSelect;

const attendeeColumns = {
  meetingId: meetingAttendees.meetingId,
  memberId: meetingAttendees.memberId,
  name: memberNameOf(meetingAttendees.memberId),
  role: meetingAttendees.role,
  status: meetingAttendees.status,
  signedAt: meetingAttendees.signedAt,
  channel: meetingAttendees.channel,
  leaveReason: meetingAttendees.leaveReason,
  leaveState: meetingAttendees.leaveState,
  note: meetingAttendees.note,
};
const selectAttendees = (db: Executor) => db.select(attendeeColumns).from(meetingAttendees);
export type AttendeeRow = Awaited<ReturnType<typeof selectAttendees>>[number];

/** The instant a meeting counts from: when it was held, else when it is planned. */
export const meetingStart = (m: { heldAt: Date | null; plannedAt: Date }): Date => m.heldAt ?? m.plannedAt;

export const meetingsRepository = {
  /** Newest first by planned time, then id, after the cursor. */
  list(
    db: Executor,
    where: SQL | undefined,
    after: { plannedAt: Date; id: number } | undefined,
    limit: number,
  ): Promise<MeetingListRow[]> {
    const keyset = after
      ? or(
          lt(meetings.plannedAt, after.plannedAt),
          and(eq(meetings.plannedAt, after.plannedAt), lt(meetings.id, after.id)),
        )
      : undefined;
    return selectList(db)
      .where(and(where, keyset))
      .orderBy(desc(meetings.plannedAt), desc(meetings.id))
      .limit(limit);
  },

  async findById(db: Executor, id: number, lock = false): Promise<MeetingFullRow | null> {
    const q = selectFull(db).where(eq(meetings.id, id));
    const [row] = lock ? await q.for('update', { of: meetings }) : await q;
    return row ?? null;
  },

  async insert(tx: Tx, values: MeetingInsert): Promise<number> {
    const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
    return row!.id;
  },

  /** Changes a meeting at the version read; null when another change came first. */
  async update(tx: Tx, id: number, version: number, values: Partial<MeetingInsert>) {
    const [row] = await tx
      .update(meetings)
      .set({ ...values, updatedAt: new Date(), version: sql`${meetings.version} + 1` })
      .where(and(eq(meetings.id, id), eq(meetings.version, version)))
      .returning({ id: meetings.id });
    return row ?? null;
  },

  /** Changes a meeting whatever its version (an amendment, under the row lock). */
  async amend(tx: Tx, id: number, values: Partial<MeetingInsert>) {
    await tx
      .update(meetings)
      .set({ ...values, updatedAt: new Date(), version: sql`${meetings.version} + 1` })
      .where(eq(meetings.id, id));
  },

  async insertAmendment(tx: Tx, values: typeof meetingAmendments.$inferInsert) {
    await tx.insert(meetingAmendments).values(values);
  },

  amendments(db: Executor, meetingId: number) {
    return db
      .select({
        id: meetingAmendments.id,
        field: meetingAmendments.field,
        before: meetingAmendments.before,
        after: meetingAmendments.after,
        reason: meetingAmendments.reason,
        createdBy: displayNameOf(meetingAmendments.createdBy),
        createdAt: meetingAmendments.createdAt,
      })
      .from(meetingAmendments)
      .where(eq(meetingAmendments.meetingId, meetingId))
      .orderBy(asc(meetingAmendments.id));
  },

  /** Adds attendees; one already there keeps its row (an expected one is never turned into a guest). */
  async addAttendees(
    tx: Executor,
    meetingId: number,
    memberIds: readonly number[],
    role: 'expected' | 'guest',
  ) {
    for (let i = 0; i < memberIds.length; i += 2000) {
      const chunk = memberIds.slice(i, i + 2000);
      if (chunk.length === 0) continue;
      await tx
        .insert(meetingAttendees)
        .values(chunk.map((memberId) => ({ meetingId, memberId, role })))
        .onConflictDoUpdate({
          target: [meetingAttendees.meetingId, meetingAttendees.memberId],
          set: role === 'expected' ? { role: 'expected' } : { role: sql`${meetingAttendees.role}` },
        });
    }
  },

  /** Removes attendees who have not attended; returns the ids removed. */
  async removeAttendees(tx: Executor, meetingId: number, memberIds: readonly number[]) {
    if (memberIds.length === 0) return [];
    const rows = await tx
      .delete(meetingAttendees)
      .where(
        and(
          eq(meetingAttendees.meetingId, meetingId),
          inArray(meetingAttendees.memberId, [...memberIds]),
          sql`${meetingAttendees.status} not in ('signed', 'late')`,
        ),
      )
      .returning({ memberId: meetingAttendees.memberId });
    return rows.map((r) => r.memberId);
  },

  attendees(db: Executor, meetingId: number, after: number | undefined, limit: number) {
    return selectAttendees(db)
      .where(
        and(
          eq(meetingAttendees.meetingId, meetingId),
          after ? gt(meetingAttendees.memberId, after) : undefined,
        ),
      )
      .orderBy(asc(meetingAttendees.memberId))
      .limit(limit);
  },

  /** Every attendee who attended (signed or late). */
  attendedOf(db: Executor, meetingId: number) {
    return db
      .select({ memberId: meetingAttendees.memberId })
      .from(meetingAttendees)
      .where(
        and(eq(meetingAttendees.meetingId, meetingId), inArray(meetingAttendees.status, ['signed', 'late'])),
      );
  },

  async attendee(
    db: Executor,
    meetingId: number,
    memberId: number,
    lock = false,
  ): Promise<AttendeeRow | null> {
    const q = selectAttendees(db).where(
      and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.memberId, memberId)),
    );
    const [row] = lock ? await q.for('update', { of: meetingAttendees }) : await q;
    return row ?? null;
  },

  async updateAttendee(
    tx: Executor,
    meetingId: number,
    memberId: number,
    values: Partial<typeof meetingAttendees.$inferInsert>,
  ) {
    await tx
      .update(meetingAttendees)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.memberId, memberId)));
  },

  /** A guest's sign-in: the row, unless one is there already (then null). */
  async insertGuest(tx: Executor, values: typeof meetingAttendees.$inferInsert) {
    const [row] = await tx
      .insert(meetingAttendees)
      .values(values)
      .onConflictDoNothing()
      .returning({ memberId: meetingAttendees.memberId });
    return row ?? null;
  },

  /** The member's meetings (as an attendee), newest first or from a day on, soonest first. */
  mine(db: Executor, memberId: number, upcoming: boolean, now: Date, limit: number) {
    return db
      .select({ ...listColumns, onlineUrl: meetings.onlineUrl, attendee: attendeeColumns })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(
        and(
          eq(meetingAttendees.memberId, memberId),
          upcoming
            ? and(
                eq(meetings.state, 'planned'),
                sql`${meetings.plannedAt} >= ${new Date(now.getTime() - 3 * 3600_000)}`,
              )
            : or(
                inArray(meetings.state, ['held', 'archived', 'cancelled']),
                sql`${meetings.plannedAt} < ${new Date(now.getTime() - 3 * 3600_000)}`,
              ),
        ),
      )
      .orderBy(upcoming ? asc(meetings.plannedAt) : desc(meetings.plannedAt), desc(meetings.id))
      .limit(limit);
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(meetings)
      .set({ orgPath: sql`${newPath} || substr(${meetings.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(meetings.orgPath, oldPath), sql`${meetings.orgPath} like ${`${oldPath}.%`}`));
  },
};
