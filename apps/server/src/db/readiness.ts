import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Executor, migrationsFolder, queryRows } from './client';

export type CheckState = 'ok' | 'unreachable' | 'timeout' | 'pending' | 'unknown';

export interface Readiness {
  ready: boolean;
  checks: { database: CheckState; migrations: CheckState };
}

/** The time of the latest migration the app ships (its journal's last entry), read once. */
export function latestShippedMigration(folder: string = migrationsFolder): number {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** What the checks found, as the ready endpoint reports it: ready only when both are ok. */
export function readinessOf(
  database: 'ok' | 'unreachable' | 'timeout',
  latestApplied: number | null,
  latestShipped: number,
): Readiness {
  const migrations: CheckState =
    database !== 'ok'
      ? 'unknown'
      : latestApplied !== null && latestApplied >= latestShipped
        ? 'ok'
        : 'pending';
  return { ready: database === 'ok' && migrations === 'ok', checks: { database, migrations } };
}

class Timeout extends Error {}

/**
 * Asks the database, within `timeoutMs`, for the latest migration applied to it (drizzle's
 * journal of applied migrations keeps each one's time) and compares it with the app's own.
 */
export async function checkReadiness(
  db: Executor,
  latestShipped: number,
  timeoutMs: number,
): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), timeoutMs);
  });
  const query = queryRows<{ latest: string | null }>(
    db,
    sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  query.catch(() => undefined);
  try {
    const [row] = await Promise.race([query, deadline]);
    return readinessOf('ok', row?.latest == null ? null : Number(row.latest), latestShipped);
  } catch (err) {
    // No journal table at all: reachable, but never migrated.
    if ((err as { code?: unknown }).code === '42P01') return readinessOf('ok', null, latestShipped);
    return readinessOf(err instanceof Timeout ? 'timeout' : 'unreachable', null, latestShipped);
  } finally {
    clearTimeout(timer);
  }
}
