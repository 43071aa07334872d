import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { auditCount, branchOf } from '../../../../test/factories';
import { demoReadScopes, type ReadScope } from '../../../../test/member-counts';
import { memberBody } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';

let t: TestApp;
let scopes: ReadScope[];
let office: string;

beforeAll(async () => {
  t = await createTestApp({}, { moduleSeeds: true });
  scopes = await demoReadScopes(t);
  office = scopes[0]!.cookie;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url, headers, ...(cookie ? { cookie } : {}) });
const fresh = () => t.services.screen.screen.clearCache();
const one = async (query: SQL) =>
  Number((await queryRows<{ n: number | string }>(t.store.db, query))[0]?.n ?? 0);
const ON_ROLLS = sql`status in ('active', 'lost')`;
const COMMITTEE_KEY = sql.raw(
  `case when strpos(org_path, '.') = 0 then org_path else split_part(org_path, '.', 2) end`,
);

async function groups(column: SQL, where: SQL) {
  const rows = await queryRows<{ code: string; count: number }>(
    t.store.db,
    sql`select ${column} as code, count(*)::int as count from members
      where ${ON_ROLLS} and ${where} and ${column} is not null group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.count]));
}
const asMap = (areas: { code: string; count: number }[]) =>
  Object.fromEntries(areas.map((a) => [a.code, a.count]));

describe('GET /api/v1/stats/overview and /api/v1/stats/screen', () => {
  it('401 without a session, 403 without stats.read', async () => {
    for (const url of ['/api/v1/stats/overview', '/api/v1/stats/screen']) {
      expect((await get(url)).statusCode).toBe(401);
      for (const who of ['auditor', 'member', 'admin']) {
        expect((await get(url, await t.login(who))).statusCode, `${who} ${url}`).toBe(403);
      }
    }
  });

  it("gives each scope figures equal to direct counts of the records, and nothing of another scope's", async () => {
    for (const { who, cookie, where } of scopes) {
      fresh();
      const res = await get('/api/v1/stats/screen', cookie);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      const s = res.json();
      expect(s.overview.members, who).toBe(
        await one(sql`select count(*)::int as n from members where ${ON_ROLLS} and ${where}`),
      );
      expect(s.overview.committees, who).toBe(
        await one(
          sql`select count(distinct ${COMMITTEE_KEY})::int as n from members
            where ${ON_ROLLS} and ${where} and strpos(org_path, '.') > 0`,
        ),
      );
      expect(asMap(s.byDistrict), who).toEqual(await groups(sql.raw('host_district'), where));
      expect(asMap(s.byCounty), who).toEqual(await groups(sql.raw('home_county'), where));
      expect(s.byDistrict.find((d: { code: string }) => d.code === '110112')?.name ?? '通州区').toBe(
        '通州区',
      );
      expect(s.feed.length).toBeLessThanOrEqual(20);
      for (const f of s.feed)
        expect(Object.keys(f).sort(), who).toEqual(['kind', 'name', 'occurredOn', 'title']);
      expect(s.refreshSeconds).toBe(60);
      const overview = (await get('/api/v1/stats/overview', cookie)).json();
      expect(overview, who).toEqual(s.overview);
    }
    const [, tongzhou, kangbao, xicheng] = scopes.map((s) => s.cookie) as [string, string, string, string];
    fresh();
    const kb = (await get('/api/v1/stats/screen', kangbao)).json();
    expect(kb.byCounty.map((c: { code: string }) => c.code)).toEqual(['130723']);
    expect(kb.hometown.every((c: { code: string }) => c.code === '130723')).toBe(true);
    const xc = (await get('/api/v1/stats/screen', xicheng)).json();
    expect(xc.byDistrict.map((c: { code: string }) => c.code)).toEqual(['110102']);
    // A district viewer reads no hometown ledger and no finding campaign: those figures are null.
    expect(xc.overview.projects).toBeNull();
    expect(xc.finding).toBeNull();
    const tz = (await get('/api/v1/stats/screen', tongzhou)).json();
    expect(tz.overview.committees).toBe(1);
  });

  it("gives the office the ledgers' figures, the founding drive, the 平安守望 board and this month's meetings", async () => {
    fresh();
    const s = (await get('/api/v1/stats/screen', office)).json();
    const o = s.overview;
    expect(o.committees).toBe(17);
    expect(o.projects).toBe(await one(sql`select count(*)::int as n from hometown_projects`));
    expect(o.investmentFen).toBe(
      await one(sql`select coalesce(sum(signed_fen), 0)::bigint as n from hometown_projects`),
    );
    expect(o.donationsFen).toBe(
      await one(sql`select coalesce(sum(amount_fen), 0)::bigint as n from hometown_donations`),
    );
    expect(o.covidFen).toBe(
      await one(
        sql`select coalesce(sum(amount_fen), 0)::bigint as n from hometown_donations where purpose = 'covid'`,
      ),
    );
    expect(o.labourPersonTimes).toBe(
      await one(sql`select coalesce(sum(person_times), 0)::int as n from hometown_placements`),
    );
    const drive = await one(sql`select id as n from finding_campaigns order by target_count desc limit 1`);
    expect(o.found).toBe(
      await one(
        sql`select count(*)::int as n from finding_leads where campaign_id = ${drive} and state = 'found'`,
      ),
    );
    expect(s.finding.found).toBe(o.found);
    expect(s.finding.daily.at(-1)?.cumulative ?? 0).toBe(o.found);
    expect(o.found).toBeGreaterThan(0);

    expect(s.volunteer.title).toContain('平安守望');
    const campaignId = await one(
      sql`select id as n from volunteer_campaigns where title like '%平安守望%' order by starts_on desc, id desc limit 1`,
    );
    const board = (await get(`/api/v1/volunteer/campaigns/${campaignId}/summary`, office)).json();
    expect([o.volunteers, o.servedPersonTimes]).toEqual([board.totals.volunteers, board.totals.served]);

    const month = await queryRows<{ planned: number; held: number }>(
      t.store.db,
      sql`select count(*)::int as planned, (count(*) filter (where state in ('held', 'archived')))::int as held
        from meetings where state <> 'cancelled'
          and to_char(coalesce(held_at, planned_at) at time zone 'Asia/Shanghai', 'YYYY-MM')
            = to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM')`,
    );
    expect({ planned: s.life.planned, held: s.life.held }).toEqual(month[0]);
    expect(s.life.byCommittee.reduce((n: number, c: { planned: number }) => n + c.planned, 0)).toBe(
      s.life.planned,
    );
  });

  it('shows a new member on the next refresh', async () => {
    fresh();
    const before = (await get('/api/v1/stats/screen', office)).json();
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch.id, { homeCounty: '130723', hostDistrict: '110112' }),
      cookie: office,
    });
    expect(created.statusCode).toBe(201);
    fresh();
    const after = (await get('/api/v1/stats/screen', office)).json();
    expect(after.overview.members).toBe(before.overview.members + 1);
    const tz = (s: { byDistrict: { code: string; count: number }[] }) =>
      s.byDistrict.find((d) => d.code === '110112')?.count ?? 0;
    expect(tz(after)).toBe(tz(before) + 1);
  });
});

describe('kiosk links', () => {
  const pub = (token?: string) =>
    get('/api/v1/public/screen', undefined, token === undefined ? {} : { 'x-screen-token': token });

  it('401, 403 and 400 on the management routes', async () => {
    expect((await get('/api/v1/screen-tokens')).statusCode).toBe(401);
    const tongzhou = scopes[1]!.cookie;
    expect((await get('/api/v1/screen-tokens', tongzhou)).statusCode).toBe(403);
    const post = (payload: object, cookie?: string) =>
      t.request({ method: 'POST', url: '/api/v1/screen-tokens', payload, ...(cookie ? { cookie } : {}) });
    expect((await post({ label: 'x' })).statusCode).toBe(401);
    expect((await post({ label: '大厅' }, tongzhou)).statusCode).toBe(403);
    const bad = await post({ label: '' }, office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((e: { path: string }) => e.path)).toEqual(['label']);
    const revoke = (id: string, cookie?: string) =>
      t.request({ method: 'POST', url: `/api/v1/screen-tokens/${id}/revoke`, ...(cookie ? { cookie } : {}) });
    expect((await revoke('1')).statusCode).toBe(401);
    expect((await revoke('1', tongzhou)).statusCode).toBe(403);
    expect((await revoke('abc', office)).statusCode).toBe(400);
    expect((await revoke('999999', office)).statusCode).toBe(404);
  });

  it('a link reads the whole committee’s screen and nothing else, until revoked', async () => {
    const issued = await t.request({
      method: 'POST',
      url: '/api/v1/screen-tokens',
      payload: { label: '昌平党员之家一楼大厅' },
      cookie: office,
    });
    expect(issued.statusCode).toBe(201);
    const { id, token } = issued.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await auditCount(t.store, 'screen.token_issued', id)).toBe(1);

    // Only the keyed hash is stored; the token is never in a list or an audit row.
    const stored = await queryRows<{ token_hash: string }>(
      t.store.db,
      sql`select token_hash from screen_tokens where id = ${id}`,
    );
    expect(stored[0]!.token_hash).not.toContain(token);
    const list = await get('/api/v1/screen-tokens', office);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json().items[0]).toMatchObject({
      id,
      label: '昌平党员之家一楼大厅',
      lastUsedAt: null,
      revokedAt: null,
    });

    expect((await pub()).statusCode).toBe(401);
    const unknown = await pub('not-a-token');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toMatch(/数据大屏链接无效/);

    fresh();
    const kiosk = await pub(token);
    expect(kiosk.statusCode, kiosk.body).toBe(200);
    expect(kiosk.headers['cache-control']).toBe('no-store');
    const whole = (await get('/api/v1/stats/screen', office)).json();
    expect(kiosk.json().overview).toEqual(whole.overview);
    expect(kiosk.json().byCounty).toEqual(whole.byCounty);
    const used = (await get('/api/v1/screen-tokens', office)).json().items[0].lastUsedAt;
    expect(used).not.toBeNull();
    await pub(token);
    expect((await get('/api/v1/screen-tokens', office)).json().items[0].lastUsedAt).toBe(used);

    // The token opens nothing else.
    for (const url of [
      '/api/v1/stats/screen',
      '/api/v1/stats/overview',
      '/api/v1/members?limit=1',
      '/api/v1/screen-tokens',
      '/api/v1/workbench',
      '/api/v1/auth/me',
    ]) {
      expect((await get(url, undefined, { 'x-screen-token': token })).statusCode, url).toBe(401);
    }

    const revoked = await t.request({
      method: 'POST',
      url: `/api/v1/screen-tokens/${id}/revoke`,
      cookie: office,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(await auditCount(t.store, 'screen.token_revoked', id)).toBe(1);
    const after = await pub(token);
    expect(after.statusCode).toBe(401);
    const audits = await queryRows<{ row: string }>(
      t.store.db,
      sql`select row_to_json(a)::text as row from audit_log a where action like 'screen.token_%'`,
    );
    expect(audits.length).toBe(2);
    for (const a of audits) expect(a.row).not.toContain(token);
  });
});
