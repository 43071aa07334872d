import { expect, type Locator, type Page } from '@playwright/test';

/** 审计日志: the filter form, the verify button and the log table. */
export class AuditPage {
  readonly heading: Locator;
  readonly actorFilter: Locator;
  readonly actionFilter: Locator;
  readonly searchButton: Locator;
  readonly verifyButton: Locator;
  readonly table: Locator;
  /** The log's entries: table rows with cells (the header row has column headers only). */
  readonly entries: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '审计日志', level: 2 });
    this.actorFilter = main.getByRole('textbox', { name: '操作人', exact: true });
    this.actionFilter = main.getByRole('combobox', { name: '操作', exact: true });
    this.searchButton = main.getByRole('button', { name: '查询', exact: true });
    this.verifyButton = main.getByRole('button', { name: '校验完整性', exact: true });
    this.table = main.getByRole('table');
    this.entries = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/audit');
    await expect(this.heading).toBeVisible();
    await expect(this.entries.first()).toBeVisible();
  }

  /** Picks one action (by its Chinese label) in the 操作 filter and runs the search. */
  async filterByAction(label: string): Promise<void> {
    await this.actionFilter.click();
    await this.actionFilter.fill(label);
    await this.page.locator(`.ant-select-item-option[title="${label}"]`).click();
    await this.searchButton.click();
  }

  /** The entries whose row mentions the text (an actor, an action, a target). */
  entriesWith(text: string): Locator {
    return this.entries.filter({ hasText: text });
  }

  /** The text of every listed entry under a column header (时间, 操作人, 操作, 对象, IP). */
  async columnValues(column: string): Promise<string[]> {
    const headers = (await this.table.getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    const texts = await this.entries.evaluateAll(
      (rows, i) => rows.map((row) => row.querySelectorAll('td')[i]?.textContent?.trim() ?? ''),
      index,
    );
    return texts;
  }
}
