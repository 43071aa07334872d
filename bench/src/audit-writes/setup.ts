/** The audit-writes benchmark's setup: the server code measured, a fresh store per variant with its attendance rows. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as thisClient from '../../../apps/server/src/db/client';
import { type Executor, queryRows, type Store, type StoreKind } from '../../../apps/server/src/db/client';
import * as thisAudit from '../../../apps/server/src/modules/audit/audit.service';
import { BENCH_DIR } from '../paths';
import { emptySamples, runFor, type Samples, signIn } from './workload';

/** The attendance rows a meeting's sign-ins update; writers take them in turn, so no two wait on one row. */
export const ATTENDEES = 3000;

const DATABASE = 'nx_bench_audit_writes';

/** The server code a run measures: this checkout's, or another's (--compare). */
export interface Variant {
  label: string;
  openStore: typeof thisClient.openStore;
  appendAudit: typeof thisAudit.appendAudit;
  verifyChain: (db: Executor) => Promise<{ status: string; rows: number; lanes?: number }>;
}

export async function variantAt(label: string, root: string | undefined): Promise<Variant> {
  if (!root) {
    return {
      label,
      openStore: thisClient.openStore,
      appendAudit: thisAudit.appendAudit,
      verifyChain: thisAudit.verifyChain,
    };
  }
  const server = path.resolve(root, 'apps/server/src');
  const client: typeof thisClient = await import(path.join(server, 'db/client.ts'));
  const audit: typeof thisAudit = await import(path.join(server, 'modules/audit/audit.service.ts'));
  return {
    label,
    openStore: client.openStore,
    appendAudit: audit.appendAudit,
    verifyChain: audit.verifyChain,
  };
}

/** A fresh UTF-8 database on the PostgreSQL server (like the test stores); its URL. */
async function freshPostgres(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgres(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** The table a meeting's sign-in (签到) writes: one row per expected attendee. */
async function createAttendance(store: Store) {
  await store.db.execute(sql`
    create table bench_attendance (
      id integer primary key,
      member_id integer not null,
      member_name text not null,
      signed_in_at timestamptz,
      version integer not null default 1
    )`);
  await store.db.execute(sql`
    insert into bench_attendance (id, member_id, member_name)
    select i, 100000 + i, '参会党员' || i from generate_series(1, ${ATTENDEES}) i`);
}

/** One variant's store for a run, and what it measured. */
export interface Side {
  variant: Variant;
  /** Opens the variant's store with a pool of this many connections (PGlite: its one). */
  open(connections: number): Promise<Store>;
  /** PGlite's store, open for the whole run (opening it takes seconds). */
  kept: Store | null;
  remove(): Promise<void>;
  version: string;
  settings: Record<string, string>;
  next: () => number;
  samples: { audited: Samples[]; reference: Samples[] };
}

/** A fresh store of this kind for the variant, migrated by the variant's own code, with the attendance rows. */
export async function openSide(
  adminUrl: string,
  kind: StoreKind,
  variant: Variant,
  index: number,
  levels: number[],
): Promise<Side> {
  const name = `${DATABASE}_${index}`;
  const dir = path.join(BENCH_DIR, '.work', `audit-writes-pglite-${index}`);
  let open: Side['open'];
  let remove: Side['remove'];
  if (kind === 'postgres') {
    const url = await freshPostgres(adminUrl, name);
    open = (connections) => variant.openStore({ databaseUrl: url, poolSize: connections });
    remove = () => dropPostgres(adminUrl, name);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    open = () => variant.openStore({ dataDir: dir });
    remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const store = await open(1);
  await createAttendance(store);
  const { version } = (await queryRows<{ version: string }>(store.db, sql`select version()`))[0]!;
  const settings = Object.fromEntries(
    (
      await queryRows<{ name: string; setting: string }>(
        store.db,
        sql`select name, setting from pg_settings
            where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')`,
      )
    ).map((s) => [s.name, s.setting]),
  );
  let kept: Store | null = store;
  if (kind === 'postgres') {
    await store.close();
    kept = null;
  } else {
    // Warm-up, untimed: caches and the JIT.
    let turn = 0;
    await runFor(
      signIn(store, variant.appendAudit, () => (turn++ % ATTENDEES) + 1),
      8,
      2,
      emptySamples(),
    );
  }
  let turn = 0;
  return {
    variant,
    open,
    kept,
    remove,
    version: version.split(' on ')[0]!,
    settings,
    next: () => (turn++ % ATTENDEES) + 1,
    samples: { audited: levels.map(emptySamples), reference: levels.map(emptySamples) },
  };
}
