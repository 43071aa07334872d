import type { Locator, Page } from '@playwright/test';

/** 我的主页: a member's phone home, one card per part of the member's year. */
export class PortalPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 3 });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** A card by its title (我的组织生活, 通知消息 with its unread count, 我的档案 …). */
  card(title: string): Locator {
    return this.page.getByRole('main').getByRole('region', { name: title });
  }

  /** The card's link to its full page. */
  more(title: string): Locator {
    return this.card(title).getByRole('link', { name: '查看全部' });
  }
}
