import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { trainings } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { enrolmentsRepository } from './trainings.enrolments.repository';
import { sessionsRepository } from './trainings.sessions.repository';

/**
 * The tables of training classes: classes, enrolments, sessions, attendance. The quota is held
 * by the database: a place is taken by one conditional UPDATE of the class's `enrolled_count`
 * (`… where enrolled_count < quota returning`), which PostgreSQL serializes on the row, and the
 * CHECK `enrolled_count <= quota` is the last guard.
 */

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

/** Values as an SQL array of the given type (empty: an empty array). */
const sqlArray = (values: readonly (number | string)[], type: 'int' | 'text') =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`
    : sql`'{}'::${sql.raw(type)}[]`;

/**
 * Classes whose audience holds a member placed at `memberPath` holding `titles`: the same rule
 * as `inTrainingAudience` in the contracts.
 */
export function audienceHolds(memberPath: string, titles: readonly string[]): SQL {
  const steps = memberPath.split('.');
  const ancestorPaths = steps.map((_, i) => steps.slice(0, i + 1).join('.'));
  const ancestorIds = steps.map(Number);
  return sql`((cardinality(${trainings.audienceOrgIds}) = 0 and ${inArray(trainings.orgPath, ancestorPaths)})
      or ${trainings.audienceOrgIds} && ${sqlArray(ancestorIds, 'int')})
    and (cardinality(${trainings.audiencePositions}) = 0 or ${trainings.audiencePositions} && ${sqlArray(titles, 'text')})`;
}

/** The queries of classes; with those of enrolments and sessions, every query of this module. */
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

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(trainings)
      .set({ orgPath: sql`${newPath} || substr(${trainings.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(trainings.orgPath, oldPath), sql`${trainings.orgPath} like ${`${oldPath}.%`}`));
  },

  ...enrolmentsRepository,
  ...sessionsRepository,
};
