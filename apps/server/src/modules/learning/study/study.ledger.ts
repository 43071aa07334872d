/**
 * The year's study hours of members, read from the activity ledger (kind 'study_hours') through its
 * published fragment, with the requirement that applies to each member: set-based statements over
 * the members on the rolls the caller selects, whatever their number.
 */
import type { StudyBoardSort, StudySource } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { entriesOfKind } from '../../activity/activity.fragments';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { committeeOf, holdsPositionAbove, orgNameOf } from '../../orgs/orgs.fragments';

/** The ledger source of a course completion, an offline study record, a 党课 attendance. */
export const LEDGER_MODULE = 'learning';
export const recordSourceId = (id: number) => `study:${id}`;

/** Which study source an entry counts for, from its source module and id. */
export const sourceOf = (e: string) =>
  sql<StudySource>`case
    when ${sql.raw(e)}.source_module = 'learning' and ${sql.raw(e)}.source_id like 'course:%' then 'course'
    when ${sql.raw(e)}.source_module = 'learning' and ${sql.raw(e)}.source_id like 'study:%' then 'offline'
    when ${sql.raw(e)}.source_module = 'trainings' then 'training'
    when ${sql.raw(e)}.source_module = 'life' then 'lecture'
    else 'other' end`;

export interface LedgerYear {
  year: number;
  memberHours: number;
  cadreHours: number;
}

const yearBounds = (year: number) => ({
  from: `${year}-01-01`,
  to: `${year + 1}-01-01`,
  last: `${year}-12-31`,
});

/**
 * `with m, h, t`: the members on the rolls that `where` keeps (over `r.member_id`, `r.org_path`),
 * their hours of the year, whether they hold a position, and the hours they are required to have.
 */
function withMembers(y: LedgerYear, where: SQL): SQL {
  const { from, to, last } = yearBounds(y.year);
  return sql`with m as (
      select r.member_id, r.org_id, r.org_path, ${memberNameOf(sql`r.member_id`)} as name
      from (${membersOnRolls()}) r where ${where}),
    h as (
      select e.member_id, sum(e.quantity) as hours
      from (${entriesOfKind('study_hours', from, to)}) e
      where e.member_id in (select member_id from m) group by e.member_id),
    t as (
      select m.member_id, m.org_id, m.org_path, m.name,
        round(coalesce(h.hours, 0), 1)::float8 as hours,
        ${holdsPositionAbove(sql`m.name`, sql`m.org_path`, from, last)} as cadre
      from m left join h on h.member_id = m.member_id),
    b as (
      select t.*, (case when t.cadre then ${y.cadreHours} else ${y.memberHours} end)::float8 as required
      from t)`;
}

export interface BoardRow {
  memberId: number;
  name: string;
  orgId: number;
  orgName: string;
  committeeName: string | null;
  cadre: boolean;
  required: number;
  hours: number;
  gap: number;
}

const SORT_KEYS: Record<StudyBoardSort, SQL> = {
  gap: sql`round((b.required - b.hours)::numeric, 1)`,
  hours: sql`b.hours`,
  name: sql`b.name`,
};

export const studyLedger = {
  /** One page of the members below their requirement, in the chosen order, after the cursor. */
  async below(
    executor: Executor,
    y: LedgerYear,
    where: SQL,
    page: {
      sort: StudyBoardSort;
      desc: boolean;
      after: { value: number | string; memberId: number } | null;
      limit: number | null;
    },
  ): Promise<BoardRow[]> {
    const key = SORT_KEYS[page.sort];
    const cmp = sql.raw(page.desc ? '<' : '>');
    const keyset = page.after
      ? sql`and (${key} ${cmp} ${page.after.value} or (${key} = ${page.after.value} and b.member_id > ${page.after.memberId}))`
      : sql``;
    return queryRows<BoardRow>(
      executor,
      sql`${withMembers(y, where)}
        select b.member_id as "memberId", b.name, b.org_id as "orgId", ${orgNameOf(sql`b.org_id`)} as "orgName",
          ${committeeOf(sql`b.org_id`).name} as "committeeName", b.cadre, b.required, b.hours,
          round((b.required - b.hours)::numeric, 1)::float8 as gap
        from b where b.hours < b.required ${keyset}
        order by ${key} ${sql.raw(page.desc ? 'desc' : 'asc')}, b.member_id
        ${page.limit === null ? sql`` : sql`limit ${page.limit}`}`,
    );
  },

  async belowCount(executor: Executor, y: LedgerYear, where: SQL): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      executor,
      sql`${withMembers(y, where)} select count(*)::int as n from b where b.hours < b.required`,
    );
    return row?.n ?? 0;
  },

  /** Per org the members are placed in: members, cadres, hours, members below. */
  byOrg(executor: Executor, y: LedgerYear, where: SQL) {
    return queryRows<{
      orgId: number;
      name: string;
      committeeName: string | null;
      members: number;
      cadres: number;
      hours: number;
      below: number;
    }>(
      executor,
      sql`${withMembers(y, where)}
        select g.org_id as "orgId", ${orgNameOf(sql`g.org_id`)} as name,
          ${committeeOf(sql`g.org_id`).name} as "committeeName", g.members, g.cadres, g.hours, g.below
        from (select b.org_id, count(*)::int as members, count(*) filter (where b.cadre)::int as cadres,
            round(sum(b.hours)::numeric, 1)::float8 as hours,
            count(*) filter (where b.hours < b.required)::int as below
          from b group by b.org_id) g
        order by g.org_id`,
    );
  },

  /** Per org and source: the hours of the members `where` keeps. */
  byOrgAndSource(executor: Executor, year: number, where: SQL) {
    const { from, to } = yearBounds(year);
    return queryRows<{ orgId: number; source: StudySource; hours: number }>(
      executor,
      sql`select r.org_id as "orgId", ${sourceOf('e')} as source, round(sum(e.quantity), 1)::float8 as hours
        from (${entriesOfKind('study_hours', from, to)}) e
        join (${membersOnRolls()}) r on r.member_id = e.member_id
        where ${where}
        group by 1, 2`,
    );
  },

  /** One member's year: the entries, newest first. */
  entriesOf(executor: Executor, memberId: number, year: number, limit: number) {
    const { from, to } = yearBounds(year);
    return queryRows<{ occurredOn: string; source: StudySource; title: string; hours: number }>(
      executor,
      sql`select e.occurred_on::text as "occurredOn", ${sourceOf('e')} as source, e.title,
          e.quantity::float8 as hours
        from (${entriesOfKind('study_hours', from, to)}) e
        where e.member_id = ${memberId}
        order by e.occurred_on desc, e.source_id desc
        limit ${limit}`,
    );
  },

  /** One member's year: the hours by source, and whether they hold a position (by name and placement). */
  async memberYear(executor: Executor, member: { id: number; name: string; orgPath: string }, year: number) {
    const { from, to, last } = yearBounds(year);
    const [bySource, [me]] = await Promise.all([
      queryRows<{ source: StudySource; hours: number }>(
        executor,
        sql`select ${sourceOf('e')} as source, round(sum(e.quantity), 1)::float8 as hours
          from (${entriesOfKind('study_hours', from, to)}) e where e.member_id = ${member.id} group by 1`,
      ),
      queryRows<{ cadre: boolean }>(
        executor,
        sql`select ${holdsPositionAbove(sql`${member.name}::text`, sql`${member.orgPath}::text`, from, last)} as cadre`,
      ),
    ]);
    return { bySource, cadre: me?.cadre ?? false };
  },
};
