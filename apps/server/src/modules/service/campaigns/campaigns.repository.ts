import { and, asc, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../db/client';
import {
  volunteerAssignments as assignments,
  volunteerCampaigns as campaigns,
  volunteerPosts as posts,
  volunteerScans as scans,
  volunteerShifts as shifts,
} from '../../../db/schema';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/**
 * The tables of volunteer campaigns: campaigns, posts, shifts, the roster (assignments) and the
 * scans of posts' QR codes. A member's places are serialized by an advisory lock on the member and
 * a row lock on the shift, taken by the roster service before it checks conflicts and headcount.
 */

const campaignColumns = {
  id: campaigns.id,
  title: campaigns.title,
  description: campaigns.description,
  orgId: campaigns.orgId,
  orgPath: campaigns.orgPath,
  orgName: orgNameOf(campaigns.orgId),
  coOrgIds: campaigns.coOrgIds,
  partnerName: campaigns.partnerName,
  hostDistrict: campaigns.hostDistrict,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  selfSignup: campaigns.selfSignup,
  audienceOrgIds: campaigns.audienceOrgIds,
  state: campaigns.state,
  version: campaigns.version,
  createdAt: campaigns.createdAt,
  posts: sql<number>`(select count(*)::int from volunteer_posts p where p.campaign_id = "volunteer_campaigns"."id")`,
  shifts: sql<number>`(select count(*)::int from volunteer_shifts s where s.campaign_id = "volunteer_campaigns"."id")`,
  volunteers: sql<number>`(select count(distinct a.member_id)::int from volunteer_assignments a where a.campaign_id = "volunteer_campaigns"."id" and a.state <> 'no_show')`,
  places: sql<number>`(select count(*)::int from volunteer_assignments a where a.campaign_id = "volunteer_campaigns"."id" and a.state <> 'no_show')`,
};

const selectCampaigns = (db: Executor) => db.select(campaignColumns).from(campaigns);
export type CampaignRow = Awaited<ReturnType<typeof selectCampaigns>>[number];
export type CampaignInsert = typeof campaigns.$inferInsert;

const postColumns = {
  id: posts.id,
  campaignId: posts.campaignId,
  name: posts.name,
  address: posts.address,
  task: posts.task,
  customTask: posts.customTask,
  headcount: posts.headcount,
  leaderMemberId: posts.leaderMemberId,
  leaderName: memberNameOf(posts.leaderMemberId),
};
const selectPosts = (db: Executor) => db.select(postColumns).from(posts);
export type PostRow = Awaited<ReturnType<typeof selectPosts>>[number];

const taken = sql`a.state <> 'no_show'`;
const shiftColumns = {
  id: shifts.id,
  campaignId: shifts.campaignId,
  postId: shifts.postId,
  postName: posts.name,
  postAddress: posts.address,
  task: posts.task,
  customTask: posts.customTask,
  headcount: posts.headcount,
  leaderMemberId: posts.leaderMemberId,
  onDate: shifts.onDate,
  startsAt: shifts.startsAt,
  endsAt: shifts.endsAt,
  servedCount: shifts.servedCount,
  closedAt: shifts.closedAt,
  autoClosed: shifts.autoClosed,
  version: shifts.version,
  filled: sql<number>`(select count(*)::int from volunteer_assignments a where a.shift_id = "volunteer_shifts"."id" and ${taken})`,
  checkedIn: sql<number>`(select count(*)::int from volunteer_assignments a where a.shift_id = "volunteer_shifts"."id" and a.state in ('checked_in', 'checked_out'))`,
  checkedOut: sql<number>`(select count(*)::int from volunteer_assignments a where a.shift_id = "volunteer_shifts"."id" and a.state = 'checked_out')`,
};
const selectShifts = (db: Executor) =>
  db.select(shiftColumns).from(shifts).innerJoin(posts, eq(posts.id, shifts.postId));
export type ShiftRow = Awaited<ReturnType<typeof selectShifts>>[number];

const assignmentColumns = {
  id: assignments.id,
  campaignId: assignments.campaignId,
  campaignTitle: campaigns.title,
  campaignState: campaigns.state,
  orgPath: campaigns.orgPath,
  shiftId: assignments.shiftId,
  postId: posts.id,
  postName: posts.name,
  postAddress: posts.address,
  leaderMemberId: posts.leaderMemberId,
  onDate: shifts.onDate,
  closedAt: shifts.closedAt,
  startsAt: assignments.startsAt,
  endsAt: assignments.endsAt,
  memberId: assignments.memberId,
  memberName: memberNameOf(assignments.memberId),
  state: assignments.state,
  source: assignments.source,
  checkedInAt: assignments.checkedInAt,
  checkInChannel: assignments.checkInChannel,
  checkedOutAt: assignments.checkedOutAt,
  checkOutChannel: assignments.checkOutChannel,
  autoClosed: assignments.autoClosed,
  hours: assignments.hours,
  version: assignments.version,
  createdAt: assignments.createdAt,
};
const selectAssignments = (db: Executor) =>
  db
    .select(assignmentColumns)
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .innerJoin(posts, eq(posts.id, shifts.postId))
    .innerJoin(campaigns, eq(campaigns.id, assignments.campaignId));
export type AssignmentRow = Awaited<ReturnType<typeof selectAssignments>>[number];
export type AssignmentInsert = typeof assignments.$inferInsert;

export const campaignsRepository = {
  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(campaigns)
      .set({ orgPath: sql`${newPath} || substr(${campaigns.orgPath}, ${oldPath.length + 1})` })
      .where(sql`${campaigns.orgPath} = ${oldPath} or ${campaigns.orgPath} like ${`${oldPath}.%`}`);
  },

  async campaign(db: Executor, id: number, where?: SQL, lock = false): Promise<CampaignRow | null> {
    const q = selectCampaigns(db).where(and(eq(campaigns.id, id), where));
    const [row] = lock ? await q.for('update', { of: campaigns }) : await q;
    return row ?? null;
  },

  /** Latest start first, then newest; after the cursor's (startsOn, id). */
  campaigns(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectCampaigns(db)
      .where(
        and(
          where,
          after
            ? sql`(${campaigns.startsOn}, ${campaigns.id}) < (${after[0]}::date, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
      .limit(limit);
  },

  /** Every campaign matching (a member's open campaigns: a handful). */
  allCampaigns(db: Executor, where: SQL | undefined) {
    return selectCampaigns(db).where(where).orderBy(asc(campaigns.startsOn), asc(campaigns.id)).limit(100);
  },

  async insertCampaign(tx: Tx, values: CampaignInsert): Promise<number> {
    const [row] = await tx.insert(campaigns).values(values).returning({ id: campaigns.id });
    return row!.id;
  },

  async updateCampaign(tx: Tx, id: number, version: number, values: Partial<CampaignInsert>) {
    const [row] = await tx
      .update(campaigns)
      .set({ ...values, updatedAt: new Date(), version: sql`${campaigns.version} + 1` })
      .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
      .returning({ id: campaigns.id });
    return row ?? null;
  },

  posts(db: Executor, campaignId: number) {
    return selectPosts(db).where(eq(posts.campaignId, campaignId)).orderBy(asc(posts.id));
  },

  async post(db: Executor, campaignId: number, id: number): Promise<PostRow | null> {
    const [row] = await selectPosts(db).where(and(eq(posts.id, id), eq(posts.campaignId, campaignId)));
    return row ?? null;
  },

  async insertPost(tx: Tx, values: typeof posts.$inferInsert): Promise<number> {
    const [row] = await tx.insert(posts).values(values).returning({ id: posts.id });
    return row!.id;
  },

  async updatePost(tx: Tx, id: number, values: Partial<typeof posts.$inferInsert>) {
    await tx.update(posts).set(values).where(eq(posts.id, id));
  },

  shifts(db: Executor, where: SQL | undefined) {
    return selectShifts(db)
      .where(where)
      .orderBy(asc(shifts.startsAt), asc(posts.id), asc(shifts.id))
      .limit(2000);
  },

  async shift(db: Executor, campaignId: number, id: number, lock = false): Promise<ShiftRow | null> {
    if (lock) await db.select({ id: shifts.id }).from(shifts).where(eq(shifts.id, id)).for('update');
    const [row] = await selectShifts(db).where(and(eq(shifts.id, id), eq(shifts.campaignId, campaignId)));
    return row ?? null;
  },

  async insertShifts(tx: Tx, values: (typeof shifts.$inferInsert)[]): Promise<number[]> {
    const rows = await tx.insert(shifts).values(values).returning({ id: shifts.id });
    return rows.map((r) => r.id);
  },

  async updateShift(tx: Tx, id: number, version: number, values: Partial<typeof shifts.$inferInsert>) {
    const [row] = await tx
      .update(shifts)
      .set({ ...values, version: sql`${shifts.version} + 1` })
      .where(and(eq(shifts.id, id), eq(shifts.version, version)))
      .returning({ id: shifts.id });
    return row ?? null;
  },

  async assignment(db: Executor, id: number, lock = false): Promise<AssignmentRow | null> {
    if (lock)
      await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.id, id)).for('update');
    const [row] = await selectAssignments(db).where(eq(assignments.id, id));
    return row ?? null;
  },

  /** The roster: by shift start, then id; after the cursor's (startsAt, id). */
  roster(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectAssignments(db)
      .where(
        and(
          where,
          after
            ? sql`(${assignments.startsAt}, ${assignments.id}) > (${after[0]}::timestamptz, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(asc(assignments.startsAt), asc(assignments.id))
      .limit(limit);
  },

  /** Places matching, without paging (a member's own, a leader's day). */
  places(db: Executor, where: SQL | undefined, newestFirst = false, limit = 200) {
    return selectAssignments(db)
      .where(where)
      .orderBy(
        newestFirst ? desc(assignments.startsAt) : asc(assignments.startsAt),
        asc(postColumns.id),
        asc(assignments.id),
      )
      .limit(limit);
  },

  async insertAssignment(tx: Tx, values: AssignmentInsert): Promise<number> {
    const [row] = await tx.insert(assignments).values(values).returning({ id: assignments.id });
    return row!.id;
  },

  async updateAssignment(tx: Tx, id: number, version: number, values: Partial<AssignmentInsert>) {
    const [row] = await tx
      .update(assignments)
      .set({ ...values, updatedAt: new Date(), version: sql`${assignments.version} + 1` })
      .where(and(eq(assignments.id, id), eq(assignments.version, version)))
      .returning({ id: assignments.id });
    return row ?? null;
  },

  async deleteAssignment(tx: Tx, id: number) {
    await tx.delete(assignments).where(eq(assignments.id, id));
  },

  /** Holds the member's places for the rest of the transaction (conflicts are checked under it). */
  async lockMember(tx: Tx, memberId: number) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('volunteer_member'), ${memberId})`);
  },

  /** The member's first place (not a no-show) overlapping the window, on another shift. */
  async overlapping(tx: Executor, memberId: number, startsAt: Date, endsAt: Date, shiftId: number) {
    const [row] = await selectAssignments(tx)
      .where(
        and(
          eq(assignments.memberId, memberId),
          ne(assignments.state, 'no_show'),
          ne(assignments.shiftId, shiftId),
          sql`${assignments.startsAt} < ${endsAt.toISOString()}::timestamptz`,
          sql`${assignments.endsAt} > ${startsAt.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(assignments.startsAt))
      .limit(1);
    return row ?? null;
  },

  async placeOn(tx: Executor, shiftId: number, memberId: number) {
    const [row] = await tx
      .select({ id: assignments.id, state: assignments.state })
      .from(assignments)
      .where(and(eq(assignments.shiftId, shiftId), eq(assignments.memberId, memberId)));
    return row ?? null;
  },

  async scan(tx: Executor, assignmentId: number, nonce: string) {
    const [row] = await tx
      .select()
      .from(scans)
      .where(and(eq(scans.assignmentId, assignmentId), eq(scans.nonce, nonce)));
    return row ?? null;
  },

  async insertScan(tx: Tx, values: typeof scans.$inferInsert) {
    await tx.insert(scans).values(values);
  },

  /** The member's places at a post whose window (widened) covers `now`, nearest start first. */
  placesAtPostNow(
    tx: Executor,
    memberId: number,
    postId: number,
    now: Date,
    beforeMs: number,
    afterMs: number,
  ) {
    return selectAssignments(tx)
      .where(
        and(
          eq(assignments.memberId, memberId),
          eq(shifts.postId, postId),
          ne(assignments.state, 'no_show'),
          sql`${assignments.startsAt} - ${`${beforeMs} milliseconds`}::interval <= ${now.toISOString()}::timestamptz`,
          sql`${assignments.endsAt} + ${`${afterMs} milliseconds`}::interval >= ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(sql`abs(extract(epoch from ${assignments.startsAt} - ${now.toISOString()}::timestamptz))`)
      .limit(1);
  },

  /** A shift of the post running now (its window, widened before the start), not closed. */
  async shiftAtPostNow(tx: Executor, postId: number, now: Date, beforeMs: number) {
    const [row] = await selectShifts(tx)
      .where(
        and(
          eq(shifts.postId, postId),
          sql`${shifts.closedAt} is null`,
          sql`${shifts.startsAt} - ${`${beforeMs} milliseconds`}::interval <= ${now.toISOString()}::timestamptz`,
          sql`${shifts.endsAt} >= ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(shifts.startsAt))
      .limit(1);
    return row ?? null;
  },

  /** Posts a member leads in campaigns that are open. */
  ledPosts(db: Executor, memberId: number) {
    return db
      .select({ id: posts.id, campaignId: posts.campaignId })
      .from(posts)
      .innerJoin(campaigns, eq(campaigns.id, posts.campaignId))
      .where(and(eq(posts.leaderMemberId, memberId), eq(campaigns.state, 'open')));
  },

  shiftsOfPosts(db: Executor, postIds: readonly number[], onDate: string) {
    if (postIds.length === 0) return Promise.resolve([]);
    return selectShifts(db)
      .where(and(inArray(shifts.postId, [...postIds]), eq(shifts.onDate, onDate)))
      .orderBy(asc(shifts.startsAt), asc(shifts.id));
  },
};
