/**
 * Who may call what, walked over every route of every module: the permission each route
 * declares (shown as `x-permission` in the OpenAPI document) against each demo role, and the
 * records behind the read routes against each role's scope.
 */
import { type Action, ROLE_ACTIONS, type Role } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { type Operation, operationsOf } from '../test/contract/operations';
import { createScopeRecords, recordSources, type ScopedRecord } from '../test/scope-records';
import { MODULES } from './app';
import type { AnyModule } from './lib/modules';
import { type Actor, can } from './policy/policy';
import { DEMO_ACCOUNTS } from './seed/demo-committee';

let t: TestApp;
let operations: Operation[];
const cookies = new Map<string, string>();
const actors = new Map<string, Actor>();

beforeAll(async () => {
  // With the archive room's demo records, for the route that reads an item by id (the other
  // domains' records are made below, a few by API call: their demo seeds cost seconds each).
  t = await createTestApp({}, { members: 150, moduleSeeds: ['archives'] });
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

/**
 * Routes that read a record by its id and are not walked here (yet), by why: their modules' own
 * tests walk their scope. A new such route joins the walk below or this list.
 */
const NOT_WALKED: Record<string, string[]> = {
  'the caller’s own records (self scope) and codes to sign in with': [
    ...['/api/v1/courses/mine/:id', '/api/v1/courses/mine/:id/document', '/api/v1/study/hours/members/:id'],
    ...[
      '/api/v1/trainings/sessions/:sessionId/sign-in-code',
      '/api/v1/volunteer/campaigns/:id/posts/:postId/code',
    ],
  ],
  'a training session: a record under a record': ['/api/v1/trainings/sessions/:sessionId/attendance'],
  'domains outside this walk so far': [
    ...['/api/v1/archives/:id/loans', '/api/v1/certificates/:id', '/api/v1/courses/:id', '/api/v1/files/:id'],
    ...['/api/v1/dues/bases/:id', '/api/v1/dues/months/:id', '/api/v1/dues/months/:id/report'],
    ...['/api/v1/dues/payments/:id', '/api/v1/dues/reliefs/:id', '/api/v1/finding/campaigns/:id'],
    ...[
      '/api/v1/finding/campaigns/:id/leads',
      '/api/v1/finding/campaigns/:id/progress',
      '/api/v1/finding/leads/:id',
    ],
    ...['/api/v1/member-reports/:id', '/api/v1/notices/:id', '/api/v1/notices/:id/receipts'],
    ...['/api/v1/points/runs/:id/verify', '/api/v1/reflections/:id', '/api/v1/reflections/:id/comments'],
    ...['/api/v1/registrations/:id', '/api/v1/settings/:key', '/api/v1/stats/reports/feedback-runs/:id'],
    ...['/api/v1/transfers/:id', '/api/v1/users/:id'],
  ],
};

describe('the records behind the read routes, against each role’s scope', () => {
  /**
   * Routes that read one record (or what hangs off it) by its id, with who may read each record:
   * the route's action over any of the record's targets, or another action over another target (a
   * meeting's attendee reads it as a member). A route declared 'session' names the action it
   * checks on the record.
   */
  const { placed, meetings, rounds, sampleMembers, sampleOrgs } = recordSources(() => t.store.db);
  const RECORD_ROUTES: { path: string; action?: Action; records: () => Promise<ScopedRecord[]> }[] = [
    ...['', '/history', '/activity', '/contacts'].map((s) => ({
      path: `/api/v1/members/:id${s}`,
      records: sampleMembers,
    })),
    { path: '/api/v1/orgs/:id', records: sampleOrgs },
    {
      path: '/api/v1/archives/:id',
      records: () =>
        placed(sql`select id, org_path, null, null from archive_items order by id % 7, id limit 60`),
    },
    // A member's dues: the member's record decides.
    { path: '/api/v1/dues/members/:memberId', records: sampleMembers },
    // A meeting is read over its branch, and by its attendees.
    { path: '/api/v1/meetings/:id', action: 'meeting.read', records: meetings },
    ...['/attendance', '/sign-in-code'].map((s) => ({
      path: `/api/v1/meetings/:id${s}`,
      records: () => placed(sql`select id, org_path, null, null from meetings`),
    })),
    ...['', '/sessions', '/enrolments'].map((s) => ({
      path: `/api/v1/trainings/:id${s}`,
      records: () => placed(sql`select id, org_path, null, null from trainings`),
    })),
    // A round is read over its branch, and by the home viewer of any of its participants.
    ...['', '/participants', '/peer-reviews', '/appeals'].map((s) => ({
      path: `/api/v1/evaluations/:id${s}`,
      records: rounds,
    })),
    // A campaign is read over its organizer's subtree and by the viewer of its host district.
    ...['', '/shifts', '/summary', '/roster', '/rounds', '/incidents'].map((s) => ({
      path: `/api/v1/volunteer/campaigns/:id${s}`,
      records: () => placed(sql`select id, org_path, null, host_district from volunteer_campaigns`),
    })),
    // Hometown records are read over the recording org and by the viewer of the county they serve.
    ...[
      ['projects', 'hometown_projects'],
      ['donations', 'hometown_donations'],
      ['labour/postings', 'hometown_job_postings'],
      ['labour/placements', 'hometown_placements'],
    ].map(([route, table]) => ({
      path: `/api/v1/hometown/${route}/:id`,
      records: () => placed(sql`select id, org_path, county_code, null from ${sql.identifier(table!)}`),
    })),
    // Care records are read over the org that keeps them and by the viewer of the member's home county.
    ...[
      ['care/visits', 'care_visits'],
      ['care/help', 'care_help'],
      ['honours', 'honours'],
    ].map(([route, table]) => ({
      path: `/api/v1/${route}/:id`,
      records: () =>
        placed(sql`select r.id, r.org_path, m.home_county, null from ${sql.identifier(table!)} r
          left join members m on m.id = r.member_id`),
    })),
  ];

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
    '%s: 200 inside the scope, 404 outside, for every role that may read',
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
        for (const { id, reads } of records) {
          const res = await t.request({
            method: 'GET',
            url: path.replace(/:\w+/, String(id)),
            cookie: cookies.get(username)!,
          });
          const allowed = reads.some((r) => can(actor, r.action ?? action, r.target));
          if (allowed) inside++;
          else outside++;
          // Outside, a problem document only: nothing of the record.
          const problem = /^application\/problem\+json/.test(String(res.headers['content-type']));
          if (res.statusCode !== (allowed ? 200 : 404) || (!allowed && !problem))
            leaks.push(`${username} ${path} #${id}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(inside, 'some records inside a scope').toBeGreaterThan(0);
      expect(outside, 'some records outside a scope').toBeGreaterThan(0);
    },
  );
});
