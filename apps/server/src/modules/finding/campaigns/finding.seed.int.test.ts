import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { sCurveDay } from './finding.seed';

let t: TestApp;
let result: Awaited<ReturnType<TestApp['services']['finding']['demo']>>;

beforeAll(async () => {
  t = await createTestApp({}, { members: 600 });
  result = await t.services.finding.demo();
});
afterAll(() => t.close());

describe('the demo campaigns', () => {
  it('spreads the founding drive over 35 days on an S-curve', () => {
    const days = Array.from({ length: 1000 }, (_, i) => sCurveDay((i + 0.5) / 1000, 35));
    const perDay = Array.from({ length: 35 }, (_, d) => days.filter((x) => x === d).length);
    expect(perDay[17]! + perDay[18]!).toBeGreaterThan(5 * (perDay[0]! + perDay[34]!));
    expect(days.every((d, i) => i === 0 || d >= days[i - 1]!)).toBe(true);
  });

  it('reproduces the founding drive: every found member of the drive, found over 35 days toward a scaled target', async () => {
    expect(result).not.toBeNull();
    const office = await t.login('office');
    const list = (
      await t.request({ method: 'GET', url: '/api/v1/finding/campaigns', cookie: office })
    ).json();
    const founding = list.items.find((c: { startsOn: string }) => c.startsOn === '2009-06-10');
    expect(founding.counts.found).toBe(result!.founding);
    const p = (
      await t.request({
        method: 'GET',
        url: `/api/v1/finding/campaigns/${founding.id}/progress`,
        cookie: office,
      })
    ).json();
    expect(p.daily).toHaveLength(35);
    expect(p.daily.at(-1).cumulative).toBe(result!.founding);
    const mid = p.daily[17].cumulative / result!.founding;
    expect(mid).toBeGreaterThan(0.3);
    expect(mid).toBeLessThan(0.7);
    expect(p.daily[3].cumulative / result!.founding).toBeLessThan(0.1);
    expect(p.byDistrict.length).toBeGreaterThan(5);
    expect(p.campaign.targetCount).toBeGreaterThanOrEqual(100);
  });

  it('has a campaign of 通州 running now, with open leads in several states for the demo finders', async () => {
    const finder = await t.login('finder5');
    const mine = (await t.request({ method: 'GET', url: '/api/v1/finding/my-leads', cookie: finder })).json();
    const states = new Set(mine.items.map((l: { state: string }) => l.state));
    expect(states.size).toBeGreaterThanOrEqual(2);
    const tongzhou = await t.login('tongzhou');
    const list = (
      await t.request({ method: 'GET', url: '/api/v1/finding/campaigns', cookie: tongzhou })
    ).json();
    expect(list.items.map((c: { name: string }) => c.name)).toEqual(['通州区流动党员排查寻找行动']);
    expect(list.items[0].counts.unassigned).toBeGreaterThan(0);
    expect(await t.services.finding.demo()).toBeNull();
  });
});
