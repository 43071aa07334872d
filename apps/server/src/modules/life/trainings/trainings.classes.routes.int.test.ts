/** Every route's 401, 403 and 400; classes: create, read within scope, change, move through states. */
import { addDays } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  API,
  auditCount,
  auditor,
  body,
  createClass,
  haidian,
  haidianOrg,
  kangbao,
  member,
  nominate,
  office,
  openClass,
  t,
  take,
  today,
  tongzhou,
  useTrainingsWorld,
} from './trainings.fixture';

useTrainingsWorld();

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
