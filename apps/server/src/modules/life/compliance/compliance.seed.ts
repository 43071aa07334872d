/**
 * The demo's meeting history: two years of 三会一课 and the other required meetings (from January
 * of last year to today, the rest of this month planned) for every branch, with realistic gaps,
 * each held meeting's attendance and the ledger entries of those who attended. Synthetic and
 * deterministic (every choice is a hash of ids, no randomness), and set-based: one INSERT … SELECT
 * over generate_series per table, whatever the size of the demo.
 *
 * Which branches keep up (by a hash of the branch id): about seven in ten keep every type; one in
 * five neglects one type (misses about a third of its periods); one in ten is
 * clearly behind this year (misses about half of everything); any branch may miss a period
 * now and then (3 in 1000).
 *
 * Attendance (and the ledger entries of those who came) is recorded for the meetings of the last
 * four months only, to keep the seed of 12,000 members well under 20 seconds on PGlite (older held
 * meetings count on the board but carry no attendance list): for the meetings the whole branch
 * attends (党员大会, 党课, 主题党日, 组织生活会) and for 党小组会 (a third of the branch, the demo
 * having no 党小组 orgs); not for 支委会 (the committee only) nor 谈心谈话 (two people). Most
 * members sign in, some ask leave, some are absent, some come late; about one in a hundred has
 * been absent from every meeting of the last three months (the lost-contact candidates the
 * absentee list shows).
 */
import { DEFAULT_MEETING_FREQUENCIES, MEETINGS_PER_YEAR, REQUIRED_MEETINGS } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import type { ActivityService } from '../../activity/activity.service';
import { membersOnRolls } from '../../members/members.fragments';
import { committeeDay } from '../../notices/anniversaries';
import { openOrgsOfKinds } from '../../orgs/orgs.fragments';

export interface ComplianceSeedDeps {
  db: Db;
  activity: Pick<ActivityService, 'recordSelected'>;
}

export interface MeetingHistoryCounts {
  meetings: number;
  attendees: number;
  ledger: number;
  exemptions: number;
}

const TOPICS: Record<string, string[]> = {
  branch_assembly: ['学习贯彻全会精神', '讨论发展党员事项', '民主评议党员', '年度工作部署'],
  branch_committee: ['研究本月支部工作', '研究流动党员管理', '研究困难党员帮扶', '研究主题党日安排'],
  group_meeting: ['学习党章党规', '交流务工生活情况', '学习形势政策', '开展批评与自我批评'],
  party_lecture: ['书记讲党课：坚定理想信念', '传承红色基因', '党的光辉历程', '做合格流动党员'],
  theme_day: ['重温入党誓词', '志愿服务进社区', '参观红色教育基地', '学习身边榜样'],
  life_meeting: ['年度组织生活会'],
  talk: ['谈心谈话'],
};

/** A deterministic 0–99 from integers (a multiplicative hash). */
const pick = (...parts: SQL[]) =>
  sql`(((${sql.join(parts, sql` * 31 + `)})::bigint * 2654435761 % 4294967296) / 42949673)::int`;

export function createComplianceSeed({ db, activity }: ComplianceSeedDeps) {
  return async function seedMeetingHistory(now = new Date()): Promise<MeetingHistoryCounts> {
    const today = committeeDay(now);
    const nowIso = now.toISOString();
    const year = Number(today.slice(0, 4));
    const first = `${year - 1}-01-01`;
    const monthsUpToNow = 12 + Number(today.slice(5, 7));
    return db.transaction(async (tx) => {
      const [existing] = await queryRows<{ n: number; max: number }>(
        tx,
        sql`select count(*)::int as n, coalesce(max(id), 0)::int as max from meetings
          where state in ('held', 'archived') and planned_at < ${first}::timestamptz + interval '1 year'`,
      );
      if (existing!.n > 0) return { meetings: 0, attendees: 0, ledger: 0, exemptions: 0 };
      const [{ max: before } = { max: 0 }] = await queryRows<{ max: number }>(
        tx,
        sql`select coalesce(max(id), 0)::int as max from meetings`,
      );

      // The schedule: each type's period length in months and the topics to draw from.
      const types = sql.join(
        REQUIRED_MEETINGS.map(
          (t, i) =>
            sql`(${t}::text, ${sql.raw(String(i + 1))}, ${sql.raw(String(12 / MEETINGS_PER_YEAR[DEFAULT_MEETING_FREQUENCIES[t]]))}, ${sql.raw(
              `array[${TOPICS[t]!.map((x) => `'${x}'`).join(', ')}]`,
            )}::text[])`,
        ),
        sql`, `,
      );
      const branchKind = pick(sql`b.id`, sql`7`);
      const meetings = await queryRows<{ n: number }>(
        tx,
        sql`with b as (${openOrgsOfKinds(['branch'])}),
          slot as (
            select b.id as org_id, b.path, t.type, t.ord, t.topics, mo.i,
              (${first}::date + make_interval(months => mo.i))::date as month_start,
              ${branchKind} as kind,
              ${pick(sql`b.id`, sql`t.ord`, sql`(mo.i / t.span)`)} as luck,
              ${pick(sql`b.id`, sql`t.ord`, sql`mo.i`, sql`5`)} * 10 + ${pick(sql`b.id`, sql`mo.i`, sql`t.ord`, sql`13`)} % 10 as fine_luck,
              ${pick(sql`b.id`, sql`t.ord`, sql`mo.i`, sql`3`)} as day_pick
            from b cross join (values ${types}) as t(type, ord, span, topics)
              cross join generate_series(0, ${sql.raw(String(monthsUpToNow - 1))}) as mo(i)
            where mo.i % t.span = ${pick(sql`b.id`, sql`t.ord`, sql`(mo.i / t.span)`, sql`11`)} % t.span
          ),
          kept as (
            select s.*, make_timestamptz(extract(year from s.month_start)::int, extract(month from s.month_start)::int,
              1 + s.day_pick % 26, 14 + s.day_pick % 5, 30, 0, 'Asia/Shanghai') as at
            from slot s
            where not (
              -- one in ten: clearly behind this year
              (s.kind < 10 and s.i >= 12 and s.luck < 50)
              -- one in five: one type neglected (a third of its periods missed)
              or (s.kind >= 10 and s.kind < 30 and s.ord = 1 + s.kind % 7 and s.luck < 35)
              -- any branch: a rare miss (3 in 1000)
              or (s.fine_luck < 3)
            )
          ),
          added as (
            insert into meetings (org_id, org_path, type, topic, planned_at, held_at, ended_at, mode, place,
              online_url, host, recorder, speaker, state, archived_at, created_at, updated_at)
            select k.org_id, k.path, k.type, k.topics[1 + k.day_pick % array_length(k.topics, 1)],
              k.at,
              case when k.at < ${nowIso}::timestamptz then k.at end,
              case when k.at < ${nowIso}::timestamptz then k.at + interval '2 hours' end,
              case k.day_pick % 4 when 0 then 'online' when 1 then 'both' else 'offline' end,
              case k.day_pick % 4 when 0 then null else '支部活动室' end,
              case k.day_pick % 4 when 0 then 'https://meeting.example.cn/j/' || k.org_id || k.i when 1 then 'https://meeting.example.cn/j/' || k.org_id || k.i end,
              '支部书记', '组织委员',
              case when k.type = 'party_lecture' then '支部书记' end,
              case when k.at >= ${nowIso}::timestamptz then 'planned'
                when k.at < ${nowIso}::timestamptz - interval '3 months' then 'archived' else 'held' end,
              case when k.at < ${nowIso}::timestamptz - interval '3 months' then k.at + interval '7 days' end,
              least(k.at - interval '10 days', ${nowIso}::timestamptz), least(k.at, ${nowIso}::timestamptz)
            from kept k
            order by k.at, k.org_id, k.ord
            returning 1
          )
        select count(*)::int as n from added`,
      );

      // Attendance: every member on the rolls of the branch (a third of it for 党小组会).
      const status = pick(sql`m.id`, sql`r.member_id`);
      const absentLately = sql`(r.member_id % 97 = 0 and m.planned_at >= ${nowIso}::timestamptz - interval '3 months')`;
      const attendees = await queryRows<{ n: number }>(
        tx,
        sql`with added as (
          insert into meeting_attendees (meeting_id, member_id, role, status, signed_at, channel,
            leave_reason, leave_state, updated_at)
          select m.id, r.member_id, 'expected', x.status,
            case when x.status = 'signed' then m.held_at - interval '5 minutes'
              when x.status = 'late' then m.held_at + interval '20 minutes' end,
            case when x.status in ('signed', 'late') then (case when ${status} % 5 = 0 then 'manual' else 'qr' end) end,
            case when x.status = 'leave' then (case when ${status} % 2 = 0 then '工作原因' else '身体原因' end) end,
            case when x.status = 'leave' then 'approved' end,
            m.ended_at
          from meetings m
            join (${membersOnRolls()}) r on r.org_id = m.org_id
            cross join lateral (select case
              when ${absentLately} then 'absent'
              when ${status} < 6 then 'absent'
              when ${status} < 13 then 'leave'
              when ${status} < 20 then 'late'
              else 'signed' end as status) x
          where m.id > ${before} and m.state in ('held', 'archived')
            and m.planned_at >= ${nowIso}::timestamptz - interval '4 months'
            and m.type in ('branch_assembly', 'party_lecture', 'theme_day', 'life_meeting', 'group_meeting')
            and (m.type <> 'group_meeting' or (r.member_id + m.id) % 3 = 0)
          returning 1)
        select count(*)::int as n from added`,
      );

      const ledger = await activity.recordSelected(
        tx,
        'meeting_attended',
        'life',
        sql`select a.member_id, (m.held_at at time zone 'Asia/Shanghai')::date as occurred_on, 1 as quantity,
            'meeting:' || m.id as source_id, m.org_id, m.org_path, m.topic as title
          from meeting_attendees a join meetings m on m.id = a.meeting_id
          where m.id > ${before} and a.status in ('signed', 'late')`,
      );

      // Two exemptions: a small branch without 党小组 and one whose committee is being re-elected.
      const exemptions = await queryRows<{ n: number }>(
        tx,
        sql`with b as (select id, path, row_number() over (order by id) as n from (${openOrgsOfKinds(['branch'])}) x),
          added as (
            insert into meeting_exemptions (org_id, org_path, type, from_on, until_on, reason)
            select id, path, 'group_meeting', ${`${year}-01-01`}::date, null, '党员人数少，未划分党小组' from b where n = 2
            union all
            select id, path, 'branch_committee', ${`${year}-03-01`}::date, ${`${year}-05-31`}::date, '支部委员会换届期间' from b where n = 5
            returning 1)
          select count(*)::int as n from added`,
      );
      return {
        meetings: meetings[0]!.n,
        attendees: attendees[0]!.n,
        ledger,
        exemptions: exemptions[0]!.n,
      };
    });
  };
}

export type MeetingHistorySeed = ReturnType<typeof createComplianceSeed>;
