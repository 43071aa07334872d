/** Sessions, attendance and QR sign-in. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import {
  API,
  haidian,
  kangbao,
  member,
  memberLogin,
  nominate,
  openClass,
  pool,
  t,
  take,
  tongzhou,
  useTrainingsWorld,
} from './trainings.fixture';

useTrainingsWorld();

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
