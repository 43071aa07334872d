import { expect, type Locator, type Page } from '@playwright/test';

/** 心得体会审核: the reviewers' desk list. */
export class ReflectionsReviewPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '心得体会审核', level: 2 });
    this.table = main.getByRole('table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/reflections');
    await expect(this.heading).toBeVisible();
  }

  /** Narrows the list to one state (待审核, 已通过, 已退回). */
  async filterByState(state: string): Promise<void> {
    await this.page.getByRole('main').getByRole('combobox', { name: '状态' }).click();
    await this.page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${state}"]`)
      .click({ timeout: 3_000 });
  }

  /** The row of the author's reflection with that title. */
  row(title: string, author: string): Locator {
    return this.table.getByRole('row').filter({ hasText: title }).filter({ hasText: author });
  }

  /** Opens the reflection from its row. */
  async open(title: string, author: string): Promise<ReflectionPage> {
    await this.row(title, author).getByRole('link', { name: title }).first().click();
    const page = new ReflectionPage(this.page);
    await expect(page.heading).toHaveText(title);
    return page;
  }
}

/** One reflection: heading, state tags, the reviewer's buttons and the text. */
export class ReflectionPage {
  readonly heading: Locator;
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reflection');
    this.heading = this.root.getByRole('heading', { level: 2 });
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name });
  }

  /** The 精选 tag beside the state. */
  get featuredTag(): Locator {
    return this.root.locator('.ant-tag').filter({ hasText: '精选' });
  }
}

/** 我的心得 on a phone: my reflections and the featured ones. */
export class MyReflectionsPage {
  readonly heading: Locator;
  readonly featured: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '我的心得', level: 2 });
    this.featured = main.getByRole('region', { name: '精选心得' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-reflections');
    await expect(this.heading).toBeVisible();
  }

  featuredItem(title: string): Locator {
    return this.featured.getByRole('listitem', { name: title });
  }
}
