import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { courseProgress, courseSeries, courses } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';

/**
 * The tables of courses: series, courses and each member's progress. A progress row is locked
 * (`for update`) while a heartbeat is counted, so two beats of one member on one course queue.
 */

const courseColumns = {
  id: courses.id,
  title: courses.title,
  kind: courses.kind,
  seriesId: courses.seriesId,
  seriesTitle: sql<
    string | null
  >`(select cs.title from course_series cs where cs.id = "courses"."series_id")`,
  orgId: courses.orgId,
  orgPath: courses.orgPath,
  orgName: orgNameOf(courses.orgId),
  summary: courses.summary,
  body: courses.body,
  externalUrl: courses.externalUrl,
  pageCount: courses.pageCount,
  required: courses.required,
  audienceOrgIds: courses.audienceOrgIds,
  audiencePositions: courses.audiencePositions,
  publishFrom: courses.publishFrom,
  publishUntil: courses.publishUntil,
  plannedMinutes: courses.plannedMinutes,
  creditHours: courses.creditHours,
  quiz: courses.quiz,
  state: courses.state,
  publishedAt: courses.publishedAt,
  version: courses.version,
  createdAt: courses.createdAt,
  started: sql<number>`(select count(*)::int from course_progress cp where cp.course_id = "courses"."id")`,
  completed: sql<number>`(select count(*)::int from course_progress cp where cp.course_id = "courses"."id" and cp.completed_at is not null)`,
};

const selectCourses = (db: Executor) => db.select(courseColumns).from(courses);
export type CourseRow = Awaited<ReturnType<typeof selectCourses>>[number];
export type CourseInsert = typeof courses.$inferInsert;
export type ProgressRow = typeof courseProgress.$inferSelect;

/** Values as an SQL array of the given type (empty: an empty array). */
const sqlArray = (values: readonly (number | string)[], type: 'int' | 'text') =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`
    : sql`'{}'::${sql.raw(type)}[]`;

/**
 * Courses whose audience holds a member placed at `memberPath` holding `titles`: the same rule
 * as `inCourseAudience` in the contracts.
 */
export function courseAudienceHolds(memberPath: string, titles: readonly string[]): SQL {
  const steps = memberPath.split('.');
  const ancestorPaths = steps.map((_, i) => steps.slice(0, i + 1).join('.'));
  const ancestorIds = steps.map(Number);
  return sql`((cardinality(${courses.audienceOrgIds}) = 0 and ${inArray(courses.orgPath, ancestorPaths)})
      or ${courses.audienceOrgIds} && ${sqlArray(ancestorIds, 'int')})
    and (cardinality(${courses.audiencePositions}) = 0 or ${courses.audiencePositions} && ${sqlArray(titles, 'text')})`;
}

/** Published and inside the publish window at `now`. */
export const courseOpenAt = (now: Date): SQL =>
  sql`${courses.state} = 'published'
    and (${courses.publishFrom} is null or ${courses.publishFrom} <= ${now})
    and (${courses.publishUntil} is null or ${courses.publishUntil} >= ${now})`;

export const coursesRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<CourseRow | null> {
    const q = selectCourses(db).where(and(eq(courses.id, id), where));
    const [row] = lock ? await q.for('update', { of: courses }) : await q;
    return row ?? null;
  },

  /** Newest first, after the cursor's id. */
  list(db: Executor, where: SQL | undefined, after: number | undefined, limit: number) {
    return selectCourses(db)
      .where(and(where, after ? sql`${courses.id} < ${after}` : undefined))
      .orderBy(desc(courses.id))
      .limit(limit);
  },

  /** Every course matching, for a member's page (required first, newest first; at most 300). */
  all(db: Executor, where: SQL | undefined) {
    return selectCourses(db)
      .where(where)
      .orderBy(desc(courses.required), desc(courses.publishedAt), desc(courses.id))
      .limit(300);
  },

  async insert(tx: Tx, values: CourseInsert): Promise<number> {
    const [row] = await tx.insert(courses).values(values).returning({ id: courses.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<CourseInsert>) {
    const [row] = await tx
      .update(courses)
      .set({ ...values, updatedAt: new Date(), version: sql`${courses.version} + 1` })
      .where(and(eq(courses.id, id), eq(courses.version, version)))
      .returning({ id: courses.id });
    return row ?? null;
  },

  async seriesList(db: Executor) {
    return db
      .select({
        id: courseSeries.id,
        title: courseSeries.title,
        description: courseSeries.description,
        createdAt: courseSeries.createdAt,
        courses: sql<number>`(select count(*)::int from courses c where c.series_id = "course_series"."id")`,
      })
      .from(courseSeries)
      .orderBy(desc(courseSeries.id))
      .limit(500);
  },

  async seriesExists(db: Executor, id: number): Promise<boolean> {
    const [row] = await db.select({ id: courseSeries.id }).from(courseSeries).where(eq(courseSeries.id, id));
    return !!row;
  },

  async insertSeries(tx: Executor, values: typeof courseSeries.$inferInsert): Promise<number> {
    const [row] = await tx.insert(courseSeries).values(values).returning({ id: courseSeries.id });
    return row!.id;
  },

  /** A member's progress rows on these courses. */
  async progressOf(db: Executor, memberId: number, courseIds: readonly number[]) {
    if (!courseIds.length) return new Map<number, ProgressRow>();
    const rows = await db
      .select()
      .from(courseProgress)
      .where(and(eq(courseProgress.memberId, memberId), inArray(courseProgress.courseId, [...courseIds])));
    return new Map(rows.map((r) => [r.courseId, r] as const));
  },

  /** The member's progress on the course, created if missing, locked for the transaction. */
  async lockProgress(tx: Executor, courseId: number, memberId: number): Promise<ProgressRow> {
    await tx.insert(courseProgress).values({ courseId, memberId }).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(courseProgress)
      .where(and(eq(courseProgress.courseId, courseId), eq(courseProgress.memberId, memberId)))
      .for('update');
    return row!;
  },

  async setProgress(tx: Executor, courseId: number, memberId: number, values: Partial<ProgressRow>) {
    await tx
      .update(courseProgress)
      .set(values)
      .where(and(eq(courseProgress.courseId, courseId), eq(courseProgress.memberId, memberId)));
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(courses)
      .set({ orgPath: sql`${newPath} || substr(${courses.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(courses.orgPath, oldPath), sql`${courses.orgPath} like ${`${oldPath}.%`}`));
  },
};
