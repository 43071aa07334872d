/**
 * The compliance board's statements. This module owns `meeting_exemptions`; it READS the life
 * domain's `meetings` and `meeting_attendees` (the meetings module owns them). Every statement is
 * one set-based query over the whole scope (GROUP BY org, type and month over meetings_org_type_idx
 * and meetings_planned_idx), never one query per branch.
 */
import { REQUIRED_MEETINGS } from '@ningxin/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { meetingExemptions } from '../../../db/schema';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { openOrgsOfKinds, orgNameOf } from '../../orgs/orgs.fragments';

/** The states of a meeting that was held. */
const HELD = sql`('held', 'archived')`;
/** The local time a meeting counts at (its month, its day). */
const countedAt = sql`(coalesce(m.held_at, m.planned_at) at time zone 'Asia/Shanghai')`;
const requiredTypes = sql.join(
  REQUIRED_MEETINGS.map((t) => sql`${t}`),
  sql`, `,
);

/** A condition on a path column: within the subtree at `path`. */
export const pathWithin = (column: SQL, path: string): SQL =>
  sql`(${column} = ${path} or ${column} like ${`${path}.%`})`;

export interface HeldRow {
  path: string;
  type: string;
  month: number;
  n: number;
}

export interface OrgRow {
  id: number;
  path: string;
  name: string;
  kind: string;
}

export type ExemptionRow = Awaited<ReturnType<typeof complianceRepository.exemptions>>[number];

const exemptionColumns = {
  id: meetingExemptions.id,
  orgId: meetingExemptions.orgId,
  orgPath: meetingExemptions.orgPath,
  orgName: orgNameOf(meetingExemptions.orgId),
  type: meetingExemptions.type,
  fromOn: meetingExemptions.fromOn,
  untilOn: meetingExemptions.untilOn,
  reason: meetingExemptions.reason,
  createdAt: meetingExemptions.createdAt,
};

export const complianceRepository = {
  /** Open branches (and second-level committees) whose path the condition over `o.path` admits. */
  orgs(db: Executor, kinds: readonly string[], where: SQL | undefined): Promise<OrgRow[]> {
    return queryRows<OrgRow>(
      db,
      sql`select id, path, name, kind from (${openOrgsOfKinds(kinds, where)}) x order by sort_order, id`,
    );
  },

  /**
   * Held meetings of the required types in a year, by org path, type and month (Asia/Shanghai),
   * for meetings whose `m.org_path` the condition admits.
   */
  heldByMonth(db: Executor, year: number, where: SQL | undefined): Promise<HeldRow[]> {
    return queryRows<HeldRow>(
      db,
      sql`select m.org_path as path, m.type, extract(month from ${countedAt})::int as month, count(*)::int as n
        from meetings m
        where m.state in ${HELD} and m.type in (${requiredTypes})
          and m.planned_at >= ${`${year - 1}-12-01`}::timestamptz and m.planned_at < ${`${year + 1}-02-01`}::timestamptz
          and ${countedAt} >= ${`${year}-01-01`}::timestamp and ${countedAt} < ${`${year + 1}-01-01`}::timestamp
          ${where ? sql`and ${where}` : sql``}
        group by 1, 2, 3`,
    );
  },

  /** Full members on the rolls (正式党员) by org path, where `r.org_path` the condition admits. */
  fullMembersByPath(db: Executor, where: SQL | undefined): Promise<{ path: string; n: number }[]> {
    return queryRows(
      db,
      sql`select r.org_path as path, count(*)::int as n from (${membersOnRolls()}) r
        where r.member_type = 'full' ${where ? sql`and ${where}` : sql``}
        group by 1`,
    );
  },

  /** Exemptions overlapping the days [from, to]; `where` reads `meeting_exemptions`. */
  exemptions(db: Executor, where: SQL | undefined, from?: string, to?: string) {
    return db
      .select(exemptionColumns)
      .from(meetingExemptions)
      .where(
        and(
          where,
          to ? sql`${meetingExemptions.fromOn} <= ${to}` : undefined,
          from
            ? sql`(${meetingExemptions.untilOn} is null or ${meetingExemptions.untilOn} >= ${from})`
            : undefined,
        ),
      )
      .orderBy(asc(meetingExemptions.orgPath), asc(meetingExemptions.type), asc(meetingExemptions.fromOn));
  },

  async exemptionById(db: Executor, id: number) {
    const [row] = await db
      .select(exemptionColumns)
      .from(meetingExemptions)
      .where(eq(meetingExemptions.id, id));
    return row ?? null;
  },

  async insertExemption(db: Executor, values: typeof meetingExemptions.$inferInsert): Promise<number> {
    const [row] = await db.insert(meetingExemptions).values(values).returning({ id: meetingExemptions.id });
    return row!.id;
  },

  async updateExemption(
    db: Executor,
    id: number,
    values: Partial<Pick<typeof meetingExemptions.$inferInsert, 'fromOn' | 'untilOn' | 'reason'>>,
  ): Promise<void> {
    await db.update(meetingExemptions).set(values).where(eq(meetingExemptions.id, id));
  },

  async deleteExemption(db: Executor, id: number): Promise<void> {
    await db.delete(meetingExemptions).where(eq(meetingExemptions.id, id));
  },

  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string): Promise<void> {
    await tx.execute(sql`update ${meetingExemptions}
      set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1})
      where org_path = ${oldPath} or org_path like ${`${oldPath}.%`}`);
  },

  /**
   * Each member's attendance at held meetings between two days (as expected, not as a guest),
   * paged by member id, for meetings whose `m.org_path` the condition admits.
   */
  attendance(db: Executor, from: string, to: string, where: SQL | undefined, after: number, limit: number) {
    return queryRows<{
      memberId: number;
      name: string;
      orgId: number;
      orgName: string;
      expected: number;
      attended: number;
      leave: number;
      absent: number;
    }>(
      db,
      sql`select x.*, ${memberNameOf(sql`x."memberId"`)} as name,
          ${orgNameOf(sql`x."orgId"`)} as "orgName"
        from (
          select a.member_id as "memberId", max(m.org_id)::int as "orgId", count(*)::int as expected,
            count(*) filter (where a.status in ('signed', 'late'))::int as attended,
            count(*) filter (where a.status = 'leave')::int as leave,
            count(*) filter (where a.status = 'absent')::int as absent
          from meeting_attendees a join meetings m on m.id = a.meeting_id
          where a.role = 'expected' and m.state in ${HELD}
            and m.planned_at >= ${from}::timestamptz - interval '1 month' and m.planned_at < ${to}::timestamptz + interval '1 month'
            and ${countedAt}::date between ${from}::date and ${to}::date
            and a.member_id > ${after}
            and a.member_id in (select member_id from (${membersOnRolls()}) r)
            ${where ? sql`and ${where}` : sql``}
          group by a.member_id
          order by a.member_id
          limit ${limit}
        ) x
        order by x."memberId"`,
    );
  },

  /**
   * Members on the rolls whose latest held meetings (as expected; leave left out) were missed in a
   * row at least `n` times, the longest runs first; meetings whose `m.org_path` the condition admits.
   */
  absentees(db: Executor, n: number, where: SQL | undefined, limit: number) {
    return queryRows<{
      memberId: number;
      name: string;
      orgId: number;
      orgName: string;
      missed: number;
      lastAttendedOn: string | null;
      lastMissedOn: string;
    }>(
      db,
      sql`with seq as (
          select a.member_id, a.status, m.org_id, ${countedAt}::date as day,
            row_number() over (partition by a.member_id order by coalesce(m.held_at, m.planned_at) desc, m.id desc) as rn
          from meeting_attendees a join meetings m on m.id = a.meeting_id
          where a.role = 'expected' and m.state in ${HELD} and a.status in ('signed', 'late', 'absent')
            and a.member_id in (select member_id from (${membersOnRolls()}) r)
            ${where ? sql`and ${where}` : sql``}
        ), marked as (
          select seq.*, min(rn) filter (where status <> 'absent') over (partition by member_id) as att_rn from seq
        ), runs as (
          select member_id as "memberId",
            count(*) filter (where rn < coalesce(att_rn, 2147483647))::int as missed,
            (max(day) filter (where rn = 1))::text as "lastMissedOn",
            (max(day) filter (where rn = att_rn))::text as "lastAttendedOn",
            max(org_id) filter (where rn = 1) as "orgId"
          from marked group by member_id
        )
        select runs.*, ${memberNameOf(sql`runs."memberId"`)} as name,
          ${orgNameOf(sql`runs."orgId"`)} as "orgName"
        from runs where missed >= ${n}
        order by missed desc, "memberId"
        limit ${limit}`,
    );
  },
};
