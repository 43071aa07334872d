/**
 * The shared set-up of the meetings API tests: one app per test file, the demo accounts' sessions,
 * the demo member and their branch, and helpers to plan a meeting, read its ledger and audit, and
 * sign in. The bindings below are filled by `useMeetingsApp()`'s beforeAll.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { queryRows } from '../../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let auditor: string;
export let member: string;
/** The demo member (account `member`) and the 通州 branch they are placed in. */
export let me: { id: number; orgId: number; name: string };
export let haidianBranch: { id: number };
export const BASE = '/api/v1/meetings';
export const HOUR = 3600_000;

export const create = (cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: BASE, cookie, payload });

export const body = (extra: Record<string, unknown> = {}) => ({
  orgId: me.orgId,
  type: 'theme_day',
  topic: '主题党日：重温入党誓词',
  plannedAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  ...extra,
});

export async function meeting(extra: Record<string, unknown> = {}, cookie = tongzhou) {
  const res = await create(cookie, body(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; counts: { due: number } };
}

export const auditCount = async (action: string, id: number) =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${String(id)}`,
    )
  )[0]!.n;

export const ledger = async (id: number) =>
  (
    await queryRows<{ member_id: number; occurred_on: string; title: string }>(
      t.store.db,
      sql`select member_id, occurred_on::text, title from member_activity
        where source_module = 'life' and source_id = ${`meeting:${id}`} and kind = 'meeting_attended'
        order by member_id`,
    )
  ).map((r) => ({ ...r, member_id: Number(r.member_id) }));

export const codeOf = async (id: number, cookie = tongzhou) => {
  const res = await t.request({ method: 'GET', url: `${BASE}/${id}/sign-in-code`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json().url).searchParams.get('t')!;
};

export const signIn = (id: number, token: string, cookie = member) =>
  t.request({ method: 'POST', url: `${BASE}/${id}/sign-in`, cookie, payload: { token } });

/** Starts the app for this test file and signs the demo accounts in; closes it afterwards. */
export function useMeetingsApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string, string];
    me = (await t.request({ method: 'GET', url: '/api/v1/me/member', cookie: member })).json();
    haidianBranch = await branchOf(t.store, '驻北京海淀区流动党委');
  });
  afterAll(() => t.close());
}
