import { z } from 'zod';
import { DonationPurpose } from './enums';
import { County, HomeCounty, LedgerYearQuery } from './fields';

/** The ledgers' totals by county and year, in the actor's scope, computed in SQL. */

export const TotalsQuery = z.object({
  countyCode: HomeCounty.optional(),
  year: LedgerYearQuery.optional(),
});
export type TotalsQuery = z.infer<typeof TotalsQuery>;

const Figures = z.object({
  /** Projects signed that year (unsigned projects count under year null). */
  projects: z.number().int(),
  signedFen: z.number().int(),
  actualFen: z.number().int(),
  /** The projects' yearly figures of that year. */
  outputFen: z.number().int(),
  taxFen: z.number().int(),
  jobs: z.number().int(),
  donations: z.number().int(),
  fundsFen: z.number().int(),
  goodsFen: z.number().int(),
  placements: z.number().int(),
  personTimes: z.number().int(),
});
export type LedgerFigures = z.infer<typeof Figures>;

export const TotalsResponse = z.object({
  /** One row per county and year with any record (year null: projects not signed yet). */
  rows: z.array(Figures.extend({ county: County, year: z.number().int().nullable() })),
  /** Donations by purpose and year. */
  byPurpose: z.array(
    z.object({
      purpose: DonationPurpose,
      purposeLabel: z.string(),
      year: z.number().int(),
      donations: z.number().int(),
      amountFen: z.number().int(),
    }),
  ),
  total: Figures,
});
export type TotalsResponse = z.infer<typeof TotalsResponse>;
