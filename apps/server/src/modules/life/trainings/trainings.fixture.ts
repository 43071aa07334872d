/** The trainings tests' world: the app, the logins, members to enrol, helpers that make classes. */
import { addDays, localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { createUser, orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let auditor: string;
export let member: string;
export let memberId: number;
export let tongzhouOrg: { id: number; path: string };
export let haidianOrg: { id: number; path: string };
/** Active members under 通州, not the demo member. */
export let pool: { id: number; name: string; orgId: number }[];
export let haidianMember: { id: number; name: string };
export const today = localIsoDate(new Date());
export const API = '/api/v1/trainings';

export const take = () => {
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

export const body = (extra: Record<string, unknown> = {}) => ({
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

export async function createClass(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: API, cookie, payload: body(extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

export async function openClass(cookie: string, extra: Record<string, unknown> = {}) {
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

export const nominate = (cookie: string, id: number, memberIds: number[]) =>
  t.request({ method: 'POST', url: `${API}/${id}/enrolments`, cookie, payload: { memberIds } });

export const auditCount = async (action: string) =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )
  )[0]!.n;

export async function memberLogin(id: number) {
  const user = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: id });
  return t.login(user.username, user.password);
}

/** Registers the world's set-up and tear-down in the calling test file: its own app and database. */
export function useTrainingsWorld() {
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
}
