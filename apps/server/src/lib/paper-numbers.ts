import { paperNumber } from '@ningxin/shared';
import { type Column, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client';

/**
 * The next number of a series of papers (张流证〔2026〕0001, a training certificate 培〔2026〕0001):
 * one past the highest of the year.
 * Two issues at once must not take the same number, so the series and year are locked for the
 * rest of the transaction (a PostgreSQL advisory lock); the unique index on the number is the
 * last guard. The lock is taken just before the insert, so it is held only for the commit.
 */
export async function nextPaperNumber(
  tx: Tx,
  series: { prefix: string; table: string; column: Column },
  year: number,
): Promise<string> {
  const head = `${series.prefix}〔${year}〕`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${series.table}), ${year})`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(${series.column} from ${`^${head}(\\d+)$`})::int), 0)::int as n
      from ${sql.identifier(series.table)} where ${series.column} like ${`${head}%`}`,
  );
  return paperNumber(series.prefix, year, (row?.n ?? 0) + 1);
}
