import { expect, test } from '../fixtures';
import { AppShell } from '../pages/AppShell';
import { LoginPage } from '../pages/LoginPage';
import { DEMO_PASSWORD } from '../support/accounts';

// Locks `finder4` for 15 minutes: no other test signs in as it (it has no saved state).
const VICTIM = 'finder4';
const LOCKED = '连续 5 次密码错误，账户已锁定';

test('five wrong passwords lock the account, and the page says so in Chinese', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();

  for (const remaining of [4, 3, 2, 1]) {
    await login.attempt(VICTIM, 'Wrong-pass-1');
    await expect(login.error).toHaveText(`用户名或密码错误，还可尝试 ${remaining} 次`);
    // The form clears the password after a failure.
    await expect(login.password).toHaveValue('');
  }
  await login.attempt(VICTIM, 'Wrong-pass-1');
  await expect(login.error).toContainText(LOCKED);
  await expect(login.error).toContainText(/请 \d+ 分钟后再试/);

  // Now the right password is refused too, with the same message.
  await login.attempt(VICTIM, DEMO_PASSWORD);
  await expect(login.error).toContainText(LOCKED);
  await expect(page).toHaveURL(/\/login/);
  await expect(new AppShell(page).header).toHaveCount(0);
});

test('the login page switches to English and remembers it', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(login.heading).toHaveText('登录');

  await login.languageButton('English').click();
  await expect(login.heading).toHaveText('Sign in');
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(login.heading).toHaveText('Sign in');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  await login.languageButton('中文').click();
  await expect(login.heading).toHaveText('登录');
  await expect(login.username).toBeVisible();
  await page.reload();
  await expect(login.heading).toHaveText('登录');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
