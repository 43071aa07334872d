import type { ReflectionListResponse } from '@ningxin/shared';
import { expect, test } from '../fixtures';
import { MyReflectionsPage, ReflectionsReviewPage } from '../pages/ReflectionsPage';
import { storageStateOf } from '../support/accounts';
import { expectNoHorizontalOverflow } from '../support/rendering';

// 通州's secretary features an approved reflection of the demo at the desk (1366×768); a member
// of the committee opens 我的心得 on a phone (390×844) and finds it among the featured ones.

test('a secretary features a reflection at the desk and a member sees it on the phone', async ({
  pageAs,
  apiAs,
  browser,
}) => {
  // A fact for the test: an approved reflection of 通州 not featured yet (the demo holds some).
  const api = await apiAs('tongzhou');
  const res = await api.request.get('/api/v1/reflections?state=approved&limit=100');
  expect(res.status()).toBe(200);
  const target = ((await res.json()) as ReflectionListResponse).items.find((r) => !r.featuredAt);
  expect(target, 'an approved, not featured reflection in 通州').toBeTruthy();
  const { title, author } = target!;

  const desk = new ReflectionsReviewPage(await pageAs('tongzhou'));
  await desk.goto();
  await desk.filterByState('已通过');
  const reflection = await desk.open(title, author.name);
  await expect(reflection.featuredTag).toHaveCount(0);
  await reflection.button('设为精选').click();
  await expect(desk.page.getByText('已设为精选，全委员会可见')).toBeVisible();
  await expect(reflection.featuredTag).toBeVisible();
  await expect(reflection.button('取消精选')).toBeVisible();

  const phone = await browser.newContext({
    storageState: storageStateOf('member'),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  try {
    const mine = new MyReflectionsPage(await phone.newPage());
    await mine.goto();
    const item = mine.featuredItem(title).filter({ hasText: author.name });
    await expect(item).toBeVisible();
    await expectNoHorizontalOverflow(mine.page);
    await item.getByRole('link', { name: title }).click();
    await expect(mine.page.getByTestId('reflection').getByRole('heading', { level: 2 })).toHaveText(title);
    await expect(mine.page.getByText(target!.body.slice(0, 20))).toBeVisible();
    await expectNoHorizontalOverflow(mine.page);
  } finally {
    await phone.close();
  }
});
