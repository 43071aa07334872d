import { type DuesArrearsResponse, localIsoDate, monthLabel, nextMonth } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { DuesPage } from '../pages/DuesPage';

test.use(signedInAs('tongzhou'));

test('a secretary opens the month, records dues for members in arrears and sees the arrears list shrink', async ({
  page,
  apiAs,
}) => {
  const api = await apiAs('tongzhou');
  const arrears = async (query: string) => {
    const res = await api.request.get(`/api/v1/dues/arrears?limit=500&${query}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as DuesArrearsResponse).items;
  };
  const current = localIsoDate(new Date()).slice(0, 7);
  // A member owing the two months before this one (the demo's 通州 has not opened this month).
  const before = await arrears('minMonths=1');
  const owing =
    before.find((a) => a.months === 2 && a.oldestMonth === nextMonth(current, -2)) ??
    before.find((a) => a.months === 1 && a.oldestMonth === nextMonth(current, -1));
  if (!owing) throw new Error('the demo has no member owing the last months in 通州');
  const branch = owing.org;

  const dues = new DuesPage(page);
  await dues.openMonth(branch.id, branch.name, monthLabel(current));
  const monthPage = page.url();
  // Now this month is due too: someone owing only this month, besides the first.
  const other = (await arrears(`orgId=${branch.id}`)).find(
    (a) => a.months === 1 && a.oldestMonth === current && a.memberId !== owing.memberId,
  );
  if (!other) throw new Error('no member owing this month only');
  const inArrears = await dues.membersInArrears();

  await page.goto(monthPage);
  // The first pays the months owed and this one by transfer (a quarter, or two months); the other pays cash.
  await dues.pay(owing.memberName, { fromMonthText: monthLabel(owing.oldestMonth), method: '转账' });
  await dues.pay(other.memberName, { method: '现金' });

  expect(await dues.membersInArrears()).toBe(inArrears - 2);
});
