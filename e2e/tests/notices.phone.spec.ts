import { expect, test } from '../fixtures';
import { InboxPage, NoticeComposePage, NoticeListPage, NoticePage } from '../pages/NoticesPage';
import { expectPageLooksRight } from '../support/rendering';

// 390×844: a member reads the inbox and a notice on a phone.

test('a member opens a notice from the inbox on a phone', async ({ pageAs, apiAs }, testInfo) => {
  const office = await apiAs('office');
  const title = `流动党员学习提醒 ${Date.now() % 100000}`;
  const sent = await office.request.post('/api/v1/notices', {
    data: {
      title,
      bodyHtml:
        '<h2>学习安排</h2><p>请<strong>按时</strong>完成本月学习。</p><ul><li>观看网上大讲堂</li><li>撰写心得体会</li></ul>' +
        '<table><tr><th>时间</th><th>内容</th></tr><tr><td>周五</td><td>集中学习</td></tr></table>',
      target: { roles: ['member'] },
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);

  const page = await pageAs('member');
  const inbox = new InboxPage(page);
  await inbox.goto();
  await expect(inbox.bell()).toBeVisible();
  await expectPageLooksRight(inbox.heading, testInfo.outputPath('inbox.png'));
  await inbox.item(title).click();
  const notice = new NoticePage(page);
  await expect(notice.heading).toHaveText(title);
  await expect(notice.readMark).toBeVisible();
  await expectPageLooksRight(notice.stateTag, testInfo.outputPath('notice.png'));

  const list = new NoticeListPage(await pageAs('office'));
  await list.goto();
  await expect(list.row(title)).toContainText('已读 1 /');
  await expectPageLooksRight(list.heading, testInfo.outputPath('list.png'));
});

test('a secretary’s compose form fits a phone', async ({ pageAs }, testInfo) => {
  const compose = new NoticeComposePage(await pageAs('tongzhou'));
  await compose.goto();
  await compose.title.fill('关于报送学习心得的通知');
  await compose.body.click();
  await compose.body.pressSequentially('请于月底前报送。');
  await compose.addOrg('建筑业流动党支部');
  await expect(compose.sendButton).toBeVisible();
  await expectPageLooksRight(compose.heading, testInfo.outputPath('compose.png'));
});
