/**
 * The shared set-up of the dues API tests: one app for the test file, the demo accounts'
 * sessions, a 通州 branch holding the demo member with some of its members, a 海淀 member and
 * branch, the branch's own secretary, and helpers for requests, the ledger and a declaration.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createUser } from '../../../test/factories';
import { queryRows } from '../../db/client';
import { committeeDate } from './dues.access';

export const API = '/api/v1/dues';
export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let member: string;
/** A 通州 branch holding the demo member, its members, and a 海淀 member. */
export let branch: { id: number; path: string; name: string };
export let people: { id: number; name: string }[];
export let demoMemberId: number;
export let haidianMemberId: number;
export let haidianBranchId: number;
export let branchSecretary: string;

export const today = committeeDate(new Date());
export const thisMonth = today.slice(0, 7);
export const year = Number(today.slice(0, 4));
export const monthsSoFar = Number(thisMonth.slice(5, 7));
export const mm = (n: number) => `${year}-${String(n).padStart(2, '0')}`;

export const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url: `${API}${url}`, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

export const ledgerOf = (memberId: number) =>
  queryRows<{ source_id: string; quantity: string; title: string }>(
    t.store.db,
    sql`select source_id, quantity::text, title from member_activity
      where member_id = ${memberId} and source_module = 'dues' order by source_id`,
  );

export async function declare(memberId: number, extra: Record<string, unknown> = {}) {
  const res = await req('POST', '/bases', tongzhou, {
    memberId,
    year,
    category: 'salaried',
    incomeYuan: '3000.01',
    declaredOn: `${year}-01-05` > today ? today : `${year}-01-05`,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Starts the app for this test file and signs the demo accounts in; closes it afterwards. */
export function useDuesApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string];
    const [demo] = await queryRows<{ member_id: number; org_id: number }>(
      t.store.db,
      sql`select u.member_id, m.org_id from users u join members m on m.id = u.member_id where u.username = 'member'`,
    );
    demoMemberId = demo!.member_id;
    // The branch above the demo member's org (the member may sit in a group of it).
    const [b] = await queryRows<{ id: number; path: string; name: string }>(
      t.store.db,
      sql`select o.id, o.path, o.name from orgs o, orgs mine where mine.id = ${demo!.org_id}
        and o.kind = 'branch' and (mine.path = o.path or mine.path like o.path || '.%')`,
    );
    branch = b!;
    people = await queryRows<{ id: number; name: string }>(
      t.store.db,
      sql`select id, name from members where status = 'active' and id <> ${demoMemberId}
        and (org_path = ${branch.path} or org_path like ${`${branch.path}.%`})
        and joined_at < ${`${year}-01-01`} order by id limit 4`,
    );
    const [hd] = await queryRows<{ id: number; branch_id: number }>(
      t.store.db,
      sql`select m.id, o.id as branch_id from members m join orgs c on c.name = '驻北京海淀区流动党委'
        join orgs o on o.kind = 'branch' and m.org_path like o.path || '%' and o.path like c.path || '.%'
        where m.status = 'active' order by m.id limit 1`,
    );
    haidianMemberId = hd!.id;
    haidianBranchId = hd!.branch_id;
    const sec = await createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: branch.id });
    branchSecretary = await t.login(sec.username, sec.password);
  });
  afterAll(() => t.close());
}
