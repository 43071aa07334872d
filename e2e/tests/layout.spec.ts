import { expect, signedInAs, test } from '../fixtures';
import { AccountPage } from '../pages/AccountPage';
import { AuditPage } from '../pages/AuditPage';
import { LoginPage } from '../pages/LoginPage';
import { OrgTreePage } from '../pages/OrgTreePage';
import { UsersPage } from '../pages/UsersPage';
import { expectPageLooksRight } from '../support/rendering';

// 1366×768: every page fits the window and its Chinese is drawn with a CJK font.

test.describe('signed in as office', () => {
  test.use(signedInAs('office'));

  test('the org tree page', async ({ page }, testInfo) => {
    const orgs = new OrgTreePage(page);
    await orgs.goto();
    await expect(orgs.detailTitle).toHaveText('中共张家口市驻京流动党员联合委员会');
    await expect(orgs.treeItems).toHaveCount(18);
    await expectPageLooksRight(orgs.detailTitle, testInfo.outputPath('orgs.png'));
  });

  test('the account page', async ({ page }, testInfo) => {
    const account = new AccountPage(page);
    await account.goto();
    await expect(account.changeButton).toBeVisible();
    await expect(page.getByRole('main').getByRole('columnheader', { name: '登录时间' })).toBeVisible();
    await expectPageLooksRight(account.heading, testInfo.outputPath('account.png'));
  });
});

test('the audit page, as the auditor', async ({ pageAs }, testInfo) => {
  const audit = new AuditPage(await pageAs('auditor'));
  await audit.goto();
  await expect(audit.verifyButton).toBeVisible();
  await expectPageLooksRight(audit.heading, testInfo.outputPath('audit.png'));
});

test('the accounts page, as the system admin', async ({ pageAs }, testInfo) => {
  const users = new UsersPage(await pageAs('admin'));
  await users.goto();
  await expect(users.row('tongzhou')).toBeVisible();
  await expectPageLooksRight(users.heading, testInfo.outputPath('users.png'));
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the login page', async ({ page }, testInfo) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectPageLooksRight(login.heading, testInfo.outputPath('login.png'));
  });
});
