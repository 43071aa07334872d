import { expect, test } from '../fixtures';
import { InboxPage, NoticeComposePage, NoticePage } from '../pages/NoticesPage';
import { expectPageLooksRight } from '../support/rendering';

test('the office sends a notice to 通州, its secretary reads it, and the office sees 已读 1', async ({
  pageAs,
}, testInfo) => {
  const title = `关于开展主题党日活动的通知 ${Date.now() % 100000}`;
  const officePage = await pageAs('office');
  const compose = new NoticeComposePage(officePage);
  await compose.goto();
  await compose.title.fill(title);
  await compose.body.click();
  await compose.body.pressSequentially('请各支部于本周五前组织学习。');
  await compose.addOrg('驻北京通州区流动党委');
  await expectPageLooksRight(compose.heading, testInfo.outputPath('compose.png'));
  await compose.sendButton.click();

  const sent = new NoticePage(officePage);
  await expect(sent.heading).toHaveText(title);
  await expect(sent.filter('已读 0')).toBeVisible();
  await expect(sent.filter(/^未读 [1-9]\d*$/)).toBeVisible();

  const tongzhou = await pageAs('tongzhou');
  const inbox = new InboxPage(tongzhou);
  await inbox.goto();
  await expect(inbox.bell()).toBeVisible();
  await inbox.item(title).click();
  const read = new NoticePage(tongzhou);
  await expect(read.heading).toHaveText(title);
  await expect(read.readMark).toBeVisible();
  await expect(tongzhou.getByRole('main').getByText('请各支部于本周五前组织学习。')).toBeVisible();

  await officePage.reload();
  await expect(sent.filter('已读 1')).toBeVisible();
  await sent.filter('已读 1').click();
  await expect(sent.recipientRow('通州流动党委书记')).toContainText('已读');
  await expectPageLooksRight(sent.stateTag, testInfo.outputPath('notice.png'));
});
