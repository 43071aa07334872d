import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction of it. */
export type Executor = Db | Tx;

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  kind: StoreKind;
  db: Db;
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

/** A lock key shared by every instance, so that one of them migrates at a time. */
const MIGRATION_LOCK = 72_810_001;

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away store. */
  dataDir?: string;
  poolSize?: number;
}

/** Opens the store named by the options (PostgreSQL when a URL is given, else PGlite) and migrates it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.dataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Store> {
  let dir = dataDir;
  if (!dataDir.startsWith('memory://')) {
    dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create(dir, {
    // The embedded store's WAL would otherwise grow to 1 GB before a checkpoint. Its buffer cache
    // lives in the process's memory: 128 MB (the default) costs 120 MB of RSS more than 32 MB, and
    // a committee's data files stay in the operating system's cache anyway (docs/performance.md).
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      'max_wal_size=64MB',
      '-c',
      'min_wal_size=32MB',
      '-c',
      'shared_buffers=32MB',
    ],
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  return { kind: 'pglite', db, close: () => client.close() };
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client: lockClient }), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockClient.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { kind: 'postgres', db, close: () => pool.end() };
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
