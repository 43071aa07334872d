import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp, fieldCryptoFor } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { openStore, type Store } from '../src/db/client';
import { runSeeds, type ServiceRegistry } from '../src/lib/modules';
import type { Actor } from '../src/policy/policy';
import { seedDemo } from '../src/seed/demo';
import { DEMO_PASSWORD } from '../src/seed/demo-committee';
import { createTestStore, DEFAULT_TEST_MEMBERS, TEST_FIELD_KEY } from './store';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  config: Config;
  /** The services of the running app's modules. */
  services: ServiceRegistry;
  /** Signs in and returns the Cookie header of the session. */
  login(username: string, password?: string): Promise<string>;
  /** An API request, as the given session (cookie) or anonymous. */
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  /** The actor of a signed-in session, as the server resolves it for a request from the same client. */
  actorOf(cookie: string): Promise<Actor>;
  close(): Promise<void>;
}

export { DEFAULT_TEST_MEMBERS, TEST_FIELD_KEY };

/** The User-Agent of requests made with `inject` (light-my-request), sign-ins included. */
const INJECT_USER_AGENT = 'lightMyRequest';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
    JOBS_ENABLED: 'false',
    // The demo's administrators sign in with the password alone here; two-factor.int.test.ts
    // runs with the rule on.
    ADMIN_TWO_FACTOR: 'optional',
    ...overrides,
  });
}

export interface TestAppOptions {
  /** Synthetic demo members seeded with the committee: 600 by default, enough for scope and search. */
  members?: number;
  /** Runs the modules' demo seed steps too (the rest of the demo `npm start` shows): all, or those of the named modules. */
  moduleSeeds?: boolean | readonly string[];
  /** Receives the app's log lines (with LOG_LEVEL set in `env`). */
  logStream?: { write(line: string): void };
  /** A migrated, empty store of the test's own (a cluster it runs) instead of a copy of the template. */
  store?: Store & { dispose(): Promise<void> };
}

/** The real app on a fresh store holding the demo committee, demo accounts and demo members. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const config = testConfig(env);
  // The run's seeded template holds the demo with the default members and the test key.
  const template =
    (options.members ?? DEFAULT_TEST_MEMBERS) === DEFAULT_TEST_MEMBERS &&
    !env.FIELD_ENCRYPTION_KEY &&
    !options.store
      ? (inject('demoTemplate') ?? null)
      : null;
  const store = options.store ?? (await createTestStore(template));
  if (!template)
    await seedDemo(store.db, fieldCryptoFor(config), { members: options.members ?? DEFAULT_TEST_MEMBERS });
  const app = await buildApp(config, store, options.logStream ? { logStream: options.logStream } : {});
  await app.ready();
  const seeds = options.moduleSeeds;
  if (seeds) await runSeeds(app.platform, undefined, seeds === true ? undefined : seeds);
  const request = (opts: InjectOptions & { cookie?: string }) => {
    const { cookie, headers, ...rest } = opts;
    return app.inject({ ...rest, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  };
  return {
    app,
    store,
    config,
    services: app.platform.services,
    request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const raw = res.headers['set-cookie'];
      const first = Array.isArray(raw) ? raw[0] : raw;
      return first!.split(';')[0]!;
    },
    async actorOf(cookie) {
      const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
      // The session is bound to the client that signed in: inject's own User-Agent.
      const client = { ip: null, userAgent: INJECT_USER_AGENT };
      return (await app.platform.services.auth.authenticate(token, client)).actor;
    },
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}

/**
 * Another instance of the app on the test app's database, as behind a load balancer: on
 * PostgreSQL with a connection pool of its own, on PGlite (one process) on the same store.
 */
export async function secondInstance(
  t: Pick<TestApp, 'store' | 'config'>,
  poolSize = 5,
): Promise<{ app: FastifyInstance; store: Store; close(): Promise<void> }> {
  const url = (t.store as Store & { url?: string }).url;
  const store = url ? await openStore({ databaseUrl: url, poolSize }) : t.store;
  const app = await buildApp(t.config, store);
  await app.ready();
  return {
    app,
    store,
    async close() {
      await app.close();
      if (store !== t.store) await store.close();
    },
  };
}

/** The fields a 400 problem names, sorted: what a form would mark. */
export function faultyFields(res: { json(): unknown }): string[] {
  return (res.json() as { fields: { path: string }[] }).fields.map((f) => f.path).sort();
}
