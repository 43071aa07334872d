import { expect, type Locator, type Page } from '@playwright/test';

export type MenuEntry = '组织架构' | '审计日志' | '账户管理' | '我的账户';

/** The signed-in frame: the header and the side menu (a drawer behind 打开菜单 on a phone). */
export class AppShell {
  readonly header: Locator;
  readonly menu: Locator;
  readonly openMenuButton: Locator;
  readonly logoutButton: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.menu = page.getByRole('navigation', { name: '凝心' }).getByRole('menu');
    this.openMenuButton = this.header.getByRole('button', { name: '打开菜单' });
    this.logoutButton = this.header.getByRole('button', { name: '退出登录' });
  }

  menuItem(name: MenuEntry): Locator {
    return this.menu.getByRole('menuitem', { name, exact: true });
  }

  /** Opens the phone drawer when the menu is behind it; a no-op on a desktop. */
  async showMenu(): Promise<void> {
    await expect(this.header).toBeVisible();
    if (await this.openMenuButton.isVisible()) await this.openMenuButton.click();
    await expect(this.menu).toBeVisible();
  }

  async navigate(name: MenuEntry): Promise<void> {
    await this.showMenu();
    await this.menuItem(name).click();
  }
}
