import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { trainingAttendance, trainingEnrolments, trainingSessions, trainings } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/**
 * The tables of training classes: classes, enrolments, sessions, attendance. The quota is held
 * by the database: a place is taken by one conditional UPDATE of the class's `enrolled_count`
 * (`… where enrolled_count < quota returning`), which PostgreSQL serializes on the row, and the
 * CHECK `enrolled_count <= quota` is the last guard.
 */

const e = trainingEnrolments;

const classColumns = {
  id: trainings.id,
  title: trainings.title,
  kind: trainings.kind,
  orgId: trainings.orgId,
  orgPath: trainings.orgPath,
  orgName: orgNameOf(trainings.orgId),
  startsOn: trainings.startsOn,
  endsOn: trainings.endsOn,
  place: trainings.place,
  description: trainings.description,
  quota: trainings.quota,
  enrolledCount: trainings.enrolledCount,
  audienceOrgIds: trainings.audienceOrgIds,
  audiencePositions: trainings.audiencePositions,
  enrolOpensAt: trainings.enrolOpensAt,
  enrolClosesAt: trainings.enrolClosesAt,
  studyHours: trainings.studyHours,
  costFen: trainings.costFen,
  state: trainings.state,
  version: trainings.version,
  createdAt: trainings.createdAt,
  waitlisted: sql<number>`(select count(*)::int from training_enrolments te where te.training_id = "trainings"."id" and te.status = 'waitlisted')`,
  completed: sql<number>`(select count(*)::int from training_enrolments te where te.training_id = "trainings"."id" and te.status = 'completed')`,
  sessions: sql<number>`(select count(*)::int from training_sessions ts where ts.training_id = "trainings"."id")`,
};

const selectClasses = (db: Executor) => db.select(classColumns).from(trainings);
export type TrainingRow = Awaited<ReturnType<typeof selectClasses>>[number];
export type TrainingInsert = typeof trainings.$inferInsert;

const enrolmentColumns = {
  id: e.id,
  trainingId: e.trainingId,
  memberId: e.memberId,
  memberName: memberNameOf(e.memberId),
  status: e.status,
  source: e.source,
  seq: e.seq,
  note: e.note,
  completedAt: e.completedAt,
  certificateNo: e.certificateNo,
  createdAt: e.createdAt,
  waitlistPosition: sql<
    number | null
  >`case when "training_enrolments"."status" = 'waitlisted' then (select count(*)::int from training_enrolments w where w.training_id = "training_enrolments"."training_id" and w.status = 'waitlisted' and w.seq <= "training_enrolments"."seq") end`,
  attended: sql<number>`(select count(*)::int from training_attendance a join training_sessions s on s.id = a.session_id where s.training_id = "training_enrolments"."training_id" and a.member_id = "training_enrolments"."member_id" and a.status in ('signed', 'late'))`,
};

const selectEnrolments = (db: Executor) => db.select(enrolmentColumns).from(e);
export type EnrolmentRow = Awaited<ReturnType<typeof selectEnrolments>>[number];

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

/** Ids as an SQL array of integers (empty: an empty array). */
const intArray = (ids: readonly number[]) =>
  ids.length
    ? sql`array[${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}]::int[]`
    : sql`'{}'::int[]`;
const textArray = (values: readonly string[]) =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/**
 * Classes whose audience holds a member placed at `memberPath` holding `titles`: the same rule
 * as `inTrainingAudience` in the contracts.
 */
export function audienceHolds(memberPath: string, titles: readonly string[]): SQL {
  const steps = memberPath.split('.');
  const ancestorPaths = steps.map((_, i) => steps.slice(0, i + 1).join('.'));
  const ancestorIds = steps.map(Number);
  return sql`((cardinality(${trainings.audienceOrgIds}) = 0 and ${inArray(trainings.orgPath, ancestorPaths)})
      or ${trainings.audienceOrgIds} && ${intArray(ancestorIds)})
    and (cardinality(${trainings.audiencePositions}) = 0 or ${trainings.audiencePositions} && ${textArray(titles)})`;
}

export const trainingsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<TrainingRow | null> {
    const q = selectClasses(db).where(and(eq(trainings.id, id), where));
    const [row] = lock ? await q.for('update', { of: trainings }) : await q;
    return row ?? null;
  },

  /** Latest start first, then newest; after the cursor's (startsOn, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectClasses(db)
      .where(
        and(
          where,
          after
            ? sql`(${trainings.startsOn}, ${trainings.id}) < (${after[0]}::date, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(desc(trainings.startsOn), desc(trainings.id))
      .limit(limit);
  },

  /** Every class matching, for a member's page (a handful). */
  all(db: Executor, where: SQL | undefined) {
    return selectClasses(db).where(where).orderBy(desc(trainings.startsOn), desc(trainings.id)).limit(200);
  },

  async insert(tx: Tx, values: TrainingInsert): Promise<number> {
    const [row] = await tx.insert(trainings).values(values).returning({ id: trainings.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<TrainingInsert>) {
    const [row] = await tx
      .update(trainings)
      .set({ ...values, updatedAt: new Date(), version: sql`${trainings.version} + 1` })
      .where(and(eq(trainings.id, id), eq(trainings.version, version)))
      .returning({ id: trainings.id });
    return row ?? null;
  },

  /** Takes a place if one is left: true when taken. Concurrent callers queue on the class's row. */
  async takePlace(tx: Executor, id: number): Promise<boolean> {
    const rows = await tx
      .update(trainings)
      .set({ enrolledCount: sql`${trainings.enrolledCount} + 1` })
      .where(and(eq(trainings.id, id), sql`${trainings.enrolledCount} < ${trainings.quota}`))
      .returning({ id: trainings.id });
    return rows.length > 0;
  },

  async freePlace(tx: Executor, id: number): Promise<void> {
    await tx
      .update(trainings)
      .set({ enrolledCount: sql`${trainings.enrolledCount} - 1` })
      .where(and(eq(trainings.id, id), sql`${trainings.enrolledCount} > 0`));
  },

  /** Locks the class's row for the rest of the transaction (a withdrawal, a quota change). */
  async lockClass(tx: Executor, id: number): Promise<void> {
    await tx.select({ id: trainings.id }).from(trainings).where(eq(trainings.id, id)).for('update');
  },

  // Enrolments

  async enrolment(db: Executor, id: number, where?: SQL, lock = false): Promise<EnrolmentRow | null> {
    const q = selectEnrolments(db).where(and(eq(e.id, id), where));
    const [row] = lock ? await q.for('update', { of: e }) : await q;
    return row ?? null;
  },

  async enrolmentOf(db: Executor, trainingId: number, memberId: number) {
    const [row] = await db
      .select({ id: e.id, status: e.status })
      .from(e)
      .where(and(eq(e.trainingId, trainingId), eq(e.memberId, memberId)))
      .for('update');
    return row ?? null;
  },

  async enrolments(
    db: Executor,
    trainingId: number,
    where: SQL | undefined,
    after: number | undefined,
    limit: number,
  ): Promise<EnrolmentRow[]> {
    return selectEnrolments(db)
      .where(and(eq(e.trainingId, trainingId), where, after ? sql`${e.seq} > ${after}` : undefined))
      .orderBy(asc(e.seq))
      .limit(limit);
  },

  enrolmentsOfMember(db: Executor, memberId: number) {
    return selectEnrolments(db).where(eq(e.memberId, memberId)).orderBy(desc(e.seq));
  },

  async insertEnrolment(tx: Tx, values: typeof e.$inferInsert): Promise<number> {
    const [row] = await tx.insert(e).values(values).returning({ id: e.id });
    return row!.id;
  },

  /** A withdrawn enrolment taken up again: a new place in the order of application. */
  async reviveEnrolment(tx: Tx, id: number, values: Partial<typeof e.$inferInsert>) {
    await tx
      .update(e)
      .set({
        ...values,
        seq: sql`nextval(pg_get_serial_sequence('training_enrolments', 'seq'))`,
        updatedAt: new Date(),
      })
      .where(eq(e.id, id));
  },

  async setEnrolment(tx: Executor, id: number, values: Partial<typeof e.$inferInsert>) {
    await tx
      .update(e)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(e.id, id));
  },

  /** The first on the waitlist (by seq), locked; skips one another transaction holds. */
  async firstWaitlisted(tx: Executor, trainingId: number) {
    const [row] = await tx
      .select({ id: e.id, memberId: e.memberId })
      .from(e)
      .where(and(eq(e.trainingId, trainingId), eq(e.status, 'waitlisted')))
      .orderBy(asc(e.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    return row ?? null;
  },

  // Sessions and attendance

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

  /** Enrolments of a class by status, in seq order (completion). */
  async enrolledOf(tx: Executor, trainingId: number, ids?: readonly number[]) {
    return selectEnrolments(tx)
      .where(
        and(
          eq(e.trainingId, trainingId),
          eq(e.status, 'enrolled'),
          ids ? inArray(e.id, [...ids]) : undefined,
        ),
      )
      .orderBy(asc(e.seq))
      .for('update', { of: e });
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(trainings)
      .set({ orgPath: sql`${newPath} || substr(${trainings.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(trainings.orgPath, oldPath), sql`${trainings.orgPath} like ${`${oldPath}.%`}`));
  },
};
