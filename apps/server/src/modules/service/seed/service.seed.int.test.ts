/** The demo's volunteer campaigns: 平安守望's figures on the board and in the ledger, and the campaign open now. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';
import { CURRENT_CAMPAIGN, PEACE_WATCH } from './service.seed';

let t: TestApp;
let office: string;
let member: string;

beforeAll(async () => {
  t = await createTestApp();
  expect(await t.services.service.seed()).toEqual({ campaigns: 2 });
  [office, member] = await Promise.all([t.login('office'), t.login('member')]);
});
afterAll(() => t.close());

const BASE = '/api/v1/volunteer/campaigns';
const campaignId = async (title: string) =>
  (
    await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from volunteer_campaigns where title = ${title}`,
    )
  )[0]!.id;

describe('service seed', () => {
  it('平安守望: 8 days, 600 volunteers (or every member on the rolls), all checked out, 10,000+ served; in the ledger', async () => {
    const id = await campaignId(PEACE_WATCH);
    const [rolls] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members where status in ('active', 'lost')`,
    );
    const board = (await t.request({ method: 'GET', url: `${BASE}/${id}/summary`, cookie: office })).json();
    expect(board.days).toBe(8);
    expect(board.totals.volunteers).toBe(Math.min(600, rolls!.n - 1));
    expect(board.totals.shifts).toBe(12 * 8 * 3);
    expect(board.totals.places).toBe(12 * 8 * 3 * 8);
    expect(board.totals.checkedOut).toBe(board.totals.places);
    expect(board.totals.shiftsFilled).toBe(board.totals.shifts);
    expect(board.totals.served).toBeGreaterThanOrEqual(10_000);
    expect(board.byPost.map((p: { taskLabel: string }) => p.taskLabel)).toContain('安全隐患排查');
    const [ledger] = await queryRows<{ n: number; hours: string }>(
      t.store.db,
      sql`select count(*)::int as n, sum(m.quantity)::text as hours from member_activity m
        join volunteer_assignments a on m.source_id = 'assignment:' || a.id
        where m.source_module = 'service' and m.kind = 'volunteer_hours' and a.campaign_id = ${id}`,
    );
    expect(ledger!.n).toBe(board.totals.places);
    expect(Number(ledger!.hours)).toBeCloseTo(board.totals.hours, 2);
    const [extra] = await queryRows<{ rounds: number; days: number; injuries: number }>(
      t.store.db,
      sql`select (select count(*)::int from volunteer_rounds where campaign_id = ${id}) as rounds,
        (select count(distinct (at at time zone 'Asia/Shanghai')::date)::int from volunteer_rounds where campaign_id = ${id}) as days,
        (select count(*)::int from volunteer_incidents where campaign_id = ${id} and kind = 'injury' and member_id is not null) as injuries`,
    );
    expect(extra).toEqual({ rounds: 24, days: 8, injuries: 1 });
    // Every post has a leader, one of the volunteers who served there.
    const [led] = await queryRows<{ posts: number; led: number }>(
      t.store.db,
      sql`select count(*)::int as posts, count(*) filter (where exists (
          select 1 from volunteer_assignments a join volunteer_shifts s on s.id = a.shift_id
          where s.post_id = p.id and a.member_id = p.leader_member_id))::int as led
        from volunteer_posts p where p.campaign_id = ${id}`,
    );
    expect(led).toEqual({ posts: 12, led: 12 });
    // Nobody is at two posts at once.
    const [overlaps] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from volunteer_assignments a join volunteer_assignments b
        on a.member_id = b.member_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at`,
    );
    expect(overlaps!.n).toBe(0);
  });

  it('the campaign open now: the demo member leads a post with a shift now and is on it; run again adds nothing', async () => {
    const id = await campaignId(CURRENT_CAMPAIGN);
    const day = (await t.request({ method: 'GET', url: `${BASE}/leading`, cookie: member })).json();
    const shift = day.shifts.find((s: { campaignId: number }) => s.campaignId === id);
    expect(shift.post.name).toBe('北苑路口');
    expect(shift.roster).toHaveLength(4);
    expect(shift.roster.every((r: { state: string }) => r.state === 'scheduled')).toBe(true);
    const open = (await t.request({ method: 'GET', url: `${BASE}/open`, cookie: member })).json();
    expect(open.items.map((c: { id: number }) => c.id)).toContain(id);
    expect(await t.services.service.seed()).toEqual({ campaigns: 0 });
  });
});
