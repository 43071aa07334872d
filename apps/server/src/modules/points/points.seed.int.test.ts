/** The demo's archive room and points: the seeded figures, and a second run adds nothing. */
import { ARCHIVE_CATEGORIES } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';
import { currentYear } from './points.service';

let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(() => t.close());

const get = async (url: string) =>
  (await t.request({ method: 'GET', url: `/api/v1${url}`, cookie: office })).json();
const seedOf = (module: string) =>
  t.app.platform.seeds.find((s) => s.module === module)!.step(t.app.platform.ctx);

describe('the demo archive room', () => {
  it('holds 240 items of every category over 2019–2026 in cabinets A–F, five out and one overdue', async () => {
    await seedOf('archives');
    await seedOf('archives');
    const all = await get('/archives?limit=1');
    expect(all.totals).toEqual({ count: 240, onLoan: 5, overdue: 1 });
    const rows = await queryRows<{ category: string; years: number[] }>(
      t.store.db,
      sql`select category, array_agg(distinct year order by year)::int[] as years from archive_items group by category`,
    );
    expect(rows.map((r) => r.category).sort()).toEqual([...ARCHIVE_CATEGORIES].sort());
    const years = new Set(rows.flatMap((r) => r.years));
    for (let y = 2019; y <= 2026; y++) expect(years.has(y), String(y)).toBe(true);
    const { rooms } = await get('/archives/places');
    expect(rooms.map((r: { name: string }) => r.name)).toEqual(['二楼档案室']);
    expect(rooms[0].cabinets.map((c: { name: string }) => c.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(rooms[0].cabinets[0].shelves.map((s: { name: string }) => s.name)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(rooms[0]).toMatchObject({ items: 240, onLoan: 5 });
    const honour = await get(`/archives?q=${encodeURIComponent('全国抗击新冠肺炎疫情先进集体')}`);
    expect(honour.items).toHaveLength(1);
    expect(honour.items[0]).toMatchObject({ year: 2020, category: 'honour', retention: 'permanent' });
    const overdue = await get('/archives/loans?state=overdue');
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0].daysOverdue).toBeGreaterThanOrEqual(14);
    const members = await get('/archives?category=member&limit=5');
    expect(members.items.every((i: { member: unknown }) => i.member !== null)).toBe(true);
  });
});

describe('the demo points', () => {
  it('runs last year and this year over every member in good standing; again, it replaces its runs', async () => {
    const year = currentYear();
    await seedOf('points');
    await seedOf('points');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members where status = 'active'`,
    )) as [{ n: number }];
    for (const y of [year - 1, year]) {
      const runs = await get(`/points/runs?year=${y}`);
      expect(runs.items, String(y)).toHaveLength(1);
      expect(runs.items[0]).toMatchObject({ year: y, memberCount: n, computedBy: null });
    }
    const ranking = await get(`/points/ranking?year=${year}&limit=3`);
    expect(ranking.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3]);
    expect(Number(ranking.items[0].total)).toBeGreaterThanOrEqual(20);
    expect((await get(`/points/ranking/orgs?year=${year}`)).items.length).toBeGreaterThanOrEqual(17);
  });
});
