/** The queries of enrolments: read, place, revive, withdraw, the first waitlisted, completion's list. */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { trainingEnrolments } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';

const e = trainingEnrolments;

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

export const enrolmentsRepository = {
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
};
