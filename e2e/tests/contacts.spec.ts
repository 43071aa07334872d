import type { MemberListResponse } from '@ningxin/shared';
import { expect, test } from '../fixtures';
import { MemberContactsCard, pageSignedInAs } from '../pages/ContactsPage';

// 双重管理: the home side (康保县委组织部) logs a note on one of its county's members; the committee
// office sees it on the member's page, marked as written by the home side.

test('康保 adds a contact note and the office sees it on the member page', async ({ pageAs, browser }) => {
  const kangbaoPage = await pageSignedInAs(browser, 'kangbao');
  const res = await kangbaoPage.request.get('/api/v1/members?homeCounty=130723&status=active&limit=1');
  expect(res.status(), await res.text()).toBe(200);
  const [member] = ((await res.json()) as MemberListResponse).items;
  if (!member) throw new Error('no 康保 member in the demo');
  const note = `家属说在京做装修，近况良好 ${Date.now() % 100000}`;

  const home = new MemberContactsCard(kangbaoPage);
  await home.goto(member.id);
  await home.addNote(note);
  await expect(home.entry(note)).toBeVisible();

  const office = new MemberContactsCard(await pageAs('office'));
  await office.goto(member.id);
  await expect(office.entry(note)).toContainText('流出地 · 康保县委组织部');

  // A call that reached the member moves the last contact date to today.
  await office.addReachedCall('电话联系，本人在京');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await expect(office.card).toContainText(`最近联系：${today}`);
  await expect(office.entry('电话联系，本人在京')).toContainText('流动党委 · 流动党委办公室');
  await kangbaoPage.context().close();
});
