import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';

/**
 * The ledgers' figures grouped by county and year in one statement: each table's rows, already
 * narrowed to the actor's scope and the filters by the caller's conditions, summed per group.
 * A project counts in the year it was signed (null: not signed yet); its yearly figures in
 * their own year; a donation in the year given; a placement in the year placed.
 */
export interface TotalsConditions {
  projects: SQL;
  projectYears: SQL;
  donations: SQL;
  placements: SQL;
}

export interface FiguresRow {
  county_code: string;
  year: number | null;
  projects: number;
  signed_fen: string;
  actual_fen: string;
  output_fen: string;
  tax_fen: string;
  jobs: string;
  donations: number;
  funds_fen: string;
  goods_fen: string;
  placements: number;
  person_times: string;
}

export const totalsRepository = {
  byCountyYear(db: Executor, c: TotalsConditions) {
    return queryRows<FiguresRow>(
      db,
      sql`with parts as (
          select hometown_projects.county_code, extract(year from hometown_projects.signed_on)::int as year,
            1 as projects, hometown_projects.signed_fen, hometown_projects.actual_fen, 0::bigint as output_fen, 0::bigint as tax_fen, 0 as jobs,
            0 as donations, 0::bigint as funds_fen, 0::bigint as goods_fen, 0 as placements, 0 as person_times
          from hometown_projects where ${c.projects}
        union all
          select hometown_projects.county_code, hometown_project_years.year::int, 0, 0, 0,
            hometown_project_years.output_fen, hometown_project_years.tax_fen, hometown_project_years.jobs, 0, 0, 0, 0, 0
          from hometown_project_years join hometown_projects on hometown_projects.id = hometown_project_years.project_id
          where ${c.projectYears}
        union all
          select hometown_donations.county_code, extract(year from hometown_donations.donated_on)::int, 0, 0, 0, 0, 0, 0,
            1, case when hometown_donations.kind = 'funds' then hometown_donations.amount_fen else 0 end,
            case when hometown_donations.kind = 'goods' then hometown_donations.amount_fen else 0 end, 0, 0
          from hometown_donations where ${c.donations}
        union all
          select hometown_placements.county_code, extract(year from hometown_placements.placed_on)::int,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 1, hometown_placements.person_times
          from hometown_placements where ${c.placements}
        )
        select county_code, year,
          sum(projects)::int as projects, sum(signed_fen)::text as signed_fen, sum(actual_fen)::text as actual_fen,
          sum(output_fen)::text as output_fen, sum(tax_fen)::text as tax_fen, sum(jobs)::text as jobs,
          sum(donations)::int as donations, sum(funds_fen)::text as funds_fen, sum(goods_fen)::text as goods_fen,
          sum(placements)::int as placements, sum(person_times)::text as person_times
        from parts
        group by county_code, year
        order by county_code, year nulls first`,
    );
  },

  byPurpose(db: Executor, donations: SQL) {
    return queryRows<{ purpose: string; year: number; donations: number; amount_fen: string }>(
      db,
      sql`select purpose, extract(year from donated_on)::int as year, count(*)::int as donations,
          sum(amount_fen)::text as amount_fen
        from hometown_donations where ${donations}
        group by purpose, extract(year from donated_on)
        order by year, purpose`,
    );
  },
};
