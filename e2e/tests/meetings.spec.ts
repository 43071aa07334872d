import { expect, signedInAs, test } from '../fixtures';
import { MeetingPage, MeetingsPage } from '../pages/MeetingsPage';
import { expectPageLooksRight } from '../support/rendering';

test.use(signedInAs('tongzhou'));

test('the secretary creates a 主题党日 and shows its sign-in QR', async ({ page }, testInfo) => {
  const topic = `主题党日：重温入党誓词 ${Date.now() % 100000}`;
  const list = new MeetingsPage(page);
  await list.goto();
  await list.create({ orgName: '建筑业流动党支部', type: '主题党日', topic });
  await expect(page.getByText('已新建会议')).toBeVisible();

  const meeting = new MeetingPage(page);
  await expect(meeting.heading).toHaveText(topic);
  const state = page.getByRole('main').getByText('计划', { exact: true });
  await expect(state).toBeVisible();
  // The members of the branch are expected by default.
  await expect(meeting.counts).toContainText('应到');
  await meeting.showCode.click();
  await expect(meeting.code.getByRole('img', { name: '扫码签到' })).toBeVisible();
  await expect(meeting.code.getByRole('heading', { name: topic })).toBeVisible();
  // The form's default time is the next whole hour: the window opens half an hour before it.
  await expect(meeting.code).toContainText(/签到时间：.+ 至 .+/);
  await expectPageLooksRight(state, testInfo.outputPath('meeting.png'));

  // Among the 主题党日 of the subtree (the month's others are planned later, listed first).
  await list.goto();
  // A pick that lands while the dropdown is still opening is lost: pick again until the list shows it.
  await expect(async () => {
    await list.filterByType('主题党日');
    await expect(page.getByRole('main').getByRole('link', { name: topic })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
});
