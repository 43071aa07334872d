/** The demo's lecture hall: the series published to the whole committee and a year of completions. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';
import { DEMO_SERIES, DEMO_VIDEO_COURSE } from './courses.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the courses seed', () => {
  it('publishes the series with its files, and a year of completions that are the ledger’s hours', async () => {
    expect(await t.services.learning.seed()).toMatchObject({ courses: 9 });
    const member = await t.login('member');
    const mine = (await t.request({ method: 'GET', url: '/api/v1/courses/mine', cookie: member })).json();
    const ours = mine.items.filter(
      (i: { series: { title: string } | null }) => i.series?.title === DEMO_SERIES,
    );
    expect(ours).toHaveLength(9);
    expect(new Set(ours.map((i: { kind: string }) => i.kind))).toEqual(
      new Set(['article', 'video', 'document']),
    );
    const video = ours.find((i: { title: string }) => i.title === DEMO_VIDEO_COURSE);
    expect(video).toMatchObject({ required: true, completedAt: null });
    const files = await t.request({
      method: 'GET',
      url: `/api/v1/files?ownerType=course&ownerId=${video.id}&purpose=video`,
      cookie: member,
    });
    expect(files.json().items).toHaveLength(1);
    expect(files.json().items[0].mime).toBe('video/mp4');

    // Each member's study hours from courses: the sum of their completed courses, 0 to 24, spread.
    const rows = await queryRows<{ member_id: number; progress: number; ledger: number }>(
      t.store.db,
      sql`select p.member_id, sum(c.credit_hours)::float8 as progress,
          (select coalesce(sum(a.quantity), 0)::float8 from member_activity a
            where a.member_id = p.member_id and a.kind = 'study_hours' and a.source_module = 'learning') as ledger
        from course_progress p join courses c on c.id = p.course_id
        where p.completed_at is not null
        group by p.member_id`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.ledger).toBe(r.progress);
    const hours = rows.map((r) => r.progress);
    expect(Math.max(...hours)).toBe(24);
    expect(Math.min(...hours)).toBeLessThan(10);
    const [{ year }] = (await queryRows<{ year: number }>(
      t.store.db,
      sql`select count(*)::int as year from member_activity where source_module = 'learning'
        and extract(year from occurred_on) <> extract(year from now())`,
    )) as [{ year: number }];
    expect(year).toBe(0);
    // A second run adds nothing.
    expect(await t.services.learning.seed()).toEqual({ courses: 0, completions: 0 });
  });
});
