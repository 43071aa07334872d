import { expect, type Locator, type Page } from '@playwright/test';

/** 我的账户: profile, change password, sessions. */
export class AccountPage {
  readonly heading: Locator;
  /** Shown while the user must change the password before using anything else. */
  readonly mustChangeNotice: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly changeButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的账户', level: 2 });
    this.mustChangeNotice = main.getByRole('alert').filter({ hasText: '请先修改密码' });
    this.currentPassword = main.getByLabel('当前密码');
    this.newPassword = main.getByLabel('新密码');
    this.confirmPassword = main.getByLabel('确认密码');
    this.changeButton = main.getByRole('button', { name: '修改密码', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
    await expect(this.heading).toBeVisible();
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.currentPassword.fill(current);
    await this.newPassword.fill(next);
    await this.confirmPassword.fill(next);
    await this.changeButton.click();
  }
}
