import { and, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import { courses, reflectionComments, reflections } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

/**
 * Every query of reflections and their comments. A course is read from `courses` (the same
 * domain, the lecture hall's own table): its title, and whether a member may see it.
 */

const columns = {
  id: reflections.id,
  memberId: reflections.memberId,
  memberName: memberNameOf(reflections.memberId),
  orgId: reflections.orgId,
  orgPath: reflections.orgPath,
  orgName: orgNameOf(reflections.orgId),
  subjectType: reflections.subjectType,
  subjectId: reflections.subjectId,
  title: reflections.title,
  body: reflections.body,
  state: reflections.state,
  reviewComment: reflections.reviewComment,
  reviewerName: displayNameOf(reflections.reviewedBy),
  reviewedAt: reflections.reviewedAt,
  featuredAt: reflections.featuredAt,
  submittedAt: reflections.submittedAt,
  version: reflections.version,
  comments: sql<number>`(select count(*)::int from reflection_comments rc where rc.reflection_id = "reflections"."id" and rc.state = 'approved')`,
  pendingComments: sql<number>`(select count(*)::int from reflection_comments rc where rc.reflection_id = "reflections"."id" and rc.state = 'pending')`,
};

const select = (db: Executor) => db.select(columns).from(reflections);
export type ReflectionRow = Awaited<ReturnType<typeof select>>[number];
export type ReflectionInsert = typeof reflections.$inferInsert;

/** Rows with comments awaiting moderation. */
export const hasPendingComments = sql`exists (select 1 from reflection_comments rc where rc.reflection_id = "reflections"."id" and rc.state = 'pending')`;

/** Values as an SQL array of the given type (empty: an empty array). */
const sqlArray = (values: readonly (number | string)[], type: 'int' | 'text') =>
  values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`
    : sql`'{}'::${sql.raw(type)}[]`;

/**
 * Published courses, inside their window, addressed to a member placed at `memberPath` holding
 * `titles` (an empty audience: the publishing org's subtree; empty positions: any member).
 */
export function courseVisibleTo(memberPath: string, titles: readonly string[], now: Date): SQL {
  const steps = memberPath.split('.');
  const ancestorPaths = steps.map((_, i) => steps.slice(0, i + 1).join('.'));
  const ancestorIds = steps.map(Number);
  return sql`${courses.state} = 'published'
    and (${courses.publishFrom} is null or ${courses.publishFrom} <= ${now})
    and (${courses.publishUntil} is null or ${courses.publishUntil} > ${now})
    and ((cardinality(${courses.audienceOrgIds}) = 0 and ${inArray(courses.orgPath, ancestorPaths)})
      or ${courses.audienceOrgIds} && ${sqlArray(ancestorIds, 'int')})
    and (cardinality(${courses.audiencePositions}) = 0 or ${courses.audiencePositions} && ${sqlArray(titles, 'text')})`;
}

const commentColumns = {
  id: reflectionComments.id,
  reflectionId: reflectionComments.reflectionId,
  authorId: reflectionComments.authorId,
  authorName: displayNameOf(reflectionComments.authorId),
  body: reflectionComments.body,
  state: reflectionComments.state,
  createdAt: reflectionComments.createdAt,
};
const selectComments = (db: Executor) => db.select(commentColumns).from(reflectionComments);
export type CommentRow = Awaited<ReturnType<typeof selectComments>>[number];

export const reflectionsRepository = {
  async findById(db: Executor, id: number, lock = false): Promise<ReflectionRow | null> {
    const q = select(db).where(eq(reflections.id, id));
    const [row] = lock ? await q.for('update', { of: reflections }) : await q;
    return row ?? null;
  },

  /** Newest first by id, after the cursor's id. */
  list(db: Executor, where: SQL | undefined, after: number | undefined, limit: number) {
    return select(db)
      .where(and(where, after ? sql`${reflections.id} < ${after}` : undefined))
      .orderBy(desc(reflections.id))
      .limit(limit);
  },

  /** Featured ones, most recently featured first, after the cursor's (featuredAt, id). */
  featured(db: Executor, after: [string, number] | undefined, limit: number) {
    return select(db)
      .where(
        and(
          isNotNull(reflections.featuredAt),
          eq(reflections.state, 'approved'),
          after
            ? sql`(${reflections.featuredAt}, ${reflections.id}) < (${after[0]}::timestamptz, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(desc(reflections.featuredAt), desc(reflections.id))
      .limit(limit);
  },

  async insert(tx: Tx, values: ReflectionInsert): Promise<number> {
    const [row] = await tx.insert(reflections).values(values).returning({ id: reflections.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<ReflectionInsert>) {
    const [row] = await tx
      .update(reflections)
      .set({ ...values, updatedAt: new Date(), version: sql`${reflections.version} + 1` })
      .where(and(eq(reflections.id, id), eq(reflections.version, version)))
      .returning({ id: reflections.id });
    return row ?? null;
  },

  /** Titles of courses by id. */
  async courseTitles(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: courses.id, title: courses.title })
      .from(courses)
      .where(inArray(courses.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.title]));
  },

  /** Courses a member may see (`courseVisibleTo`), newest first; with `id`, that one only. */
  visibleCourses(db: Executor, visible: SQL, id?: number) {
    return db
      .select({ id: courses.id, title: courses.title })
      .from(courses)
      .where(and(visible, id ? eq(courses.id, id) : undefined))
      .orderBy(desc(courses.publishedAt), desc(courses.id))
      .limit(100);
  },

  comments(db: Executor, reflectionId: number, where?: SQL) {
    return selectComments(db)
      .where(and(eq(reflectionComments.reflectionId, reflectionId), where))
      .orderBy(reflectionComments.id)
      .limit(500);
  },

  async comment(db: Executor, reflectionId: number, id: number, lock = false): Promise<CommentRow | null> {
    const q = selectComments(db).where(
      and(eq(reflectionComments.id, id), eq(reflectionComments.reflectionId, reflectionId)),
    );
    const [row] = lock ? await q.for('update', { of: reflectionComments }) : await q;
    return row ?? null;
  },

  async insertComment(tx: Tx, values: typeof reflectionComments.$inferInsert): Promise<number> {
    const [row] = await tx.insert(reflectionComments).values(values).returning({ id: reflectionComments.id });
    return row!.id;
  },

  async moderateComment(tx: Tx, id: number, state: string, by: number) {
    await tx
      .update(reflectionComments)
      .set({ state, moderatedBy: by, moderatedAt: new Date() })
      .where(eq(reflectionComments.id, id));
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(reflections)
      .set({ orgPath: sql`${newPath} || substr(${reflections.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(reflections.orgPath, oldPath), sql`${reflections.orgPath} like ${`${oldPath}.%`}`));
  },
};
