/** The demo's dues: a base for everyone, every branch's months, most months paid, a few in arrears, three reliefs. */
import { nextMonth } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';

let t: TestApp;
let office: string;
let tongzhou: string;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou] = await Promise.all([t.login('office'), t.login('tongzhou')]);
});
afterAll(() => t.close());

const get = async (url: string, cookie = office) =>
  (await t.request({ method: 'GET', url: `/api/v1/dues${url}`, cookie })).json();
const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(t.store.db, q))[0]!;

describe('the demo dues', () => {
  it('declare every member, open every branch’s months, pay most, leave a few in arrears', async () => {
    const first = await t.services.dues.seed();
    expect(await t.services.dues.seed()).toEqual({ bases: 0, payments: 0, months: 0 });

    const current = t.services.dues.access.thisMonth();
    const year = Number(current.slice(0, 4));
    const onRolls = await one<{ n: number }>(
      sql`select count(*)::int as n from members where status in ('active', 'lost') and joined_at <= current_date`,
    );
    expect(first.bases).toBe(onRolls.n);
    expect((await get(`/bases?year=${year}&missing=true`)).totals.missing).toBe(0);
    const mix = await queryRows<{ category: string; n: number }>(
      t.store.db,
      sql`select category, count(*)::int as n from dues_bases group by category`,
    );
    const share = (c: string) => (mix.find((m) => m.category === c)?.n ?? 0) / first.bases;
    expect(share('salaried')).toBeGreaterThan(0.6);
    for (const c of ['retired', 'farmer', 'assisted']) expect(share(c)).toBeGreaterThan(0.03);

    const branches = await one<{ n: number }>(
      sql`select count(*)::int as n from orgs where kind = 'branch' and closed_at is null`,
    );
    const monthsSoFar = Number(current.slice(5, 7));
    // 通州's branches have not opened this month yet (its secretary does, in the demo).
    const tongzhou = await one<{ n: number }>(
      sql`select count(*)::int as n from orgs b join orgs c on b.path like c.path || '.%'
        where b.kind = 'branch' and b.closed_at is null and c.name = '驻北京通州区流动党委'`,
    );
    expect(tongzhou.n).toBeGreaterThan(0);
    expect(first.months).toBe(branches.n * monthsSoFar - tongzhou.n);
    const open = await one<{ n: number }>(
      sql`select count(*)::int as n from dues_months where state = 'open'`,
    );
    expect(open.n).toBe(branches.n - tongzhou.n);

    // A few percent in arrears, some of them three months or more.
    const arrears = await get('/arrears?limit=500');
    expect(arrears.totals.members / first.bases).toBeGreaterThan(0.01);
    expect(arrears.totals.members / first.bases).toBeLessThan(0.08);
    expect((await get('/arrears?minMonths=3&limit=1')).totals.members).toBeGreaterThan(0);
    // Quarterly payments, transfers and relatives paying.
    const kinds = await one<{
      quarterly: number;
      transfer: number;
      relative: number;
      ledger: number;
      recent: number;
    }>(
      sql`select count(*) filter (where to_month > from_month)::int as quarterly,
        count(*) filter (where method = 'transfer')::int as transfer,
        count(*) filter (where payer_name is not null)::int as relative,
        (select count(*)::int from member_activity where source_module = 'dues') as ledger,
        count(*) filter (where paid_on >= date_trunc('month', current_date) - interval '3 months')::int as recent
        from dues_payments`,
    );
    expect(kinds.quarterly).toBeGreaterThan(0);
    expect(kinds.transfer).toBeGreaterThan(0);
    expect(kinds.relative).toBeGreaterThan(0);
    // The ledger entries of the last four months' payments (see the seed).
    expect(kinds.ledger).toBe(kinds.recent);
    expect(kinds.recent).toBeGreaterThan(0);

    // A closed month's fixed figures agree with its page.
    if (monthsSoFar > 1) {
      const { items } = await get(`/months?year=${year}&limit=500`);
      const closed = items
        .filter((m: { state: string }) => m.state === 'closed')
        .sort((a: { expectedFen: number }, b: { expectedFen: number }) => b.expectedFen - a.expectedFen)[0];
      const page = await get(`/months/${closed.id}`);
      expect(page.expectedFen).toBe(page.totals.expectedFen);
      expect(page.collectedFen).toBe(page.totals.collectedFen);
      expect(page.totals.paid).toBeGreaterThan(page.totals.due * 0.9);
    }
  });

  it('hold three reliefs in 通州: approved, awaiting approval, awaiting review', async () => {
    const { items } = await get('/reliefs', tongzhou);
    expect(items.map((r: { state: string }) => r.state).sort()).toEqual([
      'approved',
      'reviewed',
      'submitted',
    ]);
    const waived = items.find((r: { state: string }) => r.state === 'approved');
    const dues = await get(`/members/${waived.memberId}`, tongzhou);
    expect(dues.owed).toEqual([]);
    // Paid (or waived) up to last month: 通州 has not opened this month yet, so nothing is owed.
    expect(dues.paidUpTo).toBe(nextMonth(t.services.dues.access.thisMonth(), -1));
  });
});
