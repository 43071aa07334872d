import type { Locator, Page } from '@playwright/test';
import { pickOrg } from './pickers';

/** 通知公告: the notices sent, with their read counts. */
export class NoticeListPage {
  readonly heading: Locator;
  readonly composeButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '通知公告' });
    this.composeButton = main.getByRole('button', { name: '发通知' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/notices');
  }

  row(title: string): Locator {
    return this.page.getByRole('main').getByRole('row').filter({ hasText: title });
  }
}

/** 发通知: the compose form. */
export class NoticeComposePage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly body: Locator;
  readonly sendButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { name: '发通知' });
    this.title = main.getByLabel('标题', { exact: true });
    this.body = main.getByRole('textbox', { name: '正文' });
    this.sendButton = main.getByRole('button', { name: '发送' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/notices/new');
  }

  /** Adds an org subtree to the recipients, found by typing its name (picked again if the pick is lost). */
  async addOrg(name: string): Promise<void> {
    await pickOrg(this.page.getByRole('main'), '组织（含下级）', name);
    await this.page.keyboard.press('Escape');
  }
}

/** A notice: its text, and for its sender the read receipts and 提醒未读. */
export class NoticePage {
  readonly heading: Locator;
  /** A label in Chinese only (the title holds digits), for the rendering checks. */
  readonly stateTag: Locator;
  readonly readMark: Locator;
  readonly receipts: Locator;
  readonly remindButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    // The page's title; the body may hold headings of its own below it.
    this.heading = main.getByRole('heading', { level: 2 }).first();
    this.stateTag = main.getByText('已发布', { exact: true });
    this.readMark = main.getByText(/^已于 .+ 阅读$/);
    this.receipts = main.locator('.ant-card').filter({ has: page.getByRole('table') });
    this.remindButton = main.getByRole('button', { name: '提醒未读' });
  }

  /** The receipts filter 未读 n / 已读 n / 全部 n. */
  filter(label: string | RegExp): Locator {
    return this.receipts.getByText(label, { exact: true });
  }

  recipientRow(name: string): Locator {
    return this.receipts.getByRole('row').filter({ hasText: name });
  }
}

/** 收件箱. */
export class InboxPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: '收件箱' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/inbox');
  }

  item(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  /** The header's bell, named by its unread count. */
  bell(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: /^收件箱：\d+ 条未读$/ });
  }
}
