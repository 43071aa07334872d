import type { StatsMembersResponse } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { StatsPage } from '../pages/StatsPage';

test.use(signedInAs('office'));

test('the office opens 数据统计, reads the committee total the API gives, and opens a county’s members', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const stats = new StatsPage(page);
  await stats.goto();

  const byCommittee = (await (
    await page.request.get('/api/v1/stats/members?by=secondCommittee')
  ).json()) as StatsMembersResponse;
  await expect(stats.panel('secondCommittee').getByRole('img', { name: '按二级流动党委' })).toBeVisible();
  await expect(stats.total('secondCommittee')).toHaveText(byCommittee.total.toLocaleString('zh-CN'));

  const byCounty = (await (
    await page.request.get('/api/v1/stats/members?by=homeCounty')
  ).json()) as StatsMembersResponse;
  const county = byCounty.rows.find((r) => r.name === '康保县') ?? byCounty.rows[0]!;
  await stats.openRow('homeCounty', county.name);

  await expect(page).toHaveURL(new RegExp(`/members\\?.*homeCounty=${county.key}`));
  const count = new RegExp(`共 (${county.count}|${county.count.toLocaleString('zh-CN')}) 人`);
  await expect(page.getByRole('main').getByText(count)).toBeVisible();
});
