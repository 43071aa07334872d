import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { createUser } from '../test/factories';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Route {
  method: HTTPMethods;
  path: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (not from the OpenAPI
 * document, which is what is being checked): `printRoutes` draws one node per line,
 * four columns per level, each node's segment followed by its methods.
 */
function servedRoutes(app: TestApp['app']): Route[] {
  const stack: string[] = [];
  const routes: Route[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('').replace(/(.)\/$/, '$1');
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') routes.push({ method: method as HTTPMethods, path });
    }
  }
  const seen = new Set<string>();
  return routes.filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const apiRoutes = () => servedRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/'));
const concrete = (path: string) => path.replace(/:\w+/g, '1');
const key = (r: Route) => `${r.method} ${r.path}`;

async function openApi() {
  const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
    components: { schemas: Record<string, unknown> };
  };
}

describe('the route list', () => {
  it('is read from the app correctly', () => {
    const keys = apiRoutes().map(key);
    expect(keys).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'DELETE /api/v1/users/:id/roles/:assignmentId']),
    );
    expect(keys).toContain('GET /api/v1/audit/verify');
    expect(keys.length).toBeGreaterThanOrEqual(23);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every /api/v1 route, with the shared schemas', async () => {
    const doc = await openApi();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map(
        (m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1')}`,
      ),
    );
    expect(documented.filter((k) => k.includes(' /api/v1/')).sort()).toEqual(apiRoutes().map(key).sort());
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Org', 'Me', 'Problem']));
  });

  it('marks as open exactly the routes that answer without a session', async () => {
    const doc = await openApi();
    const open = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(open.sort()).toEqual(
      ['GET /api/health', 'GET /api/health/live', 'GET /api/health/ready', ...OPEN_ROUTES].sort(),
    );
  });
});

describe('GET /api/docs', () => {
  it('serves the API documentation page', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger');
  });
});

/**
 * The /api/v1 routes that answer strangers: the login, and the public pages (党员找组织) — each of
 * those under /api/v1/public/, behind its rate limits and challenge.
 */
const OPEN_ROUTES = [
  'POST /api/v1/auth/login',
  'GET /api/v1/public/challenge',
  'GET /api/v1/public/divisions',
  'POST /api/v1/public/registrations',
  'POST /api/v1/public/registrations/status',
  'POST /api/v1/public/evaluation-ballot',
  'POST /api/v1/public/evaluation-ballots',
  'GET /api/v1/public/screen',
];

describe('every /api/v1 route needs a session', () => {
  it('answers 401 without a cookie on every route but the open ones, which live under /public/', async () => {
    for (const open of OPEN_ROUTES.slice(1)) expect(open).toMatch(/^(GET|POST) \/api\/v1\/public\//);
    const routes = apiRoutes().filter((r) => !OPEN_ROUTES.includes(key(r)));
    for (const r of routes) {
      const res = await t.request({ method: r.method, url: concrete(r.path), payload: {} });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().code, key(r)).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 401 however the path is spelled (percent-encoded)', async () => {
    for (const r of apiRoutes().filter((x) => !OPEN_ROUTES.includes(key(x)))) {
      const url = concrete(r.path).replace('/api/v1/', '/%61pi/v1/');
      const res = await t.request({ method: r.method, url, payload: {} });
      expect(res.statusCode, `${r.method} ${url}`).toBe(401);
    }
  });

  it('answers 403 PASSWORD_CHANGE_REQUIRED everywhere but me, logout and password to a user who must change it', async () => {
    const user = await createUser(t.store, {
      role: 'committee_admin',
      scopeKind: 'all',
      mustChangePassword: true,
    });
    const cookie = await t.login(user.username, user.password);
    const open = ['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password'];
    for (const r of apiRoutes().filter((x) => ![...open, ...OPEN_ROUTES].includes(key(x)))) {
      const res = await t.request({ method: r.method, url: concrete(r.path), payload: {}, cookie });
      expect(res.statusCode, key(r)).toBe(403);
      expect(res.json().code, key(r)).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie })).statusCode).toBe(200);
  });
});

describe('errors', () => {
  it('answers an unknown /api/v1 path with 404 problem+json', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/no-such-thing?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: '接口不存在：GET /api/v1/no-such-thing',
    });
  });

  it('answers a malformed JSON body with 400 INVALID_JSON', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "office", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
  });

  it('sends security headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('behind a trusted proxy (TRUST_PROXY=true)', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => proxied.close());

  const login = (headers: Record<string, string>) =>
    proxied.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'office', password: 'Demo-2026' },
      headers: { host: '127.0.0.1:3000', ...headers },
    });

  it('marks the cookie Secure when the proxy says the request came over https', async () => {
    const res = await login({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await login({ 'x-forwarded-proto': 'http' });
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
  });

  it("compares the Origin with the proxy's forwarded host", async () => {
    const site = { 'x-forwarded-host': 'ningxin.example', 'x-forwarded-proto': 'https' };
    expect((await login({ ...site, origin: 'https://ningxin.example' })).statusCode).toBe(200);
    expect((await login({ ...site, origin: 'https://evil.example' })).statusCode).toBe(403);
  });
});
