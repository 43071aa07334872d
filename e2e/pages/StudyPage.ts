import { expect, type Locator, type Page } from '@playwright/test';

/** 学时管理: the board of members below the requirement, recording offline study, the export. */
export class StudyPage {
  readonly heading: Locator;
  readonly board: Locator;
  readonly exportButton: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '学时管理', level: 2 });
    this.board = main.getByTestId('study-board');
    this.exportButton = main.getByRole('link', { name: /导出 Excel/ });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/study');
    await expect(this.heading).toBeVisible();
    await expect(this.rows().first()).toBeVisible({ timeout: 20_000 });
  }

  rows(): Locator {
    return this.board.locator('tbody tr.ant-table-row');
  }

  /** Sorts the board by a column (the server sorts), e.g. 已修 descending. */
  async sortBy(column: string, order: 'ascending' | 'descending'): Promise<void> {
    const header = this.board.getByRole('columnheader', { name: column });
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== order; i++) {
      const answered = this.page.waitForResponse((r) => r.url().includes('/api/v1/study/board?'));
      await header.click();
      await answered;
      await expect(this.board.locator('.ant-spin-spinning')).toHaveCount(0);
    }
    await expect(header).toHaveAttribute('aria-sort', order);
  }

  /** A row's member name and gap. */
  async read(row: Locator): Promise<{ name: string; gap: number }> {
    const name = (await row.locator('td').first().textContent())!.trim();
    const gap = Number((await row.getByTestId('board-gap').textContent())!.trim());
    return { name, gap };
  }

  /** The rows of members of this name showing this gap. */
  rowWith(name: string, gap: number): Locator {
    return this.rows()
      .filter({ has: this.page.getByRole('button', { name, exact: true }) })
      .filter({ has: this.page.getByTestId('board-gap').getByText(String(gap), { exact: true }) });
  }

  /** Records offline study for the member of the row. */
  async record(row: Locator, hours: number, title: string): Promise<void> {
    await row.getByRole('button', { name: '录入学时' }).click();
    await expect(this.dialog).toBeVisible();
    const hoursInput = this.dialog.getByLabel('学时');
    await hoursInput.fill(String(hours));
    await this.dialog.getByLabel('学习内容').fill(title);
    await this.dialog.getByRole('button', { name: '录入学时' }).click();
    await expect(this.page.getByText(`已录入 ${hours} 学时`)).toBeVisible();
    await expect(this.dialog).toBeHidden();
  }

  async export() {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    return download;
  }
}

/** 我的学时 (phone). */
export class MyStudyPage {
  readonly heading: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的学时', level: 2 });
    this.progress = main.getByTestId('study-progress');
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-study');
    await expect(this.heading).toBeVisible();
    await expect(this.progress).toBeVisible({ timeout: 20_000 });
  }
}
