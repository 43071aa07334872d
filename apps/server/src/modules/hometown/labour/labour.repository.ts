import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { hometownPlacements as placements, hometownJobPostings as postings } from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of labour export: job postings and placements. */

const postingColumns = {
  id: postings.id,
  employer: postings.employer,
  employerMemberId: postings.employerMemberId,
  employerMemberName: memberNameOf(postings.employerMemberId),
  title: postings.title,
  headcount: postings.headcount,
  payMinFen: postings.payMinFen,
  payMaxFen: postings.payMaxFen,
  place: postings.place,
  countyCode: postings.countyCode,
  postedOn: postings.postedOn,
  closesOn: postings.closesOn,
  state: postings.state,
  note: postings.note,
  orgId: postings.orgId,
  orgPath: postings.orgPath,
  orgName: orgNameOf(postings.orgId),
  placedPersonTimes: sql<number>`(select coalesce(sum(p.person_times), 0)::int from hometown_placements p where p.posting_id = ${postings.id})`,
  version: postings.version,
  createdAt: postings.createdAt,
};

const placementColumns = {
  id: placements.id,
  postingId: placements.postingId,
  postingTitle: sql<
    string | null
  >`(select jp.title from hometown_job_postings jp where jp.id = ${placements.postingId})`,
  employer: placements.employer,
  countyCode: placements.countyCode,
  placedOn: placements.placedOn,
  personTimes: placements.personTimes,
  note: placements.note,
  orgId: placements.orgId,
  orgPath: placements.orgPath,
  orgName: orgNameOf(placements.orgId),
  version: placements.version,
  createdAt: placements.createdAt,
};

const selectPostings = (db: Executor) => db.select(postingColumns).from(postings);
const selectPlacements = (db: Executor) => db.select(placementColumns).from(placements);
export type PostingRow = Awaited<ReturnType<typeof selectPostings>>[number];
export type PlacementRow = Awaited<ReturnType<typeof selectPlacements>>[number];
export type PostingInsert = typeof postings.$inferInsert;
export type PlacementInsert = typeof placements.$inferInsert;

const bump = (version: SQL) => ({ updatedAt: new Date(), version });

export const labourRepository = {
  async posting(db: Executor, id: number, where?: SQL, lock = false): Promise<PostingRow | null> {
    const q = selectPostings(db).where(and(eq(postings.id, id), where));
    const [row] = lock ? await q.for('update', { of: postings }) : await q;
    return row ?? null;
  },

  postings(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectPostings(db)
      .where(
        and(
          where,
          after ? sql`(${postings.postedOn}, ${postings.id}) < (${after[0]}::date, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(postings.postedOn), desc(postings.id))
      .limit(limit);
  },

  async insertPosting(db: Executor, values: PostingInsert): Promise<number> {
    const [row] = await db.insert(postings).values(values).returning({ id: postings.id });
    return row!.id;
  },

  async updatePosting(db: Executor, id: number, version: number, values: Partial<PostingInsert>) {
    const [row] = await db
      .update(postings)
      .set({ ...values, ...bump(sql`${postings.version} + 1`) })
      .where(and(eq(postings.id, id), eq(postings.version, version)))
      .returning({ id: postings.id });
    return row ?? null;
  },

  async removePosting(db: Executor, id: number) {
    await db.delete(postings).where(eq(postings.id, id));
  },

  async placement(db: Executor, id: number, where?: SQL, lock = false): Promise<PlacementRow | null> {
    const q = selectPlacements(db).where(and(eq(placements.id, id), where));
    const [row] = lock ? await q.for('update', { of: placements }) : await q;
    return row ?? null;
  },

  placements(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectPlacements(db)
      .where(
        and(
          where,
          after
            ? sql`(${placements.placedOn}, ${placements.id}) < (${after[0]}::date, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(desc(placements.placedOn), desc(placements.id))
      .limit(limit);
  },

  async placementTotals(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        personTimes: sql<string>`coalesce(sum(${placements.personTimes}), 0)::text`,
      })
      .from(placements)
      .where(where);
    return { count: row!.count, personTimes: Number(row!.personTimes) };
  },

  async insertPlacement(db: Executor, values: PlacementInsert): Promise<number> {
    const [row] = await db.insert(placements).values(values).returning({ id: placements.id });
    return row!.id;
  },

  async updatePlacement(db: Executor, id: number, version: number, values: Partial<PlacementInsert>) {
    const [row] = await db
      .update(placements)
      .set({ ...values, ...bump(sql`${placements.version} + 1`) })
      .where(and(eq(placements.id, id), eq(placements.version, version)))
      .returning({ id: placements.id });
    return row ?? null;
  },

  async removePlacement(db: Executor, id: number) {
    await db.delete(placements).where(eq(placements.id, id));
  },
};
