import { maskPhone } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf, createUser } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';

let t: TestApp;
let office: string;
let tongzhou: string;
let me: string;
let own: { id: number; phone: string };
let ownAccountName: string;
let other: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou] = (await Promise.all(['office', 'tongzhou'].map((u) => t.login(u)))) as [string, string];
  const branch = (await branchOf(t.store, '驻北京通州区流动党委')).id;
  const body = memberBody(branch, { name: '王自助' });
  const created = await t.request({ method: 'POST', url: '/api/v1/members', payload: body, cookie: office });
  own = { id: created.json().id, phone: body.phone };
  other = (
    await t.request({ method: 'POST', url: '/api/v1/members', payload: memberBody(branch), cookie: office })
  ).json().id;
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: own.id });
  ownAccountName = account.displayName;
  me = await t.login(account.username, account.password);
});
afterAll(() => t.close());

/** The member's own record, as the account of `cookie` (none: signed out). */
const getMine = (cookie?: string) =>
  t.request({ method: 'GET', url: '/api/v1/me/member', ...(cookie ? { cookie } : {}) });
const patchMine = (payload: object, cookie?: string) =>
  t.request({ method: 'PATCH', url: '/api/v1/me/member', payload, ...(cookie ? { cookie } : {}) });
/** A record's 操作记录, as the account of `cookie`. */
const historyOf = (id: number, cookie: string) =>
  t.request({ method: 'GET', url: `/api/v1/members/${id}/history`, cookie });

describe('GET /api/v1/me/member', () => {
  it('401, and 403 for an account that is not a member', async () => {
    expect((await getMine()).statusCode).toBe(401);
    expect((await getMine(office)).statusCode).toBe(403);
  });

  it('shows the member their own record, masked, and nobody else', async () => {
    const res = await getMine(me);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: own.id,
      name: '王自助',
      policies: { update: false, reveal: false },
    });
    expect(res.body).not.toContain(own.phone);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/members/${own.id}`, cookie: me })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/members/${other}`, cookie: me })).statusCode).toBe(
      403,
    );
  });
});

describe('PATCH /api/v1/me/member', () => {
  it('401, 403 and 400', async () => {
    const body = { phone: '13912345678', version: 0 };
    expect((await patchMine(body)).statusCode).toBe(401);
    expect((await patchMine(body, tongzhou)).statusCode).toBe(403);
    const bad = await patchMine({ phone: '010-1234567', version: 0 }, me);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('phone');
  });

  it('changes the phone and employer, audited and visible to the secretary', async () => {
    const current = (await getMine(me)).json();
    const res = await patchMine(
      { phone: '+86 139-0000-1234', employer: '北京某物流公司', version: current.version },
      me,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phoneMasked: '139****1234', employer: '北京某物流公司' });
    const stale = await patchMine({ employer: '又换了', version: current.version }, me);
    expect(stale.statusCode).toBe(409);
    const history = (await historyOf(own.id, tongzhou)).json();
    expect(history.items[0]).toMatchObject({
      action: 'member.self_updated',
      actorDisplayName: ownAccountName,
      after: { employer: '北京某物流公司' },
    });
    const found = (
      await t.request({ method: 'GET', url: '/api/v1/members?q=1234', cookie: tongzhou })
    ).json();
    expect(found.items.map((m: { id: number }) => m.id)).toContain(own.id);
  });
});

describe('POST /api/v1/members/:id/account', () => {
  it('401, 403 and 400', async () => {
    const url = `/api/v1/members/${other}/account`;
    expect((await t.request({ method: 'POST', url, payload: { password: 'First-Pass-1' } })).statusCode).toBe(
      401,
    );
    const kangbao = await t.login('kangbao');
    expect(
      (await t.request({ method: 'POST', url, payload: { password: 'First-Pass-1' }, cookie: kangbao }))
        .statusCode,
    ).toBe(403);
    const weak = await t.request({ method: 'POST', url, payload: { password: 'short' }, cookie: tongzhou });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0].path).toBe('password');
  });

  it('lets the secretary open a login whose username is the phone, to be changed at first sign-in', async () => {
    const phone = (
      await t.request({
        method: 'POST',
        url: `/api/v1/members/${other}/reveal`,
        payload: { field: 'phone', reason: '开通账户核对' },
        cookie: tongzhou,
      })
    ).json().value;
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/members/${other}/account`,
      payload: { password: 'First-Pass-1' },
      cookie: tongzhou,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasAccount).toBe(true);
    const again = await t.request({
      method: 'POST',
      url: `/api/v1/members/${other}/account`,
      payload: { password: 'First-Pass-1' },
      cookie: tongzhou,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MEMBER_HAS_ACCOUNT');
    const session = await t.login(phone, 'First-Pass-1');
    expect((await getMine(session)).statusCode).toBe(403);
    const changed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'First-Pass-1', newPassword: 'Own-Pass-2026' },
      cookie: session,
    });
    expect(changed.statusCode).toBe(204);
    const mine = await getMine(session);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(other);

    // The member's own change shows in the record's history by name; the username (the phone) masked.
    const record = mine.json();
    const update = await patchMine({ employer: '自己改的单位', version: record.version }, session);
    expect(update.statusCode).toBe(200);
    const history = await historyOf(other, tongzhou);
    expect(history.json().items[0]).toMatchObject({
      action: 'member.self_updated',
      actorName: maskPhone(phone),
      actorDisplayName: record.name,
    });
    expect(history.body).not.toContain(phone);
  });
});
