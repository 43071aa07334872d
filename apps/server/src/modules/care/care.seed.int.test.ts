/** The demo's care records: holiday visits, help, 政治生日 visits and the honours on the wall. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';

let t: TestApp;
let office: string;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.login('office');
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1${url}`, cookie: office });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the demo care records', () => {
  it('visits before 春节 and 中秋 2026, help of every kind (some before 春节), each in the ledger; run again, nothing added', async () => {
    const first = await t.services.care.seed();
    expect(await t.services.care.seed()).toEqual(first);

    const spring = await get('/care/visits?reason=holiday&year=2026&limit=200');
    const items = spring.items as { holiday: string; visitedOn: string; giftFen: number; visitors: string }[];
    const chunjie = items.filter((v) => v.holiday === '春节');
    const zhongqiu = items.filter((v) => v.holiday === '中秋');
    expect(chunjie.length).toBeGreaterThan(5);
    expect(zhongqiu.length).toBeGreaterThan(5);
    expect(chunjie.every((v) => v.visitedOn >= '2026-02-01' && v.visitedOn <= '2026-02-15')).toBe(true);
    expect(zhongqiu.every((v) => v.visitedOn >= '2026-09-14' && v.visitedOn <= '2026-09-24')).toBe(true);
    expect(chunjie.every((v) => v.giftFen >= 30_000 && v.visitors.endsWith('书记、组织委员'))).toBe(true);

    const help = await get('/care/help?limit=200');
    const given = help.items as { kind: string; amountFen: number; givenOn: string }[];
    const kinds = given.map((h) => h.kind);
    expect(kinds.filter((k) => k === 'service')).toHaveLength(1);
    expect(kinds).toContain('money');
    // Help before 春节 (17 February 2026) too, besides the help over the year.
    const beforeSpring = (h: { givenOn: string }) => h.givenOn >= '2026-02-02' && h.givenOn <= '2026-02-15';
    expect(given.filter((h) => h.kind !== 'service' && beforeSpring(h)).length).toBeGreaterThan(0);
    expect(help.totals.count).toBe(first.help);

    const [ledger] = await queryRows<{ care: number; honour: number }>(
      t.store.db,
      sql`select count(*) filter (where kind = 'care')::int as care, count(*) filter (where kind = 'honour')::int as honour
        from member_activity where source_module = 'care'`,
    );
    const individual = await get('/honours?kind=individual&limit=200');
    expect(ledger).toEqual({ care: first.visits + first.help, honour: individual.totals.count });
  });

  it('the wall begins with the 2020 national collective honour of the committee', async () => {
    const wall = await get('/honours/wall');
    expect(wall.collective[0]).toMatchObject({
      level: 'national',
      title: '全国抗击新冠肺炎疫情先进集体',
      issuer: '中共中央、国务院、中央军委',
      awardedOn: '2020-09-08',
      recipient: '中共张家口市驻京流动党员联合委员会',
    });
    const levels = (wall.collective as { level: string }[]).map((h) => h.level);
    expect(levels).toContain('provincial');
    expect(levels).toContain('city');
    expect(wall.individual.length).toBeGreaterThan(0);
    expect(wall.individual.length).toBeLessThanOrEqual(40);
    // Of several kinds and levels, not one title repeated.
    expect(new Set((wall.individual as { title: string }[]).map((h) => h.title)).size).toBeGreaterThan(1);
  });
});
