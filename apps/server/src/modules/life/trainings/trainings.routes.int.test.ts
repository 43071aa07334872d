import { addDays, localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { createUser, orgByName } from '../../../../test/factories';
import { hasPoppler, inCI, pdfPages } from '../../../../test/pdf';
import { queryRows } from '../../../db/client';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let member: string;
let memberId: number;
let tongzhouOrg: { id: number; path: string };
let haidianOrg: { id: number; path: string };
/** Active members under 通州, not the demo member. */
let pool: { id: number; name: string; orgId: number }[];
let haidianMember: { id: number; name: string };
const today = localIsoDate(new Date());
const API = '/api/v1/trainings';

const take = () => {
  const m = pool.shift();
  if (!m) throw new Error('the pool of 通州 members is used up');
  return m;
};

async function activeIn(committee: string, limit: number) {
  const org = await orgByName(t.store, committee);
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/members?orgId=${org.id}&status=active&limit=${limit}&sort=createdAt&order=asc`,
    cookie: office,
  });
  return res.json().items as { id: number; name: string; orgId: number }[];
}

const body = (extra: Record<string, unknown> = {}) => ({
  title: '2026年度流动党员示范培训班',
  kind: 'model_class',
  orgId: tongzhouOrg.id,
  startsOn: addDays(today, 10),
  endsOn: addDays(today, 12),
  place: '通州区党员教育中心',
  quota: 3,
  studyHours: 24,
  ...extra,
});

async function createClass(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: API, cookie, payload: body(extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

async function openClass(cookie: string, extra: Record<string, unknown> = {}) {
  const c = await createClass(cookie, extra);
  const res = await t.request({
    method: 'POST',
    url: `${API}/${c.id}/state`,
    cookie,
    payload: { to: 'open', version: c.version },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
}

const nominate = (cookie: string, id: number, memberIds: number[]) =>
  t.request({ method: 'POST', url: `${API}/${id}/enrolments`, cookie, payload: { memberIds } });

const auditCount = async (action: string) =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )
  )[0]!.n;

async function memberLogin(id: number) {
  const user = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: id });
  return t.login(user.username, user.password);
}

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
  haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
  [{ member_id: memberId }] = (await queryRows<{ member_id: number }>(
    t.store.db,
    sql`select member_id from users where username = 'member'`,
  )) as [{ member_id: number }];
  pool = (await activeIn('驻北京通州区流动党委', 100))
    .filter((m) => m.id !== memberId)
    .map((m) => ({ id: m.id, name: m.name, orgId: m.orgId }));
  haidianMember = (await activeIn('驻北京海淀区流动党委', 1))[0]!;
});
afterAll(() => t.close());

describe('every route', () => {
  it('401 without a session, 403 to a role without its permission, 400 on a path id that is not a number', async () => {
    const c = await openClass(tongzhou);
    const s = (
      await t.request({
        method: 'POST',
        url: `${API}/${c.id}/sessions`,
        cookie: tongzhou,
        payload: { title: '课次', startsAt: new Date().toISOString() },
      })
    ).json() as { id: number };
    const [e] = (await nominate(tongzhou, c.id, [take().id])).json().items as { id: number }[];
    const routes: [string, string, 'manage' | 'self'][] = [
      ['GET', `${API}`, 'manage'],
      ['POST', `${API}`, 'manage'],
      ['GET', `${API}/${c.id}`, 'manage'],
      ['PATCH', `${API}/${c.id}`, 'manage'],
      ['POST', `${API}/${c.id}/state`, 'manage'],
      ['GET', `${API}/${c.id}/enrolments`, 'manage'],
      ['POST', `${API}/${c.id}/enrolments`, 'manage'],
      ['POST', `${API}/${c.id}/enrolments/${e!.id}/withdraw`, 'manage'],
      ['GET', `${API}/${c.id}/enrolments/${e!.id}/certificate.pdf`, 'manage'],
      ['POST', `${API}/${c.id}/complete`, 'manage'],
      ['GET', `${API}/${c.id}/sessions`, 'manage'],
      ['POST', `${API}/${c.id}/sessions`, 'manage'],
      ['PATCH', `${API}/${c.id}/sessions/${s.id}`, 'manage'],
      ['DELETE', `${API}/${c.id}/sessions/${s.id}`, 'manage'],
      ['GET', `${API}/sessions/${s.id}/attendance`, 'manage'],
      ['PUT', `${API}/sessions/${s.id}/attendance`, 'manage'],
      ['GET', `${API}/sessions/${s.id}/sign-in-code`, 'manage'],
      ['GET', `${API}/mine`, 'self'],
      ['GET', `${API}/mine/certificates/${e!.id}.pdf`, 'self'],
      ['POST', `${API}/${c.id}/apply`, 'self'],
      ['POST', `${API}/${c.id}/withdraw`, 'self'],
      ['POST', `${API}/sessions/${s.id}/sign-in`, 'self'],
    ];
    const wrong: string[] = [];
    for (const [method, url, who] of routes) {
      const payload = method === 'GET' || method === 'DELETE' ? {} : { payload: {} };
      const anonymous = await t.request({ method: method as 'GET', url, ...payload });
      if (anonymous.statusCode !== 401) wrong.push(`${method} ${url} anonymous: ${anonymous.statusCode}`);
      for (const cookie of who === 'manage' ? [kangbao, auditor, member] : [office, tongzhou, auditor]) {
        const res = await t.request({ method: method as 'GET', url, cookie, ...payload });
        if (res.statusCode !== 403) wrong.push(`${method} ${url}: ${res.statusCode}`);
      }
      if (/\/\d+/.test(url)) {
        const bad = await t.request({
          method: method as 'GET',
          url: url.replace(/\/\d+/, '/abc'),
          cookie: who === 'manage' ? tongzhou : member,
          ...payload,
        });
        if (bad.statusCode !== 400) wrong.push(`${method} ${url} with /abc: ${bad.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('POST /api/v1/trainings', () => {
  it('401 without a session, 403 without training.manage, 400 naming every missing field', async () => {
    expect((await t.request({ method: 'POST', url: API, payload: body() })).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor, member])
      expect((await t.request({ method: 'POST', url: API, cookie, payload: body() })).statusCode).toBe(403);
    const empty = await t.request({ method: 'POST', url: API, cookie: office, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual([
      'endsOn',
      'kind',
      'orgId',
      'quota',
      'startsOn',
      'studyHours',
      'title',
    ]);
  });

  it('refuses dates out of order, an organizer outside the scope, and writes nothing', async () => {
    const before = await auditCount('training.created');
    const backwards = await t.request({
      method: 'POST',
      url: API,
      cookie: office,
      payload: body({ endsOn: addDays(today, 5) }),
    });
    expect(backwards.statusCode).toBe(400);
    expect(faultyFields(backwards)).toEqual(['endsOn']);
    const foreign = await t.request({
      method: 'POST',
      url: API,
      cookie: tongzhou,
      payload: body({ orgId: haidianOrg.id }),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('ORGANIZER_NOT_USABLE');
    expect(await auditCount('training.created')).toBe(before);
  });

  it('creates a draft class, audited, with its counts and policies', async () => {
    const before = await auditCount('training.created');
    const c = await createClass(tongzhou);
    expect(c.state).toBe('draft');
    const got = (await t.request({ method: 'GET', url: `${API}/${c.id}`, cookie: tongzhou })).json();
    expect(got).toMatchObject({
      title: '2026年度流动党员示范培训班',
      kindLabel: '示范培训班',
      stateLabel: '草稿',
      studyHours: 24,
      counts: { enrolled: 0, waitlisted: 0, completed: 0, sessions: 0 },
      policies: { edit: true, open: true, finish: false, nominate: true },
    });
    expect(await auditCount('training.created')).toBe(before + 1);
  });
});

describe('GET /api/v1/trainings and /:id — scope', () => {
  it('401, 403, 400 on a bad filter', async () => {
    expect((await t.request({ method: 'GET', url: API })).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor, member])
      expect((await t.request({ method: 'GET', url: API, cookie })).statusCode).toBe(403);
    const bad = await t.request({ method: 'GET', url: `${API}?kind=party&year=12`, cookie: office });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['kind', 'year']);
  });

  it('a secretary sees and manages only the classes of their subtree; the office sees all', async () => {
    const mine = await createClass(tongzhou, { title: '通州专题培训', kind: 'special' });
    const theirs = await createClass(haidian, {
      title: '海淀专题培训',
      kind: 'special',
      orgId: haidianOrg.id,
    });
    const ids = (cookie: string) =>
      t
        .request({ method: 'GET', url: `${API}?kind=special&limit=100`, cookie })
        .then((r) => (r.json().items as { id: number }[]).map((i) => i.id));
    expect(await ids(tongzhou)).toContain(mine.id);
    expect(await ids(tongzhou)).not.toContain(theirs.id);
    expect(await ids(office)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(
      (await t.request({ method: 'GET', url: `${API}/${theirs.id}`, cookie: tongzhou })).statusCode,
    ).toBe(404);
    const edit = await t.request({
      method: 'PATCH',
      url: `${API}/${theirs.id}`,
      cookie: tongzhou,
      payload: { title: '改名', version: 0 },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('pages by keyset and filters by year', async () => {
    for (let i = 0; i < 3; i++) await createClass(office, { title: `分页培训${i}`, kind: 'online' });
    const first = (
      await t.request({ method: 'GET', url: `${API}?kind=online&limit=2`, cookie: office })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({
        method: 'GET',
        url: `${API}?kind=online&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
        cookie: office,
      })
    ).json();
    const seen = [...first.items, ...second.items].map((i: { id: number }) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    const year = Number(addDays(today, 10).slice(0, 4));
    const none = (
      await t.request({ method: 'GET', url: `${API}?kind=online&year=${year - 5}`, cookie: office })
    ).json();
    expect(none.items).toEqual([]);
  });
});

describe('PATCH /api/v1/trainings/:id and state changes', () => {
  it('400 on a bad body, 409 on a stale version, a quota below the enrolled', async () => {
    const c = await openClass(tongzhou, { quota: 2 });
    const bad = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { quota: 0, studyHours: 1.25 },
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['quota', 'studyHours', 'version']);
    const stale = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { title: '新名称', version: c.version - 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect((await nominate(tongzhou, c.id, [take().id, take().id])).statusCode).toBe(201);
    const below = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { quota: 1, version: c.version },
    });
    expect(below.statusCode).toBe(409);
    expect(below.json().code).toBe('QUOTA_BELOW_ENROLLED');
  });

  it('a larger quota moves the waitlist up in order', async () => {
    const c = await openClass(tongzhou, { quota: 1 });
    const [a, b, d] = [take(), take(), take()];
    await nominate(tongzhou, c.id, [a.id, b.id, d.id]);
    const res = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}`,
      cookie: tongzhou,
      payload: { quota: 2, version: c.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/enrolments`, cookie: tongzhou })
    ).json();
    expect(
      list.items.map((e: { member: { id: number }; status: string }) => [e.member.id, e.status]),
    ).toEqual([
      [a.id, 'enrolled'],
      [b.id, 'enrolled'],
      [d.id, 'waitlisted'],
    ]);
  });

  it('refuses a change of state the lifecycle does not allow', async () => {
    const c = await createClass(tongzhou);
    const res = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/state`,
      cookie: tongzhou,
      payload: { to: 'finished', version: c.version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TRAINING_TRANSITION_NOT_ALLOWED');
    const empty = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/state`,
      cookie: tongzhou,
      payload: {},
    });
    expect(faultyFields(empty)).toEqual(['to', 'version']);
  });
});

describe('enrolments', () => {
  it('nominating: 401, 403, 400, 404 for a member outside the subtree, 400 for one outside the audience', async () => {
    const c = await openClass(tongzhou);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/enrolments`, payload: { memberIds: [1] } }))
        .statusCode,
    ).toBe(401);
    for (const cookie of [kangbao, member])
      expect((await nominate(cookie, c.id, [pool[0]!.id])).statusCode).toBe(403);
    const empty = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments`,
      cookie: tongzhou,
      payload: {},
    });
    expect(faultyFields(empty)).toEqual(['memberIds']);
    expect((await nominate(tongzhou, c.id, [haidianMember.id])).statusCode).toBe(404);
    // The office may nominate anyone, but not outside the class's audience (通州's subtree).
    const outside = await nominate(office, c.id, [haidianMember.id]);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('NOT_ELIGIBLE');
    expect(faultyFields(outside)).toEqual(['memberIds.0']);
    // Another secretary does not see the class at all.
    expect((await nominate(haidian, c.id, [haidianMember.id])).statusCode).toBe(404);
  });

  it('nominated in order: places first, then the waitlist; a duplicate is 409 with a code', async () => {
    const c = await openClass(tongzhou, { quota: 2 });
    const picks = [take(), take(), take(), take()];
    const res = await nominate(
      tongzhou,
      c.id,
      picks.map((p) => p.id),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.map((e: { status: string }) => e.status)).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ]);
    expect(res.json().items.map((e: { waitlistPosition: number | null }) => e.waitlistPosition)).toEqual([
      null,
      null,
      1,
      2,
    ]);
    const again = await nominate(tongzhou, c.id, [picks[0]!.id]);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_ENROLLED');
    const got = (await t.request({ method: 'GET', url: `${API}/${c.id}`, cookie: tongzhou })).json();
    expect(got.counts).toMatchObject({ enrolled: 2, waitlisted: 2 });
  });

  it('withdrawal frees the place for the first waitlisted, who is told in their inbox', async () => {
    const c = await openClass(tongzhou, { quota: 1 });
    const [a, b, d] = [take(), take(), take()];
    const bCookie = await memberLogin(b.id);
    const res = await nominate(tongzhou, c.id, [a.id, b.id, d.id]);
    const [ea] = res.json().items as { id: number }[];
    const w = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments/${ea!.id}/withdraw`,
      cookie: tongzhou,
      payload: { reason: '工作冲突' },
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    const list = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/enrolments`, cookie: tongzhou })
    ).json();
    expect(
      list.items.map((e: { member: { id: number }; status: string; waitlistPosition: number | null }) => [
        e.member.id,
        e.status,
        e.waitlistPosition,
      ]),
    ).toEqual([
      [a.id, 'withdrawn', null],
      [b.id, 'enrolled', null],
      [d.id, 'waitlisted', 1],
    ]);
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/inbox', cookie: bCookie })).json();
    expect(JSON.stringify(inbox)).toContain('您已从候补转为正式学员');
    // Withdrawing twice is refused.
    const twice = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/enrolments/${ea!.id}/withdraw`,
      cookie: tongzhou,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
  });

  it('the quota holds under 50 concurrent applications: 10 enrolled, 40 waitlisted in order', async () => {
    const c = await openClass(tongzhou, { quota: 10, title: '并发报名测试班' });
    const applicants = Array.from({ length: 50 }, take);
    const cookies = [];
    for (const a of applicants) cookies.push(await memberLogin(a.id));
    const answers = await Promise.all(
      cookies.map((cookie) =>
        t.request({ method: 'POST', url: `${API}/${c.id}/apply`, cookie, payload: {} }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const rows = await queryRows<{ status: string; seq: number }>(
      t.store.db,
      sql`select status, seq from training_enrolments where training_id = ${c.id} order by seq`,
    );
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(40);
    // Applications queue on the class's row, so the places went to the first ten in order.
    expect(rows.map((r) => r.status)).toEqual([
      ...Array(10).fill('enrolled'),
      ...Array(40).fill('waitlisted'),
    ]);
    const [{ enrolled_count }] = (await queryRows<{ enrolled_count: number }>(
      t.store.db,
      sql`select enrolled_count from trainings where id = ${c.id}`,
    )) as [{ enrolled_count: number }];
    expect(enrolled_count).toBe(10);
    // The waitlist is numbered in the order of application.
    const waitlist = (
      await t.request({
        method: 'GET',
        url: `${API}/${c.id}/enrolments?status=waitlisted&limit=100`,
        cookie: tongzhou,
      })
    ).json().items as { seq: number; waitlistPosition: number; member: { id: number } }[];
    expect(waitlist.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect([...waitlist].sort((x, y) => x.seq - y.seq)).toEqual(waitlist);
    // An enrolled member withdraws: the first waitlisted moves up, the count stays at the quota.
    const enrolledIndex = answers.findIndex((r) => r.json().status === 'enrolled');
    const w = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/withdraw`,
      cookie: cookies[enrolledIndex]!,
      payload: {},
    });
    expect(w.statusCode, w.body).toBe(200);
    const after = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/enrolments?limit=100`, cookie: tongzhou })
    ).json().items as { member: { id: number }; status: string }[];
    expect(after.find((e) => e.member.id === waitlist[0]!.member.id)?.status).toBe('enrolled');
    expect(after.filter((e) => e.status === 'enrolled')).toHaveLength(10);
    // A second application by the same member answers 409 with a code.
    const dup = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/apply`,
      cookie: cookies[1]!,
      payload: {},
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ALREADY_ENROLLED');
  });
});

describe('a member: /mine, /:id/apply', () => {
  it('401, 403 for staff without member.self, 400 on a bad body', async () => {
    expect((await t.request({ method: 'GET', url: `${API}/mine` })).statusCode).toBe(401);
    for (const cookie of [office, tongzhou, auditor])
      expect((await t.request({ method: 'GET', url: `${API}/mine`, cookie })).statusCode).toBe(403);
    const c = await openClass(tongzhou);
    const bad = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/apply`,
      cookie: member,
      payload: { note: 'x'.repeat(300) },
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['note']);
  });

  it('sees open classes they are eligible for only, applies, and sees their enrolment', async () => {
    const forAll = await openClass(tongzhou, { title: '通州全体党员专题培训', kind: 'special' });
    const forHaidian = await openClass(haidian, {
      title: '海淀专题培训班',
      kind: 'special',
      orgId: haidianOrg.id,
    });
    const forSecretaries = await openClass(tongzhou, {
      title: '支部书记示范培训班',
      audiencePositions: ['secretary'],
    });
    const draft = await createClass(tongzhou, { title: '草稿培训班' });
    const mine = (await t.request({ method: 'GET', url: `${API}/mine`, cookie: member })).json();
    const openIds = mine.open.map((i: { id: number }) => i.id);
    expect(openIds).toContain(forAll.id);
    expect(openIds).not.toContain(forHaidian.id);
    expect(openIds).not.toContain(forSecretaries.id);
    expect(openIds).not.toContain(draft.id);
    for (const id of [forHaidian.id, forSecretaries.id, draft.id])
      expect(
        (await t.request({ method: 'POST', url: `${API}/${id}/apply`, cookie: member, payload: {} }))
          .statusCode,
      ).toBe(404);
    const res = await t.request({
      method: 'POST',
      url: `${API}/${forAll.id}/apply`,
      cookie: member,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'enrolled', source: 'applied' });
    const after = (await t.request({ method: 'GET', url: `${API}/mine`, cookie: member })).json();
    const joined = after.enrolments.find((i: { id: number }) => i.id === forAll.id);
    expect(joined.mine).toMatchObject({ status: 'enrolled', statusLabel: '已报名' });
    expect(joined.canApply).toBe(false);
  });

  it('a member holding 书记 in their branch may join a class for secretaries (positions read from the org)', async () => {
    const sec = take();
    const cookie = await memberLogin(sec.id);
    const pos = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${sec.orgId}/positions`,
      cookie: office,
      payload: { title: 'secretary', holderName: sec.name, termStart: '2024-01-01' },
    });
    expect(pos.statusCode, pos.body).toBe(201);
    const c = await openClass(tongzhou, { title: '书记专题班', audiencePositions: ['secretary'] });
    const res = await t.request({ method: 'POST', url: `${API}/${c.id}/apply`, cookie, payload: {} });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an application outside the enrolment window', async () => {
    const c = await openClass(tongzhou, {
      enrolOpensAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      enrolClosesAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const res = await t.request({ method: 'POST', url: `${API}/${c.id}/apply`, cookie: member, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('ENROLMENT_NOT_OPEN');
  });
});

describe('sessions, attendance and QR sign-in', () => {
  async function classWithSession(startsAt: Date) {
    const c = await openClass(tongzhou, { quota: 5 });
    const s = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/sessions`,
      cookie: tongzhou,
      payload: { title: '开班式', startsAt: startsAt.toISOString(), place: '报告厅' },
    });
    expect(s.statusCode, s.body).toBe(201);
    return { c, session: s.json() as { id: number } };
  }
  const codeOf = async (sessionId: number) => {
    const res = await t.request({
      method: 'GET',
      url: `${API}/sessions/${sessionId}/sign-in-code`,
      cookie: tongzhou,
    });
    expect(res.statusCode, res.body).toBe(200);
    return new URL(res.json().url).searchParams.get('t')!;
  };
  const signIn = (cookie: string, sessionId: number, token: string) =>
    t.request({ method: 'POST', url: `${API}/sessions/${sessionId}/sign-in`, cookie, payload: { token } });

  it('session routes: 401, 403, 400, and 404 outside the scope', async () => {
    const { c, session } = await classWithSession(new Date());
    expect((await t.request({ method: 'GET', url: `${API}/${c.id}/sessions` })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: `${API}/${c.id}/sessions`, cookie: member })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `${API}/${c.id}/sessions`, cookie: haidian })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `${API}/sessions/${session.id}/sign-in-code`, cookie: haidian }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `${API}/sessions/${session.id}/attendance`, cookie: kangbao }))
        .statusCode,
    ).toBe(403);
    const bad = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/sessions`,
      cookie: tongzhou,
      payload: { startsAt: 'soon' },
    });
    expect(faultyFields(bad)).toEqual(['startsAt', 'title']);
    const signBad = await t.request({
      method: 'POST',
      url: `${API}/sessions/${session.id}/sign-in`,
      cookie: member,
      payload: {},
    });
    expect(faultyFields(signBad)).toEqual(['token']);
    expect(
      (
        await t.request({
          method: 'POST',
          url: `${API}/sessions/${session.id}/sign-in`,
          cookie: tongzhou,
          payload: { token: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('an enrolled member signs in once; a second scan says already; others are refused', async () => {
    const { c, session } = await classWithSession(new Date());
    const other = await classWithSession(new Date());
    const a = take();
    const aCookie = await memberLogin(a.id);
    await nominate(tongzhou, c.id, [a.id]);
    const token = await codeOf(session.id);
    const first = await signIn(aCookie, session.id, token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'signed', title: '开班式' });
    const second = await signIn(aCookie, session.id, token);
    expect(second.json().outcome).toBe('already');
    // A code of another session is refused.
    const cross = await signIn(aCookie, other.session.id, token);
    expect(cross.statusCode).toBe(400);
    expect(cross.json().code).toBe('SIGN_IN_OTHER_EVENT');
    // A member not enrolled in the class is refused.
    const stranger = await signIn(member, session.id, token);
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().code).toBe('NOT_ENROLLED');
    // The attendance list shows the scan.
    const list = (
      await t.request({ method: 'GET', url: `${API}/sessions/${session.id}/attendance`, cookie: tongzhou })
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({ member: { id: a.id, name: a.name }, status: 'signed', channel: 'qr' }),
    ]);
    expect(list.session.counts.signed).toBe(1);
  });

  it('a code scanned after its window closed is refused', async () => {
    const { c, session } = await classWithSession(new Date(Date.now() - 5 * 3_600_000));
    const a = take();
    const aCookie = await memberLogin(a.id);
    await nominate(tongzhou, c.id, [a.id]);
    const token = await codeOf(session.id);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await signIn(aCookie, session.id, token);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SIGN_IN_CLOSED');
  });

  it('changes and deletes a session; times out of order are refused; another class’s session is not found', async () => {
    const { c, session } = await classWithSession(new Date());
    const other = await classWithSession(new Date());
    const moved = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}/sessions/${session.id}`,
      cookie: tongzhou,
      payload: { title: '第二讲', place: '二楼会议室' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ title: '第二讲', place: '二楼会议室' });
    const backwards = await t.request({
      method: 'PATCH',
      url: `${API}/${c.id}/sessions/${session.id}`,
      cookie: tongzhou,
      payload: { endsAt: new Date(Date.now() - 86_400_000).toISOString() },
    });
    expect(backwards.statusCode).toBe(400);
    expect(faultyFields(backwards)).toEqual(['endsAt']);
    const crossed = await t.request({
      method: 'DELETE',
      url: `${API}/${c.id}/sessions/${other.session.id}`,
      cookie: tongzhou,
    });
    expect(crossed.statusCode).toBe(404);
    const gone = await t.request({
      method: 'DELETE',
      url: `${API}/${c.id}/sessions/${session.id}`,
      cookie: tongzhou,
    });
    expect(gone.statusCode).toBe(204);
    const left = (
      await t.request({ method: 'GET', url: `${API}/${c.id}/sessions`, cookie: tongzhou })
    ).json();
    expect(left.items).toEqual([]);
  });

  it('records attendance by hand for enrolled members only', async () => {
    const { c, session } = await classWithSession(new Date());
    const a = take();
    await nominate(tongzhou, c.id, [a.id]);
    const bad = await t.request({
      method: 'PUT',
      url: `${API}/sessions/${session.id}/attendance`,
      cookie: tongzhou,
      payload: {
        records: [
          { memberId: a.id, status: 'leave' },
          { memberId: pool[0]!.id, status: 'signed' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['records.1.memberId']);
    const ok = await t.request({
      method: 'PUT',
      url: `${API}/sessions/${session.id}/attendance`,
      cookie: tongzhou,
      payload: { records: [{ memberId: a.id, status: 'leave' }] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items[0]).toMatchObject({ status: 'leave', channel: 'manual' });
  });
});

describe('completion: certificates and study hours', () => {
  it('401, 403, 400, and 409 for a draft class', async () => {
    const c = await createClass(tongzhou);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/complete`, payload: {} })).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: `${API}/${c.id}/complete`, cookie: member, payload: {} }))
        .statusCode,
    ).toBe(403);
    const bad = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/complete`,
      cookie: tongzhou,
      payload: { minAttendancePercent: 120 },
    });
    expect(faultyFields(bad)).toEqual(['minAttendancePercent']);
    const draft = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/complete`,
      cookie: tongzhou,
      payload: {},
    });
    expect(draft.statusCode).toBe(409);
  });

  it('numbers certificates uniquely per year, credits study hours once, and honours the attendance rule', async () => {
    const c = await openClass(tongzhou, {
      quota: 4,
      studyHours: 12.5,
      startsOn: addDays(today, -3),
      endsOn: addDays(today, -1),
    });
    const s = await t.request({
      method: 'POST',
      url: `${API}/${c.id}/sessions`,
      cookie: tongzhou,
      payload: { title: '第一讲', startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
    });
    const picks = [take(), take(), take()];
    const enrolled = (
      await nominate(
        tongzhou,
        c.id,
        picks.map((p) => p.id),
      )
    ).json().items as { id: number }[];
    await t.request({
      method: 'PUT',
      url: `${API}/sessions/${s.json().id}/attendance`,
      cookie: tongzhou,
      payload: {
        records: [
          { memberId: picks[0]!.id, status: 'signed' },
          { memberId: picks[1]!.id, status: 'late' },
          { memberId: picks[2]!.id, status: 'absent' },
        ],
      },
    });
    // Completing two at once and a third concurrently with another class still gives unique numbers.
    const other = await openClass(tongzhou, { quota: 2 });
    const otherPick = take();
    await nominate(tongzhou, other.id, [otherPick.id]);
    const [res, res2] = await Promise.all([
      t.request({
        method: 'POST',
        url: `${API}/${c.id}/complete`,
        cookie: tongzhou,
        payload: { minAttendancePercent: 100 },
      }),
      t.request({ method: 'POST', url: `${API}/${other.id}/complete`, cookie: office, payload: {} }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res.json().completed).toHaveLength(2);
    expect(res.json().skipped).toEqual([
      expect.objectContaining({ enrolmentId: enrolled[2]!.id, attended: 0 }),
    ]);
    const numbers = [...res.json().completed, ...res2.json().completed].map(
      (e: { certificateNo: string }) => e.certificateNo,
    );
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n).toMatch(/^培〔\d{4}〕\d{4}$/);
    // Study hours in the ledger, once per member, for the completed only.
    const ledger = await queryRows<{ member_id: number; quantity: string }>(
      t.store.db,
      sql`select member_id, quantity::text from member_activity where source_module = 'trainings' and source_id = ${`training:${c.id}`} and kind = 'study_hours' order by member_id`,
    );
    expect(ledger.map((l) => [l.member_id, Number(l.quantity)])).toEqual(
      [picks[0]!.id, picks[1]!.id].sort((x, y) => x - y).map((id) => [id, 12.5]),
    );
    // The certificate as PDF: the manager, and the member themself; not another secretary.
    const pdf = await t.request({
      method: 'GET',
      url: `${API}/${c.id}/enrolments/${enrolled[0]!.id}/certificate.pdf`,
      cookie: tongzhou,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await auditCount('training.certificate_printed')).toBeGreaterThan(0);
    if (hasPoppler || inCI) {
      const text = pdfPages(pdf.rawPayload).join('\n').replace(/\s+/g, '');
      for (const word of ['结业证书', picks[0]!.name, numbers[0]!, '12.5学时', '驻北京通州区流动党委'])
        expect(text).toContain(word);
    }
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/${c.id}/enrolments/${enrolled[0]!.id}/certificate.pdf`,
          cookie: haidian,
        })
      ).statusCode,
    ).toBe(404);
    const own = await memberLogin(picks[0]!.id);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/mine/certificates/${enrolled[0]!.id}.pdf`,
          cookie: own,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/mine/certificates/${enrolled[0]!.id}.pdf`,
          cookie: member,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `${API}/${c.id}/enrolments/${enrolled[2]!.id}/certificate.pdf`,
          cookie: tongzhou,
        })
      ).statusCode,
    ).toBe(404);
  });
});
