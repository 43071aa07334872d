import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { ProvidedContext } from 'vitest';
import { openStore, type Store } from '../src/db/client';

export type TestStoreKind = 'pglite' | 'postgres';

/** The demo members a test app holds unless a test asks for another number. */
export const DEFAULT_TEST_MEMBERS = 600;

/** A fixed key for tests (never used outside them). */
export const TEST_FIELD_KEY = Buffer.alloc(32, 7).toString('base64');

export function testStoreKind(): TestStoreKind {
  const kind = process.env.TEST_STORE ?? 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres')
    throw new Error(`TEST_STORE must be pglite or postgres, not ${kind}`);
  return kind;
}

/**
 * A new database on the PostgreSQL server of TEST_DATABASE_URL — empty (no migrations), or a copy
 * of a template database — with its URL and how to drop it again.
 */
export async function createEmptyDatabase(
  template = 'template0',
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_STORE=postgres needs TEST_DATABASE_URL');
  const name = `nx_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `create database ${name} template ${template} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/**
 * A fresh, migrated store for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL (dropped again by `dispose`).
 */
export async function createTestStore(
  /** A seeded template to copy (test/template.setup.ts) instead of an empty store. */
  template: ProvidedContext['demoTemplate'] = null,
): Promise<Store & { url?: string; dispose(): Promise<void> }> {
  if (testStoreKind() === 'pglite') {
    const loadDataDir = template?.kind === 'pglite' ? new Blob([fs.readFileSync(template.file)]) : undefined;
    const store = await openStore({ dataDir: 'memory://', ...(loadDataDir ? { loadDataDir } : {}) });
    return { ...store, dispose: () => store.close() };
  }
  const db = await createEmptyDatabase(template?.kind === 'postgres' ? template.name : undefined);
  const store = await openStore({ databaseUrl: db.url, poolSize: 10 });
  let closed = false;
  const close = async () => {
    if (!closed) await store.close();
    closed = true;
  };
  return {
    ...store,
    close,
    url: db.url,
    async dispose() {
      await close();
      await db.drop();
    },
  };
}

/**
 * A fresh store for a separate process (the server or the CLI): a temporary DATA_DIR for
 * PGlite, or a new database on the test PostgreSQL server, as environment variables. Empty, or
 * a copy of the seeded template: a server started on it finds the demo committee instead of
 * creating its store and seeding the demo (initdb, migrations and every module's demo data:
 * about 20 s of CPU on PGlite).
 */
export async function createProcessStoreEnv(
  prefix: string,
  template: ProvidedContext['demoTemplate'] = null,
): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  if (testStoreKind() === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ningxin-${prefix}-`));
    if (template?.kind === 'pglite') {
      const loadDataDir = new Blob([fs.readFileSync(template.file)]);
      await (await openStore({ dataDir: dir, loadDataDir })).close();
    }
    return { env: { DATA_DIR: dir }, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const store = await createTestStore(template);
  await store.close();
  return { env: { DATABASE_URL: store.url! }, dispose: store.dispose };
}
