import { localIsoDate } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { branchOf } from '../../../test/factories';
import { memberBody } from '../../../test/member-factory';

let t: TestApp;
let office: string;
let tongzhou: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 200 });
  [office, tongzhou, admin] = (await Promise.all(['office', 'tongzhou', 'admin'].map((u) => t.login(u)))) as [
    string,
    string,
    string,
  ];
});
afterAll(() => t.close());

const get = (cookie?: string) =>
  t.request({ method: 'GET', url: '/api/v1/workbench', ...(cookie ? { cookie } : {}) });
const listTotal = async (cookie: string, query = '') =>
  (await t.request({ method: 'GET', url: `/api/v1/members?limit=1${query}`, cookie })).json().total as number;

describe('GET /api/v1/workbench', () => {
  it('401 without a session', async () => {
    expect((await get()).statusCode).toBe(401);
  });

  it('gives the office the whole committee, and a secretary exactly the subtree', async () => {
    const all = (await get(office)).json();
    expect(all.scopeLabels).toEqual(['流动党委管理员：全部']);
    expect(all.members.total).toBe(await listTotal(office));
    expect(all.members.lost).toBe(await listTotal(office, '&status=lost'));
    const tz = (await get(tongzhou)).json();
    expect(tz.scopeLabels[0]).toContain('驻北京通州区流动党委');
    expect(tz.members.total).toBe(await listTotal(tongzhou));
    expect(tz.members.total).toBeLessThan(all.members.total);
    // The latest deeds are the secretary's members' only.
    const tongzhouIds = new Set(
      (await t.request({ method: 'GET', url: '/api/v1/members?limit=200', cookie: tongzhou }))
        .json()
        .items.map((m: { id: number }) => m.id),
    );
    expect(tz.recent.length).toBeGreaterThan(0);
    for (const r of tz.recent) expect(tongzhouIds.has(r.member.id), r.member.name).toBe(true);
    // The latest day first, whatever order the deeds were recorded in.
    const days = tz.recent.map((r: { occurredOn: string }) => r.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('shows no member figures to an account that may not read members', async () => {
    const res = (await get(admin)).json();
    expect(res.members).toBeNull();
    expect(res.recent).toEqual([]);
    expect(res.todos.find((t: { key: string }) => t.key === 'members.lost')).toBeUndefined();
  });

  it('counts a member created this month, and lists lost members as a to-do for those who may act', async () => {
    const figures = (await get(tongzhou)).json().members;
    // The demo's records entered the base over the years, not all on the day it was seeded.
    expect(figures.newThisMonth).toBeLessThan(figures.total / 10);
    const before = figures.newThisMonth;
    const branch = (await branchOf(t.store, '驻北京通州区流动党委')).id;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch),
      cookie: tongzhou,
    });
    expect(created.statusCode).toBe(201);
    await t.request({
      method: 'POST',
      url: `/api/v1/members/${created.json().id}/status`,
      payload: {
        status: 'lost',
        effectiveDate: localIsoDate(new Date()),
        reason: '电话停机，多次联系未果',
        version: created.json().version,
      },
      cookie: tongzhou,
    });
    const after = (await get(tongzhou)).json();
    expect(after.members.newThisMonth).toBe(before + 1);
    expect(after.recent[0]).toMatchObject({
      member: { id: created.json().id, name: created.json().name },
      kind: 'status_changed',
      title: '电话停机，多次联系未果',
    });
    const lost = after.todos.find((t: { key: string }) => t.key === 'members.lost');
    expect(lost).toMatchObject({
      label: '失联党员待跟进',
      link: '/members?status=lost',
      count: after.members.lost,
    });
    expect(lost.count).toBeGreaterThan(0);
  });
});
