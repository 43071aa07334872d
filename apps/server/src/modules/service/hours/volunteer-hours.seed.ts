/**
 * The demo's self-reported volunteer hours: for the first members on the rolls of five
 * second-level committees (通州 and 海淀 among them, whose secretaries have demo logins; the demo
 * member left out), a few reports each over the last weeks — most approved (and in the activity
 * ledger), some awaiting review, one rejected with its reason. Set-based: one INSERT … SELECT and
 * one ledger statement; the same demo on the same day gives the same rows.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../../db/client';
import { volunteerHours } from '../../../db/schema';
import type { ActivityService } from '../../activity/activity.service';
import { membersOnRolls } from '../../members/members.fragments';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import { HOURS_SOURCE_PREFIX, LEDGER_MODULE } from './volunteer-hours.repository';
import { LEDGER_TITLE_PREFIX } from './volunteer-hours.service';

export interface VolunteerHoursSeedDeps {
  db: Db;
  tree: Pick<OrgsService, 'topCommittee' | 'idsInSubtrees' | 'lookupMany'>;
  accounts: Pick<UsersService, 'accountByUsername'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

const COMMITTEES = 5;
/** Reports per committee: the 5th and 6th await review; the first committee's 6th is rejected. */
const PER_COMMITTEE = 7;

const WHAT = [
  '社区疫苗接种点秩序维护',
  '协助社区开展垃圾分类宣传',
  '老旧小区楼道杂物清理',
  '为独居老人上门送餐、打扫卫生',
  '地铁站早高峰文明引导',
  '参加社区消防安全隐患排查',
  '为外来务工人员子女课业辅导',
];
const WHERE = [
  '所住社区',
  '地铁站口',
  '街道养老驿站',
  '社区活动中心',
  '小区门口',
  '社区服务站',
  '务工单位附近',
];

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]`;

export function createVolunteerHoursSeed({ db, tree, accounts, activity }: VolunteerHoursSeedDeps) {
  return async function seedVolunteerHours(): Promise<{ reports: number; approved: number }> {
    const top = await tree.topCommittee(db);
    const office = await accounts.accountByUsername(db, 'office');
    if (!top || !office) return { reports: 0, approved: 0 };
    const [tongzhou, haidian, member] = await Promise.all(
      ['tongzhou', 'haidian', 'member'].map((u) => accounts.accountByUsername(db, u)),
    );
    const second = (await tree.lookupMany(db, await tree.idsInSubtrees(db, [top.path])))
      .filter((o) => !o.closedAt && o.path.split('.').length === 2)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    const named = (word: string) => second.filter((o) => o.name.includes(word));
    const committees = [...new Set([...named('通州'), ...named('海淀'), ...second])].slice(0, COMMITTEES);
    if (committees.length === 0) return { reports: 0, approved: 0 };
    const reviewerOf = (name: string) =>
      (name.includes('通州') ? tongzhou?.id : name.includes('海淀') ? haidian?.id : undefined) ?? office.id;
    const c: SQL = sql.join(
      committees.map((o, i) => sql`(${i}::int, ${o.path}::text, ${reviewerOf(o.name)}::int)`),
      sql`, `,
    );
    const rejectReason = '服务日期与单位考勤记录不符，请核实后重新填报。';

    return db.transaction(async (tx: Tx) => {
      // Served (today - days) days ago; reported the evening after, decided two days later (Beijing time).
      const [made] = await queryRows<{ reports: number; approved: number }>(
        tx,
        sql`with c(ci, path, reviewer) as (values ${c}),
          picked as (
            select r.member_id, r.org_id, r.org_path, c.ci, c.reviewer,
              row_number() over (partition by c.ci order by r.member_id) as k
            from (${membersOnRolls()}) r
            join c on r.org_path = c.path or r.org_path like c.path || '.%'
            where r.member_id <> ${member?.memberId ?? 0}),
          planned as (
            select p.*, ((now() at time zone 'Asia/Shanghai')::date - (p.ci * 9 + p.k * 4 + 3)::int) as served_on,
              case when p.ci = 0 and p.k = 6 then 'rejected' when p.k in (5, 6) then 'submitted'
                else 'approved' end as state
            from picked p where p.k <= ${PER_COMMITTEE}),
          added as (
            insert into ${volunteerHours} (member_id, org_id, org_path, served_on, hours, description, place,
              state, decided_by, decided_at, decision_note, created_at, updated_at)
            select member_id, org_id, org_path, served_on,
              (1 + ((k * 3 + ci) % 7) * 0.5)::numeric(5, 1),
              (${textArray(WHAT)})[1 + ((ci + k) % ${WHAT.length})],
              (${textArray(WHERE)})[1 + ((ci * 2 + k) % ${WHERE.length})],
              state,
              case when state = 'submitted' then null else reviewer end,
              case when state = 'submitted' then null
                else ((served_on + 3) + time '10:00') at time zone 'Asia/Shanghai' end,
              case when state = 'rejected' then ${rejectReason} end,
              ((served_on + 1) + time '20:00') at time zone 'Asia/Shanghai',
              ((served_on + 1) + time '20:00') at time zone 'Asia/Shanghai'
            from planned
            order by served_on, ci, k
            returning state)
        select count(*)::int as reports, count(*) filter (where state = 'approved')::int as approved from added`,
      );
      await activity.recordSelected(
        tx,
        'volunteer_hours',
        LEDGER_MODULE,
        sql`select member_id, served_on as occurred_on, hours as quantity, ${HOURS_SOURCE_PREFIX} || id as source_id,
            org_id, org_path, ${LEDGER_TITLE_PREFIX} || description as title
          from ${volunteerHours} where state = 'approved'`,
      );
      return made ?? { reports: 0, approved: 0 };
    });
  };
}
