import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows, type Tx } from '../../../db/client';
import { volunteerHours } from '../../../db/schema';
import { entriesOfKind } from '../../activity/activity.fragments';
import { memberNameOf } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

/** Every query of self-reported volunteer hours; a member's year is read from the activity ledger. */

const columns = {
  id: volunteerHours.id,
  memberId: volunteerHours.memberId,
  memberName: memberNameOf(volunteerHours.memberId),
  orgId: volunteerHours.orgId,
  orgPath: volunteerHours.orgPath,
  orgName: orgNameOf(volunteerHours.orgId),
  servedOn: volunteerHours.servedOn,
  hours: volunteerHours.hours,
  description: volunteerHours.description,
  place: volunteerHours.place,
  state: volunteerHours.state,
  decidedByName: displayNameOf(volunteerHours.decidedBy),
  decidedAt: volunteerHours.decidedAt,
  decisionNote: volunteerHours.decisionNote,
  createdAt: volunteerHours.createdAt,
  version: volunteerHours.version,
};

const select = (db: Executor) => db.select(columns).from(volunteerHours);
export type VolunteerHoursRow = Awaited<ReturnType<typeof select>>[number];
export type VolunteerHoursInsert = typeof volunteerHours.$inferInsert;

/** 0 for a report awaiting review, 1 otherwise: the reviewers' list shows those first. */
const pendingRank = sql<number>`(case when ${volunteerHours.state} = 'submitted' then 0 else 1 end)`;

/** The ledger source of an approved report. */
export const LEDGER_MODULE = 'service';
export const HOURS_SOURCE_PREFIX = 'hours:';
export const hoursSourceId = (id: number) => `${HOURS_SOURCE_PREFIX}${id}`;

export const volunteerHoursRepository = {
  async findById(db: Executor, id: number, lock = false): Promise<VolunteerHoursRow | null> {
    const q = select(db).where(eq(volunteerHours.id, id));
    const [row] = lock ? await q.for('update', { of: volunteerHours }) : await q;
    return row ?? null;
  },

  /** Those awaiting review first, then newest first, after the cursor's (rank, id). */
  async list(db: Executor, where: SQL | undefined, after: [number, number] | undefined, limit: number) {
    const rows = await select(db)
      .where(
        and(
          where,
          after ? sql`(${pendingRank}, -${volunteerHours.id}) > (${after[0]}, ${-after[1]})` : undefined,
        ),
      )
      .orderBy(pendingRank, sql`${volunteerHours.id} desc`)
      .limit(limit);
    return rows;
  },

  /** A member's own reports, newest served first (the most recent `limit`). */
  mine(db: Executor, memberId: number, limit: number) {
    return select(db)
      .where(eq(volunteerHours.memberId, memberId))
      .orderBy(sql`${volunteerHours.servedOn} desc`, sql`${volunteerHours.id} desc`)
      .limit(limit);
  },

  async insert(tx: Tx, values: VolunteerHoursInsert): Promise<number> {
    const [row] = await tx.insert(volunteerHours).values(values).returning({ id: volunteerHours.id });
    return row!.id;
  },

  async update(tx: Tx, id: number, version: number, values: Partial<VolunteerHoursInsert>) {
    const [row] = await tx
      .update(volunteerHours)
      .set({ ...values, updatedAt: new Date(), version: sql`${volunteerHours.version} + 1` })
      .where(and(eq(volunteerHours.id, id), eq(volunteerHours.version, version)))
      .returning({ id: volunteerHours.id });
    return row ?? null;
  },

  /** A member's volunteer hours of a year from the ledger, by where they come from. */
  yearBySource(db: Executor, memberId: number, year: number) {
    return queryRows<{ source: 'campaign' | 'self' | 'other'; hours: number; entries: number }>(
      db,
      sql`select case
            when e.source_module = ${LEDGER_MODULE} and e.source_id like 'assignment:%' then 'campaign'
            when e.source_module = ${LEDGER_MODULE} and e.source_id like 'hours:%' then 'self'
            else 'other' end as source,
          round(sum(e.quantity), 1)::float8 as hours, count(*)::int as entries
        from (${entriesOfKind('volunteer_hours', `${year}-01-01`, `${year + 1}-01-01`)}) e
        where e.member_id = ${memberId}
        group by 1`,
    );
  },

  /** Hours of a member's reports of a year awaiting review. */
  async pendingHours(db: Executor, memberId: number, year: number): Promise<number> {
    const [row] = await queryRows<{ hours: number }>(
      db,
      sql`select coalesce(sum(${volunteerHours.hours}), 0)::float8 as hours from ${volunteerHours}
        where ${volunteerHours.memberId} = ${memberId} and ${volunteerHours.state} = 'submitted'
          and ${volunteerHours.servedOn} >= ${`${year}-01-01`}::date
          and ${volunteerHours.servedOn} < ${`${year + 1}-01-01`}::date`,
    );
    return row?.hours ?? 0;
  },

  /** Rewrites org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(volunteerHours)
      .set({ orgPath: sql`${newPath} || substr(${volunteerHours.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(volunteerHours.orgPath, oldPath), sql`${volunteerHours.orgPath} like ${`${oldPath}.%`}`));
  },
};
