/**
 * The demo's volunteer campaigns, synthetic and deterministic (every choice is a hash of ids),
 * set-based: one INSERT … SELECT per table, whatever the size of the demo.
 *
 * - 平安守望: 驻北京大栅栏街道流动党委 with co-organizers, at 大栅栏街道 (西城区), 8 days in
 *   October 2022 around the 20th Party Congress; 12 posts (交通疏导, 治安巡逻, 安全隐患排查), three
 *   shifts a day, 8 volunteers a shift: 600 distinct volunteers (as many as the demo has on the
 *   rolls, if fewer), every place checked out, 10,000+ people served, supervision rounds every
 *   day and one incident (a volunteer with a broken foot who stayed at the post on crutches); the
 *   hours in the activity ledger.
 * - A small campaign of 通州 open now: days before today checked out, today's shift at the demo
 *   member's post around the time of the seed (the member leads the post and is on the shift),
 *   days to come half filled for members to sign up.
 *
 * Run again, it adds nothing.
 */
import { addDays, eachDay } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../../db/client';
import type { ActivityService } from '../../activity/activity.service';
import { membersOnRolls } from '../../members/members.fragments';
import type { MembersService } from '../../members/record/members.service';
import { committeeDay } from '../../notices/anniversaries';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';

export interface ServiceSeedDeps {
  db: Db;
  orgs: Pick<OrgsService, 'idsInSubtrees' | 'lookupMany'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'accountByUsername'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

export const PEACE_WATCH = '平安守望——党的二十大期间大栅栏地区志愿服务';
export const PEACE_WATCH_DAYS = { from: '2022-10-13', to: '2022-10-20' };
export const CURRENT_CAMPAIGN = '通州社区平安志愿服务';

const PEACE_POSTS: [string, string, string][] = [
  ['前门大街北口', 'traffic', '前门大街与前门东大街交叉口'],
  ['大栅栏街西口', 'traffic', '大栅栏街与煤市街交叉口'],
  ['珠宝市街', 'traffic', '珠宝市街与廊房头条交叉口'],
  ['粮食店街', 'traffic', '粮食店街南口'],
  ['杨梅竹斜街', 'patrol', '杨梅竹斜街沿线'],
  ['铁树斜街', 'patrol', '铁树斜街沿线'],
  ['樱桃斜街', 'patrol', '樱桃斜街沿线'],
  ['廊房头条', 'patrol', '廊房头条沿线'],
  ['观音寺街', 'hazard', '观音寺街商户'],
  ['石头胡同', 'hazard', '石头胡同院落'],
  ['延寿街', 'hazard', '延寿街商户'],
  ['煤市街', 'hazard', '煤市街沿街门店'],
];
const PEACE_HEADCOUNT = 8;
const PEACE_SLOTS: [string, string][] = [
  ['07:00', '11:00'],
  ['11:00', '15:00'],
  ['15:00', '19:00'],
];
const INSPECTORS = [
  '市委组织部 李督导',
  '大栅栏街道工委 张书记',
  '流动党委 王副书记',
  '西城区委组织部 赵科长',
];
const FINDINGS = [
  '各点位人员在岗在位，佩戴标识规范，交通秩序良好。',
  '巡查发现一处电动车违规停放，已现场劝导挪移。',
  '点位物资（饮用水、雨具）充足，志愿者精神饱满。',
  '提醒部分点位加强午间时段力量，已调整补位。',
];

const text = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** One campaign row; returns its id. */
async function insertCampaign(
  tx: Tx,
  v: {
    title: string;
    description: string;
    orgId: number;
    orgPath: string;
    coOrgIds: number[];
    partnerName: string;
    hostDistrict: string;
    startsOn: string;
    endsOn: string;
    state: string;
    audienceOrgIds: number[];
  },
) {
  const ints = (ids: number[]) =>
    ids.length
      ? sql`array[${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}]::int[]`
      : sql`'{}'::int[]`;
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`insert into volunteer_campaigns (title, description, org_id, org_path, co_org_ids, partner_name,
        host_district, starts_on, ends_on, self_signup, audience_org_ids, state)
      values (${v.title}, ${v.description}, ${v.orgId}, ${v.orgPath}, ${ints(v.coOrgIds)}, ${v.partnerName},
        ${v.hostDistrict}, ${v.startsOn}, ${v.endsOn}, true, ${ints(v.audienceOrgIds)}, ${v.state})
      returning id`,
  );
  return row!.id;
}

/** Posts from (name, task, address) rows with a headcount and optional leaders by index. */
async function insertPosts(
  tx: Tx,
  campaignId: number,
  posts: [string, string, string][],
  headcount: number,
  leaders: (number | null)[] = [],
) {
  return queryRows<{ id: number; name: string }>(
    tx,
    sql`insert into volunteer_posts (campaign_id, name, address, task, headcount, leader_member_id)
      select ${campaignId}, p.name, p.address, p.task, ${headcount}, p.leader
      from unnest(${text(posts.map((p) => p[0]))}, ${text(posts.map((p) => p[2]))}, ${text(posts.map((p) => p[1]))},
        ${sql`array[${sql.join(
          posts.map((_, i) => sql`${leaders[i] ?? null}::int`),
          sql`, `,
        )}]`}) with ordinality as p(name, address, task, leader, n)
      order by p.n
      returning id, name`,
  );
}

/**
 * Checked-out places of the campaign's shifts that ended before `before`, their times near the
 * shift's window (a hash of the place), hours from them; then each shift closed.
 */
async function checkOut(tx: Tx, campaignId: number, before: Date) {
  await tx.execute(sql`update volunteer_assignments a set
      state = 'checked_out',
      checked_in_at = a.starts_at + ((abs(hashtext(a.id || ':in')) % 20) - 10) * interval '1 minute',
      check_in_channel = case when abs(hashtext(a.id || ':c')) % 7 = 0 then 'manual' else 'qr' end,
      checked_out_at = a.ends_at + ((abs(hashtext(a.id || ':out')) % 20) - 5) * interval '1 minute',
      check_out_channel = case when abs(hashtext(a.id || ':d')) % 7 = 0 then 'manual' else 'qr' end
    where a.campaign_id = ${campaignId} and a.ends_at < ${before.toISOString()}::timestamptz`);
  await tx.execute(sql`update volunteer_assignments a set
      hours = round((extract(epoch from a.checked_out_at - a.checked_in_at) / 3600)::numeric, 2)
    where a.campaign_id = ${campaignId} and a.state = 'checked_out'`);
  await tx.execute(sql`update volunteer_shifts s set closed_at = s.ends_at,
      served_count = 25 + abs(hashtext(s.id || ':served')) % 31
    where s.campaign_id = ${campaignId} and s.ends_at < ${before.toISOString()}::timestamptz`);
}

/** The ledger entries of the campaign's checked-out places. */
function ledgerRows(campaignId: number): SQL {
  return sql`select a.member_id, s.on_date as occurred_on, a.hours as quantity, 'assignment:' || a.id as source_id,
      r.org_id, r.org_path, c.title || '（' || p.name || '）' as title
    from volunteer_assignments a
    join volunteer_shifts s on s.id = a.shift_id
    join volunteer_posts p on p.id = s.post_id
    join volunteer_campaigns c on c.id = a.campaign_id
    join (${membersOnRolls()}) r on r.member_id = a.member_id
    where a.campaign_id = ${campaignId} and a.state = 'checked_out'`;
}

export function createServiceSeed({ db, orgs, members, users, activity }: ServiceSeedDeps) {
  return async function seed(now = new Date()): Promise<{ campaigns: number }> {
    const [done] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from volunteer_campaigns where title in (${PEACE_WATCH}, ${CURRENT_CAMPAIGN})`,
    );
    if (done!.n > 0) return { campaigns: 0 };
    const own = (await users.accountByUsername(db, 'member'))?.memberId ?? null;
    if (!own) return { campaigns: 0 };
    const [placed] = await members.placements(db, [own]);
    if (!placed) return { campaigns: 0 };
    const root = placed.orgPath.split('.')[0]!;
    const all = await orgs.lookupMany(db, await orgs.idsInSubtrees(db, [root]));
    const byName = (name: string) => all.find((o) => o.name === name && !o.closedAt);
    const dashilan = byName('驻北京大栅栏街道流动党委');
    const tongzhou = byName('驻北京通州区流动党委');
    const top = all.find((o) => o.path === root);
    if (!dashilan || !tongzhou || !top) return { campaigns: 0 };
    const coOrgs = ['驻北京西城区流动党委', '驻北京东城区流动党委']
      .map((n) => byName(n)?.id)
      .filter((id): id is number => id !== undefined);

    return db.transaction(async (tx) => {
      // 平安守望.
      const peace = await insertCampaign(tx, {
        title: PEACE_WATCH,
        description:
          '党的二十大召开期间，流动党委组织党员志愿者与大栅栏街道共建，在辖区主要路口、街巷开展交通疏导、治安巡逻和安全隐患排查，守护首都平安。',
        orgId: dashilan.id,
        orgPath: dashilan.path,
        coOrgIds: coOrgs,
        partnerName: '大栅栏街道',
        hostDistrict: '110102',
        startsOn: PEACE_WATCH_DAYS.from,
        endsOn: PEACE_WATCH_DAYS.to,
        state: 'finished',
        audienceOrgIds: [top.id],
      });
      await insertPosts(tx, peace, PEACE_POSTS, PEACE_HEADCOUNT);
      await tx.execute(sql`insert into volunteer_shifts (campaign_id, post_id, on_date, starts_at, ends_at)
        select ${peace}, p.id, d::date,
          (d::date + s.st::time) at time zone 'Asia/Shanghai', (d::date + s.en::time) at time zone 'Asia/Shanghai'
        from volunteer_posts p
        cross join generate_series(${PEACE_WATCH_DAYS.from}::date, ${PEACE_WATCH_DAYS.to}::date, interval '1 day') d
        cross join unnest(${text(PEACE_SLOTS.map((s) => s[0]))}, ${text(PEACE_SLOTS.map((s) => s[1]))}) s(st, en)
        where p.campaign_id = ${peace}`);
      // 600 volunteers (or every member on the rolls, if fewer), by a hash of the id; the places of
      // one time slot (12 posts × 8) are consecutive volunteers, so nobody is at two posts at once.
      await tx.execute(sql`with v as (
          select array_agg(member_id order by md5(member_id::text)) as ids from (
            select r.member_id from (${membersOnRolls()}) r where r.member_id <> ${own}
            order by md5(r.member_id::text) limit 600) x),
        sh as (
          select s.id, s.starts_at, s.ends_at, dense_rank() over (order by s.starts_at) - 1 as slot,
            row_number() over (partition by s.starts_at order by s.post_id) - 1 as pos
          from volunteer_shifts s where s.campaign_id = ${peace})
        insert into volunteer_assignments (campaign_id, shift_id, member_id, starts_at, ends_at, state, source)
        select ${peace}, sh.id, v.ids[((sh.slot * ${PEACE_POSTS.length * PEACE_HEADCOUNT} + sh.pos * ${PEACE_HEADCOUNT} + k)
            % cardinality(v.ids)) + 1], sh.starts_at, sh.ends_at, 'scheduled', 'assigned'
        from sh cross join generate_series(0, ${PEACE_HEADCOUNT - 1}) k cross join v
        where cardinality(v.ids) >= ${PEACE_POSTS.length * PEACE_HEADCOUNT}
        on conflict do nothing`);
      await checkOut(tx, peace, now);
      // Each post's leader: one of its volunteers (the first by id), who checked the others in.
      await tx.execute(sql`update volunteer_posts p set leader_member_id = (
          select min(a.member_id) from volunteer_assignments a join volunteer_shifts s on s.id = a.shift_id
          where s.post_id = p.id)
        where p.campaign_id = ${peace}`);
      await tx.execute(sql`insert into volunteer_rounds (campaign_id, post_id, inspector, at, findings)
        select ${peace},
          (select p.id from volunteer_posts p where p.campaign_id = ${peace} order by p.id
            offset (abs(hashtext(d::text || r.n)) % ${PEACE_POSTS.length}) limit 1),
          (${text(INSPECTORS)})[1 + (abs(hashtext(d::text || r.n || 'i')) % ${INSPECTORS.length})],
          (d::date + r.t::time) at time zone 'Asia/Shanghai',
          (${text(FINDINGS)})[1 + (abs(hashtext(d::text || r.n || 'f')) % ${FINDINGS.length})]
        from generate_series(${PEACE_WATCH_DAYS.from}::date, ${PEACE_WATCH_DAYS.to}::date, interval '1 day') d
        cross join (values (1, '09:30'), (2, '13:30'), (3, '17:30')) r(n, t)`);
      // The volunteer with a broken foot who stayed at the post on crutches.
      await tx.execute(sql`insert into volunteer_incidents (campaign_id, post_id, shift_id, member_id, kind, description, occurred_at)
        select ${peace}, s.post_id, s.id, a.member_id, 'injury',
          '志愿者在前一日下班途中不慎足部骨折，经处置后仍坚持拄拐到岗，在点位完成当日执勤任务，事迹在活动中广为传颂。',
          s.starts_at + interval '30 minutes'
        from volunteer_assignments a join volunteer_shifts s on s.id = a.shift_id
        where a.campaign_id = ${peace} and s.on_date = '2022-10-16'
        order by s.starts_at, s.post_id, a.id limit 1`);
      await activity.recordSelected(tx, 'volunteer_hours', 'service', ledgerRows(peace));

      // A small campaign of 通州, open now.
      const today = committeeDay(now);
      const from = addDays(today, -3);
      const to = addDays(today, 4);
      const current = await insertCampaign(tx, {
        title: CURRENT_CAMPAIGN,
        description: '通州区流动党委组织党员在北苑街道开展交通疏导、治安巡逻和安全隐患排查志愿服务。',
        orgId: tongzhou.id,
        orgPath: tongzhou.path,
        coOrgIds: [],
        partnerName: '北苑街道',
        hostDistrict: '110112',
        startsOn: from,
        endsOn: to,
        state: 'open',
        audienceOrgIds: [],
      });
      const posts = await insertPosts(
        tx,
        current,
        [
          ['北苑路口', 'traffic', '北苑路与新华大街交叉口'],
          ['新华大街', 'patrol', '新华大街沿线'],
          ['运河文化广场', 'hazard', '运河文化广场及周边商户'],
        ],
        6,
        [own],
      );
      const [mine] = posts;
      const days = eachDay(from, to);
      // The other posts: 08:00–12:00 and 14:00–18:00 every day; the demo member's post the same
      // on other days, and today one shift around the time of the seed (for the leader's page).
      await tx.execute(sql`insert into volunteer_shifts (campaign_id, post_id, on_date, starts_at, ends_at)
        select ${current}, p.id, d::date,
          (d::date + s.st::time) at time zone 'Asia/Shanghai', (d::date + s.en::time) at time zone 'Asia/Shanghai'
        from volunteer_posts p
        cross join unnest(${text(days)}) d
        cross join (values ('08:00', '12:00'), ('14:00', '18:00')) s(st, en)
        where p.campaign_id = ${current} and not (p.id = ${mine!.id} and d = ${today})`);
      const hourAgo = new Date(Math.floor((now.getTime() - 60 * 60_000) / (15 * 60_000)) * 15 * 60_000);
      const start = committeeDay(hourAgo) === today ? hourAgo : new Date(`${today}T00:00:00+08:00`);
      const [nowShift] = await queryRows<{ id: number }>(
        tx,
        sql`insert into volunteer_shifts (campaign_id, post_id, on_date, starts_at, ends_at)
          values (${current}, ${mine!.id}, ${committeeDay(start)}, ${start.toISOString()}::timestamptz,
            ${new Date(start.getTime() + 4 * 3_600_000).toISOString()}::timestamptz)
          returning id`,
      );
      // Volunteers of 通州 (the demo member aside): three on the shift now with the demo member,
      // the other shifts half filled by others (two slots a day, so nobody overlaps).
      await tx.execute(sql`with v as (
          select array_agg(member_id order by md5(member_id::text || 'now')) as ids from (
            select r.member_id from (${membersOnRolls()}) r
            where (r.org_path = ${tongzhou.path} or r.org_path like ${`${tongzhou.path}.%`}) and r.member_id <> ${own}
            order by md5(r.member_id::text || 'now') limit 60) x)
        insert into volunteer_assignments (campaign_id, shift_id, member_id, starts_at, ends_at, state, source)
        select ${current}, s.id, m.member_id, s.starts_at, s.ends_at, 'scheduled', 'assigned'
        from volunteer_shifts s
        cross join lateral (
          select ${own}::int as member_id
          union all select v.ids[k] from v, generate_series(1, 3) k) m
        where s.id = ${nowShift!.id} and m.member_id is not null`);
      await tx.execute(sql`with v as (
          select array_agg(member_id order by md5(member_id::text || 'now')) as ids from (
            select r.member_id from (${membersOnRolls()}) r
            where (r.org_path = ${tongzhou.path} or r.org_path like ${`${tongzhou.path}.%`}) and r.member_id <> ${own}
            order by md5(r.member_id::text || 'now') limit 60) x),
        sh as (
          select s.id, s.starts_at, s.ends_at, row_number() over (partition by s.starts_at order by s.post_id) - 1 as pos
          from volunteer_shifts s where s.campaign_id = ${current} and s.id <> ${nowShift!.id})
        insert into volunteer_assignments (campaign_id, shift_id, member_id, starts_at, ends_at, state, source)
        select ${current}, sh.id, v.ids[4 + ((sh.pos * 3 + k) % (cardinality(v.ids) - 3))], sh.starts_at, sh.ends_at,
          'scheduled', case when k = 2 then 'self' else 'assigned' end
        from sh cross join generate_series(0, 2) k cross join v
        where cardinality(v.ids) > 12
        on conflict do nothing`);
      await checkOut(tx, current, now);
      await activity.recordSelected(tx, 'volunteer_hours', 'service', ledgerRows(current));
      return { campaigns: 2 };
    });
  };
}
