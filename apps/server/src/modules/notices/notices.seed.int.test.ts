import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { moduleSeeds: true });
});
afterAll(() => t.close());

const titles = async (username: string, url: string) => {
  const res = await t.request({ method: 'GET', url, cookie: await t.login(username) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { title: string }) => i.title);
};

describe('the demo notices', () => {
  it('reach the secretaries and the members with a login, unread; and a secretary’s reaches its subtree only', async () => {
    const office = ['关于开展“学习二十大精神”网上流动大讲堂学习的通知', '关于核实更新党员联系方式的通知'];
    expect(await titles('member', '/api/v1/inbox?unread=true')).toEqual(expect.arrayContaining(office));
    expect(await titles('haidian', '/api/v1/inbox?unread=true')).toEqual(expect.arrayContaining(office));
    // The 通州 secretary's own notice goes to the 通州 subtree only.
    expect(await titles('haidian', '/api/v1/inbox')).not.toContain('本月主题党日活动安排');
    const sent = await titles('tongzhou', '/api/v1/notices?mine=true');
    expect(sent).toEqual(['本月主题党日活动安排']);
  });
});
