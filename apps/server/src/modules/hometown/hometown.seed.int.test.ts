/** The demo's hometown ledgers reproduce the committee's figures and its named records. */
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

const get = async (url: string) =>
  (await t.request({ method: 'GET', url: `/api/v1/hometown${url}`, cookie: office })).json();

describe('the demo hometown ledgers', () => {
  it('hold 500+ projects with 5 billion+ signed, nearly 500 million donated, 100,000+ person-times placed', async () => {
    const first = await t.services.hometown.seed();
    expect(first.projects).toBeGreaterThanOrEqual(500);
    // Run again, it adds nothing.
    expect(await t.services.hometown.seed()).toEqual(first);

    const { total, rows, byPurpose } = await get('/totals');
    expect(total.projects).toBe(first.projects);
    expect(total.signedFen).toBeGreaterThan(500_000_000_000);
    expect(total.signedFen).toBeLessThan(800_000_000_000);
    const donated = total.fundsFen + total.goodsFen;
    expect(donated).toBeGreaterThan(48_000_000_000);
    expect(donated).toBeLessThan(50_000_000_000);
    expect(total.personTimes).toBeGreaterThan(100_000);
    // Every county and every year from 2009 has something.
    const counties = new Set((rows as { county: { code: string } }[]).map((r) => r.county.code));
    expect(counties.size).toBe(16);
    const years = new Set((rows as { year: number | null }[]).map((r) => r.year));
    for (let y = 2009; y <= 2025; y++) expect(years.has(y), String(y)).toBe(true);

    // COVID-19, 2020: 3+ million yuan of funds, nearly 2 million of goods.
    const covid = await get('/donations?year=2020&purpose=covid&limit=200');
    const sumOf = (kind: string) =>
      (covid.items as { kind: string; amountFen: number }[])
        .filter((d) => d.kind === kind)
        .reduce((s, d) => s + d.amountFen, 0);
    expect(sumOf('funds')).toBe(306_000_000);
    expect(sumOf('goods')).toBe(196_000_000);
    expect(
      (byPurpose as { purpose: string; year: number; amountFen: number }[]).find(
        (p) => p.purpose === 'covid' && p.year === 2020,
      )?.amountFen,
    ).toBe(502_000_000);
  });

  it('name the 蔚县 furniture park and the 康保县 school donations', async () => {
    const found = await get('/projects?countyCode=130726&q=古典家具');
    const park = found.items[0];
    expect(park).toMatchObject({ park: '蔚县吉家庄镇产业园', stageLabel: '投产' });
    expect(park.enterprises).toHaveLength(42);
    const detail = await get(`/projects/${park.id}`);
    expect(detail.years.find((y: { year: number }) => y.year === 2021)).toEqual({
      year: 2021,
      outputFen: 8_060_000_000,
      taxFen: 900_000_000,
      jobs: 520,
    });
    expect(detail.stages.map((s: { stageLabel: string }) => s.stageLabel)).toEqual([
      '洽谈',
      '签约',
      '开工',
      '投产',
    ]);

    const schools = (
      await get('/donations?countyCode=130723&purpose=education&kind=goods&q=康保县&limit=200')
    ).items as {
      recipient: string;
      amountFen: number;
      items: { name: string; valueFen: number }[];
    }[];
    const named = schools.filter((d) => /康保县(第二小学|张纪镇|屯垦镇)/.test(d.recipient));
    expect(named.reduce((s, d) => s + d.amountFen, 0)).toBe(100_000_000);
    const goods = new Set(named.flatMap((d) => d.items.map((i) => i.name)));
    for (const thing of ['课桌椅', '黑板', '电子教室设备']) expect(goods.has(thing), thing).toBe(true);
    for (const d of named) expect(d.items.reduce((s, i) => s + i.valueFen, 0)).toBe(d.amountFen);
  });

  it('credit the introducers and member donors in their ledgers', async () => {
    const [row] = await queryRows<{ introducers: number; donors: number; entries: number; fen: string }>(
      t.store.db,
      sql`select (select count(*)::int from hometown_project_introducers) as introducers,
          (select count(*)::int from hometown_donations where donor_member_id is not null) as donors,
          (select count(*)::int from member_activity where source_module = 'hometown') as entries,
          (select coalesce(sum(quantity), 0)::text from member_activity where source_module = 'hometown') as fen`,
    );
    expect(row!.introducers).toBeGreaterThan(300);
    expect(row!.donors).toBeGreaterThan(100);
    expect(row!.entries).toBe(row!.introducers + row!.donors);
    const [member] = await queryRows<{ fen: string }>(
      t.store.db,
      sql`select sum(amount_fen)::text as fen from hometown_donations where donor_member_id is not null`,
    );
    expect(Number(row!.fen)).toBe(Number(member!.fen));
  });
});
