import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/**
 * How many members each (org, home county, host district, status) group holds: the rollup that
 * dashboards and list totals read instead of counting a million rows. Kept exact by statement
 * triggers on `members` (migration 0005); a group that reaches 0 is deleted. About 37,000 rows
 * at 1,000,000 demo members.
 */
export const memberCounts = pgTable(
  'member_counts',
  {
    /** First, at a fixed offset: a sum over all groups reads no other column (a quarter faster). */
    n: integer('n').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    homeCounty: text('home_county').notNull(),
    /** '' for members with no host district, so that it can be part of the key. */
    hostDistrict: text('host_district').notNull().default(''),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ name: 'member_counts_pkey', columns: [t.orgId, t.homeCounty, t.hostDistrict, t.status] }),
    // A home-county or host-district viewer's groups: ~6% of the rollup each (1 ms, not 5, at 1M).
    index('member_counts_home_county_idx').on(t.homeCounty),
    index('member_counts_host_district_idx').on(t.hostDistrict),
  ],
);

/**
 * How many members each (org, status) pair holds: `member_counts` added up over home county and
 * host district, for counts that need neither (the office's list total, its counts by status and
 * by committee). A few hundred rows at 1,000,000 members instead of ~37,000. Kept exact by the
 * same statement triggers on `members` (migration 0009); a pair that reaches 0 is deleted.
 */
export const memberOrgCounts = pgTable(
  'member_org_counts',
  {
    /** First, as in member_counts. */
    n: integer('n').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ name: 'member_org_counts_pkey', columns: [t.orgId, t.status] })],
);
