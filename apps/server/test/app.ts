import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, createServices } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import type { Store } from '../src/db/client';
import { seedDemo } from '../src/seed/demo';
import { DEMO_PASSWORD } from '../src/seed/demo-committee';
import { createTestStore } from './store';

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  config: Config;
  services: ReturnType<typeof createServices>;
  /** Signs in and returns the Cookie header of the session. */
  login(username: string, password?: string): Promise<string>;
  /** An API request, as the given session (cookie) or anonymous. */
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', ...overrides });
}

/** The real app on a fresh store holding the demo committee and demo accounts. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const store = await createTestStore();
  await seedDemo(store.db);
  const config = testConfig(env);
  const app = await buildApp(config, store);
  await app.ready();
  const request = (opts: InjectOptions & { cookie?: string }) => {
    const { cookie, headers, ...rest } = opts;
    return app.inject({ ...rest, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  };
  return {
    app,
    store,
    config,
    services: createServices(store, config),
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
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}
