import { expect, test } from '../fixtures';
import { PortalPage } from '../pages/PortalPage';
import { expectPageLooksRight } from '../support/rendering';

// 390×844: a member's home is the portal, its cards each showing a part of the member's year.

test('a member lands on the portal: study, courses, meetings, messages, reflections, the report and the record', async ({
  pageAs,
  apiAs,
}, testInfo) => {
  const office = await apiAs('office');
  const title = `关于报送年度思想汇报的通知 ${Date.now() % 100000}`;
  const sent = await office.request.post('/api/v1/notices', {
    data: { title, bodyHtml: '<p>请于年底前报送。</p>', target: { roles: ['member'] } },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  const page = await pageAs('member');
  const portal = new PortalPage(page);
  await portal.goto();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(portal.heading).toContainText('您好');
  await expect(portal.card('通知消息')).toContainText(title);
  await expect(portal.card('我的档案')).toContainText(/1\d{2}\*{4}\d{4}/);
  await expect(portal.card('我的组织生活')).toBeVisible();
  // The study year, the required courses, reflections and the yearly report, each its own card.
  await expect(portal.card('本年度学时')).toContainText(/已修 [\d.]+ \/ 32 学时/);
  await expect(portal.card('学习课程')).toBeVisible();
  await expect(portal.card('我的心得')).toContainText('精选心得');
  await expect(portal.card('年度思想汇报')).toBeVisible();
  await expectPageLooksRight(portal.heading, testInfo.outputPath('portal.png'));

  await portal.more('我的组织生活').click();
  await expect(page).toHaveURL(/\/my-meetings$/);
  await page.goBack();
  await portal.card('通知消息').getByRole('link', { name: title }).click();
  await expect(page.getByRole('main').getByRole('heading', { name: title })).toBeVisible();
});

test('a secretary’s home stays the workbench', async ({ pageAs }) => {
  const page = await pageAs('tongzhou');
  await page.goto('/');
  await expect(page.getByRole('main').locator('.ant-card').filter({ hasText: '待办事项' })).toBeVisible();
  await expect(page).not.toHaveURL(/\/portal/);
});
