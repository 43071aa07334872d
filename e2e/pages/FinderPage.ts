import type { Locator, Page } from '@playwright/test';

/** 我的线索: a finder's leads, one card each. */
export class MyLeadsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { name: '我的线索' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/finding/my-leads');
  }

  lead(name: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name });
  }
}

/** A lead, as its finder works it on a phone. */
export class LeadWorkPage {
  readonly heading: Locator;
  readonly callLink: Locator;
  readonly logVisitButton: Locator;
  readonly foundButton: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 3 });
    this.callLink = main.getByRole('link', { name: /拨打电话/ });
    this.logVisitButton = main.getByRole('button', { name: /记录寻访/ });
    this.foundButton = main.getByRole('button', { name: /已找到/ });
    this.history = main.locator('.ant-card').filter({ hasText: '寻访记录' });
  }

  state(label: string): Locator {
    return this.page.getByRole('main').locator('.ant-tag', { hasText: label }).first();
  }

  /** The open drawer (记录寻访 or 标记已找到). */
  drawer(title: RegExp): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByText(title) });
  }

  async logVisit(method: string, result: string, note: string): Promise<void> {
    await this.logVisitButton.click();
    const drawer = this.drawer(/记录寻访/);
    await drawer.getByText(method, { exact: true }).click();
    await drawer.getByText(result, { exact: true }).click();
    await drawer.getByLabel('情况').fill(note);
    await drawer.getByRole('button', { name: '保存' }).click();
  }

  async markFoundCreating(fields: { idNumber: string; joinedAt: string }): Promise<void> {
    await this.foundButton.click();
    const drawer = this.drawer(/标记已找到/);
    await drawer.getByLabel('身份证号').fill(fields.idNumber);
    const joined = drawer.getByLabel('入党日期');
    await joined.click();
    await joined.fill(fields.joinedAt);
    await joined.press('Tab');
    await drawer.getByRole('button', { name: '已找到' }).click();
  }
}
