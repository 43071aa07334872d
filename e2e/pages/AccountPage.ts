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
  /** 两步验证: the card, its start button, the key shown while turning it on. */
  readonly twoFactor: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的账户', level: 2 });
    this.mustChangeNotice = main.getByRole('alert').filter({ hasText: '请先修改密码' });
    this.currentPassword = main.getByLabel('当前密码');
    this.newPassword = main.getByLabel('新密码');
    this.confirmPassword = main.getByLabel('确认密码');
    this.changeButton = main.getByRole('button', { name: '修改密码', exact: true });
    this.twoFactor = main
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-card-head-title').getByText('两步验证', { exact: true }) });
  }

  /**
   * Turns two-step verification on: shows the key, asks `codeFor` for the app's code for it,
   * confirms, and answers the recovery codes the dialog shows once (after 我已保存).
   */
  async turnOnTwoFactor(codeFor: (secret: string) => Promise<string>): Promise<string[]> {
    await this.twoFactor.getByRole('button', { name: '开启两步验证' }).click();
    const key = this.twoFactor.locator('code');
    await expect(key).toHaveText(/^[A-Z2-7]{16,}$/);
    await this.twoFactor.getByLabel('动态码').fill(await codeFor((await key.textContent()) ?? ''));
    await this.twoFactor.getByRole('button', { name: '确认开启' }).click();
    const dialog = this.page.getByRole('dialog', { name: '请保存恢复码' });
    const shown = dialog.getByTestId('recovery-codes').locator('code');
    // Read once the dialog shows them (reading at once raced the dialog's first render).
    await expect(shown.first()).toBeVisible();
    const codes = (await shown.allTextContents()).map((c) => c.trim());
    await dialog.getByRole('button', { name: '我已保存' }).click();
    await expect(dialog).toBeHidden();
    return codes;
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
