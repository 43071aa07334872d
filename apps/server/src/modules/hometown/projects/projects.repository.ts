import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import {
  hometownProjectIntroducers as introducers,
  hometownProjects as projects,
  hometownProjectStages as stages,
  hometownProjectYears as years,
} from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of investment projects: the project, its introducers, stage history and yearly figures. */

const projectColumns = {
  id: projects.id,
  name: projects.name,
  industry: projects.industry,
  countyCode: projects.countyCode,
  park: projects.park,
  enterprises: projects.enterprises,
  stage: projects.stage,
  signedOn: projects.signedOn,
  signedFen: projects.signedFen,
  actualFen: projects.actualFen,
  note: projects.note,
  orgId: projects.orgId,
  orgPath: projects.orgPath,
  orgName: orgNameOf(projects.orgId),
  version: projects.version,
  createdAt: projects.createdAt,
};

const selectProjects = (db: Executor) => db.select(projectColumns).from(projects);
export type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];
export type ProjectInsert = typeof projects.$inferInsert;

/** Newest signing first (unsigned last), then newest id; the cursor is (signedOn or '', id). */
const signedKey = sql<string>`coalesce(${projects.signedOn}::text, '')`;

export const projectsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<ProjectRow | null> {
    const q = selectProjects(db).where(and(eq(projects.id, id), where));
    const [row] = lock ? await q.for('update', { of: projects }) : await q;
    return row ?? null;
  },

  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectProjects(db)
      .where(and(where, after ? sql`(${signedKey}, ${projects.id}) < (${after[0]}, ${after[1]})` : undefined))
      .orderBy(desc(signedKey), desc(projects.id))
      .limit(limit);
  },

  async totals(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        signedFen: sql<string>`coalesce(sum(${projects.signedFen}), 0)::text`,
        actualFen: sql<string>`coalesce(sum(${projects.actualFen}), 0)::text`,
      })
      .from(projects)
      .where(where);
    return { count: row!.count, signedFen: Number(row!.signedFen), actualFen: Number(row!.actualFen) };
  },

  async insert(db: Executor, values: ProjectInsert): Promise<number> {
    const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<ProjectInsert>) {
    const [row] = await db
      .update(projects)
      .set({ ...values, updatedAt: new Date(), version: sql`${projects.version} + 1` })
      .where(and(eq(projects.id, id), eq(projects.version, version)))
      .returning({ id: projects.id });
    return row ?? null;
  },

  async remove(db: Executor, id: number) {
    await db.delete(projects).where(eq(projects.id, id));
  },

  /** The introducers of these projects, with names, in the order they were named. */
  async introducersOf(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        projectId: introducers.projectId,
        id: introducers.memberId,
        name: memberNameOf(introducers.memberId),
      })
      .from(introducers)
      .where(inArray(introducers.projectId, [...ids]))
      .orderBy(asc(introducers.projectId), asc(introducers.memberId));
  },

  async setIntroducers(db: Executor, projectId: number, memberIds: readonly number[]) {
    await db.delete(introducers).where(eq(introducers.projectId, projectId));
    if (memberIds.length)
      await db.insert(introducers).values(memberIds.map((memberId) => ({ projectId, memberId })));
  },

  stagesOf: (db: Executor, projectId: number) =>
    db
      .select({ id: stages.id, stage: stages.stage, onDate: stages.onDate, note: stages.note })
      .from(stages)
      .where(eq(stages.projectId, projectId))
      .orderBy(asc(stages.onDate), asc(stages.id)),

  async addStage(db: Executor, values: typeof stages.$inferInsert) {
    await db.insert(stages).values(values);
  },

  yearsOf: (db: Executor, projectId: number) =>
    db
      .select({ year: years.year, outputFen: years.outputFen, taxFen: years.taxFen, jobs: years.jobs })
      .from(years)
      .where(eq(years.projectId, projectId))
      .orderBy(asc(years.year)),

  async setYears(
    db: Executor,
    projectId: number,
    rows: readonly Omit<typeof years.$inferInsert, 'projectId'>[],
  ) {
    await db.delete(years).where(eq(years.projectId, projectId));
    if (rows.length) await db.insert(years).values(rows.map((r) => ({ ...r, projectId })));
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved), in every hometown table. */
  async rewriteOrgPaths(db: Executor, oldPath: string, newPath: string) {
    for (const table of [
      'hometown_projects',
      'hometown_donations',
      'hometown_job_postings',
      'hometown_placements',
    ])
      await queryRows(
        db,
        sql`update ${sql.identifier(table)} set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1})
          where org_path = ${oldPath} or org_path like ${`${oldPath}.%`}`,
      );
  },
};

export const projectsTable = projects;
