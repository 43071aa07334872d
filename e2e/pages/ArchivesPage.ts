import { expect, type Locator, type Page } from '@playwright/test';

/** 档案台账 and 档案借阅: find an item, lend it, take it back. */
export class ArchivesPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** The registry searched for one archive number: its row. */
  async find(code: string): Promise<Locator> {
    await this.page.goto('/archives');
    await expect(this.main.getByRole('heading', { name: '档案台账', level: 2 })).toBeVisible();
    const search = this.main.getByRole('searchbox', { name: '题名或档号' });
    await search.fill(code);
    await search.press('Enter');
    const row = this.main.getByRole('row').filter({ hasText: code });
    await expect(row).toHaveCount(1);
    return row;
  }

  /** 借出 on the item's row: the borrower and purpose, the days as the form proposes them. */
  async lend(code: string, borrower: string, purpose: string) {
    const row = await this.find(code);
    await row.getByRole('button', { name: '借出' }).click();
    const dialog = this.page.getByRole('dialog', { name: `借出档案：${code}` });
    await dialog.getByLabel('借阅人').fill(borrower);
    await dialog.getByLabel('借阅用途').fill(purpose);
    await dialog.getByRole('button', { name: '借出' }).click();
    await expect(dialog).toBeHidden();
  }

  /** 归还 on the loan's row of the loans out. */
  async giveBack(code: string) {
    await this.page.goto('/archives/loans');
    await expect(this.main.getByRole('heading', { name: '档案借阅', level: 2 })).toBeVisible();
    const row = this.main.getByRole('row').filter({ hasText: code });
    await row.getByRole('button', { name: '归还' }).click();
    await this.page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await expect(this.main.getByRole('row').filter({ hasText: code })).toHaveCount(0);
  }
}
