import type { Locator, Page } from '@playwright/test';

/** The home page (工作台): figures of the user's scope, to-dos, shortcuts. */
export class WorkbenchPage {
  readonly heading: Locator;
  readonly todos: Locator;
  readonly shortcuts: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 3 });
    this.todos = page.getByRole('main').locator('.ant-card').filter({ hasText: '待办事项' });
    this.shortcuts = page.getByRole('main').locator('.ant-card').filter({ hasText: '快捷入口' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** A figure card by its title (党员总数, 在册, 失联, 本月新增). */
  figure(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  todo(label: string): Locator {
    return this.todos.getByRole('link', { name: label, exact: true });
  }
}
