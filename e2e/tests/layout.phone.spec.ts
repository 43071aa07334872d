import { expect, signedInAs, test } from '../fixtures';
import { AccountPage } from '../pages/AccountPage';
import { AppShell } from '../pages/AppShell';
import { AuditPage } from '../pages/AuditPage';
import { LoginPage } from '../pages/LoginPage';
import { OrgTreePage } from '../pages/OrgTreePage';
import { expectPageLooksRight } from '../support/rendering';

// 390×844 (a phone): the same pages fit without sideways scrolling; the menu is a drawer.

test.describe('signed in as office', () => {
  test.use(signedInAs('office'));

  test('the org tree page, and the menu behind 打开菜单', async ({ page }, testInfo) => {
    const orgs = new OrgTreePage(page);
    await orgs.goto();
    await expect(orgs.detailTitle).toHaveText('中共张家口市驻京流动党员联合委员会');
    await expectPageLooksRight(orgs.detailTitle, testInfo.outputPath('orgs.png'));

    const shell = new AppShell(page);
    await expect(shell.menu).toBeHidden();
    await shell.navigate('我的账户');
    const account = new AccountPage(page);
    await expect(account.heading).toBeVisible();
    await expect(shell.menu).toBeHidden();
    await expect(account.changeButton).toBeVisible();
    await expectPageLooksRight(account.heading, testInfo.outputPath('account.png'));
  });
});

test('the audit page, as the auditor', async ({ pageAs }, testInfo) => {
  const audit = new AuditPage(await pageAs('auditor'));
  await audit.goto();
  await expect(audit.verifyButton).toBeVisible();
  await expectPageLooksRight(audit.heading, testInfo.outputPath('audit.png'));
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the login page', async ({ page }, testInfo) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectPageLooksRight(login.heading, testInfo.outputPath('login.png'));
  });
});
