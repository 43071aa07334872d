/** The ledgers' totals by county and year (and donations by purpose), in the actor's scope. */
import {
  DONATION_PURPOSE_LABELS,
  type DonationPurpose,
  type LedgerFigures,
  type TotalsQuery,
  type TotalsResponse,
} from '@ningxin/shared';
import { and, type Column, eq, type SQL, sql } from 'drizzle-orm';
import {
  hometownDonations as donations,
  hometownPlacements as placements,
  hometownProjects as projects,
  hometownProjectYears as years,
} from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import type { HometownAccess } from '../hometown.access';
import { type FiguresRow, totalsRepository as repo } from './totals.repository';

const yearOf = (column: Column, year: number) =>
  sql`${column} between ${`${year}-01-01`} and ${`${year}-12-31`}`;
const all = (...parts: (SQL | undefined)[]) => and(...parts) ?? sql`true`;

const figures = (r: FiguresRow): LedgerFigures => ({
  projects: r.projects,
  signedFen: Number(r.signed_fen),
  actualFen: Number(r.actual_fen),
  outputFen: Number(r.output_fen),
  taxFen: Number(r.tax_fen),
  jobs: Number(r.jobs),
  donations: r.donations,
  fundsFen: Number(r.funds_fen),
  goodsFen: Number(r.goods_fen),
  placements: r.placements,
  personTimes: Number(r.person_times),
});

const ZERO: LedgerFigures = {
  projects: 0,
  signedFen: 0,
  actualFen: 0,
  outputFen: 0,
  taxFen: 0,
  jobs: 0,
  donations: 0,
  fundsFen: 0,
  goodsFen: 0,
  placements: 0,
  personTimes: 0,
};

export function createTotalsService(access: HometownAccess) {
  const { db } = access;

  return {
    async totals(actor: Actor, q: TotalsQuery): Promise<TotalsResponse> {
      const scopeOf = (orgPath: Column, county: Column) =>
        access.scope(actor, 'hometown.read', orgPath, county);
      const county = (column: Column) => (q.countyCode ? eq(column, q.countyCode) : undefined);
      const projectScope = scopeOf(projects.orgPath, projects.countyCode);
      const donationWhere = all(
        scopeOf(donations.orgPath, donations.countyCode),
        county(donations.countyCode),
        q.year ? yearOf(donations.donatedOn, q.year) : undefined,
      );
      const [rows, purposes] = await Promise.all([
        repo.byCountyYear(db, {
          projects: all(
            projectScope,
            county(projects.countyCode),
            q.year ? yearOf(projects.signedOn, q.year) : undefined,
          ),
          projectYears: all(
            projectScope,
            county(projects.countyCode),
            q.year ? eq(years.year, q.year) : undefined,
          ),
          donations: donationWhere,
          placements: all(
            scopeOf(placements.orgPath, placements.countyCode),
            county(placements.countyCode),
            q.year ? yearOf(placements.placedOn, q.year) : undefined,
          ),
        }),
        repo.byPurpose(db, donationWhere),
      ]);
      const out = rows.map((r) => ({ ...figures(r), county: access.county(r.county_code), year: r.year }));
      const total = { ...ZERO };
      for (const r of out) for (const k of Object.keys(ZERO) as (keyof LedgerFigures)[]) total[k] += r[k];
      return {
        rows: out,
        byPurpose: purposes.map((p) => ({
          purpose: p.purpose as DonationPurpose,
          purposeLabel: DONATION_PURPOSE_LABELS[p.purpose as DonationPurpose],
          year: p.year,
          donations: p.donations,
          amountFen: Number(p.amount_fen),
        })),
        total,
      };
    },
  };
}

export type TotalsService = ReturnType<typeof createTotalsService>;
