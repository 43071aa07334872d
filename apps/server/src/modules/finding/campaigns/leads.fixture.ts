/**
 * The leads API tests' set-up: one app per test file, the accounts' sessions and ids, the 通州
 * committee and a campaign of it, and helpers to call the finding API and make a lead. The bindings
 * below are filled by `useLeadsWorld()`'s beforeAll.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { orgByName } from '../../../../test/factories';

export let t: TestApp;
type User = 'office' | 'tongzhou' | 'haidian' | 'finder1' | 'finder2' | 'finder5' | 'auditor';
/** Each account's session cookie, and its user id. */
export const c = {} as Record<User, string>;
export const uid = {} as Record<User, number>;
/** The 通州 committee: the campaign's org. */
export let tongzhou: { id: number; path: string };
/** A campaign of 通州 whose finders are finder1, finder2 and finder5. */
export let campaignId: number;

/** A request to the finding API (`url` under /api/v1/finding). */
export const api = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url: `/api/v1/finding${url}`, cookie, ...(payload ? { payload } : {}) });

/** A new lead of the campaign, made by the office (李大山, assigned to finder1 unless `payload` says otherwise). */
export async function newLead(payload: object = {}) {
  const res = await api('POST', `/campaigns/${campaignId}/leads`, c.office, {
    name: '李大山',
    phone: '13812345678',
    hostDistrict: '110112',
    finderId: uid.finder1,
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

/** Registers the set-up and tear-down in the calling test file: its own app and database. */
export function useLeadsWorld() {
  beforeAll(async () => {
    t = await createTestApp({}, { members: 200 });
    for (const u of ['office', 'tongzhou', 'haidian', 'finder1', 'finder2', 'finder5', 'auditor'] as const) {
      c[u] = await t.login(u);
      uid[u] = (await t.services.users.accountByUsername(t.store.db, u))!.id;
    }
    tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
    const res = await api('POST', '/campaigns', c.office, {
      name: '通州寻找行动',
      orgId: tongzhou.id,
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      targetCount: 10,
      districts: ['110112'],
      finderIds: [uid.finder1, uid.finder2, uid.finder5],
    });
    campaignId = res.json().id;
  });
  afterAll(() => t.close());
}
