/**
 * The demo's care records: visits before 春节 2026 and 中秋 2026 across the committees (a few
 * hundred), visits to the sick and to members in hardship, a handful of 政治生日 visits, hardship
 * help (a few dozen: money, goods, one service; half of it before 春节), and the honours on the wall — the committee's 2020
 * national collective honour (全国抗击新冠肺炎疫情先进集体, 中共中央、国务院、中央军委, 2020-09-08),
 * provincial and city honours to second-level committees, and 20–40 individual honours of synthetic
 * members. Deterministic (every choice is arithmetic on a member's rank by id), set-based: a few
 * INSERT … SELECT statements and the ledger's entries, one transaction. Run again, it adds nothing.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../../db/client';
import type { ActivityService } from '../activity/activity.service';
import { memberJoinedAtOf, membersOnRolls } from '../members/members.fragments';
import { committeeOf, openOrgsOfKinds } from '../orgs/orgs.fragments';
import type { OrgsService } from '../orgs/orgs.service';
import { SOURCE } from './care.access';

export interface CareSeedDeps {
  db: Db;
  orgs: Pick<OrgsService, 'topCommittee'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const HARDSHIP_REASONS = [
  '患病住院，医疗费用负担重',
  '家庭遭遇意外，生活困难',
  '子女上学费用困难',
  '冬季取暖困难',
  '务工受伤，暂时失去收入',
];

/** Members on the rolls ranked by id (every choice below is arithmetic on the rank). */
const ranked = () =>
  sql`select m.member_id, m.org_id, m.org_path, row_number() over (order by m.member_id)::int as rn
    from (${membersOnRolls()}) m`;

/** The second-level committees numbered from 0 in order. */
const committees = () =>
  sql`select c.id, c.path, c.name, (row_number() over (order by c.sort_order, c.id) - 1)::int as n
    from (${openOrgsOfKinds(['sub_committee'])}) c`;

/** A visit's ledger title, as the service writes it (careVisitTitle). */
const visitTitle = sql`case v.reason
    when 'holiday' then v.holiday || '走访慰问'
    when 'anniversary' then '政治生日走访'
    when 'illness' then '生病住院走访慰问'
    when 'hardship' then '生活困难走访慰问'
    else '走访慰问' end`;

const helpTitle = sql`'困难帮扶（' || case h.kind when 'money' then '资金' when 'goods' then '物资' else '帮办服务' end
    || '）：' || h.reason`;

export function createCareSeed({ db, orgs, activity }: CareSeedDeps) {
  const count = async (tx: Executor, table: string) =>
    (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
  const run = (tx: Executor, statement: SQL) => queryRows(tx, statement);
  const visitors = sql`coalesce(${committeeOf(sql`r.org_id`).name}, '流动党委') || '书记、组织委员'`;

  async function visits(tx: Executor) {
    // 春节 2026 (17 February): 1–15 February, one member in 40; 300–500 元 each.
    // 中秋 2026 (25 September): 14–24 September, one member in 50; 200–300 元 with mooncakes.
    // The sick and members in hardship through the year; 政治生日 visits on the day.
    await run(
      tx,
      sql`insert into care_visits (member_id, org_id, org_path, reason, holiday, visited_on, visitors, gift_fen, note)
      select r.member_id, r.org_id, r.org_path, v.reason, v.holiday, least(v.day, current_date), ${visitors}, v.gift, v.note
      from (${ranked()}) r
      cross join lateral (
        select 'holiday' as reason, '春节' as holiday, date '2026-02-01' + r.rn % 15 as day,
          ((3 + r.rn % 3) * 10000)::bigint as gift, '送去慰问金和春联' as note where r.rn % 40 = 3
        union all
        select 'holiday', '中秋', date '2026-09-14' + r.rn % 11, ((2 + (r.rn / 50) % 2) * 10000)::bigint, '送去月饼和慰问金'
          where r.rn % 50 = 7
        union all
        select case when r.rn % 2 = 0 then 'illness' else 'hardship' end, null,
          date '2026-01-10' + (r.rn * 13) % 320, 50000::bigint, null where r.rn % 311 = 5
      ) v
      order by r.rn, v.day`,
    );
    await run(
      tx,
      sql`insert into care_visits (member_id, org_id, org_path, reason, visited_on, visitors, gift_fen, note)
      select r.member_id, r.org_id, r.org_path, 'anniversary', a.day, ${visitors}, 0, '赠送政治生日贺卡，重温入党誓词'
      from (${ranked()}) r
      cross join lateral (select ${memberJoinedAtOf(sql`r.member_id`)}::date as joined) j
      cross join lateral (select make_date(y, extract(month from j.joined)::int,
          case when extract(month from j.joined) = 2 and extract(day from j.joined) = 29 then 28
            else extract(day from j.joined)::int end) as day
        from (select case when make_date(2026, extract(month from j.joined)::int, least(extract(day from j.joined)::int, 28))
          <= current_date then 2026 else 2025 end as y) yy) a
      where r.rn % 997 = 11 and extract(year from j.joined) < 2025
      order by r.rn`,
    );
  }

  async function help(tx: Executor) {
    // One member in 331: money mostly, goods every third, the first a service (帮办); every second
    // record goes out in the fortnight before 春节 (送温暖; 17 February 2026), the rest over the year.
    await run(
      tx,
      sql`insert into care_help (member_id, org_id, org_path, kind, amount_fen, given_on, reason, note)
      select r.member_id, r.org_id, r.org_path, k.kind,
        case k.kind when 'money' then ((10 + (r.rn * 7) % 40) * 10000)::bigint
          when 'goods' then ((5 + r.rn % 10) * 10000)::bigint else 0 end,
        least(case when r.k_rn % 2 = 0 then date '2026-02-02' + r.rn % 14
          else date '2026-01-05' + (r.rn * 13) % 300 end, current_date),
        case k.kind when 'service' then '协助子女在京入学'
          else (${textArray(HARDSHIP_REASONS)})[1 + r.rn % ${HARDSHIP_REASONS.length}] end,
        case k.kind when 'goods' then '米、面、油和棉被' else null end
      from (select *, row_number() over (order by rn) as k_rn from (${ranked()}) x where x.rn % 331 = 13) r
      cross join lateral (select case when r.k_rn = 1 then 'service' when r.rn % 3 = 0 then 'goods' else 'money' end as kind) k
      order by r.rn`,
    );
  }

  async function honours(tx: Executor, root: { id: number; path: string; name: string }) {
    await run(
      tx,
      sql`insert into honours (kind, level, title, issuer, awarded_on, recipient_org_id, org_id, org_path, note)
      values ('collective', 'national', '全国抗击新冠肺炎疫情先进集体', '中共中央、国务院、中央军委', '2020-09-08',
        ${root.id}, ${root.id}, ${root.path}, '组织在京流动党员投身社区防控、捐款捐物')`,
    );
    // Provincial honours to every fifth committee, city honours to every third from the second.
    await run(
      tx,
      sql`insert into honours (kind, level, title, issuer, awarded_on, recipient_org_id, org_id, org_path)
      select 'collective', h.level, h.title, h.issuer, h.day, c.id, c.id, c.path
      from (${committees()}) c
      cross join lateral (
        select 'provincial' as level, '河北省先进基层党组织' as title, '中共河北省委' as issuer, date '2021-06-28' as day
          where c.n % 5 = 0
        union all
        select 'city', '张家口市先进基层党组织', '中共张家口市委', date '2023-06-30' where c.n % 3 = 1
      ) h
      order by c.n, h.level`,
    );
    await run(
      tx,
      sql`insert into honours (kind, level, title, issuer, awarded_on, recipient_name, org_id, org_path)
      values ('collective', 'committee', '平安守望优秀志愿服务队', ${root.name}, '2025-12-20', '平安守望志愿服务队',
        ${root.id}, ${root.path})`,
    );
    // Individual honours: one member in 400, at most 40, on 1 July of 2021–2026.
    await run(
      tx,
      sql`insert into honours (kind, level, title, issuer, awarded_on, member_id, org_id, org_path)
      select 'individual', h.level, h.title, h.issuer, least(make_date(2021 + (r.rn / 400) % 6, 7, 1), current_date),
        r.member_id, r.org_id, r.org_path
      from (${ranked()}) r
      cross join lateral (select
          (array['committee', 'city', 'committee', 'committee'])[1 + (r.rn / 400) % 4] as level,
          (array['优秀共产党员', '张家口市优秀共产党员', '优秀党务工作者', '平安守望优秀志愿者'])[1 + (r.rn / 400) % 4] as title,
          (array[${root.name}, '中共张家口市委', ${root.name}, ${root.name}])[1 + (r.rn / 400) % 4] as issuer) h
      where r.rn % 400 = 17
      order by r.rn
      limit 40`,
    );
  }

  async function ledger(tx: Executor) {
    await activity.recordSelected(
      tx,
      'care',
      SOURCE,
      sql`select v.member_id, v.visited_on as occurred_on, 1 as quantity, 'visit:' || v.id as source_id,
          v.org_id, v.org_path, ${visitTitle} as title
        from care_visits v`,
    );
    await activity.recordSelected(
      tx,
      'care',
      SOURCE,
      sql`select h.member_id, h.given_on as occurred_on, 1 as quantity, 'help:' || h.id as source_id,
          h.org_id, h.org_path, ${helpTitle} as title
        from care_help h`,
    );
    await activity.recordSelected(
      tx,
      'honour',
      SOURCE,
      sql`select o.member_id, o.awarded_on as occurred_on, 1 as quantity, 'honour:' || o.id as source_id,
          o.org_id, o.org_path, o.title || '（' || o.issuer || '）' as title
        from honours o where o.member_id is not null`,
    );
  }

  /** Seeds once; returns how many records each table holds. */
  return () =>
    db.transaction(async (tx) => {
      const root = await orgs.topCommittee(tx);
      if (root && (await count(tx, 'care_visits')) === 0 && (await count(tx, 'honours')) === 0) {
        await visits(tx);
        await help(tx);
        await honours(tx, root);
        await ledger(tx);
      }
      return {
        visits: await count(tx, 'care_visits'),
        help: await count(tx, 'care_help'),
        honours: await count(tx, 'honours'),
      };
    });
}

export type CareSeed = ReturnType<typeof createCareSeed>;
