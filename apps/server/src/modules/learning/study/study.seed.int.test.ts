import type { StudyBoardResponse } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;
const NOW = new Date('2026-12-06T04:00:00Z');

beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
});
afterAll(() => t.close());

describe('the demo study hours', () => {
  it('credits the seeded 党课 attendance and a year of offline study, leaving some members below 32', async () => {
    await t.services.compliance.seed(NOW);
    const counts = await t.services.study.seed(NOW);
    const [row] = await queryRows<{
      lectures: number;
      credited: number;
      records: number;
      offline: number;
      spread: number;
    }>(
      t.store.db,
      sql`select
        (select count(*) from meeting_attendees a join meetings m on m.id = a.meeting_id
          join members p on p.id = a.member_id
          where m.type = 'party_lecture' and a.status in ('signed', 'late') and p.status in ('active', 'lost'))::int as lectures,
        (select count(*) from member_activity where kind = 'study_hours' and source_module = 'life')::int as credited,
        (select count(*) from study_records)::int as records,
        (select count(*) from member_activity where kind = 'study_hours' and source_id like 'study:%')::int as offline,
        (select count(distinct n) from (select count(*) as n from study_records group by member_id) x)::int as spread`,
    );
    expect(row!.lectures).toBeGreaterThan(0);
    expect(row!.credited).toBe(row!.lectures);
    expect(counts.lectures).toBe(row!.lectures);
    expect(row!.records).toBeGreaterThan(100);
    expect(row!.offline).toBe(row!.records);
    expect(row!.spread).toBeGreaterThan(2);
    // Every record is this year, up to today, of 2 to 4 hours.
    const [range] = await queryRows<{ first: string; last: string; min: number; max: number }>(
      t.store.db,
      sql`select min(studied_on)::text as first, max(studied_on)::text as last, min(hours)::float8 as min, max(hours)::float8 as max from study_records`,
    );
    expect(range!.first >= '2026-01-01' && range!.last <= '2026-12-06').toBe(true);
    expect([range!.min, range!.max]).toEqual([2, 4]);
    // The board shows members below the requirement.
    const office = await t.login('office');
    const board = (
      await t.request({ method: 'GET', url: '/api/v1/study/board?year=2026&limit=5', cookie: office })
    ).json() as StudyBoardResponse;
    expect(board.total).toBeGreaterThan(0);
    // Running it again adds nothing.
    expect(await t.services.study.seed(NOW)).toEqual({ lectures: 0, records: 0, offline: 0 });
  });
});
