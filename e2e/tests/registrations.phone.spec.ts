import { idCheckChar } from '@ningxin/shared';
import { expect, test } from '../fixtures';
import { JoinPage, JoinStatusPage, RegistrationsPage } from '../pages/JoinPages';
import { LoginPage } from '../pages/LoginPage';
import { expectPageLooksRight } from '../support/rendering';

// 390×844: a member finds the organization on a phone (党员找组织), the secretary of 通州 accepts,
// and the member signs in.

/** A synthetic ID number valid by checksum, different on every run. */
function idNumber(): string {
  const n = Date.now() % 100_000;
  const birth = `1987${String((n % 12) + 1).padStart(2, '0')}${String((n % 28) + 1).padStart(2, '0')}`;
  const first17 = `130723${birth}${String(101 + 2 * (n % 400)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

test('a member self-registers, checks the status, is accepted and signs in', async ({
  page,
  pageAs,
  browser,
}, testInfo) => {
  const suffix = String(Date.now() % 10_000).padStart(4, '0');
  const person = {
    name: `报到${'甲乙丙丁戊己庚辛壬癸'[Number(suffix[3])]}${'子丑寅卯辰巳午未申酉'[Number(suffix[2])]}`,
    idNumber: idNumber(),
    phone: `1760000${suffix}`,
    homeCounty: '康保县',
    homeOrg: '康保县某镇某村党支部',
    joinedAt: '2012-07-01',
    hostDistrict: '通州区',
    hostAddress: '北京市通州区某街道某小区',
    employer: '某物流公司',
  };

  // The public page, without signing in.
  const join = new JoinPage(page);
  await join.goto();
  await join.fill(person);
  await expectPageLooksRight(page.getByText('个人信息处理同意书'), testInfo.outputPath('join.png'));
  await join.submit.click();
  await expect(join.submitted).toBeVisible();

  // The status page: waiting for review.
  // Listening before the click: the page can fetch its picture challenge before the next line runs.
  const status = new JoinStatusPage(page);
  await page.getByRole('link', { name: '查询审核进度' }).click();
  await status.check(person.idNumber, person.phone);
  await expect(page.getByText('待审核', { exact: true })).toBeVisible();
  await expect(page.getByText('驻北京通州区流动党委')).toBeVisible();

  // The secretary of 通州 accepts into a branch, with a first password.
  const queue = new RegistrationsPage(await pageAs('tongzhou'));
  await queue.goto();
  await expect(queue.row(person.name)).toBeVisible();
  await expectPageLooksRight(queue.heading, testInfo.outputPath('queue.png'));
  await queue.accept(person.name, '建筑业流动党支部', 'Join-2026-Party');

  // The status page now names the committee and the branch.
  await status.check(person.idNumber, person.phone);
  await expect(page.getByText('已接收', { exact: true })).toBeVisible();
  await expect(page.getByText('建筑业流动党支部')).toBeVisible();

  // The member signs in with the phone and the first password, and is asked to change it.
  const context = await browser.newContext();
  const login = new LoginPage(await context.newPage());
  await login.goto();
  await login.login(person.phone, 'Join-2026-Party');
  await expect(login.page).toHaveURL(/\/account/);
  await context.close();
});
