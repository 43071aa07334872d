import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { queryRows } from '../../../db/client';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = async (url: string, username: string) =>
  (await t.request({ method: 'GET', url, cookie: await t.login(username) })).json();

describe('the demo reflections and yearly reports', () => {
  it('holds reflections of several committees in every state, featured ones, comments and reports', async () => {
    await t.services.trainings.seed();
    await t.services.compliance.seed();
    const made = await t.services.reflections.seed();
    expect(made.reflections).toBeGreaterThanOrEqual(12);
    const rows = await queryRows<{ committee: string; state: string; featured: boolean }>(
      t.store.db,
      sql`select split_part(org_path, '.', 2) as committee, state, featured_at is not null as featured from reflections`,
    );
    expect(new Set(rows.map((r) => r.committee)).size).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.state === 'returned')).toHaveLength(1);
    expect(rows.some((r) => r.state === 'submitted')).toBe(true);
    expect(rows.some((r) => r.state === 'approved' && !r.featured)).toBe(true);

    // Featured ones are read by everyone; 通州's secretary reviews those of 通州 only.
    const featured = (await get('/api/v1/reflections/featured?limit=50', 'member')).items;
    expect(featured.length).toBe(rows.filter((r) => r.featured).length);
    const tz = (await get('/api/v1/reflections?limit=100', 'tongzhou')).items as { org: { name: string } }[];
    expect(tz.length).toBeGreaterThan(0);
    expect(tz.length).toBeLessThan(rows.length);
    // Each subject names what it is about.
    expect(featured.every((r: { subject: { title: string | null } }) => r.subject.title)).toBe(true);

    const comments = await queryRows<{ state: string }>(
      t.store.db,
      sql`select state from reflection_comments`,
    );
    expect(new Set(comments.map((c) => c.state))).toEqual(new Set(['approved', 'pending', 'rejected']));
    const reports = (await get('/api/v1/member-reports?limit=100', 'office')).items as { state: string }[];
    expect(reports.length).toBe(made.reports);
    expect(new Set(reports.map((r) => r.state))).toEqual(new Set(['submitted', 'acknowledged']));
  });
});
