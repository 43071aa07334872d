import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/**
 * How many members each (org, home county, host district, status) group holds per value of a
 * facet: the rollup that the statistics read for the figures `member_counts` has no column for.
 * Facets: birth_year, joined_year (the years, so that age and Party-age bands are computed when
 * read and stay right as years pass), education, member_type, source, gender, and tag (one row
 * per tag a member carries; a member without tags has no tag row). An unknown value (no birth
 * date, no education, no gender) is ''. Kept exact by statement triggers on `members` (migration
 * 0022), as member_counts is; a row that reaches 0 is deleted.
 */
export const memberFacetCounts = pgTable(
  'member_facet_counts',
  {
    /** First, at a fixed offset, as in member_counts. */
    n: integer('n').notNull(),
    facet: text('facet').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    homeCounty: text('home_county').notNull(),
    /** '' for members with no host district, so that it can be part of the key. */
    hostDistrict: text('host_district').notNull().default(''),
    status: text('status').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    // The facet leads: a read asks for one facet, and the office's read is then one range scan.
    primaryKey({
      name: 'member_facet_counts_pkey',
      columns: [t.facet, t.orgId, t.homeCounty, t.hostDistrict, t.status, t.value],
    }),
    // A home-county or host-district viewer's rows of one facet.
    index('member_facet_counts_home_county_idx').on(t.facet, t.homeCounty),
    index('member_facet_counts_host_district_idx').on(t.facet, t.hostDistrict),
  ],
);

/**
 * `member_facet_counts` summed over orgs and host districts: members per (facet, home county,
 * status, value). What the office's and a home-county viewer's figures read (a few thousand rows
 * at 1,000,000 members where member_facet_counts holds hundreds of thousands per facet). Kept by
 * the same trigger function as member_facet_counts, from the same deltas (migration 0024).
 */
export const memberFacetTotals = pgTable(
  'member_facet_totals',
  {
    n: integer('n').notNull(),
    facet: text('facet').notNull(),
    homeCounty: text('home_county').notNull(),
    status: text('status').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'member_facet_totals_pkey',
      columns: [t.facet, t.homeCounty, t.status, t.value],
    }),
  ],
);

/**
 * `member_facet_counts` summed over home counties and host districts: members per (facet, org,
 * status, value). What a secretary's figures and the office's of one org read (a subtree's orgs'
 * rows: a few thousand at 10,000,000 members where member_facet_counts holds some 80,000 for a
 * second-level committee's birth years). Kept by the same trigger function, from the same deltas
 * (migration 0029).
 */
export const memberFacetOrgTotals = pgTable(
  'member_facet_org_totals',
  {
    n: integer('n').notNull(),
    facet: text('facet').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({
      name: 'member_facet_org_totals_pkey',
      columns: [t.facet, t.orgId, t.status, t.value],
    }),
  ],
);
