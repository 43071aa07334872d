import { expect, type Locator, type Page } from '@playwright/test';

/**
 * 党员信息库: the search box and the member table at a desk (a row's name links to the member's
 * page); on a phone, the member cards (each a link) and the filter sheet.
 */
export class MembersPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly table: Locator;
  /** The listed members: table rows with cells (the header row has column headers only). */
  readonly rows: Locator;
  readonly importButton: Locator;
  /** 打印采集表（n）: the ticked members' forms as one PDF download. */
  readonly printSelected: Locator;
  /** On a phone: the member cards, each a link to the member. */
  readonly cards: Locator;
  /** On a phone: 筛选 (with the count of filters set) and the sheet it opens. */
  readonly filtersButton: Locator;
  readonly filterSheet: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '党员信息库', level: 2 });
    this.search = main.getByLabel('姓名、拼音、手机或身份证后4位');
    this.table = main.getByRole('table');
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.importButton = main.getByRole('button', { name: '批量导入' });
    this.printSelected = main.getByRole('button', { name: /^打印采集表（\d+）$/ });
    this.cards = main.getByRole('list', { name: '党员信息库' }).getByRole('listitem');
    this.filtersButton = main.getByRole('button', { name: /^筛选/ });
    this.filterSheet = page.getByRole('dialog', { name: '筛选' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/members');
    await expect(this.heading).toBeVisible();
  }

  /** Types the query and presses Enter; the URL carries it once the list follows. */
  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(query)}`));
  }

  /** The tick box of a listed member's row. */
  rowCheckbox(name: string): Locator {
    return this.table.getByRole('checkbox', { name: `选择${name}`, exact: true });
  }

  /** The link to a listed member's page: the member's name, pointing at that member. */
  memberLink(id: number, name: string): Locator {
    return this.table
      .getByRole('link', { name, exact: true })
      .and(this.page.locator(`[href="/members/${id}"]`));
  }
}
