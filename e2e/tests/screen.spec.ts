import type { ScreenResponse } from '@ningxin/shared';
import { expect, signedInAs, test } from '../fixtures';
import { ScreenLinksPage, ScreenPage } from '../pages/ScreenPage';
import { WorkbenchPage } from '../pages/WorkbenchPage';
import { expectChineseGlyphs, expectDrawnWithCjkFont } from '../support/rendering';

test.use(signedInAs('office'));

for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  test(`the screen fills ${width}×${height} without scrolling or tofu, its maps and counters equal the API`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    const screen = new ScreenPage(page);
    // Once by its address, once through the menu (and back to the workbench at the end).
    if (width === 1920) await screen.goto();
    else await screen.openFromMenu();
    const sizes = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
      iw: window.innerWidth,
      ih: window.innerHeight,
    }));
    expect(sizes).toEqual({ w: width, h: height, iw: width, ih: height });
    // The canvas is scaled as a whole: at 1366×768 to 1366/1920 of its size.
    const box = await screen.canvas.boundingBox();
    expect(box?.width).toBeCloseTo(1920 * Math.min(width / 1920, height / 1080), 0);

    await expectChineseGlyphs(screen.counterLabel('二级流动党委'));
    await expectDrawnWithCjkFont(screen.counterLabel('二级流动党委'));
    await expectChineseGlyphs(screen.areaLabel(screen.beijingMap, '通州区').first());

    const api = (await (await page.request.get('/api/v1/stats/screen')).json()) as ScreenResponse;
    const tongzhou = api.byDistrict.find((d) => d.name === '通州区');
    expect(tongzhou?.count).toBeGreaterThan(0);
    await expect.poll(() => screen.areaNumber(screen.beijingMap, '通州区')).toBe(String(tongzhou?.count));
    const weixian = api.byCounty.find((c) => c.name === '蔚县');
    await expect
      .poll(() => screen.areaNumber(screen.zhangjiakouMap, '蔚县'))
      .toBe(String(weixian?.count ?? 0));
    await expect(screen.counterValue('members')).toHaveText(api.overview.members.toLocaleString('zh-CN'));
    await expect(screen.counterValue('committees')).toHaveText(String(api.overview.committees));
    await page.screenshot({ path: testInfo.outputPath(`screen-${width}.png`) });
    if (width !== 1920) {
      await page.goBack();
      await expect(page).toHaveURL(/:\d+\/$/);
      await expect(new WorkbenchPage(page).heading).toHaveText(/^您好/);
    }
  });
}

test('the office issues a kiosk link that opens the screen without a session, until revoked', async ({
  page,
  browser,
}) => {
  const links = new ScreenLinksPage(page);
  await links.goto();
  const label = `昌平党员之家一楼大厅 ${Date.now() % 100000}`;
  const url = await links.issue(label);

  // A fresh context: no cookies (the file's sign-in would otherwise carry over).
  const kiosk = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    storageState: { cookies: [], origins: [] },
  });
  try {
    const kioskPage = await kiosk.newPage();
    const screen = new ScreenPage(kioskPage);
    await screen.goto(url);
    const api = (await (await page.request.get('/api/v1/stats/screen')).json()) as ScreenResponse;
    await expect(screen.counterValue('members')).toHaveText(api.overview.members.toLocaleString('zh-CN'));
    expect(await kiosk.cookies()).toEqual([]);

    await links.revoke(label);
    await kioskPage.reload();
    await expect(screen.message).toContainText('数据大屏链接无效或已作废');
    await expect(screen.canvas).toBeHidden();
  } finally {
    await kiosk.close();
  }
});
