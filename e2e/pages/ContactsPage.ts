import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/accounts';

/** The 联系记录 card of the member page, and its 记一笔 dialog. */
export class MemberContactsCard {
  readonly card: Locator;
  readonly addButton: Locator;
  readonly entries: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('main').locator('.ant-card').filter({ hasText: '联系记录' });
    this.addButton = this.card.getByRole('button', { name: '记一笔' });
    this.entries = this.card.getByTestId('contact-entry');
    this.dialog = page.getByRole('dialog');
  }

  async goto(memberId: number): Promise<void> {
    await this.page.goto(`/members/${memberId}`);
    await expect(this.card).toBeVisible();
  }

  /** Adds a note (备注) through the dialog. */
  async addNote(text: string): Promise<void> {
    await this.addButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByText('备注', { exact: true }).first().click();
    await this.dialog.getByRole('textbox', { name: '备注' }).fill(text);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Adds a phone call that reached the member. */
  async addReachedCall(note: string): Promise<void> {
    await this.addButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('textbox', { name: '备注' }).fill(note);
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  entry(text: string): Locator {
    return this.entries.filter({ hasText: text });
  }
}

/** 双重管理: figures of the user's scope and the members, each with 联系. */
export class CoManagementPage {
  readonly heading: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '双重管理' });
    this.rows = page.getByTestId('member-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/finding/co-management');
    await expect(this.heading).toBeVisible();
  }
}

/**
 * A page signed in as a demo account that the setup project does not save (the home and host
 * sides): signs in through the API in a fresh context. The caller closes the context.
 */
export async function pageSignedInAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const login = await context.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(login.status(), await login.text()).toBe(200);
  return context.newPage();
}
