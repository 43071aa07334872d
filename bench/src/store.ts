import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import {
  type Db,
  pgliteRunNamed,
  postgresRunNamed,
  type Store,
  type StoreKind,
} from '../../apps/server/src/db/client';
import { neverListening } from '../../apps/server/src/db/notifications';
import * as schema from '../../apps/server/src/db/schema';
import type { Query } from './ops';
import { ROOT } from './paths';

/**
 * The synthetic data's field-encryption key. Benchmark stores hold generated members only, so
 * a fixed key lets a store be reused between runs.
 */
export const BENCH_FIELD_KEY = Buffer.alloc(32, 'B').toString('base64');

export interface BenchStoreOptions {
  /** PostgreSQL URL; without it the embedded PGlite store in `dataDir`. */
  pgUrl?: string | undefined;
  dataDir: string;
  members: number;
}

/** The environment the server and its CLI get for this store. */
export function storeEnv(o: BenchStoreOptions): Record<string, string> {
  return {
    FIELD_ENCRYPTION_KEY: BENCH_FIELD_KEY,
    DATA_DIR: o.dataDir,
    ...(o.pgUrl ? { DATABASE_URL: o.pgUrl } : {}),
  };
}

/** Seeds the demo committee and tops the base up to `members` with the server's own CLI (COPY). */
export function seedStore(o: BenchStoreOptions): number {
  const started = performance.now();
  const r = spawnSync('npm', ['run', 'cli', '-s', '--', 'seed-demo', '--members', String(o.members)], {
    cwd: ROOT,
    env: { ...process.env, ...storeEnv(o), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`seed-demo failed (${r.status})`);
  return (performance.now() - started) / 1000;
}

/** A statement the server ran, as its driver received it. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** A direct connection to the store: the raw driver, and a Drizzle database whose SQL is recorded. */
export interface DirectStore {
  kind: StoreKind;
  /** The raw driver, no ORM: the floor the API is measured against. */
  query: Query;
  /** A store for an in-process server whose statements go to `recorded` while `recording`. */
  store: Store;
  recording: boolean;
  recorded: Statement[];
  sizeMb(): Promise<number>;
  close(): Promise<void>;
}

function dirSizeBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSizeBytes(p) : fs.statSync(p).size;
  }
  return total;
}

/** Opens the (already migrated and seeded) store directly, in this process. */
export async function openDirect(o: BenchStoreOptions): Promise<DirectStore> {
  const self: Partial<DirectStore> & { recording: boolean; recorded: Statement[] } = {
    recording: false,
    recorded: [],
  };
  const logger: Logger = {
    logQuery(text, params) {
      if (self.recording) self.recorded.push({ text, params });
    },
  };
  if (o.pgUrl) {
    // As many connections as the server's pool (DATABASE_POOL_SIZE's default), for the concurrent load.
    const pool = new pg.Pool({ connectionString: o.pgUrl, max: 10 });
    const db = drizzlePg({ client: pool, schema, logger }) as unknown as Db;
    const query: Query = async (text, params) => (await pool.query(text, params)).rows;
    return Object.assign(self, {
      kind: 'postgres' as const,
      query,
      store: {
        kind: 'postgres',
        db,
        reads: db,
        runNamed: postgresRunNamed(pool),
        listen: neverListening,
        close: async () => {},
      } satisfies Store,
      sizeMb: async () => {
        const [row] = await query('select pg_database_size(current_database())::bigint as b');
        return Math.round(Number(row!.b) / 2 ** 20);
      },
      close: () => pool.end(),
    });
  }
  const client = await PGlite.create(path.join(o.dataDir, 'pgdata'));
  const db = drizzlePglite({ client, schema, logger }) as unknown as Db;
  const query: Query = async (text, params) =>
    (await client.query<Record<string, unknown>>(text, params)).rows;
  return Object.assign(self, {
    kind: 'pglite' as const,
    query,
    store: {
      kind: 'pglite',
      db,
      reads: db,
      runNamed: pgliteRunNamed(client),
      listen: neverListening,
      close: async () => {},
    } satisfies Store,
    sizeMb: async () => Math.round(dirSizeBytes(path.join(o.dataDir, 'pgdata')) / 2 ** 20),
    close: () => client.close(),
  });
}

/** Removes the members a benchmark import added (ids above `maxId`), so the next run starts alike. */
export async function removeImported(query: Query, maxId: number): Promise<number> {
  await query('delete from member_status_events where member_id > $1', [maxId]);
  // Each import's status events reach the members' timelines (member_activity) through the outbox.
  await query('delete from member_activity where member_id > $1', [maxId]);
  const rows = await query('delete from members where id > $1 returning id', [maxId]);
  // Dead rows at the newest end of the creation-time index would slow the next run's first page.
  if (rows.length) await query('vacuum analyze members, member_status_events');
  return rows.length;
}
