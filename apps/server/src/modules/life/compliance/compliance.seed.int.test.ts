import type { ComplianceBoardResponse } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;
let office: string;
const NOW = new Date('2026-12-06T04:00:00Z');

beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
  office = await t.login('office');
});
afterAll(() => t.close());

const board = async (year: number) =>
  (
    await t.request({ method: 'GET', url: `/api/v1/meetings/compliance?year=${year}`, cookie: office })
  ).json() as ComplianceBoardResponse;

describe('the demo meeting history', () => {
  it('holds two years of meetings, most branches keeping up, some behind; attendance and ledger agree', async () => {
    const counts = await t.services.compliance.seed(NOW);
    expect(counts.meetings).toBeGreaterThan(1000);
    expect(counts.attendees).toBeGreaterThan(0);
    expect(counts.exemptions).toBe(2);
    const [row] = await queryRows<{ attended: number; ledger: number; planned: number; future: number }>(
      t.store.db,
      sql`select
        (select count(*) from meeting_attendees where status in ('signed', 'late'))::int as attended,
        (select count(*) from member_activity where kind = 'meeting_attended' and source_module = 'life')::int as ledger,
        (select count(*) from meetings where state = 'planned')::int as planned,
        (select count(*) from meetings where state <> 'planned' and planned_at > ${NOW.toISOString()}::timestamptz)::int as future`,
    );
    expect(row!.ledger).toBe(row!.attended);
    expect(row!.ledger).toBe(counts.ledger);
    expect(row!.future).toBe(0);
    for (const year of [2025, 2026]) {
      const b = await board(year);
      expect(b.total.branches).toBeGreaterThan(20);
      expect(b.total.behindBranches).toBeGreaterThan(0);
      expect(b.total.behindBranches).toBeLessThan(b.total.branches / 2);
    }
    // Running it again adds nothing.
    expect((await t.services.compliance.seed(NOW)).meetings).toBe(0);
    // A few members have missed every meeting lately.
    const absentees = (
      await t.request({ method: 'GET', url: '/api/v1/meetings/compliance/absentees?n=3', cookie: office })
    ).json();
    expect(absentees.items.length).toBeGreaterThan(0);
  });
});
