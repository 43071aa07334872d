/** A member's own classes: /mine and applying. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  API,
  auditor,
  createClass,
  haidian,
  haidianOrg,
  member,
  memberLogin,
  office,
  openClass,
  t,
  take,
  tongzhou,
  useTrainingsWorld,
} from './trainings.fixture';

useTrainingsWorld();

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
