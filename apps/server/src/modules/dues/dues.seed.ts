/**
 * The demo's Party dues for this year: a base for every member on the rolls (most salaried with
 * 2,000–20,000 yuan a month, some retired, farmers, students or on minimum support), every
 * branch's months from January to this month opened and the earlier ones closed (except that
 * 通州's branches have not opened this month yet: their secretary does, in the demo), payments for
 * nearly every member-month (mostly monthly, a fifth quarterly, a third by transfer, a few paid by
 * a relative), arrears for about 3.5 % of members (2 % owe the last 1–2 months, 1.5 % three to
 * six), and three reliefs in 通州 (an approved waiver, one awaiting approval, one awaiting the
 * branch's review). Synthetic and deterministic: every choice is arithmetic on a member id.
 * Set-based (a few INSERT … SELECT statements in one transaction); run again, it adds nothing.
 *
 * Size: a year of monthly dues is one dues_payment_months row per member-month (≈ 140,000 at
 * 12,000 members) and most of a row in dues_payments: on PGlite that alone takes several seconds.
 * The ledger entries (dues_paid), which would add as much again, are written for the payments of
 * the last four months only, as the meeting history records attendance for its last four months
 * only; older seeded payments carry none.
 */
import type { DuesBracket, DuesRules } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import type { ActivityService } from '../activity/activity.service';
import { memberJoinedAtOf, memberNameOf, membersOnRolls } from '../members/members.fragments';
import { openOrgsOfKinds } from '../orgs/orgs.fragments';
import { type DuesAccess, SOURCE } from './dues.access';

/** `case` over an income column giving a scale's rate (bp) and its amount, as monthlyDuesFen does. */
function scaleSql(brackets: readonly DuesBracket[], income: SQL) {
  const rate = sql.join(
    brackets.map((b) =>
      b.to === null
        ? sql`else ${b.rateBp}::int`
        : sql`when ${income} <= ${b.to}::bigint then ${b.rateBp}::int`,
    ),
    sql` `,
  );
  return sql`(case ${rate} end)`;
}

/** The month label of a date column: 2026年3月. */
const label = (d: SQL) => sql`extract(year from ${d})::int || '年' || extract(month from ${d})::int || '月'`;

export function createDuesSeed(access: DuesAccess, activity: Pick<ActivityService, 'recordSelected'>) {
  const { db } = access;
  /** 通州's committee path: its branches have not opened this month yet. */
  const tongzhouPath = sql`(select c.path from (${openOrgsOfKinds(['sub_committee'])}) c where c.name = '驻北京通州区流动党委')`;

  return async function seed(): Promise<{ bases: number; payments: number; months: number }> {
    const current = access.thisMonth();
    const year = Number(current.slice(0, 4));
    const cur = `${current}-01`;
    return db.transaction(async (tx) => {
      const [done] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from dues_bases`);
      if (done!.n > 0) return { bases: 0, payments: 0, months: 0 };
      const { value: rules, version } = await access.rules(tx);
      const [office, tongzhou] = await Promise.all([
        access.users.accountByUsername(tx, 'office'),
        access.users.accountByUsername(tx, 'tongzhou'),
      ]);
      const bases = await insertBases(tx, rules, version, year);
      const months = await insertMonths(tx, cur, year);
      await insertReliefs(tx, year, cur, tongzhou?.id ?? null, office?.id ?? null);
      const payments = await insertPayments(tx, cur);
      await activity.recordSelected(
        tx,
        'dues_paid',
        SOURCE,
        sql`select p.member_id, p.paid_on as occurred_on, p.amount_fen as quantity, 'payment:' || p.id as source_id,
            p.org_id, p.org_path,
            '交纳党费：' || ${label(sql`p.from_month`)} || case when p.to_month > p.from_month
              then '至' || ${label(sql`p.to_month`)} else '' end as title
          from dues_payments p where p.paid_on >= ${cur}::date - interval '3 months'`,
      );
      await closeMonths(tx, cur);
      return { bases, payments, months };
    });
  };

  async function insertBases(tx: Executor, rules: DuesRules, version: number, year: number) {
    // h: the category; salaried 70 %, retired 10 %, farmers 12 %, students and minimum support 8 %.
    const h = sql`((r.member_id * 7919) % 100)`;
    const salaryFen = sql`((2000 + (r.member_id * 104729) % 18001) * 100 + (r.member_id * 37) % 100)::bigint`;
    const pensionFen = sql`((2500 + (r.member_id * 31) % 4501) * 100)::bigint`;
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with b as (
          select r.member_id, r.org_id, r.org_path,
            case when ${h} < 70 then 'salaried' when ${h} < 80 then 'retired' when ${h} < 92 then 'farmer' else 'assisted' end as category,
            case when ${h} < 70 then ${salaryFen} when ${h} < 80 then ${pensionFen} end as income_fen,
            ${memberJoinedAtOf(sql`r.member_id`)} as joined_at
          from (${membersOnRolls()}) r),
        added as (
          insert into dues_bases (member_id, year, category, income_fen, rate_bp, monthly_fen, rules_version,
            from_month, declared_on, org_id, org_path)
          select b.member_id, ${year}::int, b.category, b.income_fen,
            case b.category when 'salaried' then ${scaleSql(rules.salaried, sql`b.income_fen`)}
              when 'retired' then ${scaleSql(rules.retired, sql`b.income_fen`)} end,
            case b.category
              when 'salaried' then floor((b.income_fen * ${scaleSql(rules.salaried, sql`b.income_fen`)} + 5000) / 10000)
              when 'retired' then floor((b.income_fen * ${scaleSql(rules.retired, sql`b.income_fen`)} + 5000) / 10000)
              when 'farmer' then ${rules.farmerFen}::int else ${rules.assistedFen}::int end,
            ${version}::int,
            case when b.joined_at >= ${`${year}-01-01`}::date then date_trunc('month', b.joined_at)::date
              else ${`${year}-01-01`}::date end,
            case when b.joined_at >= ${`${year}-01-01`}::date then b.joined_at
              else ${`${year}-01-01`}::date + (b.member_id % 9) end,
            b.org_id, b.org_path
          from b where b.joined_at <= current_date
          returning 1)
        select count(*)::int as n from added`,
    );
    return rows[0]!.n;
  }

  /** Every open branch's months from January to this month (but 通州's this month); the earlier ones closed. */
  async function insertMonths(tx: Executor, cur: string, year: number) {
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with added as (
          insert into dues_months (org_id, org_path, month, state, closed_at)
          select br.id, br.path, g.m::date, case when g.m::date < ${cur}::date then 'closed' else 'open' end,
            case when g.m::date < ${cur}::date then (g.m + interval '1 month' + interval '2 days') end
          from (${openOrgsOfKinds(['branch'])}) br
          cross join generate_series(${`${year}-01-01`}::timestamp, ${cur}::timestamp, interval '1 month') g(m)
          where g.m::date < ${cur}::date or br.path not like ${tongzhouPath} || '.%'
          returning 1)
        select count(*)::int as n from added`,
    );
    return rows[0]!.n;
  }

  /**
   * Three reliefs in 通州: an approved waiver of January to March, a reduction awaiting the
   * committee's approval, a waiver awaiting the branch's review.
   */
  async function insertReliefs(
    tx: Executor,
    year: number,
    cur: string,
    reviewer: number | null,
    decider: number | null,
  ) {
    await queryRows(
      tx,
      sql`with tz as (select ${tongzhouPath} as path),
        picked as (
          select b.member_id, b.org_id, b.org_path, row_number() over (order by b.member_id) as n
          from dues_bases b, tz where b.org_path like tz.path || '.%' and b.category in ('assisted', 'farmer')
            and b.from_month = ${`${year}-01-01`}::date and (b.member_id * 2654435761) % 1000 >= 35)
        insert into dues_reliefs (member_id, org_id, org_path, kind, from_month, to_month, monthly_fen, reason, state,
          reviewed_by, reviewed_at, review_note, decided_by, decided_at, decision_note, created_by)
        select p.member_id, p.org_id, p.org_path, v.kind, v.from_month::date, v.to_month::date, v.monthly_fen, v.reason, v.state,
          case when v.state <> 'submitted' then ${reviewer}::int end,
          case when v.state <> 'submitted' then v.from_month::timestamptz - interval '20 days' end,
          case when v.state <> 'submitted' then '支委会研究同意' end,
          case when v.state = 'approved' then ${decider}::int end,
          case when v.state = 'approved' then v.from_month::timestamptz - interval '10 days' end,
          case when v.state = 'approved' then '同意免交' end,
          ${reviewer}::int
        from picked p join (values
          (1, 'waived', ${`${year}-01-01`}::date, ${`${year}-03-01`}::date, 0, '生病住院，无收入来源', 'approved'),
          (2, 'reduced', ${cur}::date, ${cur}::date, 10, '下岗失业，家庭生活困难', 'reviewed'),
          (3, 'waived', ${cur}::date, ${cur}::date, 0, '遭遇意外，暂无收入', 'submitted')
        ) as v(n, kind, from_month, to_month, monthly_fen, reason, state) on v.n = p.n`,
    );
  }

  /**
   * Payments for the member-months up to this month, less each member's arrears (k months at the
   * end) and the waived months: by the month, or by the quarter for a fifth of the members.
   */
  async function insertPayments(tx: Executor, cur: string) {
    const owe = sql`(case when (b.member_id * 2654435761) % 1000 < 20 then 1 + b.member_id % 2
      when (b.member_id * 2654435761) % 1000 < 35 then 3 + b.member_id % 4 else 0 end)`;
    const rows = await queryRows<{ n: number }>(
      tx,
      sql`with mm as (
          select b.member_id, b.org_id, b.org_path, g.m::date as month, b.monthly_fen,
            case when b.member_id % 5 = 0 then date_trunc('quarter', g.m)::date else g.m::date end as grp
          from dues_bases b
          cross join lateral generate_series(b.from_month::timestamp,
            (${cur}::date - make_interval(months => ${owe}))::timestamp, interval '1 month') g(m)
          where not exists (select 1 from dues_reliefs rl where rl.member_id = b.member_id and rl.state = 'approved'
            and rl.kind = 'waived' and g.m::date between rl.from_month and rl.to_month)
            and (g.m::date < ${cur}::date or b.org_path not like ${tongzhouPath} || '.%')),
        paid as (
          insert into dues_payments (member_id, org_id, org_path, from_month, to_month, amount_fen, method, paid_on, payer_name)
          select mm.member_id, mm.org_id, mm.org_path, min(mm.month), max(mm.month), sum(mm.monthly_fen),
            case when mm.member_id % 3 = 0 then 'transfer' else 'cash' end,
            least(max(mm.month) + (3 + mm.member_id % 20), current_date),
            case when mm.member_id % 17 = 0 then left(${memberNameOf(sql`mm.member_id`)}, 1)
              || (array['秀英', '建国', '桂兰', '志强'])[1 + mm.member_id % 4] end
          from mm group by mm.member_id, mm.org_id, mm.org_path, mm.grp
          returning id, member_id, from_month, to_month),
        covered as (
          insert into dues_payment_months (member_id, month, payment_id, amount_fen)
          select p.member_id, g.m::date, p.id, b.monthly_fen
          from paid p join dues_bases b on b.member_id = p.member_id
            and b.year = extract(year from p.from_month)::int
          cross join lateral generate_series(p.from_month::timestamp, p.to_month::timestamp, interval '1 month') g(m)
          returning 1)
        select count(*)::int as n from paid`,
    );
    return rows[0]!.n;
  }

  /** The closed months' fixed figures: what was due of the branch's members, what was booked. */
  async function closeMonths(tx: Executor, cur: string) {
    const branchOf = (p: SQL) =>
      sql`split_part(${p}, '.', 1) || '.' || split_part(${p}, '.', 2) || '.' || split_part(${p}, '.', 3)`;
    await queryRows(
      tx,
      sql`with due as (
          select ${branchOf(sql`b.org_path`)} as path, g.m::date as month,
            sum(coalesce(rl.monthly_fen, b.monthly_fen)) filter (where coalesce(rl.kind, '') <> 'waived') as fen
          from dues_bases b
          cross join lateral generate_series(b.from_month::timestamp, ${cur}::timestamp - interval '1 month', interval '1 month') g(m)
          left join dues_reliefs rl on rl.member_id = b.member_id and rl.state = 'approved'
            and g.m::date between rl.from_month and rl.to_month
          group by 1, 2),
        booked as (
          select ${branchOf(sql`p.org_path`)} as path, date_trunc('month', p.paid_on)::date as month, sum(p.amount_fen) as fen
          from dues_payments p group by 1, 2)
        update dues_months dm set expected_fen = coalesce(d.fen, 0), collected_fen = coalesce(k.fen, 0)
        from dues_months x
        left join due d on d.path = x.org_path and d.month = x.month
        left join booked k on k.path = x.org_path and k.month = x.month
        where dm.id = x.id and x.state = 'closed'`,
    );
  }
}

export type DuesSeed = ReturnType<typeof createDuesSeed>;
