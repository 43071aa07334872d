/** API tests of sign-in by QR: the code a secretary shows and a member's scan. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { createSignInCodes } from '../../../lib/sign-in-codes';
import {
  auditCount,
  BASE,
  codeOf,
  HOUR,
  haidian,
  ledger,
  me,
  meeting,
  member,
  signIn,
  t,
  tongzhou,
  useMeetingsApp,
} from './meetings.fixture';

useMeetingsApp();

describe('QR sign-in', () => {
  it('sign-in-code: 401, 403 for a member, 404 outside the subtree', async () => {
    const m = await meeting();
    const path = `${BASE}/${m.id}/sign-in-code`;
    expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: path, cookie: member })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: path, cookie: haidian })).statusCode).toBe(404);
    const code = (await t.request({ method: 'GET', url: path, cookie: tongzhou })).json();
    expect(code.url).toContain(`/sign-in/meeting/${m.id}?t=`);
    expect(code.qrSvg).toContain('<svg');
  });

  it('sign-in: 401, 403 without member.self, 400 without a token', async () => {
    const m = await meeting();
    expect(
      (await t.request({ method: 'POST', url: `${BASE}/${m.id}/sign-in`, payload: { token: 'x' } }))
        .statusCode,
    ).toBe(401);
    expect((await signIn(m.id, 'x', tongzhou)).statusCode).toBe(403);
    const empty = await t.request({
      method: 'POST',
      url: `${BASE}/${m.id}/sign-in`,
      cookie: member,
      payload: {},
    });
    expect(faultyFields(empty)).toEqual(['token']);
  });

  it('signs the member in once (a second scan answers already), writes the ledger, audited', async () => {
    const m = await meeting();
    const token = await codeOf(m.id);
    const first = await signIn(m.id, token);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      outcome: 'signed',
      role: 'expected',
      title: '主题党日：重温入党誓词',
    });
    const again = await signIn(m.id, token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'already', signedAt: first.json().signedAt });
    expect((await ledger(m.id)).map((r) => r.member_id)).toEqual([me.id]);
    expect(await auditCount('meeting.qr_signed_in', m.id)).toBe(1);
    const mine = (
      await t.request({ method: 'GET', url: `${BASE}/${m.id}/attendance`, cookie: tongzhou })
    ).json();
    expect(mine.items.find((i: { memberId: number }) => i.memberId === me.id)).toMatchObject({
      status: 'signed',
      channel: 'qr',
    });
  });

  it('late after the start + 15 minutes', async () => {
    const m = await meeting({ plannedAt: new Date(Date.now() - 20 * 60_000).toISOString() });
    const res = await signIn(m.id, await codeOf(m.id));
    expect(res.json()).toMatchObject({ outcome: 'late' });
  });

  it('refuses a code of another meeting, an expired one, one too early, and a cancelled meeting', async () => {
    const a = await meeting();
    const b = await meeting();
    const other = await signIn(a.id, await codeOf(b.id));
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('SIGN_IN_OTHER_EVENT');
    // A code issued for yesterday's meeting has expired.
    const codes = createSignInCodes(t.app.platform.ctx.crypto.deriveKey('sign-in codes'));
    const past = new Date(Date.now() - 26 * HOUR);
    const old = codes.issue('meeting', a.id, past, { beforeMinutes: 30, afterMinutes: 120 }, past);
    const expired = await signIn(a.id, old.token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('SIGN_IN_CLOSED');
    const later = await meeting({ plannedAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString() });
    const early = await signIn(later.id, await codeOf(later.id));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SIGN_IN_NOT_OPEN');
    const c = await meeting();
    const token = await codeOf(c.id);
    const cancelled = await t.request({
      method: 'POST',
      url: `${BASE}/${c.id}/cancel`,
      cookie: tongzhou,
      payload: { version: c.version, reason: '天气原因改期' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const refused = await signIn(c.id, token);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SIGN_IN_MEETING_CLOSED');
    expect(await ledger(c.id)).toEqual([]);
  });

  it('a member not expected: 403 SIGN_IN_NOT_INVITED, or 列席 when the meeting allows guests', async () => {
    const closed = await meeting({ removeMemberIds: [me.id] });
    const refused = await signIn(closed.id, await codeOf(closed.id));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SIGN_IN_NOT_INVITED');
    const open = await meeting({ removeMemberIds: [me.id], allowGuests: true });
    const guest = await signIn(open.id, await codeOf(open.id));
    expect(guest.json()).toMatchObject({ outcome: 'signed', role: 'guest' });
    const detail = (await t.request({ method: 'GET', url: `${BASE}/${open.id}`, cookie: tongzhou })).json();
    expect(detail.counts.guests).toBe(1);
  });
});
