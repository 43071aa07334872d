/**
 * Every operation of the OpenAPI document, fed requests generated from its own contract
 * (test/contract): with no session and as each demo role, with fitting, nearly fitting and
 * hostile paths, queries and bodies. For every answer: never a 5xx; a refusal is problem+json
 * with a stable code, a Chinese message and, for a 400, the field at fault; a refused request
 * writes nothing (no member, org, user, lead, file or audit row, but the failed sign-in the audit
 * must record). Each upload route of the document (a multipart form) is also sent, once each,
 * files built to hurt it (test/contract/uploads.ts): a spreadsheet upload refuses every one with
 * a 4xx and answers the next request. After the run the audit chain verifies.
 *
 * Seeded and bounded: FUZZ_SEED and FUZZ_RUNS (requests per operation: by default 40 on
 * PostgreSQL and 20 on PGlite, from a different seed, so that the two stores walk 60 different
 * requests per operation between them in one CI run, within the CI's time; a longer local run
 * is FUZZ_RUNS=100) change it;
 * FUZZ_ONLY=<part of a route> walks some routes only; FUZZ_STATS=1 prints how each route answered.
 * A new module joins by being in the OpenAPI document.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app';
import { type GeneratedRequest, type KnownIds, requestFor } from '../test/contract/arbitraries';
import { type Operation, operationsOf } from '../test/contract/operations';
import { columnsOf, fittingFields, formData, hostileFiles } from '../test/contract/uploads';
import { queryRows } from './db/client';
import { verifyChain } from './modules/audit/audit.service';
import { hashPassword } from './modules/auth/auth.password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-committee';

const ON_PGLITE = (process.env.TEST_STORE ?? 'pglite') === 'pglite';
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_205) + (ON_PGLITE ? 1_000_000 : 0);
const RUNS = Number(process.env.FUZZ_RUNS ?? (ON_PGLITE ? 20 : 40));
const ACTORS = DEMO_ACCOUNTS.map((a) => a.username);

/** Refusals that must leave a trace: a failed password is audited and counted toward the lock. */
const AUDITED_REFUSALS = new Set(['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'WRONG_PASSWORD']);
/** Refusals of the request as a whole, which name no field. */
const WHOLE_REQUEST = new Set(['INVALID_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST']);

// Built while the file is collected, so that each operation of the document is its own test.
const t: TestApp = await createTestApp({}, { members: 120 });
const operations: Operation[] = operationsOf(
  (await t.request({ method: 'GET', url: '/api/openapi.json' })).json(),
);
let ids: KnownIds;
let demoHash: string;
const cookies = new Map<string, string>();

interface Counts {
  members: number;
  orgs: number;
  users: number;
  leads: number;
  files: number;
  audit: number;
}

const counts = async (): Promise<Counts> =>
  (
    await queryRows<Counts>(
      t.store.db,
      sql`select (select count(*)::int from members) as members, (select count(*)::int from orgs) as orgs,
        (select count(*)::int from users) as users, (select count(*)::int from finding_leads) as leads,
        (select count(*)::int from files) as files, (select count(*)::int from audit_log) as audit`,
    )
  )[0]!;

const column = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ id: number }>(t.store.db, query)).map((r) => Number(r.id));

/**
 * A session of the demo account. An earlier request may have signed it out, locked it or reset
 * its password (that is the API working): the account is put back as seeded and signed in again.
 */
async function cookieOf(username: string): Promise<string> {
  const cached = cookies.get(username);
  if (cached) return cached;
  await t.store.db.execute(
    sql`update users set password_hash = ${demoHash}, must_change_password = false, disabled = false
        where username = ${username}`,
  );
  await t.store.db.execute(sql`delete from login_throttle where username = ${username}`);
  const cookie = await t.login(username, DEMO_PASSWORD);
  cookies.set(username, cookie);
  return cookie;
}

const HAN = /\p{Script=Han}/u;

/** How each operation answered (FUZZ_STATS=1 prints it): which requests got how deep. */
const answers = new Map<string, number>();
const tally = (op: Operation, status: number, code: string) => {
  const key = `${op.method} ${op.path} ${status} ${code}`;
  answers.set(key, (answers.get(key) ?? 0) + 1);
};

function describeRequest(actor: string | null, req: GeneratedRequest, status: number, body: string) {
  const payload =
    typeof req.payload === 'string' ? req.payload.slice(0, 300) : `<${req.payload?.length ?? 0} bytes>`;
  return `${actor ?? 'anonymous'} ${req.method} ${req.url.slice(0, 300)} [${req.note}] ${payload} → ${status} ${body.slice(0, 300)}`;
}

async function findingCampaign(): Promise<number> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/finding/campaigns',
    cookie: await cookieOf('office'),
    payload: {
      name: '名单导入行动',
      orgId: (await column(sql`select id from orgs order by id limit 1`))[0],
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      targetCount: 100,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  demoHash = await hashPassword(DEMO_PASSWORD);
  const byResource = {
    members: await column(sql`select id from members order by id limit 40`),
    orgs: await column(sql`select id from orgs order by id limit 40`),
    users: await column(sql`select id from users order by id`),
    positions: await column(sql`select id from org_positions order by id limit 20`),
    roles: await column(sql`select id from role_assignments order by id`),
    sessions: await column(sql`select id from sessions order by id limit 20`),
    // A finding campaign, for the routes of its leads (their import among them).
    campaigns: [await findingCampaign()],
  };
  ids = { byResource, any: [...new Set(Object.values(byResource).flat())] };
});
afterAll(async () => {
  if (process.env.FUZZ_STATS)
    process.stdout.write(
      `${[...answers]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join('\n')}\n`,
    );
  await t.close();
});

/**
 * Sends the request as the actor (or anonymous) and checks the answer: never a 5xx; a refusal is a
 * problem document with a code, a Chinese message and the fields at fault, and writes nothing.
 */
async function send(op: Operation, actor: string | null, req: GeneratedRequest) {
  const cookie = actor ? await cookieOf(actor) : undefined;
  const before = await counts();
  const res = await t.request({ ...req, ...(cookie ? { cookie } : {}) });
  const what = describeRequest(actor, req, res.statusCode, res.body);
  tally(op, res.statusCode, res.statusCode >= 400 ? res.json().code : '');
  expect(res.statusCode, what).toBeLessThan(500);
  if (res.statusCode === 401 && actor) cookies.delete(actor);
  if (res.statusCode < 400) return res;
  expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
  const problem = res.json();
  expect(problem.code, what).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(problem.message, what).toMatch(HAN);
  if (res.statusCode === 400 && !WHOLE_REQUEST.has(problem.code)) {
    expect(problem.fields?.length, what).toBeGreaterThan(0);
    for (const f of problem.fields) expect(f.message, what).toMatch(HAN);
  }
  const after = await counts();
  const expected = AUDITED_REFUSALS.has(problem.code) ? { ...before, audit: after.audit } : before;
  expect(after, `a refused request wrote: ${what}`).toEqual(expected);
  return res;
}

describe('every operation of the OpenAPI document, under generated hostile input', () => {
  it('has the operations to walk', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    // The upload routes, found by their multipart form (the member and lead imports, files).
    expect(operations.filter((op) => op.multipart).length).toBeGreaterThanOrEqual(3);
  });

  // One test per operation, each with its own seed, so a failure names the route and replays alone.
  const names = process.env.FUZZ_ONLY ? process.env.FUZZ_ONLY.split(',') : null;
  const walked = operations
    .map((op, index) => ({ ...op, index }))
    .filter((op) => !names || names.some((n) => `${op.method} ${op.path}`.includes(n)));
  it.each(walked)('$method $path', async (op) => {
    const property = fc.asyncProperty(
      fc.constantFrom(null, ...ACTORS),
      requestFor(op, ids),
      async (actor, req) => {
        await send(op, actor, req);
      },
    );
    await fc.assert(property, { seed: SEED + op.index, numRuns: RUNS, endOnFailure: true });
  });

  // Each upload route, sent each hostile file once as the committee office (whose scope lets a
  // request go furthest), with fields that carry a file as far as its content: a spreadsheet upload
  // refuses every one.
  const uploads = walked.filter((op) => op.multipart);
  it.each(uploads)('$method $path refuses files built to hurt it, and answers after', async (op) => {
    const path = op.path.replace(
      /\/(\w+)\/:\w+/g,
      (_, r: string) => `/${r}/${(ids.byResource[r] ?? ids.any)[0]}`,
    );
    const upload = (fields: Record<string, string>, file: Buffer, name: string): GeneratedRequest => {
      const body = formData(fields, file, name);
      return { method: op.method, url: path, headers: { 'content-type': body.contentType }, ...body };
    };
    const cookie = await cookieOf('office');
    // The first of some fitting forms whose empty file is refused for the file itself.
    let fields: Record<string, string> | undefined;
    for (let i = 0; i < 60 && !fields; i++) {
      const tried = fittingFields(op.multipart!, ids, SEED + op.index + i);
      const res = await t.request({ ...upload(tried, Buffer.alloc(0), 'an empty file'), cookie });
      if (res.statusCode === 400 && res.json().fields?.some((f: { path: string }) => f.path === 'file'))
        fields = tried;
    }
    expect(fields, 'fields that get a file read').toBeDefined();
    const spreadsheet = columnsOf(op.multipart!) !== null;
    for (const [name, file] of Object.entries(hostileFiles(op.multipart!))) {
      const res = await send(op, 'office', upload(fields!, file, name));
      if (spreadsheet) {
        expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(400);
        expect(res.json().fields, name).toEqual([expect.objectContaining({ path: 'file' })]);
      }
      const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', cookie: await cookieOf('office') });
      expect(me.statusCode, `after ${name}`).toBe(200);
    }
  });

  it('leaves the audit chain intact', async () => {
    expect(await verifyChain(t.store.db)).toMatchObject({ status: 'intact', firstBrokenSeq: null });
  });
});
