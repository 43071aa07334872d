import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { committeeOf } from '../../orgs/orgs.fragments';
import type { CountSource } from './members.counts.source';

export interface CountRow {
  key: string;
  count: number;
}

/**
 * Queries of the member rollups (kept exact by triggers on members; migrations 0005, 0009): each
 * reads the rollup its `CountSource` chose (members.counts.source.ts), under its condition. At 1M
 * members `member_counts` has ~37,000 rows and `member_org_counts` a few hundred: each query reads
 * them without a join (org subtrees are id lists), and joins orgs only after adding up.
 */
export const memberCountsRepository = {
  /** How many members the rows matching the source's condition hold. */
  /** The total of a source, as a scalar query (to ride along with another statement). */
  totalQuery({ rollup, where }: CountSource): SQL {
    return sql`select coalesce(sum(${rollup.n}), 0)::int from ${rollup.table} where ${where ?? sql`true`}`;
  },

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

  /** Counts by host district ('' for members without one): only `member_counts` has one. */
  async byHostDistrict(db: Executor, { rollup, where }: CountSource): Promise<CountRow[]> {
    const district = rollup.columns.hostDistrict;
    if (!district) throw new Error('counts by host district need member_counts');
    return db
      .select({ key: sql<string>`${district}`, count: sql<number>`sum(${rollup.n})::int` })
      .from(rollup.table)
      .where(where)
      .groupBy(sql`${district}`);
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
    // Aliases drizzle names unqualified in the outer query.
    const perOrg = db
      .select({
        orgId: sql<number>`${rollup.orgId}`.as('per_org_id'),
        n: sql<number>`sum(${rollup.n})::int`.as('per_org_n'),
      })
      .from(rollup.table)
      .where(where)
      .groupBy(rollup.orgId)
      .as('per_org');
    const committee = committeeOf(sql`${perOrg.orgId}`);
    return db
      .select({
        key: sql<string>`${committee.id}::text`,
        name: committee.name,
        count: sql<number>`sum(${perOrg.n})::int`,
      })
      .from(perOrg)
      .groupBy(sql`1`, sql`2`);
  },
};
