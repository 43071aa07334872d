import { eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { memberCounts, orgs } from '../../db/schema';

export interface CountRow {
  key: string;
  count: number;
}

const sumN = sql<number>`sum(${memberCounts.n})::int`;

/** The path of the second-level committee above an org: the first two segments of its path. */
const committeePath = sql<string>`case when strpos(${orgs.path}, '.') = 0 then ${orgs.path}
  else split_part(${orgs.path}, '.', 1) || '.' || split_part(${orgs.path}, '.', 2) end`;

/**
 * Queries of the `member_counts` rollup (kept exact by triggers on members; migration 0005).
 * Conditions are over `COUNT_COLUMNS`. At 1M members the rollup has ~37,000 rows: each query
 * reads them without a join (org subtrees are id lists), and joins orgs only after adding up.
 */
export const memberCountsRepository = {
  /** How many members the groups matching `where` hold. */
  async total(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${memberCounts.n}), 0)::int` })
      .from(memberCounts)
      .where(where);
    return row?.n ?? 0;
  },

  async byHomeCounty(db: Executor, where: SQL | undefined): Promise<CountRow[]> {
    return db
      .select({ key: memberCounts.homeCounty, count: sumN })
      .from(memberCounts)
      .where(where)
      .groupBy(memberCounts.homeCounty);
  },

  async byStatus(db: Executor, where: SQL | undefined): Promise<CountRow[]> {
    return db
      .select({ key: memberCounts.status, count: sumN })
      .from(memberCounts)
      .where(where)
      .groupBy(memberCounts.status);
  },

  /** Counts by second-level committee, keyed by its id, with its name. */
  async byCommittee(db: Executor, where: SQL | undefined): Promise<(CountRow & { name: string })[]> {
    // Aliases no column of orgs has: drizzle names them unqualified in the outer query.
    const perOrg = db
      .select({ orgId: sql<number>`${memberCounts.orgId}`.as('per_org_id'), n: sumN.as('per_org_n') })
      .from(memberCounts)
      .where(where)
      .groupBy(memberCounts.orgId)
      .as('per_org');
    const committee = alias(orgs, 'committee');
    return db
      .select({
        key: sql<string>`${committee.id}::text`,
        name: committee.name,
        count: sql<number>`sum(${perOrg.n})::int`,
      })
      .from(perOrg)
      .innerJoin(orgs, eq(orgs.id, perOrg.orgId))
      .innerJoin(committee, eq(committee.path, committeePath))
      .groupBy(committee.id, committee.name);
  },
};
