import type { PointsRules } from '@ningxin/shared';
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { pointsRuleVersions, pointsRuns, pointsTotals } from '../../db/schema';
import { yearPointsFigures } from '../activity/activity.fragments';
import { memberNameOf, membersInGoodStanding } from '../members/members.fragments';
import { committeeOf, orgNameOf } from '../orgs/orgs.fragments';
import { displayNameOf } from '../users/users.fragments';

/** Every query of the points tables. */

const runColumns = {
  id: pointsRuns.id,
  year: pointsRuns.year,
  ruleVersion: pointsRuns.ruleVersion,
  rules: pointsRuleVersions.rules,
  memberCount: pointsRuns.memberCount,
  computedAt: pointsRuns.computedAt,
  computedBy: pointsRuns.computedBy,
  computedByName: displayNameOf(pointsRuns.computedBy),
};

const selectRuns = (db: Executor) =>
  db
    .select(runColumns)
    .from(pointsRuns)
    .innerJoin(pointsRuleVersions, eq(pointsRuleVersions.version, pointsRuns.ruleVersion));
export type PointsRunRow = Awaited<ReturnType<typeof selectRuns>>[number];

const int = (n: number) => sql`${n}::int`;

// The member's and the org's names now, for the ranking (fragments of their modules).
const memberNameSql = memberNameOf(pointsTotals.memberId);
const orgNameSql = orgNameOf(sql`r.org_id`);

/**
 * Each member's points of the year by the rules, as rows `(member_id, org_id, org_path, base,
 * tasks, bonus, total)`: a base for every member in good standing, tasks and bonus from the
 * year's ledger figures within their caps. All numeric: exact to the hundredth.
 */
export function totalsOf(year: number, r: PointsRules): SQL {
  return sql`select s.member_id, s.org_id, s.org_path, s.base, s.tasks, s.bonus,
      (s.base + s.tasks + s.bonus)::numeric(8, 2) as total
    from (
      select m.member_id, m.org_id, m.org_path,
        ${int(r.base)}::numeric(8, 2) as base,
        least(${int(r.tasksCap)}::numeric,
          coalesce(f.meetings, 0) * ${int(r.perMeeting)}
          + coalesce(f.study_hours, 0) * ${int(r.perStudyHour)}
          + coalesce(f.volunteer_hours, 0) * ${int(r.perVolunteerHour)})::numeric(8, 2) as tasks,
        least(${int(r.bonusCap)}::numeric,
          coalesce(f.contributions, 0) * ${int(r.perContribution)}
          + coalesce(f.honours, 0) * ${int(r.perHonour)})::numeric(8, 2) as bonus
      from (${membersInGoodStanding()}) m
      left join (${yearPointsFigures(year)}) f on f.member_id = m.member_id
    ) s`;
}

export const pointsRepository = {
  /** Keeps the version's rules as they are now (once: a version never changes). */
  async recordVersion(tx: Executor, version: number, rules: PointsRules) {
    await tx.insert(pointsRuleVersions).values({ version, rules }).onConflictDoNothing();
  },

  async rulesOf(db: Executor, version: number): Promise<unknown | null> {
    const [row] = await db
      .select({ rules: pointsRuleVersions.rules })
      .from(pointsRuleVersions)
      .where(eq(pointsRuleVersions.version, version));
    return row?.rules ?? null;
  },

  async insertRun(tx: Executor, year: number, ruleVersion: number, computedBy: number | null) {
    const [row] = await tx
      .insert(pointsRuns)
      .values({ year, ruleVersion, computedBy })
      .returning({ id: pointsRuns.id });
    return row!.id;
  },

  /** The run's totals in ONE statement over the ledger; returns how many members it counted. */
  async fillRun(tx: Executor, runId: number, year: number, rules: PointsRules): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with added as (
        insert into ${pointsTotals} (run_id, member_id, org_id, org_path, base, tasks, bonus, total)
        select ${int(runId)}, t.member_id, t.org_id, t.org_path, t.base, t.tasks, t.bonus, t.total
        from (${totalsOf(year, rules)}) t
        returning 1)
      select count(*)::int as n from added`,
    );
    const n = row?.n ?? 0;
    await tx.update(pointsRuns).set({ memberCount: n }).where(eq(pointsRuns.id, runId));
    return n;
  },

  /** Removes the year's earlier runs made by no account (the nightly job's), but the one kept. */
  async dropUnattendedRuns(tx: Executor, year: number, keep: number) {
    const gone = await tx
      .delete(pointsRuns)
      .where(and(eq(pointsRuns.year, year), sql`${pointsRuns.computedBy} is null`, lt(pointsRuns.id, keep)))
      .returning({ id: pointsRuns.id });
    return gone.length;
  },

  async findRun(db: Executor, id: number): Promise<PointsRunRow | null> {
    const [row] = await selectRuns(db).where(eq(pointsRuns.id, id));
    return row ?? null;
  },

  async latestRun(db: Executor, year: number): Promise<PointsRunRow | null> {
    const [row] = await selectRuns(db).where(eq(pointsRuns.year, year)).orderBy(desc(pointsRuns.id)).limit(1);
    return row ?? null;
  },

  listRuns(db: Executor, year: number | undefined, before: number | undefined, limit: number) {
    return selectRuns(db)
      .where(
        and(
          year === undefined ? undefined : eq(pointsRuns.year, year),
          before === undefined ? undefined : lt(pointsRuns.id, before),
        ),
      )
      .orderBy(desc(pointsRuns.id))
      .limit(limit);
  },

  /** The stored totals against the totals worked out again by the rules: how many differ, and the first. */
  async compare(db: Executor, runId: number, year: number, rules: PointsRules) {
    const diff = sql`select coalesce(s.member_id, c.member_id) as member_id, s.total::text as stored,
        c.total::text as recomputed
      from (select * from ${pointsTotals} where run_id = ${int(runId)}) s
      full outer join (${totalsOf(year, rules)}) c on c.member_id = s.member_id
      where s.member_id is null or c.member_id is null
        or (s.base, s.tasks, s.bonus, s.total, s.org_id) is distinct from (c.base, c.tasks, c.bonus, c.total, c.org_id)`;
    const [counts] = await queryRows<{ members: number; mismatches: number }>(
      db,
      sql`select
        (select count(*)::int from (select member_id from ${pointsTotals} where run_id = ${int(runId)}
          union select member_id from (${totalsOf(year, rules)}) c) u) as members,
        (select count(*)::int from (${diff}) d) as mismatches`,
    );
    const examples = await queryRows<{ member_id: number; stored: string | null; recomputed: string | null }>(
      db,
      sql`${diff} order by 1 limit 20`,
    );
    return { members: counts?.members ?? 0, mismatches: counts?.mismatches ?? 0, examples };
  },

  /**
   * The run's members that `where` admits (over `points_totals`), ranked by total then name, as a
   * page after the rank `after`.
   */
  ranking(db: Executor, runId: number, where: SQL | undefined, after: number, limit: number) {
    return queryRows<{
      rank: number;
      member_id: number;
      name: string;
      org_id: number;
      org_name: string;
      base: string;
      tasks: string;
      bonus: string;
      total: string;
    }>(
      db,
      sql`with ranked as (
        select t.member_id, t.org_id, t.base, t.tasks, t.bonus, t.total, t.name,
          (row_number() over (order by t.total desc, t.name, t.member_id))::int as rank
        from (select ${pointsTotals}.*, ${memberNameSql} as name from ${pointsTotals}
          where ${pointsTotals.runId} = ${int(runId)}${where ? sql` and ${where}` : sql``}) t)
      select r.rank, r.member_id, r.name, r.org_id, ${orgNameSql} as org_name,
        r.base::text, r.tasks::text, r.bonus::text, r.total::text
      from ranked r where r.rank > ${int(after)} order by r.rank limit ${int(limit)}`,
    );
  },

  /** Each second-level committee's members and average total among the rows `where` admits. */
  byCommittee(db: Executor, runId: number, where: SQL | undefined) {
    const committee = committeeOf(sql`b.org_id`);
    return queryRows<{ id: number; name: string; members: number; average: string }>(
      db,
      sql`with by_org as (
          select ${pointsTotals.orgId} as org_id, count(*) as n, sum(${pointsTotals.total}) as s
          from ${pointsTotals} where ${pointsTotals.runId} = ${int(runId)}${where ? sql` and ${where}` : sql``}
          group by ${pointsTotals.orgId}),
        c as (select ${committee.id} as id, ${committee.name} as name, b.n, b.s from by_org b)
      select id, name, sum(n)::int as members, round(sum(s) / sum(n), 2)::text as average
      from c where id is not null group by id, name order by sum(s) / sum(n) desc, name`,
    );
  },

  /** The runs' rows follow their org when its subtree moves (the ranking's org filter). */
  async rewriteOrgPaths(db: Executor, oldPath: string, newPath: string) {
    await db
      .update(pointsTotals)
      .set({ orgPath: sql`${newPath} || substr(${pointsTotals.orgPath}, ${oldPath.length + 1})` })
      .where(sql`${pointsTotals.orgPath} = ${oldPath} or ${pointsTotals.orgPath} like ${`${oldPath}.%`}`);
  },

  /** The member's total in the latest run of the year that counted them, with the rank in the run. */
  async memberInLatestRun(db: Executor, memberId: number, year: number) {
    const [row] = await queryRows<{
      id: number;
      computed_at: Date | string;
      total: string;
      rank: number;
      of: number;
    }>(
      db,
      sql`select r.id, r.computed_at, t.total::text,
          (select count(*) from ${pointsTotals} o where o.run_id = r.id and o.total > t.total)::int + 1 as rank,
          r.member_count as of
        from ${pointsRuns} r join ${pointsTotals} t on t.run_id = r.id and t.member_id = ${int(memberId)}
        where r.year = ${year} order by r.id desc limit 1`,
    );
    return row ?? null;
  },
};
