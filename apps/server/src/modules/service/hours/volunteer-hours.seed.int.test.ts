import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo self-reported volunteer hours', () => {
  it('holds a few dozen reports of several committees, the approved ones in the ledger, one rejected', async () => {
    const made = await t.services.volunteerHours.seed();
    expect(made.reports).toBeGreaterThanOrEqual(24);
    const rows = await queryRows<{ committee: string; state: string; hours: number; member_id: number }>(
      t.store.db,
      sql`select split_part(org_path, '.', 2) as committee, state, hours::float8 as hours, member_id
        from volunteer_hours`,
    );
    expect(rows).toHaveLength(made.reports);
    expect(new Set(rows.map((r) => r.committee)).size).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.state === 'rejected')).toHaveLength(1);
    expect(rows.filter((r) => r.state === 'submitted').length).toBeGreaterThan(3);
    expect(rows.filter((r) => r.state === 'approved')).toHaveLength(made.approved);

    // The ledger holds exactly the approved hours.
    const [ledger] = await queryRows<{ n: number; hours: number }>(
      t.store.db,
      sql`select count(*)::int as n, coalesce(sum(quantity), 0)::float8 as hours from member_activity
        where kind = 'volunteer_hours' and source_module = 'service' and source_id like 'hours:%'`,
    );
    const approved = rows.filter((r) => r.state === 'approved');
    expect(ledger).toEqual({ n: approved.length, hours: approved.reduce((s, r) => s + r.hours, 0) });

    // The demo member is left out; 通州's secretary has some awaiting review, 海淀's sees none of them.
    const [{ member_id: own }] = (await queryRows<{ member_id: number }>(
      t.store.db,
      sql`select member_id from users where username = 'member'`,
    )) as [{ member_id: number }];
    expect(rows.some((r) => r.member_id === own)).toBe(false);
    const tz = (
      await t.request({
        method: 'GET',
        url: '/api/v1/volunteer/hours?state=submitted&limit=100',
        cookie: await t.login('tongzhou'),
      })
    ).json().items as { id: number; org: { name: string } }[];
    expect(tz.length).toBeGreaterThan(0);
    const hd = (
      await t.request({
        method: 'GET',
        url: '/api/v1/volunteer/hours?limit=100',
        cookie: await t.login('haidian'),
      })
    ).json().items as { id: number }[];
    expect(hd.length).toBeGreaterThan(0);
    expect(hd.some((h) => tz.some((x) => x.id === h.id))).toBe(false);
  });
});
