import { expect, signedInAs, test } from '../fixtures';
import { PortalPage } from '../pages/PortalPage';
import { MyVolunteerHoursPage, VolunteerHoursReviewPage } from '../pages/VolunteerHoursPage';
import { storageStateOf } from '../support/accounts';
import { expectNoHorizontalOverflow } from '../support/rendering';

// A member of 通州 reports 3 hours of service on a phone (390×844); 通州's secretary approves the
// report at the desk (1366×768); the member's portal card counts the 3 hours.

test.use(signedInAs('member'));

const hoursOn = async (card: import('@playwright/test').Locator) =>
  Number(((await card.getByTestId('volunteer-year-hours').textContent()) ?? '').replace(/[^\d.]/g, ''));

test('a member reports hours on the phone, the secretary approves at the desk, the card shows them', async ({
  page,
  browser,
}) => {
  const portal = new PortalPage(page);
  await portal.goto();
  const card = portal.card('我的志愿服务时长');
  await expect(card.getByTestId('volunteer-year-hours')).toBeVisible({ timeout: 20_000 });
  const before = await hoursOn(card);

  const description = `帮助社区老人代购药品 ${Date.now() % 100000}`;
  const mine = new MyVolunteerHoursPage(page);
  await mine.goto();
  await mine.report(3, description, '所住社区');
  await expect(mine.item(description).getByText('待审核')).toBeVisible();
  await expect(mine.page.getByText('待审核 3 小时')).toBeVisible();
  await expectNoHorizontalOverflow(mine.page);

  const desk = await browser.newContext({
    storageState: storageStateOf('tongzhou'),
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const review = new VolunteerHoursReviewPage(await desk.newPage());
    await review.goto();
    const row = review.row(description);
    await expect(row.getByText('待审核')).toBeVisible();
    await row.getByRole('button', { name: /^通过/ }).click();
    await expect(review.page.getByText('已通过，时长已计入志愿服务记录')).toBeVisible();
    await expect(row.getByText('已通过')).toBeVisible();
  } finally {
    await desk.close();
  }

  await portal.goto();
  await expect(card.getByTestId('volunteer-year-hours')).toHaveText(
    `${Math.round((before + 3) * 10) / 10} 小时`,
  );
  await mine.goto();
  await expect(mine.item(description).getByText('已通过')).toBeVisible();
});
