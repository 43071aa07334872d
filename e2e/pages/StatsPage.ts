import { expect, type Locator, type Page } from '@playwright/test';

/** 数据统计: the member figures' panels (chart + table) and their links to the member list. */
export class StatsPage {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async goto(): Promise<void> {
    await this.page.goto('/stats');
    await expect(this.main.getByRole('heading', { name: '数据统计', level: 2 })).toBeVisible();
  }

  /** A member figure's panel (by committee, by home county …). */
  panel(by: string): Locator {
    return this.main.getByTestId(`stats-members-${by}`);
  }

  /** The total row's figure of a member panel. */
  total(by: string): Locator {
    return this.main.getByTestId(`stats-total-${by}`);
  }

  /** Clicks a row's number: the member list opens with the row's filter. */
  async openRow(by: string, name: string): Promise<void> {
    const row = this.panel(by).getByRole('row', { name: new RegExp(`^${name}`) });
    await row.getByRole('link').click();
  }
}
