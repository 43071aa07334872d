import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../src/db/client';
import { createFieldCrypto } from '../src/lib/field-crypto';
import { seedDemo } from '../src/seed/demo';
import { createEmptyDatabase, DEFAULT_TEST_MEMBERS, TEST_FIELD_KEY } from './store';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The demo committee with its default members, migrated and seeded once per run: a PGlite
     * data-directory archive, or a PostgreSQL database that test databases are created from.
     */
    demoTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; name: string } | null;
  }
}

/**
 * Seeds the demo committee once for the whole run, so that each test file's app starts from a
 * copy instead of migrating and seeding its own (the same data: the seed is deterministic).
 */
export default async function setup(project: TestProject) {
  const crypto = createFieldCrypto(Buffer.from(TEST_FIELD_KEY, 'base64'));
  // The project's env (TEST_STORE, TEST_DATABASE_URL) is its workers'; this runs in the main process.
  const env = (project.config.env ?? {}) as Record<string, string | undefined>;
  if ((env.TEST_STORE ?? 'pglite') === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-template-'));
    const store = await openStore({ dataDir: 'memory://' });
    await seedDemo(store.db, crypto, { members: DEFAULT_TEST_MEMBERS });
    const file = path.join(dir, 'demo.tar.gz');
    fs.writeFileSync(file, Buffer.from(await (await store.dumpDataDir!()).arrayBuffer()));
    await store.close();
    project.provide('demoTemplate', { kind: 'pglite', file });
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  if (env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = env.TEST_DATABASE_URL;
  const empty = await createEmptyDatabase();
  const store = await openStore({ databaseUrl: empty.url, poolSize: 2 });
  await seedDemo(store.db, crypto, { members: DEFAULT_TEST_MEMBERS });
  await store.close();
  project.provide('demoTemplate', { kind: 'postgres', name: new URL(empty.url).pathname.slice(1) });
  return () => empty.drop();
}
