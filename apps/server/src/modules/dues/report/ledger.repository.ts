/**
 * The dues owed month by month, as SQL: every month from a base's first month to the end of its
 * year, with the amount due (the base's, or an approved relief's) and whether it is paid or
 * waived. Months, arrears and a member's dues read it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { duesBases, duesMonths, duesPaymentMonths, duesReliefs } from '../../../db/schema';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';

/**
 * `(member_id, org_id, org_path, month, due_fen, waived, paid)` of the members on the rolls
 * where `where` holds (over `r.org_path`, `r.member_id`), for months up to the last one due:
 * months before `current` always, `current` once the member's branch has opened it.
 */
export const dueMonths = (where: SQL, current: string): SQL => sql`
  select r.member_id, r.org_id, r.org_path, g.m::date as month,
    coalesce(rel.monthly_fen, b.monthly_fen) as due_fen,
    coalesce(rel.kind = 'waived', false) as waived,
    (pm.member_id is not null) as paid
  from (${membersOnRolls()}) r
  join ${duesBases} b on b.member_id = r.member_id
  cross join lateral generate_series(b.from_month::timestamp, make_date(b.year, 12, 1)::timestamp, interval '1 month') g(m)
  left join lateral (select rl.kind, rl.monthly_fen from ${duesReliefs} rl
    where rl.member_id = r.member_id and rl.state = 'approved' and g.m::date between rl.from_month and rl.to_month
    order by rl.id desc limit 1) rel on true
  left join ${duesPaymentMonths} pm on pm.member_id = r.member_id and pm.month = g.m::date
  where ${where}
    and (g.m::date < ${`${current}-01`}::date
      or (g.m::date = ${`${current}-01`}::date and exists (select 1 from ${duesMonths} dm
        where dm.month = g.m::date and (r.org_path = dm.org_path or r.org_path like dm.org_path || '.%'))))`;

export interface ArrearsRow {
  member_id: number;
  member_name: string;
  org_id: number;
  org_name: string;
  months: number;
  amount_fen: string;
  oldest_month: string;
}

export const ledgerRepository = {
  /** Members owing at least `minMonths` months, by member id after the cursor. */
  arrears(
    db: Executor,
    where: SQL,
    current: string,
    minMonths: number,
    after: number | undefined,
    limit: number,
  ) {
    return queryRows<ArrearsRow>(
      db,
      sql`select d.member_id, ${memberNameOf(sql`d.member_id`)} as member_name, d.org_id,
          ${orgNameOf(sql`d.org_id`)} as org_name, count(*)::int as months,
          sum(d.due_fen)::text as amount_fen, to_char(min(d.month), 'YYYY-MM') as oldest_month
        from (${dueMonths(where, current)}) d
        where not d.paid and not d.waived ${after ? sql`and d.member_id > ${after}` : sql``}
        group by d.member_id, d.org_id
        having count(*) >= ${minMonths}
        order by d.member_id limit ${limit}`,
    );
  },

  async arrearsTotals(db: Executor, where: SQL, current: string, minMonths: number) {
    const [row] = await queryRows<{ members: number; months: number; amount_fen: string }>(
      db,
      sql`select count(*)::int as members, coalesce(sum(months), 0)::int as months,
          coalesce(sum(amount_fen), 0)::text as amount_fen
        from (select d.member_id, count(*) as months, sum(d.due_fen) as amount_fen
          from (${dueMonths(where, current)}) d where not d.paid and not d.waived
          group by d.member_id having count(*) >= ${minMonths}) x`,
    );
    return row!;
  },

  /** Every month of a member's bases (all of them, not only those due yet), in order. */
  memberMonths(db: Executor, memberId: number) {
    return queryRows<{ month: string; due_fen: number; waived: boolean; paid: boolean }>(
      db,
      sql`select to_char(g.m, 'YYYY-MM') as month, coalesce(rel.monthly_fen, b.monthly_fen) as due_fen,
          coalesce(rel.kind = 'waived', false) as waived, (pm.member_id is not null) as paid
        from ${duesBases} b
        cross join lateral generate_series(b.from_month::timestamp, make_date(b.year, 12, 1)::timestamp, interval '1 month') g(m)
        left join lateral (select rl.kind, rl.monthly_fen from ${duesReliefs} rl
          where rl.member_id = b.member_id and rl.state = 'approved' and g.m::date between rl.from_month and rl.to_month
          order by rl.id desc limit 1) rel on true
        left join ${duesPaymentMonths} pm on pm.member_id = b.member_id and pm.month = g.m::date
        where b.member_id = ${memberId}
        order by g.m`,
    );
  },
};
