import type { MemberListItem } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { CareVisitsPage } from '../pages/CarePage';
import { MemberPage } from '../pages/MemberPage';

test.use(signedInAs('tongzhou'));

test('a secretary records a holiday visit to a member and finds it in the list and on the member’s 履历', async ({
  page,
  apiAs,
}) => {
  const api = await apiAs('tongzhou');
  const response = await api.request.get('/api/v1/members', { params: { limit: 10, status: 'active' } });
  expect(response.status(), await response.text()).toBe(200);
  const member = ((await response.json()) as { items: MemberListItem[] }).items[4];
  if (!member) throw new Error('no member in the secretary’s list');
  const visitors = `通州流动党委书记、组织委员 ${Date.now() % 100000}`;

  const visits = new CareVisitsPage(page);
  await visits.goto();
  await visits.recordHolidayVisit({
    memberName: member.name,
    memberOption: `${member.name} · ${member.idNumberMasked.slice(-4)} · ${member.orgName}`,
    holiday: '元旦',
    visitors,
    giftYuan: '500',
  });
  const row = visits.row(visitors);
  await expect(row).toContainText(member.name);
  await expect(row).toContainText('节日慰问（元旦）');
  await expect(row).toContainText('500.00');

  await row.getByRole('link', { name: member.name }).click();
  const profile = new MemberPage(page);
  await expect(profile.name).toHaveText(member.name);
  await expect(page.getByRole('main').getByText('元旦走访慰问').first()).toBeVisible();
});
