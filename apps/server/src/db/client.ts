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
import { type Listen, pgliteNotifications, postgresNotifications } from './notifications';
import { openReplica, type ReplicaOptions, type ReplicaStatus } from './replica';
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
  /**
   * For reads that may lag by up to DATABASE_REPLICA_MAX_LAG_MS (lists, search, dashboards,
   * exports): a streaming standby while it is up and keeping up, else the primary. Without a
   * standby (and on PGlite) it is `db` itself. Never for a read that must see this request's own
   * write; a transaction on it runs on the primary.
   */
  reads: Db;
  /** The standby's state, when one is configured (DATABASE_REPLICA_URL). */
  replicaStatus?(): ReplicaStatus;
  /** Runs a named statement, planned once per connection (see `NamedStatement`). */
  runNamed: RunNamed;
  /** Subscribes to a notification channel (LISTEN/NOTIFY); ended with the store. */
  listen: Listen;
  /** The embedded store's whole data directory as one archive (PGlite only). */
  dumpDataDir?(): Promise<Blob>;
  /** The pool's connections, busy and waiting (PostgreSQL only; PGlite is one connection). */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

/**
 * A statement that every request runs (the session lookup): planned once per connection and
 * then executed by name, which saves its planning on each request (0.95 → 0.34 ms on
 * PostgreSQL, 1.7 → 0.6 ms on PGlite). Parameters are text; `paramTypes` gives their SQL types.
 * Only for statements whose best plan does not depend on the parameter values.
 */
export interface NamedStatement {
  name: string;
  text: string;
  paramTypes: string[];
}

export type RunNamed = <T>(statement: NamedStatement, params: string[]) => Promise<T[]>;

export const migrationsFolder = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

/** How long a request waits for a database connection before it is answered 503. */
const CONNECT_TIMEOUT_MS = 10_000;

/** A lock key shared by every instance, so that one of them migrates at a time. */
const MIGRATION_LOCK = 72_810_001;

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away store. */
  dataDir?: string;
  /** PGlite: start from this archive of a data directory (`dumpDataDir`) instead of an empty one. */
  loadDataDir?: Blob;
  poolSize?: number;
  /** A streaming standby of the PostgreSQL store, for reads that may lag. */
  replica?: Omit<ReplicaOptions, 'poolSize'> | undefined;
}

/** Opens the store named by the options (PostgreSQL when a URL is given, else PGlite) and migrates it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.replica)
    : openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Store> {
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
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(drizzlePglite({ client }), { migrationsFolder });
  const notifications = await pgliteNotifications(client);
  return {
    kind: 'pglite',
    db,
    reads: db,
    runNamed: pgliteRunNamed(client),
    listen: notifications.listen,
    dumpDataDir: () => client.dumpDataDir('gzip'),
    close: async () => {
      await notifications.end();
      await client.close();
    },
  };
}

async function openPostgres(
  url: string,
  poolSize: number,
  replicaOptions?: StoreOptions['replica'],
): Promise<Store> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client: lockClient }), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockClient.end();
  }
  // A connection ended by the database (a restart: 57P01) is an 'error' on the pool when idle, on
  // its client when checked out (a transaction between statements, a job's lock): without a
  // listener either would end the process. The statement in flight fails (answered 503), the pool
  // drops the connection on its release and opens a new one when asked.
  const lost = (err: Error) =>
    process.stderr.write(`database connection lost: ${(err as { code?: string }).code ?? err.message}\n`);
  const notifications = await postgresNotifications(url, lost);
  // A request waits at most CONNECT_TIMEOUT_MS for a connection (a free one, or a new one to a
  // database that may be restarting) and is then answered 503, never left hanging. Each new
  // connection listens before its first statement (see db/notifications.ts).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // pg-pool waits for the promise before it hands the connection out.
    onConnect: (client) => notifications.listenOn(client),
  });
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const replica = replicaOptions
    ? openReplica(pool, url, { ...replicaOptions, poolSize }, (line) => process.stderr.write(`${line}\n`))
    : undefined;
  return {
    kind: 'postgres',
    db,
    reads: replica
      ? (drizzlePg({ client: replica.pool as unknown as pg.Pool, schema }) as unknown as Db)
      : db,
    ...(replica ? { replicaStatus: replica.status } : {}),
    runNamed: postgresRunNamed(pool),
    listen: notifications.listen,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await notifications.end();
      await replica?.close();
      await pool.end();
    },
  };
}

/** node-postgres parses a named statement once per connection and then binds it by name. */
export function postgresRunNamed(pool: pg.Pool): RunNamed {
  return async <T>(statement: NamedStatement, params: string[]) =>
    (await pool.query({ name: statement.name, text: statement.text, values: params })).rows as T[];
}

/**
 * PGlite's API has no named statements: the statement is made once with SQL `PREPARE` (its one
 * connection keeps it) and run with `EXECUTE`, which takes no bind parameters, so the values go
 * in as string literals (quotes doubled; the store runs with standard_conforming_strings on).
 */
export function pgliteRunNamed(client: PGlite): RunNamed {
  const prepared = new Map<string, Promise<unknown>>();
  return async <T>(statement: NamedStatement, params: string[]) => {
    let ready = prepared.get(statement.name);
    if (!ready) {
      if (!/^[a-z_][a-z0-9_]*$/.test(statement.name)) throw new Error(`bad statement name ${statement.name}`);
      const types = statement.paramTypes.length ? `(${statement.paramTypes.join(', ')})` : '';
      ready = client.exec(`prepare ${statement.name}${types} as ${statement.text}`);
      prepared.set(statement.name, ready);
      ready.catch(() => prepared.delete(statement.name));
    }
    await ready;
    const args = params.length ? `(${params.map(sqlLiteral).join(', ')})` : '';
    return (await client.query<T>(`execute ${statement.name}${args}`)).rows;
  };
}

/** A text value as an SQL string literal. */
function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL character cannot be sent to the database');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The driver connection under a transaction (Drizzle keeps it as the session's client): a pool
 * client on PostgreSQL, the embedded client on PGlite. For what Drizzle cannot say (COPY).
 */
export function connectionOf(tx: Executor): pg.ClientBase | PGlite {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('no driver connection under this executor');
  return client as pg.ClientBase | PGlite;
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
