/**
 * The demo's archive room: 二楼档案室 of the committee's three-storey seat (昌平区小汤山镇讲礼村),
 * cabinets A–F, shelves 1–5, three boxes on each shelf; 240 items over 2019–2026 of every category,
 * belonging to the committee and its second-level committees (member files name a member of the
 * committee), the 2020 national honour's certificate among them; a few items lent out, one past
 * its due day, and a few loans returned. Synthetic and deterministic (arithmetic on a series
 * number), set-based: three statements. Run again, it adds nothing.
 */
import { addDays } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { SeedStep } from '../../lib/modules';
import { memberNameOf, membersOnRolls } from '../members/members.fragments';
import { openOrgsOfKinds } from '../orgs/orgs.fragments';
import { today } from './archives.access';

export const ARCHIVE_ROOM = '二楼档案室';
export const SEED_ITEMS = 240;

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const CATEGORIES = ['member', 'org', 'meeting', 'dues', 'honour', 'photo', 'other'];
const CODES = ['DY', 'ZZ', 'HY', 'DF', 'RY', 'ZP', 'QT'];

export function archivesSeed(): SeedStep {
  return async ({ db }) => {
    const day = today();
    await db.transaction(async (tx) => {
      // The committee (n = 0) and its second-level committees (1…), in the tree's order.
      const owners = sql`select o.id, o.path, o.name,
          (row_number() over (order by o.kind = 'committee' desc, o.sort_order, o.id) - 1)::int as n,
          count(*) over ()::int as k
        from (${openOrgsOfKinds(['committee', 'sub_committee'])}) o`;
      const category = sql`(${textArray(CATEGORIES)})[1 + g % 7]`;
      const year = sql`(2019 + (g / 7) % 8)`;
      await tx.execute(sql`
        insert into archive_items (code, title, category, org_id, org_path, member_id, year, retention,
          room, cabinet, shelf, box, pages, note)
        select
          'LD-' || s.year || '-' || (${textArray(CODES)})[1 + s.g % 7] || '-' || lpad(s.g::text, 4, '0'),
          case s.category
            when 'member' then coalesce(${memberNameOf(sql`s.member_id`)}, '党员') || '同志党员档案'
            when 'org' then s.org_name || s.year || '年度工作总结及请示报告'
            when 'meeting' then s.org_name || s.year || '年组织生活会会议记录'
            when 'dues' then s.org_name || s.year || '年党费收缴账册'
            when 'honour' then case when s.g = 4 then '全国抗击新冠肺炎疫情先进集体 奖牌、证书及申报材料'
              else s.org_name || s.year || '年度表彰材料' end
            when 'photo' then s.org_name || s.year || '年主题党日活动照片'
            else s.org_name || s.year || '年来往文书' end,
          s.category, s.org_id, s.org_path, s.member_id,
          case when s.g = 4 then 2020 else s.year end,
          case when s.category in ('member', 'honour', 'org') then 'permanent'
            when s.category in ('meeting', 'dues') then 'long' else 'short' end,
          ${ARCHIVE_ROOM}, chr(65 + s.g % 6), (1 + (s.g / 6) % 5)::text,
          lpad((1 + (s.g / 30) % 3)::text, 2, '0'),
          case when s.category = 'photo' then null else 8 + (s.g * 37) % 180 end,
          null
        from (
          select g, ${category} as category, ${year} as year, o.id as org_id, o.path as org_path, o.name as org_name,
            case when ${category} = 'member' then coalesce((
              select m.member_id from (${membersOnRolls()}) m
              where m.org_path = o.path or m.org_path like o.path || '.%'
              order by m.member_id offset (g % 17) limit 1), (
              select m.member_id from (${membersOnRolls()}) m
              where m.org_path = o.path or m.org_path like o.path || '.%'
              order by m.member_id limit 1)) end as member_id
          from generate_series(1, ${SEED_ITEMS}) g
          join (${owners}) o on o.n = case when g = 4 then 0 else g % o.k end
        ) s
        on conflict (code) do nothing`);
      // Loans returned (history) and loans out: five out, one of them past its due day.
      const loans: [number, string, string, string, string | null][] = [
        [12, '王建华', '驻北京通州区流动党委', addDays(day, -120), addDays(day, -100)],
        [33, '李秀英', '市委组织部', addDays(day, -90), addDays(day, -70)],
        [61, '赵志刚', '驻北京大兴区流动党委', addDays(day, -60), addDays(day, -45)],
        [5, '刘海燕', '驻北京怀柔区流动党委', addDays(day, -10), null],
        [37, '陈立新', '流动党委办公室', addDays(day, -5), null],
        [88, '孙丽娟', '驻北京延庆区流动党委', addDays(day, -20), null],
        [140, '周国庆', '市委组织部', addDays(day, -3), null],
        [201, '马文斌', '驻北京大栅栏街道流动党委', addDays(day, -45), null],
      ];
      for (const [g, name, unit, lentOn, returnedOn] of loans) {
        const dueOn = addDays(lentOn, 30);
        await tx.execute(sql`
          insert into archive_loans (item_id, borrower_name, borrower_unit, purpose, lent_on, due_on, returned_on)
          select i.id, ${name}, ${unit}, '查阅核对', ${lentOn}::date, ${dueOn}::date, ${returnedOn}::date
          from archive_items i where i.code like ${`%-${String(g).padStart(4, '0')}`}
            and not exists (select 1 from archive_loans l where l.item_id = i.id and l.lent_on = ${lentOn}::date)`);
      }
    });
  };
}
