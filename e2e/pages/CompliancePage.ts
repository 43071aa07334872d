import { expect, type Locator, type Page } from '@playwright/test';

/** 组织生活落实情况: the board of branches, a branch's month grid, the export. */
export class CompliancePage {
  readonly heading: Locator;
  readonly board: Locator;
  readonly summary: Locator;
  readonly exportButton: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '组织生活落实情况', level: 2 });
    this.board = main.getByTestId('compliance-board');
    this.summary = main.getByTestId('compliance-summary');
    this.exportButton = main.getByRole('link', { name: /导出 Excel/ });
    this.drawer = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/compliance${query}`);
    await expect(this.heading).toBeVisible();
    await expect(this.summary).toBeVisible({ timeout: 20_000 });
  }

  /** The coloured held/required tags of a status (behind is red). */
  tags(status: 'done' | 'behind' | 'in_progress' | 'exempt'): Locator {
    return this.board.locator(`.ant-tag[data-status="${status}"]`);
  }

  /** The board's rows of branches behind schedule. */
  behindRows(): Locator {
    return this.board
      .locator('tbody tr')
      .filter({ has: this.page.locator('.ant-tag[data-status="behind"]') });
  }

  /** Opens a branch's month-by-month grid from its row. */
  async drillDown(row: Locator): Promise<string> {
    const link = row.locator('td').first().locator('a, .ant-typography').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await expect(this.drawer).toBeVisible();
    await expect(this.drawer.getByTestId('month-grid')).toBeVisible();
    return name;
  }

  /** Clicks the export and waits for the download. */
  async export() {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    return download;
  }
}
