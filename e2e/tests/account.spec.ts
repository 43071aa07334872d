import { generate } from 'otplib';
import { expect, test } from '../fixtures';
import { AccountPage } from '../pages/AccountPage';
import { AppShell } from '../pages/AppShell';
import { LoginPage } from '../pages/LoginPage';
import { OrgTreePage } from '../pages/OrgTreePage';
import { UsersPage } from '../pages/UsersPage';

const DAXING = '驻北京大兴区流动党委';

test('a new secretary changes the temporary password, then sees only 大兴', async ({
  page,
  pageAs,
  apiAs,
}) => {
  const user = { username: 'daxing-shuji', displayName: '大兴流动党委书记', password: 'Temp-pass-2026' };
  const newPassword = 'Daxing-2026!';

  // The system admin creates the account with a temporary password.
  const admin = new UsersPage(await pageAs('admin'));
  await admin.goto();
  await admin.create(user);
  await expect(admin.page.getByText('账户已创建')).toBeVisible();
  await expect(admin.row(user.username)).toContainText(user.displayName);
  await expect(admin.row(user.username)).toContainText('待改密码');
  await expect(admin.row(user.username).getByRole('button', { name: '授予角色' })).toHaveCount(0);

  // The security admin, who alone grants roles, makes it secretary of 大兴.
  const security = new UsersPage(await pageAs('security'));
  await security.goto();
  await security.assignOrgRole(user.username, '书记', DAXING);
  await expect(security.page.getByText('角色已授予')).toBeVisible();
  await expect(security.row(user.username)).toContainText(`书记 · ${DAXING}及下级`);

  // First sign-in: straight to 我的账户, and nothing else opens until the password is changed.
  const login = new LoginPage(page);
  await login.goto();
  await login.login(user.username, user.password);
  const account = new AccountPage(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(account.mustChangeNotice).toBeVisible();
  await page.goto('/orgs');
  await expect(page).toHaveURL(/\/account$/);
  await expect(account.mustChangeNotice).toBeVisible();

  await account.changePassword(user.password, newPassword);
  await expect(page.getByText('密码已修改，其他设备上的登录已注销')).toBeVisible();
  await expect(account.mustChangeNotice).toBeHidden();

  // Now the tree opens, with 大兴 and its branches only.
  const [top] = await (await apiAs('office')).orgTree();
  const daxing = top?.children.find((c) => c.name === DAXING);
  if (!top || !daxing) throw new Error(`${DAXING} is missing from the demo committee`);
  await new AppShell(page).navigate('组织架构');
  const orgs = new OrgTreePage(page);
  await expect(orgs.treeItems.first()).toHaveAccessibleName(DAXING);
  await expect(orgs.detailTitle).toHaveText(DAXING);
  await expect(orgs.treeItems).toHaveCount(1 + daxing.children.length);
  const shown = (await orgs.tree.textContent()) ?? '';
  for (const other of [top, ...top.children.filter((c) => c.id !== daxing.id)])
    expect(shown, `the tree shows ${other.name}`).not.toContain(other.name);

  // From now on the new password is the one that works.
  await new AppShell(page).logoutButton.click();
  await expect(login.heading).toBeVisible();
  await login.attempt(user.username, user.password);
  await expect(login.error).toHaveText(/^用户名或密码错误/);
  await login.login(user.username, newPassword);
  await orgs.goto();
  await expect(orgs.detailTitle).toHaveText(DAXING);
});

test('a user turns on two-step verification, then signs in with the app’s code or a recovery code once', async ({
  page,
  pageAs,
}) => {
  const user = { username: 'liangbu-yanzheng', displayName: '两步验证测试', password: 'Temp-pass-2026' };
  const password = 'Liangbu-2026!';
  const admin = new UsersPage(await pageAs('admin'));
  await admin.goto();
  await admin.create(user);
  await expect(admin.page.getByText('账户已创建')).toBeVisible();

  const login = new LoginPage(page);
  await login.goto();
  await login.login(user.username, user.password);
  const account = new AccountPage(page);
  await account.changePassword(user.password, password);
  await expect(account.mustChangeNotice).toBeHidden();

  let secret = '';
  const codes = await account.turnOnTwoFactor(async (key) => {
    secret = key;
    return generate({ secret });
  });
  expect(codes).toHaveLength(10);
  await expect(account.twoFactor).toContainText('已开启');

  // Signing in again: the password alone is not enough; the app's next code is.
  await new AppShell(page).logoutButton.click();
  await expect(page).toHaveURL(/\/login/);
  await login.attempt(user.username, password);
  await expect(login.error).toContainText('该账户已开启两步验证');
  await login.otp.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await login.submit.click();
  await expect(page).not.toHaveURL(/\/login/);

  // A recovery code works once.
  for (const expected of ['signed in', 'refused'] as const) {
    await page.context().clearCookies();
    await login.goto();
    await login.attempt(user.username, password);
    await login.otp.fill(codes[0]!);
    await login.submit.click();
    if (expected === 'signed in') await expect(page).not.toHaveURL(/\/login/);
    else await expect(login.error).toContainText('动态码不正确或已使用');
  }
});
