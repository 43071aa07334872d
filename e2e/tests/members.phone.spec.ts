import { expect, signedInAs, test } from '../fixtures';
import { MemberPage } from '../pages/MemberPage';
import { MembersPage } from '../pages/MembersPage';
import { expectNoHorizontalOverflow } from '../support/rendering';

test.use(signedInAs('office'));

// 390×844: the office's member list on a phone is plain cards, a search box and a filter sheet.
test('office filters the member list on a phone, searches a name, resets the filters and opens the member', async ({
  page,
}) => {
  const list = new MembersPage(page);
  await list.goto();
  await expect(list.cards.first()).toBeVisible();
  // The phone's list is drawn without antd (its first load carries none) and fits the screen.
  await expect(page.locator('[class*="ant-"]')).toHaveCount(0);
  await expectNoHorizontalOverflow(page);

  await list.filtersButton.click();
  await expect(list.filterSheet).toBeVisible();
  await list.filterSheet.getByRole('checkbox', { name: '失联' }).check();
  await list.filterSheet.getByRole('spinbutton', { name: '最小' }).fill('60');
  await list.filterSheet.getByRole('spinbutton', { name: '最大' }).fill('30');
  await list.filterSheet.getByRole('button', { name: '查询' }).click();
  await expect(list.filterSheet.getByRole('alert')).toHaveText('起始值不能大于结束值');
  await list.filterSheet.getByRole('spinbutton', { name: '最大' }).fill('');
  await list.filterSheet.getByRole('button', { name: '查询' }).click();
  await expect(list.filterSheet).toBeHidden();
  await expect(page).toHaveURL(/\/members\?status=lost&ageFrom=60$/);
  await expect(list.filtersButton).toHaveText('筛选2');
  await expect(list.cards.first()).toBeVisible();
  for (const card of (await list.cards.all()).slice(0, 5)) await expect(card).toContainText('失联');

  const first = list.cards.first().getByRole('link');
  const href = (await first.getAttribute('href')) ?? '';
  const name = (await first.locator('strong').textContent()) ?? '';
  await list.searchFor(name);
  await expect(page).toHaveURL(/status=lost/);
  // 重置 clears the filters, not the search; the sheet then shows none set (Escape closes it).
  await list.filtersButton.click();
  await expect(list.filterSheet.getByRole('checkbox', { name: '失联' })).toBeChecked();
  await list.filterSheet.getByRole('button', { name: '重置' }).click();
  await expect(page).toHaveURL(/\/members\?q=[^&]+$/);
  await list.filtersButton.click();
  await expect(list.filterSheet.getByRole('checkbox', { name: '失联' })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(list.filterSheet).toBeHidden();
  const card = list.cards.filter({ has: page.locator(`a[href="${href}"]`) });
  await expect(card).toContainText(name);
  await card.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(new MemberPage(page).name).toHaveText(name);
});
