/** The queries of sessions and attendance, hand-kept or scanned, and of a member's sessions. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { trainingAttendance, trainingEnrolments, trainingSessions } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';

const e = trainingEnrolments;

const sessionColumns = {
  id: trainingSessions.id,
  trainingId: trainingSessions.trainingId,
  title: trainingSessions.title,
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  place: trainingSessions.place,
  signed: sql<number>`(select count(*)::int from training_attendance a where a.session_id = "training_sessions"."id" and a.status = 'signed')`,
  late: sql<number>`(select count(*)::int from training_attendance a where a.session_id = "training_sessions"."id" and a.status = 'late')`,
  leave: sql<number>`(select count(*)::int from training_attendance a where a.session_id = "training_sessions"."id" and a.status = 'leave')`,
  absent: sql<number>`(select count(*)::int from training_attendance a where a.session_id = "training_sessions"."id" and a.status = 'absent')`,
};
const selectSessions = (db: Executor) => db.select(sessionColumns).from(trainingSessions);
export type SessionRow = Awaited<ReturnType<typeof selectSessions>>[number];

export const sessionsRepository = {
  sessions(db: Executor, trainingId: number): Promise<SessionRow[]> {
    return selectSessions(db)
      .where(eq(trainingSessions.trainingId, trainingId))
      .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  },

  async session(db: Executor, id: number): Promise<SessionRow | null> {
    const [row] = await selectSessions(db).where(eq(trainingSessions.id, id));
    return row ?? null;
  },

  async insertSession(tx: Tx, values: typeof trainingSessions.$inferInsert): Promise<number> {
    const [row] = await tx.insert(trainingSessions).values(values).returning({ id: trainingSessions.id });
    return row!.id;
  },

  async updateSession(tx: Tx, id: number, values: Partial<typeof trainingSessions.$inferInsert>) {
    await tx.update(trainingSessions).set(values).where(eq(trainingSessions.id, id));
  },

  async deleteSession(tx: Tx, id: number) {
    await tx.delete(trainingSessions).where(eq(trainingSessions.id, id));
  },

  /** The class's enrolled and completed members with their attendance at the session. */
  attendance(db: Executor, sessionId: number, trainingId: number) {
    return db
      .select({
        memberId: e.memberId,
        memberName: memberNameOf(e.memberId),
        enrolmentStatus: e.status,
        status: trainingAttendance.status,
        signedAt: trainingAttendance.signedAt,
        channel: trainingAttendance.channel,
      })
      .from(e)
      .leftJoin(
        trainingAttendance,
        and(eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.memberId, e.memberId)),
      )
      .where(and(eq(e.trainingId, trainingId), inArray(e.status, ['enrolled', 'completed'])))
      .orderBy(asc(e.seq));
  },

  async attendanceOf(db: Executor, sessionId: number, memberId: number) {
    const [row] = await db
      .select({ status: trainingAttendance.status, signedAt: trainingAttendance.signedAt })
      .from(trainingAttendance)
      .where(and(eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.memberId, memberId)));
    return row ?? null;
  },

  /**
   * Records attendance; with `keepSigned`, a row already signed or late stays as it is (a second
   * scan). Returns the rows written.
   */
  async upsertAttendance(
    tx: Executor,
    rows: { sessionId: number; memberId: number; status: string; signedAt: Date | null; channel: string }[],
    keepSigned = false,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const written = await tx
      .insert(trainingAttendance)
      .values(rows.map((r) => ({ ...r, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [trainingAttendance.sessionId, trainingAttendance.memberId],
        set: {
          status: sql`excluded.status`,
          signedAt: sql`excluded.signed_at`,
          channel: sql`excluded.channel`,
          updatedAt: sql`excluded.updated_at`,
        },
        ...(keepSigned ? { setWhere: sql`${trainingAttendance.status} not in ('signed', 'late')` } : {}),
      })
      .returning({ memberId: trainingAttendance.memberId });
    return written.length;
  },

  /** A member's sessions of the classes they hold a place in, with their attendance. */
  sessionsOfMember(db: Executor, memberId: number) {
    return db
      .select({
        id: trainingSessions.id,
        trainingId: trainingSessions.trainingId,
        trainingTitle: sql<string>`(select t.title from trainings t where t.id = ${trainingSessions.trainingId})`,
        title: trainingSessions.title,
        startsAt: trainingSessions.startsAt,
        endsAt: trainingSessions.endsAt,
        place: trainingSessions.place,
        status: trainingAttendance.status,
      })
      .from(trainingSessions)
      .innerJoin(
        e,
        and(
          eq(e.trainingId, trainingSessions.trainingId),
          eq(e.memberId, memberId),
          inArray(e.status, ['enrolled', 'completed']),
        ),
      )
      .leftJoin(
        trainingAttendance,
        and(eq(trainingAttendance.sessionId, trainingSessions.id), eq(trainingAttendance.memberId, memberId)),
      )
      .orderBy(desc(trainingSessions.startsAt))
      .limit(200);
  },
};
