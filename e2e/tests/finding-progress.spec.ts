import { expect, signedInAs, test } from '../fixtures';
import { expectPageLooksRight } from '../support/rendering';

test.use(signedInAs('office'));

test('the office opens the founding drive’s evening progress: the found curve under the target line', async ({
  page,
}, testInfo) => {
  await page.goto('/finding/campaigns');
  const main = page.getByRole('main');
  await main
    .getByRole('row', { name: /2009年组织找党员集中行动/ })
    .getByRole('link', { name: '进度' })
    .click();
  await expect(page).toHaveURL(/\/finding\/campaigns\/\d+\/progress$/);
  const heading = main.getByText('行动进度 · 2009年组织找党员集中行动');
  await expect(heading).toBeVisible();
  // The chart names the count found and the target, as the figures above it do.
  const chart = main.getByRole('img', { name: '累计找到 / 目标' });
  await expect(chart).toBeVisible();
  await expect(chart.getByText(/^累计找到 [\d,]+$/)).toBeVisible();
  await expect(chart.getByText(/^目标 [\d,]+$/)).toBeVisible();
  const found = (await chart.getByText(/^累计找到/).textContent())!.replace(/\D/g, '');
  await expect(main.getByText(Number(found).toLocaleString('en-US'), { exact: true }).first()).toBeVisible();
  const byDistrict = main.getByRole('columnheader', { name: '所在区县' });
  await expect(byDistrict).toBeVisible();
  await expectPageLooksRight(byDistrict, testInfo.outputPath('finding-progress.png'));
});
