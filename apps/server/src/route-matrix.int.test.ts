/**
 * Who may call what, walked over every route of every module: the permission each route
 * declares (shown as `x-permission` in the OpenAPI document) against each demo role, and the
 * records behind the read routes against each role's scope.
 */
import { ROLE_ACTIONS, type Role } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { type Operation, operationsOf } from '../test/contract/operations';
import { MODULES } from './app';
import { queryRows } from './db/client';
import type { AnyModule } from './lib/modules';
import { memberTarget } from './modules/members/record/members.scope';
import { type Actor, can, type Target } from './policy/policy';
import { DEMO_ACCOUNTS } from './seed/demo-committee';

let t: TestApp;
let operations: Operation[];
const cookies = new Map<string, string>();
const actors = new Map<string, Actor>();

beforeAll(async () => {
  // With the archive room's demo records, for the route that reads an item by id.
  t = await createTestApp({}, { members: 150, moduleSeeds: ['archives'] });
  operations = operationsOf((await t.request({ method: 'GET', url: '/api/openapi.json' })).json());
  for (const { username } of DEMO_ACCOUNTS) {
    const cookie = await t.login(username);
    cookies.set(username, cookie);
    actors.set(username, await t.actorOf(cookie));
  }
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
  /** Routes that read one record by its id, with the policy target of that record. */
  const RECORD_ROUTES: { path: string; ids: () => Promise<{ id: number; target: Target }[]> }[] = [
    { path: '/api/v1/members/:id', ids: sampleMembers },
    { path: '/api/v1/members/:id/history', ids: sampleMembers },
    { path: '/api/v1/members/:id/activity', ids: sampleMembers },
    { path: '/api/v1/members/:id/contacts', ids: sampleMembers },
    { path: '/api/v1/orgs/:id', ids: sampleOrgs },
    // A domain's records held by an org of the tree and read in that org's subtree. (A meeting is
    // also read by its attendees, an evaluation round by the county viewer of its members: their own
    // tests walk those rules.)
    { path: '/api/v1/archives/:id', ids: () => recordsOfOrgs('archive_items') },
    // A member's dues: the member's record decides.
    { path: '/api/v1/dues/members/:memberId', ids: sampleMembers },
  ];

  /** Up to 60 records of the table, spread over the tree, each with its org as the target. */
  async function recordsOfOrgs(table: string) {
    const rows = await queryRows<{ id: number; path: string }>(
      t.store.db,
      sql`select r.id, o.path from ${sql.identifier(table)} r join orgs o on o.id = r.org_id
          order by r.id % 7, r.id limit 60`,
    );
    return rows.map((r) => ({ id: r.id, target: { type: 'org' as const, path: r.path } }));
  }

  async function sampleMembers() {
    const rows = await queryRows<{
      id: number;
      org_path: string;
      home_county: string;
      host_district: string | null;
    }>(
      t.store.db,
      sql`select id, org_path, home_county, host_district from members order by id % 7, id limit 60`,
    );
    return rows.map((r) => ({
      id: r.id,
      target: memberTarget({
        id: r.id,
        orgPath: r.org_path,
        homeCounty: r.home_county,
        hostDistrict: r.host_district,
      }),
    }));
  }

  async function sampleOrgs() {
    const rows = await queryRows<{ id: number; path: string }>(
      t.store.db,
      sql`select id, path from orgs order by id`,
    );
    return rows.map((r) => ({ id: r.id, target: { type: 'org' as const, path: r.path } }));
  }

  it.each(RECORD_ROUTES.map((r) => r.path))(
    '%s: 200 inside the scope, 404 outside, for every role that may read',
    async (path) => {
      const route = RECORD_ROUTES.find((r) => r.path === path)!;
      const op = operations.find((o) => o.path === path && o.method === 'GET')!;
      const records = await route.ids();
      const leaks: string[] = [];
      let inside = 0;
      let outside = 0;
      for (const { username } of DEMO_ACCOUNTS.filter((a) => holds(a.username, op.permission!))) {
        const actor = actors.get(username)!;
        for (const { id, target } of records) {
          const res = await t.request({
            method: 'GET',
            url: path.replace(/:\w+/, String(id)),
            cookie: cookies.get(username)!,
          });
          const allowed = can(actor, op.permission as never, target);
          if (allowed) inside++;
          else outside++;
          if (res.statusCode !== (allowed ? 200 : 404))
            leaks.push(`${username} ${path} #${id}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(inside, 'some records inside a scope').toBeGreaterThan(0);
      expect(outside, 'some records outside a scope').toBeGreaterThan(0);
    },
  );
});
