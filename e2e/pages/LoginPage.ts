import { expect, type Locator, type Page } from '@playwright/test';

/** 登录: the sign-in form, its error message and the language switch. */
export class LoginPage {
  readonly heading: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** The message the server sent back for the last failed attempt. */
  readonly error: Locator;
  /** 动态码: asked for once the password was right for an account with two-step verification. */
  readonly otp: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 2 });
    this.username = page.getByLabel('用户名', { exact: true });
    this.password = page.getByLabel('密码', { exact: true });
    this.submit = page.getByRole('main').getByRole('button', { name: '登录', exact: true });
    this.error = page.getByRole('main').getByRole('alert');
    this.otp = page.getByLabel('动态码', { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await expect(this.heading).toBeVisible();
  }

  /** Fills the form and presses 登录; the caller asserts where that leads. */
  async attempt(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in and waits until the app has left the login page. */
  async login(username: string, password: string): Promise<void> {
    await this.attempt(username, password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }

  /** The language button names the language it switches to: 'English' or '中文'. */
  languageButton(name: 'English' | '中文'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
