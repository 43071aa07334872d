import { addDays, localIsoDate, type MemberListItem } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { TrainingsPage } from '../pages/TrainingsPage';

test.use(signedInAs('tongzhou'));

test('a secretary creates a class with a quota, nominates members and sees the waitlist', async ({
  page,
  apiAs,
}) => {
  // Three members of 通州 on the rolls, each named once in the list.
  const api = await apiAs('tongzhou');
  const listed = await api.request.get('/api/v1/members', {
    params: { status: 'active', limit: 60, sort: 'name', order: 'asc' },
  });
  const members = ((await listed.json()) as { items: MemberListItem[] }).items;
  const unique = members.filter((m) => members.filter((x) => x.name === m.name).length === 1).slice(0, 3);
  expect(unique).toHaveLength(3);

  const today = localIsoDate(new Date());
  const title = `通州流动党员专题培训班 ${Date.now() % 100000}`;
  const list = new TrainingsPage(page);
  await list.goto();
  const detail = await list.create({
    title,
    orgName: '驻北京通州区流动党委',
    startsOn: addDays(today, 10),
    endsOn: addDays(today, 11),
    quota: 2,
  });
  await expect(detail.heading).toContainText('草稿');
  await detail.openEnrolment();
  await detail.nominate(unique.map((m) => m.name));
  await expect(page.getByText('已推荐 2 人，候补 1 人')).toBeVisible();
  await expect(detail.counts).toHaveText('已报名 2/2 · 候补 1 · 已结业 0');
  await expect(detail.row(unique[0]!.name)).toContainText('已报名');
  await expect(detail.row(unique[1]!.name)).toContainText('已报名');
  await expect(detail.row(unique[2]!.name)).toContainText('候补第 1 位');

  // Withdrawing an enrolled member moves the waitlist up.
  await detail.row(unique[0]!.name).getByRole('button', { name: '退出' }).click();
  const dialog = page.getByRole('dialog', { name: `为 ${unique[0]!.name} 办理退出` });
  await dialog.getByRole('button', { name: '退出' }).click();
  await expect(dialog).toBeHidden();
  await expect(detail.row(unique[2]!.name)).toContainText('已报名');
  await expect(detail.row(unique[0]!.name)).toContainText('已退出');
});
