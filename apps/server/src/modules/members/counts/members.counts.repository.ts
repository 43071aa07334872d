import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client';
import { orgs } from '../../../db/schema';
import type { CountSource } from './members.counts.source';

export interface CountRow {
  key: string;
  count: number;
}

/** The path of the second-level committee above an org: the first two segments of its path. */
const committeePath = sql<string>`case when strpos(${orgs.path}, '.') = 0 then ${orgs.path}
  else split_part(${orgs.path}, '.', 1) || '.' || split_part(${orgs.path}, '.', 2) end`;

/**
 * Queries of the member rollups (kept exact by triggers on members; migrations 0005, 0009): each
 * reads the rollup its `CountSource` chose (members.counts.source.ts), under its condition. At 1M
 * members `member_counts` has ~37,000 rows and `member_org_counts` a few hundred: each query reads
 * them without a join (org subtrees are id lists), and joins orgs only after adding up.
 */
export const memberCountsRepository = {
  /** How many members the rows matching the source's condition hold. */
  async total(db: Executor, { rollup, where }: CountSource): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`coalesce(sum(${rollup.n}), 0)::int` })
      .from(rollup.table)
      .where(where);
    return row?.n ?? 0;
  },

  /** Counts by home county: only a source over `member_counts` has one. */
  async byHomeCounty(db: Executor, { rollup, where }: CountSource): Promise<CountRow[]> {
    const county = rollup.columns.homeCounty;
    if (!county) throw new Error('counts by home county need member_counts');
    return db
      .select({ key: sql<string>`${county}`, count: sql<number>`sum(${rollup.n})::int` })
      .from(rollup.table)
      .where(where)
      .groupBy(sql`${county}`);
  },

  async byStatus(db: Executor, { rollup, where }: CountSource): Promise<CountRow[]> {
    return db
      .select({ key: sql<string>`${rollup.status}`, count: sql<number>`sum(${rollup.n})::int` })
      .from(rollup.table)
      .where(where)
      .groupBy(rollup.status);
  },

  /** Counts by second-level committee, keyed by its id, with its name. */
  async byCommittee(db: Executor, { rollup, where }: CountSource): Promise<(CountRow & { name: string })[]> {
    // Aliases no column of orgs has: drizzle names them unqualified in the outer query.
    const perOrg = db
      .select({
        orgId: sql<number>`${rollup.orgId}`.as('per_org_id'),
        n: sql<number>`sum(${rollup.n})::int`.as('per_org_n'),
      })
      .from(rollup.table)
      .where(where)
      .groupBy(rollup.orgId)
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
