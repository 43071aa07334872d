/**
 * The demo's hometown ledgers, as the committee reports them: 500+ projects brought in over
 * 2009–2026 with 5 billion+ yuan signed across the 16 counties, among them the 42 classical-
 * furniture firms in the 蔚县吉家庄镇 industrial park (2021: output 80+ million yuan, tax 9
 * million, 500+ jobs); donations of nearly 500 million yuan, among them the COVID-19 gifts of
 * 2020 (3+ million yuan of funds, nearly 2 million of goods) and the desks, blackboards and
 * e-classrooms given to 康保县's schools (about 1 million yuan); and 100,000+ person-times of
 * labour placed. Synthetic and deterministic (every choice is arithmetic on a series number or
 * a record id), set-based: a few INSERT … SELECT statements, one transaction. Run again, it adds
 * nothing.
 */
import { CITIES } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../../db/client';
import type { ActivityService } from '../activity/activity.service';
import { memberNameOf, membersOnRolls } from '../members/members.fragments';
import { openOrgsOfKinds } from '../orgs/orgs.fragments';
import { SOURCE } from './hometown.access';

export interface HometownSeedDeps {
  db: Db;
  homeCity: string;
  activity: Pick<ActivityService, 'recordSelected'>;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const INDUSTRIES = [
  '新能源装备',
  '农产品加工',
  '建材',
  '文化旅游',
  '冰雪运动器材',
  '现代物流',
  '食品饮料',
  '服装加工',
];
const ENTERPRISES = [
  '京张建材有限公司',
  '张垣商贸有限公司',
  '燕山物流有限公司',
  '坝上农业发展有限公司',
  '京北建设集团',
];
const EMPLOYERS = [
  '北京城建某项目部',
  '京东物流华北分拨中心',
  '首都机场保洁服务公司',
  '北京家政服务协会',
  '通州区物业服务公司',
];
const JOBS = ['建筑工人', '快递分拣员', '保洁员', '家政服务员', '物业维修工', '厨师'];

/** The committees that record the ledgers, numbered from 0 in order. */
const committees = () =>
  sql`select c.id, c.path, c.name, (row_number() over (order by c.sort_order, c.id) - 1)::int as n
    from (${openOrgsOfKinds(['sub_committee'])}) c`;

/** Members on the rolls numbered within their second-level committee (for introducers and donors). */
const rankedMembers = () =>
  sql`select r.member_id, r.org_id, r.org_path,
      split_part(r.org_path, '.', 1) || '.' || split_part(r.org_path, '.', 2) as committee_path,
      row_number() over (partition by split_part(r.org_path, '.', 1) || '.' || split_part(r.org_path, '.', 2)
        order by r.member_id) as rn,
      count(*) over (partition by split_part(r.org_path, '.', 1) || '.' || split_part(r.org_path, '.', 2)) as cnt
    from (${membersOnRolls()}) r`;

export function createHometownSeed({ db, homeCity, activity }: HometownSeedDeps) {
  const counties = CITIES[homeCity]?.divisions ?? [];
  const codes = textArray(counties.map((c) => c.code));
  const names = textArray(counties.map((c) => c.name));
  const n = counties.length;

  const count = async (tx: Executor, table: string) =>
    (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
  const run = (tx: Executor, statement: SQL) => queryRows(tx, statement);

  async function projects(tx: Executor) {
    // 518 projects: county, committee, year, stage and amounts from the series number g.
    await run(
      tx,
      sql`with c as (${committees()}), nc as (select count(*)::int as total from c)
      insert into hometown_projects (name, industry, county_code, park, enterprises, stage, signed_on,
        signed_fen, actual_fen, org_id, org_path)
      select (${names})[1 + (g * 7 + g / 3) % ${n}] || (${textArray(INDUSTRIES)})[1 + g % ${INDUSTRIES.length}] || '项目（' || lpad(g::text, 3, '0') || '）',
        (${textArray(INDUSTRIES)})[1 + g % ${INDUSTRIES.length}],
        (${codes})[1 + (g * 7 + g / 3) % ${n}],
        (${names})[1 + (g * 7 + g / 3) % ${n}] || '经济开发区',
        array['京张' || (${textArray(INDUSTRIES)})[1 + g % ${INDUSTRIES.length}] || '有限公司'],
        s.stage,
        case when s.stage = 'negotiating' then null else s.day end,
        case when s.stage = 'negotiating' then 0 else (300 + (g * 7919) % 1700)::bigint * 1000000 end,
        case s.stage
          when 'producing' then (300 + (g * 7919) % 1700)::bigint * 10000 * (70 + g % 30)
          when 'started' then (300 + (g * 7919) % 1700)::bigint * 10000 * (20 + g % 30)
          else 0 end,
        c.id, c.path
      from generate_series(1, 518) g
      cross join nc
      join c on c.n = g % nc.total
      cross join lateral (select
          least(make_date(2009 + (g * 11) % 18, 1 + (g * 5) % 12, 1 + (g * 3) % 28), current_date - 30 - g % 90) as day,
          case when g % 10 = 0 then 'negotiating'
            when 2009 + (g * 11) % 18 >= 2025 then 'signed'
            when g % 4 = 0 then 'started'
            else 'producing' end as stage) s
      order by g`,
    );
    // The 42 classical-furniture firms moved to the 蔚县吉家庄镇 industrial park.
    await run(
      tx,
      sql`insert into hometown_projects (name, industry, county_code, park, enterprises, stage, signed_on,
        signed_fen, actual_fen, note, org_id, org_path)
      select '古典家具产业集群入驻吉家庄镇产业园', '家具制造', '130726', '蔚县吉家庄镇产业园',
        array(select '京作古典家具企业 ' || lpad(i::text, 2, '0') || ' 号' from generate_series(1, 42) i),
        'producing', '2019-04-18', 60000000000, 46000000000,
        '42 家古典家具企业整体迁入蔚县吉家庄镇产业园', c.id, c.path
      from (${committees()}) c where c.n = 0`,
    );
    await run(
      tx,
      sql`insert into hometown_project_years (project_id, year, output_fen, tax_fen, jobs)
      select p.id, v.year, v.output_fen, v.tax_fen, v.jobs
      from hometown_projects p
      cross join (values (2020, 3200000000::bigint, 310000000::bigint, 260),
        (2021, 8060000000, 900000000, 520), (2022, 9150000000, 1020000000, 560)) v(year, output_fen, tax_fen, jobs)
      where p.name = '古典家具产业集群入驻吉家庄镇产业园'`,
    );
    // Yearly figures of the other producing projects: up to three years after signing.
    await run(
      tx,
      sql`insert into hometown_project_years (project_id, year, output_fen, tax_fen, jobs)
      select p.id, extract(year from p.signed_on)::int + k,
        p.actual_fen * (30 + (p.id + k) % 40) / 100,
        p.actual_fen * (30 + (p.id + k) % 40) / 100 * 8 / 100,
        20 + (p.id * k) % 200
      from hometown_projects p cross join generate_series(1, 3) k
      where p.stage = 'producing' and p.note is null
        and extract(year from p.signed_on)::int + k <= extract(year from current_date)::int - 1`,
    );
    // Stage history: each stage up to the current one, 洽谈 three months before signing.
    await run(
      tx,
      sql`insert into hometown_project_stages (project_id, stage, on_date, note)
      select p.id, st.stage, least(st.on_date, current_date), st.note
      from hometown_projects p
      cross join lateral (values
          (1, 'negotiating', coalesce(p.signed_on - 90, current_date - (p.id % 300)::int), '初步洽谈'),
          (2, 'signed', p.signed_on, '签订投资协议'),
          (3, 'started', p.signed_on + 120, '项目开工'),
          (4, 'producing', p.signed_on + 300, '建成投产')) st(ord, stage, on_date, note)
      where st.ord <= array_position(array['negotiating', 'signed', 'started', 'producing'], p.stage)`,
    );
    // Introducers: one member of the recording committee for most projects, two for some.
    await run(
      tx,
      sql`insert into hometown_project_introducers (project_id, member_id)
      select distinct p.id, m.member_id
      from hometown_projects p
      cross join generate_series(0, 1) k
      join (${rankedMembers()}) m on m.committee_path = p.org_path
        and m.rn = 1 + (p.id * 31 + k * 97) % m.cnt
      where p.id % 3 <> 0 and (k = 0 or p.id % 5 = 0)`,
    );
    await activity.recordSelected(
      tx,
      'contribution',
      SOURCE,
      sql`select i.member_id, coalesce(p.signed_on, (select min(s.on_date) from hometown_project_stages s where s.project_id = p.id)) as occurred_on,
          0 as quantity, 'project:' || p.id || ':' || i.member_id as source_id, r.org_id, r.org_path,
          '引进项目：' || p.name as title
        from hometown_project_introducers i
        join hometown_projects p on p.id = i.project_id
        join (${membersOnRolls()}) r on r.member_id = i.member_id`,
    );
  }

  async function donations(tx: Executor) {
    const purposes = textArray(['education', 'poverty', 'rural', 'other']);
    // 486 donations over the years: committees, members and enterprises; every sixth in goods.
    await run(
      tx,
      sql`with c as (${committees()}), nc as (select count(*)::int as total from c)
      insert into hometown_donations (donor_kind, donor_member_id, donor_org_id, donor_name, kind, amount_fen,
        purpose, county_code, recipient, donated_on, org_id, org_path)
      select d.donor_kind,
        case when d.donor_kind = 'member' then m.member_id end,
        case when d.donor_kind = 'org' then c.id end,
        case d.donor_kind when 'org' then c.name
          when 'member' then ${memberNameOf(sql`m.member_id`)}
          else (${textArray(ENTERPRISES)})[1 + g % ${ENTERPRISES.length}] end,
        case when g % 6 = 0 then 'goods' else 'funds' end,
        (320000 + (g * 7919) % 1500000)::bigint * 100,
        (${purposes})[1 + g % 4],
        (${codes})[1 + (g * 5) % ${n}],
        (${names})[1 + (g * 5) % ${n}] || case (${purposes})[1 + g % 4]
          when 'education' then '第' || (1 + g % 5) || '小学' when 'poverty' then '困难群众帮扶'
          when 'rural' then '乡村振兴示范村' else '慈善总会' end,
        least(make_date(2009 + (g * 7) % 18, 1 + (g * 5) % 12, 1 + (g * 3) % 28), current_date - 1),
        c.id, c.path
      from generate_series(1, 486) g
      cross join nc
      join c on c.n = g % nc.total
      cross join lateral (select case when g % 5 = 0 then 'org' when g % 5 in (1, 2) then 'member'
        else 'enterprise' end as donor_kind) d
      left join (${rankedMembers()}) m on m.committee_path = c.path and m.rn = 1 + (g * 13) % m.cnt
      where d.donor_kind <> 'member' or m.member_id is not null
      order by g`,
    );
    await run(
      tx,
      sql`insert into hometown_donation_items (donation_id, name, quantity, unit, value_fen)
      select d.id, it.name, (d.amount_fen / it.price)::numeric(12, 2), it.unit, d.amount_fen
      from hometown_donations d
      cross join lateral (select case d.purpose when 'education' then '图书' when 'poverty' then '米面油'
          when 'rural' then '农机具' else '慰问品' end as name,
        case d.purpose when 'education' then '册' when 'poverty' then '份' when 'rural' then '台' else '份' end as unit,
        case d.purpose when 'education' then 3000 when 'poverty' then 20000 when 'rural' then 1500000 else 30000 end::bigint as price) it
      where d.kind = 'goods'`,
    );
    // The named gifts: COVID-19 funds and goods (2020), the school donations to 康保县.
    const named = sql`(values
      (1, 'org', '2020-02-03', 'funds', 'covid', '130722', '张北县新冠肺炎疫情防控指挥部', 80000000, null),
      (2, 'enterprise', '2020-02-04', 'funds', 'covid', '130705', '宣化区新冠肺炎疫情防控指挥部', 60000000, '京张建材有限公司'),
      (3, 'org', '2020-02-05', 'funds', 'covid', '130723', '康保县新冠肺炎疫情防控指挥部', 50000000, null),
      (4, 'enterprise', '2020-02-06', 'funds', 'covid', '130726', '蔚县新冠肺炎疫情防控指挥部', 40000000, '燕山物流有限公司'),
      (5, 'org', '2020-02-08', 'funds', 'covid', '130730', '怀来县新冠肺炎疫情防控指挥部', 30000000, null),
      (6, 'enterprise', '2020-02-10', 'funds', 'covid', '130731', '涿鹿县新冠肺炎疫情防控指挥部', 26000000, '张垣商贸有限公司'),
      (7, 'org', '2020-02-12', 'funds', 'covid', '130727', '阳原县新冠肺炎疫情防控指挥部', 12000000, null),
      (8, 'enterprise', '2020-02-15', 'funds', 'covid', '130732', '赤城县新冠肺炎疫情防控指挥部', 8000000, '坝上农业发展有限公司'),
      (9, 'org', '2020-02-01', 'goods', 'covid', '130702', '张家口市第一医院', 90000000, null),
      (10, 'enterprise', '2020-02-07', 'goods', 'covid', '130703', '桥西区各社区防控卡点', 50000000, '京北建设集团'),
      (11, 'org', '2020-02-09', 'goods', 'covid', '130708', '万全区各乡镇卫生院', 36000000, null),
      (12, 'enterprise', '2020-02-14', 'goods', 'covid', '130709', '崇礼区防控一线人员', 20000000, '张垣商贸有限公司'),
      (13, 'org', '2019-08-26', 'goods', 'education', '130723', '康保县第二小学', 42000000, null),
      (14, 'enterprise', '2020-08-28', 'goods', 'education', '130723', '康保县张纪镇中心小学', 49500000, '京北建设集团'),
      (15, 'org', '2021-08-30', 'goods', 'education', '130723', '康保县屯垦镇中学', 8500000, null))
      v(k, donor_kind, donated_on, kind, purpose, county_code, recipient, amount_fen, donor_name)`;
    await run(
      tx,
      sql`insert into hometown_donations (donor_kind, donor_org_id, donor_name, kind, amount_fen, purpose,
        county_code, recipient, donated_on, note, org_id, org_path)
      select v.donor_kind, case when v.donor_kind = 'org' then c.id end, coalesce(v.donor_name, c.name),
        v.kind, v.amount_fen, v.purpose, v.county_code, v.recipient, v.donated_on::date,
        'named:' || v.k, c.id, c.path
      from ${named}
      join (${committees()}) c on c.n = v.k % 5
      order by v.k`,
    );
    await run(
      tx,
      sql`insert into hometown_donation_items (donation_id, name, quantity, unit, value_fen)
      select d.id, i.name, i.quantity, i.unit, i.value_fen
      from hometown_donations d
      join (values
        ('named:9', '医用口罩', 400000, '只', 60000000), ('named:9', '医用防护服', 2000, '套', 30000000),
        ('named:10', '消毒液', 20000, '桶', 50000000),
        ('named:11', '红外测温仪', 1000, '台', 26000000), ('named:11', '护目镜', 5000, '副', 10000000),
        ('named:12', '方便食品', 10000, '箱', 20000000),
        ('named:13', '课桌椅', 800, '套', 36000000), ('named:13', '黑板', 40, '块', 6000000),
        ('named:14', '电子教室设备', 3, '间', 36000000), ('named:14', '课桌椅', 300, '套', 13500000),
        ('named:15', '黑板', 30, '块', 4500000), ('named:15', '图书', 2000, '册', 4000000))
        i(k, name, quantity, unit, value_fen) on i.k = d.note
      order by d.id, i.name`,
    );
    await run(tx, sql`update hometown_donations set note = null where note like 'named:%'`);
    await activity.recordSelected(
      tx,
      'contribution',
      SOURCE,
      sql`select d.donor_member_id as member_id, d.donated_on as occurred_on, d.amount_fen as quantity,
          'donation:' || d.id as source_id, r.org_id, r.org_path,
          '捐赠' || case d.kind when 'funds' then '资金' else '物资' end || '：' || coalesce(d.recipient, d.county_code) as title
        from hometown_donations d join (${membersOnRolls()}) r on r.member_id = d.donor_member_id`,
    );
  }

  async function labour(tx: Executor) {
    // 48 job postings of the last two years, open when posted in the last two months.
    await run(
      tx,
      sql`with c as (${committees()}), nc as (select count(*)::int as total from c)
      insert into hometown_job_postings (employer, title, headcount, pay_min_fen, pay_max_fen, place, county_code,
        posted_on, closes_on, state, org_id, org_path)
      select (${textArray(EMPLOYERS)})[1 + g % ${EMPLOYERS.length}], (${textArray(JOBS)})[1 + g % ${JOBS.length}],
        10 + (g * 7) % 50, (4000 + (g * 37) % 2000)::bigint * 100, (6000 + (g * 53) % 3000)::bigint * 100,
        '北京市', (${codes})[1 + (g * 3) % ${n}],
        current_date - (g * 15), current_date - (g * 15) + 60,
        case when g * 15 <= 60 then 'open' else 'closed' end, c.id, c.path
      from generate_series(1, 48) g cross join nc join c on c.n = g % nc.total
      order by g`,
    );
    // Placements: two a year from each county since 2009, 120 to 279 person-times each.
    await run(
      tx,
      sql`with c as (${committees()}), nc as (select count(*)::int as total from c)
      insert into hometown_placements (employer, county_code, placed_on, person_times, org_id, org_path)
      select (${textArray(EMPLOYERS)})[1 + (ci + y + k) % ${EMPLOYERS.length}], (${codes})[ci],
        least(make_date(y, 2 + k * 4, 10), current_date - 1),
        120 + (ci * 31 + y * 17 + k * 7) % 160, c.id, c.path
      from generate_series(1, ${n}) ci
      cross join generate_series(2009, extract(year from current_date)::int) y
      cross join generate_series(0, 1) k
      cross join nc
      join c on c.n = (ci + y + k) % nc.total
      order by y, ci, k`,
    );
  }

  return async function seed(): Promise<{ projects: number; donations: number; placements: number }> {
    return db.transaction(async (tx) => {
      if ((await count(tx, 'hometown_projects')) === 0 && n > 0) {
        await projects(tx);
        await donations(tx);
        await labour(tx);
      }
      return {
        projects: await count(tx, 'hometown_projects'),
        donations: await count(tx, 'hometown_donations'),
        placements: await count(tx, 'hometown_placements'),
      };
    });
  };
}

export type HometownSeed = ReturnType<typeof createHometownSeed>;
