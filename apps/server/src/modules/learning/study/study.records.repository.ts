import { and, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { studyRecords } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

const columns = {
  row: studyRecords,
  memberName: memberNameOf(studyRecords.memberId),
  orgName: orgNameOf(studyRecords.orgId),
  recordedByName: displayNameOf(studyRecords.recordedBy),
};
const selectRecords = (db: Executor) => db.select(columns).from(studyRecords);
export type StudyRecordFullRow = Awaited<ReturnType<typeof selectRecords>>[number];
export type StudyRecordInsert = typeof studyRecords.$inferInsert;

/** Every query of the offline study records (study_records); deleted records are never listed. */
export const studyRecordsRepository = {
  async insert(tx: Executor, values: StudyRecordInsert): Promise<number> {
    const [row] = await tx.insert(studyRecords).values(values).returning({ id: studyRecords.id });
    return row!.id;
  },

  async findById(db: Executor, id: number, lock = false): Promise<StudyRecordFullRow | null> {
    const q = selectRecords(db).where(and(eq(studyRecords.id, id), isNull(studyRecords.deletedAt)));
    const [row] = lock ? await q.for('update', { of: studyRecords }) : await q;
    return row ?? null;
  },

  async markDeleted(tx: Executor, id: number): Promise<void> {
    await tx.update(studyRecords).set({ deletedAt: new Date() }).where(eq(studyRecords.id, id));
  },

  /** Newest first by id, after the cursor. */
  list(db: Executor, where: SQL | undefined, before: number | undefined, limit: number) {
    return selectRecords(db)
      .where(and(isNull(studyRecords.deletedAt), where, before ? lt(studyRecords.id, before) : undefined))
      .orderBy(desc(studyRecords.id))
      .limit(limit);
  },

  /** Records whose path is in the subtree at `path`. */
  inSubtree: (path: string) =>
    sql`(${studyRecords.orgPath} = ${path} or ${studyRecords.orgPath} like ${`${path}.%`})`,

  /** Records of a calendar year. */
  inYear: (year: number) =>
    sql`${studyRecords.studiedOn} >= ${`${year}-01-01`}::date and ${studyRecords.studiedOn} < ${`${year + 1}-01-01`}::date`,

  /** Rewrites the paths of an org subtree that moved. */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string): Promise<void> {
    await tx.execute(sql`update ${studyRecords}
      set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1})
      where org_path = ${oldPath} or org_path like ${`${oldPath}.%`}`);
  },
};
