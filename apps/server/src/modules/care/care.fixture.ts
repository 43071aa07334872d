/**
 * The shared set-up of the care API tests: one app for the test file, the demo accounts'
 * sessions, members of 通州 (one whose home is 康保, one from elsewhere), one of 海淀, the demo
 * member, and helpers for requests, the ledger and a visit's body.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { orgByName } from '../../../test/factories';
import { queryRows } from '../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let auditor: string;
export let member: string;
export let tongzhouOrg: { id: number; path: string };
export let haidianOrg: { id: number; path: string };
/** Members under 通州: one whose home is 康保 (the home viewer kangbao sees it), one from elsewhere. */
export let tzKangbao: { id: number; name: string; joined_at: string };
export let tzOther: { id: number; name: string; joined_at: string };
export let hdMember: { id: number; name: string; joined_at: string };
export let me: { id: number; name: string };

export const KANGBAO = '130723';

async function memberWhere(path: string, home: string | null, notHome: string | null, not = 0) {
  const [row] = await queryRows<{ id: number; name: string; joined_at: string }>(
    t.store.db,
    sql`select id, name, joined_at::text from members
      where (org_path = ${path} or org_path like ${`${path}.%`}) and status = 'active'
        and (${home}::text is null or home_county = ${home})
        and (${notHome}::text is null or home_county <> ${notHome}) and id <> ${not}
      order by id limit 1`,
  );
  if (!row) throw new Error('no member');
  return row;
}

/** Starts the app for this test file and signs the demo accounts in; closes it afterwards. */
export function useCareApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string, string];
    tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
    haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    me = (await t.request({ method: 'GET', url: '/api/v1/me/member', cookie: member })).json();
    tzKangbao = await memberWhere(tongzhouOrg.path, KANGBAO, null, me.id);
    tzOther = await memberWhere(tongzhouOrg.path, null, KANGBAO, me.id);
    hdMember = await memberWhere(haidianOrg.path, null, KANGBAO);
  });
  afterAll(() => t.close());
}

export const req = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  cookie?: string,
  payload?: object,
) =>
  t.request({ method, url: `/api/v1${url}`, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

export const ledger = (memberId: number, kind: string) =>
  queryRows<{ source_id: string; title: string; occurred_on: string; quantity: string }>(
    t.store.db,
    sql`select source_id, title, occurred_on::text, quantity::text from member_activity
      where member_id = ${memberId} and source_module = 'care' and kind = ${kind} order by source_id`,
  );

export const visitBody = (extra: Record<string, unknown> = {}) => ({
  memberId: tzKangbao.id,
  reason: 'holiday',
  holiday: '春节',
  visitedOn: '2026-02-10',
  visitors: '通州流动党委书记 王某、李某',
  giftYuan: '500.00',
  ...extra,
});
