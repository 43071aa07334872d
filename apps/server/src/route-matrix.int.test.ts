/**
 * Who may call what, walked over every route of every module: the permission each route
 * declares (shown as `x-permission` in the OpenAPI document) against each demo role, and the
 * records behind the read routes against each role's scope.
 */
import { type Action, ROLE_ACTIONS, ROLE_SCOPES, type Role } from '@ningxin/shared';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { type Operation, operationsOf } from '../test/contract/operations';
import { createScopeRecords, SEEDED } from '../test/scope-records/create';
import { expectedStatus, urlOf } from '../test/scope-records/model';
import { NOT_WALKED, recordRoutes } from '../test/scope-records/routes';
import { HELD_OVER_EVERYTHING, NOT_WALKED_WRITES } from '../test/scope-records/write-bodies';
import { type Caller, walkInside, walkOutside } from '../test/scope-records/write-walk';
import { writeRoutes } from '../test/scope-records/writes';
import { MODULES } from './app';
import type { AnyModule } from './lib/modules';
import type { Actor } from './policy/policy';
import { DEMO_ACCOUNTS } from './seed/demo-committee';

let t: TestApp;
let operations: Operation[];
const cookies = new Map<string, string>();
const actors = new Map<string, Actor>();

beforeAll(async () => {
  // With the demo records of the domains whose seeds are cheap on 150 members; the other domains'
  // records are made below, a few by API call (their demo seeds cost seconds each).
  t = await createTestApp({}, { members: 150, moduleSeeds: SEEDED });
  operations = operationsOf((await t.request({ method: 'GET', url: '/api/openapi.json' })).json());
  for (const { username } of DEMO_ACCOUNTS) {
    const cookie = await t.login(username);
    cookies.set(username, cookie);
    actors.set(username, await t.actorOf(cookie));
  }
  await createScopeRecords(t, cookies.get('office')!);
});
afterAll(() => t.close());

/** The routes a module mounts, read by mounting them alone on a bare server. */
async function routesOf(module: AnyModule): Promise<string[]> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const seen: string[] = [];
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') seen.push(`${m} ${r.url.replace(/(.)\/$/, '$1')}`);
  });
  const mounts = module.routes?.(t.services[module.name] as never, t.app.platform.ctx) ?? [];
  await app.register(
    async (api) => {
      for (const mount of mounts) await mount.register(api);
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  await app.close();
  return seen;
}

const key = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
/** Ids no record has: the walk must change nothing (a role revoked would change the walk itself). */
const concrete = (path: string) => path.replace(/:\w+/g, '2147483646');
const rolesOf = (username: string) =>
  DEMO_ACCOUNTS.filter((a) => a.username === username).map((a) => a.role as Role);
const holds = (username: string, permission: string) =>
  permission === 'session' ||
  rolesOf(username).some((r) => (ROLE_ACTIONS[r] as readonly string[]).includes(permission));

describe('the module list', () => {
  it('puts every module’s routes in the OpenAPI document, each with a permission or public', async () => {
    const documented = new Map(operations.map((op) => [key(op), op]));
    for (const module of MODULES) {
      for (const route of await routesOf(module)) {
        const op = documented.get(route);
        expect(op, `${module.name}: ${route} is not in the OpenAPI document`).toBeDefined();
        expect(op!.public || op!.permission !== null, `${module.name}: ${route} declares no permission`).toBe(
          true,
        );
      }
    }
  });

  it('documents no route that no module mounts', async () => {
    const mounted = new Set((await Promise.all(MODULES.map(routesOf))).flat());
    expect(operations.map(key).filter((k) => !mounted.has(k))).toEqual([]);
  });
});

describe('every route × every demo role', () => {
  it('answers 403 FORBIDDEN exactly to the roles without the declared permission', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => !o.public)) {
      for (const { username } of DEMO_ACCOUNTS) {
        const res = await t.request({
          method: op.method,
          url: concrete(op.path),
          cookie: cookies.get(username)!,
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
        });
        // A route that signs the caller out (logout) is walked last of all: sign in again.
        if (op.path === '/api/v1/auth/logout' && res.statusCode === 204)
          cookies.set(username, await t.login(username));
        const forbidden = res.statusCode === 403 && res.json().code === 'FORBIDDEN';
        if (forbidden === holds(username, op.permission!))
          wrong.push(`${key(op)} as ${username}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    // Every route × every role, one after another: it grows with each module's routes.
  }, 180_000);
});

describe('the records behind the read routes, against each role’s scope', () => {
  const RECORD_ROUTES = recordRoutes(() => t);

  it('walks every route that reads one record by its id in the OpenAPI document', () => {
    const walked = new Set([...RECORD_ROUTES.map((r) => r.path), ...Object.values(NOT_WALKED).flat()]);
    const unwalked = operations
      .filter((o) => o.method === 'GET' && /\/:\w+(\/[a-z-]+)?$/.test(o.path) && !walked.has(o.path))
      .map((o) => o.path);
    expect(unwalked).toEqual([]);
    const gone = Object.values(NOT_WALKED)
      .flat()
      .filter((path) => !operations.some((o) => o.method === 'GET' && o.path === path));
    expect(gone, 'listed as not walked, but no longer in the document').toEqual([]);
  });

  it.each(RECORD_ROUTES.map((r) => r.path))(
    '%s: 200 inside the scope, else 404 (403 to who knows the record), for every role that may read',
    async (path) => {
      const route = RECORD_ROUTES.find((r) => r.path === path)!;
      const op = operations.find((o) => o.path === path && o.method === 'GET')!;
      const action = (route.action ?? op.permission) as Action;
      const records = await route.records();
      const leaks: string[] = [];
      let inside = 0;
      let outside = 0;
      for (const { username } of DEMO_ACCOUNTS.filter((a) => holds(a.username, op.permission!))) {
        const actor = actors.get(username)!;
        for (const record of records) {
          const res = await t.request({
            method: 'GET',
            url: urlOf(path, record),
            cookie: cookies.get(username)!,
          });
          const expected = expectedStatus(actor, record, action);
          if (expected === 200) inside++;
          else outside++;
          // Outside, a problem document only: nothing of the record.
          const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
          if (res.statusCode !== expected || (expected !== 200 && !problem))
            leaks.push(`${username} ${urlOf(path, record)}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(inside, 'some records inside a scope').toBeGreaterThan(0);
      expect(outside, 'some records outside a scope').toBeGreaterThan(0);
    },
  );
});

describe('the records behind the write routes, against each role’s scope', () => {
  const WRITE_ROUTES = writeRoutes(() => t);
  const opOf = (route: string) => operations.find((o) => key(o) === route)!;
  const callers = (permission: string): Caller[] =>
    DEMO_ACCOUNTS.filter((a) => holds(a.username, permission)).map(({ username }) => ({
      username,
      cookie: cookies.get(username)!,
      actor: actors.get(username)!,
    }));

  it('walks every route that changes one record by its id in the OpenAPI document', () => {
    const walked = new Set([...WRITE_ROUTES.map((r) => r.route), ...Object.values(NOT_WALKED_WRITES).flat()]);
    const unwalked = operations.filter(
      (o) => o.method !== 'GET' && /\/:\w+/.test(o.path) && !walked.has(key(o)),
    );
    expect(unwalked.map(key)).toEqual([]);
    const gone = [...walked].filter((route) => !operations.some((o) => key(o) === route));
    expect(gone, 'walked or listed as not walked, but no longer in the document').toEqual([]);
  });

  it('leaves unwalked for being held over everything only routes no role may hold in a narrower scope', () => {
    const narrower = NOT_WALKED_WRITES[HELD_OVER_EVERYTHING]!.flatMap((route) =>
      (Object.keys(ROLE_ACTIONS) as Role[])
        .filter((role) => (ROLE_ACTIONS[role] as readonly string[]).includes(opOf(route).permission!))
        .filter((role) => ROLE_SCOPES[role].some((scope) => scope !== 'all'))
        .map((role) => `${route}: ${role} (${ROLE_SCOPES[role].join(', ')})`),
    );
    expect(narrower).toEqual([]);
  });

  // Every refusal first: the calls inside the scopes below change records.
  it.each(WRITE_ROUTES.map((r) => r.route))(
    '%s: 404 outside the scope (403 to who may read), nothing changed, for every role that may write',
    async (route) => {
      const op = opOf(route);
      const { leaks, walked } = await walkOutside(
        t,
        op,
        WRITE_ROUTES.find((r) => r.route === route)!,
        callers(op.permission!),
      );
      expect(leaks, leaks.join('\n')).toEqual([]);
      expect(walked, 'some records outside a scope').toBeGreaterThan(0);
    },
  );

  // Deletions last, so that the records the other routes change are still there.
  const inside = WRITE_ROUTES.filter((r) => !r.notInside).sort(
    (a, b) => Number(a.route.startsWith('DELETE')) - Number(b.route.startsWith('DELETE')),
  );
  const used = new Map<string, number>();
  it.each(inside.map((r) => r.route))('%s: past the scope inside it', async (route) => {
    const op = opOf(route);
    const refused = await walkInside(
      t,
      op,
      inside.find((r) => r.route === route)!,
      callers(op.permission!),
      used,
    );
    expect(refused, refused ?? '').toBeNull();
  });
});
