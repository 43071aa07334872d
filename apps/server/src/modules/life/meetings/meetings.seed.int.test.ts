import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('gives the demo member a 主题党日 open for sign-in now and a 党课 next week; other branches have plans', async () => {
  const made = await t.services.life.seed();
  expect(made).toBeGreaterThanOrEqual(5);
  const member = await t.login('member');
  const mine = (await t.request({ method: 'GET', url: '/api/v1/meetings/mine', cookie: member })).json();
  expect(mine.upcoming.map((m: { type: string }) => m.type)).toEqual(['theme_day', 'party_lecture']);
  const [today, nextWeek] = mine.upcoming as { id: number; plannedAt: string }[];
  expect(Date.parse(today!.plannedAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  const days = (Date.parse(nextWeek!.plannedAt) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6);
  expect(days).toBeLessThan(8);

  // The secretary's QR of today's meeting signs the member in at once.
  const tongzhou = await t.login('tongzhou');
  const code = (
    await t.request({ method: 'GET', url: `/api/v1/meetings/${today!.id}/sign-in-code`, cookie: tongzhou })
  ).json();
  const token = new URL(code.url).searchParams.get('t');
  const signed = await t.request({
    method: 'POST',
    url: `/api/v1/meetings/${today!.id}/sign-in`,
    cookie: member,
    payload: { token },
  });
  expect(signed.json().outcome).toBe('signed');
  const list = (
    await t.request({ method: 'GET', url: '/api/v1/meetings?limit=100', cookie: tongzhou })
  ).json();
  expect(list.items.length).toBeGreaterThanOrEqual(5);
});
