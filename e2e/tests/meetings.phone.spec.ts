import type { MeetingResponse, MemberResponse, SignInCodeResponse } from '@ningxin/shared';
import { expect, test } from '../fixtures';
import { LoginPage } from '../pages/LoginPage';
import { SignInPage } from '../pages/MeetingsPage';
import { DEMO_PASSWORD } from '../support/accounts';
import { expectPageLooksRight } from '../support/rendering';

// 390×844: a member scans the meeting's QR with the phone, logs in, and is signed in once.

test('a member opens the sign-in link on a phone: 签到成功, then 您已签到', async ({
  browser,
  pageAs,
  apiAs,
}, testInfo) => {
  const secretary = await apiAs('tongzhou');
  const self = await apiAs('member');
  const me = (await (await self.request.get('/api/v1/me/member')).json()) as MemberResponse;
  const topic = `主题党日：学习党章 ${Date.now() % 100000}`;
  const created = await secretary.request.post('/api/v1/meetings', {
    data: { orgId: me.orgId, type: 'theme_day', topic, plannedAt: new Date().toISOString() },
  });
  expect(created.status(), await created.text()).toBe(201);
  const meeting = (await created.json()) as MeetingResponse;
  const code = (await (
    await secretary.request.get(`/api/v1/meetings/${meeting.id}/sign-in-code`)
  ).json()) as SignInCodeResponse;
  const link = new URL(code.url);
  const path = `${link.pathname}${link.search}`;

  // The phone's browser is not signed in: the link goes through the login page and back.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const phone = await context.newPage();
  await phone.goto(path);
  await expect(phone).toHaveURL(/\/login\?next=/);
  await new LoginPage(phone).login('member', DEMO_PASSWORD);
  const first = new SignInPage(phone);
  await expect(first.outcome).toHaveText('签到成功');
  await expect(phone.getByText(topic)).toBeVisible();
  await expectPageLooksRight(first.outcome, testInfo.outputPath('signed.png'));
  await context.close();

  // A second scan says so.
  const again = new SignInPage(await pageAs('member'));
  await again.open(path);
  await expect(again.outcome).toHaveText('您已签到');
  await expect(again.page.getByText(topic)).toBeVisible();

  // A code of another meeting is refused with the server's message.
  const other = await secretary.request.post('/api/v1/meetings', {
    data: {
      orgId: me.orgId,
      type: 'group_meeting',
      topic: `党小组会 ${Date.now() % 100000}`,
      plannedAt: new Date().toISOString(),
    },
  });
  const otherId = ((await other.json()) as MeetingResponse).id;
  await again.open(path.replace(`/meeting/${meeting.id}?`, `/meeting/${otherId}?`));
  await expect(again.refusal).toHaveText('这个二维码属于另一场活动，请扫描本场的签到码');
});
